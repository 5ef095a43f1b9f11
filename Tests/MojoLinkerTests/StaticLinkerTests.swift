//! The built-in linker on hand-assembled objects linked with the real runtime: every relocation
//! kind it accepts patches the right value (the program prints through each one), GOT loads are
//! relaxed or get a slot, the file is a static ET_EXEC, and bad inputs fail with named symbols.
import ELFKit
import Foundation
import MojoLinker
import MojoRuntime
import Testing
import TestSupport

@Suite struct StaticLinkerTests {
  typealias Writer = RelocatableObjectWriter

  /// A relocation type mojoc's own writer does not name.
  static let gotpcrel: UInt32 = 9, rexGotpcrelx: UInt32 = 42

  /// `mojo_main` printing the string `s1` ("a\n") through every relocation kind, then 42.
  static func program() throws -> [UInt8] {
    var w = Writer()
    w.rodata = [2, 0, 0, 0, 0, 0, 0, 0, UInt8(ascii: "a"), 10]
    w.symbols = [
      .init(name: "s1", binding: .local, kind: .object, placement: .rodata, value: 0, size: 10),
      .init(name: "mojo_main", binding: .global, kind: .function, placement: .text, value: 0, size: 0),
      .init(name: "mojo_rt_print_string", binding: .global, kind: .none, placement: .undefined),
      .init(name: "mojo_rt_print_int", binding: .global, kind: .none, placement: .undefined),
    ]
    let s1 = Writer.Target.symbol(0), printString = Writer.Target.symbol(2), printInt = Writer.Target.symbol(3)
    var code: [UInt8] = [0x53]  // push rbx (aligns the stack for the calls)
    func call(_ target: Writer.Target) {
      code += [0xe8]
      w.relocations.append(.init(offset: UInt64(code.count), type: X86_64Relocation.plt32, target: target, addend: -4))
      code += [0, 0, 0, 0]
    }
    func instruction(_ opcode: [UInt8], type: UInt32, target: Writer.Target, addend: Int64, width: Int) {
      code += opcode
      w.relocations.append(.init(offset: UInt64(code.count), type: type, target: target, addend: addend))
      code += [UInt8](repeating: 0, count: width)
    }
    instruction([0x48, 0x8d, 0x3d], type: X86_64Relocation.pc32, target: s1, addend: -4, width: 4)  // lea rdi, [rip+s1]
    call(printString)
    instruction([0x48, 0xc7, 0xc7], type: X86_64Relocation.abs32s, target: s1, addend: 0, width: 4)  // mov rdi, s1
    call(printString)
    instruction([0x48, 0xbf], type: X86_64Relocation.abs64, target: s1, addend: 0, width: 8)  // movabs rdi, s1
    call(printString)
    instruction([0xbf], type: X86_64Relocation.abs32, target: .section(.rodata), addend: 0, width: 4)  // mov edi, .rodata
    call(printString)
    instruction([0x48, 0x8b, 0x3d], type: gotpcrel, target: s1, addend: -4, width: 4)  // mov rdi, [rip+s1@GOTPCREL]
    call(printString)
    instruction([0x48, 0x8b, 0x3d], type: rexGotpcrelx, target: s1, addend: -4, width: 4)  // relaxed to lea
    call(printString)
    code += [0x48, 0xc7, 0xc7, 42, 0, 0, 0]  // mov rdi, 42
    call(printInt)
    code += [0x5b, 0xc3]  // pop rbx; ret
    w.text = code
    w.symbols[1].size = UInt64(code.count)
    return try w.makeObject()
  }

  static func link(_ inputs: [LinkInput]) throws -> [UInt8] { try StaticLinker().link(inputs) }

  static var runtime: LinkInput { LinkInput(name: "mojo_runtime.o", bytes: RuntimeObject.bytes) }

  /// Writes `image` as an executable file and runs it.
  static func run(_ image: [UInt8]) throws -> ProgramRun {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exe = folder.appendingPathComponent("program")
    try Data(image).write(to: exe)
    chmod(exe.path, 0o755)
    return try Harness.run(exe)
  }

  @Test func everyRelocationKindPatchesTheRightValue() throws {
    let image = try Self.link([LinkInput(name: "main.o", bytes: try Self.program()), Self.runtime])
    let run = try Self.run(image)
    #expect(run.status == 0)
    #expect(run.stderr == "")
    #expect(run.stdout == String(repeating: "a\n", count: 6) + "42")
  }

  @Test func gotLoadsAreRelaxedOrGetASlot() throws {
    let object = try Self.program()
    let image = try Self.link([LinkInput(name: "main.o", bytes: object), Self.runtime])
    // mojo_main is the first text: find both GOT loads after the headers by their patterns.
    let text = Array(image[(64 + 3 * 56)...])
    func count(_ pattern: [UInt8]) -> Int {
      (0...(text.count - pattern.count)).filter { Array(text[$0..<$0 + pattern.count]) == pattern }.count
    }
    let movs = count([0x48, 0x8b, 0x3d]), leas = count([0x48, 0x8d, 0x3d])
    #expect(movs >= 1)  // the plain GOTPCREL load stays a load, from a slot
    #expect(leas >= 2)  // the PC32 lea and the relaxed REX_GOTPCRELX
  }

  @Test func outputIsAStaticExecutableAtTheBaseAddress() throws {
    let image = try Self.link([LinkInput(name: "main.o", bytes: try Self.program()), Self.runtime])
    #expect(Array(image.prefix(4)) == [0x7f, 0x45, 0x4c, 0x46])
    #expect(image[16] == 2 && image[17] == 0)  // ET_EXEC
    #expect(image[18] == 62)  // EM_X86_64
    let entry = image[24..<32].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    #expect(entry > StaticLinker.baseAddress && entry < StaticLinker.baseAddress + UInt64(image.count))
    #expect(image[56] == 3)  // three program headers: two PT_LOAD and PT_GNU_STACK
    let types = (0..<3).map { image[64 + 56 * $0] }
    #expect(types == [1, 1, 0x51])
  }

  @Test func symbolTableNamesFunctionsAtTheirAddresses() throws {
    let object = try Self.program()
    let image = try Self.link([LinkInput(name: "main.o", bytes: object), Self.runtime])
    func read<T: FixedWidthInteger>(_ at: Int, _: T.Type) -> T {
      image.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: T.self) }
    }
    let sectionHeaders = Int(read(40, UInt64.self)), count = Int(read(60, UInt16.self))
    func header(_ k: Int) -> (type: UInt32, offset: Int, size: Int, link: Int) {
      let at = sectionHeaders + 64 * k
      return (read(at + 4, UInt32.self), Int(read(at + 24, UInt64.self)), Int(read(at + 32, UInt64.self)),
              Int(read(at + 40, UInt32.self)))
    }
    let symtab = try #require((0..<count).map(header).first { $0.type == 2 })
    let strtab = header(symtab.link)
    var found: [String: (value: UInt64, size: UInt64)] = [:]
    for k in 0..<symtab.size / 24 {
      let at = symtab.offset + 24 * k
      let name = Array(image[(strtab.offset + Int(read(at, UInt32.self)))...].prefix { $0 != 0 })
      found[String(decoding: name, as: UTF8.self)] = (read(at + 8, UInt64.self), read(at + 16, UInt64.self))
    }
    let main = try #require(found["mojo_main"])
    #expect(image[Int(main.value - StaticLinker.baseAddress)] == 0x53)  // push rbx, mojo_main's first byte
    #expect(main.size > 40)
    let start = try #require(found["_start"])
    #expect(start.value == read(24, UInt64.self))  // the entry point
    #expect(found["mojo_rt_print_int"] != nil && found["trap"] != nil)  // globals and locals
  }

  @Test func sameInputsGiveTheSameBytes() throws {
    let inputs = [LinkInput(name: "main.o", bytes: try Self.program()), Self.runtime]
    #expect(try Self.link(inputs) == Self.link(inputs))
  }

  @Test func undefinedSymbolNamesTheSymbolAndTheObject() throws {
    var w = Writer()
    w.text = [0xe8, 0, 0, 0, 0, 0xc3]
    w.symbols = [
      .init(name: "mojo_main", binding: .global, kind: .function, placement: .text, value: 0, size: 6),
      .init(name: "no_such_function", binding: .global, kind: .none, placement: .undefined),
    ]
    w.relocations = [.init(offset: 1, type: X86_64Relocation.plt32, target: .symbol(1), addend: -4)]
    let inputs = [LinkInput(name: "util.o", bytes: try w.makeObject()), Self.runtime]
    #expect(throws: LinkError.undefinedSymbol(name: "no_such_function", object: "util.o")) { try Self.link(inputs) }
  }

  @Test func duplicateDefinitionsAreRejected() throws {
    let object = try Self.program()
    let inputs = [LinkInput(name: "a.o", bytes: object), LinkInput(name: "b.o", bytes: object), Self.runtime]
    #expect(throws: LinkError.duplicateSymbol(name: "mojo_main", first: "a.o", second: "b.o")) { try Self.link(inputs) }
  }

  @Test func missingEntryAndGarbageAreErrors() throws {
    let object = try Self.program()
    #expect(throws: LinkError.undefinedSymbol(name: "mojo_rt_print_string", object: "main.o")) {
      try Self.link([LinkInput(name: "main.o", bytes: object)])
    }
    #expect(throws: LinkError.missingEntry(name: "begin")) {
      try StaticLinker(entry: "begin").link([LinkInput(name: "main.o", bytes: object), Self.runtime])
    }
    #expect(throws: LinkError.malformedObject(object: "junk.o", reason: "not an ELF file")) {
      try Self.link([LinkInput(name: "junk.o", bytes: Array("not an object".utf8))])
    }
  }

  @Test func aRelocationThatDoesNotFitIsReported() throws {
    var w = Writer()
    w.text = [0xbf, 0, 0, 0, 0, 0xc3]  // mov edi, imm32
    w.symbols = [.init(name: "mojo_main", binding: .global, kind: .function, placement: .text, value: 0, size: 6)]
    // An addend that puts the value past 4 GiB cannot be a zero-extended 32-bit field.
    w.relocations = [.init(offset: 1, type: X86_64Relocation.abs32, target: .symbol(0), addend: 1 << 33)]
    let inputs = [LinkInput(name: "big.o", bytes: try w.makeObject()), Self.runtime]
    #expect(throws: LinkError.relocationOverflow(object: "big.o", section: ".text", offset: 1, type: "R_X86_64_32",
                                                  symbol: "mojo_main")) { try Self.link(inputs) }
  }
}
