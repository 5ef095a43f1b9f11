//! Destructors (`__deinit__`, or the deprecated `__del__`) run where Mojo 1.2 runs them: a value
//! dies right after its last use ("as soon as possible"), measured in evaluation order.
//!
//! - A use of a variable `x` (alone or through field accesses `x.a.b`) ends when the expression
//!   that consumes it completes: the call it is an argument or receiver of (`print(x.name)`,
//!   `x.show()`, `len(x)`), the operator it is an operand of, or the statement's own expression.
//!   A use inside a nested block (a loop or branch body), a `while` condition or a `for` iterable
//!   ends after that whole statement; inside a comprehension or conditional expression, after it.
//! - A value never used dies right after its definition (`var x = T()` alone prints its
//!   destructor at once). A reassignment starts a new value: the old one died after its last use.
//! - `x^` transfers the value: it does not die here. Into new storage (`var y = x^`, a field,
//!   `return x^`) it goes through the move constructor when the struct has one.
//! - A `return` destroys the values still alive (not the one returned); temporaries that an
//!   expression statement or `_ = ...` discards die at once.
//! Not covered (the value is not destroyed, as if leaked): values left by `break`/`continue` or an
//! error, list elements, a field overwritten by assignment.
import MojoIR
import MojoSema
import MojoSyntax

/// Where the destructible locals of one function die (see the file comment).
struct DestructionPlan {
  /// Slots destroyed right after an expression completes (by expression index).
  var afterExpression: [UInt32: [UInt32]] = [:]
  /// Slots destroyed right after a statement (by statement index).
  var afterStatement: [UInt32: [UInt32]] = [:]
  /// Owned parameters never used: destroyed on entry.
  var atEntry: [UInt32] = []
  /// Assignments to a destructible local planned at its own block (they start a new value).
  var plannedAssignments: Set<UInt32> = []
  /// The destructible slots (variables declared with a value of a struct that has a destructor,
  /// owned parameters of one).
  var slots: Set<UInt32> = []
  /// Slots transferred (`x^`) inside a nested block: an assignment there does not destroy the
  /// old value, which may be gone.
  var transferredInNested: Set<UInt32> = []

  var isEmpty: Bool { slots.isEmpty }
}

/// Builds a `DestructionPlan` by walking a function body in evaluation order.
struct DestructionPlanner {
  let tree: SyntaxTree
  let checked: CheckedModule
  let isDestructible: (UInt32) -> Bool
  var plan = DestructionPlan()

  /// Where the current value of a tracked slot was last used.
  enum Anchor: Equatable { case entry, expression(ExprID), statement(StmtID) }
  struct Value {
    var anchor: Anchor
    var moved = false
    /// Transferred inside a nested block: its state after the statement is unknown.
    var uncertain = false
  }

  mutating func finalize(_ slot: UInt32, _ value: Value) {
    guard !value.moved, !value.uncertain else { return }
    switch value.anchor {
    case .entry: plan.atEntry.append(slot)
    case .expression(let e): plan.afterExpression[e.index, default: []].append(slot)
    case .statement(let s): plan.afterStatement[s.index, default: []].append(slot)
    }
  }

  func slot(of id: ExprID) -> UInt32? {
    if case .local(let slot) = checked.exprFacts[Int(id.index)] { return slot }
    return nil
  }

  /// Plans one block; `initial` are values alive at its start (owned parameters).
  mutating func planBlock(_ block: Block, initial: [(UInt32, Value)] = []) {
    var live: [UInt32: Value] = [:]
    var order: [UInt32] = []
    for (slot, value) in initial { live[slot] = value; order.append(slot) }
    for id in tree.statements(in: block) {
      let s = tree.stmt(id)
      // Uses in the statement's own expressions, in evaluation order.
      var roots = tree.ownExpressions(of: s)
      if s.kind == .assign { roots.reverse() }  // the value is evaluated before the target
      let deferred = s.kind == .whileLoop || s.kind == .forLoop
      for root in roots {
        if s.kind == .assign, let target = slot(of: root), live[target] != nil, root == tree.assignment(s).target { continue }
        visit(root, parents: [], live: &live, deferredTo: deferred ? id : nil)
      }
      // Uses inside nested blocks end after the statement; their own variables are planned there.
      for nested in tree.nestedBlocks(of: s) {
        tree.forEachExpression(inBlock: nested) { e in
          guard let slot = self.slot(of: e), live[slot] != nil else { return }
          live[slot]!.anchor = .statement(id)
          live[slot]!.moved = false
        }
        markNestedTransfers(nested, live: &live)
        planBlock(nested)
      }
      // Definitions.
      switch s.kind {
      case .varDecl:
        let slot = checked.stmtSlots[Int(id.index)]
        if isDestructible(slot), tree.varDeclaration(s).value != nil {
          plan.slots.insert(slot)
          if let old = live[slot] { finalize(slot, old) } else { order.append(slot) }
          live[slot] = Value(anchor: .statement(id))
        }
      case .assign:
        if let slot = slot(of: tree.assignment(s).target), let old = live[slot] {
          finalize(slot, old)
          live[slot] = Value(anchor: .statement(id))
          plan.plannedAssignments.insert(id.index)
        }
      default:
        break
      }
    }
    for slot in order { if let value = live[slot] { finalize(slot, value) } }
  }

  /// Records the uses below `id` (`parents`: its ancestors, outermost first).
  private mutating func visit(_ id: ExprID, parents: [ExprID], live: inout [UInt32: Value], deferredTo statement: StmtID?) {
    if let slot = slot(of: id), live[slot] != nil {
      // The use ends at the first ancestor that is not a field access of it.
      var k = parents.count - 1
      while k >= 0 && tree.expr(parents[k]).kind == .member { k -= 1 }
      if k >= 0 && tree.expr(parents[k]).kind == .transfer && k == parents.count - 1 {
        live[slot]!.moved = true
        return
      }
      var anchor = k >= 0 ? parents[k] : (parents.first ?? id)
      // Inside a comprehension or a conditional part: after the outermost such expression.
      for p in parents {
        let e = tree.expr(p)
        if e.kind == .listComprehension || e.kind == .setComprehension || e.kind == .dictComprehension || e.kind == .ternary
          || (e.kind == .binary && (e.op == .and || e.op == .or)) {
          anchor = p
          break
        }
      }
      live[slot]!.moved = false
      // An earlier use whose consumer encloses this one (`print(x.name, x.total())`) ends later.
      if case .expression(let previous) = live[slot]!.anchor, parents.contains(previous) { return }
      live[slot]!.anchor = statement.map { .statement($0) } ?? .expression(anchor)
      return
    }
    let children = tree.children(of: id)
    if children.isEmpty { return }
    let path = parents + [id]
    for child in children where child.exists { visit(child, parents: path, live: &live, deferredTo: statement) }
  }

  /// A value transferred (`x^`) inside a nested block may or may not be gone afterwards.
  private mutating func markNestedTransfers(_ block: Block, live: inout [UInt32: Value]) {
    tree.forEachExpression(inBlock: block) { e in
      let node = tree.expr(e)
      guard node.kind == .transfer, let slot = self.slot(of: ExprID(Int(node.a))), live[slot] != nil else { return }
      live[slot]!.uncertain = true
      plan.transferredInNested.insert(slot)
    }
  }
}

extension FunctionLowering {
  /// Plans the destruction of this function's destructible locals (empty when none).
  mutating func planDestruction() {
    guard module.hasDestructors else { return }
    let locals = function.locals
    let module = self.module
    var planner = DestructionPlanner(tree: tree, checked: checked, isDestructible: { module.needsDestroy(locals[Int($0)]) })
    var initial: [(UInt32, DestructionPlanner.Value)] = []
    for (k, p) in signature.parameters.enumerated() where p.convention == .owned && module.needsDestroy(p.type) {
      planner.plan.slots.insert(UInt32(k))
      initial.append((UInt32(k), DestructionPlanner.Value(anchor: .entry)))
    }
    planner.planBlock(tree.functions[function.function].body, initial: initial)
    destruction = planner.plan
    liveDestructibles = initial.map(\.0)
    for slot in destruction.atEntry { destroyLocal(slot) }
  }

  /// Runs the destructor of a local's current value.
  mutating func destroyLocal(_ slot: UInt32) {
    guard !builder.isTerminated else { return }
    destroyValue(readLocal(slot), function.locals[Int(slot)])
    liveDestructibles.removeAll { $0 == slot }
  }

  /// Runs the destructor of a value of type `t` (its fields' too).
  mutating func destroyValue(_ value: Operand, _ t: SemaType) {
    guard !builder.isTerminated, module.needsDestroy(t) else { return }
    _ = builder.call(module.destroyFunction(for: t), returning: .void, [value])
  }

  /// After `id` was lowered: destroys the locals whose last use it completes.
  mutating func destroyAfter(expression id: ExprID) {
    guard let slots = destruction.afterExpression[id.index] else { return }
    for slot in slots { destroyLocal(slot) }
  }

  /// After statement `id` was lowered.
  mutating func destroyAfter(statement id: StmtID) {
    guard let slots = destruction.afterStatement[id.index] else { return }
    for slot in slots { destroyLocal(slot) }
  }

  /// Before `return`: destroys what is still alive, except the local being returned.
  mutating func destroyBeforeReturn(_ value: ExprID?) {
    var returned: UInt32?
    if let value {
      let e = tree.expr(value)
      let inner = e.kind == .transfer ? ExprID(Int(e.a)) : value
      if case .local(let slot) = checked.exprFacts[Int(inner.index)] { returned = slot }
    }
    let saved = liveDestructibles
    for slot in saved.reversed() where slot != returned { destroyLocal(slot) }
    liveDestructibles = saved
  }

  /// `x^` stored into new storage: through the struct's move constructor when it has one.
  mutating func moveIfTransfer(_ id: ExprID, _ operand: Operand) -> Operand {
    guard tree.expr(id).kind == .transfer, case .structType(let m, let s) = type(of: id),
          let mover = module.program.structs[m][s].moveInitializer else { return operand }
    let count = max(1, module.program.structs[m][s].fieldTypes.count)
    let block = runtime(Runtime.alloc, [.int(Int64(count) * Layout.wordSize)])
    _ = builder.call(module.functionRef(module: m, index: mover), returning: .void, [block, operand])
    return block
  }
}
