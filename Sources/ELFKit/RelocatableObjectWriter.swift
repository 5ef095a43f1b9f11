//! Writes an ET_REL x86-64 object with libelf into memory: `.text`, `.rodata`, `.rela.text`,
//! `.symtab` (locals first, `sh_info` = first global), `.strtab`, `.shstrtab` and an empty
//! `.note.GNU-stack`. libelf lays the file out; it writes into an anonymous memory file that is
//! read back, so the caller gets bytes and nothing touches the file system.
internal import CLibELF

#if canImport(Glibc)
import Glibc
#endif

/// The content of one relocatable object, turned into ELF bytes by `makeObject()`.
public struct RelocatableObjectWriter: Sendable {
  /// Where a symbol is defined.
  public enum Placement: UInt8, Sendable {
    case undefined, text, rodata
  }

  /// A symbol to write. Section symbols for `.text` and `.rodata` are added by the writer.
  public struct Symbol: Sendable, Equatable {
    public var name: String
    public var binding: ELFSymbolBinding
    public var kind: ELFSymbolKind
    public var placement: Placement
    /// Offset inside its section.
    public var value: UInt64
    /// Size in bytes (functions and data objects).
    public var size: UInt64
    /// Makes a symbol.
    public init(name: String, binding: ELFSymbolBinding, kind: ELFSymbolKind, placement: Placement,
                value: UInt64 = 0, size: UInt64 = 0) {
      self.name = name
      self.binding = binding
      self.kind = kind
      self.placement = placement
      self.value = value
      self.size = size
    }
  }

  /// What a relocation refers to.
  public enum Target: Sendable, Equatable {
    /// An entry of `symbols`.
    case symbol(Int)
    /// The section symbol of `.text` or `.rodata`.
    case section(Placement)
  }

  /// A RELA relocation patching `.text`.
  public struct Relocation: Sendable, Equatable {
    public var offset: UInt64
    /// `X86_64Relocation.*`.
    public var type: UInt32
    public var target: Target
    public var addend: Int64
    /// Makes a relocation.
    public init(offset: UInt64, type: UInt32, target: Target, addend: Int64) {
      self.offset = offset
      self.type = type
      self.target = target
      self.addend = addend
    }
  }

  /// Machine code.
  public var text: [UInt8] = []
  /// Alignment of `.text`.
  public var textAlignment: UInt64 = 16
  /// Read-only data.
  public var rodata: [UInt8] = []
  /// Alignment of `.rodata`.
  public var rodataAlignment: UInt64 = 8
  /// Symbols in any binding order; the writer puts locals first.
  public var symbols: [Symbol] = []
  /// Relocations of `.text`.
  public var relocations: [Relocation] = []

  /// Makes an empty object.
  public init() {}

  // Section indices of the written file, fixed by construction.
  static let textIndex: UInt16 = 1, rodataIndex: UInt16 = 2, relaIndex = 3, symtabIndex = 4
  static let strtabIndex = 5, shstrtabIndex = 6
  static let sectionNames = ["", ".text", ".rodata", ".rela.text", ".symtab", ".strtab", ".shstrtab",
                                     ".note.GNU-stack"]

  /// Produces the ELF bytes through libelf (the reference for `makeObject()`, which writes the
  /// same bytes directly; see `RelocatableObjectWriter+Direct.swift`).
  public func makeObjectWithLibelf() throws -> [UInt8] {
    guard libelfReady else { throw ELFError("libelf: \(libelfMessage())") }
    // `.text` and `.rodata` are handed to libelf in place (it only reads them while writing),
    // which is why everything up to elf_update happens inside these closures.
    return try text.withUnsafeBytes { textBytes in
      try rodata.withUnsafeBytes { rodataBytes in try makeObject(text: textBytes, rodata: rodataBytes) }
    }
  }

  /// Produces the ELF bytes with `.text` and `.rodata` at stable addresses.
  private func makeObject(text: UnsafeRawBufferPointer, rodata: UnsafeRawBufferPointer) throws -> [UInt8] {
    let tables = makeTables()
    // libelf keeps pointers to the section data until elf_update, so every buffer is allocated
    // here and freed only after elf_end.
    var buffers: [UnsafeMutableRawBufferPointer] = []
    defer { for buffer in buffers { buffer.deallocate() } }
    func stable(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutableRawBufferPointer {
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
      if bytes.count > 0 { buffer.copyMemory(from: bytes) }
      buffers.append(buffer)
      return UnsafeMutableRawBufferPointer(rebasing: buffer[0..<bytes.count])
    }

    let fd = elfkit_memfd_create("mojoc-object")
    guard fd >= 0 else { throw ELFError("memfd_create failed") }
    defer { close(fd) }
    guard let elf = elf_begin(fd, ELF_C_WRITE, nil) else { throw ELFError("elf_begin: \(libelfMessage())") }
    var elfOpen = true
    defer { if elfOpen { elf_end(elf) } }

    guard let ehdr = elf64_newehdr(elf) else { throw ELFError("elf64_newehdr: \(libelfMessage())") }
    ehdr.pointee.e_type = UInt16(ET_REL)
    ehdr.pointee.e_machine = UInt16(EM_X86_64)
    ehdr.pointee.e_version = UInt32(EV_CURRENT)
    ehdr.pointee.e_shstrndx = UInt16(Self.shstrtabIndex)

    /// Adds one section with its data.
    func addSection(name: UInt32, type: Int32, flags: Int32, link: Int = 0, info: UInt32 = 0,
                    alignment: UInt64, entrySize: UInt64 = 0, dataType: Elf_Type,
                    bytes: UnsafeRawBufferPointer?, inPlace: Bool = false) throws {
      guard let scn = elf_newscn(elf), let shdr = elf64_getshdr(scn) else {
        throw ELFError("elf_newscn: \(libelfMessage())")
      }
      shdr.pointee.sh_name = name
      shdr.pointee.sh_type = UInt32(type)
      shdr.pointee.sh_flags = UInt64(flags)
      shdr.pointee.sh_link = UInt32(link)
      shdr.pointee.sh_info = info
      shdr.pointee.sh_addralign = alignment
      shdr.pointee.sh_entsize = entrySize
      guard let bytes else { return }
      guard let data = elf_newdata(scn) else { throw ELFError("elf_newdata: \(libelfMessage())") }
      let buffer = inPlace ? UnsafeMutableRawBufferPointer(mutating: bytes) : stable(bytes)
      data.pointee.d_buf = buffer.baseAddress
      data.pointee.d_size = buffer.count
      data.pointee.d_type = dataType
      data.pointee.d_align = Int(alignment)
      data.pointee.d_off = 0
      data.pointee.d_version = UInt32(EV_CURRENT)
    }

    let n = tables.sectionNameOffsets
    try addSection(name: n[1], type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR,
                   alignment: textAlignment, dataType: ELF_T_BYTE, bytes: text, inPlace: true)
    try addSection(name: n[2], type: SHT_PROGBITS, flags: SHF_ALLOC, alignment: rodataAlignment,
                   dataType: ELF_T_BYTE, bytes: rodata, inPlace: true)
    try tables.relocations.withUnsafeBytes {
      try addSection(name: n[3], type: SHT_RELA, flags: SHF_INFO_LINK, link: Self.symtabIndex,
                     info: UInt32(Self.textIndex), alignment: 8, entrySize: 24, dataType: ELF_T_RELA, bytes: $0)
    }
    try tables.symbols.withUnsafeBytes {
      try addSection(name: n[4], type: SHT_SYMTAB, flags: 0, link: Self.strtabIndex,
                     info: UInt32(tables.firstGlobal), alignment: 8, entrySize: 24, dataType: ELF_T_SYM, bytes: $0)
    }
    try tables.symbolNames.withUnsafeBytes {
      try addSection(name: n[5], type: SHT_STRTAB, flags: 0, alignment: 1, dataType: ELF_T_BYTE, bytes: $0)
    }
    try tables.sectionNames.withUnsafeBytes {
      try addSection(name: n[6], type: SHT_STRTAB, flags: 0, alignment: 1, dataType: ELF_T_BYTE, bytes: $0)
    }
    try addSection(name: n[7], type: SHT_PROGBITS, flags: 0, alignment: 1, dataType: ELF_T_BYTE, bytes: nil)

    let size = elf_update(elf, ELF_C_WRITE)
    guard size > 0 else { throw ELFError("elf_update: \(libelfMessage())") }
    elf_end(elf)
    elfOpen = false

    var read = 0
    let result = [UInt8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
      read = pread(fd, buffer.baseAddress, Int(size), 0)
      count = max(read, 0)
    }
    guard read == Int(size) else { throw ELFError("reading the object back from memory failed") }
    return result
  }

  // MARK: - Tables

  /// The symbol table, string tables and relocations in their ELF encodings.
  struct Tables {
    var symbols: [Elf64_Sym] = []
    var firstGlobal = 0
    var symbolNames: [UInt8] = [0]
    var sectionNames: [UInt8] = []
    var sectionNameOffsets: [UInt32] = []
    var relocations: [Elf64_Rela] = []
    /// The symbol table index of each entry of `symbols`.
    var outputIndex: [Int] = []
  }

  /// Orders symbols locals first, encodes names and resolves relocation targets.
  func makeTables(encodingRelocations: Bool = true) -> Tables {
    var t = Tables()
    for name in Self.sectionNames {
      t.sectionNameOffsets.append(UInt32(t.sectionNames.count))
      t.sectionNames.append(contentsOf: name.utf8)
      t.sectionNames.append(0)
    }
    t.symbols.reserveCapacity(symbols.count + 3)
    t.symbols.append(Elf64_Sym())
    let sectionSymbol = symbolInfo(binding: ELFSymbolBinding.local.rawValue, kind: ELFSymbolKind.section.rawValue)
    t.symbols.append(Elf64_Sym(st_name: 0, st_info: sectionSymbol, st_other: 0, st_shndx: Self.textIndex,
                               st_value: 0, st_size: 0))
    t.symbols.append(Elf64_Sym(st_name: 0, st_info: sectionSymbol, st_other: 0, st_shndx: Self.rodataIndex,
                               st_value: 0, st_size: 0))
    var outputIndex = [Int](repeating: 0, count: symbols.count)
    func encode(_ k: Int) {
      let symbol = symbols[k]
      let nameOffset = UInt32(t.symbolNames.count)
      t.symbolNames.append(contentsOf: symbol.name.utf8)
      t.symbolNames.append(0)
      let section: UInt16 = switch symbol.placement {
      case .undefined: 0
      case .text: Self.textIndex
      case .rodata: Self.rodataIndex
      }
      outputIndex[k] = t.symbols.count
      t.symbols.append(Elf64_Sym(
        st_name: nameOffset, st_info: symbolInfo(binding: symbol.binding.rawValue, kind: symbol.kind.rawValue),
        st_other: 0, st_shndx: section, st_value: symbol.value, st_size: symbol.size))
    }
    for k in symbols.indices where symbols[k].binding == .local { encode(k) }
    t.firstGlobal = t.symbols.count
    for k in symbols.indices where symbols[k].binding != .local { encode(k) }

    t.outputIndex = outputIndex
    guard encodingRelocations else { return t }
    t.relocations.reserveCapacity(relocations.count)
    for r in relocations {
      let symbol = switch r.target {
      case .symbol(let k): outputIndex[k]
      case .section(.rodata): 2
      case .section: 1
      }
      t.relocations.append(Elf64_Rela(r_offset: r.offset, r_info: relocationInfo(symbol: symbol, type: r.type),
                                      r_addend: r.addend))
    }
    return t
  }
}
