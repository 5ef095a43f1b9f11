//! ELFKit: objects written by `RelocatableObjectWriter` read back by `ELFObject` with the same
//! sections, symbols (locals first) and relocations; a backend object has the expected symbols.
import Dispatch
import ELFKit
import MojoCodegen
import MojoCopyPatch
import MojoIR
import Testing

@Test func writtenObjectReadsBack() throws {
  var writer = RelocatableObjectWriter()
  writer.text = [0x55, 0xE8, 0, 0, 0, 0, 0x48, 0x8D, 0x05, 0, 0, 0, 0, 0x5D, 0xC3]
  writer.rodata = Array("\u{5}\0\0\0\0\0\0\0hello".utf8)
  writer.symbols = [
    .init(name: "exported_fn", binding: .global, kind: .function, placement: .text, value: 0, size: 15),
    .init(name: "puts", binding: .global, kind: .none, placement: .undefined),
    .init(name: "local_fn", binding: .local, kind: .function, placement: .text, value: 13, size: 2),
  ]
  writer.relocations = [
    .init(offset: 2, type: X86_64Relocation.plt32, target: .symbol(1), addend: -4),
    .init(offset: 9, type: X86_64Relocation.pc32, target: .section(.rodata), addend: 8 - 4),
  ]
  let object = try ELFObject(bytes: try writer.makeObject())

  #expect(object.sections.map(\.name) == ["", ".text", ".rodata", ".rela.text", ".symtab", ".strtab", ".shstrtab",
                                          ".note.GNU-stack"])
  #expect(object.section(named: ".text")?.bytes == writer.text)
  #expect(object.section(named: ".rodata")?.bytes == writer.rodata)
  #expect(object.section(named: ".note.GNU-stack")?.bytes == [])
  let rela = try #require(object.section(named: ".rela.text"))
  #expect(rela.link == 4 && rela.info == 1 && rela.entrySize == 24)

  // null, two section symbols, the local function, then the globals in their given order.
  #expect(object.symbols.map(\.name) == ["", "", "", "local_fn", "exported_fn", "puts"])
  #expect(object.firstGlobalSymbol == 4)
  #expect(object.symbols[1].kind == ELFSymbolKind.section.rawValue && object.symbols[1].sectionIndex == 1)
  #expect(object.symbols[2].kind == ELFSymbolKind.section.rawValue && object.symbols[2].sectionIndex == 2)
  #expect(object.symbols[3].binding == ELFSymbolBinding.local.rawValue && object.symbols[3].value == 13)
  #expect(object.symbols[4].binding == ELFSymbolBinding.global.rawValue && object.symbols[4].size == 15)
  #expect(object.symbols[4].kind == ELFSymbolKind.function.rawValue)
  #expect(object.symbols[5].sectionIndex == 0)

  #expect(object.relocations == [
    ELFRelocation(targetSection: 1, offset: 2, type: X86_64Relocation.plt32, symbolIndex: 5, addend: -4),
    ELFRelocation(targetSection: 1, offset: 9, type: X86_64Relocation.pc32, symbolIndex: 2, addend: 4),
  ])
}

/// The direct writer produces exactly libelf's bytes: sections of every size modulo their
/// alignment, empty `.rodata`, `.text` or relocations, locals among globals, large addends.
@Test func directWriterMatchesLibelf() throws {
  var rng = SystemRandomNumberGenerator()
  var cases: [RelocatableObjectWriter] = [RelocatableObjectWriter()]
  for n in 0..<40 {
    var w = RelocatableObjectWriter()
    w.text = (0..<(n * 37 % 101)).map { _ in UInt8.random(in: 0...255, using: &rng) }
    w.rodata = (0..<(n % 3 == 0 ? 0 : n * 13 % 29)).map { UInt8(truncatingIfNeeded: $0) }
    if n % 5 == 4 { w.rodataAlignment = 16 }
    for k in 0..<(n % 7) {
      w.symbols.append(.init(name: "s\(n)_\(k)", binding: k % 3 == 1 ? .local : .global,
                             kind: k % 2 == 0 ? .function : .none, placement: k % 3 == 2 ? .undefined : .text,
                             value: UInt64(k * 4), size: UInt64(k)))
    }
    for k in 0..<(n % 4 == 0 ? 0 : n) {
      let target: RelocatableObjectWriter.Target = w.symbols.isEmpty || k % 3 == 0
        ? .section(k % 2 == 0 ? .rodata : .text) : .symbol(k % w.symbols.count)
      w.relocations.append(.init(offset: UInt64(k * 5), type: k % 2 == 0 ? X86_64Relocation.plt32 : X86_64Relocation.pc32,
                                 target: target, addend: Int64(k) * -1_000_003))
    }
    cases.append(w)
  }
  for w in cases {
    #expect(try w.makeObject() == w.makeObjectWithLibelf())
  }
}

@Test func backendObjectHasFunctionSymbolsAndRelocations() throws {
  let object = try ELFObject(bytes: try CopyPatchBackend().emitObject(for: makeModuleA()).bytes)
  let text = try #require(object.section(named: ".text"))
  let functions = object.symbols.filter { $0.kind == ELFSymbolKind.function.rawValue }
  #expect(Set(functions.map(\.name)) == ["mix", "fact", "sum_to", "a_helper", "calls", "is_set"])
  for f in functions {
    #expect(f.sectionIndex == UInt16(text.index) && f.size > 0 && f.value + f.size <= UInt64(text.bytes.count))
    #expect(f.value % 16 == 0)
    #expect((f.binding == ELFSymbolBinding.local.rawValue) == (f.name == "a_helper"))
  }
  // Calls to declared functions are PLT32 relocations; calls within the module are patched.
  let targets = Set(object.relocations.map { object.symbols[$0.symbolIndex].name })
  #expect(targets == ["b_inc", "c_add3", "c_is_even"])
  #expect(object.relocations.allSatisfy { $0.type == X86_64Relocation.plt32 && $0.addend == -4 })
  // Deterministic bytes.
  #expect(try CopyPatchBackend().emitObject(for: makeModuleA()) == CopyPatchBackend().emitObject(for: makeModuleA()))
}

@Test func concurrentEmissionGivesIdenticalObjects() throws {
  let modules = [makeModuleA(), makeModuleB(), makeBenchmarkModule(functions: 20)]
  let backend = CopyPatchBackend()
  let serial = try modules.map { try backend.emitObject(for: $0).bytes }
  // Each iteration writes only its own element of a preallocated buffer (no shared array value).
  nonisolated(unsafe) let results = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: 24)
  results.initialize(repeating: [])
  defer { results.deinitialize().deallocate() }
  DispatchQueue.concurrentPerform(iterations: 24) { k in
    results[k] = (try? backend.emitObject(for: modules[k % modules.count]).bytes) ?? []
  }
  for k in 0..<24 { #expect(results[k] == serial[k % modules.count]) }
}
