//! A planned executable: its size is known, and `write` produces its bytes into any buffer —
//! a Swift array, or the memory of the output file mapped by the caller, so the linked program
//! is copied once (input section -> file) with no zero-filled image in between.

/// The result of `StaticLinker.plan`: layout decided, bytes not yet written.
public struct LinkedExecutable {
  let objects: [RelocatableObject]
  let kinds: [[StaticLinker.OutputKind?]]
  let relocationSections: [[Int]]
  let definitions: [[StaticLinker.Definition]]
  let gotSlots: [StaticLinker.Definition: Int]
  let gotOrder: [StaticLinker.Definition]
  let layout: Layout
  /// Symbol table, string tables and section headers, placed at `layout.trailerOffset`.
  let trailer: [UInt8]
  let entry: StaticLinker.Definition

  /// The size of the executable file in bytes.
  public var size: Int { layout.trailerOffset + trailer.count }

  /// Writes the executable into `buffer` (at least `size` bytes, all zero: fresh memory or a
  /// new file's mapping). Throws when a relocation's value does not fit its field.
  /// `objectWritten`, when given, is called after each object's sections are in place and
  /// relocated, with the number of bytes they took: nothing writes them again, so a caller
  /// writing a file's mapping may drop the pages it has written (`Linker.runBuiltin`).
  public func write(into buffer: UnsafeMutableRawBufferPointer, objectWritten: ((Int) -> Void)? = nil) throws {
    precondition(buffer.count >= size, "buffer smaller than the executable")
    let out = buffer.baseAddress!
    try writeLoadedBytes(into: out, dataShift: 0, objectWritten: objectWritten)
    trailer.withUnsafeBytes { (out + layout.trailerOffset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
  }

  /// Writes headers, sections, GOT and relocations (everything but the trailer) at `out`, with
  /// data sections `dataShift` bytes further than their file offsets (0 for the file; a page in
  /// memory, where data lies a page further than in the file). Each object is copied and
  /// relocated before the next (its relocations patch only its own sections).
  func writeLoadedBytes(into out: UnsafeMutableRawPointer, dataShift: Int, objectWritten: ((Int) -> Void)? = nil) throws {
    for (o, object) in objects.enumerated() {
      var bytes = 0
      object.bytes.withUnsafeBytes { source in
        for (index, section) in object.sections.enumerated() where kinds[o][index] != nil && kinds[o][index] != .bss {
          (out + layout.fileOffset[o][index] + (kinds[o][index] == .data ? dataShift : 0))
            .copyMemory(from: source.baseAddress! + section.fileOffset, byteCount: section.size)
          bytes += section.size
        }
      }
      try relocate(object: o, out: out, dataShift: dataShift)
      objectWritten?(bytes)
    }
    for (slot, definition) in gotOrder.enumerated() {
      (out + layout.gotFileOffset + 8 * slot).storeBytes(of: address(of: definition).littleEndian, as: UInt64.self)
    }
    layout.writeHeaders(into: out, entry: address(of: entry))
  }

  /// The address of a resolved symbol.
  func address(of definition: StaticLinker.Definition) -> UInt64 {
    guard definition != .none else { return 0 }
    let symbol = objects[Int(definition.object)].symbols[Int(definition.symbol)]
    if symbol.sectionIndex == ELF.absoluteSection { return symbol.value }
    return layout.address[Int(definition.object)][Int(symbol.sectionIndex)] &+ symbol.value  // checked by plan
  }

  /// Applies the relocations of object `o` to its sections in `out` (data `dataShift` bytes on).
  private func relocate(object o: Int, out: UnsafeMutableRawPointer, dataShift: Int) throws {
    let object = objects[o]
    for rela in relocationSections[o] {
      let target = Int(object.sections[rela].info)
      let sectionAddress = layout.address[o][target]
      let sectionOffset = layout.fileOffset[o][target] + (kinds[o][target] == .data ? dataShift : 0)
      let size = object.sections[target].size
      for relocation in object.relocations(in: rela) {
        let definition = definitions[o][relocation.symbol]
        var value = address(of: definition)
        let place = sectionAddress &+ relocation.offset
        let width = StaticLinker.width(relocation.type)!
        guard relocation.offset <= UInt64(size), Int(relocation.offset) + width <= size else {
          throw LinkError.malformedObject(
            object: object.name, reason: "relocation at 0x\(String(relocation.offset, radix: 16)) outside its section")
        }
        let at = out + sectionOffset + Int(relocation.offset)
        if StaticLinker.usesGOT(relocation.type) {
          if StaticLinker.canRelax(relocation, in: object, section: target) && definition != .none {
            (at - 2).storeBytes(of: 0x8d, as: UInt8.self)  // mov foo@GOTPCREL(%rip), %reg -> lea foo(%rip), %reg
          } else {
            value = layout.gotAddress + UInt64(8 * gotSlots[definition]!)
          }
        }
        let result = value &+ UInt64(bitPattern: relocation.addend)
        func overflow() -> LinkError {
          .relocationOverflow(object: object.name, section: object.sectionName(target), offset: relocation.offset,
                              type: StaticLinker.relocationName(relocation.type), symbol: object.symbolName(relocation.symbol))
        }
        switch relocation.type {
        case 0: continue  // R_X86_64_NONE
        case 1: at.storeBytes(of: result.littleEndian, as: UInt64.self)  // R_X86_64_64
        case 24: at.storeBytes(of: (result &- place).littleEndian, as: UInt64.self)  // R_X86_64_PC64
        case 10:  // R_X86_64_32
          guard let field = UInt32(exactly: result) else { throw overflow() }
          at.storeBytes(of: field.littleEndian, as: UInt32.self)
        case 11:  // R_X86_64_32S
          guard let field = Int32(exactly: Int64(bitPattern: result)) else { throw overflow() }
          at.storeBytes(of: field.littleEndian, as: Int32.self)
        default:  // PC32, PLT32, GOTPCREL, GOTPCRELX, REX_GOTPCRELX: S + A - P
          guard let field = Int32(exactly: Int64(bitPattern: result &- place)) else { throw overflow() }
          at.storeBytes(of: field.littleEndian, as: Int32.self)
        }
      }
    }
  }
}
