//! Collections beyond `List` indexing (issue 13 item 3): slices `xs[a:b:c]` of a `List` and
//! `s[byte=a:b]` of a `String` (Mojo 1.2 gives a view, `Span` / `StringSlice`; mojoc gives a copy
//! typed `List[T]` / `String`, which reads the same), and tuples: `(a, b)`, `Tuple[A, B]`, `t[k]`
//! with a constant `k`, `len(t)`, tuple returns and `a, b = b, a`.
import MojoDiagnostics
import MojoSyntax

extension BodyChecker {
  /// `base[start:end:step]` (list) or `base[byte=start:end]` (string).
  mutating func checkSlice(_ id: ExprID, _ e: ExprNode) -> SemaType {
    let slice = tree.slice(e)
    let base = slice.base
    var baseType = checkExpression(base, expected: nil)
    for bound in [slice.start, slice.end, slice.step] { if let bound { checkValue(bound, as: .int) } }
    if baseType == .stringLiteral {
      materialize(base, as: .string)
      baseType = .string
    }
    switch baseType {
    case .error: return .error
    case .string where slice.isByteSlice:
      if slice.step != nil {
        report(SemaDiagnostics.noMatchingMethod("__getitem__", location(e.offset)))
        return .error
      }
      return .string
    case .string:
      report(SemaDiagnostics.stringSlicing(location(e.offset)))
      return .error
    case .list:
      if slice.isByteSlice { break }
      return baseType
    default: break
    }
    report(SemaDiagnostics.notSupportedYet("slicing a '\(typeName(baseType))'", location(e.offset)))
    return .error
  }

  /// `(a, b, ...)`: each element takes the matching type of an expected tuple type, or its own.
  mutating func checkTuple(_ id: ExprID, _ e: ExprNode, expected: SemaType?) -> SemaType {
    let items = Array(tree.elements(e))
    var expectedElements: [SemaType]?
    if case .tuple(let elements)? = expected, elements.count == items.count { expectedElements = elements }
    var types: [SemaType] = []
    for (k, item) in items.enumerated() {
      if let expectedElements {
        checkValue(item, as: expectedElements[k])
        types.append(expectedElements[k])
      } else {
        var t = checkExpression(item, expected: nil)
        if t.isLiteral { t = t.materialized; materialize(item, as: t) }
        types.append(t)
      }
      checkOwnedValue(item)
    }
    return types.contains(.error) ? .error : .tuple(types)
  }

  /// `t[k]`: `k` must be a constant in range.
  mutating func tupleElementType(_ elements: [SemaType], index: ExprID, at offset: UInt32) -> SemaType {
    guard case .constant(.int(let k)) = result.exprFacts[Int(index.index)], let position = k.exactInt,
          position >= 0, position < elements.count else {
      report(SemaDiagnostics.notSupportedYet("a tuple index that is not a constant in range", location(startOffset(index))))
      return .error
    }
    return elements[position]
  }

  /// `a, b = value`: `value` is a tuple of as many elements (a tuple expression is evaluated
  /// entirely before any target is assigned, so `a, b = b, a` swaps).
  mutating func checkDestructuring(target: ExprID, _ t: ExprNode, value: ExprID) {
    let targets = Array(tree.elements(t))
    var types: [SemaType] = []
    var slots: [UInt32] = []
    for place in targets {
      let p = tree.expr(place)
      let name = tree.plainName(p)
      if let name, tree.name(name) != "_", case .variable(let slot, let mutable)? = lookupLocal(name) {
        if !mutable { report(SemaDiagnostics.mustBeMutable(inPlace: false, location(p.offset))) }
        result.exprFacts[Int(place.index)] = .local(slot)
        result.exprTypes[Int(place.index)] = locals[Int(slot)]
        types.append(locals[Int(slot)])
        slots.append(slot)
      } else if p.kind == .member || p.kind == .index {
        let type = checkExpression(place, expected: nil)
        if !isMutablePlace(place) { report(SemaDiagnostics.mustBeMutable(inPlace: false, location(placeOffset(place)))) }
        types.append(type)
      } else if let name, tree.name(name) != "_" {
        report(lookupLocal(name) == nil && global(name) == nil
               ? SemaDiagnostics.implicitDeclaration(tree.name(name), location(p.offset))
               : SemaDiagnostics.mustBeMutable(inPlace: false, location(p.offset)))
        types.append(.error)
      } else if p.kind == .name {
        types.append(.error)  // `_`: any element type
      } else {
        report(SemaDiagnostics.notSupportedYet("this assignment target", location(p.offset)))
        types.append(.error)
      }
    }
    if types.contains(.error) {
      let t = checkExpression(value, expected: nil)
      if case .tuple(let elements) = t, elements.count != targets.count {
        report(SemaDiagnostics.notSupportedYet("unpacking \(elements.count) values into \(targets.count) targets", location(startOffset(value))))
      }
    } else {
      checkValue(value, as: .tuple(types))
    }
    for slot in slots { markAssigned(slot) }
    for place in targets where tree.expr(place).kind == .member { markFieldAssigned(place) }
  }

  /// `var a, b = e`: each name is a new variable typed by its element of `e`.
  mutating func checkDestructuringDeclaration(target: ExprID, value: ExprID) {
    let names = Array(tree.elements(tree.expr(target)))
    let valueType = checkExpression(value, expected: nil)
    var types = [SemaType](repeating: .error, count: names.count)
    if case .tuple(let elements) = valueType, elements.count == names.count {
      types = elements.map(\.materialized)
    } else if !valueType.isError {
      report(SemaDiagnostics.declarationWithoutContextualType(tree.name(tree.nameReference(tree.expr(names[0]))),
                                                              location(tree.expr(names[0]).offset)))
    }
    let first = tree.expr(names[0])
    let commaOffset = first.offset + UInt32(tree.name(tree.nameReference(first)).utf8.count)
    for (k, place) in names.enumerated() {
      let p = tree.expr(place)
      let nameID = tree.nameReference(p)
      let slot = declareLocal(nameID, type: types[k], mutable: true, offset: p.offset)
      result.exprFacts[Int(place.index)] = .local(slot)
      result.exprTypes[Int(place.index)] = types[k]
      markAssigned(slot)
      // Mojo places an unused one at the comma after the first name.
      usage.store(slot, name: nameID, value: commaOffset, mayBeCaught: catchDepth > 0)
    }
  }

  /// The element types of `Tuple[A, B, ...]` written in an expression; nil when `e` is not one,
  /// .some(nil) after reporting.
  mutating func tupleTypeArguments(_ e: ExprNode) -> [SemaType]?? {
    let (base, index) = tree.subscriptParts(e)
    guard let baseName = tree.plainName(base), tree.name(baseName) == "Tuple", lookupLocal(baseName) == nil else { return nil }
    let arguments = tree.expr(index).kind == .tuple ? Array(tree.elements(tree.expr(index))) : [index]
    var elements: [SemaType] = []
    for argument in arguments {
      guard let t = typeFromExpression(argument) else { return .some(nil) }
      elements.append(t)
    }
    return .some(elements)
  }
}
