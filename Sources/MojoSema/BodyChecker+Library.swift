//! Library functions beyond `print` and the conversions: `debug_assert` (a builtin) and the
//! `Int` functions of `std.math` (`factorial`, `gcd`, `lcm`).
import MojoDiagnostics
import MojoSyntax

extension BodyChecker {
  /// `debug_assert(cond, messages...)`: `cond` a `Bool`, each message a writable value. Mojo 1.2
  /// evaluates every argument (a call in one runs) but asserts nothing unless assertions are
  /// enabled, which `mojo run` and `mojo build` do not do by default.
  mutating func checkDebugAssert(_ id: ExprID, _ e: ExprNode, _ args: [Argument]) -> SemaType {
    guard let first = args.first, !first.label.exists else {
      if let labeled = args.first(where: { $0.label.exists }) {
        report(SemaDiagnostics.unexpectedArgument("debug_assert", location(labeled.offset)))
      } else {
        report(SemaDiagnostics.missingArgument("debug_assert", "cond", location(e.offset)))
      }
      return checkArgumentsOnly(args)
    }
    if let labeled = args.first(where: { $0.label.exists }) {
      report(SemaDiagnostics.unexpectedArgument("debug_assert", location(labeled.offset)))
      return checkArgumentsOnly(args)
    }
    let condition = checkExpression(first.value, expected: .bool)
    if condition != .bool && !condition.isError {
      report(SemaDiagnostics.noMatchingFunction("debug_assert", location(tree.expr(tree.call(e).callee).offset)))
      return checkArgumentsOnly(Array(args.dropFirst()))
    }
    for a in args.dropFirst() {
      let t = checkExpression(a.value, expected: nil)
      if t.isLiteral { materialize(a.value, as: t.materialized) }
      requestWriters(t.materialized)
      if !t.isError && !isPrintable(t.materialized) {
        report(SemaDiagnostics.notWritable(typeName(t), location(startOffset(a.value))))
      }
    }
    record(id, .debugAssert, args.map { .expression($0.value) })
    return .none
  }

  /// `factorial(n)`, `gcd(m, n)`, `lcm(m, n)` of `Int` values.
  mutating func checkIntegerMath(_ id: ExprID, _ e: ExprNode, _ f: BuiltinFunction, _ args: [Argument]) -> SemaType {
    let names = f == .factorial ? ["n"] : ["m", "n"]
    if let labeled = args.first(where: { $0.label.exists }) {
      report(SemaDiagnostics.unexpectedArgument(f.rawValue, location(labeled.offset)))
      return checkArgumentsOnly(args)
    }
    if args.count > names.count {
      report(SemaDiagnostics.unexpectedArgument(f.rawValue, location(args[names.count].offset)))
      return checkArgumentsOnly(args)
    }
    if args.count < names.count {
      report(SemaDiagnostics.missingArgument(f.rawValue, names[args.count], location(e.offset)))
      return checkArgumentsOnly(args)
    }
    for (k, a) in args.enumerated() {
      let t = checkExpression(a.value, expected: .int)
      if t == .intLiteral { materialize(a.value, as: .int) }
      guard t == .int || t == .intLiteral || t.isError else {
        if f == .factorial {
          report(SemaDiagnostics.argumentType(f.rawValue, names[k], from: literalDisplay(a.value, t), to: "Int", location(diagnosticOffset(a.value))))
        } else {
          report(SemaDiagnostics.noMatchingFunction(f.rawValue, location(tree.expr(tree.call(e).callee).offset)))
        }
        return checkArgumentsOnly(Array(args.dropFirst(k + 1)))
      }
    }
    record(id, .library(f), args.map { .expression($0.value) })
    return .int
  }
}
