//! A module's interface: what other modules can see of it once it is bound — its names (own and
//! imported), every function's signature and linker symbol, its structs' fields and methods, its
//! folded `comptime` values and its traits — written as deterministic text. Function bodies are
//! not part of it, so editing a body leaves the interface unchanged. Types are written with
//! module names, never indices, so the text does not depend on the order modules were found.
//! The build's action cache hashes it: a module's object depends on its own source and on the
//! interfaces of the modules it reaches through imports.

extension Program {
  /// The interface of module `m` as deterministic text (same program, same text, whatever the
  /// process or the order modules were discovered in).
  public func interfaceText(of m: Int) -> String {
    var out = "module \(modules[m].name)\(modules[m].isPackage ? " package" : "")\n"
    for name in symbols[m].keys.sorted() {
      out += "name \(name) = \(describe(symbols[m][name]!))\n"
    }
    for (index, signature) in signatures[m].enumerated() {
      out += "function \(index) \(describe(signature))\n"
    }
    for (index, info) in structs[m].enumerated() {
      out += "struct \(index) \(info.name)"
      out += " fields(\(zip(info.fieldNames, info.fieldTypes).map { "\($0): \(interfaceName(of: $1))" }.joined(separator: ", ")))"
      out += " methods(\(info.methods.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")))"
      out += " fieldwise=\(info.isFieldwiseInit) init=\(info.initializer.map(String.init) ?? "-")"
      out += " copy=\(info.copyInitializer.map(String.init) ?? "-") move=\(info.moveInitializer.map(String.init) ?? "-")"
      // Which fields the destructor reads comes from its body, and decides where importers
      // destroy the other fields: part of the interface.
      out += " deinit=\(info.destructor.map(String.init) ?? "-") reads(\(info.destructorReadsField.map { $0 ? "1" : "0" }.joined()))"
      out += " copyable=\(info.isImplicitlyCopyable) generics(\(describe(info.genericParameters)))"
      out += " conforms(\(info.conformances.map(describe).joined(separator: ",")))\n"
    }
    for (index, value) in comptimeValues[m].enumerated() {
      out += "comptime \(index) = \(value.map { "\(describe($0.value)): \(interfaceName(of: $0.type))" } ?? "-")\n"
    }
    for (index, trait) in traits[m].enumerated() {
      out += "trait \(index) \(trait.name) parents(\(trait.parents.map(describe).joined(separator: ",")))"
      out += " requires(\(trait.requirements.map { "\($0.name): \(describe($0.signature))" }.joined(separator: "; ")))"
      out += " defaults(\(trait.defaults.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")))\n"
    }
    return out
  }

  /// A type as the interface writes it: struct types by module and name.
  func interfaceName(of type: SemaType) -> String {
    switch type {
    case .structType, .boundStruct: mangledName(of: type)
    case .list(let e): "List[\(interfaceName(of: e))]"
    case .tuple(let elements): "Tuple[\(elements.map(interfaceName).joined(separator: ","))]"
    case .dict(let k, let v): "Dict[\(interfaceName(of: k)),\(interfaceName(of: v))]"
    case .set(let e): "Set[\(interfaceName(of: e))]"
    case .optional(let e): "Optional[\(interfaceName(of: e))]"
    case .dictEntry(let k, let v): "DictEntry[\(interfaceName(of: k)),\(interfaceName(of: v))]"
    case .typeParameter(let k): "$\(k)"
    case .module(let m): "module(\(modules[m].name))"
    case .typeValue(let t): "type(\(interfaceName(of: t)))"
    default: type.description
    }
  }

  func describe(_ symbol: Symbol) -> String {
    switch symbol {
    case .function(let m, let i): "function \(modules[m].name)#\(i)"
    case .structType(let m, let i): "struct \(modules[m].name)#\(i)"
    case .comptime(let m, let i): "comptime \(modules[m].name)#\(i)"
    case .module(let m): "module \(modules[m].name)"
    case .builtin(let f): "builtin \(f.rawValue)"
    case .trait(let m, let i): "trait \(modules[m].name)#\(i)"
    case .traitAlias(let m, let i): "traits(\((traitAliases[m][i] ?? []).map(describe).joined(separator: ",")))"
    }
  }

  func describe(_ signature: FunctionSignature) -> String {
    let parameters = signature.parameters.map { p in
      "\(p.convention) \(p.isVariadic ? "*" : "")\(p.name): \(interfaceName(of: p.type))\(p.defaultValue.map { " = " + describe($0) } ?? "")"
    }
    return "\(signature.symbol) \(signature.displayName)(\(parameters.joined(separator: ", ")))"
      + " -> \(interfaceName(of: signature.result))\(signature.raises ? " raises" : "")"
      + "\(signature.raisedType == .errorValue ? "" : " " + interfaceName(of: signature.raisedType))"
      + " generics(\(describe(signature.genericParameters)) struct=\(signature.structParameterCount))"
  }

  func describe(_ parameters: [GenericParameterInfo]) -> String {
    parameters.map { p in
      "\(p.name): \(p.bounds.map(describe).joined(separator: "&"))\(p.valueType.map { " " + interfaceName(of: $0) } ?? "")"
        + "\(p.defaultValue.map { " = \($0)" } ?? "")"
    }.joined(separator: ", ")
  }

  func describe(_ trait: TraitRef) -> String {
    switch trait {
    case .user(let m, let i): "\(modules[m].name)#\(i)"
    case .builtin(let b): b.rawValue
    }
  }

  func describe(_ value: ConstantValue) -> String {
    switch value {
    case .int(let v): "int \(v)"
    case .float(let v): "float \(v)"
    case .bool(let v): "bool \(v)"
    case .string(let bytes): "string \(bytes)"
    }
  }
}
