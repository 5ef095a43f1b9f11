//! Plain Swift values for the parts of an x86-64 relocatable ELF object that mojoc reads and
//! writes: sections, symbols and RELA relocations. No libelf type appears here, so users of ELFKit
//! never see C.

/// A failure reported by libelf or by the ELF checks of ELFKit.
public struct ELFError: Error, CustomStringConvertible, Sendable {
  /// What failed, with libelf's message when there is one.
  public var description: String
  /// Makes an error with a message.
  public init(_ description: String) { self.description = description }
}

/// The x86-64 relocation types that mojoc produces or accepts from stencil objects.
public enum X86_64Relocation {
  /// `S + A`, 64 bits.
  public static let abs64: UInt32 = 1
  /// `S + A - P`, 32 bits signed.
  public static let pc32: UInt32 = 2
  /// `L + A - P`, 32 bits signed (a call or jump through the PLT when one is needed).
  public static let plt32: UInt32 = 4
  /// `S + A`, 32 bits zero-extended.
  public static let abs32: UInt32 = 10
  /// `S + A`, 32 bits sign-extended.
  public static let abs32s: UInt32 = 11

  /// The ELF name of a relocation type, for messages and dumps.
  public static func name(_ type: UInt32) -> String {
    switch type {
    case abs64: "R_X86_64_64"
    case pc32: "R_X86_64_PC32"
    case plt32: "R_X86_64_PLT32"
    case abs32: "R_X86_64_32"
    case abs32s: "R_X86_64_32S"
    default: "R_X86_64_#\(type)"
    }
  }
}

/// Section header types used by ELFKit (values of `sh_type`).
public enum ELFSectionType {
  public static let null: UInt32 = 0
  public static let progbits: UInt32 = 1
  public static let symtab: UInt32 = 2
  public static let strtab: UInt32 = 3
  public static let rela: UInt32 = 4
  public static let nobits: UInt32 = 8
}

/// One section of an object as read back.
public struct ELFSection: Sendable, Equatable {
  /// Index in the section header table.
  public var index: Int
  /// The name from `.shstrtab`.
  public var name: String
  /// `sh_type`.
  public var type: UInt32
  /// `sh_flags`.
  public var flags: UInt64
  /// `sh_link`.
  public var link: UInt32
  /// `sh_info`.
  public var info: UInt32
  /// `sh_addralign`.
  public var alignment: UInt64
  /// `sh_entsize`.
  public var entrySize: UInt64
  /// The section's bytes (empty for `SHT_NOBITS`).
  public var bytes: [UInt8]
}

/// Symbol binding (`STB_*`).
public enum ELFSymbolBinding: UInt8, Sendable {
  case local = 0, global = 1, weak = 2
}

/// Symbol type (`STT_*`).
public enum ELFSymbolKind: UInt8, Sendable {
  case none = 0, object = 1, function = 2, section = 3, file = 4
}

/// One entry of `.symtab` as read back.
public struct ELFSymbol: Sendable, Equatable {
  /// The name from the symbol string table (empty for section symbols).
  public var name: String
  /// `st_value`.
  public var value: UInt64
  /// `st_size`.
  public var size: UInt64
  /// `STB_*` from `st_info`.
  public var binding: UInt8
  /// `STT_*` from `st_info`.
  public var kind: UInt8
  /// `st_shndx`: 0 when undefined.
  public var sectionIndex: UInt16
}

/// One RELA relocation as read back.
public struct ELFRelocation: Sendable, Equatable {
  /// The section the relocation patches (`sh_info` of its `.rela` section).
  public var targetSection: Int
  /// Byte offset inside the patched section.
  public var offset: UInt64
  /// `R_X86_64_*`.
  public var type: UInt32
  /// Index into the symbol table.
  public var symbolIndex: Int
  /// The explicit addend.
  public var addend: Int64

  /// Makes a relocation value (as read back, or to compare with).
  public init(targetSection: Int, offset: UInt64, type: UInt32, symbolIndex: Int, addend: Int64) {
    self.targetSection = targetSection
    self.offset = offset
    self.type = type
    self.symbolIndex = symbolIndex
    self.addend = addend
  }
}

// MARK: - The GELF_* macros, which Swift does not import (function-like macros)

/// `GELF_R_SYM`.
@inline(__always) func relocationSymbol(_ info: UInt64) -> Int { Int(info >> 32) }
/// `GELF_R_TYPE`.
@inline(__always) func relocationType(_ info: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: info) }
/// `GELF_R_INFO`.
@inline(__always) func relocationInfo(symbol: Int, type: UInt32) -> UInt64 { UInt64(symbol) << 32 | UInt64(type) }
/// `GELF_ST_BIND`.
@inline(__always) func symbolBinding(_ info: UInt8) -> UInt8 { info >> 4 }
/// `GELF_ST_TYPE`.
@inline(__always) func symbolKind(_ info: UInt8) -> UInt8 { info & 0xf }
/// `GELF_ST_INFO`.
@inline(__always) func symbolInfo(binding: UInt8, kind: UInt8) -> UInt8 { binding << 4 | (kind & 0xf) }
