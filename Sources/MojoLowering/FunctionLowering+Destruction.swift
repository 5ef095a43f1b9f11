//! Destructors (`__deinit__`, or the deprecated `__del__`) run where Mojo 1.2 runs them: a value
//! dies as soon as no path from here uses it again ("as soon as possible"), checked against the
//! oracle (Corpus/oracle/168-..., 169-...).
//!
//! - A use of a variable `x` (alone or through field accesses `x.a.b`) ends when the expression
//!   that consumes it completes: the call it is an argument or receiver of (`print(x.name)`,
//!   `x.show()`, `len(x)`), the operator it is an operand of, or the statement's own expression;
//!   inside a comprehension or conditional expression, after that expression.
//! - Liveness follows the control flow: a value used on one branch only dies at the start of the
//!   other branches (an `if` without `else` gets an edge block); a value used in a loop lives until
//!   the loop exits; `break`, `continue`, `return`, `raise` and an error from a call destroy the
//!   values the code they jump to does not use (an error's handler, the caller). Several values
//!   dying at one point die owned parameters first, then locals, each latest declared first.
//! - A value never used dies right after its definition (`var x = T()` alone prints its
//!   destructor at once). A reassignment starts a new value: the old one died after its last use.
//! - `x^` transfers the value: it does not die here. Into new storage (`var y = x^`, a field,
//!   `return x^`) it goes through the move constructor when the struct has one. `return x` hands
//!   `x` to the caller.
//! Known differences: Mojo 1.2 leaks (never destroys) a value that dies at the entry of a
//! `for i in range(...)` body whose first statement reassigns it; mojoc destroys it there, as Mojo
//! does for `while` and `for x in list`. Not covered (not destroyed): list elements, a field
//! overwritten by assignment.
//! - A `finally` body runs on every way out of its `try`: what that way does not use dies before
//!   the body (an error's: what neither the body nor the code the error goes to uses; a completed
//!   clause's: what neither the body nor the code after the `try` uses). Inside the body a value
//!   dies after its last use on the completed path; on an error's path a value used in the body
//!   and only after the `try` dies when the body ends (Mojo: right after that use).
import MojoIR
import MojoSema
import MojoSyntax

/// The values live at the control-flow points of one compound statement (by statement index).
struct StatementLiveness {
  /// After the statement: an `if`'s merge, a loop's `break` target, the code after a `try`.
  var out: Set<UInt32> = []
  /// Entry of an `if`'s then-block, a loop's body, a `try`'s `except` body.
  var then: Set<UInt32> = []
  /// Entry of an `if`'s else part (its else-block or the implicit one), a loop's exit edge (its
  /// `else` block or `out`).
  var otherwise: Set<UInt32> = []
  /// A loop's header (the `continue` target); a `try`'s `finally` body run by completion,
  /// `return`, `break` or `continue`.
  var header: Set<UInt32> = []
  /// A `try`'s `finally` body run by an error.
  var errorFinally: Set<UInt32> = []
}

/// Where the destructible locals of one function die (see the file comment).
struct DestructionPlan {
  /// Slots destroyed right after an expression completes (by expression index), in order.
  var afterExpression: [UInt32: [UInt32]] = [:]
  /// Slots destroyed right after a definition that nothing uses (by statement index).
  var afterStatement: [UInt32: [UInt32]] = [:]
  /// Values live at the function's entry (owned parameters not in it die there).
  var entryLive: Set<UInt32> = []
  /// The tracked slots: destructible locals declared by `var`, owned destructible parameters.
  var slots: Set<UInt32> = []
  /// Liveness at the edges of compound statements.
  var statements: [UInt32: StatementLiveness] = [:]

  var isEmpty: Bool { slots.isEmpty }
}

/// Builds a `DestructionPlan`: a backward liveness analysis over the structured body.
struct DestructionPlanner {
  let tree: SyntaxTree
  let checked: CheckedModule
  let parameterCount: Int
  let mayRaise: (ExprID) -> Bool
  var plan = DestructionPlan()
  /// Per (anchor expression, slot): whether the use there is the last (overwritten by each pass
  /// over a loop, so the final pass decides).
  private var useEnds: [UInt64: Bool] = [:]
  /// Per (statement, slot): whether the value defined there is never used.
  private var definitionEnds: [UInt64: Bool] = [:]
  /// Live at the innermost error target (an `except` body, a `finally`); empty: the caller.
  private var errorTargets: [Set<UInt32>] = []
  private var loopTargets: [(exit: Set<UInt32>, header: Set<UInt32>)] = []
  /// Live at the entry of the enclosing `finally` bodies (run by `return`, `break`, `continue`).
  private var finallyLive: Set<UInt32> = []
  /// A loop's header liveness from an earlier pass (a start that only grows).
  private var headerMemo: [UInt32: Set<UInt32>] = [:]

  init(tree: SyntaxTree, checked: CheckedModule, parameterCount: Int, slots: Set<UInt32>, mayRaise: @escaping (ExprID) -> Bool) {
    self.tree = tree
    self.checked = checked
    self.parameterCount = parameterCount
    self.mayRaise = mayRaise
    plan.slots = slots
  }

  /// The destructible `var` slots of a body (an explicit stack: `elif` chains nest deeply).
  static func declaredSlots(_ tree: SyntaxTree, _ checked: CheckedModule, _ body: Block, _ isDestructible: (UInt32) -> Bool) -> Set<UInt32> {
    var result: Set<UInt32> = []
    var stack = [body]
    while let block = stack.popLast() {
      for id in tree.statements(in: block) {
        let s = tree.stmt(id)
        if s.kind == .varDecl && !tree.varDeclaration(s).isReference {
          let slot = checked.stmtSlots[Int(id.index)]
          if isDestructible(slot) { result.insert(slot) }
        }
        stack.append(contentsOf: tree.nestedBlocks(of: s))
      }
    }
    return result
  }

  /// Plans the body; the result is in `plan`.
  mutating func run(_ body: Block) {
    plan.entryLive = block(body, out: [])
    for (key, last) in useEnds where last {
      plan.afterExpression[UInt32(key >> 32), default: []].append(UInt32(truncatingIfNeeded: key))
    }
    for (key, unused) in definitionEnds where unused {
      plan.afterStatement[UInt32(key >> 32), default: []].append(UInt32(truncatingIfNeeded: key))
    }
    let count = parameterCount
    for (k, slots) in plan.afterExpression { plan.afterExpression[k] = DestructionPlanner.order(slots, parameters: count) }
    for (k, slots) in plan.afterStatement { plan.afterStatement[k] = DestructionPlanner.order(slots, parameters: count) }
  }

  /// The order in which values dying at one point die: owned parameters first, then locals,
  /// each latest declared first (Mojo 1.2's order).
  static func order<S: Sequence>(_ slots: S, parameters: Int) -> [UInt32] where S.Element == UInt32 {
    slots.sorted { a, b in
      let pa = a < UInt32(parameters), pb = b < UInt32(parameters)
      return pa != pb ? pa : a > b
    }
  }

  private static func key(_ a: UInt32, _ slot: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(slot) }

  func slot(of id: ExprID) -> UInt32? {
    if case .local(let slot) = checked.exprFacts[Int(id.index)], plan.slots.contains(slot) { return slot }
    return nil
  }

  /// Live at the block's entry, given what is live after it.
  mutating func block(_ block: Block, out: Set<UInt32>) -> Set<UInt32> {
    var live = out
    for id in tree.statements(in: block).reversed() { live = statement(id, out: live) }
    return live
  }

  private mutating func statement(_ id: StmtID, out: Set<UInt32>) -> Set<UInt32> {
    let s = tree.stmt(id)
    switch s.kind {
    case .ifElse: return ifChain(id, out: out)
    case .whileLoop, .forLoop: return loop(id, s, out: out)
    case .tryStatement: return tryStatement(id, s, out: out)
    case .breakLoop: return (loopTargets.last?.exit ?? []).union(finallyLive)
    case .continueLoop: return (loopTargets.last?.header ?? []).union(finallyLive)
    case .returnValue: return simple(id, s, out: finallyLive)
    case .raiseError: return simple(id, s, out: errorTargets.last ?? [])
    case .pass, .comptimeDecl, .invalid: return out
    case .expression, .varDecl, .assign, .augmentedAssign: return simple(id, s, out: out)
    }
  }

  /// An `if` and its `elif` arms, last arm first (a loop: chains can be long).
  private mutating func ifChain(_ first: StmtID, out: Set<UInt32>) -> Set<UInt32> {
    var arms: [(StmtID, IfStatement)] = []
    var id = first
    while true {
      let statement = tree.ifStatement(tree.stmt(id))
      arms.append((id, statement))
      guard let elseBody = statement.elseBlock else { break }
      let inner = tree.statements(in: elseBody)
      guard inner.count == 1, tree.stmt(inner.first!).kind == .ifElse else { break }
      id = inner.first!
    }
    var next = arms.last!.1.elseBlock.map { block($0, out: out) } ?? out
    for (id, statement) in arms.reversed() {
      let thenLive = block(statement.then, out: out)
      plan.statements[id.index] = StatementLiveness(out: out, then: thenLive, otherwise: next)
      next = expressions([statement.condition], live: thenLive.union(next))
    }
    return next
  }

  /// `while` and `for`: the header's liveness is a fixed point (it only grows).
  private mutating func loop(_ id: StmtID, _ s: StmtNode, out: Set<UInt32>) -> Set<UInt32> {
    let isWhile = s.kind == .whileLoop
    let body: Block, elseBlock: Block?, head: ExprID
    if isWhile {
      let w = tree.whileStatement(s)
      (body, elseBlock, head) = (w.body, w.elseBlock, w.condition)
    } else {
      let f = tree.forStatement(s)
      (body, elseBlock, head) = (f.body, f.elseBlock, f.iterable)
    }
    let exitLive = elseBlock.map { block($0, out: out) } ?? out
    // A `for` over a variable (or its field) borrows it for the whole loop.
    var pinned: Set<UInt32> = []
    if !isWhile {
      var root = head
      while case let node = tree.expr(root), node.kind == .member { root = tree.member(node).base }
      if let slot = slot(of: root) { pinned.insert(slot) }
    }
    var header = (headerMemo[id.index] ?? []).union(exitLive).union(pinned)
    var bodyLive: Set<UInt32> = []
    while true {
      loopTargets.append((out, header))
      bodyLive = block(body, out: header)
      loopTargets.removeLast()
      var next = header.union(bodyLive)
      if isWhile { next.formUnion(expressions([head], live: bodyLive.union(exitLive))) }
      if next == header { break }
      header = next
    }
    headerMemo[id.index] = header
    plan.statements[id.index] = StatementLiveness(out: out, then: bodyLive, otherwise: exitLive, header: header)
    // A `while` condition runs at the header; a `for` iterable once, before it.
    return isWhile ? header : expressions([head], live: header)
  }

  private mutating func tryStatement(_ id: StmtID, _ s: StmtNode, out: Set<UInt32>) -> Set<UInt32> {
    let t = tree.tryStatement(s)
    let outer = errorTargets.last ?? []
    var finallyIn: Set<UInt32>?
    var finallyErrorIn: Set<UInt32>?
    if let finallyBlock = t.finallyBlock {
      // Reached by an error, the body runs and the error goes on to `outer`: what neither uses
      // dies on the error's edge, before the body (as Mojo). Planned first: the pass below,
      // over the same statements, decides where each use in the body ends.
      finallyErrorIn = block(finallyBlock, out: outer)
      // Run before any other continuation: keeps what each of them uses.
      var continuations = out.union(outer).union(finallyLive)
      if let loop = loopTargets.last { continuations.formUnion(loop.exit); continuations.formUnion(loop.header) }
      finallyIn = block(finallyBlock, out: continuations)
    }
    let savedFinally = finallyLive
    if let finallyIn { finallyLive.formUnion(finallyIn) }
    let afterClauses = finallyIn ?? out
    errorTargets.append(finallyErrorIn ?? outer)
    let elseLive = t.elseBlock.map { block($0, out: afterClauses) } ?? afterClauses
    let handlerLive = t.hasExcept ? block(t.handler, out: afterClauses) : nil
    errorTargets[errorTargets.count - 1] = handlerLive ?? finallyErrorIn ?? outer
    let bodyLive = block(t.body, out: elseLive)
    errorTargets.removeLast()
    finallyLive = savedFinally
    plan.statements[id.index] = StatementLiveness(out: out, then: handlerLive ?? [], otherwise: elseLive, header: finallyIn ?? [],
                                                  errorFinally: finallyErrorIn ?? [])
    return bodyLive
  }

  /// A statement without nested blocks.
  private mutating func simple(_ id: StmtID, _ s: StmtNode, out: Set<UInt32>) -> Set<UInt32> {
    var live = out
    var roots = tree.ownExpressions(of: s)
    var returned: ExprID?
    switch s.kind {
    case .varDecl:
      let slot = checked.stmtSlots[Int(id.index)]
      if plan.slots.contains(slot) {
        if tree.varDeclaration(s).value != nil { definitionEnds[Self.key(id.index, slot)] = !live.contains(slot) }
        live.remove(slot)
      }
    case .assign:
      let target = tree.assignment(s).target
      if let slot = slot(of: target) {
        definitionEnds[Self.key(id.index, slot)] = !live.contains(slot)
        live.remove(slot)
        roots.removeAll { $0 == target }
      }
      roots.reverse()  // the value is evaluated before the target
    case .returnValue:
      returned = tree.statementValue(s)
    default:
      break
    }
    return expressions(roots, live: live, returned: returned)
  }

  /// The uses and error points of expressions evaluated in this order, given what is live after
  /// them; returns what is live before.
  private mutating func expressions(_ roots: [ExprID], live: Set<UInt32>, returned: ExprID? = nil) -> Set<UInt32> {
    struct Use { var slot: UInt32; var anchor: ExprID; var transfer: Bool }
    var uses: [Use] = []
    var anchors: [UInt32: Int] = [:]  // completion position of each anchor
    var raisesAt: [Int] = []
    var position = 0
    // Iterative post-order walk; a frame's `conditional` is the outermost enclosing
    // comprehension or conditional expression (uses inside end after it).
    struct Frame { var id: ExprID; var children: [ExprID]; var next: Int; var conditional: ExprID? }
    var stack: [Frame] = []
    for root in roots where root.exists {
      stack.append(Frame(id: root, children: tree.children(of: root), next: 0, conditional: nil))
      while !stack.isEmpty {
        let k = stack.count - 1
        if stack[k].next < stack[k].children.count {
          let child = stack[k].children[stack[k].next]
          stack[k].next += 1
          guard child.exists else { continue }
          if let slot = slot(of: child) {
            uses.append(use(slot, child, stack: stack, root: root))
            continue
          }
          let node = tree.expr(stack[k].id)
          var conditional = stack[k].conditional
          if conditional == nil && (node.kind == .listComprehension || node.kind == .setComprehension || node.kind == .dictComprehension
                                    || node.kind == .ternary || (node.kind == .binary && (node.op == .and || node.op == .or))) {
            conditional = stack[k].id
          }
          stack.append(Frame(id: child, children: tree.children(of: child), next: 0, conditional: conditional))
          continue
        }
        let done = stack.removeLast().id
        anchors[done.index] = position
        if mayRaise(done) { raisesAt.append(position) }
        position += 1
      }
      if let slot = slot(of: root) {
        // The statement's expression is the variable itself.
        let transfer = root == returned
        uses.append(Use(slot: slot, anchor: root, transfer: transfer))
        anchors[root.index] = position
        position += 1
      }
    }
    func use(_ slot: UInt32, _ leaf: ExprID, stack: [Frame], root: ExprID) -> Use {
      // The use ends at the first ancestor that is not a field access of it (nor a conditional
      // expression choosing it: `a.n if c else b.n` is a place).
      var k = stack.count - 1
      var child = leaf
      while k >= 0 {
        let node = tree.expr(stack[k].id)
        guard node.kind == .member || (node.kind == .ternary && tree.ternary(node).condition != child) else { break }
        child = stack[k].id
        k -= 1
      }
      if k >= 0 && k == stack.count - 1 && tree.expr(stack[k].id).kind == .transfer {
        return Use(slot: slot, anchor: stack[k].id, transfer: true)
      }
      // Inside a comprehension or conditional part: after the outermost such expression.
      let anchor = k >= 0 ? (stack[k].conditional ?? stack[k].id) : root
      return Use(slot: slot, anchor: anchor, transfer: false)
    }
    // Backward: latest completion first; at one position the use ends after the error check.
    var events: [(position: Int, use: Int)] = uses.indices.map { (anchors[uses[$0].anchor.index] ?? 0, $0) }
    events += raisesAt.map { ($0, -1) }
    events.sort { $0.position != $1.position ? $0.position > $1.position : $0.use > $1.use }
    var live = live
    var seen: Set<UInt64> = []
    let target = errorTargets.last ?? []
    for event in events {
      guard event.use >= 0 else { live.formUnion(target); continue }
      let u = uses[event.use]
      let key = Self.key(u.anchor.index, u.slot)
      guard seen.insert(key).inserted else { continue }
      if !u.transfer { useEnds[key] = !live.contains(u.slot) }
      live.insert(u.slot)
    }
    return live
  }
}

extension FunctionLowering {
  /// Plans the destruction of this function's destructible locals (empty when none).
  mutating func planDestruction() {
    guard module.hasDestructors else { return }
    let locals = function.locals
    let module = self.module
    let body = tree.functions[function.function].body
    let first = UInt32(parameterCount)
    var slots = DestructionPlanner.declaredSlots(tree, checked, body) { $0 >= first && module.needsDestroy(locals[Int($0)]) }
    for (k, p) in signature.parameters.enumerated() where p.convention == .owned && module.needsDestroy(p.type) {
      slots.insert(UInt32(k))
    }
    guard !slots.isEmpty else { return }
    let checked = self.checked
    var planner = DestructionPlanner(tree: tree, checked: checked, parameterCount: parameterCount, slots: slots,
                                     mayRaise: { FunctionLowering.mayRaise($0, checked, module.program) })
    planner.run(body)
    destruction = planner.plan
    liveDestructibles = slots.filter { $0 < UInt32(parameterCount) }.sorted()
    killDead(keeping: destruction.entryLive)
  }

  /// True when the call `id` may raise (as `BodyChecker.checkRaisingCall` decides).
  static func mayRaise(_ id: ExprID, _ checked: CheckedModule, _ program: Program) -> Bool {
    guard case .call(let target, _, _) = checked.exprFacts[Int(id.index)] else { return false }
    switch target {
    case .function(let m, let f), .method(let m, let f): return program.signatures[m][f].raises
    case .instance(let instance): return program.signatures[instance.module][instance.function].raises
    case .construct(let m, let s), .constructBound(let m, let s, _):
      guard let initializer = program.structs[m][s].initializer else { return false }
      return program.signatures[m][initializer].raises
    case .constructWith(let m, _, let initializer): return program.signatures[m][initializer].raises
    case .string(let operation): return operation.raises
    case .collection(let operation): return operation.raises
    case .assertion: return true
    default: return false
    }
  }

  /// Runs the destructor of a local's current value (when it holds one).
  mutating func destroyLocal(_ slot: UInt32) {
    guard let k = liveDestructibles.firstIndex(of: slot) else { return }
    liveDestructibles.remove(at: k)
    guard !builder.isTerminated else { return }
    destroyValue(readLocal(slot), function.locals[Int(slot)])
  }

  /// Destroys the values alive here that `live` (what the code reached next uses) does not hold.
  mutating func killDead(keeping live: Set<UInt32>) {
    let dying = liveDestructibles.filter { !live.contains($0) }
    if dying.isEmpty { return }
    for slot in DestructionPlanner.order(dying, parameters: parameterCount) { destroyLocal(slot) }
  }

  /// The values alive here that `live` does not hold, in destruction order.
  func dyingValues(keeping live: Set<UInt32>) -> [UInt32] {
    DestructionPlanner.order(liveDestructibles.filter { !live.contains($0) }, parameters: parameterCount)
  }

  /// Emits the destructors of `slots` without changing what is alive (an edge the lowering
  /// does not continue on).
  mutating func emitDestructors(_ slots: [UInt32]) {
    for slot in slots { destroyValue(readLocal(slot), function.locals[Int(slot)]) }
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

  /// The local a `return` hands to the caller (`return x`, `return x^`), if any.
  func returnedLocal(_ value: ExprID?) -> UInt32? {
    guard let value else { return nil }
    let e = tree.expr(value)
    let inner = e.kind == .transfer ? tree.operand(e) : value
    if case .local(let slot) = checked.exprFacts[Int(inner.index)] { return slot }
    return nil
  }

  /// A tracked local transferred by `x^`: it is no longer alive here (and is not destroyed).
  mutating func noteTransfer(_ inner: ExprID) {
    if case .local(let slot) = checked.exprFacts[Int(inner.index)] { liveDestructibles.removeAll { $0 == slot } }
  }

  /// Adds a tracked local that now holds a value.
  mutating func noteAlive(_ slot: UInt32) {
    if !liveDestructibles.contains(slot) { liveDestructibles.append(slot) }
  }

  /// The liveness of a compound statement (empty when none was planned).
  func liveness(_ id: StmtID) -> StatementLiveness {
    destruction.statements[id.index] ?? StatementLiveness()
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
