//! The stencil library: the generated records (`generated/StencilTable.swift`) decoded once per
//! process into flat arrays, plus dense lookup tables from IR shapes to stencils. Immutable after
//! construction and shared by every worker; names are looked up only while building it.
import MojoIR

/// How a hole is patched (the stencil object's relocation kind).
enum PatchKind: UInt8, Sendable, CaseIterable {
  /// 64-bit absolute value (R_X86_64_64).
  case abs64
  /// 32-bit zero-extended value (R_X86_64_32).
  case abs32
  /// 32-bit sign-extended value (R_X86_64_32S).
  case abs32s
  /// 32-bit PC-relative displacement (R_X86_64_PLT32 / PC32).
  case rel32
}

/// What fills a hole (the stencil object's undefined symbol).
enum HoleValue: UInt8, Sendable, CaseIterable {
  case slotA, slotB, slotC, slotD
  case immA, immB, immC
  case frameSize
  /// Register arguments, numbered in case order: slot `rawValue - argInt0` of an emission's
  /// `StencilLibrary.argumentStride` argument slots.
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
}

/// One hole of a stencil.
struct HoleRecord: Sendable {
  var offset: Int32
  var patch: PatchKind
  var value: HoleValue
  var addend: Int64
}

/// A decoded stencil: ranges into the library's flat code and hole arrays.
struct Stencil: Sendable {
  var codeStart: Int32
  var size: Int32
  var holeStart: Int32
  var holeEnd: Int32
  /// True when the last 5 bytes are `jmp _CONTINUE` and may be dropped.
  var hasTrailingJump: Bool
}

/// The immutable, shared stencil library. A class, so that handing it to a selector or a layout
/// pass costs one reference instead of retaining each of its arrays.
public final class StencilLibrary: Sendable {
  /// The library every backend instance uses, decoded on first use.
  public static let shared = StencilLibrary()
  /// A digest of the stencils (bytes, holes, flags), for cache keys.
  public static var digest: UInt64 { generatedDigest }

  let code: [UInt8]
  let holes: [HoleRecord]
  let stencils: [Stencil]
  let names: [String]

  /// Binary operations: `(opcode.rawValue * 7 + pair) * 2 + (result in a register ? 1 : 0)`, `pair`
  /// an `OperandPair` of the operand locations.
  let binary: [Int16]
  /// Unary operations: `(opcode.rawValue * 2 + (operand in a register)) * 2 + (result in a register)`.
  let unary: [Int16]
  /// Calls with register arguments only: `((intArgs * 9) + floatArgs) * 4 + resultKind` (0
  /// i64/ptr, 1 i1, 2 f64, 3 void).
  let calls: [Int16]
  /// Calls with stack arguments, by result kind.
  let callsWithStack: [Int16]
  /// Fused compare-and-branch that also stores the result: `((opcode.rawValue * 2 + pair) * 2 +
  /// inverted)`, pair 0 slot/slot, 1 slot/imm; `inverted` continues to the true target.
  let compareBranchStored: [Int16]
  /// Fused compare-and-branch whose result is not stored: `((opcode.rawValue * 7 + pair) * 2 +
  /// inverted)`; only the pairs slot/slot, slot/imm, reg/slot, slot/reg, reg/imm exist.
  let compareBranch: [Int16]
  /// Loads: `(width * 2 + (address in a register)) * 2 + (result in a register)`, width 0 for
  /// 8 bytes, 1 for an i1 byte; `loadFloatToRegister[address in a register]` for an f64 result
  /// kept in the float register.
  let loads: [Int16]
  let loadFloatToRegister: [Int16]
  /// Stores: `(width * 3 + address location) * 4 + value location`, locations as `Location`
  /// (slot, imm, register) and value location 3 for the float register; -1 where none exists.
  let stores: [Int16]
  /// `mojo_rt_list_at` inlined: `OperandPair` of (list, index) `* 2 + (result in a register)`.
  let listAt: [Int16]
  let copySlot, copyImm, copyRegister, copyFloatRegister, addr: Int16
  /// Entries: `(intParameters * 9) + floatParameters`, and the entry with stack parameters.
  let entries: [Int16]
  let entryWithStack: Int16
  let retSlot, retImm, retVoid, retRegister, retFloatRegister: Int16
  let jump, condbr, condbrNot, condbrRegister, condbrNotRegister, unreachable: Int16

  /// The largest register argument counts of the SysV ABI; arguments beyond go on the stack.
  static let maxIntArgs = 6, maxFloatArgs = 8
  /// Argument slots per call or entry: integer 0-5, float 0-7 (`HoleValue` order).
  static let argumentStride = 14

  /// Decodes the generated records and builds the dense tables.
  init() {
    var code: [UInt8] = []
    code.reserveCapacity(Self.generatedTable.utf8.count / 2)
    var holes: [HoleRecord] = []
    var stencils: [Stencil] = []
    var names: [String] = []
    var index: [String: Int16] = [:]
    // Parsed as UTF-8 bytes: String.split works on Characters and took milliseconds here.
    // Names are looked up by an FNV-1a hash of their bytes, so no token becomes an Array or a
    // String (that cost milliseconds for the ~6000 holes); a collision would trap right here.
    func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
      return h
    }
    let patchKinds = Dictionary(uniqueKeysWithValues: PatchKind.allCases.map { (hash($0.name.utf8), $0) })
    let holeValues = Dictionary(uniqueKeysWithValues: HoleValue.allCases.map { (hash($0.name.utf8), $0) })
    let table = Array(Self.generatedTable.utf8)
    var position = 0
    /// The next space-separated token of the current line, or nil at the end of the line.
    func token() -> ArraySlice<UInt8>? {
      guard position < table.count, table[position] != 10 else { return nil }
      let start = position
      while position < table.count, table[position] != 32, table[position] != 10 { position += 1 }
      let result = table[start..<position]
      if position < table.count, table[position] == 32 { position += 1 }
      return result
    }
    func integer(_ digits: ArraySlice<UInt8>) -> Int64 {
      var value: Int64 = 0
      for d in digits where d != 45 { value = value * 10 + Int64(d - 48) }
      return digits.first == 45 ? -value : value
    }
    while position < table.count {
      // The generator writes only known names; a mismatch means a stale table, a build bug.
      guard let nameToken = token(), let flag = token(), let hex = token() else {
        preconditionFailure("StencilTable.swift: malformed line at byte \(position)")
      }
      let start = code.count
      var high = true
      var nibble: UInt8 = 0
      for c in hex {
        let digit = c <= 57 ? c - 48 : c - 87
        if high { nibble = digit << 4 } else { code.append(nibble | digit) }
        high.toggle()
      }
      let holeStart = holes.count
      while let offset = token() {
        guard let patch = token().flatMap({ patchKinds[hash($0)] }), let value = token().flatMap({ holeValues[hash($0)] }),
              let addend = token() else {
          preconditionFailure("StencilTable.swift: malformed hole at byte \(position)")
        }
        holes.append(HoleRecord(offset: Int32(integer(offset)), patch: patch, value: value, addend: integer(addend)))
      }
      position += 1  // the newline
      let name = String(decoding: nameToken, as: UTF8.self)
      index[name] = Int16(stencils.count)
      stencils.append(Stencil(codeStart: Int32(start), size: Int32(code.count - start), holeStart: Int32(holeStart),
                              holeEnd: Int32(holes.count), hasTrailingJump: flag.first == 49))
      names.append(name)
    }
    func find(_ name: String) -> Int16 { index[name] ?? -1 }

    let pairs = OperandPair.allCases
    var binary = [Int16](repeating: -1, count: Opcode.allCases.count * pairs.count * 2)
    var unary = [Int16](repeating: -1, count: Opcode.allCases.count * 4)
    for op in Opcode.allCases {
      switch op.shape {
      case .binary:
        for pair in pairs {
          let at = (Int(op.rawValue) * pairs.count + Int(pair.rawValue)) * 2
          binary[at] = find("\(op.name)_\(pair.suffix)")
          binary[at + 1] = find("\(op.name)_\(pair.suffix)_r")
        }
      case .unary:
        for (k, suffix) in ["s", "s_r", "r", "r_r"].enumerated() { unary[Int(op.rawValue) * 4 + k] = find("\(op.name)_\(suffix)") }
      case .special:
        break
      }
    }
    var calls = [Int16](repeating: -1, count: (Self.maxIntArgs + 1) * 9 * 4)
    var entries = [Int16](repeating: -1, count: (Self.maxIntArgs + 1) * 9)
    for n in 0...Self.maxIntArgs {
      for m in 0...Self.maxFloatArgs {
        for (r, kind) in ["i", "b", "f", "v"].enumerated() { calls[(n * 9 + m) * 4 + r] = find("call_\(n)_\(m)_\(kind)") }
        entries[n * 9 + m] = find("entry_\(n)_\(m)")
      }
    }
    callsWithStack = ["i", "b", "f", "v"].map { find("call_stack_\($0)") }
    entryWithStack = find("entry_stack")
    var compareBranchStored = [Int16](repeating: -1, count: Opcode.allCases.count * 4)
    var compareBranch = [Int16](repeating: -1, count: Opcode.allCases.count * pairs.count * 2)
    for op in [Opcode.ieq, .ine, .ilt, .ile, .igt, .ige, .feq, .fne, .flt, .fle, .fgt, .fge] {
      for (v, suffix) in ["ss", "si"].enumerated() {
        compareBranchStored[(Int(op.rawValue) * 2 + v) * 2] = find("condbr_\(op.name)_\(suffix)")
        compareBranchStored[(Int(op.rawValue) * 2 + v) * 2 + 1] = find("condbr_not_\(op.name)_\(suffix)")
      }
      for pair in pairs {
        let at = (Int(op.rawValue) * pairs.count + Int(pair.rawValue)) * 2
        compareBranch[at] = find("condbr_\(op.name)_\(pair.suffix)_n")
        compareBranch[at + 1] = find("condbr_not_\(op.name)_\(pair.suffix)_n")
      }
    }
    var loads = [Int16](repeating: -1, count: 8)
    for (w, width) in ["load64", "load1"].enumerated() {
      for (a, address) in ["s", "r"].enumerated() {
        loads[(w * 2 + a) * 2] = find("\(width)_\(address)")
        loads[(w * 2 + a) * 2 + 1] = find("\(width)_\(address)_r")
      }
    }
    loadFloatToRegister = [find("loadf_s_r"), find("loadf_r_r")]
    var stores = [Int16](repeating: -1, count: 24)
    for (w, width) in ["store64", "store1"].enumerated() {
      for (a, address) in ["s", "i", "r"].enumerated() {
        for (v, value) in ["s", "i", "r", "f"].enumerated() { stores[(w * 3 + a) * 4 + v] = find("\(width)_\(address)\(value)") }
      }
    }
    var listAt = [Int16](repeating: -1, count: pairs.count * 2)
    for pair in pairs {
      listAt[Int(pair.rawValue) * 2] = find("list_at_\(pair.suffix)")
      listAt[Int(pair.rawValue) * 2 + 1] = find("list_at_\(pair.suffix)_r")
    }
    self.entries = entries
    self.compareBranchStored = compareBranchStored
    self.compareBranch = compareBranch
    self.loads = loads
    self.stores = stores
    self.listAt = listAt
    self.code = code
    self.holes = holes
    self.stencils = stencils
    self.names = names
    self.binary = binary
    self.unary = unary
    self.calls = calls
    copySlot = find("copy_s"); copyImm = find("copy_i"); copyRegister = find("copy_r"); copyFloatRegister = find("copy_f")
    addr = find("addr")
    retSlot = find("ret_s"); retImm = find("ret_i"); retVoid = find("ret_v")
    retRegister = find("ret_r"); retFloatRegister = find("ret_f")
    jump = find("jump"); condbr = find("condbr_s"); condbrNot = find("condbr_not_s")
    condbrRegister = find("condbr_r"); condbrNotRegister = find("condbr_not_r")
    unreachable = find("unreachable")
  }

  /// Number of stencils.
  public var count: Int { stencils.count }
}

// MARK: - Names in the generated table

// Spelled out rather than taken from `"\(case)"`: string interpolation of an enum case looks
// its name up through reflection metadata, which in the statically linked mojoc scanned every
// protocol conformance record and cost about 10M instructions (3 ms) on each start.
extension PatchKind {
  /// The name the stencil table uses.
  var name: String {
    switch self {
    case .abs64: "abs64"
    case .abs32: "abs32"
    case .abs32s: "abs32s"
    case .rel32: "rel32"
    }
  }
}

extension HoleValue {
  /// The name the stencil table uses.
  var name: String {
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

/// Where an operand is: in its frame slot, an immediate, or the register of its class (`acc`
/// for integers, Bools and pointers, `facc` for Float64).
enum Location: Int, Sendable {
  case slot, imm, register
}

/// The operand locations of a two-operand stencil, in the order of `StencilLibrary.binary`.
enum OperandPair: UInt8, Sendable, CaseIterable {
  case slotSlot, slotImm, immSlot, registerSlot, slotRegister, registerImm, immRegister

  /// The pair for two locations, or nil for imm/imm and register/register.
  init?(_ a: Location, _ b: Location) {
    switch (a, b) {
    case (.slot, .slot): self = .slotSlot
    case (.slot, .imm): self = .slotImm
    case (.imm, .slot): self = .immSlot
    case (.register, .slot): self = .registerSlot
    case (.slot, .register): self = .slotRegister
    case (.register, .imm): self = .registerImm
    case (.imm, .register): self = .immRegister
    default: return nil
    }
  }

  /// The stencil name suffix.
  var suffix: String {
    switch self {
    case .slotSlot: "ss"
    case .slotImm: "si"
    case .immSlot: "is"
    case .registerSlot: "rs"
    case .slotRegister: "sr"
    case .registerImm: "ri"
    case .immRegister: "ir"
    }
  }
}
