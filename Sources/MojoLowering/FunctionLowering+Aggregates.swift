//! Storage and value semantics (LANGUAGE.md §9.3): locals that live in memory, assignment to
//! variables, fields and elements, copies of lists and structs taken from places, and loops
//! over lists. Struct values and lists are pointers to heap blocks (see `Layout`); storing a
//! value read from another place copies it, storing a temporary or a transferred value
//! (`x^`) does not.
import MojoIR
import MojoSema
import MojoSyntax

extension FunctionLowering {
  // MARK: - Locals

  mutating func readLocal(_ slot: UInt32) -> Operand {
    let value = slots[Int(slot)]
    guard function.isIndirect[Int(slot)] else { return .value(value) }
    return .value(builder.load(ModuleLowering.irType(function.locals[Int(slot)]), from: .value(value), offset: 0))
  }

  mutating func writeLocal(_ slot: UInt32, _ operand: Operand) {
    let value = slots[Int(slot)]
    if function.isIndirect[Int(slot)] {
      builder.store(ModuleLowering.irType(function.locals[Int(slot)]), operand, to: .value(value), offset: 0)
    } else {
      builder.copy(operand, to: value)
    }
  }

  // MARK: - Values being stored

  /// True when `id` reads existing storage (a variable, field or element), so storing its
  /// value elsewhere needs a copy of a list or struct.
  func isPlace(_ id: ExprID) -> Bool {
    switch checked.exprFacts[Int(id.index)] {
    case .local, .field, .call(.collection(.getItem), _, _): return true
    case .none: return tree.expr(id).kind == .index
    default: return false
    }
  }

  /// Lowers a value that is about to be stored in new storage.
  mutating func lowerValueToStore(_ id: ExprID) -> Operand {
    let value = lowerExpression(id)
    let t = type(of: id)
    guard Layout.isAggregate(t), isPlace(id) else { return value }
    return deepCopy(value, t)
  }

  /// A returned value: places the function does not own are copied; a local variable's value
  /// dies with the function and is returned as it is.
  mutating func lowerReturnValue(_ id: ExprID) -> Operand {
    if case .local(let slot) = checked.exprFacts[Int(id.index)], Int(slot) >= parameterCount {
      return lowerExpression(id)
    }
    return lowerValueToStore(id)
  }

  /// A deep copy through the module's generated helper for `t`.
  mutating func deepCopy(_ value: Operand, _ t: SemaType) -> Operand {
    if !Layout.isAggregate(t) { return value }  // `.copy()` of an `Int`, a `String`, a tuple
    let helper = module.copyFunction(for: t)
    return .value(builder.call(helper, returning: .ptr, [value])!)
  }

  /// Copies the words of one block into another (assignment to a `mut` list or struct
  /// parameter must change the caller's storage, not rebind the parameter).
  mutating func copyWords(from source: Operand, to destination: Operand, count: Int) {
    for k in 0..<count {
      let word = builder.load(.i64, from: source, offset: Int64(k) * Layout.wordSize)
      builder.store(.i64, .value(word), to: destination, offset: Int64(k) * Layout.wordSize)
    }
  }

  func wordCount(_ t: SemaType) -> Int {
    if let info = module.program.structInfo(t) { return max(1, info.fieldTypes.count) }
    if case .dict = t { return Layout.dictHeaderWords }
    if case .set = t { return Layout.dictHeaderWords }
    return Layout.listHeaderWords
  }

  // MARK: - Assignment

  mutating func lowerAssignment(target: ExprID, value: ExprID) {
    let t = tree.expr(target)
    if t.kind == .tuple { return lowerDestructuring(t, value: value) }
    switch checked.exprFacts[Int(target.index)] {
    case .local(let slot):
      let operand = lowerValueToStore(value)
      let type = function.locals[Int(slot)]
      if Int(slot) < parameterCount && isMutParameter[Int(slot)] && Layout.isAggregate(type) {
        copyWords(from: operand, to: readLocal(slot), count: wordCount(type))
      } else {
        writeLocal(slot, operand)
      }
    case .field(let k):
      let base = lowerExpression(tree.member(t).base)
      let operand = moveIfTransfer(value, lowerValueToStore(value))
      builder.store(ModuleLowering.irType(type(of: target)), operand, to: base, offset: Int64(k) * Layout.wordSize)
    case .call(.collection(.setItem), let start, let count):
      lowerDictStore(CallArgumentList(storage: checked.callArguments, start: Int(start), count: Int(count)), value: value)
    case .call(let call, let start, let count):
      // `x[i] = v` on a struct: a call of its `__setitem__` (the value is its last argument).
      _ = lowerCall(call, start: Int(start), count: Int(count), at: t.offset)
    default:
      if t.kind == .index {
        let place = elementPlace(t)
        let operand = lowerValueToStore(value)
        builder.store(ModuleLowering.irType(type(of: target)), operand, to: place.base, offset: place.offset)
      } else {
        // `_ = value`: a discarded temporary or transferred value with a destructor dies at once.
        let discarded = lowerExpression(value)
        if module.hasDestructors && !isPlace(value) { destroyValue(discarded, type(of: value)) }
      }
    }
  }

  mutating func lowerAugmentedAssignment(_ s: StmtNode) {
    let assignment = tree.assignment(s)
    let target = assignment.target
    let value = assignment.value
    let t = tree.expr(target)
    let targetType = type(of: target)
    let irType = ModuleLowering.irType(targetType)
    // The target's address parts are evaluated once, before the value (§7).
    switch checked.exprFacts[Int(target.index)] {
    case .local(let slot):
      let current = readLocal(slot)
      let result = lowerBinary(s.op, current, targetType, lowerExpression(value), type(of: value))
      writeLocal(slot, result)
    case .field(let k):
      let base = lowerExpression(tree.member(t).base)
      let current = builder.load(irType, from: base, offset: Int64(k) * Layout.wordSize)
      let result = lowerBinary(s.op, .value(current), targetType, lowerExpression(value), type(of: value))
      builder.store(irType, result, to: base, offset: Int64(k) * Layout.wordSize)
    case .call(.collection(.getItem), let start, let count):
      lowerDictUpdate(CallArgumentList(storage: checked.callArguments, start: Int(start), count: Int(count)), op: s.op,
                      target: target, value: value)
    default:
      let place = elementPlace(t)
      let current = builder.load(irType, from: place.base, offset: place.offset)
      let result = lowerBinary(s.op, .value(current), targetType, lowerExpression(value), type(of: value))
      builder.store(irType, result, to: place.base, offset: place.offset)
    }
  }

  /// Where `list[index]` or `tuple[k]` lives: a base address and a constant offset from it.
  mutating func elementPlace(_ e: ExprNode) -> (base: Operand, offset: Int64) {
    let (base, index) = tree.subscriptParts(e)
    guard case .tuple = type(of: base) else { return (elementAddress(e), 0) }
    // A tuple is a box of words; the checker made `k` a constant in range.
    guard case .constant(let c) = checked.exprFacts[Int(index.index)] else { preconditionFailure("lowering: tuple index is not a constant") }
    return (lowerExpression(base), c.wrappedInt64 * Layout.wordSize)
  }

  func isTupleElement(_ id: ExprID) -> Bool {
    let e = tree.expr(id)
    guard e.kind == .index, case .tuple = type(of: tree.subscriptParts(e).base) else { return false }
    return true
  }

  /// The address of `list[index]` (bounds-checked by the runtime, which reports the `[`).
  mutating func elementAddress(_ e: ExprNode) -> Operand {
    let parts = tree.subscriptParts(e)
    let list = lowerExpression(parts.base)
    let index = lowerExpression(parts.index)
    return listElement(list, index, at: e.offset)
  }

  /// The address of element `index` of `list`, checked, a failure reported at `offset` (nil:
  /// without a location, for walks that stay within the list's length).
  mutating func listElement(_ list: Operand, _ index: Operand, at offset: UInt32?) -> Operand {
    // The location's address right before the call: copy-and-patch folds the pair into one
    // stencil, which needs the address only on its cold path.
    let location = offset.map { sourceLocation($0) } ?? .value(builder.address(of: module.noSourceLocation()))
    return runtime(Runtime.listAt, [list, index, .int(Layout.wordSize), location])
  }

  /// The address of the location string of `offset`, the last operand of runtime calls that
  /// check something (`ModuleLowering.sourceLocation`).
  mutating func sourceLocation(_ offset: UInt32) -> Operand {
    .value(builder.address(of: module.sourceLocation(offset)))
  }

  // MARK: - Loops over lists

  /// `for x in xs`: the length is read once; `x` views each element in turn.
  mutating func lowerForList(_ id: StmtID, _ s: StmtNode) {
    let loop = tree.forStatement(s)
    let iterable = loop.iterable
    guard case .list(let element) = type(of: iterable) else { return }
    let list = materializeInValue(lowerExpression(iterable))
    let count = builder.load(.i64, from: list, offset: 0)
    let counter = builder.makeValue(.i64)
    builder.copy(.int(0), to: counter)
    lowerCountedLoop(id, counter: counter, step: .int(1), body: loop.body, inRange: { f in
      .value(f.builder.op(.ilt, .value(counter), .value(count)))
    }, prologue: { f in
      let address = f.listElement(list, .value(counter), at: s.offset)
      let item = f.builder.load(ModuleLowering.irType(element), from: address, offset: 0)
      f.writeLocal(f.checked.stmtSlots[Int(id.index)], .value(item))
    }, elseBlock: loop.elseBlock)
  }
}
