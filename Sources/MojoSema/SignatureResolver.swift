//! Resolves the parameter and result types of every function and method of a module, folds
//! default values and `comptime` constants, and names each function's linker symbol.
import MojoDiagnostics
import MojoSyntax

/// Resolves type expressions and signatures of one module.
public enum SignatureResolver {
  /// Fills `program.structs[module]`: field types, methods and initializers.
  static func resolveStructs(_ program: inout Program, module m: Int, into diagnostics: inout [Diagnostic]) {
    let tree = program.modules[m].tree
    var infos: [StructInfo] = []
    for decl in tree.structs {
      var methods: [String: Int] = [:]
      var initializer: Int?
      for f in decl.methods {
        let name = tree.name(tree.functions[f].name)
        if name == "__init__" {
          initializer = f
          if tree.functions[f].parameters.first?.convention != .out {
            diagnostics.append(SemaDiagnostics.initMustReturnSelf(SourceLocation(file: program.modules[m].file, offset: Int(tree.functions[f].offset))))
          }
        } else {
          methods[name] = f
        }
      }
      let traits = decl.traits.map { tree.name($0) }
      for (k, t) in traits.enumerated() where !["Copyable", "Movable", "ImplicitlyCopyable"].contains(t) {
        _ = k
        diagnostics.append(SemaDiagnostics.notSupportedYet("the trait '\(t)'", SourceLocation(file: program.modules[m].file, offset: Int(decl.offset))))
      }
      infos.append(StructInfo(
        name: tree.name(decl.name), fieldNames: decl.fields.map { tree.name($0.name) },
        fieldTypes: decl.fields.map { resolveType($0.type, in: program, module: m, into: &diagnostics) },
        methods: methods, isFieldwiseInit: decl.isFieldwiseInit, initializer: initializer,
        isImplicitlyCopyable: traits.contains("ImplicitlyCopyable")))
    }
    program.structs[m] = infos
  }

  /// Fills `program.signatures[module]` (the `comptime` constants are folded before, by
  /// `ComptimeResolver`).
  static func resolve(_ program: inout Program, module m: Int, into diagnostics: inout [Diagnostic]) {
    let module = program.modules[m]
    let tree = module.tree
    var methodOwner = Array(repeating: -1, count: tree.functions.count)
    for (s, decl) in tree.structs.enumerated() { for f in decl.methods { methodOwner[f] = s } }

    var signatures: [FunctionSignature] = []
    signatures.reserveCapacity(tree.functions.count)
    for (i, f) in tree.functions.enumerated() {
      let name = tree.name(f.name)
      let owner = methodOwner[i]
      var parameters: [ParameterInfo] = []
      var sawDefault = false
      for p in f.parameters {
        let pname = tree.name(p.name)
        var type = SemaType.error
        if p.type.exists {
          type = resolveType(p.type, in: program, module: m, into: &diagnostics)
        } else if owner >= 0 && pname == "self" {
          type = .structType(module: m, index: owner)
        } else {
          diagnostics.append(SemaDiagnostics.notSupportedYet("a parameter without a type", SourceLocation(file: module.file, offset: Int(p.offset))))
        }
        var defaultValue: ConstantValue?
        if p.defaultValue.exists {
          let folder = ConstantFolder(program: program, module: m)
          defaultValue = folder.fold(p.defaultValue)
          if defaultValue == nil {
            diagnostics.append(SemaDiagnostics.notSupportedYet("this default value", SourceLocation(file: module.file, offset: Int(tree.expr(p.defaultValue).offset))))
          }
          sawDefault = true
        } else if sawDefault {
          diagnostics.append(SemaDiagnostics.requiredAfterOptional(SourceLocation(file: module.file, offset: Int(p.offset))))
        }
        parameters.append(ParameterInfo(name: pname, type: type, defaultValue: defaultValue, convention: p.convention))
      }
      let result = f.returnType.exists ? resolveType(f.returnType, in: program, module: m, into: &diagnostics) : .none
      let ownerName = owner >= 0 ? tree.name(tree.structs[owner].name) : nil
      let display = ownerName.map { "\($0).\(name)" } ?? name
      let symbol = m == 0 && owner < 0 && name == "main" ? "mojo_main" : "mj.\(module.name)::\(display)"
      signatures.append(FunctionSignature(displayName: name, parameters: parameters, result: result, symbol: symbol,
                                          raises: f.raises))
    }
    program.signatures[m] = signatures
  }

  /// Resolves a type expression in module `m`.
  public static func resolveType(_ id: TypeExprID, in program: Program, module m: Int, into diagnostics: inout [Diagnostic]) -> SemaType {
    let tree = program.modules[m].tree
    let node = tree.type(id)
    let name = tree.name(node.name)
    let location = SourceLocation(file: program.modules[m].file, offset: Int(node.offset))
    switch name {
    case "Int": return .int
    case "Float64": return .float64
    case "Bool": return .bool
    case "String": return .string
    case "Error": return .errorValue
    case "Tuple" where node.argument.exists:
      var elements: [SemaType] = []
      var argument = node.argument
      while argument.exists {
        elements.append(resolveType(argument, in: program, module: m, into: &diagnostics))
        argument = tree.type(argument).next
      }
      return elements.contains(.error) ? .error : .tuple(elements)
    case "Dict", "Set", "Optional" where node.argument.exists && program.symbols[m][name] == nil:
      var arguments: [SemaType] = []
      var argument = node.argument
      while argument.exists {
        arguments.append(resolveType(argument, in: program, module: m, into: &diagnostics))
        argument = tree.type(argument).next
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
      let element = resolveType(node.argument, in: program, module: m, into: &diagnostics)
      return element == .error ? .error : .list(element)
    default:
      if case .structType(let sm, let si) = program.symbols[m][name] { return .structType(module: sm, index: si) }
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
