//! Errors (LANGUAGE.md §15 item 1) as Mojo 1.2 checks them: a plain `def` cannot raise, so a
//! `raise` or a call to a function declared `raises` must be inside the body of a `try` that has
//! an `except`, or in a function declared `raises`. `Error(msg)` builds an error; `raise` also
//! takes a `String`, `Int`, `Float64` or `Bool` (its text); `except NAME` binds the error in its body; a bare `raise` re-raises it.
import MojoDiagnostics
import MojoSyntax

extension BodyChecker {
  /// True where an error may be raised: the function raises, or a `try` with `except` catches.
  var mayRaiseHere: Bool { signature.raises || catchDepth > 0 }

  /// Called for every resolved call: a call to a raising function needs a context that may raise.
  mutating func checkRaisingCall(_ id: ExprID, _ target: CallTarget) {
    let callee: (module: Int, index: Int)
    switch target {
    case .function(let m, let f), .method(let m, let f): callee = (m, f)
    case .instance(let instance): callee = (instance.module, instance.function)
    case .construct(let m, let s), .constructBound(let m, let s, _):
      guard let initializer = program.structs[m][s].initializer else { return }
      callee = (m, initializer)
    case .constructWith(let m, _, let initializer):
      callee = (m, initializer)
    case .string(let operation) where operation.raises:
      callee = (-1, -1)
    case .collection(let operation) where operation.raises:
      callee = (-1, -1)
    default: return
    }
    guard callee.module < 0 || program.signatures[callee.module][callee.index].raises else { return }
    callsRaisingFunction = true
    raisePoints += 1
    if !mayRaiseHere {
      report(SemaDiagnostics.callMayRaise(location(tree.expr(id).offset),
                                          function: location(tree.functions[currentFunction].offset)))
      return
    }
    guard callee.module >= 0 else { _ = errorContext(adopting: .errorValue); return }
    var raised = program.signatures[callee.module][callee.index].raisedType
    if case .instance(let instance) = target { raised = program.signature(of: instance).raisedType }
    let context = errorContext(adopting: raised)
    let offset = tree.expr(id).offset
    if raised == context || raised.isError || context.isError { return }
    if context == .errorValue, raised.isStruct, isPrintable(raised) {
      result.errorConversions[offset] = raised
      return
    }
    report(SemaDiagnostics.callRaisesOtherType(typeName(raised), context: typeName(context), location(offset)))
  }

  /// The type of error the innermost enclosing context catches or raises: the function's (`raises
  /// E`), or that of the innermost `try` body with `except`, which the first raising operation in
  /// it (of type `raised`) decides.
  mutating func errorContext(adopting raised: SemaType) -> SemaType {
    if catchDepth > 0 {
      if let decided = tryErrorTypes[tryErrorTypes.count - 1] { return decided }
      tryErrorTypes[tryErrorTypes.count - 1] = raised
      return raised
    }
    return signature.raises ? signature.raisedType : .errorValue
  }

  /// `raise e` (an `Error` or a `String`) or a bare `raise` inside an `except` body.
  mutating func checkRaise(_ s: StmtNode) {
    raisePoints += 1
    if let value = tree.statementValue(s) {
      // Mojo 1.2 raises any value that converts to `Error` (its text is the message).
      let t = checkExpression(value, expected: nil)
      let context = mayRaiseHere ? errorContext(adopting: t.isStruct ? t : .errorValue) : .errorValue
      if context.isStruct {
        convertValue(value, t, to: context)  // `raises E`: an `E`, carried as it is
      } else {
        switch t {
        case .errorValue, .string, .int, .float64, .bool, .numeric, .error: break
        case .stringLiteral, .intLiteral, .floatLiteral: materialize(value, as: t.materialized)
        case _ where t.isStruct && isPrintable(t): result.errorConversions[s.offset] = t
        default: report(SemaDiagnostics.cannotConvert(literalDisplay(value, t), .errorValue, location(startOffset(value))))
        }
      }
    } else if handlerDepth == 0 {
      report(SemaDiagnostics.bareRaiseOutsideExcept(location(s.offset)))
      return
    } else if mayRaiseHere, let caught = caughtTypes.last {
      // A bare `raise` re-raises the handled error, of its `try`'s type.
      let context = errorContext(adopting: caught)
      if caught.isStruct, context == .errorValue {
        if isPrintable(caught) { result.errorConversions[s.offset] = caught } else {
          report(SemaDiagnostics.cannotConvert(typeName(caught), .errorValue, location(s.offset)))
        }
      } else if caught != context, !caught.isError, !context.isError {
        report(SemaDiagnostics.cannotConvert(typeName(caught), typeName(context), location(s.offset)))
      }
    }
    if !mayRaiseHere { report(SemaDiagnostics.raiseNeedsTry(location(s.offset))) }
    initialization.reachable = false
  }

  /// `Error(values...)`: the message is the text of each value, concatenated (`Error()` is empty).
  mutating func checkErrorConstructor(_ id: ExprID, _ e: ExprNode, _ args: [Argument]) -> SemaType {
    var parts: [CallArgument] = []
    var failed = false
    for a in args {
      if a.label.exists {
        report(SemaDiagnostics.unexpectedArgument("Error", location(a.offset)))
        failed = true
      }
      let t = checkExpression(a.value, expected: nil)
      if t.isLiteral { materialize(a.value, as: t.materialized) }
      if t == .error { failed = true; continue }
      if !isPrintable(t.materialized) || !t.materialized.isScalar {
        report(SemaDiagnostics.notSupportedYet("'Error' of a '\(typeName(t.materialized))'", location(startOffset(a.value))))
        failed = true
      }
      parts.append(.expression(a.value))
    }
    if failed { return .error }
    record(id, .makeError, parts.isEmpty ? [.constant(.string([]), .string)] : parts)
    return .errorValue
  }

  /// Checks a `try` statement; returns true when no path falls through it (definite return).
  /// Definite initialization: the `except` body starts from the state before the `try` (the
  /// error may come before any assignment of the body); `finally` runs after every path.
  /// An `except` whose body cannot raise never runs: Mojo warns about it (at its first
  /// operation, or at the `try` when it has none) and about its unused name.
  mutating func checkTry(_ id: StmtID, _ clauses: TryStatement) -> Bool {
    let statement = tree.stmt(id)
    let before = initialization
    let raisesBefore = raisePoints
    if clauses.hasExcept {
      catchDepth += 1
      tryErrorTypes.append(nil)
    }
    var normalEnds = checkBlock(clauses.body)
    var normalFallsThrough = blockFallsThrough
    var caughtType = SemaType.errorValue
    if clauses.hasExcept {
      catchDepth -= 1
      caughtType = tryErrorTypes.removeLast() ?? .errorValue
    }
    let bodyRaises = raisePoints > raisesBefore
    if let elseBlock = clauses.elseBlock, !normalFallsThrough, module == 0, instance == nil, !clauses.isWith,
       case .at(let offset) = firstOperation(in: elseBlock) {
      report(SemaDiagnostics.unreachableElse(location(offset)))
    }
    if let elseBlock = clauses.elseBlock, !normalEnds {
      normalEnds = checkBlock(elseBlock)
      normalFallsThrough = normalFallsThrough && blockFallsThrough
    }
    var merged = initialization
    // Without `except`, an error leaves through `finally`: that path never falls through.
    var handlerEnds = true, handlerFallsThrough = false
    if clauses.hasExcept {
      if !bodyRaises && module == 0 && instance == nil && !clauses.isWith {
        switch firstOperation(in: clauses.handler) {
        case .at(let offset): report(SemaDiagnostics.unreachableExcept(location(offset)))
        case .none: report(SemaDiagnostics.tryDoesNotRaise(location(statement.offset)))
        case .unknown: break
        }
      }
      initialization = before
      scopes.push()
      if clauses.errorName.exists {
        let slot = declareLocal(clauses.errorName, type: caughtType, mutable: true, offset: clauses.errorOffset)
        result.stmtSlots[Int(id.index)] = slot
        markAssigned(slot)
        // Assigned by the error that reaches it; with none, a variable nothing assigns.
        if !bodyRaises { usage.declaration(slot, name: clauses.errorName, at: clauses.errorOffset) }
      }
      handlerDepth += 1
      caughtTypes.append(caughtType)
      if !bodyRaises { usage.suspend() }
      handlerEnds = checkBlock(clauses.handler, newScope: false)
      handlerFallsThrough = bodyRaises && blockFallsThrough
      if !bodyRaises { usage.resume() }
      caughtTypes.removeLast()
      handlerDepth -= 1
      scopes.pop()
      merged = InitializationState.merge(merged, initialization)
    }
    initialization = merged
    statementEnd = normalFallsThrough || handlerFallsThrough ? nil : .tryStatement
    if let finallyBlock = clauses.finallyBlock {
      let reachable = initialization.reachable
      initialization.reachable = true
      let finallyEnds = checkBlock(finallyBlock)
      if !reachable { initialization.reachable = false }
      statementEnd = normalFallsThrough || handlerFallsThrough ? (blockFallsThrough ? nil : .tryStatement) : .tryStatement
      return finallyEnds || (normalEnds && handlerEnds)
    }
    return normalEnds && handlerEnds
  }
}
