//! Struct declarations Mojo 1.2 rejects before any body is checked: a field or method declared
//! twice, a struct that contains itself by value (directly or through other structs), and a
//! field that is a `List` of its own struct, a field of a type parameter (or a `List` of one)
//! whose bounds lack `Deinitable`. Without these checks such programs compiled and
//! crashed (or picked one of two methods) at run time.
import MojoDiagnostics
import MojoSyntax

enum StructValidation {
  /// Reports duplicate fields and methods of module `m`'s structs.
  static func checkDuplicates(_ program: Program, module m: Int, into diagnostics: inout [Diagnostic]) {
    let tree = program.modules[m].tree
    let file = program.modules[m].file
    func at(_ offset: UInt32) -> SourceLocation { SourceLocation(file: file, offset: Int(offset)) }
    for decl in tree.structs {
      var fieldOffsets: [NameID: UInt32] = [:]
      for field in decl.fields {
        if let previous = fieldOffsets[field.name] {
          diagnostics.append(SemaDiagnostics.invalidRedefinition(tree.name(field.name), at(field.keywordOffset),
                                                                 previous: at(previous)))
        } else {
          fieldOffsets[field.name] = field.keywordOffset
        }
      }
      var methods: [NameID: Int] = [:]
      for f in decl.methods {
        let function = tree.functions[f]
        // Copy and move constructors are `__init__` overloads of their own kind.
        if tree.specialInitializerKind(function) != nil { continue }
        guard let previous = methods[function.name] else {
          methods[function.name] = f
          continue
        }
        let first = tree.functions[previous]
        if sameParameterTypes(first, function, in: tree) {
          diagnostics.append(SemaDiagnostics.redefinitionWithIdenticalSignature(
            tree.name(function.name), at(function.offset), previous: at(first.offset)))
        } else if tree.name(function.name) != "__init__" || !decl.genericParameters.isEmpty {
          diagnostics.append(SemaDiagnostics.notSupportedYet("overloading the method '\(tree.name(function.name))'", at(function.offset)))
        }
      }
    }
  }

  /// True when two functions take parameters of the same written types in the same order.
  private static func sameParameterTypes(_ a: FunctionDecl, _ b: FunctionDecl, in tree: SyntaxTree) -> Bool {
    guard a.parameters.count == b.parameters.count else { return false }
    // Same interned names, argument by argument (`List[List[Int]]` nests).
    func same(_ x: TypeExprID, _ y: TypeExprID) -> Bool {
      guard x.exists && y.exists else { return x.exists == y.exists }
      let (p, q) = (tree.type(x), tree.type(y))
      return p.name.index == q.name.index && same(p.argument, q.argument)
    }
    return zip(a.parameters, b.parameters).allSatisfy { same($0.type, $1.type) }
  }

  /// How a field's type shows when it is a type parameter `T` of its struct (or a `List[T]`)
  /// whose bounds do not include `Deinitable`: Mojo 1.2 rejects such a field; nil otherwise.
  static func nonDeinitableParameter(_ type: SemaType, _ generics: [GenericParameterInfo], _ program: Program) -> String? {
    func parameter(_ t: SemaType) -> String? {
      guard case .typeParameter(let j) = t, j < generics.count, generics[j].valueType == nil,
            !generics[j].bounds.contains(where: { program.refines($0, .builtin(.deinitable)) }) else { return nil }
      return generics[j].name
    }
    if let name = parameter(type) { return name }
    if case .list(let element) = type, let name = parameter(element) { return "List[\(name)]" }
    return nil
  }

  /// Reports the structs whose synthesized copy constructor cannot be made (after the traits
  /// are resolved: a program's trait may refine `Copyable`).
  static func checkSynthesizedCopies(_ program: Program, into diagnostics: inout [[Diagnostic]]) {
    for m in program.structs.indices {
      let tree = program.modules[m].tree
      for (i, info) in program.structs[m].enumerated() {
        // Mojo's order at a field: the fieldwise init, the move constructor, the copy constructor.
        diagnostics[m] += synthesizedMoveFailures(info, decl: tree.structs[i], tree: tree, file: program.modules[m].file, program)
        if let d = synthesizedCopyFailure(info, decl: tree.structs[i], tree: tree, file: program.modules[m].file, program) {
          diagnostics[m].append(d)
        }
      }
    }
  }

  /// Mojo 1.2 synthesizes a move constructor for every struct without its own, and the
  /// `@fieldwise_init` initializer: both fail at the first field whose type is a type parameter
  /// that can be neither moved nor copied by its bounds (the fieldwise init takes each field
  /// by copy or move; the move constructor moves it, or copies an implicitly copyable one).
  static func synthesizedMoveFailures(_ info: StructInfo, decl: StructDecl, tree: SyntaxTree, file: SourceFile?,
                                      _ program: Program) -> [Diagnostic] {
    func unmovable(_ type: SemaType) -> String? {
      guard case .typeParameter(let j) = type, j < info.genericParameters.count, info.genericParameters[j].valueType == nil,
            !info.genericParameters[j].bounds.contains(where: { program.refines($0, .builtin(.movable)) })  // `Copyable` refines it
      else { return nil }
      return info.genericParameters[j].name
    }
    guard let k = info.fieldTypes.firstIndex(where: { unmovable($0) != nil }) else { return [] }
    let (field, type) = (tree.name(decl.fields[k].name), unmovable(info.fieldTypes[k])!)
    let at = SourceLocation(file: file, offset: Int(decl.fields[k].keywordOffset))
    var failures: [Diagnostic] = []
    if info.isFieldwiseInit { failures.append(SemaDiagnostics.cannotSynthesizeFieldwiseInit(field, type: type, at)) }
    if info.moveInitializer == nil { failures.append(SemaDiagnostics.cannotSynthesizeMove(field, type: type, at)) }
    return failures
  }

  /// A struct declared `Copyable` (`ImplicitlyCopyable`) without its own copy constructor gets
  /// a synthesized one: Mojo 1.2 rejects it at the first field whose type cannot be copied
  /// (implicitly). Only types mojoc knows for certain: type parameters by their bounds, structs
  /// by their conformances, `List`/`Dict`/`Set` (never implicitly copyable).
  static func synthesizedCopyFailure(_ info: StructInfo, decl: StructDecl, tree: SyntaxTree, file: SourceFile?,
                                     _ program: Program) -> Diagnostic? {
    guard info.copyInitializer == nil else { return nil }
    let implicit = info.conformances.contains { program.refines($0, .builtin(.implicitlyCopyable)) }
    guard implicit || info.conformances.contains(where: { program.refines($0, .builtin(.copyable)) }) else { return nil }
    let wanted: TraitRef = .builtin(implicit ? .implicitlyCopyable : .copyable)
    for (k, type) in info.fieldTypes.enumerated() {
      let shown: String
      switch type {
      case .typeParameter(let j):
        guard j < info.genericParameters.count, info.genericParameters[j].valueType == nil,
              !info.genericParameters[j].bounds.contains(where: { program.refines($0, wanted) }) else { continue }
        shown = info.genericParameters[j].name
      case .structType, .boundStruct:
        // Register-passable structs are copied as values (mojoc does not model what they imply).
        let passable: [TraitRef] = [.builtin(.registerPassable), .builtin(.trivialRegisterPassable)]
        guard !program.conforms(type, to: wanted),
              !(program.structInfo(type)?.conformances.contains(where: passable.contains) ?? true) else { continue }
        shown = program.displayName(of: type)
      case .list, .dict, .set:
        guard implicit else { continue }
        shown = program.displayName(of: type)
      default:
        continue
      }
      let field = decl.fields[k]
      return SemaDiagnostics.cannotSynthesizeCopy(tree.name(field.name), type: shown, implicit: implicit,
                                                  SourceLocation(file: file, offset: Int(field.keywordOffset)))
    }
    return nil
  }

  /// Reports structs that contain themselves by value, and `List`s of a struct inside it.
  /// Runs after every module's struct fields are resolved (cycles may cross modules).
  static func checkContainment(_ program: Program, into diagnostics: inout [[Diagnostic]]) {
    struct Key: Hashable { var module: Int, index: Int }
    // 0 unvisited, 1 on the current path, 2 done.
    var state: [Key: UInt8] = [:]
    var reported = Set<Key>()

    /// Depth-first over by-value struct fields; returns the struct where a cycle closes.
    func visit(_ key: Key) -> Key? {
      switch state[key] ?? 0 {
      case 1: return key
      case 2: return nil
      default: break
      }
      state[key] = 1
      defer { state[key] = 2 }
      for type in program.structs[key.module][key.index].fieldTypes {
        guard case .structType(let m, let i) = type else { continue }
        if let closing = visit(Key(module: m, index: i)) { return closing }
      }
      return nil
    }

    for m in program.structs.indices {
      let tree = program.modules[m].tree
      for (i, info) in program.structs[m].enumerated() {
        let decl = tree.structs[i]
        for (k, type) in info.fieldTypes.enumerated() {
          if let shown = nonDeinitableParameter(type, info.genericParameters, program) {
            let field = decl.fields[k]
            diagnostics[m].append(SemaDiagnostics.nonDeinitableField(
              tree.name(field.name), shown, SourceLocation(file: program.modules[m].file, offset: Int(field.keywordOffset))))
          }
          if case .list(.structType(let em, let ei)) = type, em == m, ei == i {
            let field = decl.fields[k]
            diagnostics[m].append(SemaDiagnostics.nonDeinitableField(
              tree.name(field.name), "List[\(info.name)]",
              SourceLocation(file: program.modules[m].file, offset: Int(field.keywordOffset))))
          }
        }
        if (state[Key(module: m, index: i)] ?? 0) == 0, let closing = visit(Key(module: m, index: i)),
           reported.insert(closing).inserted {
          let closingTree = program.modules[closing.module].tree
          let closingDecl = closingTree.structs[closing.index]
          let location = SourceLocation(file: program.modules[closing.module].file, offset: Int(closingDecl.offset))
          diagnostics[closing.module].append(SemaDiagnostics.recursiveStruct(closingTree.name(closingDecl.name), location))
        }
      }
    }
  }
}

extension SyntaxTree {
  /// For `__init__(out self, *, copy: Self)` "copy", for `__init__(out self, *, deinit NAME: Self)`
  /// NAME (only "move" is a move constructor); nil for an ordinary initializer.
  func specialInitializerKind(_ f: FunctionDecl) -> String? {
    guard name(f.name) == "__init__", f.parameters.count == 2, f.parameters[1].isKeywordOnly,
          f.parameters[1].type.exists, name(type(f.parameters[1].type).name) == "Self" else { return nil }
    return name(f.parameters[1].name)
  }
}
