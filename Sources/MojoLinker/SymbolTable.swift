//! The part of the executable nothing loads: a symbol table of every function and data object of
//! the inputs (at their final addresses) and section headers, so gdb, perf and objdump can name
//! code in a program the built-in linker made. Appended after the loaded bytes.

extension Layout {
  /// The index of a kind's section in the section header table (`.text` is 1, then in order).
  static func sectionIndex(_ kind: StaticLinker.OutputKind) -> UInt16 { UInt16(kind.rawValue + 1) }

  /// The bytes of `.symtab`, `.strtab`, `.shstrtab` and the section headers, which go at
  /// `trailerOffset` (set here, after the loaded bytes, with `sectionHeaderOffset`).
  mutating func makeSymbolsAndSections(objects: [RelocatableObject], kinds: [[StaticLinker.OutputKind?]],
                                       definitions: [[StaticLinker.Definition]]) -> [UInt8] {
    var symbols: [UInt8] = [UInt8](repeating: 0, count: 24)  // the null symbol
    var names: [UInt8] = [0]
    symbols.reserveCapacity(24 * objects.reduce(1) { $0 + $1.symbols.count })
    names.reserveCapacity(objects.reduce(1) { $0 + $1.symbolNamesSize })
    var firstGlobal = 1
    for pass in 0..<2 {  // locals first, then globals (ELF requires it)
      if pass == 1 { firstGlobal = symbols.count / 24 }
      for (o, object) in objects.enumerated() {
        for (s, symbol) in object.symbols.enumerated() where s > 0 {
          guard symbol.type <= 2, (symbol.binding == ELF.bindLocal) == (pass == 0),  // NOTYPE, OBJECT, FUNC
                Int(symbol.sectionIndex) < kinds[o].count, let kind = kinds[o][Int(symbol.sectionIndex)],
                symbol.nameOffset != 0 else { continue }
          if pass == 1 && definitions[o][s] != StaticLinker.Definition(object: Int32(o), symbol: Int32(s)) { continue }
          let nameOffset = UInt32(names.count)
          names += object.bytes[object.nameRange(ofSymbol: s)]
          names.append(0)
          append(nameOffset, to: &symbols)
          symbols.append(symbol.info)
          symbols.append(0)  // st_other
          append(Layout.sectionIndex(kind), to: &symbols)
          append(address[o][Int(symbol.sectionIndex)] &+ symbol.value, to: &symbols)
          append(symbol.size, to: &symbols)
        }
      }
    }
    let sectionNames = [".text", ".rodata", ".data", ".bss", ".symtab", ".strtab", ".shstrtab"]
    var shstrtab: [UInt8] = [0]
    var nameOffsets: [UInt32] = []
    for name in sectionNames {
      nameOffsets.append(UInt32(shstrtab.count))
      shstrtab += Array(name.utf8) + [0]
    }

    trailerOffset = align(loadedSize, 8)
    var image: [UInt8] = []  // the trailer; offsets below are file offsets
    image.reserveCapacity(symbols.count + names.count + shstrtab.count + 64 * 9 + 16)
    let symtabOffset = trailerOffset
    image += symbols
    let strtabOffset = trailerOffset + image.count
    image += names
    let shstrtabOffset = trailerOffset + image.count
    image += shstrtab
    while image.count % 8 != 0 { image.append(0) }
    sectionHeaderOffset = trailerOffset + image.count
    sectionHeaderCount = 1 + sectionNames.count

    func header(name: UInt32, type: UInt32, flags: UInt64, address: UInt64, offset: Int, size: Int, link: UInt32 = 0,
                info: UInt32 = 0, alignment: UInt64, entrySize: UInt64 = 0) {
      append(name, to: &image)
      append(type, to: &image)
      append(flags, to: &image)
      append(address, to: &image)
      append(UInt64(offset), to: &image)
      append(UInt64(size), to: &image)
      append(link, to: &image)
      append(info, to: &image)
      append(alignment, to: &image)
      append(entrySize, to: &image)
    }
    image += [UInt8](repeating: 0, count: 64)  // the null section
    let kinds: [(StaticLinker.OutputKind, UInt32, UInt64)] = [
      (.text, ELF.progbits, ELF.flagAlloc | ELF.flagExec), (.rodata, ELF.progbits, ELF.flagAlloc),
      (.data, ELF.progbits, ELF.flagAlloc | ELF.flagWrite), (.bss, ELF.nobits, ELF.flagAlloc | ELF.flagWrite),
    ]
    for (k, (kind, type, flags)) in kinds.enumerated() {
      let range = ranges[kind] ?? (0, 0, 0)
      header(name: nameOffsets[k], type: type, flags: flags, address: range.address, offset: range.fileOffset,
             size: range.size, alignment: kind == .text ? 16 : 8)
    }
    header(name: nameOffsets[4], type: ELF.symtab, flags: 0, address: 0, offset: symtabOffset, size: symbols.count,
           link: 6, info: UInt32(firstGlobal), alignment: 8, entrySize: 24)
    header(name: nameOffsets[5], type: 3, flags: 0, address: 0, offset: strtabOffset, size: names.count, alignment: 1)
    header(name: nameOffsets[6], type: 3, flags: 0, address: 0, offset: shstrtabOffset, size: shstrtab.count,
           alignment: 1)
    return image
  }
}

/// Appends a little-endian integer.
@inline(__always) func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
  withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
}
