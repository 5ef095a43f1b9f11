//! The committed stencil table is what `Scripts/build-stencils` produces from the C sources, and
//! the decoded library has a stencil for every opcode shape the selector asks for.
import Foundation
@testable import MojoCopyPatch
import MojoIR
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// Tests that build the extractor share its scratch folder, so they run one after the other.
@Suite(.serialized) struct StencilBuildTests {
  @Test func stencilTableIsUpToDate() throws {
    let run = try NativeProgram.execute(repositoryRoot.appendingPathComponent("Scripts/build-stencils").path, ["--check"])
    #expect(run.status == 0, "Scripts/build-stencils --check: \(run.stderr)")
  }

  /// A stencil reading a global, and one needing a constant pool, must stop the extractor.
  @Test func extractorRejectsUnknownSymbolsAndDataSections() throws {
    let root = repositoryRoot.path
    let build = try NativeProgram.execute("swift", ["build", "--package-path", root, "--scratch-path", root + "/.build-stencils",
                                                    "--product", "mojoc-stencils", "-q"])
    try #require(build.status == 0, "\(build.stderr)")
    let binPath = try NativeProgram.execute("swift", ["build", "--package-path", root, "--scratch-path",
                                                      root + "/.build-stencils", "--show-bin-path"])
    let extractor = binPath.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "/mojoc-stencils"
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cnp-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases = [
      ("extern i64 mystery; STENCIL(bad) { I64(_SLOT_D) = mystery; CONTINUE(); }", "unknown symbol 'mystery'"),
      ("STENCIL(bad) { F64(_SLOT_D) = F64(_SLOT_A) * 1.2345; CONTINUE(); }", "would need data"),
    ]
    for (k, (source, message)) in cases.enumerated() {
      let c = folder.appendingPathComponent("bad\(k).c").path
      try ("#include \"\(root)/Sources/MojoCopyPatch/Stencils/stencil.h\"\n" + source + "\n")
        .write(toFile: c, atomically: true, encoding: .utf8)
      let compiled = try NativeProgram.execute("clang-19", [
        "-Os", "-fno-pic", "-mcmodel=medium", "-ffunction-sections", "-fno-asynchronous-unwind-tables",
        "-fno-jump-tables", "-fno-stack-protector", "-fno-builtin", "-std=c2x", "-c", c, "-o", c + ".o"])
      try #require(compiled.status == 0, "\(compiled.stderr)")
      let run = try NativeProgram.execute(extractor, ["--swift", c + ".swift", "--dump", c + ".txt", "--compiler", "test", c + ".o"])
      #expect(run.status != 0)
      #expect(run.stderr.contains(message), "\(run.stderr)")
    }
  }
}

@Test func libraryCoversEveryOpcodeShape() {
  let library = StencilLibrary.shared
  let pairs = OperandPair.allCases
  for op in Opcode.allCases {
    switch op.shape {
    case .binary:
      for pair in pairs {
        for toRegister in 0..<2 {
          #expect(library.binary[(Int(op.rawValue) * pairs.count + Int(pair.rawValue)) * 2 + toRegister] >= 0,
                  "\(op.name)_\(pair.suffix) \(toRegister)")
        }
      }
    case .unary: for k in 0..<4 { #expect(library.unary[Int(op.rawValue) * 4 + k] >= 0, "\(op.name) \(k)") }
    case .special: break
    }
  }
  for n in 0...StencilLibrary.maxIntArgs {
    for m in 0...StencilLibrary.maxFloatArgs {
      for r in 0..<4 { #expect(library.calls[(n * 9 + m) * 4 + r] >= 0, "call \(n) \(m) \(r)") }
      #expect(library.entries[n * 9 + m] >= 0, "entry \(n) \(m)")
    }
  }
  #expect(library.callsWithStack.allSatisfy { $0 >= 0 } && library.entryWithStack >= 0)
  for op in [Opcode.ieq, .ine, .ilt, .ile, .igt, .ige, .feq, .fne, .flt, .fle, .fgt, .fge] {
    for k in 0..<4 { #expect(library.compareBranchStored[Int(op.rawValue) * 4 + k] >= 0, "\(op.name) \(k)") }
    for pair in [OperandPair.slotSlot, .slotImm, .registerSlot, .slotRegister, .registerImm] {
      for inverted in 0..<2 {
        #expect(library.compareBranch[(Int(op.rawValue) * pairs.count + Int(pair.rawValue)) * 2 + inverted] >= 0,
                "condbr \(op.name) \(pair.suffix) \(inverted)")
      }
    }
  }
  for pair in [OperandPair.slotSlot, .slotImm, .slotRegister, .registerSlot, .registerImm] {
    #expect(library.listAt[Int(pair.rawValue) * 2] >= 0 && library.listAt[Int(pair.rawValue) * 2 + 1] >= 0, "\(pair.suffix)")
  }
  #expect(library.loads.allSatisfy { $0 >= 0 } && library.loadFloatToRegister.allSatisfy { $0 >= 0 })
  // Stores: (width, address location, value location) that the selector can ask for.
  for width in 0..<2 {
    for (address, value) in [(0, 0), (0, 1), (0, 2), (2, 0), (2, 1)] {
      #expect(library.stores[(width * 3 + address) * 4 + value] >= 0, "store \(width) \(address) \(value)")
    }
  }
  #expect(library.stores[3] >= 0)  // store64 slot address, float register value
  for single in [library.copySlot, library.copyImm, library.copyRegister, library.copyFloatRegister, library.addr,
                 library.retSlot, library.retImm, library.retVoid, library.retRegister, library.retFloatRegister,
                 library.jump, library.condbr, library.condbrNot, library.condbrRegister, library.condbrNotRegister,
                 library.unreachable] {
    #expect(single >= 0)
  }
}

@Test func trailingJumpsAreRealJumpsToTheContinuation() {
  let library = StencilLibrary.shared
  for (k, stencil) in library.stencils.enumerated() {
    let name = library.names[k]
    // Entries and returns end in `ret`, `unreachable` in `ud2`; the trap call of `idiv`, the
    // NaN path of `fptosi` and the out-of-range call of `list_at*` come last. Every other stencil
    // must fall through to its continuation.
    let fallsThrough = !["entry_", "ret_", "unreachable", "idiv_", "fptosi_", "list_at"].contains { name.hasPrefix($0) }
    if fallsThrough { #expect(stencil.hasTrailingJump, "\(name)") }
    guard stencil.hasTrailingJump else { continue }
    let end = Int(stencil.codeStart + stencil.size)
    #expect(library.code[end - 5] == 0xE9, "\(name)")
    let holes = library.holes[Int(stencil.holeStart)..<Int(stencil.holeEnd)]
    #expect(holes.contains { $0.offset == stencil.size - 4 && $0.value == .continuation && $0.patch == .rel32 })
  }
}
