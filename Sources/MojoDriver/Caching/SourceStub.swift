//! A module's source with the bodies of its ordinary functions cut out (`def f(a: Int) -> Int:
//! pass`): what an incremental build parses for a module whose work is cached, so that binding
//! sees every declaration — imports, signatures, structs, `comptime` values, traits — while
//! parsing costs a fraction of the full source.
//!
//! Only bodies nothing reads before lowering are cut: those of module-level functions and of
//! methods. A module with generic functions, generic structs or trait default methods has no
//! stub (instances of them are checked from their bodies and lowered into that module). Kept
//! whole: destructors (which fields a destructor reads is part of the struct's interface),
//! functions holding nested `def`s, and one-line bodies. A stub is made only when its own parse gives the same
//! declarations as the full source; the interface of a module bound from its stub is then the
//! same text as from its full source, and the build checks that through the front-end record's
//! key (`BuildRunner+Incremental.swift`).
import MojoDiagnostics
import MojoSyntax

enum SourceStub {
  /// The stub of `bytes`, whose full parse is `tree`; nil when cutting would change what the
  /// binder sees (checked by parsing the stub).
  static func make(_ tree: SyntaxTree, _ bytes: [UInt8], path: String) -> [UInt8]? {
    // A module with generic functions, generic structs or trait default methods gets instances
    // lowered into it whenever another module asks for them: it is always parsed in full.
    if tree.functions.contains(where: { !$0.genericParameters.isEmpty })
      || tree.structs.contains(where: { !$0.genericParameters.isEmpty })
      || tree.traits.contains(where: { !$0.defaultMethods.isEmpty }) { return nil }
    var cuttable = tree.moduleFunctions
    for s in tree.structs where s.genericParameters.isEmpty { cuttable += s.methods }
    var enclosing = Set<Int>()
    for f in tree.functions where f.enclosingFunction >= 0 { enclosing.insert(f.enclosingFunction) }
    var ranges: [(start: Int, end: Int)] = []
    for index in cuttable {
      let f = tree.functions[index]
      guard f.genericParameters.isEmpty, f.enclosingFunction < 0, !enclosing.contains(index), f.bodyStart > 0,
            f.bodyEnd > f.bodyStart, Int(f.bodyEnd) <= bytes.count else { continue }
      let name = tree.name(f.name)
      if name == "__del__" || name == "__deinit__" { continue }
      // A one-line body (`def f(): return 1`) costs nothing to parse.
      guard bytes[Int(f.bodyStart)..<Int(f.bodyEnd)].contains(UInt8(ascii: "\n")) else { continue }
      ranges.append((Int(f.bodyStart), Int(f.bodyEnd)))
    }
    ranges.sort { $0.start < $1.start }
    var stub: [UInt8] = []
    stub.reserveCapacity(bytes.count / 4)
    var at = 0
    for range in ranges {
      guard range.start >= at else { return nil }
      stub += bytes[at..<range.start]
      stub += " pass".utf8
      at = range.end
    }
    stub += bytes[at...]
    let (stubTree, diagnostics) = Parser.parse(SourceFile(path: path, relativePath: path, bytes: stub))
    guard diagnostics.isEmpty, sameDeclarations(tree, stubTree) else { return nil }
    return stub
  }

  /// True when both trees declare the same imports, functions (names, parameters, nesting),
  /// structs, `comptime` values and traits, in the same order.
  static func sameDeclarations(_ a: SyntaxTree, _ b: SyntaxTree) -> Bool {
    guard a.imports.count == b.imports.count, a.functions.count == b.functions.count,
          a.moduleFunctions == b.moduleFunctions, a.structs.count == b.structs.count,
          a.comptimes.count == b.comptimes.count, a.traits.count == b.traits.count else { return false }
    for (f, g) in zip(a.functions, b.functions) {
      guard a.name(f.name) == b.name(g.name), f.parameters.count == g.parameters.count, f.isStatic == g.isStatic,
            f.raises == g.raises, f.enclosingFunction == g.enclosingFunction,
            f.genericParameters.count == g.genericParameters.count else { return false }
    }
    for (s, t) in zip(a.structs, b.structs) {
      guard a.name(s.name) == b.name(t.name), s.methods == t.methods, s.fields.count == t.fields.count else { return false }
    }
    for (s, t) in zip(a.traits, b.traits) where s.defaultMethods != t.defaultMethods { return false }
    return true
  }
}
