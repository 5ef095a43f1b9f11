//! Collections beyond `List` indexing (issue 13 item 3): slices `xs[a:b:c]` of a `List` and
//! `s[byte=a:b]` of a `String`. Mojo 1.2 gives a view (`Span`, `StringSlice`) for both; mojoc
//! gives a copy typed `List[T]` / `String`, which reads the same.
import MojoDiagnostics
import MojoSyntax

extension BodyChecker {
  /// `base[start:end:step]` (list) or `base[byte=start:end]` (string).
  mutating func checkSlice(_ id: ExprID, _ e: ExprNode) -> SemaType {
    let base = ExprID(Int(e.a))
    let bounds = tree.exprLists[Int(e.b)..<Int(e.b + 3)]
    var baseType = checkExpression(base, expected: nil)
    for bound in bounds where bound.exists { checkValue(bound, as: .int) }
    if baseType == .stringLiteral {
      materialize(base, as: .string)
      baseType = .string
    }
    switch baseType {
    case .error: return .error
    case .string where e.c == 1:
      if bounds.last!.exists {
        report(SemaDiagnostics.noMatchingMethod("__getitem__", location(e.offset)))
        return .error
      }
      return .string
    case .string:
      report(SemaDiagnostics.stringSlicing(location(e.offset)))
      return .error
    case .list:
      if e.c == 1 { break }
      return baseType
    default: break
    }
    report(SemaDiagnostics.notSupportedYet("slicing a '\(typeName(baseType))'", location(e.offset)))
    return .error
  }
}
