//! Block scopes of one function body, keyed by the file's interned `NameID`s: a lookup is one
//! array read, not a walk over per-scope hash tables of strings. Declarations shadow through a
//! per-name chain; leaving a scope unwinds its declarations (a scope is a range of `entries`).
import MojoSyntax

/// What a name in a local scope stands for.
enum LocalBinding {
  case variable(slot: UInt32, mutable: Bool)
  case constant(ConstantValue, SemaType)
}

/// The local scopes in force, innermost last.
struct LocalScopes {
  private struct Entry {
    var name: UInt32
    var binding: LocalBinding
    /// The entry this one shadows (same name, outer scope), or -1.
    var shadowed: Int32
  }

  /// Per name: the innermost entry declaring it, or -1.
  private var innermost: [Int32]
  private var entries: [Entry] = []
  /// Where each open scope's entries start.
  private var scopeStarts: [Int] = [0]

  /// Scopes for a file of `nameCount` interned names, with one (outermost) scope open.
  init(nameCount: Int) {
    innermost = Array(repeating: -1, count: nameCount)
  }

  /// Closes every scope and opens a fresh outermost one (a new function body).
  mutating func reset() {
    while scopeStarts.count > 1 { pop() }
    popEntries(to: 0)
  }

  mutating func push() { scopeStarts.append(entries.count) }

  mutating func pop() {
    popEntries(to: scopeStarts.removeLast())
  }

  private mutating func popEntries(to start: Int) {
    while entries.count > start {
      let e = entries.removeLast()
      innermost[Int(e.name)] = e.shadowed
    }
  }

  /// The binding of `name` in the innermost scope that declares it.
  func lookup(_ name: NameID) -> LocalBinding? {
    guard name.exists, Int(name.index) < innermost.count else { return nil }
    let i = innermost[Int(name.index)]
    return i < 0 ? nil : entries[Int(i)].binding
  }

  /// Every name some scope in force declares (each once), for spelling suggestions.
  func visibleNames() -> [NameID] {
    entries.indices.compactMap { i in
      innermost[Int(entries[i].name)] == Int32(i) ? NameID(Int(entries[i].name)) : nil
    }
  }

  /// True when the innermost scope already declares `name`.
  func declaresInInnermost(_ name: NameID) -> Bool {
    let i = innermost[Int(name.index)]
    return i >= 0 && Int(i) >= scopeStarts[scopeStarts.count - 1]
  }

  /// Declares (or redeclares) `name` in the innermost scope.
  mutating func declare(_ name: NameID, _ binding: LocalBinding) {
    let index = Int(name.index)
    if declaresInInnermost(name) {
      entries[Int(innermost[index])].binding = binding
      return
    }
    entries.append(Entry(name: name.index, binding: binding, shadowed: innermost[index]))
    innermost[index] = Int32(entries.count - 1)
  }
}
