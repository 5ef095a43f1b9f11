//! `mojoc link OBJECTS... -o OUTPUT`: the link action of `--emit-actions` as a command of its own,
//! so that a build system that ran each compile action (`build --emit obj --module M`) can make
//! the executable too. It links exactly what `build` links — the objects in the order given plus
//! the runtime embedded in mojoc — with the same linker choices, so the executable is
//! byte-identical to the one `build` writes from the same objects.
import FoundationEssentials
import Glibc
import MojoLinker
import MojoRuntime

extension Linker {
  /// Links the object files `objects` and the runtime into the executable `output`, written
  /// atomically (a failed link leaves no file and an existing output untouched).
  public func link(objectFiles objects: [String], output: String) throws(DriverError) {
    guard !objects.isEmpty else { throw .invalidOutput(output, "no object files to link") }
    var inputs: [LinkInput] = []
    for path in objects {
      guard let data = FileManager.default.contents(atPath: path) else { throw .cannotRead(path) }
      let name = path.split(separator: "/").last.map(String.init) ?? path
      inputs.append(LinkInput(name: name, bytes: [UInt8](data)))
    }
    try BuildOutput.check(output, emit: .exe, input: "", isDefault: false)
    for path in objects where Linker.sameFile(path, output) {
      throw .invalidOutput(output, "it is one of the objects being linked")
    }
    let temporary = BuildOutput.temporaryPath(for: output)
    InterruptCleanup.remove(temporary)
    defer { InterruptCleanup.forget(temporary) }
    let runtime = LinkInput(name: "mojo_runtime.o", bytes: RuntimeObject.bytes)
    do {
      if choice == .builtin {
        try runBuiltin(inputs + [runtime], temporary: temporary, finalOutput: output)
        return
      }
      // A system linker reads files: the runtime goes to a private folder beside the output.
      let folder = "\(temporary).d"
      InterruptCleanup.remove(folder)
      defer {
        try? FileManager.default.removeItem(atPath: folder)
        InterruptCleanup.forget(folder)
      }
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
      let runtimePath = "\(folder)/mojo_runtime.o"
      try BuildRunner.writeScratch(runtime.bytes, to: runtimePath)
      try run(try plan(objects: objects + [runtimePath], output: temporary), finalOutput: output)
    } catch let error as DriverError {
      throw error
    } catch {
      throw .cannotWrite(output, "\(error)")
    }
  }

  /// Whether two paths name the same existing file.
  static func sameFile(_ a: String, _ b: String) -> Bool {
    var x = stat(), y = stat()
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
  }
}
