//! The candidates Mojo 1.2 considers for "did you mean" (measured against the real compiler):
//! the locals in scope, the module's own and imported declarations, `std`, and the prelude's
//! built-ins (`print`, `len`, `String`…) — but a built-in only once the file has used it before
//! the unknown name, because Mojo brings prelude names into a module lazily, in source order.
import MojoDiagnostics
import MojoSyntax

extension Program {
  /// The name Mojo would suggest for an unknown `name` used at `offset` in module `m`, or nil.
  func suggestion(for name: String, inModule m: Int, at offset: Int, locals: [String] = []) -> String? {
    let tree = modules[m].tree
    let builtins = tree.preludeNamesUsed(before: UInt32(clamping: offset))
    return SpellingSuggestion.best(for: name, among: locals + symbols[m].keys + builtins + ["std"])
  }

  /// A note at the declaration of `name` in another module of the project that declares it,
  /// with the import that brings it into module `m`. Mojo gives no such hint; a note never
  /// changes the error line.
  func importHints(for name: String, inModule m: Int) -> [Diagnostic] {
    for (k, module) in modules.enumerated() where k != m {
      let offset: UInt32
      switch symbols[k][name] {
      case .function(let owner, let i)? where owner == k: offset = module.tree.functions[i].offset
      case .structType(let owner, let i)? where owner == k: offset = module.tree.structs[i].offset
      case .comptime(let owner, let i)? where owner == k: offset = module.tree.comptimes[i].offset
      case .trait(let owner, let i)? where owner == k: offset = module.tree.traits[i].offset
      default: continue
      }
      return [SemaDiagnostics.declaredInModule(name, module: module.name,
                                               SourceLocation(file: module.file, offset: Int(offset)))]
    }
    return []
  }
}

extension BodyChecker {
  /// The unknown-declaration diagnostic for `name` at `offset`, with Mojo's suggestion if any.
  func unknownDeclaration(_ name: String, at offset: UInt32) -> Diagnostic {
    if enclosingDeclares(name, before: offset) { return SemaDiagnostics.captureConvention(name, location(offset)) }
    if let function = BuiltinFunction(rawValue: name) {
      return SemaDiagnostics.unknownDeclaration(name, location(offset), libraryModule: function.module)
    }
    let locals = scopes.visibleNames().map { tree.name($0) }
    let suggestion = program.suggestion(for: name, inModule: module, at: Int(offset), locals: locals)
    return SemaDiagnostics.unknownDeclaration(name, location(offset), suggestion: suggestion,
                                              notes: program.importHints(for: name, inModule: module))
  }
}

extension BodyChecker {
  /// True when `name`, unknown in the current function, is a parameter or variable of a function
  /// enclosing it, declared before `offset` (a capture).
  func enclosingDeclares(_ name: String, before offset: UInt32) -> Bool {
    var f = tree.functions[currentFunction].enclosingFunction
    guard f >= 0 else { return false }
    let start = tree.functions[f].offset
    while f >= 0 {
      if tree.functions[f].parameters.contains(where: { tree.name($0.name) == name }) { return true }
      f = tree.functions[f].enclosingFunction
    }
    // Variables: any declaration of the name between the outermost enclosing function and here.
    var outermost = currentFunction
    while tree.functions[outermost].enclosingFunction >= 0 { outermost = tree.functions[outermost].enclosingFunction }
    let from = min(start, tree.functions[outermost].offset)
    return tree.statements.contains { s in
      guard s.offset > from && s.offset < offset else { return false }
      switch s.kind {
      case .varDecl: return tree.name(tree.varDeclaration(s).name) == name
      case .forLoop: return tree.forStatement(s).variable.map { tree.name($0) == name } ?? false
      default: return false
      }
    }
  }
}

extension SyntaxTree {
  /// Names Mojo's prelude provides without an import (those mojoc knows or names in messages).
  static let preludeNames: Set<String> = [
    "print", "len", "range", "abs", "min", "max", "ord", "chr", "round", "pow", "divmod", "hash",
    "repr", "input", "enumerate", "zip", "reversed", "sorted", "String", "StringLiteral", "Int",
    "UInt", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float16",
    "Float32", "Float64", "Bool", "List", "Dict", "Set", "Optional", "Tuple", "SIMD", "DType",
    "Error", "Copyable", "Movable", "Writable", "Stringable", "Comparable", "Hashable",
  ]

  /// The prelude names this file uses, as a value or a type, before `offset`.
  func preludeNamesUsed(before offset: UInt32) -> [String] {
    var used = Set<String>()
    for e in expressions where e.offset < offset {
      guard let nameID = plainName(e) else { continue }
      let name = self.name(nameID)
      if Self.preludeNames.contains(name) { used.insert(name) }
    }
    for t in types where t.offset < offset && t.name.exists {
      let name = self.name(t.name)
      if Self.preludeNames.contains(name) { used.insert(name) }
    }
    return Array(used)
  }
}

extension StructInfo {
  /// What `value.x` may name: the fields, then the methods (for "did you mean" on a member).
  var memberNames: [String] { fieldNames + methods.keys.sorted() }
}
