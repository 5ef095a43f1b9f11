//! Resolves the parameter and result types of every function and method of a module, folds
//! default values and `comptime` constants, and names each function's linker symbol.
import MojoDiagnostics
import MojoSyntax

/// Resolves type expressions and signatures of one module.
public enum SignatureResolver {
  /// Fills `program.structs[module]`: field types, methods, initializers, compile-time
  /// parameters and declared conformances.
  static func resolveStructs(_ program: inout Program, module m: Int, into diagnostics: inout [Diagnostic]) {
    let tree = program.modules[m].tree
    let file = program.modules[m].file
    var infos: [StructInfo] = []
    for (s, decl) in tree.structs.enumerated() {
      var methods: [String: Int] = [:]
      var initializer: Int?
      var initializers: [Int] = []
      var special: [String: Int] = [:]
      for f in decl.methods {
        let name = tree.name(tree.functions[f].name)
        if name == "__init__", let kind = tree.specialInitializerKind(tree.functions[f]) {
          special[kind] = f
        } else if name == "__init__" {
          if initializer == nil { initializer = f }
          initializers.append(f)
          if tree.functions[f].parameters.first?.convention != .out {
            diagnostics.append(SemaDiagnostics.initMustReturnSelf(SourceLocation(file: file, offset: Int(tree.functions[f].offset))))
          }
        } else {
          methods[name] = f
        }
      }
      var conformances: [TraitRef] = []
      for (k, t) in decl.traits.enumerated() {
        let offset = k < decl.traitOffsets.count ? decl.traitOffsets[k] : decl.offset
        conformances += resolveTraits(tree.name(t), in: program, module: m, at: SourceLocation(file: file, offset: Int(offset)), into: &diagnostics)
      }
      let generics = resolveGenericParameters(decl.genericParameters, in: program, module: m, into: &diagnostics)
      let environment = generics.isEmpty ? [:] : typeEnvironment(generics, owner: (m, s, generics.count), offset: 0)
      let selfType = SemaType.structType(module: m, index: s)
      let destructor = methods["__deinit__"] ?? methods["__del__"]
      infos.append(StructInfo(
        name: tree.name(decl.name), fieldNames: decl.fields.map { tree.name($0.name) },
        fieldTypes: decl.fields.map { resolveType($0.type, in: program, module: m, generics: environment, selfType: selfType, into: &diagnostics) },
        methods: methods, isFieldwiseInit: decl.isFieldwiseInit, initializer: initializer,
        isImplicitlyCopyable: conformances.contains(.builtin(.implicitlyCopyable)),
        genericParameters: generics, conformances: conformances))
      infos[infos.count - 1].initializers = initializers
      infos[infos.count - 1].copyInitializer = special["copy"]
      infos[infos.count - 1].moveInitializer = special["move"]
      infos[infos.count - 1].destructor = destructor
      if let destructor {
        var reads = Array(repeating: false, count: decl.fields.count)
        tree.forEachExpression(inBlock: tree.functions[destructor].body) { e in
          let node = tree.expr(e)
          guard node.kind == .member, case let (base, member) = tree.member(node),
                let baseName = tree.plainName(base), tree.name(baseName) == "self",
                let k = decl.fields.firstIndex(where: { $0.name == member }) else { return }
          reads[k] = true
        }
        infos[infos.count - 1].destructorReadsField = reads
      }
    }
    program.structs[m] = infos
  }

  /// A trait named in a conformance list or a bound: a user trait or a standard one; nil after
  /// reporting an unknown name (a type there is reported as not supported).
  /// The traits a name in a bound or conformance list stands for: one, or a trait alias's.
  static func resolveTraits(_ name: String, in program: Program, module m: Int, at location: SourceLocation,
                            into diagnostics: inout [Diagnostic]) -> [TraitRef] {
    switch program.symbols[m][name] {
    case .traitAlias(let am, let ai)?: return program.traitAliases[am][ai] ?? []
    case .comptime(let am, let ai)?: if let traits = program.traitAliases[am][ai] { return traits }  // imported
    default: break
    }
    return resolveTrait(name, in: program, module: m, at: location, into: &diagnostics).map { [$0] } ?? []
  }

  static func resolveTrait(_ name: String, in program: Program, module m: Int, at location: SourceLocation,
                           into diagnostics: inout [Diagnostic]) -> TraitRef? {
    switch program.symbols[m][name] {
    case .trait(let tm, let ti)?: return .user(module: tm, index: ti)
    case nil:
      if let b = BuiltinTrait(rawValue: name) { return .builtin(b) }
      diagnostics.append(SemaDiagnostics.unknownDeclaration(name, location))
      return nil
    default:
      diagnostics.append(SemaDiagnostics.notSupportedYet("'\(name)' as a trait", location))
      return nil
    }
  }

  /// Resolves `[T: Copyable & Movable, n: Int]`: a bound naming a type makes a value parameter.
  static func resolveGenericParameters(_ decls: [GenericParameterDecl], in program: Program, module m: Int,
                                       into diagnostics: inout [Diagnostic]) -> [GenericParameterInfo] {
    let tree = program.modules[m].tree
    let file = program.modules[m].file
    return decls.map { decl in
      let name = tree.name(decl.name)
      var defaultValue: Int64?
      if decl.defaultValue.exists {
        switch ConstantFolder(program: program, module: m).fold(decl.defaultValue) {
        case .int(let v)?: defaultValue = v.wrappedInt64
        case .bool(let b)?: defaultValue = b ? 1 : 0
        default:
          diagnostics.append(SemaDiagnostics.notSupportedYet("this default value", SourceLocation(file: file, offset: Int(tree.expr(decl.defaultValue).offset))))
        }
      }
      if decl.bounds.count == 1 {
        let bound = tree.name(decl.bounds[0].name)
        switch bound {
        case "Int": return GenericParameterInfo(name: name, bounds: [], valueType: .int, defaultValue: defaultValue)
        case "Bool": return GenericParameterInfo(name: name, bounds: [], valueType: .bool, defaultValue: defaultValue)
        case "Float64", "String", "Int64", "UInt", "DType":
          diagnostics.append(SemaDiagnostics.notSupportedYet("a '\(bound)' compile-time parameter", SourceLocation(file: file, offset: Int(decl.bounds[0].offset))))
          return GenericParameterInfo(name: name, bounds: [], valueType: .int)
        default: break
        }
      }
      var bounds: [TraitRef] = []
      for b in decl.bounds {
        bounds += resolveTraits(tree.name(b.name), in: program, module: m, at: SourceLocation(file: file, offset: Int(b.offset)), into: &diagnostics)
      }
      return GenericParameterInfo(name: name, bounds: bounds, valueType: nil)
    }
  }

  /// Names of type parameters (from entry `offset` on) bound to `.typeParameter(k)`, and `Self`
  /// for the methods and fields of struct `owner` (module, index, parameter count).
  static func typeEnvironment(_ generics: [GenericParameterInfo], owner: (Int, Int, Int)?, offset: Int) -> [String: SemaType] {
    var environment: [String: SemaType] = [:]
    for (k, g) in generics.enumerated() where g.valueType == nil { environment[g.name] = .typeParameter(offset + k) }
    // A non-generic struct's `Self` is passed as `selfType` (no dictionary to build and search).
    if let (m, s, count) = owner, count > 0 {
      environment["Self"] = .boundStruct(module: m, index: s, arguments: (0..<count).map { .typeParameter($0) })
    }
    return environment
  }

  /// The signatures of module `m`'s functions, in tree order (the `comptime` constants are
  /// folded before, by `ComptimeResolver`): reads `program` only, so the modules can be
  /// resolved in parallel.
  static func signatures(ofModule m: Int, in program: Program, into diagnostics: inout [Diagnostic]) -> [FunctionSignature] {
    let module = program.modules[m]
    let tree = module.tree
    var methodOwner = Array(repeating: -1, count: tree.functions.count)
    for (s, decl) in tree.structs.enumerated() { for f in decl.methods { methodOwner[f] = s } }
    var traitOwner: [Int: Int] = [:]
    for (t, decl) in tree.traits.enumerated() { for f in decl.defaultMethods { traitOwner[f] = t } }
    var signatures: [FunctionSignature] = []
    signatures.reserveCapacity(tree.functions.count)
    for (i, f) in tree.functions.enumerated() {
      if let t = traitOwner[i] {
        // A trait's default method: generic over `Self`, instantiated per conforming struct.
        var signature = resolveSignature(f, in: program, module: m, generics: ["Self": .typeParameter(0)], selfType: .typeParameter(0),
                                         ownerName: tree.name(tree.traits[t].name), into: &diagnostics)
        signature.genericParameters = [GenericParameterInfo(name: "Self", bounds: [.user(module: m, index: t)], valueType: nil)]
        signature.structParameterCount = 1
        signatures.append(signature)
        continue
      }
      let owner = methodOwner[i]
      let ownerName = owner >= 0 ? tree.name(tree.structs[owner].name) : nil
      var structGenerics: [GenericParameterInfo] = []
      if owner >= 0 { structGenerics = program.structs[m][owner].genericParameters }
      let own = f.genericParameters.isEmpty ? [] : resolveGenericParameters(f.genericParameters, in: program, module: m, into: &diagnostics)
      var environment = owner >= 0 && !structGenerics.isEmpty ? typeEnvironment(structGenerics, owner: (m, owner, structGenerics.count), offset: 0) : [:]
      if !own.isEmpty { environment.merge(typeEnvironment(own, owner: nil, offset: structGenerics.count)) { $1 } }
      let selfType = environment["Self"] ?? (owner >= 0 ? .structType(module: m, index: owner) : .error)
      // `x: Some[Trait]`: an implicit type parameter of its own, bounded by the trait.
      var implicit: [GenericParameterInfo] = []
      var someTypes: [Int: SemaType] = [:]
      for (k, p) in f.parameters.enumerated() where p.type.exists {
        let node = tree.type(p.type)
        guard node.argument.exists, tree.name(node.name) == "Some" else { continue }
        let traitName = tree.name(tree.type(node.argument).name)
        if traitName == "Writer" { continue }
        let at = SourceLocation(file: program.modules[m].file, offset: Int(tree.type(node.argument).offset))
        guard let trait = resolveTrait(traitName, in: program, module: m, at: at, into: &diagnostics) else { continue }
        someTypes[k] = .typeParameter(structGenerics.count + own.count + implicit.count)
        implicit.append(GenericParameterInfo(name: "Some[\(traitName)]", bounds: [trait], valueType: nil))
      }
      var signature = resolveSignature(f, in: program, module: m, generics: environment, selfType: owner >= 0 ? selfType : nil,
                                       ownerName: ownerName, parameterTypes: someTypes, into: &diagnostics)
      signature.genericParameters = structGenerics + own + implicit
      signature.structParameterCount = structGenerics.count
      if let kind = tree.specialInitializerKind(f) {
        // A copy or move constructor: an `__init__` overload with a symbol of its own.
        signature.symbol += ".\(kind)"
      }
      if owner >= 0, let k = program.structs[m][owner].initializers.firstIndex(of: i), k > 0 {
        // An overloaded `__init__` after the first: a symbol of its own.
        signature.symbol += ".\(k)"
      }
      if f.enclosingFunction >= 0 {
        // A nested function's symbol names the functions around it (`outer.helper`).
        var path = tree.name(f.name)
        var parent = f.enclosingFunction
        while parent >= 0 {
          let owner = methodOwner[parent]
          path = (owner >= 0 ? tree.name(tree.structs[owner].name) + "." : "") + tree.name(tree.functions[parent].name) + "." + path
          parent = tree.functions[parent].enclosingFunction
        }
        signature.symbol = "mj.\(module.name)::\(path)"
      }
      signatures.append(signature)
    }
    return signatures
  }

  /// The signature of one function declaration; `selfType` types an unannotated `self`.
  /// `parameterTypes` gives the types of parameters already decided (`Some[Trait]` ones).
  static func resolveSignature(_ f: FunctionDecl, in program: Program, module m: Int, generics: [String: SemaType],
                               selfType: SemaType?, ownerName: String?, parameterTypes: [Int: SemaType] = [:],
                               into diagnostics: inout [Diagnostic]) -> FunctionSignature {
    let name = program.modules[m].tree.name(f.name)
    var parameters: [ParameterInfo] = []
    var sawDefault = false
    for (k, p) in f.parameters.enumerated() {
      let pname = program.modules[m].tree.name(p.name)
      var type = SemaType.error
      if let decided = parameterTypes[k] {
        type = decided
      } else if p.type.exists {
        type = resolveType(p.type, in: program, module: m, generics: generics, selfType: selfType, into: &diagnostics)
      } else if let selfType, pname == "self" {
        type = selfType
      } else {
        diagnostics.append(SemaDiagnostics.notSupportedYet("a parameter without a type", SourceLocation(file: program.modules[m].file, offset: Int(p.offset))))
      }
      var defaultValue: ConstantValue?
      if p.defaultValue.exists {
        let folder = ConstantFolder(program: program, module: m)
        defaultValue = folder.fold(p.defaultValue)
        if defaultValue == nil {
          diagnostics.append(SemaDiagnostics.notSupportedYet("this default value", SourceLocation(file: program.modules[m].file, offset: Int(program.modules[m].tree.expr(p.defaultValue).offset))))
        }
        sawDefault = true
      } else if sawDefault && !p.isKeywordOnly {
        diagnostics.append(SemaDiagnostics.requiredAfterOptional(SourceLocation(file: program.modules[m].file, offset: Int(p.offset))))
      }
      if p.isVariadic, !type.isError { type = .list(type) }
      parameters.append(ParameterInfo(name: pname, type: type, defaultValue: defaultValue, convention: p.convention,
                                      isKeywordOnly: p.isKeywordOnly, isVariadic: p.isVariadic))
    }
    let result = f.returnType.exists ? resolveType(f.returnType, in: program, module: m, generics: generics, selfType: selfType, into: &diagnostics) : .none
    let display = ownerName.map { "\($0).\(name)" } ?? name
    let symbol = m == 0 && ownerName == nil && name == "main" ? "mojo_main" : "mj.\(program.modules[m].name)::\(display)"
    var signature = FunctionSignature(displayName: name, parameters: parameters, result: result, symbol: symbol, raises: f.raises)
    if f.raisesType.exists {
      let raised = resolveType(f.raisesType, in: program, module: m, generics: generics, selfType: selfType, into: &diagnostics)
      switch raised {
      case .errorValue, .structType, .boundStruct, .error: signature.raisedType = raised
      default:
        diagnostics.append(SemaDiagnostics.notSupportedYet("'raises \(raised)'", SourceLocation(file: program.modules[m].file, offset: Int(program.modules[m].tree.type(f.raisesType).offset))))
      }
    }
    return signature
  }

  /// Resolves a type expression in module `m`.
  /// `generics` binds the names of compile-time parameters (and `Self`) in scope.
  /// `selfType` is what `Self` names in a non-generic struct (a generic one binds it in `generics`).
  public static func resolveType(_ id: TypeExprID, in program: Program, module m: Int, generics: [String: SemaType] = [:],
                                 selfType: SemaType? = nil, into diagnostics: inout [Diagnostic]) -> SemaType {
    let node = program.modules[m].tree.type(id)
    let name = program.modules[m].tree.name(node.name)
    let location = SourceLocation(file: program.modules[m].file, offset: Int(node.offset))
    if !generics.isEmpty, let bound = generics[name] {
      if node.argument.exists { diagnostics.append(SemaDiagnostics.notSupportedYet("parameters on '\(name)'", location)) }
      return bound
    }
    switch name {
    case "Self" where selfType != nil: return selfType!
    case "Int": return .int
    case "Float64": return .float64
    case "Bool": return .bool
    case "String": return .string
    // A `StringSlice` of static data in Mojo 1.2; mojoc's strings are immutable values already.
    case "StaticString" where program.symbols[m][name] == nil && !node.argument.exists: return .string
    case "Error": return .errorValue
    case _ where NumericType(name: name) != nil && program.symbols[m][name] == nil && !node.argument.exists:
      return .numeric(NumericType(name: name)!)
    case "Tuple" where node.argument.exists:
      var elements: [SemaType] = []
      var argument = node.argument
      while argument.exists {
        elements.append(resolveType(argument, in: program, module: m, generics: generics, selfType: selfType, into: &diagnostics))
        argument = program.modules[m].tree.type(argument).next
      }
      return elements.contains(.error) ? .error : .tuple(elements)
    // A program's own struct of one of these names is that struct (the default case).
    case "Dict" where program.symbols[m][name] == nil, "Set" where program.symbols[m][name] == nil,
         "Optional" where node.argument.exists && program.symbols[m][name] == nil:
      var arguments: [SemaType] = []
      var argument = node.argument
      while argument.exists {
        arguments.append(resolveType(argument, in: program, module: m, generics: generics, selfType: selfType, into: &diagnostics))
        argument = program.modules[m].tree.type(argument).next
      }
      if arguments.contains(.error) { return .error }
      var diagnostic: Diagnostic?
      let type = SemaType.collection(name, arguments, unsupported: &diagnostic, at: location)
      if let diagnostic { diagnostics.append(diagnostic) }
      return type ?? .error
    case "List":
      guard node.argument.exists else {
        diagnostics.append(SemaDiagnostics.notSupportedYet("'List' without an element type", location))
        return .error
      }
      let element = resolveType(node.argument, in: program, module: m, generics: generics, selfType: selfType, into: &diagnostics)
      return element == .error ? .error : .list(element)
    case "Some" where node.argument.exists && program.modules[m].tree.name(program.modules[m].tree.type(node.argument).name) == "Writer":
      // `mut writer: Some[Writer]` of `write_to`: the text being written (Generics.swift).
      return .string
    default:
      if case .comptime(let am, let ai)? = program.symbols[m][name], let aliased = program.typeAliases[am][ai], !node.argument.exists {
        return aliased
      }
      if case .structType(let sm, let si) = program.symbols[m][name] {
        // The struct's tree, not its info: another module's structs may not be resolved yet.
        let isGeneric = !program.modules[sm].tree.structs[si].genericParameters.isEmpty
        guard isGeneric || node.argument.exists else { return .structType(module: sm, index: si) }
        var arguments: [SemaType] = []
        var argumentLocations: [SourceLocation] = []
        var argument = node.argument
        while argument.exists {
          arguments.append(resolveType(argument, in: program, module: m, generics: generics, selfType: selfType, into: &diagnostics))
          argumentLocations.append(SourceLocation(file: program.modules[m].file, offset: Int(program.modules[m].tree.type(argument).offset)))
          argument = program.modules[m].tree.type(argument).next
        }
        if arguments.contains(.error) { return .error }
        return boundStructType(module: sm, index: si, arguments, in: program, at: location, argumentLocations: argumentLocations,
                               into: &diagnostics)
      }
      if case .trait? = program.symbols[m][name] {
        diagnostics.append(SemaDiagnostics.notSupportedYet("a trait used as a type", location))
        return .error
      }
      if program.symbols[m][name] == nil && ["Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "UInt", "Float32", "Float16", "Dict", "Set", "Optional", "Tuple", "SIMD"].contains(name) {
        diagnostics.append(SemaDiagnostics.notSupportedYet("the type '\(name)'", location))
      } else {
        diagnostics.append(SemaDiagnostics.unknownDeclaration(name, location, suggestion: program.suggestion(for: name, inModule: m, at: location.offset),
                                                                      notes: program.importHints(for: name, inModule: m)))
      }
      return .error
    }
  }
}

extension SignatureResolver {
  /// `Stack[Int]`: checks the arguments against the struct's parameters and bounds.
  /// `argumentLocations` (one per argument, when known) are where a mismatch is reported.
  static func boundStructType(module sm: Int, index si: Int, _ arguments: [SemaType], in program: Program,
                              at location: SourceLocation, argumentLocations: [SourceLocation] = [],
                              into diagnostics: inout [Diagnostic]) -> SemaType {
    guard program.structs[sm].count > si else { return .boundStruct(module: sm, index: si, arguments: arguments) }
    let info = program.structs[sm][si]
    let parameters = info.genericParameters
    guard parameters.count == arguments.count, parameters.allSatisfy({ $0.valueType == nil }) else {
      if parameters.isEmpty {
        diagnostics.append(SemaDiagnostics.notSupportedYet("parameters on '\(info.name)'", location))
      } else if parameters.contains(where: { $0.valueType != nil }) {
        diagnostics.append(SemaDiagnostics.notSupportedYet("a struct with value parameters", location))
      } else {
        diagnostics.append(SemaDiagnostics.notSupportedYet("inferring parameters of '\(info.name)'", location))
      }
      return .error
    }
    for (k, (p, a)) in zip(parameters, arguments).enumerated() where !a.mentionsTypeParameter {
      if p.bounds.contains(where: { !program.conforms(a, to: $0) }) {
        let location = k < argumentLocations.count ? argumentLocations[k] : location
        let shown: String
        switch a {
        case .structType, .boundStruct: shown = "AnyStruct[\(program.displayName(of: a))]"
        default: shown = program.displayName(of: a)
        }
        diagnostics.append(SemaDiagnostics.structParameterType(info.name, p.name, p.bounds.map { program.name(of: $0) }.joined(separator: " & "),
                                                               shown, location))
        return .error
      }
    }
    return .boundStruct(module: sm, index: si, arguments: arguments)
  }
}
