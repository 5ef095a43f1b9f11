//! What selecting one part of a module produces (`CodegenParts.swift`): the part's machine code,
//! already copied from the stencils and patched wherever the value is known during selection
//! (frame slots, immediates, frame sizes, argument slots, the next stencil), plus fixups for
//! what only the module's layout gives (branch targets, defined callees) and relocations for
//! what only the linker gives. Offsets are relative to the part's start; `Layout` places the
//! parts and `Layout.copyAndPatch` applies the fixups.
import ELFKit
import MojoStencilContract

/// One stencil instance with the values of its holes, as the selector builds it before it is
/// copied and patched (`StencilSelector.append`).
struct Emission {
  var immA: Int64, immB: Int64, immC: Int64
  var slotA: Int32, slotB: Int32, slotC: Int32, slotD: Int32
  /// The block (function-local index) of `_JUMP_TARGET`, or -1.
  var jumpTarget: Int32
  /// The block of `_CONTINUE`, or -1 for the next emission.
  var continuation: Int32
  /// The callee (`FunctionRef` index) of a call, or the data object of `addr` (and of a list
  /// access's location).
  var aux: Int32
  /// Start of `ArgumentPlace.count` argument slots in the selector's `argumentSlots` (slot `k`
  /// fills the hole of `ArgumentPlace(index: k)`): 0, or -1 for an emission without arguments.
  var arguments: Int32
  /// The frame size, for the entry stencil.
  var frameSize: Int32
  var stencil: StencilID

  /// Byte offset in an emission of the field of each known hole value (`HoleValue` raw values
  /// 0-7: slots, immediates, the frame size) and whether it is 32 bits wide (`KnownHole`).
  static let knownFields: [(offset: Int, narrow: Bool)] = [
    (MemoryLayout<Emission>.offset(of: \.slotA)!, true), (MemoryLayout<Emission>.offset(of: \.slotB)!, true),
    (MemoryLayout<Emission>.offset(of: \.slotC)!, true), (MemoryLayout<Emission>.offset(of: \.slotD)!, true),
    (MemoryLayout<Emission>.offset(of: \.immA)!, false), (MemoryLayout<Emission>.offset(of: \.immB)!, false),
    (MemoryLayout<Emission>.offset(of: \.immC)!, false), (MemoryLayout<Emission>.offset(of: \.frameSize)!, true),
  ]

  init(stencil: StencilID, slotA: Int32 = 0, slotB: Int32 = 0, slotC: Int32 = 0, slotD: Int32 = 0,
       immA: Int64 = 0, immB: Int64 = 0, immC: Int64 = 0, jumpTarget: Int32 = -1, continuation: Int32 = -1,
       aux: Int32 = 0, arguments: Int32 = -1, frameSize: Int32 = 0) {
    (self.stencil, self.slotA, self.slotB, self.slotC, self.slotD) = (stencil, slotA, slotB, slotC, slotD)
    (self.immA, self.immB, self.immC) = (immA, immB, immC)
    (self.jumpTarget, self.continuation, self.aux, self.arguments, self.frameSize) =
      (jumpTarget, continuation, aux, arguments, frameSize)
  }
}

/// A field of the part's code that the layout fills.
struct Fixup {
  enum Target: UInt8 {
    /// `index` is a module-wide block index (`CodegenParts.functionBlockBase`).
    case block
    /// `index` is a defined function (`FunctionRef` index).
    case function
    /// `index` is an offset in the part's code (a non-relative field naming the next stencil).
    case code
    /// No field: the block `index` must start at `position` (a dropped trailing jump).
    case check
  }

  /// Offset of the field within the part's code.
  var position: Int32
  var patch: PatchKind
  var target: Target
  var index: Int32
  var addend: Int64
}

/// The code of a module's functions (or of one part of them), function after function.
struct Selection {
  var code = CodeBuffer()
  var fixups: [Fixup] = []
  /// Relocations at offsets within the part; symbol targets are indices into `externalNames`
  /// (the part's undefined symbols, in order of first use).
  var relocations: [RelocatableObjectWriter.Relocation] = []
  var externalNames: [String] = []
  /// For every function (or piece) selected: where its code starts and ends, as offsets within
  /// the part's code.
  var functionSpans: [(start: Int32, end: Int32)] = []
  /// Each block's code offset within the part, in block order, for the blocks that start in
  /// what was selected.
  var blockOffsets: [Int32] = []

  /// The size of the part's code so far (functions start 16-byte aligned, padded with int3).
  var size: Int { code.count }
}

/// A growable byte buffer with one owner, written in place through its base address. Copies
/// share the storage: only the last holder may write (the selector writes, then hands its
/// selection on; parts hand selections between threads only through barriers).
struct CodeBuffer: @unchecked Sendable {
  /// Owns the memory.
  private final class Storage {
    let base: UnsafeMutableRawPointer
    init(capacity: Int) { base = .allocate(byteCount: capacity, alignment: 16) }
    deinit { base.deallocate() }
  }

  private var storage: Storage
  /// Where byte 0 is; valid while this buffer (or a copy) lives and until the next `reserve`.
  private(set) var base: UnsafeMutableRawPointer
  private var capacity: Int
  /// Number of bytes written.
  var count = 0

  init(capacity: Int = 64) {
    self.capacity = max(capacity, 64)
    storage = Storage(capacity: self.capacity)
    base = storage.base
  }

  /// Makes room for `n` more bytes (at least doubling the capacity when it grows).
  @inline(__always)
  mutating func reserve(_ n: Int) {
    if count &+ n > capacity { grow(count &+ n) }
  }

  private mutating func grow(_ n: Int) {
    let n = max(n, 2 * capacity)
    let grown = Storage(capacity: n)
    grown.base.copyMemory(from: base, byteCount: count)
    (storage, base, capacity) = (grown, grown.base, n)
  }

  /// Appends `n` int3 bytes (padding before a function).
  mutating func pad(_ n: Int) {
    reserve(n)
    (base + count).initializeMemory(as: UInt8.self, repeating: 0xCC, count: n)
    count += n
  }

  func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try withExtendedLifetime(storage) { try body(UnsafeRawBufferPointer(start: base, count: count)) }
  }
}
