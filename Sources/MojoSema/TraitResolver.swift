//! Traits: resolves each `trait` declaration's parents and method requirements, then checks
//! that every struct declaring a user trait has each required method with the required type,
//! with Mojo 1.2's messages ("'Circle' does not implement all requirements for 'Shape'").
import MojoDiagnostics
import MojoSyntax

enum TraitResolver {
  /// Fills `program.traits[module]`. A requirement's `Self` is `.typeParameter(0)`.
  static func resolve(_ program: inout Program, module m: Int, into diagnostics: inout [Diagnostic]) {
    let tree = program.modules[m].tree
    let file = program.modules[m].file
    var infos: [TraitInfo] = []
    for decl in tree.traits {
      var parents: [TraitRef] = []
      for p in decl.parents {
        if let t = SignatureResolver.resolveTrait(tree.name(p.name), in: program, module: m,
                                                  at: SourceLocation(file: file, offset: Int(p.offset)), into: &diagnostics) {
          parents.append(t)
        }
      }
      var requirements: [(name: String, signature: FunctionSignature, offset: UInt32)] = []
      for method in decl.methods {
        let signature = SignatureResolver.resolveSignature(method, in: program, module: m, generics: ["Self": .typeParameter(0)],
                                                           selfType: .typeParameter(0), ownerName: tree.name(decl.name), into: &diagnostics)
        requirements.append((tree.name(method.name), signature, method.offset))
      }
      var defaults: [String: Int] = [:]
      for f in decl.defaultMethods { defaults[tree.name(tree.functions[f].name)] = f }
      infos.append(TraitInfo(name: tree.name(decl.name), parents: parents, requirements: requirements, defaults: defaults))
    }
    program.traits[m] = infos
  }

  /// Reports each struct of module `m` that lacks a method one of its declared user traits
  /// (or their parents) requires, or has it with another type.
  static func checkConformances(_ program: Program, module m: Int, into diagnostics: inout [Diagnostic]) {
    let tree = program.modules[m].tree
    let file = program.modules[m].file
    for (s, info) in program.structs[m].enumerated() {
      let selfType: SemaType = info.genericParameters.isEmpty ? .structType(module: m, index: s)
        : .boundStruct(module: m, index: s, arguments: info.genericParameters.indices.map { .typeParameter($0) })
      // Every user trait reached, parents before the traits refining them; each trait's own
      // requirements are reported under its name (as Mojo does for a parent's).
      var seen = Set<TraitRef>()
      var order: [TraitRef] = []
      func visit(_ trait: TraitRef) {
        guard case .user(let tm, let ti) = trait, seen.insert(trait).inserted else { return }
        for parent in program.traits[tm][ti].parents { visit(parent) }
        order.append(trait)
      }
      for trait in info.conformances { visit(trait) }
      for trait in order {
        guard case .user(let tm, let ti) = trait else { continue }
        var notes: [Diagnostic] = []
        collectMissing(trait, program: program, structModule: m, info: info, selfType: selfType, notes: &notes)
        guard !notes.isEmpty else { continue }
        let traitTree = program.modules[tm].tree
        notes.append(SemaDiagnostics.note("trait '\(program.traits[tm][ti].name)' declared here",
                                          SourceLocation(file: program.modules[tm].file, offset: Int(traitTree.traits[ti].offset))))
        diagnostics.append(SemaDiagnostics.missingRequirements(info.name, program.traits[tm][ti].name,
                                                               SourceLocation(file: file, offset: Int(tree.structs[s].offset)), notes: notes))
      }
    }
  }

  /// Notes for each requirement of `trait` (not its parents') the struct does not meet.
  private static func collectMissing(_ trait: TraitRef, program: Program, structModule m: Int, info: StructInfo, selfType: SemaType,
                                     notes: inout [Diagnostic]) {
    guard case .user(let tm, let ti) = trait else { return }
    let traitInfo = program.traits[tm][ti]
    let traitFile = program.modules[tm].file
    for requirement in traitInfo.requirements {
      let required = requirement.signature.substituting([selfType])
      let at = SourceLocation(file: traitFile, offset: Int(requirement.offset))
      let index = requirement.name == "__init__" ? info.initializer : info.methods[requirement.name]
      guard let f = index else {
        notes.append(SemaDiagnostics.note("required function '\(requirement.name)' is not implemented", at))
        continue
      }
      let actual = program.signatures[m][f]
      let matches = actual.parameters.count == required.parameters.count && actual.result == required.result
        && zip(actual.parameters, required.parameters).allSatisfy { $0.type == $1.type && $0.convention == $1.convention }
        && actual.raises == required.raises
      if !matches {
        notes.append(SemaDiagnostics.note("no '\(requirement.name)' candidates have type '\(functionType(required, program))'", at))
        notes.append(SemaDiagnostics.note("candidate declared here with type '\(functionType(actual, program))'",
                                          SourceLocation(file: program.modules[m].file, offset: Int(program.modules[m].tree.functions[f].offset))))
      }
    }
  }

  /// A function type as Mojo prints it: `def(self: Circle) thin -> Float64`.
  static func functionType(_ s: FunctionSignature, _ program: Program) -> String {
    let parameters = s.parameters.map { p -> String in
      let convention: String
      switch p.convention {
      case .read: convention = ""
      case .mut: convention = "mut "
      case .out: convention = "out "
      case .owned: convention = "var "
      }
      return "\(convention)\(p.name): \(program.displayName(of: p.type))"
    }
    let result = s.result == .none ? "" : " -> \(program.displayName(of: s.result))"
    return "def(\(parameters.joined(separator: ", ")))\(s.raises ? " raises" : "") thin\(result)"
  }
}
