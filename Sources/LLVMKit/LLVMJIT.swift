//! ORC's LLJIT through the C API (`llvm-c/LLJIT.h`): relocatable objects linked by LLVM's own JIT
//! linker into memory it maps in this process, for `mojoc run --backend llvm`. Objects are added
//! already compiled (by the parallel code-generation jobs), so the JIT only links.
internal import CLLVM

/// One LLJIT instance with one JIT dylib; disposing it frees the code it linked.
public final class LLVMJIT {
  let ref: LLVMOrcLLJITRef

  /// A JIT for the host, with LLVM's default set-up.
  public init() throws(LLVMKitError) {
    LLVMTargetMachine.x86Registered
    var jit: LLVMOrcLLJITRef?
    if let message = consumeError(llvm.OrcCreateLLJIT(&jit, nil)) { throw .jit(message: message) }
    guard let jit else { throw .jit(message: "LLVMOrcCreateLLJIT returned no JIT") }
    ref = jit
  }

  deinit { _ = consumeError(llvm.OrcDisposeLLJIT(ref)) }

  /// Adds a relocatable object to the main dylib; it is linked on the first lookup that needs it.
  /// Symbols of every object (hidden ones too) resolve references between the objects.
  public func addObject(_ bytes: [UInt8], name: String) throws(LLVMKitError) {
    let buffer = bytes.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) {
        llvm.CreateMemoryBufferWithMemoryRangeCopy($0.baseAddress, $0.count, name)
      }
    }
    // The JIT owns the buffer from here, whether adding succeeds or not.
    if let message = consumeError(llvm.OrcLLJITAddObjectFile(ref, llvm.OrcLLJITGetMainJITDylib(ref), buffer)) {
      throw .jit(message: message)
    }
  }

  /// Links what `symbol` needs and returns its address.
  public func address(of symbol: String) throws(LLVMKitError) -> UInt64 {
    var address: LLVMOrcExecutorAddress = 0
    if let message = consumeError(llvm.OrcLLJITLookup(ref, &address, symbol)) { throw .jit(message: message) }
    return address
  }
}
