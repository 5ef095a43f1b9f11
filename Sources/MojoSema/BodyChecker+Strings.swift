//! `String` methods (issue 13 item 4) as Mojo 1.2 offers them: `lower`, `upper`, `find`, `rfind`,
//! `count`, `startswith`, `endswith`, `replace`, `strip`/`lstrip`/`rstrip`, `split`, `join`, plus
//! `String * Int`, `sub in s` and the raising conversions `Int(s)` / `Float64(s)`. Each becomes a
//! `CallTarget.string` call with its defaults filled in; the runtime does the work.
//!
//! Mojo 1.2 returns a `StringSlice` from `strip` and `split`; mojoc types those results as
//! `String` (every program Mojo accepts reads them the same way). A `StringLiteral` has every
//! method but `replace` (the reference reports "no attribute"), as mojoc does.
import MojoDiagnostics
import MojoSyntax

/// One parameter of a `String` method: its keyword, type and default (nil: required).
private struct StringParameter {
  let name: String
  let type: SemaType
  let defaultValue: ConstantValue?
}

extension BodyChecker {
  /// Checks `receiver.method(args)` on a `String` or string literal; nil when `method` is not a
  /// `String` method mojoc knows (the caller reports it).
  mutating func checkStringMethod(_ id: ExprID, _ callee: ExprNode, _ args: [Argument]) -> SemaType? {
    let (receiver, methodName) = tree.member(callee)
    let receiverType = result.exprTypes[Int(receiver.index)]
    guard receiverType == .string || receiverType == .stringLiteral else { return nil }
    let method = tree.name(methodName)
    let operation: StringOperation
    var parameters: [StringParameter] = []
    let result: SemaType
    func required(_ name: String, _ type: SemaType = .string) -> StringParameter {
      StringParameter(name: name, type: type, defaultValue: nil)
    }
    func optional(_ name: String, _ value: Int64) -> StringParameter {
      StringParameter(name: name, type: .int, defaultValue: .int(BigInt(value)))
    }
    switch method {
    case "isupper": (operation, result) = (.isUpper, .bool)
    case "islower": (operation, result) = (.isLower, .bool)
    case "is_ascii_digit": (operation, result) = (.isAsciiDigit, .bool)
    case "isspace": (operation, result) = (.isSpace, .bool)
    case "splitlines": (operation, result) = (.splitLines, .list(.string))
    case "removeprefix", "removesuffix":
      (operation, result) = (method == "removeprefix" ? .removePrefix : .removeSuffix, .string)
      parameters = [required(method == "removeprefix" ? "prefix" : "suffix")]
    case "format":
      return checkFormat(id, receiver, receiverType, callee, args)
    case "lower": (operation, result) = (.lower, .string)
    case "upper": (operation, result) = (.upper, .string)
    case "find", "rfind":
      (operation, result) = (method == "find" ? .find : .rfind, .int)
      parameters = [required("substr"), optional("start", 0)]
    case "count":
      (operation, result) = (.count, .int)
      parameters = [required("substr")]
    case "startswith", "endswith":
      (operation, result) = (method == "startswith" ? .startsWith : .endsWith, .bool)
      parameters = [required(method == "startswith" ? "prefix" : "suffix"), optional("start", 0), optional("end", Int64.max)]
    case "replace":
      if receiverType == .stringLiteral {
        report(SemaDiagnostics.noAttribute(literalDisplay(receiver, receiverType), method, location(callee.offset)))
        return checkStringArgumentsOnly(args)
      }
      (operation, result) = (.replace, .string)
      parameters = [required("old"), required("new")]
    case "strip", "lstrip", "rstrip":
      (operation, result) = (method == "strip" ? .strip : method == "lstrip" ? .lstrip : .rstrip, .string)
      parameters = [StringParameter(name: "chars", type: .string, defaultValue: nil)]
      return checkStrip(id, receiver, callee, method, operation, args, parameters)
    case "split":
      return checkSplit(id, receiver, callee, args)
    case "join":
      return checkJoin(id, receiver, callee, args)
    default:
      return checkStringBytesMethod(id, receiver, callee, method, args)
    }
    materialize(receiver, as: .string)
    guard let arguments = matchStringArguments(method, parameters, args, dot: callee.offset) else { return .error }
    record(id, .string(operation), [.expression(receiver)] + arguments)
    return result
  }

  /// `strip()` removes whitespace; `strip(chars)` the given bytes.
  private mutating func checkStrip(_ id: ExprID, _ receiver: ExprID, _ callee: ExprNode, _ method: String, _ operation: StringOperation, _ args: [Argument],
                                   _ parameters: [StringParameter]) -> SemaType {
    materialize(receiver, as: .string)
    if args.isEmpty {
      record(id, .string(operation), [.expression(receiver), .constant(.string([]), .string), .constant(.int(0), .int)])
      return .string
    }
    guard let arguments = matchStringArguments(method, parameters, args, dot: callee.offset) else { return .error }
    record(id, .string(operation), [.expression(receiver)] + arguments + [.constant(.int(1), .int)])
    return .string
  }

  /// `split(sep, maxsplit=-1)`, or `split()` / `split(maxsplit=n)` on whitespace.
  private mutating func checkSplit(_ id: ExprID, _ receiver: ExprID, _ callee: ExprNode, _ args: [Argument]) -> SemaType {
    materialize(receiver, as: .string)
    let hasSeparator = args.contains { !$0.label.exists || tree.name($0.label) == "sep" }
    let maxsplit = StringParameter(name: "maxsplit", type: .int, defaultValue: .int(BigInt(-1)))
    let parameters = hasSeparator ? [StringParameter(name: "sep", type: .string, defaultValue: nil), maxsplit] : [maxsplit]
    guard let arguments = matchStringArguments("split", parameters, args, dot: callee.offset) else { return .error }
    record(id, .string(hasSeparator ? .split : .splitWhitespace), [.expression(receiver)] + arguments)
    return .list(.string)
  }

  /// `sep.join(list)` for a list of `String`, `Int`, `Float64` or `Bool`.
  private mutating func checkJoin(_ id: ExprID, _ receiver: ExprID, _ callee: ExprNode, _ args: [Argument]) -> SemaType {
    materialize(receiver, as: .string)
    guard args.count == 1, !args[0].label.exists else {
      report(SemaDiagnostics.unexpectedArgument("join", location(args.dropFirst().first?.offset ?? args.first?.offset ?? callee.offset)))
      return checkStringArgumentsOnly(args)
    }
    let t = checkExpression(args[0].value, expected: nil)
    if t == .error { return .error }
    guard case .list(let element) = t, [.string, .int, .float64, .bool].contains(element) else {
      report(SemaDiagnostics.notSupportedYet("'join' of a '\(typeName(t.materialized))'", location(startOffset(args[0].value))))
      return .error
    }
    record(id, .string(.join), [.expression(receiver), .expression(args[0].value)])
    return .string
  }

  /// Matches positional and keyword arguments to `parameters`, checks their types and fills in
  /// defaults; nil after reporting.
  private mutating func matchStringArguments(_ method: String, _ parameters: [StringParameter], _ args: [Argument],
                                             dot: UInt32) -> [CallArgument]? {
    var slots = [ExprID?](repeating: nil, count: parameters.count)
    var positional = 0
    for a in args {
      var k = positional
      if a.label.exists {
        guard let named = parameters.firstIndex(where: { $0.name == tree.name(a.label) }), slots[named] == nil else {
          report(SemaDiagnostics.unexpectedArgument(method, location(a.offset)))
          _ = checkStringArgumentsOnly(args)
          return nil
        }
        k = named
      } else {
        guard positional < parameters.count else {
          report(SemaDiagnostics.unexpectedArgument(method, location(a.offset)))
          _ = checkStringArgumentsOnly(args)
          return nil
        }
        positional += 1
      }
      slots[k] = a.value
    }
    var arguments: [CallArgument] = []
    for (k, p) in parameters.enumerated() {
      if let value = slots[k] {
        // Mojo 1.2 reports a mismatch as a failed overload resolution at the method's dot.
        let t = checkExpression(value, expected: p.type)
        if t == .error { return nil }
        if t != p.type {
          guard t.isLiteral && convertible(t, to: p.type) else {
            report(SemaDiagnostics.noMatchingMethod(method, location(dot)))
            return nil
          }
          materialize(value, as: p.type)
        }
        arguments.append(.expression(value))
      } else if let d = p.defaultValue {
        arguments.append(.constant(d, p.type))
      } else {
        report(SemaDiagnostics.missingArgument(method, p.name, location(args.first?.offset ?? 0)))
        return nil
      }
    }
    return arguments
  }

  private mutating func checkStringArgumentsOnly(_ args: [Argument]) -> SemaType {
    for a in args { _ = checkExpression(a.value, expected: nil) }
    return .error
  }

  /// `Int(s)` / `Float64(s)` of a `String`: a raising parse.
  mutating func checkStringConversion(_ id: ExprID, _ value: ExprID, to target: SemaType) -> SemaType {
    record(id, .string(target == .int ? .parseInt : .parseFloat), [.expression(value)])
    return target
  }

  /// What the right operand of `item in ...` is checked against: a list literal there is a list
  /// of the item's type.
  func containerExpectation(_ item: SemaType) -> SemaType? {
    item == .error ? nil : .list(item.materialized)
  }

  /// `item in container` / `not in`: a substring of a `String`, or an element of a `List` of
  /// `Int`, `Float64`, `Bool` or `String`.
  mutating func containsResultType(_ lt: SemaType, _ rt: SemaType, left: ExprID, right: ExprID, at offset: UInt32) -> SemaType {
    if rt == .string || rt == .stringLiteral {
      materialize(right, as: .string)
      return convertChecked(left, lt, to: .string) ? .bool : .error
    }
    if case .list(let element) = rt, [.int, .float64, .bool, .string].contains(element) || element.numeric != nil
        || isDeepEquatable(element) {
      return convertChecked(left, lt, to: element) ? .bool : .error
    }
    switch rt {
    case .dict(let key, _), .set(let key): return convertChecked(left, lt, to: key) ? .bool : .error
    default: break
    }
    report(SemaDiagnostics.notSupportedYet("'in' on a '\(typeName(rt.materialized))'", location(offset)))
    return .error
  }

  /// Makes already checked expression `id` of type `t` a `target` value (materializing a
  /// literal); false after reporting a mismatch.
  mutating func convertChecked(_ id: ExprID, _ t: SemaType, to target: SemaType) -> Bool {
    if t == target { return true }
    if t.isLiteral && convertible(t, to: target) {
      materialize(id, as: target)
      return true
    }
    report(SemaDiagnostics.cannotConvert(literalDisplay(id, t), target, location(startOffset(id))))
    return false
  }

  /// `fmt.format(args...)`: a literal format is checked here (Mojo checks it when it compiles);
  /// a `String` one raises at run time.
  private mutating func checkFormat(_ id: ExprID, _ receiver: ExprID, _ receiverType: SemaType, _ callee: ExprNode,
                                    _ args: [Argument]) -> SemaType {
    var arguments: [CallArgument] = [.expression(receiver)]
    var failed = false
    for a in args {
      var t = checkExpression(a.value, expected: nil)
      if t.isLiteral { t = t.materialized; materialize(a.value, as: t) }
      if a.label.exists {
        report(SemaDiagnostics.notSupportedYet("a keyword argument of 'format'", location(a.offset)))
        failed = true
      } else if t != .error && !isPrintable(t) {
        report(SemaDiagnostics.notSupportedYet("'format' of a '\(typeName(t))'", location(startOffset(a.value))))
        failed = true
      }
      requestWriters(t)
      failed = failed || t == .error
      arguments.append(.expression(a.value))
    }
    if failed { return .error }
    var operation = StringOperation.format
    if let text = literalText(receiver), text.contains(UInt8(ascii: "!")) {
      // `{!r}` / `{0!s}`: the conversions come out of the format; `repr` is asked per argument.
      guard let (plain, reprMask) = Self.formatConversions(text, argumentCount: args.count),
            Self.isValidFormat(plain, argumentCount: args.count) else {
        report(SemaDiagnostics.notSupportedYet("this format string", location(callee.offset)))
        return .error
      }
      for (k, a) in args.enumerated() where reprMask & (1 << k) != 0 && !isRepresentable(result.exprTypes[Int(a.value.index)]) {
        report(SemaDiagnostics.notSupportedYet("'repr' of a '\(typeName(result.exprTypes[Int(a.value.index)]))'", location(startOffset(a.value))))
        return .error
      }
      arguments[0] = .constant(.string(plain), .string)
      arguments.append(.constant(.int(BigInt(Int64(reprMask))), .int))
      record(id, .string(.formatConverted), arguments)
      return .string
    }
    if receiverType == .stringLiteral, case .constant(.string(let text)) = result.exprFacts[Int(receiver.index)] {
      guard Self.isValidFormat(text, argumentCount: args.count) else {
        reportInstantiationFailure(SemaDiagnostics.noMatchingMethod("format", location(callee.offset)))
        return .error
      }
      operation = .formatChecked
    }
    materialize(receiver, as: .string)
    record(id, .string(operation), arguments)
    return .string
  }

  /// The text of a string literal, or of `String(literal)`.
  func literalText(_ id: ExprID) -> [UInt8]? {
    if case .constant(.string(let text)) = result.exprFacts[Int(id.index)] { return text }
    let e = tree.expr(id)
    guard e.kind == .call, case let call = tree.call(e), call.arguments.count == 1,
          let callee = tree.plainName(call.callee), tree.name(callee) == "String", global(callee) == nil,
          case let argument = call.arguments[call.arguments.startIndex], !argument.label.exists,
          case .constant(.string(let text)) = result.exprFacts[Int(argument.value.index)] else { return nil }
    return text
  }

  /// A literal format's `!r` / `!s` conversions taken out: the plain format and a mask of the
  /// arguments shown by `repr`; nil when one argument is shown both ways, or a conversion is
  /// another letter.
  static func formatConversions(_ format: [UInt8], argumentCount: Int) -> ([UInt8], Int)? {
    var plain: [UInt8] = []
    var i = 0, automatic = 0, reprMask = 0, strMask = 0
    while i < format.count {
      let c = format[i]
      guard c == UInt8(ascii: "{") else { plain.append(c); i += 1; continue }
      if i + 1 < format.count, format[i + 1] == c { plain += [c, c]; i += 2; continue }
      guard let close = format[(i + 1)...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
      var field = Array(format[(i + 1)..<close])
      var isRepr = false
      if let bang = field.firstIndex(of: UInt8(ascii: "!")) {
        guard bang + 2 == field.count, field[bang + 1] == UInt8(ascii: "r") || field[bang + 1] == UInt8(ascii: "s") else { return nil }
        isRepr = field[bang + 1] == UInt8(ascii: "r")
        field.removeSubrange(bang...)
      }
      var index = automatic
      if field.isEmpty { automatic += 1 } else {
        guard field.count < 3, field.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        index = Int(String(decoding: field, as: UTF8.self))!
      }
      guard index < min(argumentCount, 62) else { return nil }
      if isRepr { reprMask |= 1 << index } else { strMask |= 1 << index }
      plain.append(c)
      plain += field
      plain.append(UInt8(ascii: "}"))
      i = close + 1
    }
    return reprMask & strMask == 0 ? (plain, reprMask) : nil
  }

  /// True when `format` (a literal) can be formatted with `argumentCount` arguments without an
  /// error (the rules of `mojo_rt_str_format`).
  static func isValidFormat(_ format: [UInt8], argumentCount: Int) -> Bool {
    var i = 0, automatic = 0
    var usedAuto = false, usedManual = false
    while i < format.count {
      let c = format[i]
      if c == UInt8(ascii: "}") {
        guard i + 1 < format.count, format[i + 1] == c else { return false }
        i += 2
        continue
      }
      guard c == UInt8(ascii: "{") else { i += 1; continue }
      if i + 1 < format.count, format[i + 1] == c { i += 2; continue }
      guard let close = format[(i + 1)...].firstIndex(of: UInt8(ascii: "}")) else { return false }
      let field = format[(i + 1)..<close]
      if field.isEmpty {
        if usedManual || automatic >= argumentCount { return false }
        usedAuto = true
        automatic += 1
      } else {
        guard field.count < 9, field.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !usedAuto,
              Int(String(decoding: field, as: UTF8.self))! < argumentCount else { return false }
        usedManual = true
      }
      i = close + 1
    }
    return true
  }
}
