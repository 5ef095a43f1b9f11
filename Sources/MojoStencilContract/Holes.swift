//! What the stencil extractor and the copy-and-patch backend agree on about holes: the closed set
//! of values a hole takes (`HoleValue`, one per extern symbol of the C stencils), how each is
//! patched (`PatchKind`, one per relocation kind), and the one rule mapping an ELF relocation of a
//! stencil to both. Modelled on CPython's `Tools/jit/_stencils.py` (`HoleValue`, `symbol_to_value`).

/// How a hole is patched: the stencil object's relocation kind.
public enum PatchKind: UInt8, Sendable, CaseIterable {
  /// 64-bit absolute value (R_X86_64_64).
  case abs64
  /// 32-bit zero-extended value (R_X86_64_32).
  case abs32
  /// 32-bit sign-extended value (R_X86_64_32S).
  case abs32s
  /// 32-bit PC-relative displacement (R_X86_64_PLT32 / PC32).
  case rel32

  /// The name the golden dump prints (spelled out: interpolating a case reflects on metadata,
  /// which in the statically linked mojoc scans every protocol conformance record).
  public var name: String {
    switch self {
    case .abs64: "abs64"
    case .abs32: "abs32"
    case .abs32s: "abs32s"
    case .rel32: "rel32"
    }
  }
}

/// What fills a hole: the stencil object's undefined symbol (`stencil.h` declares them).
public enum HoleValue: UInt8, Sendable, CaseIterable {
  /// Frame offsets of operands A, B, C and of the result D (`_SLOT_A` ...).
  case slotA, slotB, slotC, slotD
  /// Immediates A, B (also as 32-bit fields, `_IMM_A32`, and B as a displacement, `_DISP_B`), C.
  case immA, immB, immC
  /// The function's frame size (entry and ret stencils).
  case frameSize
  /// Frame offsets of the register arguments, in `ArgumentPlace` order (`_ARG_I0` ...).
  case argInt0, argInt1, argInt2, argInt3, argInt4, argInt5
  case argFloat0, argFloat1, argFloat2, argFloat3, argFloat4, argFloat5, argFloat6, argFloat7
  /// The next stencil, or the target of `br` / the fall-through target of `condbr`.
  case continuation
  /// The taken target of `condbr`.
  case jumpTarget
  /// The called function.
  case callee
  /// A data object of the module.
  case data
  /// The runtime's `mojo_rt_trap_div_zero`.
  case trapDivZero
  /// The runtime's `mojo_rt_list_at`, called by the inlined element access for an index out of range.
  case listIndexTrap

  /// The argument place of an `argInt*` / `argFloat*` hole, or nil.
  public var argumentPlace: ArgumentPlace? {
    guard rawValue >= HoleValue.argInt0.rawValue, rawValue <= HoleValue.argFloat7.rawValue else { return nil }
    return ArgumentPlace(index: Int(rawValue - HoleValue.argInt0.rawValue))
  }

  /// The hole for a stencil's extern symbol, or nil for a symbol that is no hole.
  public init?(symbol: String) {
    switch symbol {
    case "_SLOT_A": self = .slotA
    case "_SLOT_B": self = .slotB
    case "_SLOT_C": self = .slotC
    case "_SLOT_D": self = .slotD
    case "_IMM_A", "_IMM_A32": self = .immA
    case "_IMM_B", "_IMM_B32", "_DISP_B": self = .immB
    case "_IMM_C": self = .immC
    case "_FRAME_SIZE": self = .frameSize
    case "_CONTINUE": self = .continuation
    case "_JUMP_TARGET": self = .jumpTarget
    case "_CALLEE": self = .callee
    case "_DATA": self = .data
    case "mojo_rt_trap_div_zero": self = .trapDivZero
    case "mojo_rt_list_at": self = .listIndexTrap
    default:
      for k in 0..<ArgumentPlace.maxInts where symbol == "_ARG_I\(k)" { self = ArgumentPlace.int(k).holeValue; return }
      for k in 0..<ArgumentPlace.maxFloats where symbol == "_ARG_F\(k)" { self = ArgumentPlace.float(k).holeValue; return }
      return nil
    }
  }

  /// How this hole is patched for an ELF x86-64 relocation type, or nil when the hole does not
  /// allow that relocation (a build error of the stencils).
  public func patchKind(relocationType type: UInt32) -> PatchKind? {
    // ELF x86-64 relocation types (System V ABI, AMD64 supplement, table 4.10).
    let r64: UInt32 = 1, pc32: UInt32 = 2, plt32: UInt32 = 4, r32: UInt32 = 10, r32s: UInt32 = 11
    switch self {
    case .immC:
      return type == r64 ? .abs64 : nil
    case .immA, .immB:  // 64-bit, or a 32-bit field (immediate or displacement)
      return type == r64 ? .abs64 : type == r32s ? .abs32s : type == r32 ? .abs32 : nil
    case .continuation, .jumpTarget, .callee, .trapDivZero, .listIndexTrap:
      return type == plt32 || type == pc32 ? .rel32 : nil
    case .data:
      return type == pc32 ? .rel32 : nil
    default:  // slots, arguments, frame size: small frame offsets
      return type == r32s ? .abs32s : type == r32 ? .abs32 : nil
    }
  }

  /// The name the golden dump prints.
  public var name: String {
    switch self {
    case .slotA: "slotA"
    case .slotB: "slotB"
    case .slotC: "slotC"
    case .slotD: "slotD"
    case .immA: "immA"
    case .immB: "immB"
    case .immC: "immC"
    case .frameSize: "frameSize"
    case .argInt0: "argInt0"
    case .argInt1: "argInt1"
    case .argInt2: "argInt2"
    case .argInt3: "argInt3"
    case .argInt4: "argInt4"
    case .argInt5: "argInt5"
    case .argFloat0: "argFloat0"
    case .argFloat1: "argFloat1"
    case .argFloat2: "argFloat2"
    case .argFloat3: "argFloat3"
    case .argFloat4: "argFloat4"
    case .argFloat5: "argFloat5"
    case .argFloat6: "argFloat6"
    case .argFloat7: "argFloat7"
    case .continuation: "continuation"
    case .jumpTarget: "jumpTarget"
    case .callee: "callee"
    case .data: "data"
    case .trapDivZero: "trapDivZero"
    case .listIndexTrap: "listIndexTrap"
    }
  }
}

/// A register argument of a call or a parameter of an entry (SysV): integer argument `k` (RDI,
/// RSI, ...) or float argument `k` (XMM0 ...). Its `index` numbers the argument slots an
/// emission records, in `HoleValue` order, so that slot `index` fills hole `holeValue`.
public struct ArgumentPlace: Hashable, Sendable {
  /// 0-5 for integer arguments, 6-13 for float arguments.
  public let index: Int

  /// The SysV register arguments of each class; arguments beyond go on the stack.
  public static let maxInts = 6, maxFloats = 8
  /// Argument slots per call or entry.
  public static let count = maxInts + maxFloats

  public init(index: Int) {
    precondition(index >= 0 && index < Self.count, "ArgumentPlace \(index) is out of range")
    self.index = index
  }

  /// Integer argument `k`.
  public static func int(_ k: Int) -> ArgumentPlace { precondition(k < maxInts); return ArgumentPlace(index: k) }
  /// Float argument `k`.
  public static func float(_ k: Int) -> ArgumentPlace { precondition(k < maxFloats); return ArgumentPlace(index: maxInts + k) }

  /// True for a float argument.
  public var isFloat: Bool { index >= Self.maxInts }
  /// The argument's number within its class.
  public var number: Int { isFloat ? index - Self.maxInts : index }
  /// The hole of this argument's slot.
  public var holeValue: HoleValue { HoleValue(rawValue: HoleValue.argInt0.rawValue + UInt8(index))! }
}
