//! Mojo 1.2's warnings about values nobody uses, worded and placed as Mojo gives them:
//! an expression statement's discarded value, an assignment no read can see, a loop variable
//! never read. Mojo finds dead assignments on its IR; here the checker logs reads and stores in
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
    /// Overwritten before any read could see it.
    var killed = false
  }

  /// Per slot: the position of its last read, or -1.
  private var lastRead: [Int32] = []
  private var stores: [Store] = []
  private var loopVariables: [(slot: UInt32, name: NameID, offset: UInt32)] = []
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

  /// Forgets everything (a new function body whose first `parameters` slots are parameters).
  mutating func reset(parameters: Int) {
    parameterCount = UInt32(parameters)
    lastRead.removeAll(keepingCapacity: true)
    stores.removeAll(keepingCapacity: true)
    loopVariables.removeAll(keepingCapacity: true)
    pending.removeAll(keepingCapacity: true)
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

  mutating func read(_ slot: UInt32) {
    let k = Int(slot)
    if k >= lastRead.count { lastRead += repeatElement(-1, count: k + 1 - lastRead.count) }
    position += 1
    lastRead[k] = position
  }

  /// A value stored into `slot` by `var x = value` or `x = value`.
  /// `mayBeCaught`: inside a `try` with an `except`, where a raise may reach a read.
  mutating func store(_ slot: UInt32, name: NameID, value offset: UInt32, mayBeCaught: Bool) {
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
                        valueOffset: offset, position: position, block: block, escapes: escapes))
    pending[k] = mayBeCaught ? -1 : Int32(stores.count - 1)
  }

  mutating func loopVariable(_ slot: UInt32, name: NameID, at offset: UInt32) {
    loopVariables.append((slot, name, offset))
  }

  /// Call before a loop's condition or body: reads anywhere in it may see stores in it.
  mutating func enterLoop() {
    if loopDepth == 0 { outermostLoopStart = position }
    loopDepth += 1
  }

  mutating func exitLoop() { loopDepth -= 1 }

  private func lastRead(of slot: UInt32) -> Int32 { Int(slot) < lastRead.count ? lastRead[Int(slot)] : -1 }

  /// Offsets of the values stored where no read can see them.
  var unusedStores: [(name: NameID, offset: UInt32)] {
    stores.filter { $0.slot >= parameterCount && ($0.killed || lastRead(of: $0.slot) <= $0.visibleFrom) }.map { ($0.name, $0.valueOffset) }
  }

  /// Loop variables never read, with the offset of their name.
  var unusedLoopVariables: [(name: NameID, offset: UInt32)] {
    loopVariables.filter { lastRead(of: $0.slot) < 0 }.map { ($0.name, $0.offset) }
  }
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

  /// The warnings for the function body just checked, from `usage`.
  mutating func reportUnusedAssignments() {
    guard module == 0 else { return }
    for (name, offset) in usage.unusedLoopVariables where !tree.name(name).hasPrefix("_") {
      report(SemaDiagnostics.unusedLoopVariable(tree.name(name), location(offset)))
    }
    for (name, offset) in usage.unusedStores where !tree.name(name).hasPrefix("_") {
      report(SemaDiagnostics.unusedAssignment(tree.name(name), location(offset)))
    }
  }
}
