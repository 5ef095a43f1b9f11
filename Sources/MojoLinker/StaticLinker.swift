//! mojoc's built-in linker: x86-64 ELF relocatable objects in, a static non-PIE executable out.
//! It links what mojoc produces — module objects of either backend plus the runtime, which needs
//! no libc — the way Go, Zig and TCC link, without spawning `cc` or a system linker. Steps:
//!   1. read every object (`RelocatableObject.swift`) and sort its sections into text, read-only
//!      data, data and bss; dropped: non-allocated sections, `.eh_frame`, groups
//!   2. resolve symbols (`GlobalSymbols.swift`): undefined or duplicate names fail
//!   3. decide GOT slots: `mov foo@GOTPCREL(%rip)` becomes `lea foo(%rip)`, any other GOT use
//!      gets a slot, filled at link time
//!   4. lay out two segments at `baseAddress` (`ExecutableImage.swift`) and make the symbol table
//!      and section headers (`SymbolTable.swift`)
//!   5. `LinkedExecutable.write`: copy section bytes, apply relocations, write the headers —
//!      straight into the output file's memory when the caller maps it
//! Output depends only on the inputs and their order, never on timing.

/// Links relocatable objects into a static executable image.
public struct StaticLinker: Sendable {
  /// Where the executable is loaded (the customary non-PIE base on x86-64).
  public static let baseAddress: UInt64 = 0x40_0000
  static let pageSize: UInt64 = 0x1000

  /// The symbol the program starts at.
  public var entry: String

  /// A linker whose executables start at `entry`.
  public init(entry: String = "_start") { self.entry = entry }

  /// Where output sections go.
  enum OutputKind: Int, CaseIterable {
    case text, rodata, data, bss
  }

  /// A symbol after resolution: the object and symbol index that define it, or nothing
  /// (an undefined weak symbol, address 0).
  struct Definition: Hashable {
    var object: Int32
    var symbol: Int32
    static let none = Definition(object: -1, symbol: -1)
  }

  /// Links `inputs` (in this order) and returns the bytes of the executable file.
  public func link(_ inputs: [LinkInput]) throws -> [UInt8] {
    let executable = try plan(inputs)
    var image = [UInt8](repeating: 0, count: executable.size)
    try image.withUnsafeMutableBytes { try executable.write(into: $0) }
    return image
  }

  /// Reads, resolves and lays out `inputs` for an image at `base` (a file's load address, or
  /// memory the caller reserved): everything that can fail except a relocation value that does
  /// not fit its field, which `write` reports.
  public func plan(_ inputs: [LinkInput], base: UInt64 = StaticLinker.baseAddress) throws -> LinkedExecutable {
    let objects = try inputs.map { try RelocatableObject($0) }

    // 1. Sections.
    var kinds = [[OutputKind?]]()
    var relocationSections = [[Int]]()  // per object: RELA sections that patch an output section
    kinds.reserveCapacity(objects.count)
    for object in objects {
      var objectKinds = [OutputKind?](repeating: nil, count: object.sections.count)
      var relas: [Int] = []
      for (index, section) in object.sections.enumerated() {
        if section.type == ELF.rela || section.type == ELF.rel {
          relas.append(index)
          continue
        }
        objectKinds[index] = try StaticLinker.kind(of: section, index: index, in: object)
      }
      relocationSections.append(try relas.filter { index in
        let section = object.sections[index]
        guard Int(section.info) < objectKinds.count, objectKinds[Int(section.info)] != nil else { return false }
        guard section.type == ELF.rela else {
          throw LinkError.unsupported(object: object.name, what: "a REL relocation section")
        }
        return true
      })
      kinds.append(objectKinds)
    }

    // 2. Symbols.
    let (globals, definitions) = try resolveSymbols(objects)
    guard let entryDefinition = globals.definition(of: entry, objects: objects) else {
      throw LinkError.missingEntry(name: entry)
    }

    // 3. GOT slots, in order of first use; every relocation type is checked here.
    var gotSlots: [Definition: Int] = [:]
    var gotOrder: [Definition] = []
    for (o, object) in objects.enumerated() {
      for rela in relocationSections[o] {
        let target = Int(object.sections[rela].info)
        for relocation in object.relocations(in: rela) {
          guard relocation.symbol < object.symbols.count else {
            throw LinkError.malformedObject(
              object: object.name, reason: "relocation names symbol \(relocation.symbol), past the symbol table")
          }
          guard StaticLinker.width(relocation.type) != nil else {
            throw LinkError.unsupported(object: object.name, what: "relocation type \(StaticLinker.relocationName(relocation.type))")
          }
          let definition = definitions[o][relocation.symbol]
          if definition != .none {
            let defining = objects[Int(definition.object)], symbol = defining.symbols[Int(definition.symbol)]
            let section = Int(symbol.sectionIndex)
            if symbol.sectionIndex != ELF.absoluteSection && (section >= kinds[Int(definition.object)].count
                                                               || kinds[Int(definition.object)][section] == nil) {
              throw LinkError.unsupported(
                object: object.name,
                what: "a reference to '\(defining.symbolName(Int(definition.symbol)))' in a section that is not linked")
            }
          }
          guard StaticLinker.usesGOT(relocation.type) else { continue }
          if StaticLinker.canRelax(relocation, in: object, section: target) && definition != .none { continue }
          if gotSlots[definition] == nil {
            gotSlots[definition] = gotOrder.count
            gotOrder.append(definition)
          }
        }
      }
    }

    // 4. Layout, symbol table and section headers.
    var layout = Layout(objects: objects, kinds: kinds, gotSlots: gotOrder.count, base: base)
    let trailer = layout.makeSymbolsAndSections(objects: objects, kinds: kinds, definitions: definitions)
    return LinkedExecutable(objects: objects, kinds: kinds, relocationSections: relocationSections,
                            definitions: definitions, gotSlots: gotSlots, gotOrder: gotOrder, layout: layout,
                            trailer: trailer, entry: entryDefinition)
  }

  // MARK: - Sections

  /// Where section `index` goes in the executable, or nil when it is dropped.
  static func kind(of section: RelocatableObject.Section, index: Int, in object: RelocatableObject) throws -> OutputKind? {
    guard section.flags & ELF.flagAlloc != 0 else { return nil }
    switch section.type {
    case ELF.x86_64Unwind, ELF.group: return nil
    case ELF.initArray, ELF.finiArray, ELF.preinitArray:
      if section.size == 0 { return nil }
      throw LinkError.unsupported(object: object.name, what: "a constructor or destructor section (\(object.sectionName(index)))")
    default: break
    }
    if section.flags & ELF.flagTLS != 0 {
      throw LinkError.unsupported(object: object.name, what: "thread-local storage (\(object.sectionName(index)))")
    }
    if section.flags & ELF.flagExec == 0 && object.sectionName(index) == ".eh_frame" { return nil }  // nothing unwinds
    if section.flags & ELF.flagExec != 0 { return .text }
    if section.flags & ELF.flagWrite == 0 { return .rodata }
    return section.type == ELF.nobits ? .bss : .data
  }

  // MARK: - Symbols

  /// The global definitions, and for every symbol of every object its definition; fails on an
  /// undefined non-weak symbol or two strong definitions of one name.
  func resolveSymbols(_ objects: [RelocatableObject]) throws -> (GlobalSymbols, [[Definition]]) {
    var globals = GlobalSymbols(capacity: objects.reduce(0) { $0 + $1.symbols.count })
    var names = [[Range<Int>?]]()
    names.reserveCapacity(objects.count)
    for (o, object) in objects.enumerated() {
      var objectNames = [Range<Int>?](repeating: nil, count: object.symbols.count)
      for (s, symbol) in object.symbols.enumerated() where s > 0 && symbol.binding != ELF.bindLocal {
        let name = object.nameRange(ofSymbol: s)
        objectNames[s] = name
        guard symbol.sectionIndex != ELF.undefinedSection else { continue }
        if symbol.sectionIndex == ELF.commonSection {
          throw LinkError.unsupported(object: object.name, what: "common symbol '\(object.symbolName(s))' (compile with -fno-common)")
        }
        let definition = Definition(object: Int32(o), symbol: Int32(s))
        guard let existing = globals.insert(definition, nameAt: name, object: o, objects: objects) else { continue }
        let existingSymbol = objects[Int(existing.object)].symbols[Int(existing.symbol)]
        if existingSymbol.binding == ELF.bindWeak && symbol.binding == ELF.bindGlobal {
          globals.replace(nameAt: name, object: o, with: definition, objects: objects)
        } else if existingSymbol.binding == ELF.bindGlobal && symbol.binding == ELF.bindGlobal {
          throw LinkError.duplicateSymbol(name: object.symbolName(s), first: objects[Int(existing.object)].name,
                                          second: object.name)
        }
      }
      names.append(objectNames)
    }
    var definitions = [[Definition]]()
    definitions.reserveCapacity(objects.count)
    for (o, object) in objects.enumerated() {
      var resolved = [Definition](repeating: .none, count: object.symbols.count)
      object.bytes.withUnsafeBufferPointer { bytes in
        for s in 1..<max(object.symbols.count, 1) {
          guard let name = names[o][s] else {
            resolved[s] = Definition(object: Int32(o), symbol: Int32(s))
            continue
          }
          if object.symbols[s].sectionIndex != ELF.undefinedSection && object.symbols[s].binding == ELF.bindGlobal {
            resolved[s] = Definition(object: Int32(o), symbol: Int32(s))  // its own (no duplicates exist)
          } else if let definition = globals.definition(of: UnsafeBufferPointer(rebasing: bytes[name]), objects: objects) {
            resolved[s] = definition
          }
        }
      }
      for s in resolved.indices where s > 0 && resolved[s] == .none && object.symbols[s].binding != ELF.bindWeak {
        throw LinkError.undefinedSymbol(name: object.symbolName(s), object: object.name)
      }
      definitions.append(resolved)
    }
    return (globals, definitions)
  }

  // MARK: - Relocations

  /// Whether a relocation type reads the symbol's address from a GOT slot.
  static func usesGOT(_ type: UInt32) -> Bool { type == 9 || type == 41 || type == 42 }

  /// Whether a GOT load can become an address computation: `mov foo@GOTPCREL(%rip), %reg`
  /// (GOTPCRELX or REX_GOTPCRELX, opcode 0x8b) turns into `lea foo(%rip), %reg`.
  static func canRelax(_ relocation: RelocatableObject.Relocation, in object: RelocatableObject, section: Int) -> Bool {
    guard relocation.type == 41 || relocation.type == 42, relocation.offset >= 2 else { return false }
    let at = object.sections[section].fileOffset + Int(relocation.offset) - 2
    return at < object.bytes.count && object.bytes[at] == 0x8b
  }

  /// Bytes a relocation type patches; nil for a type the linker does not know.
  static func width(_ type: UInt32) -> Int? {
    switch type {
    case 0: 0  // R_X86_64_NONE
    case 1, 24: 8  // 64, PC64
    case 2, 4, 9, 10, 11, 41, 42: 4  // PC32, PLT32, GOTPCREL, 32, 32S, GOTPCRELX, REX_GOTPCRELX
    default: nil
    }
  }

  /// The ELF name of an x86-64 relocation type.
  static func relocationName(_ type: UInt32) -> String {
    switch type {
    case 1: "R_X86_64_64"
    case 2: "R_X86_64_PC32"
    case 4: "R_X86_64_PLT32"
    case 9: "R_X86_64_GOTPCREL"
    case 10: "R_X86_64_32"
    case 11: "R_X86_64_32S"
    case 24: "R_X86_64_PC64"
    case 41: "R_X86_64_GOTPCRELX"
    case 42: "R_X86_64_REX_GOTPCRELX"
    default: "R_X86_64 type \(type)"
    }
  }
}
