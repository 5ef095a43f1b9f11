//! The stencil library: the generated arrays (`generated/StencilTable.swift`, static data)
//! unpacked once per process into flat arrays, plus dense lookup tables from IR shapes to stencils. Immutable after
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
  /// Per opcode: true when its stencils take an immediate in a 32-bit field (an operand outside
  /// [0, 2^31) goes through a temporary).
  let narrowImmediates: [Bool]
  /// Unary operations: `(opcode.rawValue * 2 + (operand in a register)) * 2 + (result in a register)`.
  let unary: [Int16]
  /// Calls with register arguments only: `((intArgs * 9) + floatArgs) * 4 + resultKind` (0
  /// i64/ptr, 1 i1, 2 f64, 3 void).
  let calls: [Int16]
  /// The same with the result left in `acc` / `facc` (kinds 0-2; -1 for void).
  let callsToRegister: [Int16]
  /// Calls with one register argument (`acc` or `facc`) at argument place `p` (`HoleValue`
  /// order: integer k is k, float k is 6 + k): `((((intArgs * 9) + floatArgs) * 14 + p) * 4 +
  /// resultKind) * 2 + (result in a register)`; -1 where no such stencil exists.
  let callsWithRegisterArgument: [Int16]
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
  /// `mojo_rt_list_at` inlined: `OperandPair` of (list, index) `* 2 + (result in a register)`;
  /// `listAt8` and `listAt1` for elements of 8 bytes and of 1 byte.
  let listAt, listAt8, listAt1: [Int16]
  /// A counted loop's latch fused with its header: `(step < 0 ? 2 : 0) + (stop immediate ? 1 : 0)`.
  let loops: [Int16]
  let copySlot, copyImm, copyRegister, copyFloatRegister, addr: Int16
  /// An immediate into `acc` / `facc` (a call argument taken from the register).
  let immediateToRegister, immediateToFloatRegister: Int16
  /// Entries: `(intParameters * 9) + floatParameters`, and the entry with stack parameters.
  let entries: [Int16]
  let entryWithStack: Int16
  let retSlot, retImm, retVoid, retRegister, retFloatRegister, retSlotFloat, retImmFloat: Int16
  let jump, condbr, condbrNot, condbrRegister, condbrNotRegister, unreachable: Int16

  /// The largest register argument counts of the SysV ABI; arguments beyond go on the stack.
  static let maxIntArgs = 6, maxFloatArgs = 8
  /// Argument slots per call or entry: integer 0-5, float 0-7 (`HoleValue` order).
  static let argumentStride = 14

  /// Unpacks the generated arrays and builds the dense tables. Runs once per process, on the
  /// first cnp compile, so it is written for start-up: the generated arrays are static data
  /// (nothing to parse), names are found through an open-addressing table of FNV-1a hashes
  /// (verified byte by byte), and no Dictionary or Set is built (the first use of each generic
  /// type the runtime instantiates by name scans every protocol-conformance record in mojoc).
  /// Decoding the former text table here took 11 M instructions.
  init() {
    let codeSize = Self.generatedCodeSize
    let code = Self.generatedCode.withUnsafeBytes { Array($0.prefix(codeSize)) }
    var names: [String] = []
    names.reserveCapacity(Self.generatedStencils.count)
    var index = NameIndex()
    var nameText = Self.generatedNames
    nameText.withUTF8 { text in
      var start = 0
      // One name per line; the literal's last line has no newline.
      for k in 0...text.count where k == text.count || text[k] == 10 {
        let name = UnsafeBufferPointer(rebasing: text[start..<k])
        index.append(name)
        names.append(String(decoding: name, as: UTF8.self))
        start = k + 1
      }
    }
    let patchKinds = Self.generatedHoleNames.map { name in PatchKind.allCases.first { $0.name == name } }
    let holeValues = Self.generatedHoleNames.map { name in HoleValue.allCases.first { $0.name == name } }
    let holes = Self.generatedHoles.map { word in
      // The generator writes only known names; a mismatch means a stale table, a build bug.
      guard let patch = patchKinds[Int(word >> 32 & 0xff)], let value = holeValues[Int(word >> 40 & 0xff)] else {
        preconditionFailure("StencilTable.swift: a hole names an unknown patch kind or hole value")
      }
      return HoleRecord(offset: Int32(truncatingIfNeeded: word & 0xffff_ffff), patch: patch, value: value,
                        addend: Int64(Int16(truncatingIfNeeded: word >> 48)))
    }
    var stencils: [Stencil] = []
    stencils.reserveCapacity(Self.generatedStencils.count)
    var codeStart: Int32 = 0, holeStart: Int32 = 0
    for word in Self.generatedStencils {
      let size = Int32(word & 0xffff), holeCount = Int32(word >> 16 & 0xffff)
      stencils.append(Stencil(codeStart: codeStart, size: size, holeStart: holeStart, holeEnd: holeStart + holeCount,
                              hasTrailingJump: word >> 32 & 1 == 1))
      codeStart += size
      holeStart += holeCount
    }
    precondition(names.count == stencils.count && Int(codeStart) == code.count && Int(holeStart) == holes.count,
                 "StencilTable.swift: the generated arrays do not agree")
    /// The stencil named by the concatenation of the parts, or -1.
    func find(_ a: String, _ b: String = "", _ c: String = "", _ d: String = "", _ e: String = "", _ f: String = "") -> Int16 {
      index.find(a, b, c, d, e, f)
    }

    let pairs = OperandPair.allCases
    var binary = [Int16](repeating: -1, count: Opcode.allCases.count * pairs.count * 2)
    var unary = [Int16](repeating: -1, count: Opcode.allCases.count * 4)
    for op in Opcode.allCases {
      switch op.shape {
      case .binary:
        for pair in pairs {
          let at = (Int(op.rawValue) * pairs.count + Int(pair.rawValue)) * 2
          binary[at] = find(op.name, "_", pair.suffix)
          binary[at + 1] = find(op.name, "_", pair.suffix, "_r")
        }
      case .unary:
        for (k, suffix) in ["s", "s_r", "r", "r_r"].enumerated() { unary[Int(op.rawValue) * 4 + k] = find(op.name, "_", suffix) }
      case .special:
        break
      }
    }
    narrowImmediates = Opcode.allCases.map { op in
      let stencil = binary[(Int(op.rawValue) * pairs.count + Int(OperandPair.slotImm.rawValue)) * 2]
      guard stencil >= 0 else { return false }
      let s = stencils[Int(stencil)]
      return holes[Int(s.holeStart)..<Int(s.holeEnd)].contains { $0.value == .immB && $0.patch != .abs64 }
    }
    var calls = [Int16](repeating: -1, count: (Self.maxIntArgs + 1) * 9 * 4)
    var entries = [Int16](repeating: -1, count: (Self.maxIntArgs + 1) * 9)
    let digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
    for n in 0...Self.maxIntArgs {
      for m in 0...Self.maxFloatArgs {
        for (r, kind) in ["i", "b", "f", "v"].enumerated() { calls[(n * 9 + m) * 4 + r] = find("call_", digits[n], "_", digits[m], "_", kind) }
        entries[n * 9 + m] = find("entry_", digits[n], "_", digits[m])
      }
    }
    var callsToRegister = [Int16](repeating: -1, count: calls.count)
    var callsWithRegisterArgument = [Int16](repeating: -1, count: calls.count * Self.argumentStride * 2)
    for n in 0...Self.maxIntArgs {
      for m in 0...Self.maxFloatArgs {
        for (r, kind) in ["i", "b", "f", "v"].enumerated() {
          if r < 3 { callsToRegister[(n * 9 + m) * 4 + r] = find("call_", digits[n], "_", digits[m], "_", kind + "_r") }
          for p in 0..<Self.argumentStride where p < 6 ? p < n : p - 6 < m {
            let argument = p < 6 ? "_a" + digits[p] : "_x" + digits[p - 6]
            let at = ((((n * 9 + m) * Self.argumentStride) + p) * 4 + r) * 2
            callsWithRegisterArgument[at] = find("call_", digits[n], "_", digits[m], argument, "_" + kind)
            if r < 3 { callsWithRegisterArgument[at + 1] = find("call_", digits[n], "_", digits[m], argument, "_" + kind + "_r") }
          }
        }
      }
    }
    self.callsToRegister = callsToRegister
    self.callsWithRegisterArgument = callsWithRegisterArgument
    callsWithStack = ["i", "b", "f", "v"].map { find("call_stack_", $0) }
    entryWithStack = find("entry_stack")
    var compareBranchStored = [Int16](repeating: -1, count: Opcode.allCases.count * 4)
    var compareBranch = [Int16](repeating: -1, count: Opcode.allCases.count * pairs.count * 2)
    for op in [Opcode.ieq, .ine, .ilt, .ile, .igt, .ige, .feq, .fne, .flt, .fle, .fgt, .fge] {
      for (v, suffix) in ["ss", "si"].enumerated() {
        compareBranchStored[(Int(op.rawValue) * 2 + v) * 2] = find("condbr_", op.name, "_", suffix)
        compareBranchStored[(Int(op.rawValue) * 2 + v) * 2 + 1] = find("condbr_not_", op.name, "_", suffix)
      }
      for pair in pairs {
        let at = (Int(op.rawValue) * pairs.count + Int(pair.rawValue)) * 2
        compareBranch[at] = find("condbr_", op.name, "_", pair.suffix, "_n")
        compareBranch[at + 1] = find("condbr_not_", op.name, "_", pair.suffix, "_n")
      }
    }
    var loads = [Int16](repeating: -1, count: 8)
    for (w, width) in ["load64", "load1"].enumerated() {
      for (a, address) in ["s", "r"].enumerated() {
        loads[(w * 2 + a) * 2] = find(width, "_", address)
        loads[(w * 2 + a) * 2 + 1] = find(width, "_", address, "_r")
      }
    }
    loadFloatToRegister = [find("loadf_s_r"), find("loadf_r_r")]
    var stores = [Int16](repeating: -1, count: 24)
    for (w, width) in ["store64", "store1"].enumerated() {
      for (a, address) in ["s", "i", "r"].enumerated() {
        for (v, value) in ["s", "i", "r", "f"].enumerated() { stores[(w * 3 + a) * 4 + v] = find(width, "_", address, value) }
      }
    }
    func listAtTable(_ name: String) -> [Int16] {
      var table = [Int16](repeating: -1, count: pairs.count * 2)
      for pair in pairs {
        table[Int(pair.rawValue) * 2] = find(name, "_", pair.suffix)
        table[Int(pair.rawValue) * 2 + 1] = find(name, "_", pair.suffix, "_r")
      }
      return table
    }
    listAt = listAtTable("list_at")
    listAt8 = listAtTable("list_at8")
    listAt1 = listAtTable("list_at1")
    loops = [find("loop_ilt_s"), find("loop_ilt_i"), find("loop_igt_s"), find("loop_igt_i")]
    self.entries = entries
    self.compareBranchStored = compareBranchStored
    self.compareBranch = compareBranch
    self.loads = loads
    self.stores = stores
    self.code = code
    self.holes = holes
    self.stencils = stencils
    self.names = names
    self.binary = binary
    self.unary = unary
    self.calls = calls
    copySlot = find("copy_s"); copyImm = find("copy_i"); copyRegister = find("copy_r"); copyFloatRegister = find("copy_f")
    addr = find("addr")
    immediateToRegister = find("imm_r"); immediateToFloatRegister = find("imm_f")
    retSlot = find("ret_s"); retImm = find("ret_i"); retVoid = find("ret_v")
    retRegister = find("ret_r"); retFloatRegister = find("ret_f")
    retSlotFloat = find("ret_s_f"); retImmFloat = find("ret_i_f")
    jump = find("jump"); condbr = find("condbr_s"); condbrNot = find("condbr_not_s")
    condbrRegister = find("condbr_r"); condbrNotRegister = find("condbr_not_r")
    unreachable = find("unreachable")
  }

  /// Number of stencils.
  public var count: Int { stencils.count }
}

// MARK: - Name lookup while decoding

/// Stencil names to indices: open addressing over FNV-1a hashes in flat arrays, the candidate's
/// bytes (kept in one flat array) compared with the name asked for.
private struct NameIndex {
  var hashes = [UInt64](repeating: 0, count: 4096)
  var slots = [Int16](repeating: -1, count: 4096)
  /// Every name's bytes, back to back; name `k` is `bytes[starts[k]..<starts[k + 1]]`.
  var bytes: [UInt8] = []
  var starts: [Int] = [0]

  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
    return hash
  }

  /// Adds the next stencil's name.
  mutating func append(_ name: UnsafeBufferPointer<UInt8>) {
    let stencil = starts.count - 1
    precondition(stencil < slots.count / 2, "StencilLibrary: NameIndex is too small")
    bytes.append(contentsOf: name)
    starts.append(bytes.count)
    let hash = Self.hash(name)
    var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
    while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
    hashes[slot] = hash
    slots[slot] = Int16(stencil)
  }

  /// The stencil named `a + b + c + d + e + f`, or -1. The parts are walked in place (hashed,
  /// then compared), each through `withUTF8` (a small string is copied to the stack): building
  /// the name, or iterating `utf8`, cost more than the rest of the library.
  func find(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String, _ f: String) -> Int16 {
    var (hash, length) = Self.mix(a, 0xcbf2_9ce4_8422_2325, 0)
    (hash, length) = Self.mix(b, hash, length)
    (hash, length) = Self.mix(c, hash, length)
    (hash, length) = Self.mix(d, hash, length)
    (hash, length) = Self.mix(e, hash, length)
    (hash, length) = Self.mix(f, hash, length)
    var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
    while slots[slot] >= 0 {
      let k = Int(slots[slot])
      if hashes[slot] == hash && starts[k + 1] - starts[k] == length {
        var (same, at) = Self.matches(a, bytes, starts[k])
        if same { (same, at) = Self.matches(b, bytes, at) }
        if same { (same, at) = Self.matches(c, bytes, at) }
        if same { (same, at) = Self.matches(d, bytes, at) }
        if same { (same, at) = Self.matches(e, bytes, at) }
        if same { (same, _) = Self.matches(f, bytes, at) }
        if same { return Int16(k) }
      }
      slot = (slot + 1) & (slots.count - 1)
    }
    return -1
  }

  /// FNV-1a continued over `part`, and the length so far.
  static func mix(_ part: String, _ hash: UInt64, _ length: Int) -> (UInt64, Int) {
    var part = part
    return part.withUTF8 { text in
      var hash = hash
      for byte in text { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return (hash, length + text.count)
    }
  }

  /// Whether `part` is spelled by `bytes` from `start`, and where the next part would start.
  static func matches(_ part: String, _ bytes: [UInt8], _ start: Int) -> (Bool, Int) {
    var part = part
    return part.withUTF8 { text in
      for (k, byte) in text.enumerated() where bytes[start + k] != byte { return (false, start) }
      return (true, start + text.count)
    }
  }
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
