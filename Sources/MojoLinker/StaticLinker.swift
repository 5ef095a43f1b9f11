//! mojoc's built-in linker: x86-64 ELF relocatable objects in, a static non-PIE executable out.
//! It links what mojoc produces — module objects of either backend plus the runtime, which needs
//! no libc — the way Go, Zig and TCC link, without spawning `cc` or a system linker. Steps:
//!   1. read every object (`RelocatableObject.swift`) and sort its sections into text, read-only
//!      data, data and bss; dropped: non-allocated sections, `.eh_frame`, groups
//!   2. resolve symbols: one table of global definitions; undefined or duplicate names fail
//!   3. decide GOT slots: `mov foo@GOTPCREL(%rip)` becomes `lea foo(%rip)`, any other GOT use
//!      gets a slot, filled at link time
//!   4. lay out two segments at `baseAddress`: R+X (headers, text, read-only data, GOT) and RW
//!      (data, then bss), each section at its alignment, objects in input order
//!   5. copy section bytes and apply relocations
//!   6. append a symbol table and section headers (`SymbolTable.swift`), write the ELF and
//!      program headers (`ExecutableImage.swift`)
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
    let definitions = try resolveSymbols(objects)

    // 3. GOT slots, in order of first use.
    var gotSlots: [Definition: Int] = [:]
    var gotOrder: [Definition] = []
    for (o, object) in objects.enumerated() {
      for rela in relocationSections[o] {
        let target = Int(object.sections[rela].info)
        for relocation in object.relocations(in: rela) where StaticLinker.usesGOT(relocation.type) {
          guard relocation.symbol < object.symbols.count else { throw badSymbol(object, relocation) }
          let definition = definitions[o][relocation.symbol]
          if StaticLinker.canRelax(relocation, in: object, section: target) && definition != .none { continue }
          if gotSlots[definition] == nil {
            gotSlots[definition] = gotOrder.count
            gotOrder.append(definition)
          }
        }
      }
    }

    // 4. Layout.
    var layout = Layout(objects: objects, kinds: kinds, gotSlots: gotOrder.count)

    // 5. Contents and relocations.
    var image = [UInt8](repeating: 0, count: layout.fileSize)
    for (o, object) in objects.enumerated() {
      for (index, section) in object.sections.enumerated() where kinds[o][index] != nil && kinds[o][index] != .bss {
        let at = layout.fileOffset[o][index]
        image.withUnsafeMutableBytes { out in
          object.bytes.withUnsafeBytes { source in
            out.baseAddress!.advanced(by: at).copyMemory(
              from: source.baseAddress!.advanced(by: section.fileOffset), byteCount: section.size)
          }
        }
      }
    }
    func address(of definition: Definition) throws -> UInt64 {
      guard definition != .none else { return 0 }
      let object = objects[Int(definition.object)]
      let symbol = object.symbols[Int(definition.symbol)]
      if symbol.sectionIndex == ELF.absoluteSection { return symbol.value }
      let section = Int(symbol.sectionIndex)
      guard section < layout.address[Int(definition.object)].count, kinds[Int(definition.object)][section] != nil else {
        throw LinkError.unsupported(
          object: object.name, what: "a reference to symbol '\(object.symbolName(Int(definition.symbol)))' in a dropped section")
      }
      return layout.address[Int(definition.object)][section] &+ symbol.value
    }
    for (slot, definition) in gotOrder.enumerated() {
      let value = try address(of: definition)
      image.withUnsafeMutableBytes { $0.storeBytes(of: value.littleEndian, toByteOffset: layout.gotFileOffset + 8 * slot, as: UInt64.self) }
    }
    for (o, object) in objects.enumerated() {
      for rela in relocationSections[o] {
        let target = Int(object.sections[rela].info)
        let sectionAddress = layout.address[o][target], sectionOffset = layout.fileOffset[o][target]
        let size = object.sections[target].size
        for relocation in object.relocations(in: rela) {
          guard relocation.symbol < object.symbols.count else { throw badSymbol(object, relocation) }
          let definition = definitions[o][relocation.symbol]
          var value = try address(of: definition)
          let place = sectionAddress &+ relocation.offset
          let at = sectionOffset + Int(relocation.offset)
          let width = StaticLinker.width(relocation.type)
          guard relocation.offset <= UInt64(size), Int(relocation.offset) + width <= size else {
            throw LinkError.malformedObject(object: object.name, reason: "relocation at 0x\(String(relocation.offset, radix: 16)) outside its section")
          }
          if StaticLinker.usesGOT(relocation.type) {
            if let slot = gotSlots[definition], !(StaticLinker.canRelax(relocation, in: object, section: target) && definition != .none) {
              value = layout.gotAddress + UInt64(8 * slot)
            } else {
              image[at - 2] = 0x8d  // mov foo@GOTPCREL(%rip), %reg -> lea foo(%rip), %reg
            }
          }
          let result = value &+ UInt64(bitPattern: relocation.addend)
          func overflow() -> LinkError {
            .relocationOverflow(object: object.name, section: object.sectionName(target), offset: relocation.offset,
                                type: StaticLinker.relocationName(relocation.type),
                                symbol: object.symbolName(relocation.symbol))
          }
          switch relocation.type {
          case 0: continue  // R_X86_64_NONE
          case 1: store(result, at: at, in: &image)  // R_X86_64_64
          case 24: store(result &- place, at: at, in: &image)  // R_X86_64_PC64
          case 2, 4, 9, 41, 42:  // PC32, PLT32, GOTPCREL, GOTPCRELX, REX_GOTPCRELX
            let relative = Int64(bitPattern: result &- place)
            guard let field = Int32(exactly: relative) else { throw overflow() }
            store(UInt32(bitPattern: field), at: at, in: &image)
          case 10:  // R_X86_64_32
            guard let field = UInt32(exactly: result) else { throw overflow() }
            store(field, at: at, in: &image)
          case 11:  // R_X86_64_32S
            guard let field = Int32(exactly: Int64(bitPattern: result)) else { throw overflow() }
            store(UInt32(bitPattern: field), at: at, in: &image)
          default:
            throw LinkError.unsupported(object: object.name, what: "relocation type \(StaticLinker.relocationName(relocation.type))")
          }
        }
      }
    }

    let entryDefinition = try entryPoint(objects, definitions: definitions)
    layout.appendSymbolsAndSections(to: &image, objects: objects, kinds: kinds, definitions: definitions)
    layout.writeHeaders(into: &image, entry: try address(of: entryDefinition))
    return image
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
    if object.sectionName(index) == ".eh_frame" { return nil }  // nothing unwinds
    if section.flags & ELF.flagExec != 0 { return .text }
    if section.flags & ELF.flagWrite == 0 { return .rodata }
    return section.type == ELF.nobits ? .bss : .data
  }

  // MARK: - Symbols

  /// For every symbol of every object, its definition; fails on an undefined non-weak symbol or
  /// two strong definitions of one name.
  func resolveSymbols(_ objects: [RelocatableObject]) throws -> [[Definition]] {
    var globals: [String: Definition] = [:]
    var names = [[String?]]()
    for (o, object) in objects.enumerated() {
      var objectNames = [String?](repeating: nil, count: object.symbols.count)
      for (s, symbol) in object.symbols.enumerated() where s > 0 && symbol.binding != ELF.bindLocal {
        let name = object.symbolName(s)
        objectNames[s] = name
        guard symbol.sectionIndex != ELF.undefinedSection else { continue }
        if symbol.sectionIndex == ELF.commonSection {
          throw LinkError.unsupported(object: object.name, what: "common symbol '\(name)' (compile with -fno-common)")
        }
        let definition = Definition(object: Int32(o), symbol: Int32(s))
        guard let existing = globals[name] else {
          globals[name] = definition
          continue
        }
        let existingSymbol = objects[Int(existing.object)].symbols[Int(existing.symbol)]
        if existingSymbol.binding == ELF.bindWeak && symbol.binding == ELF.bindGlobal {
          globals[name] = definition
        } else if existingSymbol.binding == ELF.bindGlobal && symbol.binding == ELF.bindGlobal {
          throw LinkError.duplicateSymbol(name: name, first: objects[Int(existing.object)].name, second: object.name)
        }
      }
      names.append(objectNames)
    }
    var definitions = [[Definition]]()
    definitions.reserveCapacity(objects.count)
    for (o, object) in objects.enumerated() {
      var resolved = [Definition](repeating: .none, count: object.symbols.count)
      for (s, symbol) in object.symbols.enumerated() where s > 0 {
        guard let name = names[o][s] else {
          resolved[s] = Definition(object: Int32(o), symbol: Int32(s))
          continue
        }
        if let definition = globals[name] {
          resolved[s] = definition
        } else if symbol.binding != ELF.bindWeak {
          throw LinkError.undefinedSymbol(name: name, object: object.name)
        }
      }
      definitions.append(resolved)
    }
    return definitions
  }

  /// The definition of the entry symbol.
  func entryPoint(_ objects: [RelocatableObject], definitions: [[Definition]]) throws -> Definition {
    for (o, object) in objects.enumerated() {
      for (s, symbol) in object.symbols.enumerated()
      where s > 0 && symbol.binding != ELF.bindLocal && symbol.sectionIndex != ELF.undefinedSection
        && object.symbolName(s) == entry {
        return definitions[o][s]
      }
    }
    throw LinkError.missingEntry(name: entry)
  }

  func badSymbol(_ object: RelocatableObject, _ relocation: RelocatableObject.Relocation) -> LinkError {
    .malformedObject(object: object.name, reason: "relocation names symbol \(relocation.symbol), past the symbol table")
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

  /// Bytes a relocation type patches.
  static func width(_ type: UInt32) -> Int {
    switch type {
    case 0: 0
    case 1, 24: 8
    default: 4
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

/// Stores a little-endian integer into the image.
@inline(__always) func store<T: FixedWidthInteger>(_ value: T, at offset: Int, in image: inout [UInt8]) {
  image.withUnsafeMutableBytes { $0.storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self) }
}
