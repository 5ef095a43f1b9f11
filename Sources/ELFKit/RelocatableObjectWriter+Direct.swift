//! Writes the relocatable object straight into one byte array, with the layout libelf gives it
//! (`makeObjectWithLibelf()`, which tests compare against): the ELF header, then `.text`,
//! `.rodata`, `.rela.text`, `.symtab`, `.strtab`, `.shstrtab` and the empty `.note.GNU-stack`,
//! each at the next offset its alignment allows (gaps are zero), then the section headers.
//! Going through libelf copied the object four times (its section buffers, an in-memory file,
//! the bytes read back) and kept every relocation twice; here `.text` is copied once and freed
//! (or written in place by the code generator), and relocations are encoded in place, which
//! matters for modules of hundreds of megabytes.
internal import CLibELF

extension RelocatableObjectWriter {
  /// Produces the ELF bytes; the writer's text and relocations are released as they are copied.
  public consuming func makeObject() throws -> [UInt8] {
    let text = self.text
    self.text = []
    return try makeObject(textSize: text.count) { out in
      text.withUnsafeBytes { if $0.count > 0 { out.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
    }
  }

  /// Produces the ELF bytes with a `.text` of `textSize` bytes that `writeText` writes in place
  /// (every byte of it; the writer's own `text` is ignored), so that a code generator need not
  /// build `.text` in an array of its own first; relocations are released as they are copied.
  public consuming func makeObject(textSize: Int, writeText: (UnsafeMutableRawBufferPointer) throws -> Void)
    throws -> [UInt8] {
    let tables = makeTables(encodingRelocations: false)
    var end = MemoryLayout<Elf64_Ehdr>.size
    /// The offset of the next section of `size` bytes aligned to `alignment`.
    func place(_ size: Int, alignment: UInt64) -> Int {
      let a = Int(max(alignment, 1))
      let at = (end + a - 1) / a * a
      end = at + size
      return at
    }
    let relaSize = relocations.count * MemoryLayout<Elf64_Rela>.size
    let symtabSize = tables.symbols.count * MemoryLayout<Elf64_Sym>.size
    let offsets = [
      0,
      place(textSize, alignment: textAlignment),
      place(rodata.count, alignment: rodataAlignment),
      place(relaSize, alignment: 8),
      place(symtabSize, alignment: 8),
      place(tables.symbolNames.count, alignment: 1),
      place(tables.sectionNames.count, alignment: 1),
      place(0, alignment: 1),
    ]
    let sizes = [0, textSize, rodata.count, relaSize, symtabSize, tables.symbolNames.count,
                 tables.sectionNames.count, 0]
    let headerCount = Self.sectionNames.count
    let sectionHeaders = place(headerCount * MemoryLayout<Elf64_Shdr>.size, alignment: 8)

    // Every byte but `.text` starts zeroed (padding, headers' unused fields); `.text` is written
    // over without being zeroed first (a `memset` of its size cost as much as the copy).
    let textEnd = offsets[1] + textSize
    return try [UInt8](unsafeUninitializedCapacity: end) { buffer, initialized in
      let raw = UnsafeMutableRawBufferPointer(buffer)
      raw[0..<offsets[1]].initializeMemory(as: UInt8.self, repeating: 0)
      raw[textEnd..<end].initializeMemory(as: UInt8.self, repeating: 0)
      initialized = end
      var ehdr = Elf64_Ehdr()
      withUnsafeMutableBytes(of: &ehdr.e_ident) { ident in
        for (k, byte) in [0x7f, 0x45, 0x4c, 0x46, UInt8(ELFCLASS64), UInt8(ELFDATA2LSB), UInt8(EV_CURRENT)].enumerated() {
          ident[k] = UInt8(byte)
        }
      }
      ehdr.e_type = UInt16(ET_REL)
      ehdr.e_machine = UInt16(EM_X86_64)
      ehdr.e_version = UInt32(EV_CURRENT)
      ehdr.e_shoff = UInt64(sectionHeaders)
      ehdr.e_ehsize = UInt16(MemoryLayout<Elf64_Ehdr>.size)
      ehdr.e_shentsize = UInt16(MemoryLayout<Elf64_Shdr>.size)
      ehdr.e_shnum = UInt16(headerCount)
      ehdr.e_shstrndx = UInt16(Self.shstrtabIndex)
      raw.storeBytes(of: ehdr, toByteOffset: 0, as: Elf64_Ehdr.self)

      /// Copies `bytes` to the offset of section `k`.
      func copy(_ bytes: UnsafeRawBufferPointer, section k: Int) {
        if bytes.count > 0 { raw.baseAddress!.advanced(by: offsets[k]).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
      }
      try writeText(UnsafeMutableRawBufferPointer(rebasing: raw[offsets[1]..<textEnd]))
      rodata.withUnsafeBytes { copy($0, section: 2) }
      var at = offsets[3]
      for r in relocations {
        let symbol = switch r.target {
        case .symbol(let k): tables.outputIndex[k]
        case .section(.rodata): 2
        case .section: 1
        }
        raw.storeBytes(of: Elf64_Rela(r_offset: r.offset, r_info: relocationInfo(symbol: symbol, type: r.type),
                                      r_addend: r.addend), toByteOffset: at, as: Elf64_Rela.self)
        at += MemoryLayout<Elf64_Rela>.size
      }
      relocations = []
      tables.symbols.withUnsafeBytes { copy($0, section: 4) }
      tables.symbolNames.withUnsafeBytes { copy($0, section: 5) }
      tables.sectionNames.withUnsafeBytes { copy($0, section: 6) }

      /// type, flags, link, info, alignment, entry size of each section.
      let headers: [(UInt32, UInt64, UInt32, UInt32, UInt64, UInt64)] = [
        (UInt32(SHT_NULL), 0, 0, 0, 0, 0),
        (UInt32(SHT_PROGBITS), UInt64(SHF_ALLOC | SHF_EXECINSTR), 0, 0, textAlignment, 0),
        (UInt32(SHT_PROGBITS), UInt64(SHF_ALLOC), 0, 0, rodataAlignment, 0),
        (UInt32(SHT_RELA), UInt64(SHF_INFO_LINK), UInt32(Self.symtabIndex), UInt32(Self.textIndex), 8,
         UInt64(MemoryLayout<Elf64_Rela>.size)),
        (UInt32(SHT_SYMTAB), 0, UInt32(Self.strtabIndex), UInt32(tables.firstGlobal), 8,
         UInt64(MemoryLayout<Elf64_Sym>.size)),
        (UInt32(SHT_STRTAB), 0, 0, 0, 1, 0),
        (UInt32(SHT_STRTAB), 0, 0, 0, 1, 0),
        (UInt32(SHT_PROGBITS), 0, 0, 0, 1, 0),
      ]
      for (k, h) in headers.enumerated() where k > 0 {
        let shdr = Elf64_Shdr(sh_name: tables.sectionNameOffsets[k], sh_type: h.0, sh_flags: h.1, sh_addr: 0,
                              sh_offset: UInt64(offsets[k]), sh_size: UInt64(sizes[k]), sh_link: h.2, sh_info: h.3,
                              sh_addralign: h.4, sh_entsize: h.5)
        raw.storeBytes(of: shdr, toByteOffset: sectionHeaders + k * MemoryLayout<Elf64_Shdr>.size, as: Elf64_Shdr.self)
      }
    }
  }
}
