//! Lowers one checked module to one IR module: every function of the module becomes a defined
//! IR function (same order as in the tree), calls to other modules and to the runtime become
//! declarations. This is the only place where language semantics become IR; statement and
//! expression lowering are in `FunctionLowering*.swift`.
import MojoDiagnostics
import MojoIR
import MojoProfiling
import MojoSema
import MojoSyntax

/// Lowers a checked module. A reference type so that function lowerings can add declarations
/// and data without copying the module under construction; it belongs to one job.
public final class ModuleLowering {
  let program: Program
  /// The checked tables; emptied once every body is lowered (`run`).
  private(set) var sharedChecked: Shared<CheckedModule>
  /// The module's syntax tree (the driver hands it over apart from `program`, so that it is
  /// freed as soon as this module is lowered); emptied once every body is lowered (`run`).
  private(set) var sharedTree: Shared<SyntaxTree>
  /// The checked tables of the module (`sharedChecked`'s).
  var checked: CheckedModule {
    @inline(__always) get { sharedChecked.value }
  }
  /// The module's syntax tree (`sharedTree`'s).
  var tree: SyntaxTree {
    @inline(__always) get { sharedTree.value }
  }
  /// The module's source file (for the locations of run-time checks); nil for a package folder.
  private(set) var file: SourceFile?
  var ir: IRModule
  /// Tree function index to the IR function defining it.
  var definedFunctions: [FunctionRef] = []
  /// Declarations already added, by symbol.
  var declarations: [String: FunctionRef] = [:]
  /// Declarations of other modules' functions, by `module << 32 | index` (no symbol hashing
  /// per call).
  var externalFunctions: [Int: FunctionRef] = [:]
  /// String literal data objects, by content.
  var stringData: [[UInt8]: DataID] = [:]
  /// The builder the functions are lowered with, one after another (its storage is reused).
  var builder: FunctionBuilder? = FunctionBuilder(parameterTypes: [])
  /// Generated helper functions (deep copy, list printing), by the type they serve.
  var copyHelpers: [SemaType: FunctionRef] = [:]
  var stringHelpers: [SemaType: FunctionRef] = [:]
  /// The shared empty `Optional` box (`None`), made on first use.
  var noneData: DataID?
  var writableHelpers: [SemaType: FunctionRef] = [:]
  var destroyHelpers: [SemaType: FunctionRef] = [:]
  var equalityHelpers: [SemaType: FunctionRef] = [:]
  var containsHelpers: [SemaType: FunctionRef] = [:]
  var reprHelpers: [SemaType: FunctionRef] = [:]
  /// True when some struct of the program has a destructor (else no destruction is planned).
  lazy var hasDestructors: Bool = program.structs.contains { $0.contains { $0.destructor != nil } }
  /// Per type: whether a value of it runs a destructor when it dies (`needsDestroy`).
  var destructibleTypes: [SemaType: Bool] = [:]
  /// Instances of generic functions called, by instance.
  var instanceFunctions: [FunctionInstance: (FunctionRef, FunctionSignature)] = [:]

  /// Lowers `checked` (module `checked.module` of `program`) to IR. `tree` is that module's
  /// syntax tree and `file` its source when `program` no longer holds them (nil: `program`'s).
  public static func lower(_ checked: consuming CheckedModule, tree: consuming SyntaxTree? = nil,
                           file: consuming SourceFile? = nil, in program: Program) -> IRModule {
    let m = checked.module
    let lowering = ModuleLowering(program: program, checked: checked, tree: tree ?? program.modules[m].tree,
                                  file: file ?? program.modules[m].file)
    lowering.run()
    return lowering.ir
  }

  init(program: Program, checked: CheckedModule, tree: SyntaxTree, file: SourceFile?) {
    self.program = program
    self.sharedChecked = Shared(checked)
    self.sharedTree = Shared(tree)
    self.file = file
    self.ir = IRModule(name: program.modules[checked.module].name)
  }

  private func run() {
    let m = checked.module
    let signatures = program.signatures[m]
    for signature in signatures {
      // A generic function has no IR function of its own: its instances do (below).
      if signature.isGeneric {
        definedFunctions.append(FunctionRef(0))
        continue
      }
      ir.functions.append(IRFunction(defining: signature.symbol, parameterTypes: Self.irParameterTypes(signature),
                                     returnType: Self.irType(signature.result), linkage: .exported))
      definedFunctions.append(FunctionRef(ir.functions.count - 1))
      declarations[signature.symbol] = FunctionRef(ir.functions.count - 1)
    }
    var instanceRefs: [FunctionRef] = []
    for instance in checked.instances {
      let signature = instance.signature
      ir.functions.append(IRFunction(defining: signature.symbol, parameterTypes: Self.irParameterTypes(signature),
                                     returnType: Self.irType(signature.result), linkage: .exported))
      instanceRefs.append(FunctionRef(ir.functions.count - 1))
      declarations[signature.symbol] = FunctionRef(ir.functions.count - 1)
    }
    for (k, instance) in checked.instances.enumerated() {
      let ref = instanceRefs[k]
      CurrentJob.measure(.lowerFunction, instance.signature.symbol) {
        var lowering = FunctionLowering(module: self, function: instance.function, builder: takeBuilder(),
                                        checked: Shared(instance.tables), signature: instance.signature)
        lowering.lowerBody()
        lowering.builder.finish(into: &ir.functions[Int(ref.index)])
        builder = lowering.builder
      }
    }
    // A huge body stays in its builder until every body is lowered: its copy into the IR
    // function is then made after the tree and the checked tables are freed, not on top of
    // them (the 1M-line `prints` project's one function: about 100 MB less at the peak).
    var unfinished: [(builder: FunctionBuilder, function: Int)] = []
    for checkedFunction in checked.functions {
      let ref = definedFunctions[checkedFunction.function]
      // A span per function when the driver profiles this job (--time-trace, --timings).
      CurrentJob.measure(.lowerFunction, signatures[checkedFunction.function].symbol) {
        var lowering = FunctionLowering(module: self, function: checkedFunction, builder: takeBuilder())
        lowering.lowerBody()
        if lowering.builder.instructionCount > FunctionBuilder.keptCapacity {
          unfinished.append((lowering.builder, Int(ref.index)))  // the next function takes a new builder
        } else {
          lowering.builder.finish(into: &ir.functions[Int(ref.index)])
          builder = lowering.builder  // its storage serves the next function
        }
      }
    }
    guard !unfinished.isEmpty else { return }
    sharedTree = Shared(SyntaxTree())
    sharedChecked = Shared(CheckedModule.unchecked(module: m))
    file = nil
    while var body = unfinished.popLast() {  // the only reference: finishing frees its lists
      body.builder.finish(into: &ir.functions[body.function])
    }
  }

  /// Moves the reusable builder out (so that it is uniquely referenced while in use; a shared
  /// one would copy its buffers on the first change).
  private func takeBuilder() -> FunctionBuilder {
    let taken = builder ?? FunctionBuilder(parameterTypes: [])
    builder = nil
    return taken
  }

  // MARK: - Types and symbols

  /// The IR type that holds a value of a checked type.
  static func irType(_ t: SemaType) -> IRType {
    switch t {
    case .int, .intLiteral: .i64
    case .float64, .floatLiteral: .f64
    case .numeric(let n): n.isFloat ? .f64 : .i64
    case .bool: .i1
    case .none: .void
    case .string, .stringLiteral, .list, .structType, .boundStruct, .errorValue, .tuple, .dict, .set, .optional, .dictEntry: .ptr
    case .module, .typeValue, .error, .typeParameter: .i64
    }
  }

  /// The IR function of a generic function's instance (defined here or in its module) and
  /// its signature.
  func instanceFunction(_ instance: FunctionInstance) -> (FunctionRef, FunctionSignature) {
    if let known = instanceFunctions[instance] { return known }
    let signature = program.signature(of: instance)
    let ref = declare(signature.symbol, Self.irParameterTypes(signature), Self.irType(signature.result))
    instanceFunctions[instance] = (ref, signature)
    return (ref, signature)
  }

  /// The IR function and signature of a method named by an instance: the instance's own when
  /// the method is generic, else the plain method (its instance has no arguments).
  func callee(of instance: FunctionInstance) -> (FunctionRef, FunctionSignature) {
    if program.signatures[instance.module][instance.function].isGeneric { return instanceFunction(instance) }
    return (functionRef(module: instance.module, index: instance.function), program.signatures[instance.module][instance.function])
  }

  /// The IR function to call for user function `index` of module `module`.
  func functionRef(module: Int, index: Int) -> FunctionRef {
    if module == checked.module { return definedFunctions[index] }
    let key = module << 32 | index
    if let ref = externalFunctions[key] { return ref }
    let signature = program.signatures[module][index]
    let ref = declare(signature.symbol, Self.irParameterTypes(signature), Self.irType(signature.result))
    externalFunctions[key] = ref
    return ref
  }

  /// IR parameter types of a signature: by-reference (`mut` scalar) parameters are addresses;
  /// a raising function takes the address of the error slot last.
  static func irParameterTypes(_ signature: FunctionSignature) -> [IRType] {
    let types = signature.parameters.map { $0.isByReference ? IRType.ptr : irType($0.type) }
    return takesErrorSlot(signature) ? types + [.ptr] : types
  }

  /// True for a raising function other than the entry `main` (which the runtime calls without
  /// arguments; it reports an uncaught error itself).
  static func takesErrorSlot(_ signature: FunctionSignature) -> Bool {
    signature.raises && signature.symbol != entrySymbol
  }

  /// The symbol of the program's `main`.
  static let entrySymbol = "mojo_main"


  /// The declaration of an external function, added once.
  func declare(_ symbol: String, _ parameters: [IRType], _ result: IRType) -> FunctionRef {
    if let ref = declarations[symbol] { return ref }
    let ref = ir.declare(symbol, parameters: parameters, returns: result)
    declarations[symbol] = ref
    return ref
  }

  /// The data object of a string literal: its length as 8 little-endian bytes, then its bytes
  /// (the runtime's `MojoString` layout).
  func stringConstant(_ bytes: [UInt8]) -> DataID {
    if let id = stringData[bytes] { return id }
    var blob: [UInt8] = []
    blob.reserveCapacity(8 + bytes.count)
    var length = UInt64(bytes.count)
    for _ in 0..<8 {
      blob.append(UInt8(truncatingIfNeeded: length))
      length >>= 8
    }
    blob.append(contentsOf: bytes)
    let id = ir.addData(blob)
    stringData[bytes] = id
    return id
  }

  /// The source location of `offset` as a String data object, "path:line:col" with the file's
  /// absolute path, as Mojo 1.2 reports a failed check (`At: /abs/main.mojo:4:13: Assert Error:
  /// ...`). Runtime functions that check something take its address as their last argument.
  func sourceLocation(_ offset: UInt32) -> DataID {
    guard let file else { return stringConstant([]) }
    let (line, column) = file.lineAndColumn(of: Int(offset))
    return stringConstant(Array("\(file.absolutePath):\(line):\(column)".utf8))
  }

  /// The module's source text (empty for a package folder without `__init__.mojo`).
  var sourceBytes: [UInt8] { file?.bytes ?? [] }

  /// The location of checks that cannot fail (helpers walking a list by its own length): empty.
  func noSourceLocation() -> DataID { stringConstant([]) }
}

/// The runtime functions the lowering calls (`Sources/MojoRuntime/C/mojo_runtime.h`).
enum Runtime {
  static let printInt = ("mojo_rt_print_int", [IRType.i64], IRType.void)
  static let printBool = ("mojo_rt_print_bool", [IRType.i64], IRType.void)
  static let printFloat = ("mojo_rt_print_float", [IRType.f64], IRType.void)
  static let printString = ("mojo_rt_print_string", [IRType.ptr], IRType.void)
  static let printUInt = ("mojo_rt_print_uint", [IRType.i64], IRType.void)
  static let printFloat32 = ("mojo_rt_print_float32", [IRType.f64], IRType.void)
  static let fromUInt = ("mojo_rt_str_from_uint", [IRType.i64], IRType.ptr)
  static let fromFloat32 = ("mojo_rt_str_from_float32", [IRType.f64], IRType.ptr)
  static let uintToFloat = ("mojo_rt_uint_to_float", [IRType.i64], IRType.f64)
  static let floatToUInt = ("mojo_rt_float_to_uint", [IRType.f64], IRType.i64)
  static let roundFloat16 = ("mojo_rt_round_float16", [IRType.f64], IRType.f64)
  static let ipow = ("mojo_rt_ipow", [IRType.i64, .i64], IRType.i64)
  static let fpowi = ("mojo_rt_fpowi", [IRType.f64, .i64], IRType.f64)
  static let fmod = ("mojo_rt_fmod", [IRType.f64, .f64], IRType.f64)
  static let ffloordiv = ("mojo_rt_ffloordiv", [IRType.f64, .f64], IRType.f64)
  static let fmin = ("mojo_rt_fmin", [IRType.f64, .f64], IRType.f64)
  static let fmax = ("mojo_rt_fmax", [IRType.f64, .f64], IRType.f64)
  static let floor = ("mojo_rt_floor", [IRType.f64], IRType.f64)
  static let ceil = ("mojo_rt_ceil", [IRType.f64], IRType.f64)
  static let trunc = ("mojo_rt_trunc", [IRType.f64], IRType.f64)
  static let round = ("mojo_rt_round", [IRType.f64], IRType.f64)
  /// The `std.math` functions computed by the runtime (runtime_math.inc), by name.
  static let math: [BuiltinFunction: (String, [IRType], IRType)] = {
    var table: [BuiltinFunction: (String, [IRType], IRType)] = [:]
    for f in [BuiltinFunction.exp, .exp2, .log, .log2, .log10, .log1p, .expm1, .sin, .cos, .tan, .asin, .acos, .atan,
              .sinh, .cosh, .tanh, .cbrt] {
      table[f] = ("mojo_rt_\(f.rawValue)", [.f64], .f64)
    }
    for f in [BuiltinFunction.atan2, .hypot] { table[f] = ("mojo_rt_\(f.rawValue)", [.f64, .f64], .f64) }
    table[.pow] = fpow
    return table
  }()
  static let fpow = ("mojo_rt_fpow", [IRType.f64, .f64], IRType.f64)
  static let copysign = ("mojo_rt_copysign", [IRType.f64, .f64], IRType.f64)
  static let isqrt = ("mojo_rt_isqrt", [IRType.i64], IRType.i64)
  static let roundDigits = ("mojo_rt_round_digits", [IRType.f64, .i64], IRType.f64)
  static let roundInt = ("mojo_rt_round_int", [IRType.i64, .i64], IRType.i64)
  static let concat = ("mojo_rt_str_concat", [IRType.ptr, .ptr], IRType.ptr)
  static let compare = ("mojo_rt_str_compare", [IRType.ptr, .ptr], IRType.i64)
  static let equal = ("mojo_rt_str_eq", [IRType.ptr, .ptr], IRType.i64)
  static let fromInt = ("mojo_rt_str_from_int", [IRType.i64], IRType.ptr)
  static let radix = ("mojo_rt_str_radix", [IRType.i64, .i64, .ptr, .i64], IRType.ptr)
  static let fromFloat = ("mojo_rt_str_from_float", [IRType.f64], IRType.ptr)
  static let fromBool = ("mojo_rt_str_from_bool", [IRType.i64], IRType.ptr)
  static let ord = ("mojo_rt_str_ord", [IRType.ptr], IRType.i64)
  static let chr = ("mojo_rt_str_chr", [IRType.i64], IRType.ptr)
  static let byteAt = ("mojo_rt_str_byte_at", [IRType.ptr, .i64, .ptr], IRType.ptr)
  static let alloc = ("mojo_rt_alloc", [IRType.i64], IRType.ptr)
  static let listNew = ("mojo_rt_list_new", [IRType.i64, .i64], IRType.ptr)
  static let listAppendSlot = ("mojo_rt_list_append_slot", [IRType.ptr, .i64], IRType.ptr)
  /// The last operand of the calls that check an index (and of the slices and `Optional.value`)
  /// is the address of the source location they report (`ModuleLowering.sourceLocation`).
  static let listAt = ("mojo_rt_list_at", [IRType.ptr, .i64, .i64, .ptr], IRType.ptr)
  static let listInsertSlot = ("mojo_rt_list_insert_slot", [IRType.ptr, .i64, .i64, .ptr], IRType.ptr)
  static let listRemove = ("mojo_rt_list_remove", [IRType.ptr, .i64, .i64, .ptr, .ptr], IRType.void)
  static let listClear = ("mojo_rt_list_clear", [IRType.ptr], IRType.void)
  static let listCopyShallow = ("mojo_rt_list_copy_shallow", [IRType.ptr, .i64], IRType.ptr)
  static let errorSlot = ("mojo_rt_error_slot", [IRType](), IRType.ptr)
  static let uncaughtError = ("mojo_rt_uncaught_error", [IRType.ptr], IRType.void)
}

/// Memory layout decisions for aggregates, made here once: every list element and struct field
/// takes one 8-byte word; struct values and lists are pointers to their own heap blocks.
enum Layout {
  static let wordSize: Int64 = 8
  /// Words of a list header (length, capacity, elements).
  static let listHeaderWords = 3
  /// Words of a dict or set header (`MojoDict` in mojo_runtime.h).
  static let dictHeaderWords = 9
  /// True for types whose values are pointers to mutable blocks (copied explicitly).
  static func isAggregate(_ t: SemaType) -> Bool {
    switch t {
    case .list, .structType, .boundStruct, .dict, .set: true
    default: false
    }
  }
}

/// An immutable value held by reference. Function lowerings read the module's tree and checked
/// tables through one: a struct copy of either retains each of its (many) arrays, which a copy
/// per function lowering paid, while a `let` of a final class is read in place.
final class Shared<Value> {
  let value: Value
  init(_ value: Value) { self.value = value }
}
