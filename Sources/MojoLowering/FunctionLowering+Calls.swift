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

  /// Where Mojo 1.2 reports `pop()` on an empty list: its own check, in its standard library.
  static let popLocation = "Mojo/stdlib/std/collections/list.mojo:1095:24"

  /// Lowers a resolved call; nil for calls without a result. `offset` is the call's `(`, where a
  /// failed check of the callee is reported.
  mutating func lowerCall(_ target: CallTarget, start: Int, count: Int, at offset: UInt32) -> Operand? {
    let arguments = CallArgumentList(storage: checked.callArguments, start: start, count: count)
    switch target {
    case .function(let m, let f), .method(let m, let f):
      let conversion = checked.errorConversions.isEmpty ? nil : checked.errorConversions[offset]
      return lowerUserCall(module.program.signatures[m][f], module.functionRef(module: m, index: f), arguments,
                           errorConversion: conversion)
    case .instance(let instance):
      let (ref, signature) = module.instanceFunction(instance)
      let conversion = checked.errorConversions.isEmpty ? nil : checked.errorConversions[offset]
      return lowerUserCall(signature, ref, arguments, errorConversion: conversion)
    case .constructWith(let m, let s, let initializer):
      let info = module.program.structs[m][s]
      let block = runtime(Runtime.alloc, [.int(max(1, Int64(info.fieldTypes.count)) * Layout.wordSize)])
      _ = lowerUserCall(module: m, function: initializer, arguments, receiver: block)
      return block
    case .construct(let m, let s), .constructBound(let m, let s, _):
      var type = SemaType.structType(module: m, index: s)
      if case .constructBound(_, _, let structArguments) = target { type = .boundStruct(module: m, index: s, arguments: structArguments) }
      let info = module.program.structInfo(type)!
      let block = runtime(Runtime.alloc, [.int(Int64(max(1, info.fieldTypes.count)) * Layout.wordSize)])
      if let initializer = info.initializer, case .boundStruct(_, _, let structArguments) = type {
        let (ref, signature) = module.instanceFunction(FunctionInstance(module: m, function: initializer, arguments: structArguments.map { .type($0) }))
        _ = lowerUserCall(signature, ref, arguments, receiver: block)
      } else if let initializer = info.initializer {
        _ = lowerUserCall(module: m, function: initializer, arguments, receiver: block)
      } else {
        let values = arguments.map { lowerStoredArgument($0) }
        for (k, value) in values.enumerated() {
          builder.store(ModuleLowering.irType(info.fieldTypes[k]), value, to: block, offset: Int64(k) * Layout.wordSize)
        }
      }
      return block
    case .listNew(let element, let form):
      let values = arguments.map { lowerArgument($0) }
      switch form {
      case .empty: return runtime(Runtime.listNew, [.int(Layout.wordSize), .int(0)])
      case .capacity: return runtime(Runtime.listNew, [.int(Layout.wordSize), values[0]])
      case .lengthFill:
        let list = runtime(Runtime.listNew, [.int(Layout.wordSize), values[0]])
        let counter = builder.makeValue(.i64)
        builder.copy(.int(0), to: counter)
        let header = builder.makeBlock(), body = builder.makeBlock(), exit = builder.makeBlock()
        builder.branch(to: header)
        builder.switchTo(header)
        builder.branch(if: .value(builder.op(.ilt, .value(counter), values[0])), then: body, else: exit)
        builder.switchTo(body)
        let fill = Layout.isAggregate(element) ? deepCopy(values[1], element) : values[1]
        let slot = runtime(Runtime.listAppendSlot, [list, .int(Layout.wordSize)])
        builder.store(ModuleLowering.irType(element), fill, to: slot, offset: 0)
        builder.emit(.iadd, type: .i64, result: counter, [.value(counter), .int(1)])
        builder.branch(to: header)
        builder.switchTo(exit)
        return list
      }
    case .listAppend, .listInsert:
      guard case .list(let element) = argumentType(arguments[0]) else { return nil }
      let list = lowerArgument(arguments[0])
      let index = target == .listInsert ? lowerArgument(arguments[1]) : nil
      let value = lowerStoredArgument(arguments[arguments.count - 1])
      let slot = index.map { runtime(Runtime.listInsertSlot, [list, $0, .int(Layout.wordSize), sourceLocation(offset)]) }
        ?? runtime(Runtime.listAppendSlot, [list, .int(Layout.wordSize)])
      builder.store(ModuleLowering.irType(element), value, to: slot, offset: 0)
      return nil
    case .listPop:
      guard case .list(let element) = argumentType(arguments[0]) else { return nil }
      let list = lowerArgument(arguments[0])
      var index = lowerArgument(arguments[1])
      var location = Operand.int(0)
      if case .constant = arguments[1] {
        // `pop()`: the last element (an empty list gives index -1, which traps). Mojo reports
        // that at its own check, in its standard library.
        index = .value(builder.op(.isub, .value(builder.load(.i64, from: list, offset: 0)), .int(1)))
        location = .value(builder.address(of: module.stringConstant(Array(Self.popLocation.utf8))))
      } else {
        location = sourceLocation(offset)
      }
      let cell = runtime(Runtime.alloc, [.int(Layout.wordSize)])
      _ = runtime(Runtime.listRemove, [list, index, .int(Layout.wordSize), cell, location])
      return .value(builder.load(ModuleLowering.irType(element), from: cell, offset: 0))
    case .listClear:
      _ = runtime(Runtime.listClear, [lowerArgument(arguments[0])])
      return nil
    case .copy:
      return deepCopy(lowerArgument(arguments[0]), argumentType(arguments[0]))
    case .operatorMethod(let instance, let swapped, let negated):
      let (ref, signature) = module.callee(of: instance)
      var values = [lowerArgument(arguments[0]), lowerArgument(arguments[1])]
      if swapped { values.swapAt(0, 1) }
      let result = Operand.value(builder.call(ref, returning: ModuleLowering.irType(signature.result), values)!)
      return negated ? .value(builder.op(.bnot, result)) : result
    case .writeText:
      guard case .expression(let receiver) = arguments[0] else { return nil }
      var text = lowerExpression(receiver)
      for k in 1..<arguments.count {
        let piece = textOfValue(lowerArgument(arguments[k]), argumentType(arguments[k]))
        text = runtime(Runtime.concat, [text, piece])
      }
      store(text, to: receiver)
      return nil
    case .len:
      return .value(builder.load(.i64, from: lowerArgument(arguments[0]), offset: 0))
    case .repr:
      return module.emitRepr(&builder, lowerArgument(arguments[0]), argumentType(arguments[0]))
    case .assertion(let kind):
      lowerAssertion(kind, arguments)
      return nil
    case .debugAssert:
      for a in arguments { _ = lowerArgument(a) }
      return nil
    case .codepoint(let operation):
      return lowerCodepoint(operation, lowerArgument(arguments[0]))
    case .sortWith(let m, let f):
      guard case .list(let element) = argumentType(arguments[0]) else { return nil }
      lowerSortWith(lowerArgument(arguments[0]), element, comparator: module.functionRef(module: m, index: f))
      return nil
    case .library(let f) where f.isIntegerMath:
      return lowerIntegerMath(f, arguments.map { lowerArgument($0) })
    default:
      break
    }
    let values = arguments.map { lowerArgument($0) }
    switch target {
    case .function, .method, .instance, .construct, .constructBound, .constructWith, .writeText, .repr, .operatorMethod, .listNew, .listAppend, .listInsert, .listPop, .listClear, .copy, .len, .assertion,
         .debugAssert, .codepoint, .sortWith:
      preconditionFailure("handled above")
    case .makeError:
      var message = textOf(values[0], argumentType(arguments[0]))
      for k in 1..<values.count { message = runtime(Runtime.concat, [message, textOf(values[k], argumentType(arguments[k]))]) }
      return message
    case .print:
      let sep = values[values.count - 2], end = values[values.count - 1]
      for k in 0..<(values.count - 2) {
        if k > 0 { _ = runtime(Runtime.printString, [sep]) }
        printValue(values[k], argumentType(arguments[k]))
      }
      _ = runtime(Runtime.printString, [end])
      return nil
    case .round:
      if argumentType(arguments[0]) == .int {
        return values.count == 1 ? values[0] : runtime(Runtime.roundInt, [values[0], values[1]])
      }
      return values.count == 1 ? runtime(Runtime.round, [values[0]]) : runtime(Runtime.roundDigits, [values[0], values[1]])
    case .abs:
      if case .numeric(let n) = argumentType(arguments[0]), n.isUnsigned { return values[0] }
      if case .numeric(let n) = argumentType(arguments[0]), !n.isFloat {
        let mask = builder.op(.ishr, values[0], .int(63))
        return wrapped(.value(builder.op(.isub, .value(builder.op(.ixor, values[0], .value(mask))), .value(mask))), n)
      }
      if argumentType(arguments[0]) == .float64 || argumentType(arguments[0]).numeric?.isFloat == true {
        // x <= 0 ? 0.0 - x : x clears the sign of -0.0 too.
        return select(builder.op(.fle, values[0], .float(0.0)), .f64,
                      { .value($0.builder.op(.fsub, .float(0.0), values[0])) }, { _ in values[0] })
      }
      // Branch-free: (x ^ m) - m with m = x >> 63; abs(MIN) stays MIN.
      let mask = builder.op(.ishr, values[0], .int(63))
      return .value(builder.op(.isub, .value(builder.op(.ixor, values[0], .value(mask))), .value(mask)))
    case .min, .max:
      let type = argumentType(arguments[0])
      let isFloat = type == .float64 || type.numeric?.isFloat == true
      var acc = values[0]
      for v in values.dropFirst() {
        if isFloat {
          acc = runtime(target == .min ? Runtime.fmin : Runtime.fmax, [acc, v])
        } else {
          guard case .value(let takeNew) = lowerBinary(target == .min ? .less : .greater, v, type, acc, type) else {
            preconditionFailure("lowering: constant comparison in min/max")
          }
          let current = acc
          acc = select(takeNew, .i64, { _ in v }, { _ in current })
        }
      }
      return acc
    case .convertToNumeric(let n):
      return convertNumeric(values[0], from: argumentType(arguments[0]), to: n)
    case .convertToInt:
      switch argumentType(arguments[0]) {
      case .numeric(let n): return numericAsInt(values[0], n)
      case .float64: return .value(builder.op(.fptosi, values[0]))
      case .bool: return .value(builder.op(.zext, values[0]))
      default: return values[0]
      }
    case .convertToFloat64:
      switch argumentType(arguments[0]) {
      case .numeric: return asFloat64(values[0], argumentType(arguments[0]))
      case .int: return .value(builder.op(.sitofp, values[0]))
      case .bool: return .value(builder.op(.sitofp, .value(builder.op(.zext, values[0]))))
      default: return values[0]
      }
    case .convertToBool:
      switch argumentType(arguments[0]) {
      case .optional: return optionalIsSome(values[0])
      case .int: return .value(builder.op(.ine, values[0], .int(0)))
      case .numeric(let n): return .value(builder.op(n.isFloat ? .fne : .ine, values[0], n.isFloat ? .float(0.0) : .int(0)))
      case .float64: return .value(builder.op(.fne, values[0], .float(0.0)))
      case .string: return .value(builder.op(.ine, .value(builder.load(.i64, from: values[0], offset: 0)), .int(0)))
      default: return values[0]
      }
    case .makeTuple:
      preconditionFailure("lowering: a tuple constructor is lowered with its type (lowerTupleConstructor)")
    case .radix(let radix):
      let isUnsigned = argumentType(arguments[0]).numeric?.isUnsigned ?? false
      return runtime(Runtime.radix, [values[0], .int(Int64(radix)), values[1], .int(isUnsigned ? 1 : 0)])
    case .convertToString:
      // `String(a, b, ...)` writes each value after the other.
      var text = stringConversion(values[0], argumentType(arguments[0]))
      for k in values.indices.dropFirst() {
        text = runtime(Runtime.concat, [text, stringConversion(values[k], argumentType(arguments[k]))])
      }
      return text
    case .byteLength:
      return .value(builder.load(.i64, from: values[0], offset: 0))
    case .ord:
      return runtime(Runtime.ord, values)
    case .chr:
      return runtime(Runtime.chr, values)
    case .string(let operation):
      return lowerString(operation, values, arguments)
    case .library(let f):
      if f == .pow {
        if argumentType(arguments[0]) == .int { return runtime(Runtime.ipow, values) }
        return runtime(argumentType(arguments[1]) == .int ? Runtime.fpowi : Runtime.fpow, values)
      }
      if !arguments.isEmpty, argumentType(arguments[0]) == .int {
        return f == .sqrt ? runtime(Runtime.isqrt, values) : values[0]
      }
      let result: Operand
      switch f {
      case .sqrt: result = .value(builder.op(.fsqrt, values[0]))
      case .floor: result = runtime(Runtime.floor, values)
      case .ceil: result = runtime(Runtime.ceil, values)
      case .trunc: result = runtime(Runtime.trunc, values)
      case .isnan: return .value(builder.op(.fne, values[0], values[0]))
      case .isfinite:
        // x - x is 0 for a finite x, NaN for an infinity or NaN.
        return .value(builder.op(.feq, .value(builder.op(.fsub, values[0], values[0])), .float(0.0)))
      case .isinf:
        let difference = builder.op(.fsub, values[0], values[0])
        return .value(builder.op(.band, .value(builder.op(.fne, .value(difference), .value(difference))),
                                 .value(builder.op(.feq, values[0], values[0]))))
      case .inf: return .float(.infinity)
      case .nan: return .float(.nan)
      case .copysign:
        return runtime(Runtime.copysign, values)
      default:
        guard let function = Runtime.math[f] else { preconditionFailure("lowering: \(f) is an assertion or handled above") }
        result = runtime(function, values)
      }
      // A Float32 or Float16 argument: the Float64 result rounded (exact for these four).
      if case .numeric(let n) = argumentType(arguments[0]) { return rounded(result, n) }
      return result
    case .range, .collection:
      preconditionFailure("lowering: \(target) has no value form here")
    }
  }

  /// An argument that is stored into new storage (a field or element): copied if it is a place.
  mutating func lowerStoredArgument(_ argument: CallArgument) -> Operand {
    switch argument {
    case .expression(let id): return lowerValueToStore(id)
    case .constant(let c, let t): return constant(c, as: t)
    }
  }

  /// Calls a user function or method. `mut` scalar arguments are passed by address: a
  /// variable's cell or an element's slot directly, a field through a temporary cell written
  /// back after the call.
  mutating func lowerUserCall(module m: Int, function f: Int, _ arguments: CallArgumentList,
                              receiver: Operand? = nil) -> Operand? {
    lowerUserCall(module.program.signatures[m][f], module.functionRef(module: m, index: f), arguments, receiver: receiver)
  }

  /// Calls the function `ref` of `signature` (a user function or a generic function's instance).
  /// `errorConversion`: the callee raises this struct type where the caller raises `Error`.
  mutating func lowerUserCall(_ signature: FunctionSignature, _ ref: FunctionRef, _ arguments: CallArgumentList,
                              receiver: Operand? = nil, errorConversion: SemaType? = nil) -> Operand? {
    let parameters = signature.parameters
    let first = receiver == nil ? 0 : 1
    var values: [Operand] = []
    values.reserveCapacity(arguments.count + 2)
    if let receiver { values.append(receiver) }
    var writeBacks: [(cell: Operand, base: Operand, offset: Int64, type: IRType)] = []
    // `*values: T`: the arguments from its position on, as many as the call has beyond the other
    // parameters, go into one new list.
    var variadic = -1, variadicCount = 0
    if let v = parameters.firstIndex(where: { $0.isVariadic }), v >= first {
      variadic = v - first
      variadicCount = arguments.count - (parameters.count - first - 1)
    }
    var next = 0  // the next argument
    for parameterIndex in first..<parameters.count {
      if parameterIndex - first == variadic {
        let list = runtime(Runtime.listNew, [.int(Layout.wordSize), .int(Int64(variadicCount))])
        guard case .list(let element) = parameters[parameterIndex].type else { preconditionFailure("lowering: variadic type") }
        for j in 0..<variadicCount {
          let item = lowerStoredArgument(arguments[next + j])
          let slot = runtime(Runtime.listAppendSlot, [list, .int(Layout.wordSize)])
          builder.store(ModuleLowering.irType(element), item, to: slot, offset: 0)
        }
        values.append(list)
        next += variadicCount
        continue
      }
      guard next < arguments.count else { break }
      let argument = arguments[next]
      next += 1
      guard parameters[parameterIndex].isByReference, case .expression(let id) = argument else {
        // A `var` parameter gets its own value: a place of an implicitly copyable type is copied.
        values.append(parameters[parameterIndex].convention == .owned ? lowerStoredArgument(argument) : lowerArgument(argument))
        continue
      }
      let type = ModuleLowering.irType(parameters[parameterIndex].type)
      switch checked.exprFacts[Int(id.index)] {
      case .local(let slot):
        // The checker made the variable indirect (or it is itself a `mut` parameter).
        values.append(.value(slots[Int(slot)]))
      case .field(let index):
        let base = lowerExpression(tree.member(tree.expr(id)).base)
        let offset = Int64(index) * Layout.wordSize
        let cell = runtime(Runtime.alloc, [.int(Layout.wordSize)])
        builder.store(type, .value(builder.load(type, from: base, offset: offset)), to: cell, offset: 0)
        writeBacks.append((cell, base, offset, type))
        values.append(cell)
      default:
        let element = elementPlace(tree.expr(id))
        if element.offset == 0 && !isTupleElement(id) {
          values.append(element.base)
        } else {
          // A tuple element: passed through a cell written back after the call, as a field is.
          let cell = runtime(Runtime.alloc, [.int(Layout.wordSize)])
          builder.store(type, .value(builder.load(type, from: element.base, offset: element.offset)), to: cell, offset: 0)
          writeBacks.append((cell, element.base, element.offset, type))
          values.append(cell)
        }
      }
    }
    let raises = ModuleLowering.takesErrorSlot(signature)
    if raises, let slot = errors.slot { values.append(slot) }
    let result = builder.call(ref, returning: ModuleLowering.irType(signature.result), values)
    for w in writeBacks {
      builder.store(w.type, .value(builder.load(w.type, from: w.cell, offset: 0)), to: w.base, offset: w.offset)
    }
    if raises { branchOnError(converting: errorConversion) }
    return result.map { .value($0) }
  }

  mutating func printValue(_ value: Operand, _ t: SemaType) {
    switch t {
    case .int: _ = runtime(Runtime.printInt, [value])
    case .float64: _ = runtime(Runtime.printFloat, [value])
    case .numeric(let n): _ = runtime(ModuleLowering.numericText(n).print, [value])
    case .bool: _ = runtime(Runtime.printBool, [.value(builder.op(.zext, value))])
    case .list, .tuple, .dict, .set, .optional:
      let text = builder.call(module.stringFunction(for: t), returning: .ptr, [value])!
      _ = runtime(Runtime.printString, [.value(text)])
    case .structType, .boundStruct:
      let text = builder.call(module.writableTextFunction(for: t), returning: .ptr, [value])!
      _ = runtime(Runtime.printString, [.value(text)])
    default: _ = runtime(Runtime.printString, [value])
    }
  }

  /// The text of any printable value, as `print` writes it.
  mutating func textOfValue(_ value: Operand, _ t: SemaType) -> Operand {
    switch t {
    case .list, .tuple, .dict, .set, .optional: .value(builder.call(module.stringFunction(for: t), returning: .ptr, [value])!)
    case .structType, .boundStruct: .value(builder.call(module.writableTextFunction(for: t), returning: .ptr, [value])!)
    default: textOf(value, t)
    }
  }

  /// The text of a scalar value as `String(value)` gives it (an `Error`'s text is its message).
  mutating func textOf(_ value: Operand, _ t: SemaType) -> Operand {
    switch t {
    case .int: runtime(Runtime.fromInt, [value])
    case .float64: runtime(Runtime.fromFloat, [value])
    case .numeric(let n): runtime(ModuleLowering.numericText(n).text, [value])
    case .bool: runtime(Runtime.fromBool, [.value(builder.op(.zext, value))])
    default: value
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

/// The arguments of one resolved call: a window of `CheckedModule.callArguments`, indexed from
/// 0, without copying them into an array of their own.
struct CallArgumentList: RandomAccessCollection {
  let storage: CallArguments
  let start: Int
  let count: Int
  var startIndex: Int { 0 }
  var endIndex: Int { count }
  subscript(k: Int) -> CallArgument { storage[start + k] }
}

extension FunctionLowering {
  /// `String(x)` of one value of a writable type.
  mutating func stringConversion(_ value: Operand, _ type: SemaType) -> Operand {
    switch type {
    case .int: return runtime(Runtime.fromInt, [value])
    case .float64: return runtime(Runtime.fromFloat, [value])
    case .numeric(let n): return runtime(ModuleLowering.numericText(n).text, [value])
    case .bool: return runtime(Runtime.fromBool, [.value(builder.op(.zext, value))])
    case .list, .dict, .set, .tuple, .optional:
      return .value(builder.call(module.stringFunction(for: type), returning: .ptr, [value])!)
    case .structType, .boundStruct:
      return textOfValue(value, type)
    default: return value
    }
  }
}

extension FunctionLowering {
  /// `factorial(n)` (the product 1...n, 1 for n <= 1; wraps past 20 where Mojo's table ends),
  /// `gcd(m, n)` (Euclid on the absolute values), `lcm(m, n)` (0 when either is 0, else
  /// `abs(m // gcd * n)`), each a loop in the IR.
  mutating func lowerIntegerMath(_ f: BuiltinFunction, _ values: [Operand]) -> Operand {
    func absolute(_ x: Operand) -> Operand {
      let mask = builder.op(.ishr, x, .int(63))
      return .value(builder.op(.isub, .value(builder.op(.ixor, x, .value(mask))), .value(mask)))
    }
    if f == .factorial {
      let product = builder.makeValue(.i64), counter = builder.makeValue(.i64)
      builder.copy(.int(1), to: product)
      builder.copy(.int(2), to: counter)
      let header = builder.makeBlock(), body = builder.makeBlock(), exit = builder.makeBlock()
      builder.branch(to: header)
      builder.switchTo(header)
      builder.branch(if: .value(builder.op(.ile, .value(counter), values[0])), then: body, else: exit)
      builder.switchTo(body)
      builder.emit(.imul, type: .i64, result: product, [.value(product), .value(counter)])
      builder.emit(.iadd, type: .i64, result: counter, [.value(counter), .int(1)])
      builder.branch(to: header)
      builder.switchTo(exit)
      return .value(product)
    }
    let m = absolute(values[0]), n = absolute(values[1])
    let a = builder.makeValue(.i64), b = builder.makeValue(.i64)
    builder.copy(m, to: a)
    builder.copy(n, to: b)
    let header = builder.makeBlock(), body = builder.makeBlock(), exit = builder.makeBlock()
    builder.branch(to: header)
    builder.switchTo(header)
    builder.branch(if: .value(builder.op(.ine, .value(b), .int(0))), then: body, else: exit)
    builder.switchTo(body)
    let remainder = builder.op(.umod, .value(a), .value(b))
    builder.copy(.value(b), to: a)
    builder.copy(.value(remainder), to: b)
    builder.branch(to: header)
    builder.switchTo(exit)
    if f == .gcd { return .value(a) }
    // lcm: a is gcd(|m|, |n|), 0 only when both are 0.
    let isZero = builder.op(.ieq, .value(a), .int(0))
    return select(isZero, .i64, { _ in .int(0) }, { lowering in
      let quotient = lowering.builder.op(.udiv, m, .value(a))
      return .value(lowering.builder.op(.imul, .value(quotient), n))
    })
  }
}

extension FunctionLowering {
  /// A `Codepoint` predicate or `utf8_byte_length()` of code point `c`, from range tests.
  mutating func lowerCodepoint(_ operation: CodepointOperation, _ c: Operand) -> Operand {
    func within(_ low: Int64, _ high: Int64) -> Operand {
      .value(builder.op(.band, .value(builder.op(.ige, c, .int(low))), .value(builder.op(.ile, c, .int(high)))))
    }
    func equals(_ value: Int64) -> Operand { .value(builder.op(.ieq, c, .int(value))) }
    func any(_ tests: [Operand]) -> Operand {
      tests.dropFirst().reduce(tests[0]) { .value(builder.op(.bor, $0, $1)) }
    }
    switch operation {
    case .isAscii: return .value(builder.op(.ilt, c, .int(0x80)))
    case .isAsciiDigit: return within(0x30, 0x39)
    case .isAsciiUpper: return within(0x41, 0x5a)
    case .isAsciiLower: return within(0x61, 0x7a)
    case .isAsciiPrintable: return within(0x20, 0x7e)
    case .isPosixSpace: return any([within(0x09, 0x0d), equals(0x20)])
    case .isPythonSpace:
      // Python's `str.isspace` code points.
      return any([within(0x09, 0x0d), within(0x1c, 0x20), equals(0x85), equals(0xa0), equals(0x1680),
                  within(0x2000, 0x200a), equals(0x2028), equals(0x2029), equals(0x202f), equals(0x205f), equals(0x3000)])
    case .utf8ByteLength:
      var length = Operand.int(1)
      for bound: Int64 in [0x80, 0x800, 0x10000] {
        let step = builder.op(.zext, .value(builder.op(.ige, c, .int(bound))))
        length = .value(builder.op(.iadd, length, .value(step)))
      }
      return length
    }
  }
}

extension FunctionLowering {
  /// `sort(list, cmp)`: an insertion sort in the IR (stable), each comparison a call of `cmp`.
  ///     for i in 1..<n: key = xs[i]; j = i - 1
  ///       while j >= 0 and cmp(key, xs[j]): xs[j + 1] = xs[j]; j -= 1
  ///       xs[j + 1] = key
  mutating func lowerSortWith(_ list: Operand, _ element: SemaType, comparator: FunctionRef) {
    let irType = ModuleLowering.irType(element)
    let size = Operand.int(Layout.wordSize)
    let nowhere = Operand.value(builder.address(of: module.noSourceLocation()))
    let list = materializeInValue(list)
    let length = materializeInValue(.value(builder.load(.i64, from: list, offset: 0)))
    let i = builder.makeValue(.i64), j = builder.makeValue(.i64), key = builder.makeValue(irType)
    builder.copy(.int(1), to: i)
    let outer = builder.makeBlock(), outerBody = builder.makeBlock(), inner = builder.makeBlock(), compare = builder.makeBlock()
    let shift = builder.makeBlock(), place = builder.makeBlock(), exit = builder.makeBlock()
    builder.branch(to: outer)
    builder.switchTo(outer)
    builder.branch(if: .value(builder.op(.ilt, .value(i), length)), then: outerBody, else: exit)
    builder.switchTo(outerBody)
    builder.copy(.value(builder.load(irType, from: runtime(Runtime.listAt, [list, .value(i), size, nowhere]), offset: 0)), to: key)
    builder.copy(.value(builder.op(.isub, .value(i), .int(1))), to: j)
    builder.branch(to: inner)
    builder.switchTo(inner)
    builder.branch(if: .value(builder.op(.ige, .value(j), .int(0))), then: compare, else: place)
    builder.switchTo(compare)
    let previous = builder.load(irType, from: runtime(Runtime.listAt, [list, .value(j), size, nowhere]), offset: 0)
    let before = builder.call(comparator, returning: .i1, [.value(key), .value(previous)])!
    let moveBlock = builder.makeBlock()
    builder.branch(if: .value(before), then: moveBlock, else: place)
    builder.switchTo(moveBlock)
    let next = builder.op(.iadd, .value(j), .int(1))
    builder.store(irType, .value(previous), to: runtime(Runtime.listAt, [list, .value(next), size, nowhere]), offset: 0)
    builder.copy(.value(builder.op(.isub, .value(j), .int(1))), to: j)
    builder.branch(to: shift)
    builder.switchTo(shift)
    builder.branch(to: inner)
    builder.switchTo(place)
    let slot = builder.op(.iadd, .value(j), .int(1))
    builder.store(irType, .value(key), to: runtime(Runtime.listAt, [list, .value(slot), size, nowhere]), offset: 0)
    builder.copy(.value(builder.op(.iadd, .value(i), .int(1))), to: i)
    builder.branch(to: outer)
    builder.switchTo(exit)
  }
}
