//! Definite initialization (LANGUAGE.md §5): a variable declared without a value may be read
//! only where every path to the read assigned it. The state is one flag per local slot plus
//! whether the current point is reachable; branches intersect, loop bodies may not run, and
//! `return`/`break`/`continue` make the rest of a block unreachable.
import MojoDiagnostics
import MojoSyntax

/// Which locals are definitely assigned at a point of a function body.
struct InitializationState {
  var assigned: [Bool] = []
  /// In an `__init__`: which fields of `self` are assigned.
  var fields: [Bool] = []
  var reachable = true

  /// The state after two paths meet.
  static func merge(_ a: InitializationState, _ b: InitializationState) -> InitializationState {
    if !a.reachable { return b }
    if !b.reachable { return a }
    let n = max(a.assigned.count, b.assigned.count)
    var merged = InitializationState()
    merged.assigned = (0..<n).map { k in
      (k < a.assigned.count && a.assigned[k]) && (k < b.assigned.count && b.assigned[k])
    }
    merged.fields = zip(a.fields, b.fields).map { $0 && $1 }
    return merged
  }
}

extension BodyChecker {
  /// Records that `slot` now holds a value.
  mutating func markAssigned(_ slot: UInt32) {
    let k = Int(slot)
    while initialization.assigned.count <= k { initialization.assigned.append(false) }
    initialization.assigned[k] = true
  }

  /// Reports a read of `slot` at `offset` when some path reaches it unassigned (once per slot).
  mutating func checkInitialized(_ slot: UInt32, name nameID: NameID, at offset: UInt32) {
    let k = Int(slot)
    guard initialization.reachable, k >= initialization.assigned.count || !initialization.assigned[k] else { return }
    guard !reportedUninitialized.contains(slot) else { return }
    let name = tree.name(nameID)
    reportedUninitialized.insert(slot)
    report(SemaDiagnostics.uninitializedUse(name, location(uninitializedReadOffset ?? offset),
                                            declared: location(slotOffsets[k])))
  }

  /// Checks `block` on its own path starting from the current state and returns the state at
  /// its end; the current state is left as it was.
  mutating func checkPath(_ block: Block) -> InitializationState {
    let saved = initialization
    checkBlock(block)
    let end = initialization
    initialization = saved
    return end
  }
}

extension BodyChecker {
  /// Records `self.f = ...` in an `__init__` when `target` is a field of its `self`.
  mutating func markFieldAssigned(_ target: ExprID) {
    guard let initializer = initializerState else { return }
    let t = tree.expr(target)
    if let name = tree.plainName(t), case .variable(let slot, _)? = lookupLocal(name), slot == initializer.selfSlot {
      // `self = Other(...)`: every field at once.
      for k in initialization.fields.indices { initialization.fields[k] = true }
      return
    }
    guard t.kind == .member, let baseName = tree.plainName(tree.member(t).base),
          case .variable(let slot, _)? = lookupLocal(baseName),
          slot == initializer.selfSlot, case .field(let k) = result.exprFacts[Int(target.index)],
          k < initialization.fields.count else { return }
    initialization.fields[k] = true
  }

  /// Reports the first field of `self` not assigned on some path to a return of an `__init__`.
  mutating func checkFieldsInitialized(atReturn offset: UInt32?) {
    guard let initializer = initializerState, initialization.reachable,
          let k = initialization.fields.firstIndex(of: false) else { return }
    let name = program.structs[module][initializer.structIndex].fieldNames[k]
    report(SemaDiagnostics.fieldUninitializedAtReturn(
      name, isImplicit: offset == nil, location(offset ?? tree.functions[currentFunction].offset),
      selfDeclared: location(initializer.selfOffset)))
    initializerState = nil  // one report per initializer, as Mojo gives
  }
}

/// What the checker tracks while checking an explicit `__init__(out self, ...)`.
struct InitializerState {
  var structIndex: Int
  var selfSlot: UInt32
  var selfOffset: UInt32
}
