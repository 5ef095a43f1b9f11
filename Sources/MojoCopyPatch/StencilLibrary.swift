//! The stencil library: the generated arrays (`generated/StencilTable.swift`, static data) read
//! through typed keys. A stencil is found by its `StencilKey` (MojoStencilContract) in the
//! generated key table: nothing is parsed, hashed or matched by name at start-up, which only
//! unpacks the stencils' code and hole ranges. Immutable and shared by every worker.
import MojoIR
import MojoStencilContract

/// A stencil of the library: its index in the generated table.
struct StencilID: Hashable, Sendable {
  let rawValue: Int16
}

/// One hole of a stencil.
struct HoleRecord: Sendable {
  var offset: Int32
  var patch: PatchKind
  var value: HoleValue
  var addend: Int64
}

/// A hole whose value the selector knows when it appends the stencil (a slot, an immediate or
/// the frame size: `HoleValue` raw values 0-7), patched as the stencil is copied, without a
/// switch over hole values: the value is the 8 bytes at `field` in the `Emission`, shifted left
/// and back by `shift` (32 for a 32-bit field: sign-extends it and drops the next field's bytes).
struct KnownHole: Sendable {
  var offset: Int32
  var field: UInt8
  var shift: UInt8
  var patch: PatchKind
  var addend: Int16
}

/// A known hole whose value is a 32-bit field of the `Emission` (a slot or the frame size)
/// patched as a signed 32-bit field: the value always fits (slot offsets and frame sizes are
/// below 2^30, addends 16-bit), so it is written without a check (most holes are such).
struct SlotHole: Sendable {
  var offset: Int32
  var field: UInt8
  var addend: Int16
}

/// A decoded stencil: ranges into the library's flat code and hole arrays.
struct Stencil: Sendable {
  var codeStart: Int32
  var size: Int32
  /// All holes, in `holes`.
  var holeStart: Int32
  var holeEnd: Int32
  /// The holes of known values: 32-bit fields into signed 32-bit holes in `slotHoles`, others
  /// in `knownHoles`; the other holes (branch targets, callees, data, traps, argument slots) in
  /// `otherHoles`; each sorted by offset.
  var slotStart: Int32 = 0, slotEnd: Int32 = 0
  var knownStart: Int32 = 0, knownEnd: Int32 = 0
  var otherStart: Int32 = 0, otherEnd: Int32 = 0
  /// The stencil's `StencilKey.index`.
  var key: Int32
  /// True when the last 5 bytes are `jmp _CONTINUE` and may be dropped.
  var hasTrailingJump: Bool
}

/// The immutable, shared stencil library. A class, so that handing it to a selector or a layout
/// pass costs one reference instead of retaining each of its arrays. `@unchecked Sendable`: its
/// buffers are written once, in `init`, and only read afterwards.
public final class StencilLibrary: @unchecked Sendable {
  /// The library every backend instance uses, decoded on first use.
  public static let shared = StencilLibrary()
  /// A digest of the stencils (bytes, holes, flags), for cache keys.
  public static var digest: UInt64 { generatedDigest }

  let code: [UInt8]
  let holes: [HoleRecord]
  let stencils: [Stencil]
  /// The same three arrays in memory the library owns, for the selector's copy-and-patch loop
  /// (through the arrays, every read cost a bounds check and a reload of the storage). The code
  /// has 32 bytes to spare after its end, so that any stencil can be read as 32 bytes.
  let codeBase: UnsafeRawPointer
  let holeBase: UnsafePointer<HoleRecord>
  /// Every stencil's holes of known values, and its other holes (`Stencil.slotStart`,
  /// `knownStart`, `otherStart`).
  let slotHoleBase: UnsafePointer<SlotHole>
  let knownHoleBase: UnsafePointer<KnownHole>
  let otherHoleBase: UnsafePointer<HoleRecord>
  let stencilBase: UnsafePointer<Stencil>
  /// Per `StencilKey.index`: the stencil's index, or -1 (a copy of the generated array).
  private let byKey: UnsafePointer<Int16>
  /// Per opcode (by raw value): true when its stencils take an immediate in a 32-bit field (an
  /// operand outside [0, 2^31) goes through a temporary).
  let narrowImmediates: UnsafePointer<Bool>
  /// Per opcode (by raw value): how its operands are shaped, for selection (`Opcode.shape`
  /// without its types; reading it from MojoIR was a call per instruction).
  let shapes: UnsafePointer<OperandShape>

  /// How an opcode's operands are shaped, for selection.
  enum OperandShape: UInt8 { case binary, unary, special }

  /// Unpacks the generated arrays. Runs once per process, on the first cnp compile, so it is
  /// written for start-up: the generated arrays are static data, and no Dictionary or Set is
  /// built (the first use of each generic type the runtime instantiates by name scans every
  /// protocol-conformance record in mojoc).
  init() {
    precondition(Self.generatedKeyCount == StencilKey.count,
                 "StencilTable.swift was generated for other stencil keys: run Scripts/build-stencils")
    let codeSize = Self.generatedCodeSize
    code = Self.generatedCode.withUnsafeBytes { Array($0.prefix(codeSize)) }
    holes = Self.generatedHoles.map { word in
      // The generator writes only raw values of these enums; a mismatch means a stale table.
      guard let patch = PatchKind(rawValue: UInt8(word >> 32 & 0xff)), let value = HoleValue(rawValue: UInt8(word >> 40 & 0xff))
      else { preconditionFailure("StencilTable.swift: a hole has an unknown patch kind or hole value") }
      return HoleRecord(offset: Int32(truncatingIfNeeded: word & 0xffff_ffff), patch: patch, value: value,
                        addend: Int64(Int16(truncatingIfNeeded: word >> 48)))
    }
    var stencils: [Stencil] = []
    stencils.reserveCapacity(Self.generatedStencils.count)
    var codeStart: Int32 = 0, holeStart: Int32 = 0
    for word in Self.generatedStencils {
      let size = Int32(word & 0xffff), holeCount = Int32(word >> 16 & 0xffff)
      stencils.append(Stencil(codeStart: codeStart, size: size, holeStart: holeStart, holeEnd: holeStart + holeCount,
                              key: Int32(truncatingIfNeeded: word >> 33), hasTrailingJump: word >> 32 & 1 == 1))
      codeStart += size
      holeStart += holeCount
    }
    precondition(Int(codeStart) == code.count && Int(holeStart) == holes.count,
                 "StencilTable.swift: the generated arrays do not agree")
    // The selector relies on holes sorted by offset, a trailing jump's hole last: dropping the
    // jump drops that hole.
    for s in stencils {
      var previous: Int32 = -1
      for h in Int(s.holeStart)..<Int(s.holeEnd) {
        precondition(holes[h].offset > previous, "StencilTable.swift: a stencil's holes are not sorted by offset")
        previous = holes[h].offset
        precondition(!s.hasTrailingJump || (h == Int(s.holeEnd) - 1) == (holes[h].offset >= s.size - 5),
                     "StencilTable.swift: a stencil's trailing jump is not its last hole")
      }
    }
    // Holes split by whether the selector knows their values when it appends the stencil.
    var slotHoles: [SlotHole] = [], known: [KnownHole] = [], others: [HoleRecord] = []
    for k in stencils.indices {
      stencils[k].slotStart = Int32(slotHoles.count)
      stencils[k].knownStart = Int32(known.count)
      stencils[k].otherStart = Int32(others.count)
      for hole in holes[Int(stencils[k].holeStart)..<Int(stencils[k].holeEnd)] {
        if Int(hole.value.rawValue) < Emission.knownFields.count {
          let field = Emission.knownFields[Int(hole.value.rawValue)]
          if field.narrow && hole.patch == .abs32s {
            slotHoles.append(SlotHole(offset: hole.offset, field: UInt8(field.offset), addend: Int16(hole.addend)))
          } else {
            known.append(KnownHole(offset: hole.offset, field: UInt8(field.offset), shift: field.narrow ? 32 : 0,
                                   patch: hole.patch, addend: Int16(hole.addend)))
          }
        } else {
          others.append(hole)
        }
      }
      stencils[k].slotEnd = Int32(slotHoles.count)
      stencils[k].knownEnd = Int32(known.count)
      stencils[k].otherEnd = Int32(others.count)
    }
    self.stencils = stencils
    slotHoleBase = Self.permanentCopy(of: slotHoles)
    knownHoleBase = Self.permanentCopy(of: known)
    otherHoleBase = Self.permanentCopy(of: others)
    let codeCopy = UnsafeMutableRawPointer.allocate(byteCount: codeSize + 32, alignment: 16)
    codeCopy.initializeMemory(as: UInt8.self, repeating: 0xCC, count: codeSize + 32)
    code.withUnsafeBytes { codeCopy.copyMemory(from: $0.baseAddress!, byteCount: codeSize) }
    codeBase = UnsafeRawPointer(codeCopy)
    holeBase = Self.permanentCopy(of: holes)
    stencilBase = Self.permanentCopy(of: stencils)
    let byKey = Self.generatedStencilByKey
    self.byKey = Self.permanentCopy(of: byKey)
    let holes = self.holes
    // Indexed by raw value: `Opcode` numbers its cases densely from 0 (no explicit raw values).
    narrowImmediates = Self.permanentCopy(of: Opcode.allCases.map { op in
      guard let index = StencilKey.binary(op, .slotImm, resultInRegister: false).index, byKey[index] >= 0 else { return false }
      let s = stencils[Int(byKey[index])]
      return holes[Int(s.holeStart)..<Int(s.holeEnd)].contains { $0.value == .immB && $0.patch != .abs64 }
    })
    shapes = Self.permanentCopy(of: Opcode.allCases.map { op in
      switch op.shape {
      case .binary: OperandShape.binary
      case .unary: .unary
      case .special: .special
      }
    })
  }

  deinit {
    UnsafeMutableRawPointer(mutating: codeBase).deallocate()
    UnsafeMutablePointer(mutating: holeBase).deallocate()
    UnsafeMutablePointer(mutating: slotHoleBase).deallocate()
    UnsafeMutablePointer(mutating: knownHoleBase).deallocate()
    UnsafeMutablePointer(mutating: otherHoleBase).deallocate()
    UnsafeMutablePointer(mutating: stencilBase).deallocate()
    UnsafeMutablePointer(mutating: byKey).deallocate()
    UnsafeMutablePointer(mutating: narrowImmediates).deallocate()
    UnsafeMutablePointer(mutating: shapes).deallocate()
  }

  /// A copy of `elements` in memory owned by the library (freed in `deinit`), so selection reads
  /// the tables through plain pointers without array bounds or uniqueness checks.
  private static func permanentCopy<Element>(of elements: [Element]) -> UnsafePointer<Element> {
    let copy = UnsafeMutablePointer<Element>.allocate(capacity: max(elements.count, 1))
    copy.initialize(from: elements, count: elements.count)
    return UnsafePointer(copy)
  }

  /// Number of stencils.
  public var count: Int { stencils.count }

  /// The stencil for `key`, or nil when the library has none.
  @inline(__always)
  func stencil(_ key: StencilKey) -> StencilID? {
    guard let index = key.index else { return nil }
    let id = byKey[index]
    return id >= 0 ? StencilID(rawValue: id) : nil
  }

  /// What stencil `id` does.
  func key(of id: StencilID) -> StencilKey {
    StencilKey(index: Int(stencils[Int(id.rawValue)].key))!
  }

  /// The C symbol of stencil `id`.
  func name(of id: StencilID) -> String { key(of: id).name }

  /// The call with register arguments only (`ints` integer and `floats` float ones), one of them
  /// (`registerArgument`) taken from `acc`/`facc` when given.
  func call(ints: Int, floats: Int, result: CallResult, registerArgument: ArgumentPlace? = nil,
            resultInRegister: Bool = false) -> StencilID? {
    stencil(.call(ints: ints, floats: floats, registerArgument: registerArgument, result: result,
                  resultInRegister: resultInRegister))
  }

  /// The binary operation `op` with operands at `pair`.
  func binary(_ op: Opcode, _ pair: OperandPair, resultInRegister: Bool) -> StencilID? {
    stencil(.binary(op, pair, resultInRegister: resultInRegister))
  }
}
