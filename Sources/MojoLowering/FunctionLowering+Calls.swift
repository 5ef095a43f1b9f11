//! Calls: user functions, `print` (all arguments evaluated before anything is written,
//! LANGUAGE.md §8.8), conversions, `abs`/`min`/`max`, string builtins and `std.math`.
import MojoIR
import MojoSema
import MojoSyntax

extension FunctionLowering {
  mutating func lowerArgument(_ argument: CallArgument) -> Operand {
    switch argument {
    case .expression(let id): return lowerExpression(id)
    case .constant(let c, let t): return constant(c, as: t)
    }
  }

  func argumentType(_ argument: CallArgument) -> SemaType {
    switch argument {
    case .expression(let id): type(of: id)
    case .constant(_, let t): t
    }
  }

  /// Lowers a resolved call; nil for calls without a result.
  mutating func lowerCall(_ target: CallTarget, start: Int, count: Int) -> Operand? {
    let arguments = Array(checked.callArguments[start..<start + count])
    let values = arguments.map { lowerArgument($0) }
    switch target {
    case .function(let m, let f):
      let signature = module.program.signatures[m][f]
      let result = builder.call(module.functionRef(module: m, index: f), returning: ModuleLowering.irType(signature.result), values)
      return result.map { .value($0) }
    case .print:
      let sep = values[values.count - 2], end = values[values.count - 1]
      for k in 0..<(values.count - 2) {
        if k > 0 { _ = runtime(Runtime.printString, [sep]) }
        printValue(values[k], argumentType(arguments[k]))
      }
      _ = runtime(Runtime.printString, [end])
      return nil
    case .abs:
      if argumentType(arguments[0]) == .float64 {
        // x <= 0 ? 0.0 - x : x clears the sign of -0.0 too.
        return select(builder.op(.fle, values[0], .float(0.0)), .f64,
                      { .value($0.builder.op(.fsub, .float(0.0), values[0])) }, { _ in values[0] })
      }
      // Branch-free: (x ^ m) - m with m = x >> 63; abs(MIN) stays MIN.
      let mask = builder.op(.ishr, values[0], .int(63))
      return .value(builder.op(.isub, .value(builder.op(.ixor, values[0], .value(mask))), .value(mask)))
    case .min, .max:
      let isFloat = argumentType(arguments[0]) == .float64
      var acc = values[0]
      for v in values.dropFirst() {
        if isFloat {
          acc = runtime(target == .min ? Runtime.fmin : Runtime.fmax, [acc, v])
        } else {
          let takeNew = builder.op(target == .min ? .ilt : .igt, v, acc)
          let current = acc
          acc = select(takeNew, .i64, { _ in v }, { _ in current })
        }
      }
      return acc
    case .convertToInt:
      switch argumentType(arguments[0]) {
      case .float64: return .value(builder.op(.fptosi, values[0]))
      case .bool: return .value(builder.op(.zext, values[0]))
      default: return values[0]
      }
    case .convertToFloat64:
      switch argumentType(arguments[0]) {
      case .int: return .value(builder.op(.sitofp, values[0]))
      case .bool: return .value(builder.op(.sitofp, .value(builder.op(.zext, values[0]))))
      default: return values[0]
      }
    case .convertToBool:
      switch argumentType(arguments[0]) {
      case .int: return .value(builder.op(.ine, values[0], .int(0)))
      case .float64: return .value(builder.op(.fne, values[0], .float(0.0)))
      case .string: return .value(builder.op(.ine, .value(builder.load(.i64, from: values[0], offset: 0)), .int(0)))
      default: return values[0]
      }
    case .convertToString:
      switch argumentType(arguments[0]) {
      case .int: return runtime(Runtime.fromInt, values)
      case .float64: return runtime(Runtime.fromFloat, values)
      case .bool: return runtime(Runtime.fromBool, [.value(builder.op(.zext, values[0]))])
      default: return values[0]
      }
    case .byteLength:
      return .value(builder.load(.i64, from: values[0], offset: 0))
    case .ord:
      return runtime(Runtime.ord, values)
    case .chr:
      return runtime(Runtime.chr, values)
    case .library(let f):
      switch f {
      case .sqrt: return .value(builder.op(.fsqrt, values[0]))
      case .floor: return runtime(Runtime.floor, values)
      case .ceil: return runtime(Runtime.ceil, values)
      case .trunc: return runtime(Runtime.trunc, values)
      }
    case .len, .range:
      preconditionFailure("lowering: \(target) has no value form")
    }
  }

  mutating func printValue(_ value: Operand, _ t: SemaType) {
    switch t {
    case .int: _ = runtime(Runtime.printInt, [value])
    case .float64: _ = runtime(Runtime.printFloat, [value])
    case .bool: _ = runtime(Runtime.printBool, [.value(builder.op(.zext, value))])
    default: _ = runtime(Runtime.printString, [value])
    }
  }

  /// `condition ? a : b` through blocks (the IR has no select; both backends handle branches).
  mutating func select(_ condition: ValueID, _ type: IRType, _ a: (inout FunctionLowering) -> Operand,
                       _ b: (inout FunctionLowering) -> Operand) -> Operand {
    let result = builder.makeValue(type)
    let thenBlock = builder.makeBlock(), elseBlock = builder.makeBlock(), merge = builder.makeBlock()
    builder.branch(if: .value(condition), then: thenBlock, else: elseBlock)
    builder.switchTo(thenBlock)
    builder.copy(a(&self), to: result)
    builder.branch(to: merge)
    builder.switchTo(elseBlock)
    builder.copy(b(&self), to: result)
    builder.branch(to: merge)
    builder.switchTo(merge)
    return .value(result)
  }
}
