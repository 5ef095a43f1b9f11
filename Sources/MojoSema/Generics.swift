//! Traits and compile-time parameters (issue 13 item 2). Generics are monomorphized before the
//! IR: a generic function is never checked or lowered as such. A call (or a method call on a
//! bound generic struct such as `Stack[Int]`) names a `FunctionInstance`; after every module is
//! checked, `Instantiator` checks each requested instance's body with its parameters bound,
//! and the lowering emits one IR function per instance, named by `Program.symbol(of:)`.
import MojoSyntax

/// One compile-time parameter of a function or struct, resolved.
public struct GenericParameterInfo: Sendable, Hashable {
  public var name: String
  /// The traits a type parameter must conform to (empty for a value parameter).
  public var bounds: [TraitRef]
  /// For a value parameter (`n: Int`), its type; nil for a type parameter.
  public var valueType: SemaType?
  /// A value parameter's default (`n: Int = 2`).
  public var defaultValue: Int64? = nil
}

/// A trait: a user `trait` declaration or one of the standard library's.
public enum TraitRef: Sendable, Hashable {
  case user(module: Int, index: Int)
  case builtin(BuiltinTrait)
}

/// The standard library traits a program may name in bounds and conformance lists.
public enum BuiltinTrait: String, Sendable, CaseIterable {
  case anyType = "AnyType", copyable = "Copyable", movable = "Movable", implicitlyCopyable = "ImplicitlyCopyable"
  case writable = "Writable", comparable = "Comparable", equatable = "Equatable", equalityComparable = "EqualityComparable"
  case hashable = "Hashable", defaultable = "Defaultable", deinitable = "Deinitable"
  case boolable = "Boolable", intable = "Intable", sized = "Sized", representable = "Representable"
  case keyElement = "KeyElement", registerPassable = "RegisterPassable"
  case trivialRegisterPassable = "TrivialRegisterPassable"
  case writer = "Writer"
}

/// A trait's resolved requirements.
public struct TraitInfo: Sendable {
  public var name: String
  /// The traits it refines.
  public var parents: [TraitRef]
  /// The methods a conforming struct must have: name, and signature with `Self` as
  /// `.typeParameter(0)`.
  public var requirements: [(name: String, signature: FunctionSignature, offset: UInt32)]
  /// Methods with a default body, by name: index into the trait module's `functions`.
  public var defaults: [String: Int] = [:]
}

/// A compile-time argument: a type, or the value of a value parameter.
public enum GenericArgument: Sendable, Hashable {
  case type(SemaType)
  case value(Int64)
}

/// A generic function (or a method of a generic struct) with its parameters bound.
public struct FunctionInstance: Sendable, Hashable {
  public var module: Int
  /// Index into the module tree's `functions`.
  public var function: Int
  /// One per entry of the signature's `genericParameters`.
  public var arguments: [GenericArgument]

  public init(module: Int, function: Int, arguments: [GenericArgument]) {
    self.module = module
    self.function = function
    self.arguments = arguments
  }

  /// The arguments as types (a value argument's slot holds `.error`, never referenced).
  public var typeArguments: [SemaType] {
    arguments.map { if case .type(let t) = $0 { t } else { .error } }
  }
}

extension SemaType {
  /// The type with every `.typeParameter(k)` replaced by `arguments[k]`.
  public func substituting(_ arguments: [SemaType]) -> SemaType {
    switch self {
    case .typeParameter(let k): k < arguments.count ? arguments[k] : .error
    case .list(let e): .list(e.substituting(arguments))
    case .tuple(let elements): .tuple(elements.map { $0.substituting(arguments) })
    case .boundStruct(let m, let i, let a): .boundStruct(module: m, index: i, arguments: a.map { $0.substituting(arguments) })
    case .typeValue(let t): .typeValue(t.substituting(arguments))
    default: self
    }
  }

  /// True when the type mentions a compile-time parameter.
  public var mentionsTypeParameter: Bool {
    switch self {
    case .typeParameter: true
    case .list(let e), .typeValue(let e): e.mentionsTypeParameter
    case .tuple(let elements), .boundStruct(_, _, let elements): elements.contains { $0.mentionsTypeParameter }
    default: false
    }
  }

  /// Binds the parameters `pattern` mentions so that it matches `actual`; false on a conflict
  /// or a shape mismatch.
  public static func unify(_ pattern: SemaType, _ actual: SemaType, into bindings: inout [SemaType?]) -> Bool {
    switch (pattern, actual) {
    case (.typeParameter(let k), _):
      guard k < bindings.count else { return false }
      if let bound = bindings[k] { return bound == actual }
      bindings[k] = actual
      return true
    case (.list(let p), .list(let a)): return unify(p, a, into: &bindings)
    case (.tuple(let p), .tuple(let a)) where p.count == a.count:
      return zip(p, a).allSatisfy { unify($0, $1, into: &bindings) }
    case (.boundStruct(let pm, let pi, let p), .boundStruct(let am, let ai, let a)) where pm == am && pi == ai && p.count == a.count:
      return zip(p, a).allSatisfy { unify($0, $1, into: &bindings) }
    default: return pattern == actual
    }
  }
}

extension FunctionSignature {
  /// The signature with its compile-time parameters bound (no longer generic).
  public func substituting(_ arguments: [SemaType]) -> FunctionSignature {
    var s = self
    for k in s.parameters.indices { s.parameters[k].type = s.parameters[k].type.substituting(arguments) }
    s.result = s.result.substituting(arguments)
    s.genericParameters = []
    s.structParameterCount = 0
    return s
  }
}

extension Program {
  /// A type's name as Mojo prints it in messages (`Point`, `Stack[Int]`, `List[Point]`).
  public func displayName(of type: SemaType) -> String {
    switch type {
    case .structType(let m, let i): structs[m][i].name
    case .boundStruct(let m, let i, let arguments):
      "\(structs[m][i].name)[\(arguments.map { displayName(of: $0) }.joined(separator: ", "))]"
    case .list(let e): "List[\(displayName(of: e))]"
    case .tuple(let elements): "Tuple[\(elements.map { displayName(of: $0) }.joined(separator: ", "))]"
    default: type.description
    }
  }

  /// A type's name in symbols: unique across modules (`geom.Point`, `main.Stack[Int]`).
  func mangledName(of type: SemaType) -> String {
    switch type {
    case .structType(let m, let i): "\(modules[m].name).\(structs[m][i].name)"
    case .boundStruct(let m, let i, let arguments):
      "\(modules[m].name).\(structs[m][i].name)[\(arguments.map { mangledName(of: $0) }.joined(separator: ","))]"
    case .list(let e): "List[\(mangledName(of: e))]"
    case .tuple(let elements): "Tuple[\(elements.map { mangledName(of: $0) }.joined(separator: ","))]"
    default: type.description
    }
  }

  /// The linker symbol of an instance: the generic function's symbol and its arguments
  /// (`mj.main::biggest[Int]`, `mj.main::Stack.push[Int]`); the same for every job and `-j`.
  public func symbol(of instance: FunctionInstance) -> String {
    let base = signatures[instance.module][instance.function].symbol
    let arguments = instance.arguments.map { argument -> String in
      switch argument {
      case .type(let t): mangledName(of: t)
      case .value(let v): String(v)
      }
    }
    return "\(base)[\(arguments.joined(separator: ","))]"
  }

  /// The signature of an instance: parameter types bound, its own symbol.
  public func signature(of instance: FunctionInstance) -> FunctionSignature {
    var s = signatures[instance.module][instance.function].substituting(instance.typeArguments)
    s.symbol = symbol(of: instance)
    return s
  }

  /// A default method `name` that struct type `type` gets from one of its traits (or their
  /// parents), when it does not define the method itself: the trait's module and function.
  public func inheritedMethod(_ name: String, of type: SemaType) -> (module: Int, function: Int)? {
    guard let info = structInfo(type) else { return nil }
    var seen = Set<TraitRef>()
    func search(_ trait: TraitRef) -> (module: Int, function: Int)? {
      guard case .user(let m, let i) = trait, seen.insert(trait).inserted else { return nil }
      if let f = traits[m][i].defaults[name] { return (m, f) }
      for parent in traits[m][i].parents { if let found = search(parent) { return found } }
      return nil
    }
    for trait in info.conformances { if let found = search(trait) { return found } }
    return nil
  }

  /// A trait's name in messages.
  public func name(of trait: TraitRef) -> String {
    switch trait {
    case .user(let m, let i): traits[m][i].name
    case .builtin(let b): b.rawValue
    }
  }

  /// True when `type` conforms to `trait`: a struct by its declaration (a user trait also
  /// through a refinement), built-in types to the standard traits they have in Mojo 1.2.
  public func conforms(_ type: SemaType, to trait: TraitRef) -> Bool {
    if case .builtin(.anyType) = trait { return true }
    if case .builtin(.deinitable) = trait { return true }
    switch type {
    case .int, .float64, .bool, .string, .numeric:
      guard case .builtin(let b) = trait else { return false }
      switch b {
      case .sized: return type == .string
      case .writer: return false
      default: return true
      }
    case .list(let e):
      guard case .builtin(let b) = trait else { return false }
      switch b {
      case .copyable, .movable, .sized, .boolable, .defaultable: return true
      case .writable, .representable, .equatable: return conforms(e, to: trait)
      default: return false
      }
    case .tuple(let elements):
      guard case .builtin(let b) = trait else { return false }
      return [.copyable, .movable, .implicitlyCopyable].contains(b) && elements.allSatisfy { conforms($0, to: trait) }
    case .errorValue:
      guard case .builtin(let b) = trait else { return false }
      return [.copyable, .movable, .writable, .implicitlyCopyable].contains(b)
    case .structType, .boundStruct:
      guard let info = structInfo(type) else { return false }
      return info.conformances.contains { refines($0, trait) }
    default:
      return false
    }
  }

  /// True when conforming to `declared` implies conforming to `trait`.
  func refines(_ declared: TraitRef, _ trait: TraitRef) -> Bool {
    if declared == trait { return true }
    switch declared {
    case .builtin(.implicitlyCopyable): return trait == .builtin(.copyable) || trait == .builtin(.movable)
    case .builtin(.copyable): return trait == .builtin(.movable)
    case .builtin(.comparable): return trait == .builtin(.equatable) || trait == .builtin(.equalityComparable)
    case .builtin(.equatable): return trait == .builtin(.equalityComparable)
    case .builtin(.equalityComparable): return trait == .builtin(.equatable)
    case .builtin(.keyElement): return [.builtin(.copyable), .builtin(.movable), .builtin(.hashable), .builtin(.equatable)].contains(trait)
    case .user(let m, let i):
      // Before the traits are resolved (the binder's field checks) a user trait refines nothing known.
      guard m < traits.count, i < traits[m].count else { return false }
      return traits[m][i].parents.contains { refines($0, trait) }
    default: return false
    }
  }
}
