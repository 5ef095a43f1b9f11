//! Mojo 1.2's warnings, worded, placed and ordered as Mojo gives them: an expression statement's
//! discarded value, an `if` on a constant, a `__del__` (deprecated), code after a statement that
//! never falls through (`return`, `raise`, `break`, `continue`, an endless `while True`, an `if`
//! or `try` whose every path ends), an `except` a `try` body cannot reach, an `else` after a
//! body that never falls through, an assignment no read can see, a loop variable never read, a
//! variable never assigned or read. Mojo prints them in three rounds: the first three kinds, then
//! the unreachable code, each in source order over the whole file, then
//! per function its unused assignments and loop variables, loops first (`unusedStoresAndLoopVariables`),
//! then its unused variables (`orderedWarnings`).
//! Unreachable code is reported where Mojo puts its first operation (`firstOperation`), and
//! only when that place is known; reads and stores in it do not count.
//! Mojo finds dead assignments on its IR; here the checker logs reads and stores in
//! evaluation order and decides at the end of the body, erring towards silence: a store is unused
//! when no later read of the variable exists (for a store in a loop: no read in the outermost
//! loop either, as the next iteration may see it), or when a later statement of the same block
//! overwrites it with no read, `break`, `continue` or enclosing `try` in between. As in Mojo,
//! stores to parameters (a `mut` one is the caller's variable) and to names starting with `_`
//! are never reported. Only the main file is warned about: Mojo elaborates an imported module's
//! functions lazily and warns only about those the program reaches, which mojoc does not model.
import MojoDiagnostics
import MojoSyntax

/// Reads and stores of one function body's locals, in evaluation order.
struct UsageLog {
  private struct Store {
    var slot: UInt32
    var name: NameID
    /// Reads after this point see the store.
    var visibleFrom: Int32
    var valueOffset: UInt32
    var position: Int32
    var block: Int32
    var escapes: Int32
    /// The innermost loop around it (an index into `loopParents`), or -1.
    var loop: Int32
    /// Overwritten before any read could see it.
    var killed = false
  }

  /// Per slot: the position of its last read, or -1.
  private var lastRead: [Int32] = []
  private var stores: [Store] = []
  private var loopVariables: [(slot: UInt32, name: NameID, offset: UInt32, loop: Int32)] = []
  /// Per loop (in the order they start): the loop around it, or -1.
  private var loopParents: [Int32] = []
  private var currentLoop: Int32 = -1
  private var position: Int32 = 0
  private var loopDepth = 0
  private var outermostLoopStart: Int32 = 0
  /// Per slot: the store a later store in the same block may overwrite, or -1.
  private var pending: [Int32] = []
  private var blocks: [Int32] = [0]
  private var blockCount: Int32 = 0
  /// `break`s and `continue`s so far: a store before one may be read after the loop.
  private var escapes: Int32 = 0
  /// Slots below this are parameters.
  private var parameterCount: UInt32 = 0
  /// Above 0 while checking code that never runs: its reads and stores are not logged.
  private var suspended = 0
  /// Variables declared without a value (`var x: Int`), with the offset of their name.
  private var declarations: [(slot: UInt32, name: NameID, offset: UInt32)] = []

  /// Forgets everything (a new function body whose first `parameters` slots are parameters).
  mutating func reset(parameters: Int) {
    parameterCount = UInt32(parameters)
    lastRead.removeAll(keepingCapacity: true)
    stores.removeAll(keepingCapacity: true)
    loopVariables.removeAll(keepingCapacity: true)
    loopParents.removeAll(keepingCapacity: true)
    currentLoop = -1
    declarations.removeAll(keepingCapacity: true)
    pending.removeAll(keepingCapacity: true)
    suspended = 0
    position = 0
    loopDepth = 0
    blocks = [0]
    escapes = 0
  }

  mutating func enterBlock() {
    blockCount += 1
    blocks.append(blockCount)
  }

  mutating func exitBlock() { blocks.removeLast() }

  /// A `break` or `continue`.
  mutating func escape() { escapes += 1 }

  /// Starts or ends code that never runs (nested: each `suspend` has its `resume`).
  mutating func suspend() { suspended += 1 }
  mutating func resume() { suspended -= 1 }

  mutating func read(_ slot: UInt32) {
    guard suspended == 0 else { return }
    let k = Int(slot)
    if k >= lastRead.count { lastRead += repeatElement(-1, count: k + 1 - lastRead.count) }
    position += 1
    lastRead[k] = position
  }

  /// A value stored into `slot` by `var x = value` or `x = value`.
  /// `mayBeCaught`: inside a `try` with an `except`, where a raise may reach a read.
  mutating func store(_ slot: UInt32, name: NameID, value offset: UInt32, mayBeCaught: Bool) {
    guard suspended == 0 else { return }
    position += 1
    let k = Int(slot)
    if k >= pending.count { pending += repeatElement(-1, count: k + 1 - pending.count) }
    let block = blocks[blocks.count - 1]
    if pending[k] >= 0 {
      let previous = stores[Int(pending[k])]
      if previous.block == block && previous.escapes == escapes && lastRead(of: slot) < previous.position {
        stores[Int(pending[k])].killed = true
      }
    }
    stores.append(Store(slot: slot, name: name, visibleFrom: loopDepth > 0 ? outermostLoopStart : position,
                        valueOffset: offset, position: position, block: block, escapes: escapes, loop: currentLoop))
    pending[k] = mayBeCaught ? -1 : Int32(stores.count - 1)
  }

  mutating func loopVariable(_ slot: UInt32, name: NameID, at offset: UInt32) {
    guard suspended == 0 else { return }
    loopVariables.append((slot, name, offset, Int32(loopParents.count)))  // the loop that starts next
  }

  /// A variable declared without a value (or an `except` name no error can reach).
  mutating func declaration(_ slot: UInt32, name: NameID, at offset: UInt32) {
    guard suspended == 0 else { return }
    declarations.append((slot, name, offset))
  }

  /// Call before a loop's condition or body: reads anywhere in it may see stores in it.
  mutating func enterLoop() {
    if loopDepth == 0 { outermostLoopStart = position }
    loopDepth += 1
    loopParents.append(currentLoop)
    currentLoop = Int32(loopParents.count - 1)
  }

  mutating func exitLoop() {
    loopDepth -= 1
    currentLoop = loopParents[Int(currentLoop)]
  }

  private func lastRead(of slot: UInt32) -> Int32 { Int(slot) < lastRead.count ? lastRead[Int(slot)] : -1 }

  /// The values stored where no read can see them (at the value's offset) and the loop
  /// variables never read (at their name), in Mojo 1.2's order: first the loops, the function's
  /// last loop first, each as its nested loops (last first), then its own stores, last first, then
  /// its variable; then the stores outside loops, first first.
  var unusedStoresAndLoopVariables: [(isLoopVariable: Bool, name: NameID, offset: UInt32)] {
    let unused = stores.filter { $0.slot >= parameterCount && ($0.killed || lastRead(of: $0.slot) <= $0.visibleFrom) }
    var children = Array(repeating: [Int](), count: loopParents.count)
    var outermost: [Int] = []
    for (k, parent) in loopParents.enumerated() {
      if parent < 0 { outermost.append(k) } else { children[Int(parent)].append(k) }
    }
    var result: [(isLoopVariable: Bool, name: NameID, offset: UInt32)] = []
    // Post-order over the loop tree, last child first (an explicit stack: loops nest deeply).
    var stack: [(loop: Int, expanded: Bool)] = outermost.map { ($0, false) }
    while let (loop, expanded) = stack.popLast() {
      if !expanded {
        stack.append((loop, true))
        stack += children[loop].map { ($0, false) }
        continue
      }
      for store in unused.reversed() where store.loop == Int32(loop) { result.append((false, store.name, store.valueOffset)) }
      for v in loopVariables where v.loop == Int32(loop) && lastRead(of: v.slot) < 0 { result.append((true, v.name, v.offset)) }
    }
    for store in unused where store.loop < 0 { result.append((false, store.name, store.valueOffset)) }
    return result
  }

  /// Variables declared without a value that nothing assigns or reads, with their name's offset.
  var unusedVariables: [(name: NameID, offset: UInt32)] {
    declarations.filter { d in lastRead(of: d.slot) < 0 && !stores.contains { $0.slot == d.slot } }.map { ($0.name, $0.offset) }
  }
}

/// Why the statements after one never run, in Mojo's words ("unreachable code after ...").
enum ControlEnd {
  case returnStatement, raiseStatement, breakStatement, continueStatement, infiniteLoop, ifStatement, tryStatement

  var text: String {
    switch self {
    case .returnStatement: "return statement"
    case .raiseStatement: "raise statement"
    case .breakStatement: "break statement"
    case .continueStatement: "continue statement"
    case .infiniteLoop: "infinite loop"
    case .ifStatement: "if statement with then/else that do not fall through"
    case .tryStatement: "try statement that doesn't fall through"
    }
  }
}

/// Where Mojo puts the first operation of a statement or expression: nowhere (`pass`, a local
/// read in place), at an offset, or a place mojoc does not know (then it warns about nothing).
enum FirstOperation {
  case none, at(UInt32), unknown
}

extension BodyChecker {
  /// Warns about an expression statement whose value is dropped (a call returning `None`, or
  /// a literal, is not warned about).
  mutating func warnIfUnused(_ expression: ExprID, _ type: SemaType) {
    switch tree.expr(expression).kind {
    case .intLiteral, .floatLiteral, .stringLiteral, .boolLiteral, .invalid: return
    default: break
    }
    guard module == 0, type != .none, type != .error else { return }
    report(SemaDiagnostics.unusedValue(typeName(type.materialized), location(tree.expr(expression).offset)))
  }

  /// Warns about an `if` or `elif` whose condition folds to a constant (a literal, a comparison
  /// of literals, a `comptime` name), as Mojo does.
  mutating func warnIfConstant(_ condition: ExprID) {
    guard module == 0, case .constant(.bool(let value)) = result.exprFacts[Int(condition.index)] else { return }
    report(SemaDiagnostics.constantCondition(value, location(tree.expr(condition).offset)))
  }

  /// The warnings for the function body just checked, from `usage`, in Mojo's order.
  mutating func reportUnusedAssignments() {
    guard module == 0 else { return }
    for (isLoopVariable, name, offset) in usage.unusedStoresAndLoopVariables where !tree.name(name).hasPrefix("_") {
      report(isLoopVariable ? SemaDiagnostics.unusedLoopVariable(tree.name(name), location(offset))
                            : SemaDiagnostics.unusedAssignment(tree.name(name), location(offset)))
    }
    for (name, offset) in usage.unusedVariables where !tree.name(name).hasPrefix("_") {
      report(SemaDiagnostics.unusedVariable(tree.name(name), location(offset)))
    }
  }

  /// The warnings reported so far in Mojo's order: discarded values and constant conditions,
  /// then unreachable code, each by position; then the rest per function, as reported.
  func orderedWarnings() -> [Diagnostic] {
    func round(_ d: Diagnostic) -> Int {
      if d.is(SemaDiagnostics.Kind.unusedValue) || d.is(SemaDiagnostics.Kind.constantCondition)
        || d.is(SemaDiagnostics.Kind.deprecatedDel) { return 0 }
      if d.is(SemaDiagnostics.Kind.unreachableCode) || d.is(SemaDiagnostics.Kind.unreachableExcept)
        || d.is(SemaDiagnostics.Kind.unreachableElse) || d.is(SemaDiagnostics.Kind.tryDoesNotRaise) { return 1 }
      return 2
    }
    return warnings.enumerated().sorted { a, b in
      let (ra, rb) = (round(a.element), round(b.element))
      if ra != rb { return ra < rb }
      if ra < 2 && a.element.location.offset != b.element.location.offset {
        return a.element.location.offset < b.element.location.offset
      }
      return a.offset < b.offset
    }.map(\.element)
  }

  // MARK: - Unreachable code

  /// Warns about `next`, the first statement after one that ended the block (`end`), at its
  /// first operation. Returns true when the block needs no more looking at (warned, or the
  /// place is unknown); false after a statement without operations (`pass`).
  mutating func warnUnreachable(_ next: StmtID, after end: ControlEnd) -> Bool {
    guard module == 0, instance == nil else { return true }
    switch firstOperation(of: next) {
    case .none: return false
    case .unknown: return true
    case .at(let offset):
      report(SemaDiagnostics.unreachableCode(after: end.text, location(offset)))
      return true
    }
  }

  /// The first operation of the first statement of `block` that has one.
  func firstOperation(in block: Block) -> FirstOperation {
    for s in tree.statements(in: block) {
      switch firstOperation(of: s) {
      case .none: continue
      case let found: return found
      }
    }
    return .none
  }

  /// Where Mojo 1.2 puts the first operation of statement `id` (measured case by case: a
  /// `while`, `try`, `break`, `continue` or bare `return` at its keyword, a declaration without
  /// value at its name, others at their first expression's first operation).
  func firstOperation(of id: StmtID) -> FirstOperation {
    let s = tree.stmt(id)
    switch s.kind {
    case .pass: return .none
    case .whileLoop, .tryStatement, .breakLoop, .continueLoop: return .at(s.offset)
    case .expression: return firstOperation(tree.expressionStatement(s), producesValue: false)
    case .varDecl:
      let decl = tree.varDeclaration(s)
      guard let value = decl.value else { return .at(s.offset) }
      return firstOperation(value, producesValue: true)
    case .returnValue:
      guard let value = tree.statementValue(s) else { return .at(s.offset) }
      return firstOperation(value, producesValue: true)
    case .raiseError:
      guard let value = tree.statementValue(s) else { return .unknown }
      return firstOperation(value, producesValue: true)
    case .ifElse:
      let statement = tree.ifStatement(s)
      return statement.isComptime ? .unknown : firstOperation(statement.condition, producesValue: true)
    case .forLoop:
      let loop = tree.forStatement(s)
      return loop.tupleTarget != nil ? .unknown : firstOperation(loop.iterable, producesValue: false)
    case .assign:
      let assignment = tree.assignment(s)
      if assignment.declaresNames { return .unknown }
      let target = tree.expr(assignment.target)
      switch target.kind {
      case .name: return firstOperation(assignment.value, producesValue: true)
      case .member, .index: return firstOperation(assignment.target, producesValue: false)
      default: return .unknown
      }
    case .augmentedAssign:
      let assignment = tree.assignment(s)
      guard tree.expr(assignment.target).kind == .name,
            case .at(let offset) = firstOperation(assignment.value, producesValue: false) else { return .unknown }
      return .at(offset)
    case .comptimeDecl, .invalid: return .unknown
    }
  }

  /// Where Mojo puts the first operation of expression `id`. A local read as an operand is used
  /// in place; `producesValue` (an initializer, a returned value, a condition, a `print`
  /// argument) makes it an operation at the name. A literal is an operation where it stands,
  /// but after the operations of a right operand when it is the left one.
  func firstOperation(_ id: ExprID, producesValue: Bool) -> FirstOperation {
    let e = tree.expr(id)
    switch e.kind {
    case .intLiteral, .floatLiteral, .stringLiteral, .boolLiteral: return .at(e.offset)
    case .name: return producesValue ? .at(e.offset) : .none
    case .unary:
      guard e.op != .not else { return .unknown }
      let inner = firstOperation(tree.operand(e), producesValue: false)
      if case .none = inner { return .at(e.offset) }
      return inner
    case .binary where tree.isChain(id):
      // A flat chain in a loop, innermost node first; a binary left operand is never a literal.
      let spine = tree.leftSpine(of: id)
      let innermost = tree.binary(tree.expr(spine[0]))
      var first = firstOperation(innermost.left, producesValue: innermost.op == .and || innermost.op == .or)
      if innermost.op != .and && innermost.op != .or {
        first = firstOfOperands(innermost.left, first, innermost.right, operator: tree.expr(spine[0]).offset)
      }
      for node in spine.dropFirst() {
        let b = tree.binary(tree.expr(node))
        if b.op != .and && b.op != .or { first = firstOfOperands(b.left, first, b.right, operator: tree.expr(node).offset) }
      }
      return first
    case .binary:
      let (left, right) = (tree.binary(e).left, tree.binary(e).right)
      if e.op == .and || e.op == .or { return firstOperation(left, producesValue: true) }
      return firstOfOperands(left, firstOperation(left, producesValue: false), right, operator: e.offset)
    case .comparison:
      let (operands, operators) = tree.comparison(e)
      guard operands.count == 2, let op = operators.first, op.isComparison else { return .unknown }
      let left = operands[operands.startIndex]
      return firstOfOperands(left, firstOperation(left, producesValue: false), operands[operands.startIndex + 1], operator: e.offset)
    case .call:
      let call = tree.call(e)
      let callee = tree.expr(call.callee)
      var isPrint = false
      switch callee.kind {
      case .name: isPrint = tree.name(tree.nameReference(callee)) == "print"
      case .member:
        // A method's receiver: a parameter read in place has no operation of its own (a `mut`
        // one has, at its name; other locals are not measured).
        let receiverID = tree.member(callee).base
        let base = tree.expr(receiverID)
        if base.kind == .name {
          guard case .variable(let slot, _)? = lookupLocal(tree.nameReference(base)),
                Int(slot) < signature.parameters.count, signature.parameters[Int(slot)].convention == .read else {
            return .unknown
          }
        } else {
          let receiver = firstOperation(receiverID, producesValue: false)
          if case .none = receiver {} else { return receiver }
        }
      default: return .unknown
      }
      // Arguments in order; a literal argument before another argument's operation is not
      // known to come first (a literal operand comes last).
      var literal: UInt32?
      for argument in call.arguments {
        switch firstOperation(argument.value, producesValue: isPrint) {
        case .none: continue
        case .unknown: return .unknown
        case .at(let offset):
          if !isLiteral(argument.value) { return literal == nil ? .at(offset) : .unknown }
          if literal == nil { literal = offset }
        }
      }
      if let literal { return .at(literal) }
      return .at(e.offset)
    case .member:
      let base = firstOperation(tree.member(e).base, producesValue: false)
      if case .none = base { return .at(e.offset) }
      return base
    case .index:
      let parts = tree.subscriptParts(e)
      let base = firstOperation(parts.base, producesValue: false)
      if case .none = base {} else { return base }
      let index = firstOperation(parts.index, producesValue: false)
      if case .none = index { return .at(e.offset) }
      return index
    default: return .unknown
    }
  }

  /// The first operation of `left op right`: the left operand's, unless the left is a literal
  /// and the right has one of its own; the operator's when neither has one.
  /// `l` is the left operand's first operation (`firstOperation(left, producesValue: false)`).
  private func firstOfOperands(_ left: ExprID, _ l: FirstOperation, _ right: ExprID, operator offset: UInt32) -> FirstOperation {
    let r = firstOperation(right, producesValue: false)
    if case .unknown = l { return .unknown }
    if case .unknown = r { return .unknown }
    let leftIsLiteral = isLiteral(left)
    if leftIsLiteral && isLiteral(right) { return .unknown }  // folded: no operation
    if leftIsLiteral, case .at = r { return r }
    if case .at = l { return l }
    if case .at = r { return r }
    return .at(offset)
  }

  private func isLiteral(_ id: ExprID) -> Bool {
    switch tree.expr(id).kind {
    case .intLiteral, .floatLiteral, .stringLiteral, .boolLiteral: true
    default: false
    }
  }
}
