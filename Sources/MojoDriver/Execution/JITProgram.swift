//! `mojoc run --backend llvm`: the modules' objects and the runtime linked into this process by
//! ORC's LLJIT (LLVM's JIT linker and memory manager) instead of mojoc's built-in linker, so the
//! two backends can also be compared on start-up through their own toolchains. The entry is the
//! same `mojo_rt_run_in_process` as for `InProcessProgram`: same stack, signals and flushing.
import LLVMKit
import MojoLinker
import MojoRuntime

/// A program linked by ORC's LLJIT; the JIT owns its memory.
struct JITProgram: LoadedProgram {
  let jit: LLVMJIT
  let entry: UInt64

  /// Links `inputs` (the module objects; the runtime is added) and finds the entry.
  static func load(_ inputs: [LinkInput]) throws -> JITProgram {
    do {
      let jit = try LLVMJIT()
      for input in inputs + [LinkInput(name: "mojo_runtime.o", bytes: RuntimeObject.bytes)] {
        try jit.addObject(input.bytes, name: input.name)
      }
      return JITProgram(jit: jit, entry: try jit.address(of: InProcessProgram.entrySymbol))
    } catch {
      throw DriverError.linkError(error.description)
    }
  }

  func run() -> Int32 { call(entry: entry) }

  /// The JIT frees the code when it is released.
  func unload() {}
}
