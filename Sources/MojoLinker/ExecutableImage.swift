//! The layout of the executable file and its ELF and program headers. Two loadable segments:
//!   R+X  file offset 0 at `baseAddress`: ELF header, program headers, text, read-only data, GOT
//!   RW   data right after in the file, one page further in memory (so the two never share a
//!        page in memory while sharing one in the file), then bss, which takes no file space
//! plus PT_GNU_STACK (a non-executable stack). After the loaded bytes come a symbol table and
//! section headers (`.text`, `.rodata`, `.data`, `.bss` each covering all input sections of their
//! kind), which nothing loads but debuggers, profilers and objdump read (`SymbolTable.swift`).

/// Addresses and file offsets of every output section.
struct Layout {
  /// Where the image starts in memory (`StaticLinker.baseAddress` for an executable file).
  var base: UInt64
  /// Per object and section index: the address in memory (valid for output sections only).
  var address: [[UInt64]]
  /// Per object and section index: the offset in the file (-1 for bss).
  var fileOffset: [[Int]]
  var gotAddress: UInt64 = 0
  var gotFileOffset = 0
  /// The end of the loaded bytes in the file.
  var loadedSize = 0
  var codeSize = 0
  var dataFileOffset = 0
  var dataAddress: UInt64 = 0
  var dataFileSize = 0
  var dataMemorySize = 0
  /// Per output kind: where its sections start in the file and in memory, and their extent.
  var ranges = OutputRanges()

  /// The ranges indexed by the kind's raw value: a Dictionary keyed by the enum made every
  /// link scan all of mojoc's protocol-conformance records for its Hashable conformance
  /// (0.35 M instructions, README "Start-up").
  struct OutputRanges {
    private var values = [(fileOffset: Int, address: UInt64, size: Int)?](
      repeating: nil, count: StaticLinker.OutputKind.allCases.count)

    subscript(kind: StaticLinker.OutputKind) -> (fileOffset: Int, address: UInt64, size: Int)? {
      get { values[kind.rawValue] }
      set { values[kind.rawValue] = newValue }
    }
  }

  static let headerSize = 64
  static let programHeaderSize = 56
  static let programHeaderCount = 3
  /// Where the symbol table, string tables and section headers start (after the loaded bytes).
  var trailerOffset = 0
  /// Where the section header table starts (at the end of the trailer).
  var sectionHeaderOffset = 0
  var sectionHeaderCount = 0

  /// Places every output section of `objects`, in kind order, then object order, then section
  /// order; `gotSlots` 8-byte slots follow the read-only data; the image starts at `base`.
  init(objects: [RelocatableObject], kinds: [[StaticLinker.OutputKind?]], gotSlots: Int,
       base: UInt64 = StaticLinker.baseAddress) {
    self.base = base
    address = objects.map { [UInt64](repeating: 0, count: $0.sections.count) }
    fileOffset = objects.map { [Int](repeating: -1, count: $0.sections.count) }
    var offset = Layout.headerSize + Layout.programHeaderSize * Layout.programHeaderCount

    func place(_ kind: StaticLinker.OutputKind, addressOf: (Int) -> UInt64, inFile: Bool) {
      var start: Int?
      defer { ranges[kind] = (start ?? offset, addressOf(start ?? offset), offset - (start ?? offset)) }
      for (o, object) in objects.enumerated() {
        for (index, section) in object.sections.enumerated() where kinds[o][index] == kind {
          offset = align(offset, section.alignment)
          if start == nil { start = offset }
          address[o][index] = addressOf(offset)
          if inFile { fileOffset[o][index] = offset }
          offset += section.size
        }
      }
    }

    // R+X segment: file offset and address differ by the base.
    place(.text, addressOf: { base + UInt64($0) }, inFile: true)
    place(.rodata, addressOf: { base + UInt64($0) }, inFile: true)
    offset = align(offset, 8)
    gotFileOffset = offset
    gotAddress = base + UInt64(offset)
    offset += 8 * gotSlots
    if let rodata = ranges[.rodata] {  // the GOT is read-only data too
      let start = rodata.size > 0 ? rodata.fileOffset : gotFileOffset
      ranges[.rodata] = (start, base + UInt64(start), offset - start)
    }
    codeSize = offset

    // RW segment: one page further in memory than in the file.
    var dataAlignment: UInt64 = 1
    for (o, object) in objects.enumerated() {
      for (index, section) in object.sections.enumerated() where kinds[o][index] == .data || kinds[o][index] == .bss {
        dataAlignment = max(dataAlignment, section.alignment)
      }
    }
    offset = align(offset, dataAlignment)
    dataFileOffset = offset
    let dataBase = base + StaticLinker.pageSize
    dataAddress = dataBase + UInt64(offset)
    place(.data, addressOf: { dataBase + UInt64($0) }, inFile: true)
    dataFileSize = offset - dataFileOffset
    loadedSize = offset
    place(.bss, addressOf: { dataBase + UInt64($0) }, inFile: false)
    dataMemorySize = offset - dataFileOffset
  }

  /// Writes the ELF header and program headers at `image`.
  func writeHeaders(into image: UnsafeMutableRawPointer, entry: UInt64) {
    var header: [UInt8] = [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { header += $0 } }
    append(UInt16(2))  // ET_EXEC
    append(UInt16(62))  // EM_X86_64
    append(UInt32(1))  // EV_CURRENT
    append(entry)
    append(UInt64(Layout.headerSize))  // e_phoff
    append(UInt64(sectionHeaderOffset))
    append(UInt32(0))  // e_flags
    append(UInt16(Layout.headerSize))
    append(UInt16(Layout.programHeaderSize))
    append(UInt16(Layout.programHeaderCount))
    append(UInt16(64))  // e_shentsize
    append(UInt16(sectionHeaderCount))
    append(UInt16(sectionHeaderCount - 1))  // .shstrtab is the last section

    func segment(type: UInt32, flags: UInt32, offset: Int, address: UInt64, fileSize: Int, memorySize: Int, alignment: UInt64) {
      append(type)
      append(flags)
      append(UInt64(offset))
      append(address)
      append(address)  // p_paddr
      append(UInt64(fileSize))
      append(UInt64(memorySize))
      append(alignment)
    }
    let read: UInt32 = 4, write: UInt32 = 2, execute: UInt32 = 1
    segment(type: 1, flags: read | execute, offset: 0, address: base, fileSize: codeSize,
            memorySize: codeSize, alignment: StaticLinker.pageSize)
    segment(type: 1, flags: read | write, offset: dataFileOffset, address: dataAddress, fileSize: dataFileSize,
            memorySize: dataMemorySize, alignment: StaticLinker.pageSize)
    segment(type: 0x6474_e551, flags: read | write, offset: 0, address: 0, fileSize: 0, memorySize: 0, alignment: 16)
    header.withUnsafeBytes { image.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
  }
}

/// `value` rounded up to a multiple of `alignment` (0 and 1 mean none).
func align(_ value: Int, _ alignment: UInt64) -> Int {
  guard alignment > 1 else { return value }
  let a = Int(alignment)
  return (value + a - 1) / a * a
}
