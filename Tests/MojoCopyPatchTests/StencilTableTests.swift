//! The committed stencil table is what `Scripts/build-stencils` produces from the C sources, and
//! the decoded library has a stencil for every opcode shape the selector asks for.
import Foundation
@testable import MojoCopyPatch
import MojoIR
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

@Test func stencilTableIsUpToDate() throws {
  let run = try NativeProgram.execute(repositoryRoot.appendingPathComponent("Scripts/build-stencils").path, ["--check"])
  #expect(run.status == 0, "Scripts/build-stencils --check: \(run.stderr)")
}

@Test func libraryCoversEveryOpcodeShape() {
  let library = StencilLibrary.shared
  for op in Opcode.allCases {
    switch op.shape {
    case .binary: for v in 0..<3 { #expect(library.binary[Int(op.rawValue) * 3 + v] >= 0, "\(op.name) variant \(v)") }
    case .unary: #expect(library.unary[Int(op.rawValue)] >= 0, "\(op.name)")
    case .special: break
    }
  }
  #expect(library.calls.allSatisfy { $0 >= 0 })
  #expect(library.entries.allSatisfy { $0 >= 0 })
  for single in [library.copySlot, library.copyImm, library.load64, library.load1, library.store64Slot,
                 library.store64Imm, library.store1Slot, library.store1Imm, library.addr, library.retSlot, library.retImm, library.retVoid, library.jump, library.condbr,
                 library.condbrNot, library.unreachable] {
    #expect(single >= 0)
  }
}

@Test func trailingJumpsAreRealJumpsToTheContinuation() {
  let library = StencilLibrary.shared
  for (k, stencil) in library.stencils.enumerated() {
    let name = library.names[k]
    // Entries and returns end in `ret`, `unreachable` in `ud2`; the trap call of `idiv` and the
    // NaN path of `fptosi` come last. Every other stencil must fall through to its continuation.
    let fallsThrough = !["entry_", "ret_", "unreachable", "idiv_", "fptosi_"].contains { name.hasPrefix($0) }
    if fallsThrough { #expect(stencil.hasTrailingJump, "\(name)") }
    guard stencil.hasTrailingJump else { continue }
    let end = Int(stencil.codeStart + stencil.size)
    #expect(library.code[end - 5] == 0xE9, "\(name)")
    let holes = library.holes[Int(stencil.holeStart)..<Int(stencil.holeEnd)]
    #expect(holes.contains { $0.offset == stencil.size - 4 && $0.value == .continuation && $0.patch == .rel32 })
  }
}
