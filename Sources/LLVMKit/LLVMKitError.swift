//! The failures LLVM reports through the C API, as one thrown Swift error type.
internal import CLLVM

/// A failure that LLVM reported; the payload is LLVM's own message.
public enum LLVMKitError: Error, CustomStringConvertible, Sendable {
  /// No registered target matches the triple.
  case targetLookup(triple: String, message: String)
  /// The module verifier rejected a module.
  case verification(module: String, message: String)
  /// The pass pipeline string was rejected or a pass failed.
  case passPipeline(pipeline: String, message: String)
  /// libLLVM could not be opened, or lacks an entry point LLVMKit uses.
  case libraryUnavailable(message: String)
  /// Object code emission failed.
  case emission(module: String, message: String)
  /// ORC's LLJIT could not be created, link an object, or find a symbol.
  case jit(message: String)

  public var description: String {
    switch self {
    case .targetLookup(let triple, let message): "LLVM: no target for \(triple): \(message)"
    case .verification(let module, let message): "LLVM verifier rejected module \(module): \(message)"
    case .passPipeline(let pipeline, let message): "LLVM pass pipeline \(pipeline) failed: \(message)"
    case .emission(let module, let message): "LLVM could not emit module \(module): \(message)"
    case .libraryUnavailable(let message): "cannot load LLVM 19: \(message)"
    case .jit(let message): "LLVM JIT: \(message)"
    }
  }
}

/// Takes ownership of a C message allocated by LLVM (`char *` freed with `LLVMDisposeMessage`).
func consumeMessage(_ message: UnsafeMutablePointer<CChar>?) -> String {
  guard let message else { return "" }
  defer { llvm.DisposeMessage(message) }
  return String(cString: message)
}

/// Takes ownership of an `LLVMErrorRef`; returns its message, or nil for success.
func consumeError(_ error: LLVMErrorRef?) -> String? {
  guard let error else { return nil }
  let message = llvm.GetErrorMessage(error)  // consumes the error
  defer { llvm.DisposeErrorMessage(message) }
  return message.map { String(cString: $0) } ?? "unknown error"
}
