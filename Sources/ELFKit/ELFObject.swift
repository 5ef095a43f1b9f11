//! Reads an ET_REL x86-64 object with libelf: its sections (with bytes), its symbol table and its
//! RELA relocations. Used by the stencil extractor and by tests that read back written objects.
internal import CLibELF

/// libelf needs `elf_version` before any other call; Swift runs a global's initializer once,
/// thread-safely, so touching this value is the one-time setup.
let libelfReady: Bool = elf_version(UInt32(EV_CURRENT)) != UInt32(EV_NONE)

/// The libelf error message of the last failure.
func libelfMessage() -> String {
  guard let message = elf_errmsg(-1) else { return "unknown libelf error" }
  return String(cString: message)
}

/// A relocatable object read into Swift values.
public struct ELFObject: Sendable {
  /// All sections, indexed as in the section header table (index 0 is the null section).
  public var sections: [ELFSection]
  /// The symbol table (index 0 is the null symbol); empty when there is none.
  public var symbols: [ELFSymbol]
  /// `sh_info` of `.symtab`: the index of the first non-local symbol.
  public var firstGlobalSymbol: Int
  /// Every RELA relocation of every section, in section then entry order.
  public var relocations: [ELFRelocation]

  /// Reads an ET_REL x86-64 object from its bytes.
  public init(bytes: [UInt8]) throws {
    guard libelfReady else { throw ELFError("libelf: \(libelfMessage())") }
    var image = bytes
    let parsed: (sections: [ELFSection], symbols: [ELFSymbol], firstGlobal: Int, relocations: [ELFRelocation])
    parsed = try image.withUnsafeMutableBytes { raw in
      guard let base = raw.baseAddress,
            let elf = elf_memory(base.assumingMemoryBound(to: CChar.self), raw.count) else {
        throw ELFError("elf_memory: \(libelfMessage())")
      }
      defer { elf_end(elf) }
      return try ELFObject.parse(elf)
    }
    sections = parsed.sections
    symbols = parsed.symbols
    firstGlobalSymbol = parsed.firstGlobal
    relocations = parsed.relocations
  }

  /// The first section called `name`.
  public func section(named name: String) -> ELFSection? { sections.first { $0.name == name } }

  /// The relocations that patch section `index`.
  public func relocations(patching index: Int) -> [ELFRelocation] {
    relocations.filter { $0.targetSection == index }
  }

  /// Walks the section table of an opened ELF handle.
  private static func parse(_ elf: OpaquePointer) throws
    -> (sections: [ELFSection], symbols: [ELFSymbol], firstGlobal: Int, relocations: [ELFRelocation])
  {
    var header = GElf_Ehdr()
    guard gelf_getehdr(elf, &header) != nil else { throw ELFError("gelf_getehdr: \(libelfMessage())") }
    guard header.e_type == UInt16(ET_REL), header.e_machine == UInt16(EM_X86_64) else {
      throw ELFError("not an x86-64 relocatable object (type \(header.e_type), machine \(header.e_machine))")
    }
    var namesIndex = 0
    guard elf_getshdrstrndx(elf, &namesIndex) == 0 else { throw ELFError("elf_getshdrstrndx: \(libelfMessage())") }
    var count = 0
    guard elf_getshdrnum(elf, &count) == 0 else { throw ELFError("elf_getshdrnum: \(libelfMessage())") }

    var sections: [ELFSection] = []
    var symbols: [ELFSymbol] = []
    var firstGlobal = 0
    var relocations: [ELFRelocation] = []
    for index in 0..<count {
      guard let scn = elf_getscn(elf, index) else { throw ELFError("elf_getscn(\(index)): \(libelfMessage())") }
      var sh = GElf_Shdr()
      guard gelf_getshdr(scn, &sh) != nil else { throw ELFError("gelf_getshdr: \(libelfMessage())") }
      let name = elf_strptr(elf, namesIndex, Int(sh.sh_name)).map { String(cString: $0) } ?? ""
      let data = elf_getdata(scn, nil)
      var bytes: [UInt8] = []
      if sh.sh_type != UInt32(SHT_NOBITS), let data, let buffer = data.pointee.d_buf, data.pointee.d_size > 0 {
        bytes = Array(UnsafeRawBufferPointer(start: buffer, count: data.pointee.d_size))
      }
      sections.append(ELFSection(
        index: index, name: name, type: sh.sh_type, flags: sh.sh_flags, link: sh.sh_link, info: sh.sh_info,
        alignment: sh.sh_addralign, entrySize: sh.sh_entsize, bytes: bytes))

      if sh.sh_type == UInt32(SHT_SYMTAB), let data {
        firstGlobal = Int(sh.sh_info)
        let entries = Int(sh.sh_size / max(sh.sh_entsize, 1))
        for k in 0..<entries {
          var sym = GElf_Sym()
          guard gelf_getsym(data, Int32(k), &sym) != nil else { throw ELFError("gelf_getsym: \(libelfMessage())") }
          let symbolName = elf_strptr(elf, Int(sh.sh_link), Int(sym.st_name)).map { String(cString: $0) } ?? ""
          symbols.append(ELFSymbol(
            name: symbolName, value: sym.st_value, size: sym.st_size, binding: symbolBinding(sym.st_info),
            kind: symbolKind(sym.st_info), sectionIndex: sym.st_shndx))
        }
      } else if sh.sh_type == UInt32(SHT_RELA), let data {
        let entries = Int(sh.sh_size / max(sh.sh_entsize, 1))
        for k in 0..<entries {
          var rela = GElf_Rela()
          guard gelf_getrela(data, Int32(k), &rela) != nil else { throw ELFError("gelf_getrela: \(libelfMessage())") }
          relocations.append(ELFRelocation(
            targetSection: Int(sh.sh_info), offset: rela.r_offset, type: relocationType(rela.r_info),
            symbolIndex: relocationSymbol(rela.r_info), addend: rela.r_addend))
        }
      }
    }
    return (sections, symbols, firstGlobal, relocations)
  }
}
