//! Instruction selection for copy-and-patch: each IR instruction becomes one stencil instance
//! (an `Emission`, copied and patched into the part's code as soon as it is chosen), chosen from the library's dense tables by opcode and operand locations, in one
//! pass over the function (O(n) in instructions and operands):
//! 1. count the uses of every value and assign frame slots (`FrameSlots`);
//! 2. per instruction, pick where its result goes: a value whose only use is the next
//!    instruction stays in a register (`acc` for integers, Bools and pointers, `facc` for
//!    Float64; see Stencils/stencil.h) and the next stencil reads it from there; a result whose
//!    only use is a following `copy` is written straight into the copy's destination; every
//!    other result goes to its frame slot;
//! 3. fuse shapes into super-stencils: compare + `condbr` (without storing a flag nobody else
//!    reads), `mojo_rt_list_at` (the element address with its bounds check, inline).
//! Every IR value has an 8-byte frame slot (`FrameSlots`: shared by values of one block whose
//! live ranges do not overlap); after them come 18 temporaries
//! (immediates that a stencil cannot take directly are first copied into one), one scratch slot
//! that receives the argument registers a function does not use, and the stack arguments of the
//! calls (and incoming stack parameters) with the most of them.
import ELFKit
import MojoCodegen
import MojoIR
import MojoStencilContract

/// Owns the selector's two emission buffers (`pending` and `kept`).
private final class EmissionBuffer {
  /// 8 bytes to spare after each: a known hole reads 8 bytes from a 32-bit field (`KnownHole`).
  static let stride = (MemoryLayout<Emission>.stride + 8 + 15) & ~15
  let base = UnsafeMutableRawPointer.allocate(byteCount: 2 * stride, alignment: 16)
  init() {
    for k in 0..<2 {
      (base + k * Self.stride).bindMemory(to: Emission.self, capacity: 1).initialize(to: Emission(stencil: StencilID(rawValue: 0)))
    }
  }
  /// Emission buffer `k` (0 or 1).
  func pointer(_ k: Int) -> UnsafeMutablePointer<Emission> { (base + k * Self.stride).assumingMemoryBound(to: Emission.self) }
  deinit { base.deallocate() }
}

/// Selects stencils for the functions of one module. Its helpers that only read are declared
/// `mutating` all the same: a non-mutating call from a mutating method copied the whole selector
/// (about 230 bytes, a `memcpy` per call) to pass it, on the path of every instruction.
struct StencilSelector {
  let library: StencilLibrary
  let module: IRModule
  var selection = Selection()
  /// Per function: the frame slot and the number of reads of every value.
  private var slots = FrameSlots()
  /// True for module functions that are the runtime's `mojo_rt_list_at`.
  private let isListAt: [Bool]
  /// Per module function: where its parameters start in `parameterIsFloat`, and how its
  /// parameters are passed (register counts by class, stack count).
  private let signatures: [(start: Int32, ints: Int16, floats: Int16, stackCount: Int32)]
  /// The parameters of every module function, back to back: true for a Float64.
  private let parameterIsFloat: [Bool]
  /// Per opcode (by raw value): binary, unary or special (`StencilLibrary.shapes`).
  private let shapes: UnsafePointer<StencilLibrary.OperandShape>
  /// Per function: the frame layout.
  private var temp: Int32 = 0, scratch: Int32 = 0, stackArea: Int32 = 0
  /// Per function: the frame size its entry reserves (and its returns release).
  private var frame: Int32 = 0
  /// The value the previous emission left in `acc` / `facc`, if any (its only use is the
  /// instruction being selected).
  private var inRegister = Self.noValue
  /// The function being selected, read through pointers that are valid only while
  /// `select(_:piece:frameSlots:)` selects its blocks (through the arrays, every read cost a
  /// bounds check, and a call where the optimizer did not inline into the large `select(at:)`).
  private var instructions = UnsafeBufferPointer<Instruction>(start: nil, count: 0)
  private var operands = UnsafeBufferPointer<Operand>(start: nil, count: 0)
  /// The function's `slots.offsets` and `slots.uses`, likewise.
  private var offsets = UnsafeBufferPointer<Int32>(start: nil, count: 0)
  private var uses = UnsafeBufferPointer<Int32>(start: nil, count: 0)
  /// The block being selected.
  private var block = 0
  /// The last emission dropped its trailing jump to `block` (function-local), whose code must
  /// then start at `position`; `block` is -1 when it did not. Checked when the next block starts,
  /// or by the layout (a `.check` fixup) when the piece ends first.
  private var droppedJump = (block: Int32(-1), position: 0)
  /// True when the last emission is a binary operation into a slot (`selectBinary`) in the
  /// current block, which a following `condbr` may fuse with; then `kept` is that emission and
  /// `lastMark` where the part's code, fixups and relocations ended before it. (Recording every
  /// emission cost a 64-byte copy each; now `pending` and `kept` trade buffers instead.)
  private var lastFusable = false
  private var lastMark = (code: 0, fixups: 0, relocations: 0)
  /// Module-wide index of the function's first block (`CodegenParts.functionBlockBase`).
  private var blockBase = 0
  /// The emission being copied and patched (`emit`), in memory the selector owns; `kept` is the
  /// other buffer, which holds the last fusable emission (`appendFusable`).
  private var pending: UnsafeMutablePointer<Emission>
  private var kept: UnsafeMutablePointer<Emission>
  private let pendingOwner: EmissionBuffer
  /// Argument slots of the entry or call being selected (`Emission.arguments` is 0): the
  /// emission is copied and patched before the next entry or call sets them again.
  private var argumentSlots = [Int32](repeating: 0, count: ArgumentPlace.count)
  /// True for the module's defined functions: a call to one is a fixup, not a relocation.
  private let isDefined: [Bool]
  /// `.rodata` offset of each data object (`Layout.layOutData`).
  private let dataOffsets: [Int]
  /// Per module function: its index in `selection.externalNames`, or -1; likewise for the
  /// runtime's traps.
  private var externalSymbol: [Int32]
  private var trapSymbol: Int32 = -1, listAtSymbol: Int32 = -1
  private var localByName: [String: Int32] = [:]
  /// The first hole value that did not fit its field, thrown when the function is selected
  /// (`append` does not throw, so that it stays inlined at its many call sites).
  private var failure: CodegenError?

  /// `ValueID.none`, as a constant of this module (MojoIR's is read through an accessor call).
  private static let noValue = ValueID(Int(UInt32.max))

  /// Number of temporaries after the value slots.
  static let temporaries = 18

  init(library: StencilLibrary, module: IRModule, dataOffsets: [Int]) {
    self.library = library
    self.module = module
    self.dataOffsets = dataOffsets
    pendingOwner = EmissionBuffer()
    pending = pendingOwner.pointer(0)
    kept = pendingOwner.pointer(1)
    isDefined = module.functions.map(\.isDefined)
    externalSymbol = Array(repeating: -1, count: module.functions.count)
    var isListAt: [Bool] = [], signatures: [(start: Int32, ints: Int16, floats: Int16, stackCount: Int32)] = []
    var parameterIsFloat: [Bool] = []
    isListAt.reserveCapacity(module.functions.count)
    signatures.reserveCapacity(module.functions.count)
    // Through a buffer pointer: `for f in module.functions` copied every function (retaining
    // its arrays and string).
    module.functions.withUnsafeBufferPointer { functions in
      for k in functions.indices {
        isListAt.append(!functions[k].isDefined && functions[k].symbol == "mojo_rt_list_at"
                          && functions[k].parameterTypes == [.ptr, .i64, .i64, .ptr] && functions[k].returnType == .ptr)
        let start = Int32(parameterIsFloat.count)
        var ints = 0, floats = 0
        for type in functions[k].parameterTypes {
          parameterIsFloat.append(type == .f64)
          if type == .f64 { floats += 1 } else { ints += 1 }
        }
        let stackCount = max(0, ints - ArgumentPlace.maxInts) + max(0, floats - ArgumentPlace.maxFloats)
        signatures.append((start, Int16(min(ints, ArgumentPlace.maxInts)), Int16(min(floats, ArgumentPlace.maxFloats)),
                           Int32(stackCount)))
      }
    }
    (self.isListAt, self.signatures, self.parameterIsFloat) = (isListAt, signatures, parameterIsFloat)
    shapes = library.shapes
  }

  /// Appends the emissions of one defined function, or of the instructions `piece` of it (a
  /// piece that starts at 0 begins with the entry). A piece must start at a block start or
  /// right after a call without result (`CodegenParts.isSplitPoint`), where no value is in a
  /// register and nothing fuses across. `frameSlots`, when given, are `f`'s slots assigned
  /// beforehand (shared by the pieces of a split function).
  mutating func select(_ f: IRFunction, blockBase: Int, piece: Range<Int>? = nil, frameSlots: FrameSlots? = nil) throws {
    let piece = piece ?? 0..<f.instructions.count
    if piece.lowerBound == 0 {
      let size = selection.size
      selection.code.pad(((size + Layout.functionAlignment - 1) & ~(Layout.functionAlignment - 1)) - size)
    }
    let start = selection.size
    self.blockBase = blockBase
    if let frameSlots { slots = frameSlots } else { slots.assign(f) }
    let slotCount = slots.count
    // The stack arguments of the entry or of a call are at most its operand count, and there
    // are none with at most 6 (every class has 6 registers or more): a bound known before
    // selection, so that the returns can release the frame.
    let arguments = max(f.parameterTypes.count, slots.maxCallArguments)
    // Slot offsets and the frame size stay below 2^30, so that they and a 16-bit addend fit a
    // signed 32-bit field (`SlotHole`).
    guard slotCount + Self.temporaries + 1 + arguments < (1 << 27) else {
      throw CodegenError("copy-and-patch: \(f.symbol) has too many values for a 32-bit frame")
    }
    temp = Int32(slotCount * 8)
    scratch = Int32((slotCount + Self.temporaries) * 8)
    stackArea = scratch + 8
    frame = Self.frameSize(stackArea: stackArea, maxStackArguments: Int32(arguments > ArgumentPlace.maxInts ? arguments : 0))

    if piece.lowerBound == 0 {
      // Entry: the C-ABI prologue stores the argument registers into the parameters' slots.
      let classes = Self.classify(f.parameterTypes)
      var entry: Emission
      if classes.stackCount == 0 {
        entry = Emission(stencil: try stencil(.entry(ints: classes.ints, floats: classes.floats)), frameSize: frame)
      } else {
        entry = Emission(stencil: try stencil(.entryWithStack), slotA: stackArea, immA: Int64(classes.stackCount),
                         frameSize: frame)
      }
      let parameterSlots = slots.offsets
      entry.arguments = appendArguments(types: f.parameterTypes) { parameterSlots[$0] }
      append(entry)
      var stackIndex: Int32 = 0
      for (k, place) in classes.places.enumerated() where place == nil {
        append(Emission(stencil: try stencil(.copy(.slot)), slotA: stackArea + stackIndex * 8, slotD: slots.offsets[k]))
        stackIndex += 1
      }
      // i1 parameters from other compilers may carry garbage above bit 0.
      for (k, type) in f.parameterTypes.enumerated() where type == .i1 {
        append(Emission(stencil: try stencil(.binary(.band, .slotImm, resultInRegister: false)), slotA: slots.offsets[k],
                        slotD: slots.offsets[k], immB: 1))
      }
    }

    let (offsetArray, useArray) = (slots.offsets, slots.uses)
    try f.instructions.withUnsafeBufferPointer { instructions in
      try f.operands.withUnsafeBufferPointer { operands in
        try offsetArray.withUnsafeBufferPointer { offsets in
          try useArray.withUnsafeBufferPointer { uses in
            (self.instructions, self.operands, self.offsets, self.uses) = (instructions, operands, offsets, uses)
            defer {
              let none = UnsafeBufferPointer<Int32>(start: nil, count: 0)
              (self.instructions, self.operands, self.offsets, self.uses) = (.init(start: nil, count: 0), .init(start: nil, count: 0), none, none)
            }
            try selectBlocks(of: f, piece: piece)
          }
        }
      }
    }
    if let failure { throw failure }
    guard selection.size < Int(Int32.max) else { throw CodegenError("copy-and-patch: a part's code exceeds 2 GiB") }
    selection.functionSpans.append((Int32(start), Int32(selection.size)))
  }

  /// Selects the instructions of `piece`, block by block.
  private mutating func selectBlocks(of f: IRFunction, piece: Range<Int>) throws {
    // The blocks overlapping the piece (blocks are laid out in order: the first is found by
    // binary search, so selecting many pieces of one function stays linear).
    var b = 0, above = f.blocks.count
    while b < above {
      let middle = (b + above) / 2
      if f.blocks[middle].upperBound > piece.lowerBound { above = middle } else { b = middle + 1 }
    }
    inRegister = Self.noValue
    lastFusable = false
    droppedJump.block = -1
    while b < f.blocks.count, f.blocks[b].lowerBound < piece.upperBound {
      let range = f.blocks[b]
      block = b
      if range.lowerBound >= piece.lowerBound {
        if droppedJump.block >= 0 {
          if Int(droppedJump.block) != b || droppedJump.position != selection.size, failure == nil {
            failure = CodegenError("copy-and-patch: a dropped jump does not continue with the next block")
          }
          droppedJump.block = -1
        }
        selection.blockOffsets.append(Int32(truncatingIfNeeded: selection.size))
        lastFusable = false
        inRegister = Self.noValue
      }
      var i = max(range.lowerBound, piece.lowerBound)
      let stop = min(range.upperBound, piece.upperBound)
      while i < stop {
        // Binary instructions (about half) go straight to `selectBinary`, past the prologue of
        // the large `select(at:)`.
        if shapes[Int(instructions[i].opcode.rawValue)] == .binary {
          let (consumed, toRegister) = try selectBinary(instructions[i], at: i, in: f, block: b, end: range.upperBound)
          inRegister = toRegister ? instructions[i].result : Self.noValue
          i += consumed
        } else {
          i += try select(at: i, in: f, block: b, end: range.upperBound)
        }
      }
      b += 1
    }
    if droppedJump.block >= 0 {
      selection.fixups.append(Fixup(position: Int32(droppedJump.position), patch: .rel32, target: .check,
                                    index: Int32(blockBase + Int(droppedJump.block)), addend: 0))
    }
  }

  /// The frame size an entry reserves: 8 modulo 16, so that after the return address and the
  /// two registers the entry pushes the body runs with RSP 16-byte aligned (stencils are
  /// compiled for that, `-mstack-alignment=8` in Scripts/build-stencils: no call in them adjusts it).
  static func frameSize(stackArea: Int32, maxStackArguments: Int32) -> Int32 {
    (stackArea + maxStackArguments * 8 + 15) & ~15 + 8
  }

  /// Appends an emission: copies and patches it (`emit`).
  @inline(__always)
  private mutating func append(_ e: Emission) {
    lastFusable = false
    pending.pointee = e
    emit()
  }

  /// Appends a binary operation into a slot, which a following `condbr` may fuse with: the
  /// emission stays in `kept` (the buffers trade places, so the next emission goes to the other).
  @inline(__always)
  private mutating func appendFusable(_ e: Emission) {
    let mark = (selection.code.count, selection.fixups.count, selection.relocations.count)
    pending.pointee = e
    emit()
    (pending, kept) = (kept, pending)
    (lastMark, lastFusable) = (mark, true)
  }

  /// Replaces the last emission (a comparison that became a compare-and-branch; it has no
  /// relocation, so the part's undefined symbols stay as they were).
  private mutating func replaceLast(with e: Emission) {
    selection.code.count = lastMark.code
    selection.fixups.removeLast(selection.fixups.count - lastMark.fixups)
    selection.relocations.removeLast(selection.relocations.count - lastMark.relocations)
    append(e)
  }

  /// Copies the code of `pending`'s stencil to the end of the part's code, without its trailing
  /// `jmp _CONTINUE` when that continues with the next emission or the next block (only
  /// terminators continue with a block, as the last emission of theirs), and fills its holes:
  /// the values known now are written; branch targets and defined callees become fixups, other
  /// callees, data and the runtime's traps relocations. Reads the library through its unsafe
  /// buffers, and the emission through `pending` (a buffer the selector owns: reading a
  /// parameter's fields by offset copied it to the stack, with a stack-protector check).
  @inline(never)
  private mutating func emit() {
    let stencil = library.stencilBase + Int(pending.pointee.stencil.rawValue)
    let continuation = pending.pointee.continuation
    let elided = stencil.pointee.hasTrailingJump && (continuation < 0 || Int(continuation) == block &+ 1)
    let size = Int(stencil.pointee.size) &- (elided ? 5 : 0)
    selection.code.reserve(size &+ 32)
    let at = selection.code.count
    let out = selection.code.base + at
    let source = library.codeBase + Int(stencil.pointee.codeStart)
    if size <= 32 {
      // Two 16-byte moves whatever the size: the library's code and the part's buffer both
      // have 32 bytes to spare, and what lies past `size` is overwritten next.
      out.storeBytes(of: source.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
      out.storeBytes(of: source.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self), toByteOffset: 16,
                     as: SIMD16<UInt8>.self)
    } else {
      out.copyMemory(from: source, byteCount: size)
    }
    selection.code.count = at &+ size
    // Known values (slots, immediates, the frame size): read from the emission at their field's
    // offset, without a switch over hole values; first the 32-bit fields into signed 32-bit
    // holes, which always fit, then the others, where a value that does not fit is reported once.
    let values = UnsafeRawPointer(pending)
    let slotHoles = library.slotHoleBase
    var s = Int(stencil.pointee.slotStart)
    let slotEnd = Int(stencil.pointee.slotEnd)
    while s < slotEnd {
      let hole = slotHoles[s]
      s &+= 1
      let value = values.loadUnaligned(fromByteOffset: Int(hole.field), as: Int32.self) &+ Int32(hole.addend)
      out.storeBytes(of: value.littleEndian, toByteOffset: Int(hole.offset), as: Int32.self)
    }
    var misfit = false
    let known = library.knownHoleBase
    var h = Int(stencil.pointee.knownStart)
    let end = Int(stencil.pointee.knownEnd)
    while h < end {
      let hole = known[h]
      h &+= 1
      let raw = values.loadUnaligned(fromByteOffset: Int(hole.field), as: Int64.self)
      let value = (raw &<< Int64(hole.shift)) &>> Int64(hole.shift) &+ Int64(hole.addend)
      if hole.patch == .abs32s {
        let field = Int32(truncatingIfNeeded: value)
        out.storeBytes(of: field.littleEndian, toByteOffset: Int(hole.offset), as: Int32.self)
        misfit = misfit || Int64(field) != value
      } else if !Layout.patch(out, at: Int(hole.offset), kind: hole.patch, value: value) {
        misfit = true
      }
    }
    if misfit { reportMisfit() }
    // A dropped jump to the next block: that block must start right here (`selectBlocks`).
    if elided && continuation >= 0 { droppedJump = (continuation, at &+ size) }
    // The other holes (a dropped trailing jump's is the last: `StencilLibrary.init`).
    if stencil.pointee.otherEnd &- (elided ? 1 : 0) > stencil.pointee.otherStart {
      patchOtherHoles(stencil, at: at, size: size, elided: elided)
    }
  }

  /// Records the first hole value that does not fit its field (`pending`'s stencil).
  @inline(never)
  private mutating func reportMisfit() {
    if failure == nil {
      failure = CodegenError("copy-and-patch: a hole of \(library.name(of: pending.pointee.stencil)) does not fit its field")
    }
  }

  /// Fills the holes of `pending` that `emit` leaves: branch targets and defined callees become
  /// fixups, other callees, data and the runtime's traps relocations; argument slots and a
  /// relative continuation to the next stencil are written.
  @inline(never)
  private mutating func patchOtherHoles(_ stencil: UnsafePointer<Stencil>, at: Int, size: Int, elided: Bool) {
    let e = pending
    let holes = library.otherHoleBase
    var h = Int(stencil.pointee.otherStart)
    let end = Int(stencil.pointee.otherEnd) &- (elided ? 1 : 0)
    while h < end {
      let hole = holes[h]
      h &+= 1
      let position = at &+ Int(hole.offset)
      let value: Int64
      switch hole.value {
      case .slotA, .slotB, .slotC, .slotD, .immA, .immB, .immC, .frameSize:
        continue  // known values, patched by `emit`
      case .argInt0, .argInt1, .argInt2, .argInt3, .argInt4, .argInt5, .argFloat0, .argFloat1, .argFloat2,
           .argFloat3, .argFloat4, .argFloat5, .argFloat6, .argFloat7:
        // Argument slot k fills the hole of `ArgumentPlace(index: k)`.
        value = Int64(argumentSlots[Int(e.pointee.arguments) &+ Int(hole.value.rawValue &- HoleValue.argInt0.rawValue)])
      case .continuation:
        if e.pointee.continuation >= 0 {
          fixup(position, hole, .block, blockBase + Int(e.pointee.continuation))
          continue
        }
        // The next stencil: a relative field is patched now (part offsets differ from text
        // offsets by the same amount); another kind waits for the part's place.
        guard hole.patch == .rel32 else {
          fixup(position, hole, .code, at + size)
          continue
        }
        value = Int64(at &+ size)
      case .jumpTarget:
        fixup(position, hole, .block, blockBase + Int(e.pointee.jumpTarget))
        continue
      case .callee:
        let callee = Int(e.pointee.aux)
        if isDefined[callee] {
          fixup(position, hole, .function, callee)
        } else {
          if externalSymbol[callee] < 0 { externalSymbol[callee] = undefinedSymbol(module.functions[callee].symbol) }
          relocate(position, X86_64Relocation.plt32, .symbol(Int(externalSymbol[callee])), hole.addend)
        }
        continue
      case .data:
        relocate(position, X86_64Relocation.pc32, .section(.rodata), Int64(dataOffsets[Int(e.pointee.aux)]) + hole.addend)
        continue
      case .trapDivZero:
        if trapSymbol < 0 { trapSymbol = undefinedSymbol("mojo_rt_trap_div_zero") }
        relocate(position, X86_64Relocation.plt32, .symbol(Int(trapSymbol)), hole.addend)
        continue
      case .listIndexTrap:
        if listAtSymbol < 0 { listAtSymbol = undefinedSymbol("mojo_rt_list_at") }
        relocate(position, X86_64Relocation.plt32, .symbol(Int(listAtSymbol)), hole.addend)
        continue
      }
      if !Layout.patch(selection.code.base, at: position, kind: hole.patch, value: value &+ hole.addend) && failure == nil {
        failure = CodegenError("copy-and-patch: a hole of \(library.name(of: e.pointee.stencil)) does not fit its field")
      }
    }
  }

  /// Records a fixup of the field at `position`.
  private mutating func fixup(_ position: Int, _ hole: HoleRecord, _ target: Fixup.Target, _ index: Int) {
    selection.fixups.append(Fixup(position: Int32(position), patch: hole.patch, target: target, index: Int32(index),
                                  addend: hole.addend))
  }

  /// Records a relocation of the field at `position`.
  private mutating func relocate(_ position: Int, _ type: UInt32, _ target: RelocatableObjectWriter.Target,
                                 _ addend: Int64) {
    selection.relocations.append(.init(offset: UInt64(position), type: type, target: target, addend: addend))
  }

  /// The part's index of undefined symbol `name`, numbered in order of first use.
  private mutating func undefinedSymbol(_ name: String) -> Int32 {
    if let known = localByName[name] { return known }
    selection.externalNames.append(name)
    let k = Int32(selection.externalNames.count - 1)
    localByName[name] = k
    return k
  }

  /// The stencil for `key`; a shape the library lacks stops code generation (a bug: the
  /// selector asks only for shapes `StencilTableTests` finds in the library).
  @inline(__always)
  private mutating func stencil(_ key: StencilKey) throws -> StencilID {
    guard let id = library.stencil(key) else { throw Self.missing(key) }
    return id
  }

  /// The error for a key without stencil (out of line: the lookup above is inlined everywhere).
  @inline(never)
  private static func missing(_ key: StencilKey) -> CodegenError {
    CodegenError("copy-and-patch: no stencil \(key.name)")
  }

  // MARK: - Arguments

  /// How a parameter list is passed (SysV): `places[k]` is the register argument of parameter
  /// `k`, or nil when it goes on the stack (in order).
  struct ArgumentClasses {
    var places: [ArgumentPlace?] = []
    var ints = 0, floats = 0, stackCount = 0
  }

  /// Classifies parameters into the 6 integer and 8 float registers and the stack.
  static func classify(_ types: [IRType]) -> ArgumentClasses {
    var c = ArgumentClasses()
    c.places.reserveCapacity(types.count)
    for type in types {
      if type == .f64 {
        if c.floats < ArgumentPlace.maxFloats { c.places.append(.float(c.floats)); c.floats += 1 } else { c.places.append(nil); c.stackCount += 1 }
      } else {
        if c.ints < ArgumentPlace.maxInts { c.places.append(.int(c.ints)); c.ints += 1 } else { c.places.append(nil); c.stackCount += 1 }
      }
    }
    return c
  }

  /// Sets every argument slot to `scratch`.
  private mutating func resetArguments() {
    let scratch = self.scratch
    argumentSlots.withUnsafeMutableBufferPointer { $0.update(repeating: scratch) }
  }

  /// Records the register argument slots of an entry or a call (`ArgumentPlace.count` of them,
  /// slot `k` for `ArgumentPlace(index: k)`); slots of absent arguments get `scratch`.
  private mutating func appendArguments(types: [IRType], slotOf: (Int) -> Int32) -> Int32 {
    let start = 0
    resetArguments()
    var ints = 0, floats = 0
    for (k, type) in types.enumerated() {
      if type == .f64 {
        if floats < ArgumentPlace.maxFloats { argumentSlots[start + ArgumentPlace.float(floats).index] = slotOf(k) }
        floats += 1
      } else {
        if ints < ArgumentPlace.maxInts { argumentSlots[start + ArgumentPlace.int(ints).index] = slotOf(k) }
        ints += 1
      }
    }
    return Int32(start)
  }

  // MARK: - Operands

  /// The 64-bit pattern of an immediate operand.
  private static func bits(_ op: Operand) -> Int64 {
    switch op {
    case .int(let x): x
    case .float(let bits): Int64(bitPattern: bits)
    case .value: 0
    }
  }

  /// True for a value operand (not an immediate).
  private static func isValue(_ op: Operand) -> Bool {
    if case .value = op { return true }
    return false
  }

  /// True for an immediate that a 32-bit immediate field holds whether it is sign- or
  /// zero-extended.
  private static func isNarrow(_ op: Operand) -> Bool {
    guard case .int(let x) = op else { return false }
    return x >= 0 && x < 1 << 31
  }

  /// Copies an immediate into temporary `k` and returns that slot.
  private mutating func materialize(_ op: Operand, _ k: Int) throws -> Int32 {
    let slot = temp + Int32(k * 8)
    append(Emission(stencil: try stencil(.copy(.imm)), slotD: slot, immA: Self.bits(op)))
    return slot
  }

  /// Where an operand is for the instruction being selected.
  @inline(__always)
  private func location(_ op: Operand) -> Location {
    guard case .value(let v) = op else { return .imm }
    return v == inRegister ? .register : .slot
  }

  @inline(__always)
  private func slot(_ op: Operand) -> Int32 {
    if case .value(let v) = op { return offsets[Int(v.index)] }
    return 0
  }

  @inline(__always)
  private func slotOf(_ v: ValueID) -> Int32 { offsets[Int(v.index)] }

  // MARK: - Where results go

  /// True when the result `v` of instruction `i` may stay in a register: its only use is the
  /// next instruction of the block, which has a stencil reading it from there.
  private mutating func nextReadsFromRegister(_ v: ValueID, after i: Int, in f: IRFunction, end: Int) -> Bool {
    guard uses[Int(v.index)] == 1, i + 1 < end else { return false }
    return readsFromRegister(v, next: instructions[i + 1], after: i, in: f, end: end)
  }

  /// True when `next`, instruction `i + 1` of the block and the only use of `v`, has a stencil
  /// reading `v` from the register (`nextReadsFromRegister` without its checks).
  private mutating func readsFromRegister(_ v: ValueID, next: Instruction, after i: Int, in f: IRFunction, end: Int)
    -> Bool {
    let ops = operands
    let o = Int(next.operandStart)
    func reads(_ k: Int) -> Bool {
      if case .value(let u) = ops[o + k] { return u == v }
      return false
    }
    switch shapes[Int(next.opcode.rawValue)] {
    case .binary, .unary:
      return next.operandCount >= 1 && (reads(0) || (next.operandCount == 2 && reads(1)))
    case .special:
      break
    }
    switch next.opcode {
    case .load, .condbr:
      return reads(0)
    case .ret:
      return next.operandCount == 1 && reads(0)
    case .store:
      if reads(0) { return true }
      // The value from a register needs the address in a slot; the float register holds 8 bytes.
      guard reads(2), case .value = ops[o] else { return false }
      return next.type != .i1 || f.valueTypes[Int(v.index)] != .f64
    case .call:
      for k in 0..<Int(next.operandCount) where reads(k) {
        return callWithRegisterArgument(next, argument: k, toRegister: false) != nil
      }
      return false
    case .addr:
      // An `addr` folded into the `mojo_rt_list_at` call after it emits nothing: `v` goes to that call.
      guard listAtWithLocation(at: i + 1, in: f, end: end) else { return false }
      let call = instructions[i + 2]
      let c = Int(call.operandStart)
      func callReads(_ k: Int) -> Bool {
        if case .value(let u) = ops[c + k] { return u == v }
        return false
      }
      // The list from a register needs the index in a slot or immediate; the index from a
      // register needs the list in a slot.
      return callReads(0) || (callReads(1) && { if case .value = ops[c] { return true } else { return false } }())
    default:
      return false
    }
  }

  /// If instruction `i + 1` is `copy v` and `v` has no other use, the copy's destination slot.
  @inline(__always)
  private mutating func copyDestination(_ v: ValueID, after i: Int, in f: IRFunction, end: Int) -> Int32? {
    guard uses[Int(v.index)] == 1, i + 1 < end else { return nil }
    let next = instructions[i + 1]
    guard next.opcode == .copy, case .value(let u) = operands[Int(next.operandStart)], u == v else { return nil }
    return slotOf(next.result)
  }

  /// Where the result `r` of instruction `i` goes: a register (read by the next instruction, when
  /// `mayUseRegister`), the slot of a `copy` that follows (which is then skipped), or its own slot.
  /// A method, not a closure in `select`: a closure capturing `self` copied the whole selector.
  @inline(__always)
  private mutating func place(_ r: ValueID, after i: Int, in f: IRFunction, end: Int, mayUseRegister: Bool)
    -> (slot: Int32, toRegister: Bool, consumed: Int) {
    guard r.exists else { return (scratch, false, 1) }
    if let copySlot = copyDestination(r, after: i, in: f, end: end) { return (copySlot, false, 2) }
    return (slotOf(r), mayUseRegister && nextReadsFromRegister(r, after: i, in: f, end: end), 1)
  }

  /// True when instruction `i` is `%w = addr $dN` whose only use is the last operand of the
  /// next instruction, a call of the runtime's `mojo_rt_list_at` with an immediate element size.
  private mutating func listAtWithLocation(at i: Int, in f: IRFunction, end: Int) -> Bool {
    guard i + 1 < end else { return false }
    let inst = instructions[i], call = instructions[i + 1]
    guard inst.opcode == .addr, uses[Int(inst.result.index)] == 1, call.opcode == .call,
          isListAt[Int(call.aux0)], call.operandCount == 4 else { return false }
    let c = Int(call.operandStart)
    guard case .value(let w) = operands[c + 3], w == inst.result, case .int = operands[c + 2] else { return false }
    return true
  }

  // MARK: - Instructions

  /// Selects the emissions of instruction `i` (and of the next one when they fuse); returns how
  /// many instructions were consumed.
  private mutating func select(at i: Int, in f: IRFunction, block: Int, end: Int) throws -> Int {
    let inst = instructions[i]
    // Operands are read from the pool by index: an ArraySlice would retain the pool per instruction.
    let ops = operands
    let o = Int(inst.operandStart)
    let r = inst.result
    // Where the result goes (`place`); `consumed` counts a `copy` folded into the instruction.
    var consumed = 1
    var toRegister = false
    var d = r.exists ? slotOf(r) : scratch
    // The value left in a register: the result, or that of the instruction fused with this one.
    var held = r
    defer { inRegister = toRegister ? held : Self.noValue }

    switch shapes[Int(inst.opcode.rawValue)] {
    case .binary:
      (consumed, toRegister) = try selectBinary(inst, at: i, in: f, block: block, end: end)
      return consumed
    case .unary:
      var la = location(ops[o])
      var slotA = slot(ops[o])
      if la == .imm {
        slotA = try materialize(ops[o], 0)
        la = .slot
      }
      (d, toRegister, consumed) = place(r, after: i, in: f, end: end, mayUseRegister: true)
      let key = StencilKey.unary(inst.opcode, operandInRegister: la == .register, resultInRegister: toRegister)
      append(Emission(stencil: try stencil(key), slotA: slotA, slotD: d))
      return consumed
    case .special:
      break
    }
    switch inst.opcode {
    case .copy:
      switch location(ops[o]) {
      case .slot:
        if slot(ops[o]) != d { append(Emission(stencil: try stencil(.copy(.slot)), slotA: slot(ops[o]), slotD: d)) }
      case .imm:
        append(Emission(stencil: try stencil(.copy(.imm)), slotD: d, immA: Self.bits(ops[o])))
      case .register:
        append(Emission(stencil: try stencil(.copy(inst.type == .f64 ? .floatRegister : .register)), slotD: d))
      }
    case .load:
      var la = location(ops[o])
      var slotA = slot(ops[o])
      if la == .imm {
        slotA = try materialize(ops[o], 0)
        la = .slot
      }
      let offset = try displacement(ops[o + 1], address: &slotA, location: &la)
      (d, toRegister, consumed) = place(r, after: i, in: f, end: end, mayUseRegister: true)
      let width: AccessWidth = toRegister && inst.type == .f64 ? .float : inst.type == .i1 ? .byte : .word
      let key = StencilKey.load(width, addressInRegister: la == .register, resultInRegister: toRegister)
      append(Emission(stencil: try stencil(key), slotA: slotA, slotD: d, immB: offset))
      return consumed
    case .store:
      var la = location(ops[o])
      var slotA = slot(ops[o])
      if la == .imm {
        slotA = try materialize(ops[o], 0)
        la = .slot
      }
      let value = ops[o + 2]
      let offset = try displacement(ops[o + 1], address: &slotA, location: &la)
      var lv: ValueLocation
      switch location(value) {
      case .slot: lv = .slot
      case .imm: lv = .imm
      case .register: lv = .register
      }
      if lv == .register, case .value(let v) = value, f.valueTypes[Int(v.index)] == .f64 { lv = .floatRegister }
      let key = StencilKey.store(inst.type == .i1 ? .byte : .word, address: la, value: lv)
      append(Emission(stencil: try stencil(key), slotA: slotA, slotC: slot(value), immB: offset, immC: Self.bits(value)))
    case .addr:
      // `%w = addr $dN` right before `call @mojo_rt_list_at(list, index, size, %w)`, its only
      // use: one stencil, the element access inlined, the data's address only on its cold path.
      if listAtWithLocation(at: i, in: f, end: end) {
        let call = instructions[i + 1]
        let c = Int(call.operandStart)
        if case .int(let size) = ops[c + 2],
           let pair = OperandPair(location(ops[c]), location(ops[c + 1])), pair != .immSlot, pair != .immRegister {
          held = call.result
          (d, toRegister, consumed) = place(call.result, after: i + 1, in: f, end: end, mayUseRegister: true)
          let key = StencilKey.listAt(size == 8 ? .eight : size == 1 ? .one : .any, pair, resultInRegister: toRegister)
          append(Emission(stencil: try stencil(key), slotA: slot(ops[c]), slotB: slot(ops[c + 1]), slotD: d,
                          immB: Self.bits(ops[c + 1]), immC: size, aux: Int32(inst.aux0)))
          return 1 + consumed
        }
      }
      (d, toRegister, consumed) = place(r, after: i, in: f, end: end, mayUseRegister: false)
      append(Emission(stencil: try stencil(.addr), slotD: d, aux: Int32(inst.aux0)))
      return consumed
    case .call:
      (d, toRegister, consumed) = place(r, after: i, in: f, end: end, mayUseRegister: inst.type != .void && signatures[Int(inst.aux0)].stackCount == 0)
      try selectCall(inst, ops: ops, d: d, toRegister: toRegister)
      return consumed
    case .br:
      append(Emission(stencil: try stencil(.jump), continuation: Int32(inst.aux0)))
    case .condbr:
      let thenBlock = Int32(inst.aux0), elseBlock = Int32(inst.aux1)
      let inverted = Int(thenBlock) == block + 1
      switch ops[o] {
      case .value(let c):
        // Fuse with a comparison emitted just before in this block that stored `c`.
        if c != inRegister, lastFusable, kept.pointee.slotD == slotOf(c),
           let fused = storedCompareBranch(kept.pointee.stencil, inverted: inverted) {
          var e = kept.pointee
          e.stencil = fused
          e.jumpTarget = inverted ? elseBlock : thenBlock
          e.continuation = inverted ? thenBlock : elseBlock
          replaceLast(with: e)
        } else if c == inRegister {
          append(Emission(stencil: try stencil(.condbr(inverted: inverted, conditionInRegister: true)),
                          jumpTarget: inverted ? elseBlock : thenBlock, continuation: inverted ? thenBlock : elseBlock))
        } else {
          append(Emission(stencil: try stencil(.condbr(inverted: inverted, conditionInRegister: false)), slotA: slotOf(c),
                          jumpTarget: inverted ? elseBlock : thenBlock, continuation: inverted ? thenBlock : elseBlock))
        }
      default:
        let taken = Self.bits(ops[o]) != 0 ? thenBlock : elseBlock
        append(Emission(stencil: try stencil(.jump), continuation: taken))
      }
    case .ret:
      if inst.operandCount == 0 {
        append(Emission(stencil: try stencil(.ret(.void)), frameSize: frame))
      } else {
        switch location(ops[o]) {
        case .slot:
          append(Emission(stencil: try stencil(.ret(f.returnType == .f64 ? .floatSlot : .slot)), slotA: slot(ops[o]),
                          frameSize: frame))
        case .imm:
          append(Emission(stencil: try stencil(.ret(f.returnType == .f64 ? .floatImm : .imm)), immA: Self.bits(ops[o]),
                          frameSize: frame))
        case .register:
          append(Emission(stencil: try stencil(.ret(f.returnType == .f64 ? .floatRegister : .register)), frameSize: frame))
        }
      }
    case .unreachable:
      append(Emission(stencil: try stencil(.unreachable)))
    default:
      throw CodegenError("copy-and-patch: no stencil for \(inst.opcode.name)")
    }
    return 1
  }

  /// Selects binary instruction `i` (fused with a following `condbr`, or a counted loop's latch
  /// with its header, when they fit); returns how many instructions were consumed and whether
  /// the result stays in the register. Apart from `select(at:in:block:end:)`, whose size kept
  /// the optimizer from inlining the stencil lookups into it.
  private mutating func selectBinary(_ inst: Instruction, at i: Int, in f: IRFunction, block: Int, end: Int) throws
    -> (consumed: Int, toRegister: Bool) {
    let ops = operands
    let o = Int(inst.operandStart)
    let r = inst.result
    if inst.opcode == .iadd, i &+ 4 == end, try appendLoopLatch(at: i, in: f, end: end) { return (4, false) }
    var opcode = inst.opcode
    let a = ops[o]
    var b = ops[o &+ 1]
    if let (reduced, operand) = Self.strengthReduced(opcode, b) { (opcode, b) = (reduced, operand) }
    var la = location(a), lb = location(b)
    var slotA = slot(a), slotB = slot(b)
    // Integer stencils take an immediate as a 32-bit field: a larger or negative one goes
    // through a temporary; so does the first operand when both are immediates (rare: out of line).
    if la == .imm && (lb == .imm || !Self.isNarrow(a)) || lb == .imm && !Self.isNarrow(b) {
      (la, lb, slotA, slotB) = try materializeImmediates(inst.opcode, a, b, la, lb, slotA, slotB)
    }
    let pair = Self.pair(la, lb)
    // The result's only reader, when it is the next instruction: a `condbr` fuses with the
    // comparison, a `copy` takes the result into its slot, another may read it from the register.
    var d = slotOf(r), consumed = 1, toRegister = false
    if i &+ 1 < end, uses[Int(r.index)] == 1 {
      let next = instructions[i &+ 1]
      if next.operandCount > 0, case .value(r) = ops[Int(next.operandStart)], next.opcode == .condbr || next.opcode == .copy {
        if next.opcode == .copy {
          (d, consumed) = (slotOf(next.result), 2)
        } else if try appendCompareBranch(inst.opcode, pair, next, a, b, slotA, slotB, block: block) {
          return (2, false)
        } else {
          toRegister = true
        }
      } else {
        toRegister = readsFromRegister(r, next: next, after: i, in: f, end: end)
      }
    }
    let e = Emission(stencil: try stencil(.binary(opcode, pair, resultInRegister: toRegister)), slotA: slotA,
                     slotB: slotB, slotD: d, immA: Self.bits(a), immB: Self.bits(b))
    if toRegister { append(e) } else { appendFusable(e) }
    return (consumed, toRegister)
  }

  /// Moves the immediate operands of a binary instruction that its stencils cannot take into
  /// temporaries (a wide one, or the first of two); returns the operands' new locations and slots.
  @inline(never)
  private mutating func materializeImmediates(_ op: Opcode, _ a: Operand, _ b: Operand, _ la: Location, _ lb: Location,
                                              _ slotA: Int32, _ slotB: Int32) throws
    -> (Location, Location, Int32, Int32) {
    var (la, lb, slotA, slotB) = (la, lb, slotA, slotB)
    if library.narrowImmediates[Int(op.rawValue)] {
      if lb == .imm && !Self.isNarrow(b) { (slotB, lb) = (try materialize(b, 1), .slot) }
      if la == .imm && !Self.isNarrow(a) { (slotA, la) = (try materialize(a, 0), .slot) }
    }
    if la == .imm && lb == .imm {
      slotA = try materialize(a, 0)
      la = .slot
    }
    return (la, lb, slotA, slotB)
  }

  /// Appends comparison `op` fused with `branch`, the `condbr` after it and its result's only
  /// reader, when the library has that compare-and-branch; false when it has not.
  @inline(never)
  private mutating func appendCompareBranch(_ op: Opcode, _ pair: OperandPair, _ branch: Instruction, _ a: Operand,
                                            _ b: Operand, _ slotA: Int32, _ slotB: Int32, block: Int) throws -> Bool {
    let inverted = Int(branch.aux0) == block + 1
    guard let fused = library.stencil(.compareBranch(op, pair, inverted: inverted, storesFlag: false)) else { return false }
    let thenBlock = Int32(branch.aux0), elseBlock = Int32(branch.aux1)
    append(Emission(stencil: fused, slotA: slotA, slotB: slotB, immA: Self.bits(a), immB: Self.bits(b),
                    jumpTarget: inverted ? elseBlock : thenBlock, continuation: inverted ? thenBlock : elseBlock))
    return true
  }

  /// Appends the fused latch and header of a counted loop when instruction `i` starts one
  /// (`loopLatch`); false when it does not.
  @inline(never)
  private mutating func appendLoopLatch(at i: Int, in f: IRFunction, end: Int) throws -> Bool {
    guard let latch = try loopLatch(at: i, in: f, end: end) else { return false }
    append(latch)
    return true
  }

  /// The latch of a counted loop (`FunctionLowering.lowerCountedLoop`) fused with the loop's
  /// header, when instruction `i` starts one and the header is only the loop test:
  ///     latch:  %n = iadd %c, K;  %w = ilt %n, %c;  %c = copy %n;  condbr %w, exit, header
  ///     header: %t = ilt %c, stop;  condbr %t, body, exit
  /// (`igt` for a negative K), with %n, %w and %t read nowhere else. The stencil steps %c and goes
  /// straight to the body or the exit; the header stays for the loop's first entry.
  private mutating func loopLatch(at i: Int, in f: IRFunction, end: Int) throws -> Emission? {
    guard i + 4 == end else { return nil }
    let ops = operands
    let add = instructions[i], test = instructions[i + 1], copy = instructions[i + 2], branch = instructions[i + 3]
    guard case .value(let c) = ops[Int(add.operandStart)], case .int(let k) = ops[Int(add.operandStart) + 1], k != 0
    else { return nil }
    let n = add.result, relation: Opcode = k > 0 ? .ilt : .igt
    guard test.opcode == relation, case .value(n) = ops[Int(test.operandStart)],
          case .value(c) = ops[Int(test.operandStart) + 1], uses[Int(test.result.index)] == 1,
          copy.opcode == .copy, copy.result == c, case .value(n) = ops[Int(copy.operandStart)], uses[Int(n.index)] == 2,
          branch.opcode == .condbr, case .value(test.result) = ops[Int(branch.operandStart)]
    else { return nil }
    let exit = Int32(branch.aux0), header = f.blocks[Int(branch.aux1)]
    guard header.count == 2 else { return nil }
    let headerTest = instructions[header.lowerBound], headerBranch = instructions[header.lowerBound + 1]
    let stop = ops[Int(headerTest.operandStart) + 1]
    guard headerTest.opcode == relation, case .value(c) = ops[Int(headerTest.operandStart)], stop != .value(c),
          uses[Int(headerTest.result.index)] == 1, headerBranch.opcode == .condbr,
          case .value(headerTest.result) = ops[Int(headerBranch.operandStart)], Int32(headerBranch.aux1) == exit
    else { return nil }
    let stopIsImmediate: Bool
    switch stop {
    case .value: stopIsImmediate = false
    case .int: stopIsImmediate = true
    case .float: return nil
    }
    guard let stencil = library.stencil(.loopLatch(descending: k < 0, stopIsImmediate: stopIsImmediate)) else { return nil }
    return Emission(stencil: stencil, slotA: slotOf(c), slotC: slot(stop), immB: k, immC: Self.bits(stop),
                    jumpTarget: Int32(headerBranch.aux0), continuation: exit)
  }

  /// The displacement of a load or store: stencils take one in [0, 2^31) (a 32-bit displacement);
  /// a larger or negative offset is first added to the address, into a temporary.
  private mutating func displacement(_ op: Operand, address: inout Int32, location: inout Location) throws -> Int64 {
    let offset = Self.bits(op)
    if offset >= 0 && offset < 1 << 31 { return offset }
    let sum = temp + 8
    append(Emission(stencil: try stencil(.binary(.iadd, location == .register ? .registerImm : .slotImm, resultInRegister: false)),
                    slotA: address, slotD: sum, immB: offset))
    address = sum
    location = .slot
    return 0
  }

  /// The pair of two locations that are not both immediates or both the register: nibble
  /// `a * 3 + b` (slot 0, imm 1, register 2) of a constant (`OperandPair.init` was a call per
  /// binary instruction, a table in memory a copy or a lazy-global check).
  @inline(__always)
  static func pair(_ a: Location, _ b: Location) -> OperandPair {
    let k = UInt64(a.rawValue) &* 3 &+ UInt64(b.rawValue)
    return OperandPair(rawValue: UInt8(truncatingIfNeeded: (0x5360_2410 as UInt64) &>> (k &* 4) & 0xF)).unsafelyUnwrapped
  }

  /// Floor division and remainder by a power of two are a shift and a mask (exactly, for every
  /// dividend: the IR's `ifloordiv` rounds down and `imod` takes the divisor's sign).
  @inline(__always)
  private static func strengthReduced(_ op: Opcode, _ b: Operand) -> (Opcode, Operand)? {
    guard op == .ifloordiv || op == .imod, case .int(let d) = b, d > 0, d & (d - 1) == 0 else { return nil }
    return op == .ifloordiv ? (.ishr, .int(Int64(d.trailingZeroBitCount))) : (.iand, .int(d - 1))
  }

  /// The stored compare-and-branch for a comparison stencil (slot/slot or slot/imm into a slot).
  private mutating func storedCompareBranch(_ stencil: StencilID, inverted: Bool) -> StencilID? {
    guard case .binary(let op, let pair, resultInRegister: false) = library.key(of: stencil) else { return nil }
    return library.stencil(.compareBranch(op, pair, inverted: inverted, storesFlag: true))
  }

  /// What a call returns, for the call stencils.
  private static func callResult(_ type: IRType) -> CallResult {
    switch type {
    case .void: .void
    case .f64: .float
    case .i1: .bool
    default: .int
    }
  }

  /// The call stencil for `call` with its argument `k` in a register (and its result in a
  /// register when `toRegister`), or nil when there is none.
  private mutating func callWithRegisterArgument(_ call: Instruction, argument k: Int, toRegister: Bool) -> StencilID? {
    let signature = signatures[Int(call.aux0)]
    guard signature.stackCount == 0 else { return nil }
    var number = 0
    let isFloat = parameterIsFloat[Int(signature.start) + k]
    for j in 0..<k where parameterIsFloat[Int(signature.start) + j] == isFloat { number += 1 }
    return library.call(ints: Int(signature.ints), floats: Int(signature.floats), result: Self.callResult(call.type),
                        registerArgument: isFloat ? .float(number) : .int(number), resultInRegister: toRegister)
  }

  /// Selects a call: immediates go to temporaries (register arguments) or straight to the stack
  /// area (stack arguments), then the stencil for the argument classes. Reads the callee's
  /// signature from `signatures` (copying the callee's `IRFunction` retained six arrays).
  private mutating func selectCall(_ inst: Instruction, ops: UnsafeBufferPointer<Operand>, d: Int32, toRegister: Bool) throws {
    let signature = signatures[Int(inst.aux0)]
    let o = Int(inst.operandStart)
    let arguments = 0
    resetArguments()
    var ints = 0, floats = 0, temporaries = 0, stackIndex: Int32 = 0, inRegisterAt = -1
    // With no argument in a register, the first immediate argument that a stencil can take
    // from the register goes there (one `mov`) instead of through a temporary.
    var immediateInRegister = -1
    if signature.stackCount == 0 && !(0..<Int(inst.operandCount)).contains(where: { ops[o + $0] == .value(inRegister) }) {
      for k in 0..<Int(inst.operandCount) where !Self.isValue(ops[o + k]) {
        if callWithRegisterArgument(inst, argument: k, toRegister: toRegister) != nil { immediateInRegister = k; break }
      }
    }
    for k in 0..<Int(inst.operandCount) {
      let op = ops[o + k]
      var place: ArgumentPlace?
      if parameterIsFloat[Int(signature.start) + k] {
        if floats < ArgumentPlace.maxFloats { place = .float(floats) }
        floats += 1
      } else {
        if ints < ArgumentPlace.maxInts { place = .int(ints) }
        ints += 1
      }
      if k == immediateInRegister { continue }  // after counting its class
      guard let place else {
        let to = stackArea + stackIndex * 8
        stackIndex += 1
        if case .value(let v) = op {
          append(Emission(stencil: try stencil(.copy(.slot)), slotA: slotOf(v), slotD: to))
        } else {
          append(Emission(stencil: try stencil(.copy(.imm)), slotD: to, immA: Self.bits(op)))
        }
        continue
      }
      if case .value(let v) = op {
        if v == inRegister { inRegisterAt = k } else { argumentSlots[arguments + place.index] = slotOf(v) }
      } else {
        argumentSlots[arguments + place.index] = try materialize(op, temporaries)
        temporaries += 1
      }
    }
    let result = Self.callResult(inst.type)
    if immediateInRegister >= 0 {
      let isFloat = parameterIsFloat[Int(signature.start) + immediateInRegister]
      append(Emission(stencil: try stencil(.immediateToRegister(float: isFloat)), immA: Self.bits(ops[o + immediateInRegister])))
      inRegisterAt = immediateInRegister
    }
    let stackCount = Int(signature.stackCount)
    if stackCount == 0 {
      let (n, m) = (Int(signature.ints), Int(signature.floats))
      let call = inRegisterAt >= 0 ? callWithRegisterArgument(inst, argument: inRegisterAt, toRegister: toRegister)
        : library.call(ints: n, floats: m, result: result, resultInRegister: toRegister)
      guard let call else {
        throw CodegenError("copy-and-patch: no stencil for a call with \(n) integer and \(m) float arguments")
      }
      append(Emission(stencil: call, slotD: d, aux: Int32(inst.aux0), arguments: Int32(arguments)))
    } else {
      // 8 bytes per stack argument, plus 8 to keep RSP 16-byte aligned at the call.
      let reserve = Int64(stackCount * 8 + (stackCount % 2 == 1 ? 8 : 0))
      append(Emission(stencil: try stencil(.callWithStack(result)), slotA: stackArea, slotD: d, immA: reserve,
                      immB: Int64(stackCount), aux: Int32(inst.aux0), arguments: Int32(arguments)))
    }
  }
}
