//! `std.testing`'s assertions (BodyChecker+Testing.swift): the comparison, then on failure the
//! message Mojo 1.2 builds, raised as an `Error` like `raise` does.
import MojoIR
import MojoSema
import MojoSyntax

extension FunctionLowering {
  /// Lowers an assertion call (arguments as `CallTarget.assertion` lists them).
  mutating func lowerAssertion(_ kind: Assertion, _ arguments: CallArgumentList) {
    let prefix = lowerArgument(arguments[0])
    if kind == .raises {
      builder.copy(materializeInValue(prefix), to: pendingError())
      propagate()
      builder.switchTo(builder.makeBlock())  // unreachable: the code after the call
      return
    }
    var passed: Operand
    var left = Operand.int(0), right = Operand.int(0)
    var valueType = SemaType.bool
    switch kind {
    case .isTrue, .isFalse:
      let condition = lowerArgument(arguments[1])
      passed = kind == .isTrue ? condition : .value(builder.op(.bnot, condition))
    case .equal, .notEqual:
      valueType = argumentType(arguments[1])
      left = materializeInValue(lowerArgument(arguments[1]))
      right = materializeInValue(lowerArgument(arguments[2]))
      passed = lowerBinary(kind == .equal ? .equal : .notEqual, left, valueType, right, valueType)
    case .almostEqual:
      valueType = .float64
      left = materializeInValue(lowerArgument(arguments[1]))
      right = materializeInValue(lowerArgument(arguments[2]))
      passed = isClose(left, right, atol: lowerArgument(arguments[4]), rtol: lowerArgument(arguments[5]))
    case .raises: preconditionFailure("handled above")
    }
    let message = materializeInValue(lowerArgument(arguments[kind == .isTrue || kind == .isFalse ? 2 : 3]))
    if case .value = passed {} else {
      // A constant condition (`assert_true(True)`): branch on a value all the same.
      let value = builder.makeValue(.i1)
      builder.copy(passed, to: value)
      passed = .value(value)
    }
    let failed = builder.makeBlock(), next = builder.makeBlock()
    builder.branch(if: passed, then: next, else: failed)
    builder.switchTo(failed)
    var text = prefix
    func append(_ piece: Operand, _ f: inout FunctionLowering) { text = f.runtime(Runtime.concat, [text, piece]) }
    switch kind {
    case .isTrue, .isFalse:
      append(message, &self)
    case .equal, .notEqual:
      let comparison = kind == .equal ? "`left == right` comparison failed:\n   left: " : "`left != right` comparison failed:\n   left: "
      append(constant(.string(Array(comparison.utf8)), as: .string), &self)
      append(textOfValue(left, valueType), &self)
      append(constant(.string(Array("\n  right: ".utf8)), as: .string), &self)
      append(textOfValue(right, valueType), &self)
      text = withReason(text, message, open: "\n  reason: ", close: "")
    case .almostEqual:
      let diff = absolute(.value(builder.op(.fsub, left, right)))
      append(textOf(left, .float64), &self)
      append(constant(.string(Array(" is not close to ".utf8)), as: .string), &self)
      append(textOf(right, .float64), &self)
      append(constant(.string(Array(" with a diff of ".utf8)), as: .string), &self)
      append(textOf(diff, .float64), &self)
      text = withReason(text, message, open: " (", close: ")")
    case .raises: break
    }
    builder.copy(text, to: pendingError())
    propagate()
    builder.switchTo(next)
  }

  /// `text` followed by `open + message + close` when the message is not empty.
  private mutating func withReason(_ text: Operand, _ message: Operand, open: String, close: String) -> Operand {
    let empty = constant(.string([]), as: .string)
    let hasMessage = lowerBinary(.notEqual, message, .string, empty, .string)
    guard case .value(let condition) = hasMessage else { return text }
    return select(condition, .ptr, { f in
      var t = f.runtime(Runtime.concat, [text, f.constant(.string(Array(open.utf8)), as: .string)])
      t = f.runtime(Runtime.concat, [t, message])
      return close.isEmpty ? t : f.runtime(Runtime.concat, [t, f.constant(.string(Array(close.utf8)), as: .string)])
    }, { _ in text })
  }

  /// `abs(x)` of a `Float64` (as the `abs` builtin lowers it).
  private mutating func absolute(_ x: Operand) -> Operand {
    select(builder.op(.fle, x, .float(0.0)), .f64, { .value($0.builder.op(.fsub, .float(0.0), x)) }, { _ in x })
  }

  /// Mojo's closeness test of two `Float64` values (see `assert_almost_equal`).
  private mutating func isClose(_ a: Operand, _ b: Operand, atol: Operand, rtol: Operand) -> Operand {
    let diff = absolute(.value(builder.op(.fsub, a, b)))
    let largest = runtime(Runtime.fmax, [absolute(a), absolute(b)])
    let tolerance = runtime(Runtime.fmax, [atol, .value(builder.op(.fmul, rtol, largest))])
    let within = builder.op(.fle, diff, tolerance)
    let same = builder.op(.feq, a, b)
    return .value(builder.op(.bor, .value(within), .value(same)))
  }
}
