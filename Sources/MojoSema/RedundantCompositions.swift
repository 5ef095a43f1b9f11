//! Mojo 1.2's warning for a trait composition that names a trait another of its members already
//! implies: `T: Copyable & Movable` gives `redundant trait composition: 'Copyable' already
//! implies 'Movable'` at the `&` (bounds of type parameters, a struct's conformance list, a
//! trait's parents; checked against the oracle, program 173). Each `&` compares the trait after
//! it with the ones before it in the same composition: the first earlier one that implies it (or
//! is it), else the first earlier one it implies. A comma starts a new composition. Trait aliases
//! are left alone (Mojo names them by their expansion).
import MojoDiagnostics
import MojoSyntax

enum RedundantCompositions {
  /// The warnings of module `m`'s declarations, in source order.
  static func warnings(_ program: Program, module m: Int) -> [Diagnostic] {
    let tree = program.modules[m].tree
    guard let file = program.modules[m].file else { return [] }
    typealias Part = (name: NameID, offset: UInt32)
    func parts(_ names: [NamePart]) -> [Part] { names.map { ($0.name, $0.offset) } }
    var lists: [[Part]] = []
    for f in tree.functions { for p in f.genericParameters { lists.append(parts(p.bounds)) } }
    for s in tree.structs {
      for p in s.genericParameters { lists.append(parts(p.bounds)) }
      lists.append(zip(s.traits, s.traitOffsets).map { ($0, $1) })
    }
    for t in tree.traits { lists.append(parts(t.parents)) }
    var found: [Diagnostic] = []
    for list in lists where list.count > 1 {
      var group: [(trait: TraitRef, name: String)] = []
      var opaque = false
      for (k, part) in list.enumerated() {
        let name = tree.name(part.name)
        let ampersand = k == 0 ? nil : Self.ampersand(in: file.bytes, after: list[k - 1], tree: tree, before: part.offset)
        if ampersand == nil {
          group = []
          opaque = false
        }
        guard let trait = single(name, program: program, module: m) else {
          opaque = true
          continue
        }
        if let ampersand, !opaque, let message = redundancy(group, (trait, name), program: program) {
          found.append(SemaDiagnostics.redundantComposition(message, SourceLocation(file: file, offset: ampersand)))
        }
        group.append((trait, name))
      }
    }
    return found.sorted { $0.location.offset < $1.location.offset }
  }

  /// The offset of the `&` between `previous` and `offset`, or nil when a `,` (or anything but
  /// blanks and `&`) separates them.
  private static func ampersand(in bytes: [UInt8], after previous: (name: NameID, offset: UInt32), tree: SyntaxTree,
                                before offset: UInt32) -> Int? {
    var k = Int(previous.offset) + tree.name(previous.name).utf8.count
    var at: Int?
    while k < Int(offset) && k < bytes.count {
      switch bytes[k] {
      case UInt8(ascii: "&"): if at != nil { return nil }; at = k
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\\"): break
      default: return nil
      }
      k += 1
    }
    return at
  }

  /// The one trait `name` means in module `m`: a trait of the program or a built-in one (not an
  /// alias, nor a built-in mojoc treats as one).
  private static func single(_ name: String, program: Program, module m: Int) -> TraitRef? {
    switch program.symbols[m][name] {
    case .trait(let tm, let ti)?: return .user(module: tm, index: ti)
    case nil:
      guard let b = BuiltinTrait(rawValue: name), b != .keyElement, b != .equalityComparable, b != .anyType else { return nil }
      return .builtin(b)
    default: return nil
    }
  }

  /// "'A' already implies 'B'" when `next` adds nothing to `group`.
  private static func redundancy(_ group: [(trait: TraitRef, name: String)], _ next: (trait: TraitRef, name: String),
                                 program: Program) -> String? {
    if let earlier = group.first(where: { program.refines($0.trait, next.trait) }) {
      return "'\(earlier.name)' already implies '\(next.name)'"
    }
    if let earlier = group.first(where: { program.refines(next.trait, $0.trait) }) {
      return "'\(next.name)' already implies '\(earlier.name)'"
    }
    return nil
  }
}
