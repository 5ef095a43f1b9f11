//! `String` methods, `String * Int`, `in` and the raising conversions `Int(s)` / `Float64(s)`
//! (BodyChecker+Strings.swift): each is one call to a runtime function (runtime_strings.inc), so
//! both backends run the same code. A raising conversion sets the error slot and is followed by
//! the usual test of the slot (FunctionLowering+Errors.swift).
import MojoIR
import MojoSema
import MojoSyntax

extension Runtime {
  static let lower = ("mojo_rt_str_lower", [IRType.ptr], IRType.ptr)
  static let upper = ("mojo_rt_str_upper", [IRType.ptr], IRType.ptr)
  static let find = ("mojo_rt_str_find", [IRType.ptr, .ptr, .i64], IRType.i64)
  static let rfind = ("mojo_rt_str_rfind", [IRType.ptr, .ptr, .i64], IRType.i64)
  static let contains = ("mojo_rt_str_contains", [IRType.ptr, .ptr], IRType.i64)
  static let count = ("mojo_rt_str_count", [IRType.ptr, .ptr], IRType.i64)
  static let startsWith = ("mojo_rt_str_startswith", [IRType.ptr, .ptr, .i64, .i64], IRType.i64)
  static let endsWith = ("mojo_rt_str_endswith", [IRType.ptr, .ptr, .i64, .i64], IRType.i64)
  static let replace = ("mojo_rt_str_replace", [IRType.ptr, .ptr, .ptr], IRType.ptr)
  static let strip = ("mojo_rt_str_strip", [IRType.ptr, .ptr, .i64, .i64], IRType.ptr)
  static let repeatString = ("mojo_rt_str_repeat", [IRType.ptr, .i64], IRType.ptr)
  static let split = ("mojo_rt_str_split", [IRType.ptr, .ptr, .i64], IRType.ptr)
  static let splitWhitespace = ("mojo_rt_str_split_whitespace", [IRType.ptr, .i64], IRType.ptr)
  static let join = ("mojo_rt_str_join", [IRType.ptr, .ptr, .i64], IRType.ptr)
  static let parseInt = ("mojo_rt_str_to_int", [IRType.ptr], IRType.i64)
  static let parseFloat = ("mojo_rt_str_to_float", [IRType.ptr], IRType.f64)
  static let listSlice = ("mojo_rt_list_slice", [IRType.ptr, .i64, .i64, .i64, .i64, .ptr], IRType.ptr)
  static let stringSlice = ("mojo_rt_str_slice", [IRType.ptr, .i64, .i64, .i64, .ptr], IRType.ptr)
  static let isUpper = ("mojo_rt_str_isupper", [IRType.ptr], IRType.i64)
  static let isLower = ("mojo_rt_str_islower", [IRType.ptr], IRType.i64)
  static let isAsciiDigit = ("mojo_rt_str_is_ascii_digit", [IRType.ptr], IRType.i64)
  static let isSpace = ("mojo_rt_str_isspace", [IRType.ptr], IRType.i64)
  static let removePrefix = ("mojo_rt_str_removeprefix", [IRType.ptr, .ptr], IRType.ptr)
  static let removeSuffix = ("mojo_rt_str_removesuffix", [IRType.ptr, .ptr], IRType.ptr)
  static let splitLines = ("mojo_rt_str_splitlines", [IRType.ptr], IRType.ptr)
  static let format = ("mojo_rt_str_format", [IRType.ptr, .ptr], IRType.ptr)
  static let listContainsInt = ("mojo_rt_list_contains_int", [IRType.ptr, .i64], IRType.i64)
  static let listContainsFloat = ("mojo_rt_list_contains_float", [IRType.ptr, .f64], IRType.i64)
  static let listContainsString = ("mojo_rt_list_contains_string", [IRType.ptr, .ptr], IRType.i64)
  static let asBytes = ("mojo_rt_str_as_bytes", [IRType.ptr], IRType.ptr)
  static let codepoints = ("mojo_rt_str_codepoints", [IRType.ptr], IRType.ptr)
  static let countCodepoints = ("mojo_rt_str_count_codepoints", [IRType.ptr], IRType.i64)
  static let fromBytes = ("mojo_rt_str_from_bytes", [IRType.ptr, .i64], IRType.ptr)
  static let printCodepoint = ("mojo_rt_print_codepoint", [IRType.i64], IRType.void)
}

extension FunctionLowering {
  /// Lowers a `CallTarget.string` call whose arguments (receiver first) are already lowered.
  mutating func lowerString(_ operation: StringOperation, _ values: [Operand], _ arguments: CallArgumentList) -> Operand {
    switch operation {
    case .lower: return runtime(Runtime.lower, values)
    case .upper: return runtime(Runtime.upper, values)
    case .find: return runtime(Runtime.find, values)
    case .rfind: return runtime(Runtime.rfind, values)
    case .count: return runtime(Runtime.count, values)
    case .startsWith: return flag(runtime(Runtime.startsWith, values))
    case .endsWith: return flag(runtime(Runtime.endsWith, values))
    case .replace: return runtime(Runtime.replace, values)
    case .strip: return runtime(Runtime.strip, [values[0], values[1], .int(3), values[2]])
    case .lstrip: return runtime(Runtime.strip, [values[0], values[1], .int(1), values[2]])
    case .rstrip: return runtime(Runtime.strip, [values[0], values[1], .int(2), values[2]])
    case .split: return runtime(Runtime.split, values)
    case .splitWhitespace: return runtime(Runtime.splitWhitespace, values)
    case .join:
      let kind: Int64
      switch argumentType(arguments[1]) {
      case .list(.int): kind = 1
      case .list(.float64): kind = 2
      case .list(.bool): kind = 3
      default: kind = 0
      }
      return runtime(Runtime.join, [values[0], values[1], .int(kind)])
    case .parseInt, .parseFloat:
      let result = runtime(operation == .parseInt ? Runtime.parseInt : Runtime.parseFloat, values)
      branchOnError()
      return result
    case .isUpper: return flag(runtime(Runtime.isUpper, values))
    case .isLower: return flag(runtime(Runtime.isLower, values))
    case .isAsciiDigit: return flag(runtime(Runtime.isAsciiDigit, values))
    case .isSpace: return flag(runtime(Runtime.isSpace, values))
    case .removePrefix: return runtime(Runtime.removePrefix, values)
    case .removeSuffix: return runtime(Runtime.removeSuffix, values)
    case .splitLines: return runtime(Runtime.splitLines, values)
    case .asBytes: return runtime(Runtime.asBytes, values)
    case .codepoints: return runtime(Runtime.codepoints, values)
    case .countCodepoints: return runtime(Runtime.countCodepoints, values)
    case .fromUTF8Unchecked: return runtime(Runtime.fromBytes, [values[0], .int(0)])
    case .fromUTF8Lossy: return runtime(Runtime.fromBytes, [values[0], .int(1)])
    case .fromUTF8:
      let result = runtime(Runtime.fromBytes, [values[0], .int(2)])
      branchOnError()
      return result
    case .format, .formatChecked, .formatConverted:
      // The arguments as strings, in a list the runtime reads (`repr` for the masked ones).
      var count = values.count
      var reprMask: Int64 = 0
      if operation == .formatConverted, case .int(let mask) = values[count - 1] {
        reprMask = mask
        count -= 1
      }
      let list = runtime(Runtime.listNew, [.int(Layout.wordSize), .int(Int64(count - 1))])
      for k in 1..<count {
        let slot = runtime(Runtime.listAppendSlot, [list, .int(Layout.wordSize)])
        let t = argumentType(arguments[k])
        let text = reprMask & (1 << (k - 1)) != 0 ? module.emitRepr(&builder, values[k], t) : textOfValue(values[k], t)
        builder.store(.ptr, text, to: slot, offset: 0)
      }
      let result = runtime(Runtime.format, [values[0], list])
      if operation == .format { branchOnError() }
      return result
    }
  }

  /// A runtime function's 0/1 result as an `i1`.
  private mutating func flag(_ value: Operand) -> Operand {
    .value(builder.op(.ine, value, .int(0)))
  }

  /// `item in container` (negated for `not in`): a substring test, or a linear search of a list
  /// of `Int`, `Bool`, `Float64` or `String` elements.
  mutating func lowerContains(_ item: Operand, _ itemType: SemaType, in container: Operand, _ containerType: SemaType,
                              negated: Bool) -> Operand {
    switch containerType {
    case .dict, .set: return lowerDictContains(item, in: container, containerType, negated: negated)
    case .list(let element) where ModuleLowering.needsEqualityHelper(element) || element == .errorValue || Layout.isAggregate(element):
      let found = builder.call(module.containsFunction(for: containerType), returning: .i64, [container, item])!
      return .value(builder.op(negated ? .ieq : .ine, .value(found), .int(0)))
    default: break
    }
    let found: Operand
    switch (containerType, itemType) {
    case (.string, _): found = runtime(Runtime.contains, [container, item])
    case (_, .float64): found = runtime(Runtime.listContainsFloat, [container, item])
    case (_, .numeric(let n)) where n.isFloat: found = runtime(Runtime.listContainsFloat, [container, item])
    case (_, .string): found = runtime(Runtime.listContainsString, [container, item])
    case (_, .bool): found = runtime(Runtime.listContainsInt, [container, .value(builder.op(.zext, item))])
    default: found = runtime(Runtime.listContainsInt, [container, item])
    }
    return .value(builder.op(negated ? .ieq : .ine, found, .int(0)))
  }
}
