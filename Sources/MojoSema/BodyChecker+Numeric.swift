//! The sized numeric types (NumericType.swift): conversions `Int8(x)`...`Float32(x)`, and the
//! operators on two values of one such type. Literals take the type of the other operand; any
//! other mixing is rejected with Mojo 1.2's messages.
import MojoDiagnostics
import MojoSyntax

extension BodyChecker {
  /// `N(x)` for a sized numeric type `N`: from a literal (wrapped or rounded to `N`), `Int`,
  /// `Float64`, `Bool` or another numeric type; `N()` is zero.
  mutating func checkNumericConversion(_ id: ExprID, _ e: ExprNode, _ n: NumericType, _ args: [Argument]) -> SemaType {
    let target = SemaType.numeric(n)
    if n == .codepoint { return checkCodepointConstruction(id, e, args) }
    if args.isEmpty {
      result.exprFacts[Int(id.index)] = .constant(n.isFloat ? .float(ExactFloat(0)) : .int(BigInt(0)))
      return target
    }
    guard args.count == 1, !args[0].label.exists else {
      report(SemaDiagnostics.unexpectedArgument(n.name, location(args[args.count > 1 ? 1 : 0].offset)))
      return checkArgumentsOnly(args)
    }
    let value = args[0].value
    var t = checkExpression(value, expected: target)
    if t == .floatLiteral {
      // Mojo 1.2 finds no integer initializer taking a FloatLiteral when it instantiates `main`.
      reportInstantiationFailure(SemaDiagnostics.cannotConvert("FloatLiteral", target, location(tree.expr(value).offset)))
      return .error
    }
    if t.isLiteral { t = t.materialized; materialize(value, as: t) }
    switch t {
    case .int, .float64, .bool, .numeric: break
    case .error: return .error
    case .string:
      report(SemaDiagnostics.noMatchingInitialization(location(e.offset)))
      return .error
    default:
      report(SemaDiagnostics.argumentType(n.name, "value", t, target, location(tree.expr(value).offset)))
      return .error
    }
    record(id, .convertToNumeric(n), [.expression(value)])
    return target
  }

  /// The result of `left op right` for two operands of one sized numeric type `n` (literals
  /// already materialized), or nil when the operator does not apply.
  func numericResultType(_ op: Operator, _ n: NumericType, right: SemaType) -> SemaType? {
    if op == .pow && n != .codepoint {
      // `Int8 ** n` with an `Int` or `Int8` exponent; a float power is not supported yet.
      return !n.isFloat && (right == .int || right == .numeric(n)) ? .numeric(n) : nil
    }
    guard right == .numeric(n) else { return nil }
    if op.isComparison { return .bool }
    if n == .codepoint { return nil }
    switch op {
    case .add, .sub, .mul, .div, .floorDiv, .mod: return .numeric(n)
    case .shl, .shr, .bitAnd, .bitOr, .bitXor: return n.isFloat ? nil : .numeric(n)
    default: return nil
    }
  }
}

extension BodyChecker {
  /// `x.cast[DType.float32]()`: an `Int`, `Float64`, `Bool` or sized numeric value converted to
  /// the type the `DType` names, as `Float32(x)` does. Nil when the callee is not this form.
  mutating func checkCast(_ id: ExprID, _ e: ExprNode, _ callee: ExprNode, _ args: [Argument]) -> SemaType? {
    let (methodID, dtypeID) = tree.subscriptParts(callee)
    let method = tree.expr(methodID)
    guard method.kind == .member, tree.name(tree.member(method).name) == "cast" else { return nil }
    let dtype = tree.expr(dtypeID)
    guard dtype.kind == .member, case let (base, name) = tree.member(dtype), tree.expr(base).kind == .name,
          case let baseName = tree.nameReference(tree.expr(base)), tree.name(baseName) == "DType",
          lookupLocal(baseName) == nil, global(baseName) == nil else { return nil }
    let receiver = tree.member(method).base
    var t = checkExpression(receiver, expected: nil)
    if t.isLiteral { t = t.materialized; materialize(receiver, as: t) }
    switch t {
    case .int, .float64, .bool, .numeric: break
    case .error: return checkArgumentsOnly(args)
    default:
      report(SemaDiagnostics.noAttribute(typeName(t), "cast", location(method.offset)))
      return checkArgumentsOnly(args)
    }
    guard args.isEmpty else {
      report(SemaDiagnostics.unexpectedArgument("cast", location(args[0].offset)))
      return checkArgumentsOnly(args)
    }
    let dtypeName = tree.name(name)
    switch dtypeName {
    case "float64":
      record(id, .convertToFloat64, [.expression(receiver)])
      return .float64
    case "bool":
      record(id, .convertToBool, [.expression(receiver)])
      return .bool
    default:
      guard let n = NumericType.allCases.first(where: { $0 != .uint && $0 != .codepoint && $0.name.lowercased() == dtypeName }) else {
        report(SemaDiagnostics.notSupportedYet("'DType.\(dtypeName)'", location(dtype.offset)))
        return .error
      }
      record(id, .convertToNumeric(n), [.expression(receiver)])
      return .numeric(n)
    }
  }
}
