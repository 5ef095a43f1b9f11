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
        if !c.type.exists, let valueName = module.tree.plainName(value),
           case .structType? = program.symbols[m][module.tree.name(valueName)] {
          program.symbols[m][module.tree.name(c.name)] = program.symbols[m][module.tree.name(valueName)]
          continue
        }
        if program.traitAliases[m][i] != nil { continue }
        let location = SourceLocation(file: module.file, offset: Int(module.tree.expr(c.value).offset))
        diagnostics[m].append(SemaDiagnostics.notSupportedYet("this 'comptime' initializer", location))
      }
    }
  }

  /// Binds each `comptime Alias = TraitA & TraitB` (before structs name them as conformances
  /// or bounds): the alias stands for those traits. Aliases of aliases resolve in source order.
  static func resolveTraitAliases(_ program: inout Program) {
    for m in program.modules.indices {
      let tree = program.modules[m].tree
      for (i, c) in tree.comptimes.enumerated() where !c.type.exists {
        let value = tree.expr(c.value)
        guard value.kind == .binary || value.kind == .name, let traits = traitList(c.value, in: program, module: m) else { continue }
        program.traitAliases[m][i] = traits
        program.symbols[m][tree.name(c.name)] = .traitAlias(module: m, index: i)
      }
    }
  }

  /// The traits `A & B & ...` names (trait aliases expanded), or nil when it names anything else.
  static func traitList(_ id: ExprID, in program: Program, module m: Int) -> [TraitRef]? {
    let tree = program.modules[m].tree
    let e = tree.expr(id)
    if e.kind == .binary, e.op == .bitAnd {
      let operands = tree.binary(e)
      guard let left = traitList(operands.left, in: program, module: m),
            let right = traitList(operands.right, in: program, module: m) else { return nil }
      return left + right
    }
    guard let nameID = tree.plainName(e) else { return nil }
    let name = tree.name(nameID)
    switch program.symbols[m][name] {
    case .trait(let tm, let ti)?: return [.user(module: tm, index: ti)]
    case .traitAlias(let am, let ai)?, .comptime(let am, let ai)?: return program.traitAliases[am][ai]
    case nil: return BuiltinTrait(rawValue: name).map { [.builtin($0)] }
    default: return nil
    }
  }
}
