//! The LLVM backend: IR module -> LLVM module -> verify -> `default<On>` pipeline -> object.
//! Each call builds its own LLVM context, module and target machine, so calls may run
//! concurrently on different threads (LLVM objects never cross a call).

import LLVMKit
import MojoCodegen
import MojoIR

/// Compiles IR modules to x86-64 ELF objects through LLVM 19.
public struct LLVMBackend: Backend {
  /// The pass pipeline (`default<O0>` ... `default<O3>`) and code generation level.
  public let optimization: OptimizationLevel
  /// Whether LLVM's module verifier runs before optimization (on in debug builds and tests).
  public let verifiesModules: Bool

  /// The target triple of every object: mojoc generates Linux x86-64 code only.
  public static let triple = "x86_64-unknown-linux-gnu"
  /// The CPU: generic x86-64, so objects run on any x86-64 machine and do not depend on the host.
  public static let cpu = "x86-64"

  /// Opens libLLVM for this process (once; mojoc does not link it). Optional: the first use of
  /// LLVM does it too, but stops the process if the library is missing, so a driver calls this
  /// first to report the failure. `path` names the library file; nil searches for it.
  public static func loadLibrary(path: String? = nil) throws(CodegenError) {
    do {
      try LLVMLibrary.load(path: path)
    } catch {
      throw CodegenError(error.description)
    }
  }

  /// Makes a backend for an optimization level; modules are verified in debug builds.
  public init(optimization: OptimizationLevel) {
    #if DEBUG
      self.init(optimization: optimization, verifiesModules: true)
    #else
      self.init(optimization: optimization, verifiesModules: false)
    #endif
  }

  /// Makes a backend, choosing explicitly whether to run LLVM's verifier.
  public init(optimization: OptimizationLevel, verifiesModules: Bool) {
    self.optimization = optimization
    self.verifiesModules = verifiesModules
  }

  /// Compiles one verified IR module to a relocatable object.
  public func emitObject(for module: IRModule) throws -> ObjectFile {
    let machine = try makeTargetMachine(for: module)
    let llvmModule = try translate(module, machine: machine)
    try verifyIfEnabled(llvmModule, name: module.name)
    try optimize(llvmModule, name: module.name, machine: machine)
    return ObjectFile(moduleName: module.name, bytes: try emit(llvmModule, name: module.name, machine: machine))
  }

  /// LLVM IR is this backend's text form.
  public var textForm: String? { "llvm-ir" }

  /// The LLVM assembly of a module after the optimization pipeline (`mojoc build --emit llvm-ir`).
  public func emitText(for module: IRModule) throws -> String {
    let machine = try makeTargetMachine(for: module)
    let llvmModule = try translate(module, machine: machine)
    try verifyIfEnabled(llvmModule, name: module.name)
    try optimize(llvmModule, name: module.name, machine: machine)
    return llvmModule.text()
  }

  // MARK: - Steps (internal so that tests can time them one by one)

  /// A target machine configured for this backend's level.
  func makeTargetMachine(for module: IRModule) throws(CodegenError) -> LLVMTargetMachine {
    let level: CodeGenOptimization =
      switch optimization {
      case .o0: .none
      case .o1: .less
      case .o2: .default
      case .o3: .aggressive
      }
    do {
      return try LLVMTargetMachine(triple: Self.triple, cpu: Self.cpu, optimization: level)
    } catch {
      throw CodegenError("LLVM backend, module \(module.name): \(error)")
    }
  }

  /// Builds the LLVM module for `module` (`ModuleTranslator.swift`).
  func translate(_ module: IRModule, machine: LLVMTargetMachine) throws(CodegenError) -> LLVMModule {
    try ModuleTranslator(ir: module, machine: machine).translate()
  }

  /// Runs LLVM's verifier when `verifiesModules` is set; a failure is a backend bug.
  func verifyIfEnabled(_ llvmModule: LLVMModule, name: String) throws(CodegenError) {
    guard verifiesModules else { return }
    do { try llvmModule.verify() } catch { throw CodegenError("LLVM backend, module \(name): \(error)") }
  }

  /// Runs the `default<On>` pipeline of this backend's level.
  func optimize(_ llvmModule: LLVMModule, name: String, machine: LLVMTargetMachine) throws(CodegenError) {
    do {
      try llvmModule.runPasses("default<O\(optimization.rawValue)>", machine: machine)
    } catch {
      throw CodegenError("LLVM backend, module \(name): \(error)")
    }
  }

  /// Emits the object bytes.
  func emit(_ llvmModule: LLVMModule, name: String, machine: LLVMTargetMachine) throws(CodegenError) -> [UInt8] {
    do {
      return try machine.emitObject(llvmModule)
    } catch {
      throw CodegenError("LLVM backend, module \(name): \(error)")
    }
  }
}
