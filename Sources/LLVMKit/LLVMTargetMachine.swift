//! Target set-up and object emission: the X86 target is registered once per process, then each
//! job makes its own target machine and emits relocatable objects to memory.
internal import CLLVM

/// Code generation optimization level (LLVM's `CodeGenOptLevel`).
public enum CodeGenOptimization: Sendable {
  case none, less, `default`, aggressive
}

/// An LLVM target machine for one triple, CPU and option set; owned and disposed by this object.
///
/// Thread rule: a target machine is used by one thread or job at a time (sharing one across
/// threads is not known to be safe); make one per job.
public final class LLVMTargetMachine {
  let ref: OpaquePointer
  /// The target triple the machine generates code for.
  public let triple: String

  /// Registers the X86 target, MC layer and assembly printer with LLVM. Runs once per process
  /// (a `static let` initializer is atomic); `LLVMTargetMachine.init` touches it first.
  public static let x86Registered: Void = {
    llvm.InitializeX86TargetInfo()
    llvm.InitializeX86Target()
    llvm.InitializeX86TargetMC()
    llvm.InitializeX86AsmPrinter()
  }()

  /// Creates a machine for position-independent code (`LLVMRelocPIC`, as objects are linked
  /// into PIE executables by default) with the default code model.
  public init(triple: String, cpu: String, features: String = "",
              optimization: CodeGenOptimization) throws(LLVMKitError) {
    LLVMTargetMachine.x86Registered
    var target: OpaquePointer?
    var message: UnsafeMutablePointer<CChar>?
    let failed = llvm.GetTargetFromTriple(triple, &target, &message) != 0
    let text = consumeMessage(message)
    guard !failed, let target else { throw .targetLookup(triple: triple, message: text) }
    let level: LLVMCodeGenOptLevel =
      switch optimization {
      case .none: LLVMCodeGenLevelNone
      case .less: LLVMCodeGenLevelLess
      case .default: LLVMCodeGenLevelDefault
      case .aggressive: LLVMCodeGenLevelAggressive
      }
    guard let machine = llvm.CreateTargetMachine(target, triple, cpu, features, level, LLVMRelocPIC,
                                                LLVMCodeModelDefault) else {
      throw .targetLookup(triple: triple, message: "LLVMCreateTargetMachine failed")
    }
    self.ref = machine
    self.triple = triple
  }

  deinit { llvm.DisposeTargetMachine(ref) }

  /// Emits `module` as a relocatable ELF object and returns its bytes.
  public func emitObject(_ module: LLVMModule) throws(LLVMKitError) -> [UInt8] {
    var buffer: OpaquePointer?
    var message: UnsafeMutablePointer<CChar>?
    let failed = llvm.TargetMachineEmitToMemoryBuffer(ref, module.ref, LLVMObjectFile, &message, &buffer) != 0
    let text = consumeMessage(message)
    guard !failed, let buffer else { throw .emission(module: module.name, message: text) }
    defer { llvm.DisposeMemoryBuffer(buffer) }
    let size = llvm.GetBufferSize(buffer)
    guard size > 0, let start = llvm.GetBufferStart(buffer) else { return [] }
    return start.withMemoryRebound(to: UInt8.self, capacity: size) {
      Array(UnsafeBufferPointer(start: $0, count: size))
    }
  }
}
