//! Lowers one function body: local slots become IR values, statements become blocks and
//! branches. Expressions are in `FunctionLowering+Expressions.swift`, calls and builtins in
//! `FunctionLowering+Calls.swift`.
import MojoIR
import MojoSema
import MojoSyntax

/// Lowers the body of one checked function into a `FunctionBuilder`.
struct FunctionLowering {
  let module: ModuleLowering
  /// The checked tables and the tree, shared with the module lowering (not copied per function).
  private let sharedChecked: Shared<CheckedModule>
  private let sharedTree: Shared<SyntaxTree>
  /// The checked tables of the function (the module's, or a generic instance's own).
  var checked: CheckedModule {
    @inline(__always) get { sharedChecked.value }
  }
  var tree: SyntaxTree {
    @inline(__always) get { sharedTree.value }
  }
  let function: CheckedFunction
  var builder: FunctionBuilder
  /// IR value of each local slot.
  var slots: [ValueID] = []
  let parameterCount: Int
  let isMutParameter: [Bool]
  /// Targets of `break` and `continue` for the enclosing loops, innermost last.
  var loops: [(breakTarget: BlockID, continueTarget: BlockID)] = []
  /// Error propagation (see `FunctionLowering+Errors.swift`).
  var errors: ErrorLoweringState
  /// The function's signature (an instance's own, with its parameters bound).
  let signature: FunctionSignature
  /// Where destructible locals die, and those alive at this point of the lowering
  /// (FunctionLowering+Destruction.swift).
  var destruction = DestructionPlan()
  var liveDestructibles: [UInt32] = []
  /// While `lowerChain` lowers a flat chain bottom-up: the operand already lowered (the node
  /// below the one being lowered) and its value.
  var loweredChainOperand: (id: ExprID, value: Operand)?
  /// The enclosing loops' liveness and the values alive at their `break`s (only with a plan).
  var loopDestruction: [(liveness: StatementLiveness, breaks: [[UInt32]])] = []
  /// The runtime functions this lowering has called (`runtime`), so that it need not look
  /// them up by name again.
  var runtimeDeclarations = RuntimeDeclarationCache()

  /// A lowering of `function`; an instance of a generic function brings its own `checked`
  /// tables and `signature`.
  init(module: ModuleLowering, function: CheckedFunction, builder: consuming FunctionBuilder,
       checked: Shared<CheckedModule>? = nil, signature: FunctionSignature? = nil) {
    self.module = module
    self.sharedChecked = checked ?? module.sharedChecked
    self.sharedTree = module.sharedTree
    self.function = function
    let signature = signature ?? module.program.signatures[module.checked.module][function.function]
    self.signature = signature
    builder.reset(parameterTypes: ModuleLowering.irParameterTypes(signature))
    parameterCount = signature.parameters.count
    errors = ErrorLoweringState(signature: signature, builder: builder)
    // Moved, not copied: a builder shared with a live copy would copy its buffers on the next change.
    self.builder = consume builder
    isMutParameter = signature.parameters.map { $0.convention == .mut || $0.convention == .out }
    slots.reserveCapacity(function.locals.count)
    for (k, type) in function.locals.enumerated() {
      if k < parameterCount {
        slots.append(self.builder.parameter(k))
      } else {
        slots.append(self.builder.makeValue(function.isIndirect[k] ? .ptr : ModuleLowering.irType(type)))
      }
    }
  }

  mutating func lowerBody() {
    let decl = tree.functions[function.function]
    for (k, p) in signature.parameters.enumerated() where p.convention == .owned {
      // A `var` parameter is a variable of the callee: its own value, initialized from the argument.
      let variable = builder.makeValue(ModuleLowering.irType(p.type))
      builder.copy(.value(slots[k]), to: variable)
      slots[k] = variable
    }
    planDestruction()
    if function.callsRaisingFunction && errors.slot == nil {
      // Not itself raising (or the entry `main`): catches errors, so it needs the slot.
      errors.slot = runtime(Runtime.errorSlot, [])
    }
    lowerBlock(decl.body)
    if !builder.isTerminated {
      // Falling off the end of a function with a result is impossible (the checker requires a
      // return on every path), so the block reached here is dead.
      if signature.result == .none {
        builder.ret(nil)
      } else {
        builder.unreachable()
      }
    }
  }

  /// Inlined: a call of a non-mutating method copies the whole (large) lowering struct.
  @inline(__always)
  func type(of id: ExprID) -> SemaType { checked.exprTypes[Int(id.index)] }

  // MARK: - Statements

  mutating func lowerBlock(_ block: Block) {
    for s in tree.statements(in: block) {
      if builder.isTerminated {
        // Code after `return`/`break` is unreachable; give it a fresh block nobody jumps to.
        builder.switchTo(builder.makeBlock())
      }
      lowerStatement(s)
    }
  }

  mutating func lowerStatement(_ id: StmtID) {
    lowerStatementItself(id)
    if !destruction.isEmpty { destroyAfter(statement: id) }
  }

  private mutating func lowerStatementItself(_ id: StmtID) {
    let s = tree.stmt(id)
    switch s.kind {
    case .expression:
      let e = tree.expressionStatement(s)
      let value = lowerExpression(e)
      // A discarded temporary with a destructor dies at once.
      if module.hasDestructors && !isPlace(e) { destroyValue(value, type(of: e)) }
    case .varDecl:
      let slot = checked.stmtSlots[Int(id.index)]
      if function.isIndirect[Int(slot)] {
        // The variable is passed to `mut` parameters: it lives in a heap cell.
        builder.copy(runtime(Runtime.alloc, [.int(Layout.wordSize)]), to: slots[Int(slot)])
      }
      let decl = tree.varDeclaration(s)
      let operand = decl.isReference ? lowerExpression(decl.value!)
        : decl.value.map { moveIfTransfer($0, lowerValueToStore($0)) } ?? defaultValue(function.locals[Int(slot)])
      writeLocal(slot, operand)
      if !destruction.isEmpty && destruction.slots.contains(slot) && tree.varDeclaration(s).value != nil { noteAlive(slot) }
    case .assign:
      let assignment = tree.assignment(s)
      if assignment.declaresNames {
        // `var a, b = ...`: a name passed to `mut` parameters lives in a heap cell, as in `var`.
        for name in tree.elements(tree.expr(assignment.target)) {
          if case .local(let slot) = checked.exprFacts[Int(name.index)], function.isIndirect[Int(slot)] {
            builder.copy(runtime(Runtime.alloc, [.int(Layout.wordSize)]), to: slots[Int(slot)])
          }
        }
      }
      if !destruction.isEmpty, case .local(let slot) = checked.exprFacts[Int(assignment.target.index)], destruction.slots.contains(slot) {
        // A new value: the old one died after its last use (a value still alive dies now).
        let value = moveIfTransfer(assignment.value, lowerValueToStore(assignment.value))
        destroyLocal(slot)
        writeLocal(slot, value)
        noteAlive(slot)
        break
      }
      lowerAssignment(target: assignment.target, value: assignment.value)
    case .augmentedAssign:
      lowerAugmentedAssignment(s)
    case .pass, .comptimeDecl, .invalid:
      break
    case .breakLoop:
      guard let loop = loops.last else { break }
      runFinallyBlocks(leavingLoop: true)
      if let k = loopDestruction.indices.last, !builder.isTerminated {
        killDead(keeping: loopDestruction[k].liveness.out)
        loopDestruction[k].breaks.append(liveDestructibles)
      }
      if !builder.isTerminated { builder.branch(to: loop.breakTarget) }
    case .continueLoop:
      guard let loop = loops.last else { break }
      runFinallyBlocks(leavingLoop: true)
      if let live = loopDestruction.last?.liveness { killDead(keeping: live.header) }
      if !builder.isTerminated { builder.branch(to: loop.continueTarget) }
    case .returnValue:
      var result = tree.statementValue(s).map { moveIfTransfer($0, lowerReturnValue($0)) } ?? nil
      let destroys = !liveDestructibles.isEmpty
      if destroys || errors.hasFinally {
        // The value is taken before destructors and `finally` run (they may change the variables).
        result = result.map { materializeInValue($0) }
      }
      if errors.hasFinally {
        runFinallyBlocks(leavingLoop: false)
        if builder.isTerminated { break }
      }
      if destroys {
        // Everything still alive dies, except the local handed to the caller.
        let saved = liveDestructibles
        killDead(keeping: returnedLocal(tree.statementValue(s)).map { [$0] } ?? [])
        liveDestructibles = saved
      }
      builder.ret(result)
    case .raiseError:
      lowerRaise(s)
    case .tryStatement:
      lowerTry(id, tree.tryStatement(s))
    case .ifElse:
      lowerIfChain(id, s)
    case .whileLoop:
      let header = builder.makeBlock()
      let body = builder.makeBlock()
      let exit = builder.makeBlock()
      let loop = tree.whileStatement(s)
      let elseBlock = loop.elseBlock
      let finished = elseBlock == nil ? exit : builder.makeBlock()
      let tracking = !destruction.isEmpty
      let live = tracking ? liveness(id) : StatementLiveness()
      if tracking { killDead(keeping: live.header) }
      builder.branch(to: header)
      builder.switchTo(header)
      let condition = lowerCondition(loop.condition)
      let edge = exitEdge(tracking, live, finished: finished)
      builder.branch(if: condition, then: body, else: edge.block)
      let atHeader = liveDestructibles
      builder.switchTo(body)
      if tracking { enterLoopBody(live) }
      loops.append((exit, header))
      lowerBlock(loop.body)
      loops.removeLast()
      if tracking && !builder.isTerminated { killDead(keeping: live.header) }
      if !builder.isTerminated { builder.branch(to: header) }
      let breaks = tracking ? leaveLoop(live, atHeader: atHeader, edge: edge, finished: finished) : nil
      lowerLoopElse(elseBlock, finished: finished, exit: exit, breaks: breaks)
    case .forLoop:
      let loop = tree.forStatement(s)
      if case .call(.range, _, _) = checked.exprFacts[Int(loop.iterable.index)] {
        lowerForRange(id, s)
      } else if case .call(.collection, _, _) = checked.exprFacts[Int(loop.iterable.index)] {
        lowerForCollection(id, s)
      } else if case .list = type(of: loop.iterable), loop.tupleTarget == nil {
        lowerForList(id, s)
      } else {
        lowerForCollection(id, s)
      }
    }
  }

  /// An `if` and its `elif` arms (each the one statement of the else-block before it), in a
  /// loop rather than by recursion so that a chain of any length costs no stack: each arm
  /// branches to its then-block or to the next arm; each arm's merge block falls through to the
  /// enclosing arm's, innermost first (the blocks and their order are those the recursion made).
  ///
  /// With a destruction plan, each arm starts by destroying what it does not use, an `if`
  /// without `else` gets an else-block when values die on that edge, and the values alive at the
  /// merge are those alive at the end of the arms that reach it.
  mutating func lowerIfChain(_ firstID: StmtID, _ first: StmtNode) {
    var s = first
    var id = firstID
    var merges: [BlockID] = []
    let tracking = !destruction.isEmpty
    var arriving: [[UInt32]] = []
    let atStart = liveDestructibles
    while true {
      let statement = tree.ifStatement(s)
      let condition = lowerCondition(statement.condition)
      let live = tracking ? liveness(id) : StatementLiveness()
      let thenBlock = builder.makeBlock()
      let merge = builder.makeBlock()
      merges.append(merge)
      let implicitDying = tracking && statement.elseBlock == nil ? dyingValues(keeping: live.otherwise) : []
      let elseBlock = statement.elseBlock == nil && implicitDying.isEmpty ? merge : builder.makeBlock()
      builder.branch(if: condition, then: thenBlock, else: elseBlock)
      let beforeArms = liveDestructibles
      builder.switchTo(thenBlock)
      if tracking { killDead(keeping: live.then) }
      lowerBlock(statement.then)
      if tracking { arrive(keeping: live.out, &arriving) }
      if !builder.isTerminated { builder.branch(to: merge) }
      if tracking { liveDestructibles = beforeArms }
      guard let elseBody = statement.elseBlock else {
        if !implicitDying.isEmpty {
          builder.switchTo(elseBlock)
          killDead(keeping: live.otherwise)
          builder.branch(to: merge)
        }
        if tracking { arriving.append(liveDestructibles) }
        break
      }
      builder.switchTo(elseBlock)
      if tracking { killDead(keeping: live.otherwise) }
      let elseStatements = tree.statements(in: elseBody)
      if elseStatements.count == 1, case let next = tree.stmt(elseStatements.first!), next.kind == .ifElse {
        s = next
        id = elseStatements.first!
        continue
      }
      lowerBlock(elseBody)
      if tracking { arrive(keeping: live.out, &arriving) }
      if !builder.isTerminated { builder.branch(to: merge) }
      break
    }
    builder.switchTo(merges.removeLast())
    while let merge = merges.popLast() {
      if !builder.isTerminated { builder.branch(to: merge) }
      builder.switchTo(merge)
    }
    if tracking { liveDestructibles = arriving.isEmpty ? atStart : FunctionLowering.union(arriving) }
  }

  /// At the end of a block that continues at a join: destroys what the join does not use and
  /// records what is alive there.
  mutating func arrive(keeping live: Set<UInt32>, _ arriving: inout [[UInt32]]) {
    guard !builder.isTerminated else { return }
    killDead(keeping: live)
    arriving.append(liveDestructibles)
  }

  static func union(_ states: [[UInt32]]) -> [UInt32] {
    var result: [UInt32] = []
    for state in states { for slot in state where !result.contains(slot) { result.append(slot) } }
    return result
  }

  /// The block a loop's exit edge goes to: its own, destroying what dies on leaving, when
  /// values die there; `finished` otherwise.
  mutating func exitEdge(_ tracking: Bool, _ live: StatementLiveness, finished: BlockID) -> (block: BlockID, dying: Bool) {
    guard tracking, !dyingValues(keeping: live.otherwise).isEmpty else { return (finished, false) }
    return (builder.makeBlock(), true)
  }

  /// At the start of a loop body (with a plan).
  mutating func enterLoopBody(_ live: StatementLiveness) {
    killDead(keeping: live.then)
    loopDestruction.append((live, []))
  }

  /// After a loop body (with a plan): fills the exit edge; returns the values alive at the
  /// `break`s.
  mutating func leaveLoop(_ live: StatementLiveness, atHeader: [UInt32], edge: (block: BlockID, dying: Bool), finished: BlockID) -> [[UInt32]] {
    let breaks = loopDestruction.removeLast().breaks
    liveDestructibles = atHeader
    if edge.dying {
      builder.switchTo(edge.block)
      killDead(keeping: live.otherwise)
      builder.branch(to: finished)
    }
    return breaks
  }

  /// `for i in range(start, stop, step)`: the bounds are evaluated once; a hidden counter
  /// drives the loop and is copied into the (read-only) loop variable at each iteration.
  mutating func lowerForRange(_ id: StmtID, _ s: StmtNode) {
    let loop = tree.forStatement(s)
    let call = loop.iterable
    guard case .call(.range, let start, _) = checked.exprFacts[Int(call.index)] else { return }
    let args = (0..<3).map { lowerArgument(checked.callArguments[Int(start) + $0]) }
    let counter = builder.makeValue(.i64)
    builder.copy(args[0], to: counter)
    let stop = materializeInValue(args[1])
    let step = materializeInValue(args[2])
    lowerCountedLoop(id, counter: counter, step: step, body: loop.body, inRange: { f in
      if case .int(let k) = step {
        return .value(f.builder.op(k > 0 ? .ilt : .igt, .value(counter), stop))
      }
      // Unknown step sign: (step > 0 and i < stop) or (step < 0 and i > stop).
      let b = f.builder.op(.igt, step, .int(0)), below = f.builder.op(.ilt, .value(counter), stop)
      let up = f.builder.op(.band, .value(b), .value(below))
      let n = f.builder.op(.ilt, step, .int(0)), above = f.builder.op(.igt, .value(counter), stop)
      let down = f.builder.op(.band, .value(n), .value(above))
      return .value(f.builder.op(.bor, .value(up), .value(down)))
    }, prologue: { f in f.writeLocal(f.checked.stmtSlots[Int(id.index)], .value(counter)) }, stopsOnWrap: true,
    elseBlock: loop.elseBlock)
  }

  /// Ends a loop whose condition failed at `finished`: runs its `else` block (if any; `finished`
  /// is then its own block, which `break` skips) and continues at `exit`.
  /// With a plan, `breaks` are the values alive at each `break`: alive at `exit` is their union
  /// with those alive where the loop ended normally.
  mutating func lowerLoopElse(_ elseBlock: Block?, finished: BlockID, exit: BlockID, breaks: [[UInt32]]? = nil) {
    var fellThrough = true
    if let elseBlock {
      builder.switchTo(finished)
      lowerBlock(elseBlock)
      fellThrough = !builder.isTerminated
      if !builder.isTerminated { builder.branch(to: exit) }
    }
    builder.switchTo(exit)
    if let breaks { liveDestructibles = FunctionLowering.union((fellThrough ? [liveDestructibles] : []) + breaks) }
  }

  /// The skeleton of both `for` loops: `header` tests `inRange`, the body starts with
  /// `prologue` (binding the loop variable), `continue` goes to the latch, which adds `step` to
  /// `counter`, and `break` leaves through `exit`. With `stopsOnWrap` the loop also ends when
  /// adding `step` wraps around (`range(a, Int.max, s)` must end, not start over). An
  /// `elseBlock` runs when the loop ends without `break`.
  mutating func lowerCountedLoop(_ statement: StmtID, counter: ValueID, step: Operand, body block: Block,
                                 inRange: (inout FunctionLowering) -> Operand,
                                 prologue: (inout FunctionLowering) -> Void, stopsOnWrap: Bool = false,
                                 latch latchStep: ((inout FunctionLowering) -> Void)? = nil, elseBlock: Block? = nil) {
    let header = builder.makeBlock(), body = builder.makeBlock(), latch = builder.makeBlock(), exit = builder.makeBlock()
    let finished = elseBlock == nil ? exit : builder.makeBlock()
    let tracking = !destruction.isEmpty
    let live = tracking ? liveness(statement) : StatementLiveness()
    if tracking { killDead(keeping: live.header) }
    builder.branch(to: header)
    builder.switchTo(header)
    let condition = inRange(&self)
    let edge = exitEdge(tracking, live, finished: finished)
    builder.branch(if: condition, then: body, else: edge.block)
    let atHeader = liveDestructibles
    builder.switchTo(body)
    prologue(&self)
    if tracking { enterLoopBody(live) }
    loops.append((exit, latch))
    lowerBlock(block)
    loops.removeLast()
    if tracking && !builder.isTerminated { killDead(keeping: live.header) }
    if !builder.isTerminated { builder.branch(to: latch) }
    builder.switchTo(latch)
    if stopsOnWrap {
      // `next` wrapped exactly when it moved against the sign of `step`:
      // (next < counter) differs from (step < 0). Both are known at compile time for a literal step.
      let next = builder.op(.iadd, .value(counter), step)
      let wrapped: Operand
      if case .int(let k) = step {
        wrapped = .value(builder.op(k < 0 ? .igt : .ilt, .value(next), .value(counter)))
      } else {
        let movedDown = builder.op(.ilt, .value(next), .value(counter))
        let negative = builder.op(.ilt, step, .int(0))
        wrapped = .value(builder.op(.bxor, .value(movedDown), .value(negative)))
      }
      builder.copy(.value(next), to: counter)
      builder.branch(if: wrapped, then: edge.block, else: header)
    } else {
      if let latchStep { latchStep(&self) } else { builder.emit(.iadd, type: .i64, result: counter, [.value(counter), step]) }
      builder.branch(to: header)
    }
    let breaks = tracking ? leaveLoop(live, atHeader: atHeader, edge: edge, finished: finished) : nil
    lowerLoopElse(elseBlock, finished: finished, exit: exit, breaks: breaks)
  }

  /// Keeps constants as they are and copies values into a fresh value, so later assignments
  /// to the source variable cannot change it.
  mutating func materializeInValue(_ operand: Operand) -> Operand {
    guard case .value(let v) = operand else { return operand }
    let copy = builder.makeValue(builder.type(of: v))
    builder.copy(operand, to: copy)
    return .value(copy)
  }

  func zero(_ type: IRType) -> Operand {
    type == .f64 ? .float(0.0) : .int(0)
  }
}
