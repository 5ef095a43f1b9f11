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
        if program.traitAliases[m][i] != nil || program.typeAliases[m][i] != nil { continue }
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

  /// Binds each `comptime Name = T` whose initializer names a type other than a struct (a
  /// struct alias rebinds the name itself, `resolve`): `Tuple[Int, Int]`, `List[String]`,
  /// `Dict[K, V]`, `Int`... Aliases of aliases resolve in source order.
  static func resolveTypeAliases(_ program: inout Program) {
    for m in program.modules.indices {
      let tree = program.modules[m].tree
      for (i, c) in tree.comptimes.enumerated() where !c.type.exists && program.traitAliases[m][i] == nil {
        let value = tree.expr(c.value)
        if value.kind == .name, case .structType? = program.symbols[m][tree.name(tree.nameReference(value))] { continue }
        guard let type = aliasedType(c.value, in: program, module: m) else { continue }
        program.typeAliases[m][i] = type
      }
    }
  }

  /// The type an expression names (`Int`, `List[T]`, `Tuple[A, B]`, `Dict[K, V]`, `Set[T]`,
  /// `Optional[T]`, a non-generic struct, a type alias), or nil when it names none.
  static func aliasedType(_ id: ExprID, in program: Program, module m: Int) -> SemaType? {
    let tree = program.modules[m].tree
    let e = tree.expr(id)
    if e.kind == .name {
      let name = tree.name(tree.nameReference(e))
      switch program.symbols[m][name] {
      case .structType(let sm, let si)?:
        return program.modules[sm].tree.structs[si].genericParameters.isEmpty ? .structType(module: sm, index: si) : nil
      case .comptime(let am, let ai)?: return program.typeAliases[am][ai]
      case nil: break
      default: return nil
      }
      switch name {
      case "Int": return .int
      case "Float64": return .float64
      case "Bool": return .bool
      case "String", "StaticString": return .string
      default: return NumericType(name: name).map { .numeric($0) }
      }
    }
    guard e.kind == .index else { return nil }
    let (base, index) = tree.subscriptParts(e)
    guard tree.expr(base).kind == .name, case let name = tree.name(tree.nameReference(tree.expr(base))),
          program.symbols[m][name] == nil else { return nil }
    let argumentIDs = tree.expr(index).kind == .tuple ? Array(tree.elements(tree.expr(index))) : [index]
    var arguments: [SemaType] = []
    for a in argumentIDs {
      guard let t = aliasedType(a, in: program, module: m) else { return nil }
      arguments.append(t)
    }
    switch (name, arguments.count) {
    case ("List", 1): return .list(arguments[0])
    case ("Tuple", _): return .tuple(arguments)
    case ("Dict", 2), ("Set", 1), ("Optional", 1):
      var unsupported: Diagnostic?
      return SemaType.collection(name, arguments, unsupported: &unsupported, at: SourceLocation(file: nil, offset: 0))
    default: return nil
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
