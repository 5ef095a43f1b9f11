//! Expressions: constants materialize to the type the checker chose, operators map to opcodes
//! or runtime calls following LANGUAGE.md §7, `and`/`or`/chains/ternaries short-circuit.
import MojoIR
import MojoSema
import MojoSyntax

extension FunctionLowering {
  /// Lowers `id` and returns the operand holding its value.
  mutating func lowerExpression(_ id: ExprID) -> Operand {
    if let lowered = loweredChainOperand, lowered.id == id {
      loweredChainOperand = nil
      return lowered.value
    }
    if tree.isChain(id) { return lowerChain(id) }
    return lowerExpressionBody(id)
  }

  /// Lowers the flat chain that `id` ends (`a + b + c ...`) in a loop over its left spine,
  /// innermost node first, each node finding its left operand's value lowered: the same code as
  /// lowering it recursively. Only the outermost nodes that lower their left operand first take
  /// part (operators, operator methods); below them (a node the checker folded) as usual.
  private mutating func lowerChain(_ id: ExprID) -> Operand {
    let spine = tree.leftSpine(of: id)
    func lowersLeftFirst(_ node: ExprID) -> Bool {
      switch checked.exprFacts[Int(node.index)] {
      case .none, .call(.operatorMethod, _, _): true
      default: false
      }
    }
    var start = spine.count
    while start > 0 && lowersLeftFirst(spine[start - 1]) { start -= 1 }
    guard start < spine.count - 1 else { return lowerExpressionBody(id) }
    // A chain inside an operand of an outer chain's node keeps the outer one's pending operand.
    let outer = loweredChainOperand
    defer { loweredChainOperand = outer }
    var value = lowerExpressionBody(spine[start])
    for node in spine[(start + 1)...] {
      loweredChainOperand = (spine[start], value)
      value = lowerExpressionBody(node)
      start += 1
    }
    return value
  }

  private mutating func lowerExpressionBody(_ id: ExprID) -> Operand {
    if !checked.optionalWraps.isEmpty, checked.optionalWraps.contains(id.index) {
      return makeSome(lowerUnwrapped(id), type(of: id))
    }
    if !destruction.isEmpty {
      // Locals whose last use this expression completes die right after it.
      let value = lowerUnwrapped(id)
      destroyAfter(expression: id)
      return value
    }
    return lowerUnwrapped(id)
  }

  /// Lowers `id` as a value of its own type (not boxed into the `Optional` its use expects).
  @inline(__always)
  private mutating func lowerUnwrapped(_ id: ExprID) -> Operand {
    switch checked.exprFacts[Int(id.index)] {
    case .constant(let c): return constant(c, as: type(of: id))
    case .local(let slot): return readLocal(slot)
    case .call(.collection(let operation), let start, let count):
      let arguments = CallArgumentList(storage: checked.callArguments, start: Int(start), count: Int(count))
      return lowerCollection(operation, arguments, type: type(of: id), at: tree.expr(id).offset) ?? .int(0)
    case .comprehension(let slot): return lowerComprehension(id, tree.expr(id), slot: slot)
    case .call(.makeTuple, let start, let count):
      let arguments = CallArgumentList(storage: checked.callArguments, start: Int(start), count: Int(count))
      return lowerTupleConstructor(arguments, type: type(of: id))
    case .call(let target, let start, let count):
      return lowerCall(target, start: Int(start), count: Int(count), at: tree.expr(id).offset) ?? .int(0)
    case .field(let k):
      let base = lowerExpression(tree.member(tree.expr(id)).base)
      return .value(builder.load(ModuleLowering.irType(type(of: id)), from: base, offset: Int64(k) * Layout.wordSize))
    case .none: break
    }
    let e = tree.expr(id)
    switch e.kind {
    case .unary:
      let operandID = tree.operand(e)
      let operand = lowerExpression(operandID)
      let t = type(of: operandID)
      switch (e.op, t) {
      case (_, .numeric(let n)): return lowerNumericUnary(e.op, operand, n)
      case (.negate, .float64): return .value(builder.op(.fneg, operand))
      case (.negate, _): return .value(builder.op(.ineg, operand))
      case (.plus, _): return operand
      case (.invert, .int): return .value(builder.op(.inot, operand))
      case (.not, .int): return .value(builder.op(.ieq, operand, .int(0)))
      case (.not, .list), (.not, .dict), (.not, .set), (.not, .string):
        return .value(builder.op(.ieq, .value(builder.load(.i64, from: operand, offset: 0)), .int(0)))
      case (.not, .optional): return .value(builder.op(.bnot, optionalIsSome(operand)))
      default: return .value(builder.op(.bnot, operand))
      }
    case .binary:
      if e.op == .and || e.op == .or { return lowerShortCircuit(e) }
      let b = tree.binary(e)
      let left = lowerExpression(b.left)
      let right = lowerExpression(b.right)
      return lowerBinary(e.op, left, type(of: b.left), right, type(of: b.right))
    case .comparison:
      return lowerComparisonChain(e)
    case .ternary:
      let result = builder.makeValue(ModuleLowering.irType(type(of: id)))
      let thenBlock = builder.makeBlock(), elseBlock = builder.makeBlock(), merge = builder.makeBlock()
      let t = tree.ternary(e)
      builder.branch(if: lowerCondition(t.condition), then: thenBlock, else: elseBlock)
      builder.switchTo(thenBlock)
      builder.copy(lowerExpression(t.then), to: result)
      builder.branch(to: merge)
      builder.switchTo(elseBlock)
      builder.copy(lowerExpression(t.otherwise), to: result)
      builder.branch(to: merge)
      builder.switchTo(merge)
      return .value(result)
    case .transfer:
      let inner = tree.operand(e)
      let value = lowerExpression(inner)
      if !destruction.isEmpty { noteTransfer(inner) }
      return value
    case .index:
      if case .tuple = type(of: tree.subscriptParts(e).base) { return lowerTupleElement(id, e) }
      let address = elementAddress(e)
      return .value(builder.load(ModuleLowering.irType(type(of: id)), from: address, offset: 0))
    case .byteIndex:
      let parts = tree.subscriptParts(e)
      let base = lowerExpression(parts.base)
      let index = lowerExpression(parts.index)
      // Mojo reports the `[` before `byte=`, where this node's offset is.
      var bracket = Int(e.offset)
      let bytes = module.sourceBytes
      while bracket > 0 && bracket <= bytes.count && bytes[bracket - 1] != UInt8(ascii: "[") { bracket -= 1 }
      if bracket > 0 { bracket -= 1 }
      return runtime(Runtime.byteAt, [base, index, sourceLocation(UInt32(bracket))])
    case .slice:
      return lowerSlice(e)
    case .tuple:
      return lowerTuple(id, e)
    case .dictLiteral, .setLiteral:
      return lowerDictLiteral(id, e)
    case .noneLiteral:
      return noneValue()
    case .listLiteral:
      guard case .list(let element) = type(of: id) else { preconditionFailure("lowering: untyped list literal") }
      let items = tree.elements(e)
      let list = runtime(Runtime.listNew, [.int(Layout.wordSize), .int(Int64(items.count))])
      for item in items {
        let value = lowerValueToStore(item)
        let slot = runtime(Runtime.listAppendSlot, [list, .int(Layout.wordSize)])
        builder.store(ModuleLowering.irType(element), value, to: slot, offset: 0)
      }
      return list
    default:
      preconditionFailure("lowering: unchecked expression kind \(e.kind) reached the lowering")
    }
  }

  /// A condition as an `i1`: `Int` conditions are true when non-zero (§8.2).
  mutating func lowerCondition(_ id: ExprID) -> Operand {
    let value = lowerExpression(id)
    switch type(of: id) {
    case .int: return .value(builder.op(.ine, value, .int(0)))
    case .numeric(let n): return .value(builder.op(n.isFloat ? .fne : .ine, value, n.isFloat ? .float(0.0) : .int(0)))
    case .bool: return value
    case .optional: return optionalIsSome(value)
    case .list, .dict, .set, .string: return .value(builder.op(.ine, .value(builder.load(.i64, from: value, offset: 0)), .int(0)))
    default: return value
    }
  }

  /// A folded constant as an operand of type `t`.
  mutating func constant(_ c: ConstantValue, as t: SemaType) -> Operand {
    switch (c, t) {
    case (.int, .numeric(let n)), (.float, .numeric(let n)), (.bool, .numeric(let n)):
      return n.isFloat ? .float(ModuleLowering.rounded(c.nearestDouble, n)) : .int(n.wrap(c.wrappedInt64))
    case (.int, .float64), (.int, .floatLiteral): return .float(c.nearestDouble)
    case (.int, _): return .int(c.wrappedInt64)
    case (.float, _): return .float(c.nearestDouble)
    case (.bool(let b), _): return .int(b ? 1 : 0)
    case (.string(let bytes), _): return .value(builder.address(of: module.stringConstant(bytes)))
    }
  }

  /// The value a declared but uninitialized variable starts with.
  /// The value of a variable declared without one (`var p: Point`): the checker rejects any
  /// read before an assignment, so any value of the right IR type does (a pointer type gets the
  /// address of an empty constant, never dereferenced).
  mutating func defaultValue(_ t: SemaType) -> Operand {
    if t == .string { return constant(.string([]), as: .string) }
    let type = ModuleLowering.irType(t)
    if type == .ptr { return .value(builder.address(of: module.stringConstant([]))) }
    return zero(type)
  }

  mutating func runtime(_ f: (String, [IRType], IRType), _ args: [Operand]) -> Operand {
    let module = self.module
    let ref = runtimeDeclarations.ref(f.0) { module.declare(f.0, f.1, f.2) }
    let result = builder.call(ref, returning: f.2, args)
    return result.map { .value($0) } ?? .int(0)
  }

  /// `left op right` for operands already checked to have compatible types.
  mutating func lowerBinary(_ op: Operator, _ left: Operand, _ lt: SemaType, _ right: Operand, _ rt: SemaType) -> Operand {
    if op == .contains || op == .notContains { return lowerContains(left, lt, in: right, rt, negated: op == .notContains) }
    switch lt {
    case .tuple, .set, .list, .optional, .dict, .structType:
      return lowerCollectionBinary(op, left, lt, right, rt)
    case .numeric(let n):
      return lowerNumericBinary(op, left, right, n)
    case .float64:
      switch op {
      case .add: return .value(builder.op(.fadd, left, right))
      case .sub: return .value(builder.op(.fsub, left, right))
      case .mul: return .value(builder.op(.fmul, left, right))
      case .div: return .value(builder.op(.fdiv, left, right))
      case .floorDiv: return runtime(Runtime.ffloordiv, [left, right])
      case .mod: return runtime(Runtime.fmod, [left, right])
      case .pow: return runtime(rt == .float64 ? Runtime.fpow : Runtime.fpowi, [left, right])
      case .less: return .value(builder.op(.flt, left, right))
      case .greater: return .value(builder.op(.fgt, left, right))
      case .lessEqual: return .value(builder.op(.fle, left, right))
      case .greaterEqual: return .value(builder.op(.fge, left, right))
      case .equal: return .value(builder.op(.feq, left, right))
      case .notEqual: return .value(builder.op(.fne, left, right))
      default: break
      }
    case .bool:
      switch op {
      case .bitAnd: return .value(builder.op(.band, left, right))
      case .bitOr: return .value(builder.op(.bor, left, right))
      case .bitXor, .notEqual: return .value(builder.op(.bxor, left, right))
      default:
        // Ordered comparisons of Bool compare 0/1 (`False < True`).
        return lowerBinary(op, .value(builder.op(.zext, left)), .int, .value(builder.op(.zext, right)), .int)
      }
    case .string:
      switch op {
      case .add: return runtime(Runtime.concat, [left, right])
      case .mul: return runtime(Runtime.repeatString, [left, right])
      case .equal: return .value(builder.op(.ine, runtime(Runtime.equal, [left, right]), .int(0)))
      case .notEqual: return .value(builder.op(.ieq, runtime(Runtime.equal, [left, right]), .int(0)))
      default:
        return lowerBinary(op, runtime(Runtime.compare, [left, right]), .int, .int(0), .int)
      }
    default:
      switch op {
      case .add: return .value(builder.op(.iadd, left, right))
      case .sub: return .value(builder.op(.isub, left, right))
      case .mul: return .value(builder.op(.imul, left, right))
      case .div: return .value(builder.op(.idiv, left, right))
      case .floorDiv: return .value(builder.op(.ifloordiv, left, right))
      case .mod: return .value(builder.op(.imod, left, right))
      case .pow: return runtime(Runtime.ipow, [left, right])
      case .shl: return .value(builder.op(.ishl, left, right))
      case .shr: return .value(builder.op(.ishr, left, right))
      case .bitAnd: return .value(builder.op(.iand, left, right))
      case .bitOr: return .value(builder.op(.ior, left, right))
      case .bitXor: return .value(builder.op(.ixor, left, right))
      case .less: return .value(builder.op(.ilt, left, right))
      case .greater: return .value(builder.op(.igt, left, right))
      case .lessEqual: return .value(builder.op(.ile, left, right))
      case .greaterEqual: return .value(builder.op(.ige, left, right))
      case .equal: return .value(builder.op(.ieq, left, right))
      case .notEqual: return .value(builder.op(.ine, left, right))
      default: break
      }
    }
    preconditionFailure("lowering: operator \(op) on \(lt) passed the checker")
  }

  /// `==`/`!=` of tuples and sets, set operators, `xs + ys`, `o is None` (kept out of
  /// `lowerBinary`'s common path).
  @inline(never)
  mutating func lowerCollectionBinary(_ op: Operator, _ left: Operand, _ lt: SemaType, _ right: Operand, _ rt: SemaType) -> Operand {
    if op == .equal || op == .notEqual, ModuleLowering.needsEqualityHelper(lt) {
      let same = module.emitEqual(&builder, left, right, lt)
      return op == .equal ? same : .value(builder.op(.bnot, same))
    }
    if case .list = lt, op == .add { return runtime(Runtime.listConcat, [left, right]) }
    if case .list(let element) = lt, op == .equal || op == .notEqual {
      let kind: Int64 = element == .float64 ? 1 : element == .string ? 2 : 0
      return .value(builder.op(op == .equal ? .ine : .ieq, runtime(Runtime.listEqual, [left, right, .int(kind)]), .int(0)))
    }
    if case .set = lt, op == .equal || op == .notEqual {
      return .value(builder.op(op == .equal ? .ine : .ieq, runtime(Runtime.setEqual, [left, right]), .int(0)))
    }
    if case .set = lt {
      let code: Int64 = op == .bitOr ? 0 : op == .bitAnd ? 1 : 2
      return runtime(Runtime.setCombine, [left, right, .int(code)])
    }
    if case .tuple(let elements) = lt {
      // `==` / `!=` of tuples: every element pair compared (elements are plain loads, so all
      // are read; the result is their conjunction).
      var all = Operand.int(1)
      for (k, t) in elements.enumerated() {
        let irType = ModuleLowering.irType(t)
        let a = builder.load(irType, from: left, offset: Int64(k) * Layout.wordSize)
        let b = builder.load(irType, from: right, offset: Int64(k) * Layout.wordSize)
        let same = lowerBinary(.equal, .value(a), t, .value(b), t)
        all = k == 0 ? same : .value(builder.op(.band, all, same))
      }
      return op == .equal ? all : .value(builder.op(.bnot, all))
    }
    if op == .identical || op == .notIdentical {
      let isSome = optionalIsSome(left)
      return op == .identical ? .value(builder.op(.bnot, isSome)) : isSome
    }
    preconditionFailure("lowering: operator \(op) on \(lt) passed the checker")
  }

  /// `a and b` / `a or b`: the right operand runs only when it decides the result.
  mutating func lowerShortCircuit(_ e: ExprNode) -> Operand {
    let result = builder.makeValue(.i1)
    let rightBlock = builder.makeBlock(), merge = builder.makeBlock()
    let operands = tree.binary(e)
    let left = lowerExpression(operands.left)
    builder.copy(left, to: result)
    if e.op == .and {
      builder.branch(if: left, then: rightBlock, else: merge)
    } else {
      builder.branch(if: left, then: merge, else: rightBlock)
    }
    builder.switchTo(rightBlock)
    builder.copy(lowerExpression(operands.right), to: result)
    builder.branch(to: merge)
    builder.switchTo(merge)
    return .value(result)
  }

  /// `a < b <= c`: each middle operand is evaluated once; the chain stops at the first false link.
  mutating func lowerComparisonChain(_ e: ExprNode) -> Operand {
    let (operandSlice, operators) = tree.comparison(e)
    let operands = Array(operandSlice)
    let result = builder.makeValue(.i1)
    let done = builder.makeBlock()
    var left = lowerExpression(operands[0])
    for k in 1..<operands.count {
      let right = lowerExpression(operands[k])
      let op = operators[operators.startIndex + k - 1]
      let link = lowerBinary(op, left, type(of: operands[k - 1]), right, type(of: operands[k]))
      builder.copy(link, to: result)
      if k < operands.count - 1 {
        let next = builder.makeBlock()
        builder.branch(if: .value(result), then: next, else: done)
        builder.switchTo(next)
        left = materializeInValue(right)
      }
    }
    builder.branch(to: done)
    builder.switchTo(done)
    return .value(result)
  }
}
