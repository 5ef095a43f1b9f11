//! The checker's view of a whole project: modules with their syntax trees, module-level
//! symbols, resolved function signatures, and (after checking) per-module facts for lowering.
import MojoDiagnostics
import MojoSyntax

/// One module of the project, as the driver found and parsed it.
public struct SourceModule: Sendable {
  /// Dotted module name relative to the project root: `main`, `util`, `geom.point`, `geom`.
  public var name: String
  /// The file, or nil for a package folder without `__init__.mojo`.
  public var file: SourceFile?
  public var tree: SyntaxTree
  /// True when this module is a package's `__init__.mojo` (or a bare package folder):
  /// relative imports resolve inside it rather than in its parent.
  public var isPackage: Bool

  public init(name: String, file: SourceFile?, tree: SyntaxTree, isPackage: Bool) {
    self.name = name
    self.file = file
    self.tree = tree
    self.isPackage = isPackage
  }
}

/// A module-level name.
public enum Symbol: Sendable, Equatable {
  /// A module-level function: module and index into that tree's `functions`.
  case function(module: Int, index: Int)
  /// A struct: module and index into that tree's `structs`.
  case structType(module: Int, index: Int)
  /// A `comptime` constant: module and index into that tree's `comptimes`.
  case comptime(module: Int, index: Int)
  /// A module (bound by `import`, or a submodule imported by `from pkg import mod`).
  case module(Int)
  /// A function of the standard library subset (`std.math`).
  case builtin(BuiltinFunction)
  /// A `trait`: module and index into that tree's `traits`.
  case trait(module: Int, index: Int)
  /// `comptime Alias = TraitA & TraitB`: module and index into that tree's `comptimes`; the
  /// traits it stands for are `Program.traitAliases`.
  case traitAlias(module: Int, index: Int)
}

/// Library functions implemented by the compiler: `std.math` (LANGUAGE.md §10.3) and the
/// assertions of `std.testing` (BodyChecker+Testing.swift).
public enum BuiltinFunction: String, Sendable, CaseIterable {
  case sqrt, floor, ceil, trunc
  /// Float64 functions of one argument computed by the runtime (`mojo_rt_NAME`,
  /// runtime_math.inc).
  case exp, exp2, log, log2, log10, log1p, expm1, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, cbrt
  /// Float64 functions of two arguments: `atan2(y, x)`, `hypot(x, y)`, `pow(x, y)`, `copysign(x, y)`.
  case atan2, hypot, pow, copysign
  /// Float64 predicates: `isnan(x)`, `isinf(x)`, `isfinite(x)`.
  case isnan, isinf, isfinite
  /// Constants (FloatLiterals): `pi`, `e`, `tau`; `inf[DType.float64]()`, `nan[DType.float64]()`.
  case pi, e, tau, inf, nan
  /// `factorial(n)`, `gcd(a, b)`, `lcm(a, b)` of `Int` values.
  case factorial, gcd, lcm
  case assert_equal, assert_not_equal, assert_true, assert_false, assert_almost_equal, assert_raises

  /// The module that declares it.
  public var module: String {
    switch self {
    case .assert_equal, .assert_not_equal, .assert_true, .assert_false, .assert_almost_equal, .assert_raises: "std.testing"
    default: "std.math"
    }
  }

  /// The value of a constant of `std.math` (`pi`, `e`, `tau`), or nil.
  public var constantValue: Double? {
    switch self {
    case .pi: Double.pi
    case .e: 2.718281828459045
    case .tau: 2 * Double.pi
    default: nil
    }
  }

  /// True for the functions of two `Float64` arguments.
  public var isBinaryMath: Bool { self == .atan2 || self == .hypot || self == .pow || self == .copysign }

  /// True for `isnan`, `isinf`, `isfinite` (a `Bool` result).
  public var isPredicate: Bool { self == .isnan || self == .isinf || self == .isfinite }

  /// True for the functions Mojo 1.2 computes with its own Float64 algorithms (mojoc repeats
  /// them for `Float64` only; a `Float32` argument would take Mojo's binary32 variants).
  public var isFloat64Only: Bool { self == .exp || self == .exp2 || self == .log2 || self == .cosh || self == .pow }

  /// True for the `std.math` functions of `Int` values (`factorial`, `gcd`, `lcm`).
  public var isIntegerMath: Bool { self == .factorial || self == .gcd || self == .lcm }
}

/// One parameter of a resolved signature.
public struct ParameterInfo: Sendable {
  public var name: String
  public var type: SemaType
  /// The folded default value, if the parameter has one.
  public var defaultValue: ConstantValue?
  public var convention: ParameterConvention
  /// Declared after a bare `*`: an argument reaches it only by keyword.
  public var isKeywordOnly = false
  /// `*name: T`: the remaining positional arguments, passed as one `List[T]` (`type`; a
  /// `VariadicList` in Mojo: `len`, `[i]` and `for` behave the same).
  public var isVariadic = false

  /// True when the argument is passed as the address of the caller's storage: a `mut`
  /// parameter whose value is not already a reference (lists and structs are).
  public var isByReference: Bool {
    convention == .mut && type.isScalar
  }
}

/// A function's resolved signature and linker symbol.
public struct FunctionSignature: Sendable {
  /// The name used in messages (`add`, `Point.norm`).
  public var displayName: String
  public var parameters: [ParameterInfo]
  public var result: SemaType
  /// The linker symbol the lowering gives the function.
  public var symbol: String
  /// Declared `raises` (a plain `def` does not raise in Mojo 1.2).
  public var raises: Bool
  /// What it raises: `Error`, or the struct of `raises E` (carried as its pointer; Writable
  /// ones become an `Error` of their text where an `Error` is expected).
  public var raisedType = SemaType.errorValue
  /// The compile-time parameters in scope: the owning generic struct's, then the function's
  /// own; `.typeParameter(k)` in the types above refers to entry k. Empty when not generic.
  public var genericParameters: [GenericParameterInfo] = []
  /// How many leading entries of `genericParameters` belong to the owning struct.
  public var structParameterCount = 0

  /// True when the function must be instantiated before it can be checked or lowered.
  public var isGeneric: Bool { !genericParameters.isEmpty }
}

/// A struct's resolved fields, methods and construction (LANGUAGE.md §9.2).
public struct StructInfo: Sendable {
  public var name: String
  public var fieldNames: [String]
  public var fieldTypes: [SemaType]
  /// Method name to index into the tree's `functions`.
  public var methods: [String: Int]
  /// `@fieldwise_init`: the synthesized initializer takes one argument per field.
  public var isFieldwiseInit: Bool
  /// The explicit `__init__`, if any (not the copy or move constructor).
  public var initializer: Int?
  /// Every explicit `__init__` (overloads chosen by their arguments) in declaration order;
  /// `initializer` is the first.
  public var initializers: [Int] = []
  /// `__init__(out self, *, copy: Self)`: what `.copy()` and implicit copies call.
  public var copyInitializer: Int?
  /// `__init__(out self, *, deinit move: Self)`: what `x^` into new storage calls.
  public var moveInitializer: Int?
  /// `__deinit__(deinit self)` (or the deprecated `__del__`): run where the value dies.
  public var destructor: Int?
  /// Per field: read by the destructor's body (`self.name`). Fields it does not read die before
  /// it runs, the others after (Mojo destroys each field after its last use there).
  public var destructorReadsField: [Bool] = []
  /// Declared `ImplicitlyCopyable`.
  public var isImplicitlyCopyable: Bool
  /// The compile-time parameters of a generic struct (field types refer to them).
  public var genericParameters: [GenericParameterInfo] = []
  /// The traits the struct declares it conforms to (built-in ones by name).
  public var conformances: [TraitRef] = []
}

/// The whole project as the checker sees it, before and after checking bodies.
public struct Program: Sendable {
  /// Modules in discovery order; module 0 is `main`.
  public var modules: [SourceModule]
  /// Dotted module name to module index.
  public var moduleIndex: [String: Int]
  /// Per module: its names (own declarations and imported names).
  public var symbols: [[String: Symbol]]
  /// Per module, per `SyntaxTree.functions` index: the resolved signature.
  public var signatures: [[FunctionSignature]]
  /// Per module, per `comptimes` index: the folded value (nil if it failed).
  public var comptimeValues: [[(value: ConstantValue, type: SemaType)?]]
  /// Per module, per `structs` index: fields and methods.
  public var structs: [[StructInfo]]
  /// Per module, per `traits` index: the requirements.
  public var traits: [[TraitInfo]]
  /// Per module: the traits each trait alias (by `comptimes` index) stands for.
  public var traitAliases: [[Int: [TraitRef]]]
  /// Per module: the type each type alias (`comptime Pair = Tuple[Int, Int]`, by `comptimes`
  /// index) stands for; its symbol stays `.comptime`.
  public var typeAliases: [[Int: SemaType]]
  /// Dotted names of every module and package in the project folder, loaded or not (the
  /// driver's listing): what an import that names none may have meant.
  public var folderModules: [String] = []

  public init(modules: [SourceModule]) {
    self.modules = modules
    self.moduleIndex = [:]
    for (i, m) in modules.enumerated() { moduleIndex[m.name] = i }
    self.symbols = Array(repeating: [:], count: modules.count)
    self.signatures = Array(repeating: [], count: modules.count)
    self.comptimeValues = Array(repeating: [], count: modules.count)
    self.structs = Array(repeating: [], count: modules.count)
    self.traits = Array(repeating: [], count: modules.count)
    self.traitAliases = Array(repeating: [:], count: modules.count)
    self.typeAliases = Array(repeating: [:], count: modules.count)
  }

  /// The struct behind a struct type; a bound generic struct's field types are substituted.
  public func structInfo(_ type: SemaType) -> StructInfo? {
    switch type {
    case .structType(let m, let i): return structs[m][i]
    case .boundStruct(let m, let i, let arguments):
      var info = structs[m][i]
      info.fieldTypes = info.fieldTypes.map { $0.substituting(arguments) }
      info.name = displayName(of: type)
      return info
    default: return nil
    }
  }
}
