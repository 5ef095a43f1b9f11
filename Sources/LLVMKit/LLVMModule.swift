//! An LLVM module: functions and globals, configured for a target, verified, optimized by a
//! pass pipeline and printed.
internal import CLLVM

/// An LLVM module, owned by this object and disposed with it. It keeps its context alive.
///
/// Thread rule: like its context, a module belongs to one thread or job at a time.
public final class LLVMModule {
  let ref: OpaquePointer
  /// The context that owns the module's types and values; held so it outlives the module.
  public let context: LLVMContext
  /// The module identifier given at creation (used in error messages).
  public let name: String

  /// Creates an empty module in `context`.
  public init(name: String, in context: LLVMContext) {
    self.context = context
    self.name = name
    ref = llvm.ModuleCreateWithNameInContext(name, context.ref)!
  }

  deinit { llvm.DisposeModule(ref) }

  /// Sets the module's target triple and data layout from `machine`, as the backend requires
  /// before optimization and emission.
  public func configure(for machine: LLVMTargetMachine) {
    llvm.SetTarget(ref, machine.triple)
    let layout = llvm.CreateTargetDataLayout(machine.ref)
    defer { llvm.DisposeTargetData(layout) }
    llvm.SetModuleDataLayout(ref, layout)
  }

  // MARK: - Functions and globals

  /// The function named `symbol`, if the module has one.
  public func function(named symbol: String) -> LLVMFunction? {
    guard let fn = llvm.GetNamedFunction(ref, symbol) else { return nil }
    return LLVMFunction(value: LLVMValue(fn), type: LLVMType(llvm.GlobalGetValueType(fn)))
  }

  /// Adds a function (a declaration until blocks are appended). A clashing name is renamed by
  /// LLVM, so callers look names up first with `function(named:)`.
  public func addFunction(named symbol: String, type: LLVMType) -> LLVMFunction {
    LLVMFunction(value: LLVMValue(llvm.AddFunction(ref, symbol, type.ref)), type: type)
  }

  /// The declaration of an overloaded intrinsic, e.g. `llvm.sqrt` over `[double]`.
  public func intrinsic(named name: String, overloadedOn types: [LLVMType]) -> LLVMFunction {
    let id = name.withCString { llvm.LookupIntrinsicID($0, name.utf8.count) }
    precondition(id != 0, "LLVMKit: unknown intrinsic \(name)")
    var refs: [OpaquePointer?] = types.map(\.ref)
    let fn = llvm.GetIntrinsicDeclaration(ref, id, &refs, refs.count)!
    return LLVMFunction(value: LLVMValue(fn), type: LLVMType(llvm.GlobalGetValueType(fn)))
  }

  /// Adds a read-only global holding `bytes`: private, `unnamed_addr`, constant, with the given
  /// alignment. Returns its address.
  public func addConstantBytes(_ bytes: [UInt8], alignment: Int) -> LLVMValue {
    let initializer = context.constantBytes(bytes)
    let global = llvm.AddGlobal(ref, llvm.TypeOf(initializer.ref), "")!
    llvm.SetInitializer(global, initializer.ref)
    llvm.SetGlobalConstant(global, 1)
    llvm.SetLinkage(global, LLVMPrivateLinkage)
    llvm.SetUnnamedAddress(global, LLVMGlobalUnnamedAddr)
    llvm.SetAlignment(global, UInt32(alignment))
    return LLVMValue(global)
  }

  // MARK: - Checking, optimizing, printing

  /// Runs LLVM's module verifier; throws its report when the module is malformed.
  public func verify() throws(LLVMKitError) {
    var message: UnsafeMutablePointer<CChar>?
    let failed = llvm.VerifyModule(ref, LLVMReturnStatusAction, &message) != 0
    let text = consumeMessage(message)
    if failed { throw .verification(module: name, message: text) }
  }

  /// Runs a new-pass-manager pipeline such as `default<O2>` with `machine`'s target information.
  public func runPasses(_ pipeline: String, machine: LLVMTargetMachine) throws(LLVMKitError) {
    let options = llvm.CreatePassBuilderOptions()
    defer { llvm.DisposePassBuilderOptions(options) }
    if let message = consumeError(llvm.RunPasses(ref, pipeline, machine.ref, options)) {
      throw .passPipeline(pipeline: pipeline, message: message)
    }
  }

  /// The module as LLVM assembly text.
  public func text() -> String {
    consumeMessage(llvm.PrintModuleToString(ref))
  }
}
