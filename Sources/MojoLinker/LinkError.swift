//! Why a link failed: problems with the input objects, reported with the object and symbol names.

/// A failure of the built-in linker.
public enum LinkError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The bytes are not an x86-64 ELF relocatable object, or are damaged.
  case malformedObject(object: String, reason: String)
  /// A symbol used by `object` is defined nowhere.
  case undefinedSymbol(name: String, object: String)
  /// Two objects define the same global symbol.
  case duplicateSymbol(name: String, first: String, second: String)
  /// No object defines the entry point.
  case missingEntry(name: String)
  /// The object uses a feature a static Mojo program never needs (TLS, constructors, ...).
  case unsupported(object: String, what: String)
  /// A relocation's value does not fit its field.
  case relocationOverflow(object: String, section: String, offset: UInt64, type: String, symbol: String)

  public var description: String {
    switch self {
    case .malformedObject(let object, let reason): "\(object): \(reason)"
    case .undefinedSymbol(let name, let object): "undefined symbol: \(name)\n>>> referenced by \(object)"
    case .duplicateSymbol(let name, let first, let second):
      "duplicate symbol: \(name)\n>>> defined in \(first)\n>>> defined in \(second)"
    case .missingEntry(let name): "entry symbol \(name) is not defined"
    case .unsupported(let object, let what): "\(object): \(what) is not supported by the built-in linker"
    case .relocationOverflow(let object, let section, let offset, let type, let symbol):
      "\(object):(\(section)+0x\(String(offset, radix: 16))): relocation \(type) out of range for \(symbol)"
    }
  }
}
