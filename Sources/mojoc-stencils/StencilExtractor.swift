//! Turns the sections of one stencil object into stencils: bytes, holes and whether the trailing
//! `jmp _CONTINUE` can be dropped. Every stencil must be named by a `StencilKey` and every
//! relocation must name a known hole with a relocation kind that hole allows
//! (`MojoStencilContract`); anything else (a constant pool, a data section, an unknown symbol or
//! kind) stops the build instead of producing a wrong table.
import ELFKit
import MojoStencilContract

/// A stencil as extracted from its `.text.<name>` section.
struct ExtractedStencil {
  var name: String
  /// What the stencil does: the key whose `name` is the section's symbol.
  var key: StencilKey
  var source: String
  var bytes: [UInt8]
  var holes: [ExtractedHole]
  /// True when the stencil ends in `E9 rel32` to `_CONTINUE`, which may be dropped.
  var hasTrailingJump: Bool
}

/// One hole: a relocation of the stencil section.
struct ExtractedHole {
  var offset: Int
  var patch: PatchKind
  var value: HoleValue
  var addend: Int64
}

/// A failure to extract; the message names the stencil and the offending relocation.
struct ExtractionError: Error, CustomStringConvertible {
  var description: String
}

/// Maps stencil objects to stencils.
enum StencilExtractor {
  /// Every well-formed key by its stencil name.
  static let keysByName: [String: StencilKey] = {
    var keys: [String: StencilKey] = [:]
    for key in StencilKey.allWellFormed {
      precondition(keys.updateValue(key, forKey: key.name) == nil, "two stencil keys are named \(key.name)")
    }
    return keys
  }()

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
      guard let key = keysByName[name] else {
        throw ExtractionError(description: "stencil \(name) has no StencilKey (Sources/MojoStencilContract/StencilKey.swift names them)")
      }
      var holes: [ExtractedHole] = []
      for relocation in object.relocations(patching: section.index) {
        let symbol = object.symbols[relocation.symbolIndex]
        let kindName = X86_64Relocation.name(relocation.type)
        guard symbol.sectionIndex == 0, let value = HoleValue(symbol: symbol.name) else {
          throw ExtractionError(description: "\(name)+\(relocation.offset): \(kindName) against unknown symbol '\(symbol.name)'")
        }
        guard let patch = value.patchKind(relocationType: relocation.type) else {
          throw ExtractionError(description: "\(name)+\(relocation.offset): unexpected \(kindName) for \(symbol.name)")
        }
        holes.append(ExtractedHole(offset: Int(relocation.offset), patch: patch, value: value, addend: relocation.addend))
      }
      holes.sort { $0.offset < $1.offset }
      let size = section.bytes.count
      let trailing = size >= 5 && section.bytes[size - 5] == 0xE9
        && holes.contains { $0.offset == size - 4 && $0.value == .continuation && $0.addend == -4 }
      result.append(ExtractedStencil(name: name, key: key, source: file, bytes: section.bytes, holes: holes,
                                     hasTrailingJump: trailing))
    }
    return result
  }
}
