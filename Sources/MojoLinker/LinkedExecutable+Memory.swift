//! A linked program placed straight into memory instead of a file (`mojoc run`). The caller
//! reserves memory, plans the link with that memory's address as the base, and this writes the
//! image as the kernel would load the file: the R+X part (headers, text, read-only data, GOT) at
//! the base, data one page further than its file offset, bss zero after it. Making the pages
//! executable is the caller's (it never needs them writable and executable at once).

extension LinkedExecutable {
  /// Bytes from the base that the loaded program spans, a whole number of pages.
  public var memorySize: Int {
    align(Int(StaticLinker.pageSize) + layout.dataFileOffset + layout.dataMemorySize, StaticLinker.pageSize)
  }

  /// Bytes from the base to make read+execute (code, read-only data and GOT), a whole number of
  /// pages; the data pages come after them.
  public var executableSize: Int { align(layout.codeSize, StaticLinker.pageSize) }

  /// The address of the entry symbol.
  public var entryAddress: UInt64 { address(of: entry) }

  /// The base address the link was planned for.
  public var baseAddress: UInt64 { layout.base }

  /// Writes the program as it lies in memory into `memory`, which must start at the planned base
  /// and hold `memorySize` zero bytes. Throws when a relocation's value does not fit its field.
  public func writeImage(into memory: UnsafeMutableRawBufferPointer) throws {
    precondition(UInt64(UInt(bitPattern: memory.baseAddress)) == layout.base && memory.count >= memorySize,
                 "memory is not the planned image")
    try writeLoadedBytes(into: memory.baseAddress!, dataShift: Int(StaticLinker.pageSize))
  }
}
