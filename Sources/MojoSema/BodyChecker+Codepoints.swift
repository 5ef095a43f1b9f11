//! Bytes and code points of strings as Mojo 1.2 offers them: `s.as_bytes()` (a `Span[Byte]` in
//! Mojo; mojoc gives a `List[UInt8]` copy, which prints, indexes, slices and iterates the same),
//! `s.codepoints()` (an iterator in Mojo; a `List[Codepoint]` copy here), `s.count_codepoints()`,
//! `String(from_utf8=bytes)` (raises on invalid UTF-8), `from_utf8_lossy=`, `unsafe_from_utf8=`,
//! `s.append(codepoint)`, and the `Codepoint` type: `Codepoint.ord(s)`, `Codepoint(byte)`,
//! `Int(c)`, `c.to_u32()`, comparisons, its predicates, printing as its character.
import MojoDiagnostics
import MojoSyntax

extension BodyChecker {
  /// The byte and code point methods of a `String` receiver; nil when `method` is none of them.
  mutating func checkStringBytesMethod(_ id: ExprID, _ receiver: ExprID, _ callee: ExprNode, _ method: String,
                                       _ args: [Argument]) -> SemaType? {
    let operation: StringOperation
    let resultType: SemaType
    switch method {
    // `s.bytes()` (a `BytesIter` in Mojo: `len` and iteration) is the same copy as `as_bytes()`.
    case "as_bytes", "bytes": (operation, resultType) = (.asBytes, .list(.numeric(.uint8)))
    case "codepoints": (operation, resultType) = (.codepoints, .list(.numeric(.codepoint)))
    case "count_codepoints": (operation, resultType) = (.countCodepoints, .int)
    case "append": return checkStringAppend(id, receiver, callee, args)
    case "write_to" where args.count == 1 && !args[0].label.exists:
      // `s.write_to(writer)`: the text appended to the `Writer` (a mutable `String` in mojoc).
      materialize(receiver, as: .string)
      let writer = args[0].value
      let t = checkExpression(writer, expected: .string)
      if t.isError { return .error }
      guard t == .string, isMutablePlace(writer) else {
        report(SemaDiagnostics.argumentType("write_to", "writer", from: literalDisplay(writer, t), to: "Some[Writer]",
                                            location(diagnosticOffset(writer))))
        return .error
      }
      record(id, .writeText, [.expression(writer), .expression(receiver)])
      return SemaType.none
    case "__iadd__" where args.count == 1 && !args[0].label.exists:
      // `s.__iadd__(t)`: `s += t` written as a call.
      let receiverType = result.exprTypes[Int(receiver.index)]
      checkValue(args[0].value, as: .string)
      guard receiverType == .string, isMutablePlace(receiver) else {
        report(SemaDiagnostics.mutatingMethodOnRvalue("__iadd__", typeName(receiverType.materialized), location(startOffset(receiver))))
        return .error
      }
      record(id, .writeText, [.expression(receiver), .expression(args[0].value)])
      return SemaType.none
    default: return nil
    }
    materialize(receiver, as: .string)
    if let extra = args.first {
      report(SemaDiagnostics.unexpectedArgument(method, location(extra.offset)))
      return checkArgumentsOnly(args)
    }
    record(id, .string(operation), [.expression(receiver)])
    return resultType
  }

  /// `s.append(codepoint)` on a mutable `String`: appends the character (as `writer.write`).
  private mutating func checkStringAppend(_ id: ExprID, _ receiver: ExprID, _ callee: ExprNode, _ args: [Argument]) -> SemaType {
    let receiverType = result.exprTypes[Int(receiver.index)]
    guard args.count == 1, !args[0].label.exists || tree.name(args[0].label) == "codepoint" else {
      report(SemaDiagnostics.unexpectedArgument("append", location(args.dropFirst().first?.offset ?? args.first?.offset ?? callee.offset)))
      return checkArgumentsOnly(args)
    }
    let t = checkExpression(args[0].value, expected: .numeric(.codepoint))
    if t.isError { return .error }
    guard t == .numeric(.codepoint) else {
      report(SemaDiagnostics.argumentType("append", "codepoint", from: literalDisplay(args[0].value, t), to: "Codepoint",
                                          location(diagnosticOffset(args[0].value))))
      return .error
    }
    guard receiverType == .string, isMutablePlace(receiver) else {
      report(SemaDiagnostics.mutatingMethodOnRvalue("append", typeName(receiverType.materialized), location(startOffset(receiver))))
      return .error
    }
    record(id, .writeText, [.expression(receiver), .expression(args[0].value)])
    return .none
  }

  /// `String(from_utf8=bytes)`, `String(from_utf8_lossy=bytes)`, `String(unsafe_from_utf8=bytes)`
  /// with a `List[UInt8]`; nil when the call has no such keyword.
  mutating func checkStringFromBytes(_ id: ExprID, _ e: ExprNode, _ args: [Argument]) -> SemaType? {
    guard args.count == 1, args[0].label.exists else { return nil }
    let operation: StringOperation
    switch tree.name(args[0].label) {
    case "from_utf8": operation = .fromUTF8
    case "from_utf8_lossy": operation = .fromUTF8Lossy
    case "unsafe_from_utf8": operation = .fromUTF8Unchecked
    default: return nil
    }
    let t = checkExpression(args[0].value, expected: nil)
    if t.isError { return .error }
    guard t == .list(.numeric(.uint8)) else {
      report(SemaDiagnostics.noMatchingInitialization(location(e.offset)))
      return .error
    }
    record(id, .string(operation), [.expression(args[0].value)])
    return .string
  }

  /// `Codepoint(byte)` of a `UInt8` (or an integer literal), `Codepoint(unsafe_unchecked_codepoint=u)`
  /// of a `UInt32`.
  mutating func checkCodepointConstruction(_ id: ExprID, _ e: ExprNode, _ args: [Argument]) -> SemaType {
    guard args.count == 1 else {
      report(SemaDiagnostics.noMatchingInitialization(location(e.offset)))
      return checkArgumentsOnly(args)
    }
    let unchecked = args[0].label.exists && tree.name(args[0].label) == "unsafe_unchecked_codepoint"
    guard !args[0].label.exists || unchecked else {
      report(SemaDiagnostics.noMatchingInitialization(location(e.offset)))
      return checkArgumentsOnly(args)
    }
    let source: SemaType = unchecked ? .numeric(.uint32) : .numeric(.uint8)
    let value = args[0].value
    let t = checkExpression(value, expected: source)
    if t.isError { return .error }
    if t == .intLiteral {
      materialize(value, as: source)
    } else if t != source && !(unchecked && t == .numeric(.codepoint)) {
      report(SemaDiagnostics.noMatchingInitialization(location(e.offset)))
      return .error
    }
    record(id, .convertToNumeric(.codepoint), [.expression(value)])
    return .numeric(.codepoint)
  }

  /// `Codepoint.ord(s)`: the first code point of a string (Mojo's check when it is empty).
  mutating func checkCodepointStatic(_ id: ExprID, _ e: ExprNode, method: String, at offset: UInt32, _ args: [Argument]) -> SemaType {
    guard method == "ord" else {
      report(SemaDiagnostics.noAttribute("Codepoint", method, location(offset)))
      return checkArgumentsOnly(args)
    }
    guard args.count == 1, !args[0].label.exists else {
      report(SemaDiagnostics.unexpectedArgument("ord", location(args.dropFirst().first?.offset ?? args.first?.offset ?? e.offset)))
      return checkArgumentsOnly(args)
    }
    checkValue(args[0].value, as: .string)
    // `ord` gives an `Int` holding the code point: the same word as a `Codepoint`.
    record(id, .ord, [.expression(args[0].value)])
    return .numeric(.codepoint)
  }

  /// A method of a `Codepoint` value; nil when the receiver is not one.
  mutating func checkCodepointMethod(_ id: ExprID, _ receiver: ExprID, _ callee: ExprNode, _ method: String, _ args: [Argument]) -> SemaType? {
    guard result.exprTypes[Int(receiver.index)] == .numeric(.codepoint) else { return nil }
    let operation: CodepointOperation
    var resultType = SemaType.bool
    switch method {
    case "to_u32":
      if let extra = args.first {
        report(SemaDiagnostics.unexpectedArgument(method, location(extra.offset)))
        return checkArgumentsOnly(args)
      }
      record(id, .convertToNumeric(.uint32), [.expression(receiver)])
      return .numeric(.uint32)
    case "is_ascii": operation = .isAscii
    case "is_ascii_digit": operation = .isAsciiDigit
    case "is_ascii_upper": operation = .isAsciiUpper
    case "is_ascii_lower": operation = .isAsciiLower
    case "is_ascii_printable": operation = .isAsciiPrintable
    case "is_python_space": operation = .isPythonSpace
    case "is_posix_space": operation = .isPosixSpace
    case "utf8_byte_length": (operation, resultType) = (.utf8ByteLength, .int)
    default:
      report(SemaDiagnostics.noAttribute("Codepoint", method, location(callee.offset)))
      return checkArgumentsOnly(args)
    }
    if let extra = args.first {
      report(SemaDiagnostics.unexpectedArgument(method, location(extra.offset)))
      return checkArgumentsOnly(args)
    }
    record(id, .codepoint(operation), [.expression(receiver)])
    return resultType
  }
}

extension BodyChecker {
  /// `t"text {expr} text"` (a call node the parser made, `Parser.templateStringMarker`): a
  /// `TString` in Mojo 1.2; in mojoc the `String` of its pieces. `String(a, b, ...)` is checked
  /// by this too.
  mutating func checkTemplateString(_ id: ExprID, _ args: [Argument]) -> SemaType {
    var isValid = true
    for a in args {
      let t = checkExpression(a.value, expected: nil)
      if t.isLiteral { materialize(a.value, as: t.materialized) }
      requestWriters(t.materialized)
      switch t.materialized {
      case .error: isValid = false
      case let printable where isPrintable(printable): break
      default:
        report(SemaDiagnostics.notWritable(typeName(t), location(startOffset(a.value))))
        isValid = false
      }
    }
    guard isValid else { return .error }
    record(id, .convertToString, args.map { .expression($0.value) })
    return .string
  }
}
