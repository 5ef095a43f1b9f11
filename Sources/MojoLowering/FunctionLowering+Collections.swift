//! Slices and tuples (BodyChecker+Collections.swift). A slice is one runtime call that copies the
//! elements; a tuple is a heap block of one word per element (like a struct without methods),
//! never changed after it is built, so copies share it.
import MojoIR
import MojoSema
import MojoSyntax

extension FunctionLowering {
  /// `xs[a:b:c]` or `s[byte=a:b]`: the bounds that are present, and a mask saying which.
  mutating func lowerSlice(_ e: ExprNode) -> Operand {
    let slice = tree.slice(e)
    let base = lowerExpression(slice.base)
    var bounds: [Operand] = []
    var given: Int64 = 0
    for (k, bound) in [slice.start, slice.end, slice.step].enumerated() {
      if let bound {
        bounds.append(lowerExpression(bound))
        given |= 1 << k
      } else {
        bounds.append(.int(0))
      }
    }
    let location = sourceLocation(e.offset)
    if slice.isByteSlice { return runtime(Runtime.stringSlice, [base, bounds[0], bounds[1], .int(given), location]) }
    // The shape: which bounds are given, and the element size above them.
    return runtime(Runtime.listSlice, [base] + bounds + [.int(given | Layout.wordSize << 3), location])
  }

  /// `(a, b, ...)`: a new block holding the elements.
  mutating func lowerTuple(_ id: ExprID, _ e: ExprNode) -> Operand {
    guard case .tuple(let types) = type(of: id) else { preconditionFailure("lowering: untyped tuple") }
    let values = tree.elements(e).map { lowerValueToStore($0) }
    let block = runtime(Runtime.alloc, [.int(Int64(max(1, values.count)) * Layout.wordSize)])
    for (k, value) in values.enumerated() {
      builder.store(ModuleLowering.irType(types[k]), value, to: block, offset: Int64(k) * Layout.wordSize)
    }
    return block
  }

  /// `Tuple(a, b)`, `Tuple[A, B](a, b)`, a tuple alias's call: a new tuple of the arguments.
  mutating func lowerTupleConstructor(_ arguments: CallArgumentList, type: SemaType) -> Operand {
    guard case .tuple(let types) = type else { preconditionFailure("lowering: untyped tuple constructor") }
    let values = arguments.map { lowerStoredArgument($0) }
    let block = runtime(Runtime.alloc, [.int(Int64(max(1, values.count)) * Layout.wordSize)])
    for (k, value) in values.enumerated() {
      builder.store(ModuleLowering.irType(types[k]), value, to: block, offset: Int64(k) * Layout.wordSize)
    }
    return block
  }

  /// `t[k]` with the constant `k` the checker verified.
  mutating func lowerTupleElement(_ id: ExprID, _ e: ExprNode) -> Operand {
    let (base, index) = tree.subscriptParts(e)
    guard case .constant(let c) = checked.exprFacts[Int(index.index)] else { preconditionFailure("lowering: tuple index is not a constant") }
    let position = c.wrappedInt64
    let tuple = lowerExpression(base)
    return .value(builder.load(ModuleLowering.irType(type(of: id)), from: tuple, offset: Int64(position) * Layout.wordSize))
  }

  /// `a, b = value`: every element is read before the first target is written.
  mutating func lowerDestructuring(_ target: ExprNode, value: ExprID) {
    let targets = Array(tree.elements(target))
    var elements: [Operand] = []
    let v = tree.expr(value)
    if v.kind == .tuple {
      elements = tree.elements(v).map { materializeInValue(lowerValueToStore($0)) }
    } else {
      guard case .tuple(let types) = type(of: value) else { preconditionFailure("lowering: unpacking a non-tuple") }
      let tuple = lowerExpression(value)
      for (k, t) in types.enumerated() {
        elements.append(.value(builder.load(ModuleLowering.irType(t), from: tuple, offset: Int64(k) * Layout.wordSize)))
      }
    }
    for (k, place) in targets.enumerated() { store(elements[k], to: place) }
  }

  /// Writes `operand` to an assignment target: a local, a field or a list element (`_` drops it).
  mutating func store(_ operand: Operand, to place: ExprID) {
    let p = tree.expr(place)
    switch checked.exprFacts[Int(place.index)] {
    case .local(let slot):
      let type = function.locals[Int(slot)]
      if Int(slot) < parameterCount && isMutParameter[Int(slot)] && Layout.isAggregate(type) {
        copyWords(from: operand, to: readLocal(slot), count: wordCount(type))
      } else {
        writeLocal(slot, operand)
      }
    case .field(let k):
      let base = lowerExpression(tree.member(p).base)
      builder.store(ModuleLowering.irType(type(of: place)), operand, to: base, offset: Int64(k) * Layout.wordSize)
    default:
      if p.kind == .index {
        let element = elementPlace(p)
        builder.store(ModuleLowering.irType(type(of: place)), operand, to: element.base, offset: element.offset)
      }
    }
  }
}
