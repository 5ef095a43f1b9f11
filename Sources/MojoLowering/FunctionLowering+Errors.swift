//! Errors (`raises`, `raise`, `try`/`except`/`else`/`finally`) lowered with existing opcodes only,
//! so neither backend knows about them.
//!
//! - An `Error` is its message: a pointer to a string, never null.
//! - The program has one error slot (`mojo_rt_error_slot`), null while no error is in flight. A
//!   raising function takes its address as a hidden last parameter; to raise past its own
//!   handlers it stores the error there and returns (any result value; the caller ignores it).
//! - After each call to a raising function the caller loads the slot and branches when it is not
//!   null: to the innermost handler of its own (after moving the error into a local value and
//!   clearing the slot), or straight back to its caller (the slot stays set).
//! - Inside a function the error travels in one local value, `pending`: `raise` sets it and
//!   branches to the innermost handler. An `except` body starts by copying it to its own value
//!   (bound to the name, and re-raised by a bare `raise`); a `finally` reached by an error saves
//!   it, runs, and passes it on. `finally` bodies are also lowered inline on every other way out
//!   of the `try`: normal completion, `return`, `break` and `continue`.
//! - A function that is not raising but calls raising functions inside `try`, and the entry `main`,
//!   get the slot's address from the runtime once at entry; an error leaving a raising `main`
//!   goes to `mojo_rt_uncaught_error`, which prints Mojo's message and exits with status 1.
//! Cost at run time: a call to a raising function passes one more argument and is followed by a
//! load, a compare and a conditional branch; nothing else changes for code without errors.
import MojoIR
import MojoSema
import MojoSyntax

/// What one function's lowering tracks to propagate errors.
struct ErrorLoweringState {
  /// Address of the error slot: the last parameter of a raising function, or fetched from the
  /// runtime at entry by a function that catches errors of its calls.
  var slot: Operand?
  /// True when the function receives the slot from its caller (raising, not the entry `main`).
  let takesSlot: Bool
  let returnType: IRType
  /// The error being raised or propagated inside the function (made on first use).
  var pending: ValueID?
  /// Enclosing handlers, innermost last.
  var handlers: [ErrorHandler] = []
  /// The errors handled by the enclosing `except` bodies (a bare `raise` re-raises the last).
  var caught: [ValueID] = []
  /// Where a call's error goes when no handler of this function encloses the call (made on first use).
  var outermostLanding: BlockID?

  init(signature: FunctionSignature, builder: borrowing FunctionBuilder) {
    takesSlot = ModuleLowering.takesErrorSlot(signature)
    returnType = ModuleLowering.irType(signature.result)
    slot = takesSlot ? .value(builder.parameter(signature.parameters.count)) : nil
  }

  /// True when a `return` has `finally` bodies to run first.
  var hasFinally: Bool { handlers.contains { $0.finallyBlock != nil } }
}

/// An enclosing `except` or `finally` of the function being lowered.
struct ErrorHandler {
  /// Where an error goes (with `pending` holding it): the `except` body or the `finally` run
  /// for an error.
  var target: BlockID
  /// The `finally` body to run when `return`, `break` or `continue` leaves through this handler.
  var finallyBlock: Block?
  /// Loops enclosing the `try` (a `break` runs the `finally` bodies of handlers inside its loop).
  var loopCount: Int
  /// Where calls inside the handler send the error left in the slot (made on first use).
  var callLanding: BlockID?
  /// The destructible values the target uses (the others die on the way to it).
  var live: Set<UInt32> = []
}

extension FunctionLowering {
  /// The value holding the error raised or propagated inside this function.
  mutating func pendingError() -> ValueID {
    if let pending = errors.pending { return pending }
    let pending = builder.makeValue(.ptr)
    errors.pending = pending
    return pending
  }

  /// At the entry of a handler no error can reach (the `try` body cannot raise: every way into
  /// a handler sets `pending` first), gives `pending` a value, an empty message, so that the
  /// handler, lowered although it never runs, reads only defined values.
  mutating func definePendingError() {
    guard errors.pending == nil else { return }
    builder.copy(.value(builder.address(of: module.stringConstant([]))), to: pendingError())
  }

  /// `raise e` (an `Error`, or a value whose text becomes the message) or a bare `raise`.
  mutating func lowerRaise(_ s: StmtNode) {
    var message: Operand
    let conversion = checked.errorConversions.isEmpty ? nil : checked.errorConversions[s.offset]
    if let value = tree.statementValue(s) {
      let t = type(of: value)
      // A struct (`raises E`) is carried as its pointer, or raised as an `Error` of its text.
      message = t.isStruct && conversion == nil ? lowerValueToStore(value) : textOfValue(lowerExpression(value), t)
    } else {
      guard let current = errors.caught.last else { preconditionFailure("lowering: bare 'raise' outside 'except'") }
      message = .value(current)
      if let conversion { message = textOfValue(message, conversion) }
    }
    builder.copy(message, to: pendingError())
    propagate()
  }

  /// Sends the error in `pending` to the innermost handler, or out of the function.
  mutating func propagate() {
    let saved = liveDestructibles
    defer { liveDestructibles = saved }
    if !destruction.isEmpty { killDead(keeping: errors.handlers.last?.live ?? []) }
    if let handler = errors.handlers.last {
      builder.branch(to: handler.target)
      return
    }
    let error = Operand.value(pendingError())
    if errors.takesSlot, let slot = errors.slot {
      builder.store(.ptr, error, to: slot, offset: 0)
      returnAfterError()
    } else {
      _ = runtime(Runtime.uncaughtError, [error])
      builder.unreachable()
    }
  }

  /// Returns to the caller, which finds the error in the slot and ignores the result.
  mutating func returnAfterError() {
    switch errors.returnType {
    case .void: builder.ret(nil)
    case .f64: builder.ret(.float(0.0))
    case .ptr: builder.ret(.value(builder.load(.ptr, from: errors.slot!, offset: 0)))
    case .i1, .i64: builder.ret(.int(0))
    }
  }

  /// After a call to a raising function: when the slot holds an error, branch to the innermost
  /// handler (or leave the function); otherwise continue in a new block.
  /// With `converting`, the callee raises that struct type and this function `Error`: the
  /// struct in the slot is replaced by its text first.
  mutating func branchOnError(converting: SemaType? = nil) {
    guard let slot = errors.slot else { return }
    let flag = builder.load(.i64, from: slot, offset: 0)
    let failed = builder.op(.ine, .value(flag), .int(0))
    let landing = errorLanding()
    let next = builder.makeBlock()
    let dying = destruction.isEmpty ? [] : dyingValues(keeping: errors.handlers.last?.live ?? [])
    if dying.isEmpty && converting == nil {
      builder.branch(if: .value(failed), then: landing, else: next)
    } else {
      // The values the handler (or the caller) does not use die first; the slot is empty while
      // their destructors run. A typed error reaching an `Error` context becomes its text.
      let edge = builder.makeBlock()
      builder.branch(if: .value(failed), then: edge, else: next)
      builder.switchTo(edge)
      var error = Operand.value(builder.load(.ptr, from: slot, offset: 0))
      if !dying.isEmpty {
        builder.store(.i64, .int(0), to: slot, offset: 0)
        emitDestructors(dying)
      }
      if let converting { error = textOfValue(error, converting) }
      builder.store(.ptr, error, to: slot, offset: 0)
      builder.branch(to: landing)
    }
    builder.switchTo(next)
  }

  /// The block that handles an error a call left in the slot, shared by the calls of one handler.
  private mutating func errorLanding() -> BlockID {
    let k = errors.handlers.count - 1
    if k >= 0, let block = errors.handlers[k].callLanding { return block }
    if k < 0, let block = errors.outermostLanding { return block }
    let block = builder.makeBlock()
    let resume = builder.currentBlock
    builder.switchTo(block)
    let slot = errors.slot!
    if k < 0 && errors.takesSlot {
      returnAfterError()  // the slot already holds the error for the caller
    } else {
      let error = builder.load(.ptr, from: slot, offset: 0)
      if k >= 0 {
        builder.store(.i64, .int(0), to: slot, offset: 0)
        builder.copy(.value(error), to: pendingError())
        builder.branch(to: errors.handlers[k].target)
      } else {
        _ = runtime(Runtime.uncaughtError, [.value(error)])
        builder.unreachable()
      }
    }
    builder.switchTo(resume)
    if k >= 0 { errors.handlers[k].callLanding = block } else { errors.outermostLanding = block }
    return block
  }

  /// Lowers `try` with its clauses (see the file comment).
  mutating func lowerTry(_ id: StmtID, _ clauses: TryStatement) {
    let after = builder.makeBlock()
    let tracking = !destruction.isEmpty
    let live = tracking ? liveness(id) : StatementLiveness()
    let atEntry = liveDestructibles
    var arriving: [[UInt32]] = []
    var finallyEntry: BlockID?
    if let finallyBlock = clauses.finallyBlock {
      let entry = builder.makeBlock()
      finallyEntry = entry
      errors.handlers.append(ErrorHandler(target: entry, finallyBlock: finallyBlock, loopCount: loops.count, live: live.errorFinally))
    }
    var landing: BlockID?
    if clauses.hasExcept {
      let block = builder.makeBlock()
      landing = block
      errors.handlers.append(ErrorHandler(target: block, finallyBlock: nil, loopCount: loops.count, live: live.then))
    }
    lowerBlock(clauses.body)
    if clauses.hasExcept { errors.handlers.removeLast() }
    if let elseBlock = clauses.elseBlock, !builder.isTerminated { lowerBlock(elseBlock) }
    finishClause(clauses.finallyBlock, joining: after, tracking ? live : nil, &arriving)
    if let landing {
      builder.switchTo(landing)
      // Reached by errors only: what the handler uses was alive at the `try`.
      if tracking { liveDestructibles = atEntry.filter { live.then.contains($0) } }
      definePendingError()
      let error = builder.makeValue(.ptr)
      builder.copy(.value(pendingError()), to: error)
      if clauses.errorName.exists { writeLocal(checked.stmtSlots[Int(id.index)], .value(error)) }
      errors.caught.append(error)
      lowerBlock(clauses.handler)
      errors.caught.removeLast()
      finishClause(clauses.finallyBlock, joining: after, tracking ? live : nil, &arriving)
    }
    if let finallyBlock = clauses.finallyBlock, let finallyEntry {
      errors.handlers.removeLast()
      builder.switchTo(finallyEntry)
      if tracking { liveDestructibles = atEntry.filter { live.errorFinally.contains($0) } }
      definePendingError()
      let error = builder.makeValue(.ptr)
      builder.copy(.value(pendingError()), to: error)
      lowerBlock(finallyBlock)
      if !builder.isTerminated {
        builder.copy(.value(error), to: pendingError())
        propagate()
      }
    }
    builder.switchTo(after)
    if tracking { liveDestructibles = arriving.isEmpty ? atEntry.filter { live.out.contains($0) } : FunctionLowering.union(arriving) }
  }

  /// Ends a clause that completed normally: runs `finally` (outside its own handler) and joins
  /// the code after the `try` (with a plan, `live.out` is what that code uses, `live.header`
  /// what the `finally` body and the code after it use).
  private mutating func finishClause(_ finallyBlock: Block?, joining after: BlockID, _ live: StatementLiveness?, _ arriving: inout [[UInt32]]) {
    guard !builder.isTerminated else { return }
    let out = live?.out
    if let finallyBlock {
      if let live { killDead(keeping: live.header) }
      let saved = errors.handlers
      errors.handlers.removeLast()
      lowerBlock(finallyBlock)
      errors.handlers = saved
    }
    if let out { arrive(keeping: out, &arriving) }
    if !builder.isTerminated { builder.branch(to: after) }
  }

  /// Before `return` (all handlers) or `break`/`continue` (the handlers inside the innermost
  /// loop): runs the `finally` bodies being left, innermost first.
  mutating func runFinallyBlocks(leavingLoop: Bool) {
    let saved = errors.handlers
    var k = errors.handlers.count - 1
    while k >= 0 {
      let handler = errors.handlers[k]
      if leavingLoop && handler.loopCount < loops.count { break }
      errors.handlers.removeSubrange(k...)
      if let finallyBlock = handler.finallyBlock {
        lowerBlock(finallyBlock)
        if builder.isTerminated { break }
      }
      k -= 1
    }
    errors.handlers = saved
  }
}
