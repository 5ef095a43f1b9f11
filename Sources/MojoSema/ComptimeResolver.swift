//! Folds the module-level `comptime` constants of the whole program (LANGUAGE.md §6.4) before
//! signatures are resolved, so that default values and other constants can use them.
import MojoDiagnostics
import MojoSyntax

/// Fills `program.comptimeValues` for every module.
enum ComptimeResolver {
  /// An initializer may use constants declared after it or in a module resolved later
  /// (`from util import K` then `comptime TWICE = K * 2`), so passes repeat while any constant
  /// still folds; whatever is left (a cycle, a call, a run-time failure) is reported.
  static func resolve(_ program: inout Program, into diagnostics: inout [[Diagnostic]]) {
    var pending = 0
    for m in program.modules.indices {
      program.comptimeValues[m] = Array(repeating: nil, count: program.modules[m].tree.comptimes.count)
      pending += program.comptimeValues[m].count
    }
    var progress = true
    while pending > 0 && progress {
      progress = false
      for m in program.modules.indices {
        let tree = program.modules[m].tree
        for (i, c) in tree.comptimes.enumerated() where program.comptimeValues[m][i] == nil {
          let folder = ConstantFolder(program: program, module: m)
          guard var folded = folder.foldInitializer(c.value) else { continue }
          if c.type.exists {
            folded.type = SignatureResolver.resolveType(c.type, in: program, module: m, into: &diagnostics[m])
          }
          program.comptimeValues[m][i] = folded
          pending -= 1
          progress = true
        }
      }
    }
    for m in program.modules.indices {
      let module = program.modules[m]
      for (i, c) in module.tree.comptimes.enumerated() where program.comptimeValues[m][i] == nil {
        // `comptime Alias = SomeStruct`: the name stands for the struct.
        let value = module.tree.expr(c.value)
        if !c.type.exists, value.kind == .name,
           case .structType? = program.symbols[m][module.tree.name(NameID(Int(value.a)))] {
          program.symbols[m][module.tree.name(c.name)] = program.symbols[m][module.tree.name(NameID(Int(value.a)))]
          continue
        }
        let location = SourceLocation(file: module.file, offset: Int(module.tree.expr(c.value).offset))
        diagnostics[m].append(SemaDiagnostics.notSupportedYet("this 'comptime' initializer", location))
      }
    }
  }
}
