//! Turns the sections of one stencil object into stencils: bytes, holes and whether the trailing
//! `jmp _CONTINUE` can be dropped. Every relocation must name a known hole with a relocation kind
//! that hole allows; anything else (a constant pool, a data section, an unknown symbol or kind)
//! stops the build instead of producing a wrong table.
import ELFKit

/// A stencil as extracted from its `.text.<name>` section.
struct ExtractedStencil {
  var name: String
  var source: String
  var bytes: [UInt8]
  var holes: [ExtractedHole]
  /// True when the stencil ends in `E9 rel32` to `_CONTINUE`, which may be dropped.
  var hasTrailingJump: Bool
}

/// One hole: a relocation of the stencil section.
struct ExtractedHole {
  var offset: Int
  /// The patch kind's Swift case name (`abs64`, `abs32`, `abs32s`, `rel32`).
  var patch: String
  /// The hole value's Swift case name (`slotA`, `continuation`, ...).
  var value: String
  var addend: Int64
}

/// A failure to extract; the message names the stencil and the offending relocation.
struct ExtractionError: Error, CustomStringConvertible {
  var description: String
}

/// Maps stencil objects to stencils.
enum StencilExtractor {
  /// Hole symbols and the Swift `HoleValue` case each one becomes.
  static let holeValues: [String: String] = {
    var map = [
      "_SLOT_A": "slotA", "_SLOT_B": "slotB", "_SLOT_C": "slotC", "_SLOT_D": "slotD",
      "_IMM_A": "immA", "_IMM_B": "immB", "_IMM_C": "immC", "_DISP_B": "immB", "_FRAME_SIZE": "frameSize",
      "_IMM_A32": "immA", "_IMM_B32": "immB",
      "_CONTINUE": "continuation", "_JUMP_TARGET": "jumpTarget", "_CALLEE": "callee", "_DATA": "data",
      "mojo_rt_trap_div_zero": "trapDivZero", "mojo_rt_list_at": "listIndexTrap",
    ]
    for k in 0..<6 { map["_ARG_I\(k)"] = "argInt\(k)" }
    for k in 0..<8 { map["_ARG_F\(k)"] = "argFloat\(k)" }
    return map
  }()

  /// The relocation kinds each group of holes may use, mapped to patch kinds.
  static func patchKind(value: String, type: UInt32) -> String? {
    switch value {
    case "immC":
      return type == X86_64Relocation.abs64 ? "abs64" : nil
    case "immA", "immB":  // `_IMM_A`/`_IMM_B`, `_IMM_A32`/`_IMM_B32`, or `_DISP_B` as an address displacement
      if type == X86_64Relocation.abs64 { return "abs64" }
      if type == X86_64Relocation.abs32s { return "abs32s" }
      return type == X86_64Relocation.abs32 ? "abs32" : nil
    case "continuation", "jumpTarget", "callee", "trapDivZero", "listIndexTrap":
      return type == X86_64Relocation.plt32 || type == X86_64Relocation.pc32 ? "rel32" : nil
    case "data":
      return type == X86_64Relocation.pc32 ? "rel32" : nil
    default:  // slots, arguments, frame size: small frame offsets
      if type == X86_64Relocation.abs32s { return "abs32s" }
      if type == X86_64Relocation.abs32 { return "abs32" }
      return nil
    }
  }

  /// Extracts every stencil of one object, in section order.
  static func extract(from object: ELFObject, file: String) throws -> [ExtractedStencil] {
    var result: [ExtractedStencil] = []
    for section in object.sections {
      let isAllocated = section.flags & 2 != 0  // SHF_ALLOC
      if section.type == ELFSectionType.rela {
        let target = object.sections[Int(section.info)]
        guard target.name.hasPrefix(".text.") else {
          throw ExtractionError(description: "relocations of \(target.name) (only stencil code may have any)")
        }
        continue
      }
      guard isAllocated, !section.bytes.isEmpty || section.type == ELFSectionType.nobits else { continue }
      guard section.name.hasPrefix(".text."), section.type == ELFSectionType.progbits else {
        throw ExtractionError(description: "section \(section.name) would need data next to the stencils")
      }
      let name = String(section.name.dropFirst(".text.".count))
      var holes: [ExtractedHole] = []
      for relocation in object.relocations(patching: section.index) {
        let symbol = object.symbols[relocation.symbolIndex]
        let kindName = X86_64Relocation.name(relocation.type)
        guard symbol.sectionIndex == 0, let value = holeValues[symbol.name] else {
          throw ExtractionError(description: "\(name)+\(relocation.offset): \(kindName) against unknown symbol '\(symbol.name)'")
        }
        guard let patch = patchKind(value: value, type: relocation.type) else {
          throw ExtractionError(description: "\(name)+\(relocation.offset): unexpected \(kindName) for \(symbol.name)")
        }
        holes.append(ExtractedHole(offset: Int(relocation.offset), patch: patch, value: value, addend: relocation.addend))
      }
      holes.sort { $0.offset < $1.offset }
      let size = section.bytes.count
      let trailing = size >= 5 && section.bytes[size - 5] == 0xE9
        && holes.contains { $0.offset == size - 4 && $0.value == "continuation" && $0.addend == -4 }
      result.append(ExtractedStencil(name: name, source: file, bytes: section.bytes, holes: holes,
                                     hasTrailingJump: trailing))
    }
    return result
  }
}
