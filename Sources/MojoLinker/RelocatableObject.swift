//! Reads the parts of an x86-64 ELF relocatable object (ET_REL) that static linking needs —
//! section headers, the symbol table and RELA relocations — straight from its bytes. Names are
//! decoded only for global symbols; everything else stays offsets into the input.

/// One input object of a link: a name for messages and its bytes.
public struct LinkInput: Sendable {
  /// The name messages use (a file name such as `main.o`).
  public var name: String
  /// The ET_REL object.
  public var bytes: [UInt8]
  /// Makes an input.
  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }
}

/// ELF constants the linker uses.
enum ELF {
  static let sectionTypeNull: UInt32 = 0, progbits: UInt32 = 1, symtab: UInt32 = 2, rela: UInt32 = 4
  static let nobits: UInt32 = 8, rel: UInt32 = 9, initArray: UInt32 = 14, finiArray: UInt32 = 15
  static let preinitArray: UInt32 = 16, group: UInt32 = 17, x86_64Unwind: UInt32 = 0x7000_0001
  static let flagWrite: UInt64 = 1, flagAlloc: UInt64 = 2, flagExec: UInt64 = 4, flagTLS: UInt64 = 0x400
  static let undefinedSection: UInt16 = 0, absoluteSection: UInt16 = 0xfff1, commonSection: UInt16 = 0xfff2
  static let extendedSection: UInt16 = 0xffff
  static let bindLocal: UInt8 = 0, bindGlobal: UInt8 = 1, bindWeak: UInt8 = 2
  static let typeSection: UInt8 = 3
}

/// A parsed relocatable object; sections and symbols point into `bytes`.
struct RelocatableObject {
  /// One section header.
  struct Section {
    var nameOffset: UInt32
    var type: UInt32
    var flags: UInt64
    var fileOffset: Int
    var size: Int
    var link: UInt32
    var info: UInt32
    var alignment: UInt64
  }

  /// One symbol table entry.
  struct Symbol {
    var nameOffset: UInt32
    var info: UInt8
    var sectionIndex: UInt16
    var value: UInt64
    var size: UInt64
    var binding: UInt8 { info >> 4 }
    var type: UInt8 { info & 0xf }
  }

  /// One RELA entry.
  struct Relocation {
    var offset: UInt64
    var type: UInt32
    var symbol: Int
    var addend: Int64
  }

  let name: String
  let bytes: [UInt8]
  var sections: [Section] = []
  var symbols: [Symbol] = []
  /// File offset of the symbol string table.
  var symbolNamesOffset = 0
  var symbolNamesSize = 0
  /// File offset of the section name string table.
  var sectionNamesOffset = 0
  var sectionNamesSize = 0

  /// Parses the headers of `input`.
  init(_ input: LinkInput) throws {
    name = input.name
    bytes = input.bytes
    let b = bytes
    func fail(_ why: String) -> LinkError { LinkError.malformedObject(object: input.name, reason: why) }
    guard b.count >= 64, b[0] == 0x7f, b[1] == 0x45, b[2] == 0x4c, b[3] == 0x46 else { throw fail("not an ELF file") }
    guard b[4] == 2, b[5] == 1 else { throw fail("not a 64-bit little-endian ELF file") }
    let fileType: UInt16 = b.read(16), machine: UInt16 = b.read(18)
    guard fileType == 1 else { throw fail("not a relocatable object (ELF type \(fileType))") }
    guard machine == 62 else { throw fail("not an x86-64 object (machine \(machine))") }
    let sectionTable = Int(b.read(40) as UInt64)
    let entrySize = Int(b.read(58) as UInt16)
    var count = Int(b.read(60) as UInt16)
    var namesIndex = Int(b.read(62) as UInt16)
    guard entrySize == 64, sectionTable > 0, sectionTable <= b.count - 64 else { throw fail("bad section header table") }
    if count == 0 { count = Int(b.read(sectionTable + 32) as UInt64) }  // more than 0xff00 sections
    if namesIndex == Int(ELF.extendedSection) { namesIndex = Int(b.read(sectionTable + 40) as UInt32) }
    guard count <= (b.count - sectionTable) / 64 else { throw fail("section header table past the end of the file") }

    sections.reserveCapacity(count)
    for index in 0..<count {
      let at = sectionTable + index * 64
      let section = Section(
        nameOffset: b.read(at), type: b.read(at + 4), flags: b.read(at + 8), fileOffset: Int(b.read(at + 24) as UInt64),
        size: Int(b.read(at + 32) as UInt64), link: b.read(at + 40), info: b.read(at + 44), alignment: b.read(at + 48))
      if section.type != ELF.nobits && section.type != ELF.sectionTypeNull
        && (section.fileOffset < 0 || section.size < 0 || section.fileOffset > b.count - section.size) {
        throw fail("section \(index) lies outside the file")
      }
      sections.append(section)
    }
    guard namesIndex < count else { throw fail("bad section name table index") }
    sectionNamesOffset = sections[namesIndex].fileOffset
    sectionNamesSize = sections[namesIndex].size

    if let table = sections.firstIndex(where: { $0.type == ELF.symtab }) {
      let symtab = sections[table]
      guard Int(symtab.link) < count else { throw fail("bad symbol string table index") }
      symbolNamesOffset = sections[Int(symtab.link)].fileOffset
      symbolNamesSize = sections[Int(symtab.link)].size
      let entries = symtab.size / 24
      symbols.reserveCapacity(entries)
      for k in 0..<entries {
        let at = symtab.fileOffset + k * 24
        symbols.append(Symbol(nameOffset: b.read(at), info: b[at + 4], sectionIndex: b.read(at + 6), value: b.read(at + 8),
                              size: b.read(at + 16)))
      }
    }
  }

  /// The name of section `index`.
  func sectionName(_ index: Int) -> String {
    string(at: sectionNamesOffset, size: sectionNamesSize, offset: Int(sections[index].nameOffset))
  }

  /// The name of symbol `index`.
  func symbolName(_ index: Int) -> String {
    string(at: symbolNamesOffset, size: symbolNamesSize, offset: Int(symbols[index].nameOffset))
  }

  /// Where the name of symbol `index` lies in `bytes` (without its terminating zero).
  func nameRange(ofSymbol index: Int) -> Range<Int> {
    let offset = Int(symbols[index].nameOffset)
    guard offset < symbolNamesSize else { return 0..<0 }
    let start = symbolNamesOffset + offset, limit = symbolNamesOffset + symbolNamesSize
    return bytes.withUnsafeBufferPointer { buffer in
      var end = start
      while end < limit && buffer[end] != 0 { end += 1 }
      return start..<end
    }
  }

  private func string(at table: Int, size: Int, offset: Int) -> String {
    guard offset < size else { return "" }
    return bytes.withUnsafeBufferPointer { buffer in
      let start = table + offset
      var end = start
      while end < table + size && buffer[end] != 0 { end += 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }
  }

  /// The RELA entries of relocation section `index`.
  func relocations(in index: Int) -> [Relocation] {
    let section = sections[index]
    let count = section.size / 24
    var result: [Relocation] = []
    result.reserveCapacity(count)
    for k in 0..<count {
      let at = section.fileOffset + k * 24
      let info: UInt64 = bytes.read(at + 8)
      result.append(Relocation(offset: bytes.read(at), type: UInt32(truncatingIfNeeded: info), symbol: Int(info >> 32),
                               addend: bytes.read(at + 16)))
    }
    return result
  }
}

extension Array where Element == UInt8 {
  /// A little-endian integer at byte `offset` (bounds checked by the caller).
  @inline(__always) func read<T: FixedWidthInteger>(_ offset: Int) -> T {
    withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
  }
}
