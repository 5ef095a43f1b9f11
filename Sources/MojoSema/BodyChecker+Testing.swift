//! `std.testing`'s assertions (`assert_equal`, `assert_not_equal`, `assert_true`, `assert_false`,
//! `assert_almost_equal`): calls that raise Mojo 1.2's `AssertionError` messages. The checker
//! matches the arguments and passes the message's location prefix (`At FILE:LINE:COL:
//! AssertionError: `, the call's `(` in the file's absolute path, as Mojo prints it) as the
//! first argument; the lowering compares and raises.
import MojoDiagnostics
import MojoSyntax

/// The assertions of `std.testing` that mojoc knows.
public enum Assertion: UInt8, Sendable {
  case equal, notEqual, isTrue, isFalse, almostEqual
  /// `with assert_raises([contains=...]):` — the call the parser puts in the `else` of its `try`
  /// (Parser+With.swift): reached when the body did not raise, it raises "Didn't raise at ...".
  case raises

  /// The parameters in declaration order (keyword-only ones last); `msg` has a default.
  var parameterNames: [String] {
    switch self {
    case .equal, .notEqual: ["lhs", "rhs", "msg"]
    case .isTrue, .isFalse: ["val", "msg"]
    case .almostEqual: ["lhs", "rhs", "msg", "atol", "rtol"]
    case .raises: ["contains"]
    }
  }

  /// How many parameters may be passed by position.
  var positionalCount: Int {
    switch self {
    case .isTrue, .isFalse: 2
    case .raises: 0
    default: 3
    }
  }
}

extension BuiltinFunction {
  /// The assertion this `std.testing` function is, or nil for a `std.math` function.
  var assertion: Assertion? {
    switch self {
    case .assert_equal: .equal
    case .assert_not_equal: .notEqual
    case .assert_true: .isTrue
    case .assert_false: .isFalse
    case .assert_almost_equal: .almostEqual
    case .assert_raises: .raises
    default: nil
    }
  }
}

extension BodyChecker {
  /// Checks a call of a `std.testing` assertion (see the file comment). Recorded arguments:
  /// the location prefix, the values, the message, and for `assert_almost_equal` `atol`, `rtol`.
  mutating func checkAssertion(_ id: ExprID, _ e: ExprNode, _ kind: Assertion, name: String, _ args: [Argument]) -> SemaType {
    if kind == .raises { return checkDidNotRaise(id, e, args) }
    let names = kind.parameterNames
    var given = [ExprID?](repeating: nil, count: names.count)
    var positional = 0
    for a in args {
      var k: Int?
      if a.label.exists {
        k = names.firstIndex(of: tree.name(a.label))
      } else if positional < kind.positionalCount {
        k = positional
        positional += 1
      }
      guard let k, given[k] == nil else {
        report(SemaDiagnostics.unexpectedArgument(name, location(a.offset)))
        return checkArgumentsOnly(args)
      }
      given[k] = a.value
    }
    let valueCount = kind == .isTrue || kind == .isFalse ? 1 : 2
    for k in 0..<valueCount where given[k] == nil {
      report(SemaDiagnostics.missingArgument(name, names[k], location(e.offset)))
      return checkArgumentsOnly(args)
    }
    var arguments: [CallArgument] = [.constant(.string(Array(assertionPrefix(at: e.offset).utf8)), .string)]
    if valueCount == 1 {
      checkValue(given[0]!, as: .bool)
      arguments.append(.expression(given[0]!))
    } else {
      guard let type = checkComparedValues(given[0]!, given[1]!, floating: kind == .almostEqual, name: name) else { return .none }
      _ = type
      arguments.append(.expression(given[0]!))
      arguments.append(.expression(given[1]!))
    }
    let msgIndex = valueCount
    if let msg = given[msgIndex] {
      checkValue(msg, as: .string)
      arguments.append(.expression(msg))
    } else {
      let text = kind == .isTrue ? "condition was unexpectedly False" : kind == .isFalse ? "condition was unexpectedly True" : ""
      arguments.append(.constant(.string(Array(text.utf8)), .string))
    }
    if kind == .almostEqual {
      for (k, fallback) in [(3, "1e-08"), (4, "1e-05")] {
        if let value = given[k] {
          checkValue(value, as: .float64)
          arguments.append(.expression(value))
        } else {
          arguments.append(.constant(.float(ExactFloat(literal: fallback)!), .float64))
        }
      }
    }
    record(id, .assertion(kind), arguments)
    callsRaisingFunction = true
    raisePoints += 1
    if !mayRaiseHere {
      report(SemaDiagnostics.callMayRaise(location(e.offset), function: location(tree.functions[currentFunction].offset)))
    }
    return .none
  }

  /// The `assert_raises(...)` of a `with` statement (see `Assertion.raises`): its `contains`
  /// argument is checked where the handler tests the error; recorded is the whole message.
  private mutating func checkDidNotRaise(_ id: ExprID, _ e: ExprNode, _ args: [Argument]) -> SemaType {
    guard checkingWithAssertion else {
      report(SemaDiagnostics.notSupportedYet("'assert_raises' outside a 'with' statement", location(e.offset)))
      return checkArgumentsOnly(args)
    }
    for a in args where !a.label.exists || tree.name(a.label) != "contains" {
      report(SemaDiagnostics.unexpectedArgument("assert_raises", location(a.offset)))
    }
    var message = "AssertionError: Didn't raise"
    if let file {
      let (line, column) = file.lineAndColumn(of: Int(e.offset))
      message += " at \(file.absolutePath):\(line):\(column)"
    }
    record(id, .assertion(.raises), [.constant(.string(Array(message.utf8)), .string)])
    callsRaisingFunction = true
    raisePoints += 1
    if !mayRaiseHere {
      report(SemaDiagnostics.callMayRaise(location(e.offset), function: location(tree.functions[currentFunction].offset)))
    }
    return .none
  }

  /// `At FILE:LINE:COL: AssertionError: ` for a call whose `(` is at `offset`.
  func assertionPrefix(at offset: UInt32) -> String {
    guard let file else { return "AssertionError: " }
    let (line, column) = file.lineAndColumn(of: Int(offset))
    return "At \(file.absolutePath):\(line):\(column): AssertionError: "
  }

  /// The two values of `assert_equal` and its kin: one type for both (a literal takes the
  /// other's type); `Int`, `Float64`, `Bool`, `String` or a tuple of them (`Float64` only for
  /// `assert_almost_equal`). Nil after reporting.
  private mutating func checkComparedValues(_ lhs: ExprID, _ rhs: ExprID, floating: Bool, name: String) -> SemaType? {
    var lt = checkExpression(lhs, expected: nil)
    var rt = checkExpression(rhs, expected: lt.isLiteral ? nil : lt)
    if lt.isError || rt.isError { return nil }
    if lt.isLiteral && !rt.isLiteral && convertible(lt, to: rt) {
      materialize(lhs, as: rt)
      lt = rt
    } else if lt.isLiteral {
      let target: SemaType = floating ? .float64 : (lt == .intLiteral && rt == .floatLiteral ? .float64 : lt.materialized)
      if convertible(lt, to: target) { materialize(lhs, as: target); lt = target }
    }
    if rt.isLiteral && convertible(rt, to: lt) {
      materialize(rhs, as: lt)
      rt = lt
    }
    if case .optional = lt, lt != rt, !floating {
      // `assert_equal(opt, "a")`, `assert_equal(opt, None)`: the right side becomes an Optional.
      convertValue(rhs, rt, to: lt)
      rt = lt
    }
    let supported: Bool
    switch lt {
    case .float64: supported = true
    case .int, .bool, .string: supported = !floating
    case .list, .tuple, .dict, .set, .optional, .structType: supported = !floating && isDeepEquatable(lt) && isPrintable(lt)
    default: supported = false
    }
    guard lt == rt, supported else {
      report(SemaDiagnostics.notSupportedYet("'\(name)' of '\(typeName(lt.materialized))' and '\(typeName(rt.materialized))' values",
                                             location(startOffset(lhs))))
      return nil
    }
    return lt
  }
}
