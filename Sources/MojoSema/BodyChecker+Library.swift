//! Library functions beyond `print` and the conversions: `debug_assert` (a builtin), the `Int`
//! functions of `std.math` (`factorial`, `gcd`, `lcm`) and its `Float64` functions and constants.
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

extension BodyChecker {
  /// `std.math` functions of `Float64` values other than the four of §10.3: two-argument ones,
  /// the `isnan`/`isinf`/`isfinite` predicates, and those Mojo 1.2 computes with its own
  /// algorithms (runtime_math.inc), which mojoc repeats for `Float64` arguments only.
  mutating func checkFloatMath(_ id: ExprID, _ e: ExprNode, _ f: BuiltinFunction, _ args: [Argument]) -> SemaType {
    let count = f.isBinaryMath ? 2 : 1
    if let labeled = args.first(where: { $0.label.exists }) {
      report(SemaDiagnostics.unexpectedArgument(f.rawValue, location(labeled.offset)))
      return checkArgumentsOnly(args)
    }
    guard args.count == count else {
      if args.count > count { report(SemaDiagnostics.unexpectedArgument(f.rawValue, location(args[count].offset))) }
      else { report(SemaDiagnostics.missingArgument(f.rawValue, count == 2 && args.count == 1 ? "y" : "x", location(e.offset))) }
      return checkArgumentsOnly(args)
    }
    for a in args {
      let t = checkExpression(a.value, expected: .float64)
      if case .numeric(let n) = t, n.isFloat {
        report(SemaDiagnostics.notSupportedYet("'\(f.rawValue)' of a '\(n.name)' value", location(startOffset(a.value))))
        return .error
      }
      convertValue(a.value, t, to: .float64)
    }
    record(id, .library(f), expressionsOf: args)
    return f.isPredicate ? .bool : .float64
  }

  /// `pow(x, y)` (a builtin; `std.math` exports it too): of two `Int` values an `Int` (as `**`),
  /// otherwise of `Float64` values (an `Int` exponent by repeated squaring).
  mutating func checkPow(_ id: ExprID, _ e: ExprNode, _ args: [Argument]) -> SemaType {
    guard args.count == 2, !args.contains(where: { $0.label.exists }) else { return checkFloatMath(id, e, .pow, args) }
    var types = args.map { checkExpression($0.value, expected: nil) }
    if types.contains(.error) { return .error }
    if types.allSatisfy({ $0 == .int || $0 == .intLiteral }) {
      for a in args { materialize(a.value, as: .int) }
      record(id, .library(.pow), expressionsOf: args)
      return .int
    }
    for (k, a) in args.enumerated() {
      if case .numeric(let n) = types[k] {
        report(SemaDiagnostics.notSupportedYet("'pow' of a '\(n.name)' value", location(startOffset(a.value))))
        return .error
      }
      let target: SemaType = k == 1 && (types[k] == .int || types[k] == .intLiteral) ? .int : .float64
      convertValue(a.value, types[k], to: target)
      types[k] = target
    }
    record(id, .library(.pow), expressionsOf: args)
    return .float64
  }

  /// `inf[DType.float64]()` and `nan[DType.float64]()` of `std.math`; nil when the callee is not
  /// one of these.
  mutating func checkFloatConstantCall(_ id: ExprID, _ callee: ExprNode, _ args: [Argument]) -> SemaType? {
    let (base, index) = tree.subscriptParts(callee)
    guard tree.expr(base).kind == .name, case let name = tree.nameReference(tree.expr(base)), lookupLocal(name) == nil,
          case .builtin(let f)? = global(name), f == .inf || f == .nan else { return nil }
    let dtype = tree.expr(index)
    guard dtype.kind == .member, case let (dtypeBase, member) = tree.member(dtype), tree.expr(dtypeBase).kind == .name,
          tree.name(tree.nameReference(tree.expr(dtypeBase))) == "DType", tree.name(member) == "float64" else {
      report(SemaDiagnostics.notSupportedYet("'\(f.rawValue)' of a type other than 'DType.float64'", location(dtype.offset)))
      return checkArgumentsOnly(args)
    }
    guard args.isEmpty else {
      report(SemaDiagnostics.unexpectedArgument(f.rawValue, location(args[0].offset)))
      return checkArgumentsOnly(args)
    }
    record(id, .library(f), [])
    return .float64
  }
}
