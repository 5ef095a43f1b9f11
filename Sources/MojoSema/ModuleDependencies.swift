//! What checking and lowering one module can read of the others: the declarations its source
//! can reach, each with a deterministic description. The action cache keys a module's work by its
//! source and the descriptions of these declarations only (a ccache-style manifest), so a changed
//! signature recompiles the modules that can see it, not every module that imports its module.
//!
//! The reach of module M, over-approximated from its names (every identifier of its full source,
//! `SyntaxTree.names`: a name M does not write, M cannot look up):
//!   - M's own table (`names M`: every name, own or imported, and what it stands for, and its
//!     submodules) and, for each name M writes, the declaration it stands for;
//!   - a module reached (`import b`, `from p import b`, `b.c` through a package): its table, and
//!     for each name M writes, its entry or submodule of that name (`b.c.f()` reaches c through b;
//!     `from b import f` where b imported f from d reaches d's `f`, as the binder resolved it);
//!   - a function: the structs and traits of its signature; a struct: its fields' types, every
//!     method and initializer (operators, `print` and conversions call them without naming them),
//!     its conformances; a trait: its parents, requirements and default methods; a `comptime`
//!     value: its type; recursively.
//! Whether the walk follows an edge depends only on M's names and the descriptions of what it has
//! reached, so a stored list whose descriptions all still hold is the list a new walk would find.
//! M's own declarations are walked (their types lead to other modules) but not listed: they come
//! from M's source, which keys the work anyway.
import MojoSyntax

/// A declaration (or a module's name table) another module's check can consult.
public enum DependencyEntity: Hashable, Sendable {
  /// Module `m`'s name table: each name, what it stands for, and the submodules.
  case names(Int)
  case function(module: Int, index: Int)
  case structType(module: Int, index: Int)
  case comptime(module: Int, index: Int)
  case trait(module: Int, index: Int)
  case traitAlias(module: Int, index: Int)

  /// The module that declares the entity (whose table it is, for `names`).
  public var module: Int {
    switch self {
    case .names(let m): m
    case .function(let m, _), .structType(let m, _), .comptime(let m, _), .trait(let m, _), .traitAlias(let m, _): m
    }
  }
}

extension Program {
  /// The declarations of other modules (and module `m`'s own name table) that checking and
  /// lowering module `m` can read, given `words`, every identifier of its full source; in a
  /// deterministic order.
  public func dependencies(of m: Int, words: Set<String>) -> [DependencyEntity] {
    var walk = DependencyWalk(program: self, words: words, module: m)
    walk.table(m)
    return walk.found
  }

  /// A stable identifier of `entity` (module by name), as a manifest stores it.
  public func dependencyID(_ entity: DependencyEntity) -> String {
    switch entity {
    case .names(let m): "names \(modules[m].name)"
    case .function(let m, let i): "function \(modules[m].name) \(i)"
    case .structType(let m, let i): "struct \(modules[m].name) \(i)"
    case .comptime(let m, let i): "comptime \(modules[m].name) \(i)"
    case .trait(let m, let i): "trait \(modules[m].name) \(i)"
    case .traitAlias(let m, let i): "alias \(modules[m].name) \(i)"
    }
  }

  /// The entity a manifest identifier names in this program; nil when it names nothing here (a
  /// module or declaration that no longer exists).
  public func dependencyEntity(id: some StringProtocol) -> DependencyEntity? {
    let parts = id.split(separator: " ")
    guard parts.count >= 2, let m = moduleIndex[String(parts[1])] else { return nil }
    if parts.count == 2 { return parts[0] == "names" ? .names(m) : nil }
    guard parts.count == 3, let i = Int(parts[2]), i >= 0 else { return nil }
    switch parts[0] {
    case "function": return i < signatures[m].count ? .function(module: m, index: i) : nil
    case "struct": return i < structs[m].count ? .structType(module: m, index: i) : nil
    case "comptime": return i < comptimeValues[m].count ? .comptime(module: m, index: i) : nil
    case "trait": return i < traits[m].count ? .trait(module: m, index: i) : nil
    case "alias": return traitAliases[m][i] != nil ? .traitAlias(module: m, index: i) : nil
    default: return nil
    }
  }

  /// Everything of `entity` a module that reaches it can depend on, as deterministic text.
  public func dependencyText(_ entity: DependencyEntity) -> String {
    switch entity {
    case .names(let m):
      var out = "module \(modules[m].name)\(modules[m].isPackage ? " package" : "")\n"
      for name in symbols[m].keys.sorted() { out += "name \(name) = \(describe(symbols[m][name]!))\n" }
      let prefix = modules[m].name + "."
      for module in modules where module.name.hasPrefix(prefix) && !module.name.dropFirst(prefix.count).contains(".") {
        out += "submodule \(module.name)\n"
      }
      return out
    case .function(let m, let i):
      return describe(signatures[m][i])
    case .structType(let m, let i):
      let info = structs[m][i]
      var out = "\(info.name) fields(\(zip(info.fieldNames, info.fieldTypes).map { "\($0): \(interfaceName(of: $1))" }.joined(separator: ", ")))"
      out += " methods(\(info.methods.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")))"
      out += " fieldwise=\(info.isFieldwiseInit) inits(\(info.initializers.map(String.init).joined(separator: ",")))"
      out += " init=\(info.initializer.map(String.init) ?? "-")"
      out += " copy=\(info.copyInitializer.map(String.init) ?? "-") move=\(info.moveInitializer.map(String.init) ?? "-")"
      out += " deinit=\(info.destructor.map(String.init) ?? "-") reads(\(info.destructorReadsField.map { $0 ? "1" : "0" }.joined()))"
      out += " copyable=\(info.isImplicitlyCopyable) generics(\(describe(info.genericParameters)))"
      out += " conforms(\(info.conformances.map(describe).joined(separator: ",")))"
      return out
    case .comptime(let m, let i):
      return comptimeValues[m][i].map { "\(describe($0.value)): \(interfaceName(of: $0.type))" }
        ?? typeAliases[m][i].map { "type \(interfaceName(of: $0))" } ?? "-"
    case .trait(let m, let i):
      let trait = traits[m][i]
      return "\(trait.name) parents(\(trait.parents.map(describe).joined(separator: ",")))"
        + " requires(\(trait.requirements.map { "\($0.name): \(describe($0.signature))" }.joined(separator: "; ")))"
        + " defaults(\(trait.defaults.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")))"
    case .traitAlias(let m, let i):
      return "traits(\((traitAliases[m][i] ?? []).map(describe).joined(separator: ",")))"
    }
  }
}

/// The reach of one module (see the file comment).
private struct DependencyWalk {
  let program: Program
  let words: Set<String>
  let module: Int
  var seen: Set<DependencyEntity> = []
  /// What is listed: other modules' entities, and every name table.
  var found: [DependencyEntity] = []

  init(program: Program, words: Set<String>, module: Int) {
    self.program = program
    self.words = words
    self.module = module
  }

  /// Marks `entity` reached; false when it was already.
  private mutating func reach(_ entity: DependencyEntity, owner: Int) -> Bool {
    guard seen.insert(entity).inserted else { return false }
    if owner != module || entity == .names(module) { found.append(entity) }
    return true
  }

  /// A module reached: its table, then each name the module writes that the table has (or that
  /// names a submodule).
  mutating func table(_ m: Int) {
    guard m >= 0, m < program.modules.count, reach(.names(m), owner: m) else { return }
    let prefix = program.modules[m].name + "."
    for word in words {
      if let symbol = program.symbols[m][word] { self.symbol(symbol) }
      if let sub = program.moduleIndex[prefix + word] { table(sub) }
    }
  }

  mutating func symbol(_ symbol: Symbol) {
    switch symbol {
    case .function(let m, let i): function(m, i)
    case .structType(let m, let i): structType(m, i)
    case .comptime(let m, let i):
      guard reach(.comptime(module: m, index: i), owner: m) else { return }
      if let value = program.comptimeValues[m][i] { type(value.type) }
    case .module(let m): table(m)
    case .builtin: break
    case .trait(let m, let i): trait(.user(module: m, index: i))
    case .traitAlias(let m, let i):
      guard reach(.traitAlias(module: m, index: i), owner: m) else { return }
      for t in program.traitAliases[m][i] ?? [] { trait(t) }
    }
  }

  mutating func function(_ m: Int, _ i: Int) {
    guard i >= 0, i < program.signatures[m].count, reach(.function(module: m, index: i), owner: m) else { return }
    signature(program.signatures[m][i])
  }

  mutating func signature(_ signature: FunctionSignature) {
    for parameter in signature.parameters { type(parameter.type) }
    type(signature.result)
    type(signature.raisedType)
    generics(signature.genericParameters)
  }

  mutating func generics(_ parameters: [GenericParameterInfo]) {
    for parameter in parameters {
      for bound in parameter.bounds { trait(bound) }
      if let valueType = parameter.valueType { type(valueType) }
    }
  }

  mutating func structType(_ m: Int, _ i: Int) {
    guard i >= 0, i < program.structs[m].count, reach(.structType(module: m, index: i), owner: m) else { return }
    let info = program.structs[m][i]
    for field in info.fieldTypes { type(field) }
    for index in info.methods.values.sorted() { function(m, index) }
    for index in info.initializers { function(m, index) }
    for index in [info.initializer, info.copyInitializer, info.moveInitializer, info.destructor].compactMap({ $0 }) {
      function(m, index)
    }
    generics(info.genericParameters)
    for conformance in info.conformances { trait(conformance) }
  }

  mutating func trait(_ reference: TraitRef) {
    guard case .user(let m, let i) = reference, i >= 0, i < program.traits[m].count,
      reach(.trait(module: m, index: i), owner: m)
    else { return }
    let info = program.traits[m][i]
    for parent in info.parents { trait(parent) }
    for requirement in info.requirements { signature(requirement.signature) }
    for index in info.defaults.values.sorted() { function(m, index) }
  }

  mutating func type(_ type: SemaType) {
    switch type {
    case .structType(let m, let i): structType(m, i)
    case .boundStruct(let m, let i, let arguments):
      structType(m, i)
      for argument in arguments { self.type(argument) }
    case .list(let e), .set(let e), .optional(let e), .typeValue(let e): self.type(e)
    case .dict(let k, let v), .dictEntry(let k, let v):
      self.type(k)
      self.type(v)
    case .tuple(let elements): for e in elements { self.type(e) }
    case .module(let m): table(m)
    default: break
    }
  }
}
