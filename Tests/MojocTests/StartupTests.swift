//! What a run of mojoc loads: no libLLVM unless the LLVM backend generates code, no shared
//! Swift runtime, Foundation or libstdc++ (all are linked in), and a clear exit 2 when libLLVM
//! is missing.
import Foundation
import Testing
import TestSupport

@Suite struct StartupTests {
  static let hello = ["main.mojo": "def main():\n    print(\"hello\")\n"]

  /// The shared libraries the executable names in its dynamic section.
  @Test func executableNeedsNeitherLLVMNorSwiftRuntimeLibraries() throws {
    try #require(FileManager.default.isExecutableFile(atPath: MojocProcess.executable.path),
                 "build mojoc first (swift build): \(MojocProcess.executable.path)")
    let dynamic = try MojocProcess.tool("readelf", ["-d", MojocProcess.executable.path])
    try #require(dynamic.status == 0)
    let needed = dynamic.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }
    #expect(needed.contains { $0.contains("libc.so") }, "readelf output not understood: \(dynamic.stdout)")
    for library in ["libLLVM", "libswiftCore", "libFoundation", "libdispatch", "libstdc++"] {
      #expect(!needed.contains { $0.contains(library) }, "mojoc needs \(library): \(needed)")
    }
  }

  /// The dynamic loader's own trace (`LD_DEBUG=files`) lists every library a process opens,
  /// dlopen included: a cnp build opens no libLLVM, an LLVM build does.
  @Test func onlyTheLLVMBackendLoadsLibLLVM() throws {
    let project = Fixtures.makeProject(Self.hello)
    let out = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: project) }
    let cnp = try MojocProcess.run(["build", project.path, "-o", out.appendingPathComponent("a").path],
                                   environment: ["LD_DEBUG": "files"])
    #expect(cnp.status == 0, "\(cnp.stderr)")
    #expect(cnp.stderr.contains("file=libc.so.6"), "no loader trace: \(cnp.stderr.prefix(500))")
    #expect(!cnp.stderr.contains("libLLVM"))
    let llvm = try MojocProcess.run(["build", project.path, "-o", out.appendingPathComponent("b").path,
                                     "--backend", "llvm"], environment: ["LD_DEBUG": "files"])
    #expect(llvm.status == 0, "\(llvm.stderr)")
    #expect(llvm.stderr.contains("file=libLLVM.so.19.1 [0];  dynamically loaded by"))
    let run = try MojocProcess.tool(out.appendingPathComponent("b").path, [])
    #expect(run.stdout == "hello\n")
  }

  /// A missing libLLVM stops an LLVM build with exit 2 and one clear line; a cnp build does not
  /// care.
  @Test func missingLibLLVMFailsOnlyTheLLVMBackend() throws {
    let project = Fixtures.makeProject(Self.hello)
    let out = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: project) }
    let missing = out.appendingPathComponent("no-such-libLLVM.so").path
    let llvm = try MojocProcess.run(["build", project.path, "-o", out.appendingPathComponent("b").path,
                                     "--backend", "llvm"], environment: ["MOJOC_LLVM_LIBRARY": missing])
    #expect(llvm.status == 2)
    #expect(llvm.stderr == "mojoc: error: cannot load LLVM 19: \(missing): cannot open shared object file: "
      + "No such file or directory (needed by --backend llvm)\n")
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("b").path))
    let cnp = try MojocProcess.run(["build", project.path, "-o", out.appendingPathComponent("a").path],
                                   environment: ["MOJOC_LLVM_LIBRARY": missing])
    #expect(cnp.status == 0, "\(cnp.stderr)")
  }
}
