//! Binds module-level names: each module's own declarations, then its imports (iterated to a
//! fixed point, because imported names are members of the importing module and import cycles
//! are allowed, LANGUAGE.md §11), then every function's signature.
//! Runs once over the whole project, before bodies are checked in parallel.
import MojoDiagnostics
import MojoSyntax

/// Builds the module-level symbol tables and signatures of a program.
public enum Binder {
  /// The dotted names of the built-in library modules.
  public static let libraryModules = ["std", "std.math", "std.collections", "std.collections.string", "std.testing",
                                      "std.builtin", "std.builtin.sort"]
  /// Types of the standard library that mojoc knows without a declaration: importing them from
  /// `std.collections` binds nothing (they are built in).
  static let builtinCollectionTypes: Set<String> = ["Dict", "Set", "Optional", "List", "KeyElement"]
  /// The same for `std.collections.string`.
  static let builtinStringTypes: Set<String> = ["Codepoint", "String", "StringSlice"]

  /// Runs `body(i)` for every `i` in `0..<count`, possibly on several threads at once, and
  /// returns when all have run.
  public typealias ParallelFor = (_ count: Int, _ body: @escaping @Sendable (Int) -> Void) -> Void

  /// Binds `program` in place; returns the diagnostics of each module. The signatures of the
  /// modules (most of the work) are resolved through `parallel`, one module per call.
  public static func bind(_ program: inout Program,
                          parallel: ParallelFor = { count, body in for i in 0..<count { body(i) } }) -> [[Diagnostic]] {
    for name in libraryModules where program.moduleIndex[name] == nil {
      program.modules.append(SourceModule(name: name, file: nil, tree: SyntaxTree(), isPackage: true))
      program.moduleIndex[name] = program.modules.count - 1
      program.symbols.append([:])
      program.signatures.append([])
      program.comptimeValues.append([])
      program.structs.append([])
      program.traits.append([])
      program.traitAliases.append([:])
      program.typeAliases.append([:])
    }
    for f in BuiltinFunction.allCases {
      if let library = program.moduleIndex[f.module] { program.symbols[library][f.rawValue] = .builtin(f) }
    }
    var diagnostics = Array(repeating: [Diagnostic](), count: program.modules.count)
    for m in program.modules.indices { collectDeclarations(&program, m, &diagnostics[m]) }
    bindImports(&program, &diagnostics)
    ComptimeResolver.resolveTraitAliases(&program)
    ComptimeResolver.resolveTypeAliases(&program)
    for m in program.modules.indices {
      StructValidation.checkDuplicates(program, module: m, into: &diagnostics[m])
      SignatureResolver.resolveStructs(&program, module: m, into: &diagnostics[m])
    }
    StructValidation.checkContainment(program, into: &diagnostics)
    ComptimeResolver.resolve(&program, into: &diagnostics)
    let frozen = program
    let resolved = ModuleSlots<([FunctionSignature], [Diagnostic])>(count: program.modules.count)
    parallel(program.modules.count) { m in
      var found: [Diagnostic] = []
      let signatures = SignatureResolver.signatures(ofModule: m, in: frozen, into: &found)
      resolved.store(m, (signatures, found))
    }
    for m in program.modules.indices {
      let (signatures, found) = resolved.take(m)
      program.signatures[m] = signatures
      diagnostics[m] += found
    }
    for m in program.modules.indices { TraitResolver.resolve(&program, module: m, into: &diagnostics[m]) }
    for m in program.modules.indices { TraitResolver.checkConformances(program, module: m, into: &diagnostics[m]) }
    StructValidation.checkSynthesizedCopies(program, into: &diagnostics)
    return diagnostics
  }

  private static func collectDeclarations(_ program: inout Program, _ m: Int, _ diagnostics: inout [Diagnostic]) {
    let module = program.modules[m]
    let tree = module.tree
    var table = program.symbols[m]
    func add(_ name: NameID, _ offset: UInt32, _ symbol: Symbol) {
      let text = tree.name(name)
      if table[text] != nil {
        diagnostics.append(SemaDiagnostics.invalidRedefinition(text, SourceLocation(file: module.file, offset: Int(offset))))
      } else {
        table[text] = symbol
      }
    }
    for f in tree.moduleFunctions { add(tree.functions[f].name, tree.functions[f].offset, .function(module: m, index: f)) }
    for (i, s) in tree.structs.enumerated() { add(s.name, s.offset, .structType(module: m, index: i)) }
    for (i, c) in tree.comptimes.enumerated() { add(c.name, c.offset, .comptime(module: m, index: i)) }
    for (i, t) in tree.traits.enumerated() { add(t.name, t.offset, .trait(module: m, index: i)) }
    program.symbols[m] = table
  }

  // MARK: - Imports

  /// One name a `from` import must bind, pending until its source module has it.
  private struct PendingName {
    var module: Int
    var source: Int
    var sourceName: String
    var part: NamePart
    /// The name bound in `module` (the `as` name, or the imported name).
    var local: NamePart
  }

  private static func bindImports(_ program: inout Program, _ diagnostics: inout [[Diagnostic]]) {
    var pending: [PendingName] = []
    /// `from source import *` of module `m`.
    var wildcards: [(module: Int, source: Int)] = []
    let count = program.modules.count
    for m in 0..<count {
      let module = program.modules[m]
      let tree = module.tree
      for decl in tree.imports {
        let location = { (offset: UInt32) in SourceLocation(file: module.file, offset: Int(offset)) }
        switch ImportPaths.target(of: decl, in: tree, importer: module.name, importerIsPackage: module.isPackage) {
        case .relativeToTopLevel, .beyondRoot:
          diagnostics[m].append(SemaDiagnostics.importRelativeToTopLevel(location(decl.path.first?.offset ?? decl.offset)))
        case .path(let components):
          guard let target = locate(components, decl: decl, program: program, location: location, into: &diagnostics[m]) else { continue }
          if decl.isWildcard {
            wildcards.append((m, target))
          } else if decl.isFrom {
            for (k, part) in decl.names.enumerated() {
              pending.append(PendingName(module: m, source: target, sourceName: program.modules[target].name, part: part,
                                         local: decl.localName(k)))
            }
          } else if let alias = decl.alias {
            // `import a.b as n` binds `n` to `a.b` itself.
            bindImported(&program, m, tree.name(alias.name), .module(target), alias.offset, &diagnostics[m])
          } else {
            // `import a.b` binds `a`; `a.b.NAME` is then reached through submodule lookup.
            let first = components[0]
            if let top = program.moduleIndex[first] {
              bindImported(&program, m, tree.name(decl.path[0].name), .module(top), decl.path[0].offset, &diagnostics[m])
            }
          }
        }
      }
    }
    // Resolve `from` names to a fixed point: a name may come from another module's imports
    // (including its `import *`).
    var progress = true
    while progress && (!pending.isEmpty || !wildcards.isEmpty) {
      progress = false
      for (m, source) in wildcards where m != source {
        // Every declared or imported name the importer does not have yet (its own
        // declarations and explicit imports win).
        for (name, symbol) in program.symbols[source] where program.symbols[m][name] == nil {
          program.symbols[m][name] = symbol
          progress = true
        }
      }
      pending.removeAll { p in
        let name = program.modules[p.module].tree.name(p.part.name)
        guard let symbol = member(name, of: p.source, in: program) else { return false }
        let local = program.modules[p.module].tree.name(p.local.name)
        bindImported(&program, p.module, local, symbol, p.local.offset, &diagnostics[p.module])
        progress = true
        return true
      }
    }
    for p in pending {
      let module = program.modules[p.module]
      if p.sourceName == "std.collections",
         builtinCollectionTypes.contains(module.tree.name(p.part.name)) { continue }
      if p.sourceName == "std.collections.string",
         builtinStringTypes.contains(module.tree.name(p.part.name)) { continue }
      // `sort` is a builtin (`from std.builtin.sort import sort` is allowed, and not needed).
      if p.sourceName == "std.builtin.sort", module.tree.name(p.part.name) == "sort" { continue }
      diagnostics[p.module].append(SemaDiagnostics.moduleDoesNotContain(
        p.sourceName, module.tree.name(p.part.name), SourceLocation(file: module.file, offset: Int(p.part.offset))))
    }
  }

  /// A member of module `m`: its own or imported name, or a submodule.
  public static func member(_ name: String, of m: Int, in program: Program) -> Symbol? {
    if let s = program.symbols[m][name] { return s }
    if let sub = program.moduleIndex[program.modules[m].name + "." + name] { return .module(sub) }
    return nil
  }

  private static func bindImported(_ program: inout Program, _ m: Int, _ name: String, _ symbol: Symbol, _ offset: UInt32,
                                   _ diagnostics: inout [Diagnostic]) {
    if let existing = program.symbols[m][name] {
      if existing != symbol {
        let file = program.modules[m].file
        // Two imports of one name conflict; an import against a declaration of the module is a
        // redefinition, reported at the declaration (as Mojo does).
        let tree = program.modules[m].tree
        var declaration: UInt32?
        switch existing {
        case .function(let em, let i) where em == m: declaration = tree.functions[i].offset
        case .structType(let em, let i) where em == m: declaration = tree.structs[i].offset
        case .comptime(let em, let i) where em == m: declaration = tree.comptimes[i].offset
        case .trait(let em, let i) where em == m: declaration = tree.traits[i].offset
        default: declaration = nil
        }
        if let declaration {
          diagnostics.append(SemaDiagnostics.invalidRedefinition(name, SourceLocation(file: file, offset: Int(declaration))))
        } else {
          diagnostics.append(SemaDiagnostics.ambiguousImport(name, SourceLocation(file: file, offset: Int(offset))))
        }
      }
      return
    }
    program.symbols[m][name] = symbol
  }

  /// The module named by `components`, or nil after reporting the first component that cannot
  /// be found.
  private static func locate(_ components: [String], decl: ImportDecl, program: Program,
                             location: (UInt32) -> SourceLocation, into diagnostics: inout [Diagnostic]) -> Int? {
    if components.isEmpty { return nil }
    var prefix = ""
    for (k, c) in components.enumerated() {
      prefix = k == 0 ? c : prefix + "." + c
      if program.moduleIndex[prefix] == nil {
        let j = k - (components.count - decl.path.count)
        let offset = j >= 0 ? decl.path[j].offset : decl.offset
        // The modules that exist at this level: a near spelling is suggested (Mojo does not).
        let parent = components[..<k]
        let siblings = Set((Array(program.moduleIndex.keys) + program.folderModules).compactMap { name -> String? in
          let parts = name.split(separator: ".").map(String.init)
          return parts.count > k && parts[..<k].elementsEqual(parent) ? parts[k] : nil
        })
        diagnostics.append(SemaDiagnostics.unableToLocateModule(c, location(offset), candidates: siblings.sorted()))
        return nil
      }
    }
    return program.moduleIndex[prefix]
  }
}

/// One result slot per module, filled by parallel calls (each slot written by exactly one call,
/// read after all have finished); a fixed buffer, so concurrent stores touch no shared header.
final class ModuleSlots<T>: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<T?>

  init(count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil)
  }

  deinit {
    storage.deinitialize()
    storage.deallocate()
  }

  func store(_ index: Int, _ value: T) { storage[index] = value }

  /// Moves the value out of slot `index`.
  func take(_ index: Int) -> T {
    let value = storage[index]!
    storage[index] = nil
    return value
  }
}
