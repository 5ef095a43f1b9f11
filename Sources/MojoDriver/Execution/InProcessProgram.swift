//! `mojoc run`: the program's objects and the runtime, linked by the built-in linker straight
//! into this process's memory and called there. No file, no child process. Steps:
//!   1. reserve address space (no access, nothing committed), below 2 GiB when possible so that
//!      even 32-bit absolute relocations fit
//!   2. plan the link with the reservation as the base (`StaticLinker.plan(_:base:)`)
//!   3. make the image's pages writable, write sections and apply relocations
//!      (`LinkedExecutable.writeImage`), then make code and read-only data read+execute:
//!      no page is ever writable and executable at once
//!   4. call the runtime's `mojo_rt_run_in_process`, which runs `main` on its own guarded 1 GiB
//!      stack, flushes standard output and returns; a trap ends the process with the same
//!      message and signal as the built executable
import Glibc
import MojoLinker
import MojoRuntime

/// A program linked into this process's memory, ready to run once.
protocol LoadedProgram {
  /// Runs the program's `main` and returns its exit status (0; a trap does not return).
  func run() -> Int32
  /// Gives the program's memory back.
  func unload()
}

extension LoadedProgram {
  /// Calls the runtime's `mojo_rt_run_in_process` at `entry`.
  func call(entry: UInt64) -> Int32 {
    let function = unsafeBitCast(UInt(entry), to: (@convention(c) () -> Int).self)
    return Int32(truncatingIfNeeded: function())
  }
}

/// A program linked by mojoc's built-in linker into memory it maps itself.
struct InProcessProgram: LoadedProgram {
  /// The runtime function `load` links as the entry: `long mojo_rt_run_in_process(void)`.
  static let entrySymbol = "mojo_rt_run_in_process"
  /// Address space reserved for the image; a program's image is far smaller.
  static let reservationSize = 1 << 30

  let memory: UnsafeMutableRawPointer
  let entry: UInt64

  /// Links `inputs` (the module objects; the runtime is added) into fresh memory.
  static func load(_ inputs: [LinkInput]) throws -> InProcessProgram {
    let memory = try reserve()
    do {
      let linker = StaticLinker(entry: entrySymbol)
      let base = UInt64(UInt(bitPattern: memory))
      let image = try linker.plan(inputs + [LinkInput(name: "mojo_runtime.o", bytes: RuntimeObject.bytes)], base: base)
      guard image.memorySize <= reservationSize else {
        throw DriverError.linkError("the program image (\(image.memorySize) bytes) is larger than the \(reservationSize) bytes reserved for it")
      }
      guard mprotect(memory, image.memorySize, PROT_READ | PROT_WRITE) == 0 else { throw mapFailure("mprotect") }
      try image.writeImage(into: UnsafeMutableRawBufferPointer(start: memory, count: image.memorySize))
      guard mprotect(memory, image.executableSize, PROT_READ | PROT_EXEC) == 0 else { throw mapFailure("mprotect") }
      return InProcessProgram(memory: memory, entry: image.entryAddress)
    } catch {
      munmap(memory, reservationSize)
      if let error = error as? LinkError { throw DriverError.linkError(error.description) }
      throw error
    }
  }

  func run() -> Int32 { call(entry: entry) }

  func unload() { munmap(memory, InProcessProgram.reservationSize) }

  /// Inaccessible, uncommitted address space for the image: the first free 1 GiB from 256 MiB
  /// up below 2 GiB (mojoc's own image and heap lie lower), else anywhere.
  private static func reserve() throws -> UnsafeMutableRawPointer {
    let flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE
    let fixedNoReplace: Int32 = 0x10_0000  // MAP_FIXED_NOREPLACE (Linux 4.17)
    var hint = 0x1000_0000
    while hint + reservationSize <= 0x8000_0000 {
      let memory = mmap(UnsafeMutableRawPointer(bitPattern: hint), reservationSize, PROT_NONE, flags | fixedNoReplace, -1, 0)
      if let memory, memory != MAP_FAILED {
        if Int(bitPattern: memory) == hint { return memory }
        munmap(memory, reservationSize)  // an old kernel ignoring the flag put it elsewhere
        break
      }
      hint += 0x1000_0000
    }
    let memory = mmap(nil, reservationSize, PROT_NONE, flags, -1, 0)
    guard let memory, memory != MAP_FAILED else { throw mapFailure("mmap") }
    return memory
  }

  private static func mapFailure(_ call: String) -> DriverError {
    .linkError("cannot map memory for the program (\(call)): \(String(cString: strerror(errno)))")
  }
}
