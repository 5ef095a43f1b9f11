//! The committed stencil table is what `Scripts/build-stencils` produces from the C sources, and
//! the decoded library has a stencil for every opcode shape the selector asks for.
import Foundation
@testable import MojoCopyPatch
import MojoIR
import MojoStencilContract
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

  /// A stencil reading a global, one needing a constant pool, and one whose name is no
  /// `StencilKey`'s must stop the extractor.
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
      ("extern i64 mystery; STENCIL(copy_s) { I64(_SLOT_D) = mystery; CONTINUE(); }", "unknown symbol 'mystery'"),
      ("STENCIL(fmul_ss) { F64(_SLOT_D) = F64(_SLOT_A) * 1.2345; CONTINUE(); }", "would need data"),
      ("STENCIL(copy_x) { I64(_SLOT_D) = I64(_SLOT_A); CONTINUE(); }", "stencil copy_x has no StencilKey"),
    ]
    for (k, (source, message)) in cases.enumerated() {
      let c = folder.appendingPathComponent("bad\(k).c").path
      try ("#include \"\(root)/Sources/MojoCopyPatch/Stencils/stencil.h\"\n" + source + "\n")
        .write(toFile: c, atomically: true, encoding: .utf8)
      let compiled = try NativeProgram.execute("clang-19", StencilCompiler.flags + ["-c", c, "-o", c + ".o"])
      try #require(compiled.status == 0, "\(compiled.stderr)")
      let run = try NativeProgram.execute(extractor, ["--swift", c + ".swift", "--dump", c + ".txt", "--compiler", "test", c + ".o"])
      #expect(run.status != 0)
      #expect(run.stderr.contains(message), "\(run.stderr)")
    }
  }
}

/// Every shape the selector may ask for has a stencil (the selector stops with "no stencil"
/// otherwise).
@Test func libraryCoversEveryOpcodeShape() {
  let library = StencilLibrary.shared
  func expectStencil(_ key: StencilKey) { #expect(library.stencil(key) != nil, "\(key.name)") }
  for op in Opcode.allCases {
    for toRegister in [false, true] {
      switch op.shape {
      case .binary:
        for pair in OperandPair.allCases { expectStencil(.binary(op, pair, resultInRegister: toRegister)) }
      case .unary:
        for fromRegister in [false, true] { expectStencil(.unary(op, operandInRegister: fromRegister, resultInRegister: toRegister)) }
      case .special: break
      }
    }
  }
  for n in 0...ArgumentPlace.maxInts {
    for m in 0...ArgumentPlace.maxFloats {
      for result in CallResult.allCases { #expect(library.call(ints: n, floats: m, result: result) != nil, "call \(n) \(m) \(result)") }
      expectStencil(.entry(ints: n, floats: m))
    }
  }
  for result in CallResult.allCases { expectStencil(.callWithStack(result)) }
  expectStencil(.entryWithStack)
  for op in [Opcode.ieq, .ine, .ilt, .ile, .igt, .ige, .feq, .fne, .flt, .fle, .fgt, .fge] {
    for inverted in [false, true] {
      for pair in [OperandPair.slotSlot, .slotImm] { expectStencil(.compareBranch(op, pair, inverted: inverted, storesFlag: true)) }
      for pair in [OperandPair.slotSlot, .slotImm, .registerSlot, .slotRegister, .registerImm] {
        expectStencil(.compareBranch(op, pair, inverted: inverted, storesFlag: false))
      }
    }
  }
  for size in ElementSize.allCases {
    for pair in [OperandPair.slotSlot, .slotImm, .slotRegister, .registerSlot, .registerImm] {
      for toRegister in [false, true] { expectStencil(.listAt(size, pair, resultInRegister: toRegister)) }
    }
  }
  for fromRegister in [false, true] {
    for toRegister in [false, true] {
      expectStencil(.load(.word, addressInRegister: fromRegister, resultInRegister: toRegister))
      expectStencil(.load(.byte, addressInRegister: fromRegister, resultInRegister: toRegister))
    }
    expectStencil(.load(.float, addressInRegister: fromRegister, resultInRegister: true))
  }
  // Stores: (address, value) locations the selector can ask for.
  for width in [AccessWidth.word, .byte] {
    for (address, value) in [(Location.slot, ValueLocation.slot), (.slot, .imm), (.slot, .register), (.register, .slot),
                             (.register, .imm)] {
      expectStencil(.store(width, address: address, value: value))
    }
  }
  expectStencil(.store(.word, address: .slot, value: .floatRegister))
  for descending in [false, true] {
    for immediate in [false, true] { expectStencil(.loopLatch(descending: descending, stopIsImmediate: immediate)) }
  }
  for location in ValueLocation.allCases { expectStencil(.copy(location)) }
  for shape in ReturnShape.allCases { expectStencil(.ret(shape)) }
  for inverted in [false, true] {
    for inRegister in [false, true] { expectStencil(.condbr(inverted: inverted, conditionInRegister: inRegister)) }
  }
  for key in [StencilKey.addr, .jump, .unreachable, .immediateToRegister(float: false), .immediateToRegister(float: true)] {
    expectStencil(key)
  }
}

/// A call stencil taking one argument from the register reads every other argument from its
/// slot: the register argument's hole is absent, every other argument's hole is present.
@Test func registerArgumentCallsReadTheOtherArgumentsFromSlots() {
  let library = StencilLibrary.shared
  var found = 0
  for n in 0...ArgumentPlace.maxInts {
    for m in 0...ArgumentPlace.maxFloats {
      for index in 0..<ArgumentPlace.count {
        let place = ArgumentPlace(index: index)
        guard let id = library.call(ints: n, floats: m, result: .int, registerArgument: place) else { continue }
        found += 1
        let stencil = library.stencils[Int(id.rawValue)]
        let values = Set(library.holes[Int(stencil.holeStart)..<Int(stencil.holeEnd)].map(\.value))
        #expect(!values.contains(place.holeValue), "\(library.name(of: id))")
        for k in 0..<n where ArgumentPlace.int(k) != place { #expect(values.contains(ArgumentPlace.int(k).holeValue)) }
        for k in 0..<m where ArgumentPlace.float(k) != place { #expect(values.contains(ArgumentPlace.float(k).holeValue)) }
      }
    }
  }
  #expect(found > 10)
}

@Test func trailingJumpsAreRealJumpsToTheContinuation() {
  let library = StencilLibrary.shared
  for (k, stencil) in library.stencils.enumerated() {
    let name = library.name(of: StencilID(rawValue: Int16(k)))
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

/// Every stencil of the table is found again by its own key.
@Test func everyStencilIsFoundByItsKey() {
  let library = StencilLibrary.shared
  #expect(library.count > 1000)
  for k in 0..<library.count {
    let id = StencilID(rawValue: Int16(k))
    #expect(library.stencil(library.key(of: id)) == id, "\(library.name(of: id))")
  }
}

/// The selector's constant table of operand pairs agrees with `OperandPair.init`, and the
/// library's holes of known values read the emission fields they name.
@Test func selectorOperandPairsAndKnownHoles() {
  for a in Location.allCases {
    for b in Location.allCases {
      if let pair = OperandPair(a, b) { #expect(StencilSelector.pair(a, b) == pair, "\(a) \(b)") }
    }
  }
  let library = StencilLibrary.shared
  var known = 0
  var unchecked = 0
  for s in library.stencils {
    let all = library.holes[Int(s.holeStart)..<Int(s.holeEnd)]
    let slots = (Int(s.slotStart)..<Int(s.slotEnd)).map { library.slotHoleBase[$0] }
    let fields = (Int(s.knownStart)..<Int(s.knownEnd)).map { library.knownHoleBase[$0] }
    let others = (Int(s.otherStart)..<Int(s.otherEnd)).map { library.otherHoleBase[$0] }
    #expect(slots.count + fields.count + others.count == all.count)
    var nextSlot = slots.makeIterator(), nextField = fields.makeIterator()
    for hole in all where Int(hole.value.rawValue) < Emission.knownFields.count {
      let expected = Emission.knownFields[Int(hole.value.rawValue)]
      // 32-bit fields into signed 32-bit holes are the unchecked slot holes; the rest are checked.
      if expected.narrow && hole.patch == .abs32s {
        let slot = nextSlot.next()
        #expect(slot?.offset == hole.offset && slot.map { Int64($0.addend) } == hole.addend)
        #expect(slot.map { Int($0.field) } == expected.offset)
        unchecked += 1
      } else {
        let field = nextField.next()
        #expect(field?.offset == hole.offset && field?.patch == hole.patch && field.map { Int64($0.addend) } == hole.addend)
        #expect(field.map { Int($0.field) } == expected.offset && field?.shift == (expected.narrow ? 32 : 0))
      }
      known += 1
    }
    #expect(nextSlot.next() == nil && nextField.next() == nil)
  }
  #expect(known > 1000 && unchecked > 500)
  // A narrow field read as 8 bytes and shifted gives the 32-bit value, sign-extended.
  var e = Emission(stencil: StencilID(rawValue: 0), slotA: -8, slotD: 1 << 30, immB: -5, frameSize: 24)
  e.aux = 0x7fff_ffff
  withUnsafeBytes(of: &e) { raw in
    func read(_ value: HoleValue) -> Int64 {
      let f = Emission.knownFields[Int(value.rawValue)]
      var word: Int64 = 0
      withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[f.offset..<min(f.offset + 8, raw.count)])) }
      let shift: Int64 = f.narrow ? 32 : 0
      return (word &<< shift) &>> shift
    }
    #expect(read(.slotA) == -8 && read(.slotD) == 1 << 30 && read(.immB) == -5 && read(.frameSize) == 24)
  }
}
