//! Instruction selection for copy-and-patch: each IR instruction becomes one stencil instance
//! (an `Emission`), chosen from the library's dense tables by opcode and operand kinds. Every IR
//! value has an 8-byte frame slot at `8 * index`; after them come 18 temporaries (immediates that
//! a stencil cannot take directly are first copied into one) and one scratch slot that receives
//! the argument registers a function does not use.
import MojoCodegen
import MojoIR

/// One stencil instance with the values of its holes.
struct Emission {
  var stencil: Int16
  var slotA: Int32 = 0, slotB: Int32 = 0, slotC: Int32 = 0, slotD: Int32 = 0
  var immA: Int64 = 0, immB: Int64 = 0, immC: Int64 = 0
  /// The block (function-local index) of `_JUMP_TARGET`, or -1.
  var jumpTarget: Int32 = -1
  /// The block of `_CONTINUE`, or -1 for the next emission.
  var continuation: Int32 = -1
  /// The callee (`FunctionRef` index) of a call, or the data object of `addr`.
  var aux: Int32 = 0
  /// Start of `StencilLibrary.argumentStride` argument slots in `Selection.argumentSlots`, or -1.
  var arguments: Int32 = -1
  /// The frame size, for the entry stencil.
  var frameSize: Int32 = 0
}

/// The emissions of a module's functions, appended function after function.
struct Selection {
  var emissions: [Emission] = []
  var argumentSlots: [Int32] = []
  /// For every function selected: its emission range and where its blocks start in `allBlockStarts`
  /// (which holds each block's first emission, module-wide, function after function).
  var functionEmissions: [Range<Int>] = []
  var functionBlockBase: [Int] = []
  var allBlockStarts: [Int32] = []
}

/// Selects stencils for the functions of one module.
struct StencilSelector {
  let library: StencilLibrary
  let module: IRModule
  var selection = Selection()

  /// Number of temporaries after the value slots.
  static let temporaries = 18

  init(library: StencilLibrary, module: IRModule) {
    self.library = library
    self.module = module
  }

  /// Appends the emissions of one defined function.
  mutating func select(_ f: IRFunction) throws {
    let first = selection.emissions.count
    selection.functionBlockBase.append(selection.allBlockStarts.count)
    let valueCount = f.valueTypes.count
    guard valueCount + Self.temporaries + 1 < (1 << 27) else {  // slot offsets fit 32 signed bits
      throw CodegenError("copy-and-patch: \(f.symbol) has too many values for a 32-bit frame")
    }
    let temp = Int32(valueCount * 8)
    let scratch = Int32((valueCount + Self.temporaries) * 8)
    let frameSize = Int32((valueCount + Self.temporaries + 1) * 8)
    func slot(_ v: ValueID) -> Int32 { Int32(v.index) * 8 }

    // Entry: the C-ABI prologue stores the argument registers into the parameters' slots.
    let floats = f.parameterTypes.count { $0 == .f64 }
    let ints = f.parameterTypes.count - floats
    var entry = Emission(stencil: ints <= StencilLibrary.maxIntArgs && floats <= StencilLibrary.maxFloatArgs
                         ? library.entries[(ints * 9 + floats) * 2 + (f.returnType == .f64 ? 1 : 0)] : -1)
    entry.frameSize = frameSize
    entry.arguments = try appendArguments(types: f.parameterTypes, what: f.symbol, scratch: scratch) { ValueID($0) }
    try append(entry, "entry")
    // i1 parameters from other compilers may carry garbage above bit 0.
    for (k, type) in f.parameterTypes.enumerated() where type == .i1 {
      try append(Emission(stencil: library.binary[Int(Opcode.band.rawValue) * 3 + 1], slotA: slot(ValueID(k)),
                          slotD: slot(ValueID(k)), immB: 1), "band_si")
    }

    for (b, range) in f.blocks.enumerated() {
      selection.allBlockStarts.append(Int32(selection.emissions.count))
      for i in range {
        try select(f.instructions[i], in: f, block: b, slot: slot, temp: temp, scratch: scratch)
      }
    }
    selection.functionEmissions.append(first..<selection.emissions.count)
  }

  /// Appends an emission, refusing a shape without a stencil.
  private mutating func append(_ e: Emission, _ shape: @autoclosure () -> String) throws {
    guard e.stencil >= 0 else { throw CodegenError("copy-and-patch: no stencil for \(shape())") }
    selection.emissions.append(e)
  }

  /// Records the argument slots of an entry or a call (`StencilLibrary.argumentStride` of them, in
  /// `HoleValue` order); slots of absent arguments get `scratch`.
  private mutating func appendArguments(types: [IRType], what: @autoclosure () -> String, scratch: Int32,
                                        slotOf: (Int) throws -> ValueID?) throws -> Int32 {
    let start = selection.argumentSlots.count
    selection.argumentSlots.append(contentsOf: repeatElement(scratch, count: StencilLibrary.argumentStride))
    var ints = 0, floats = 0
    for (k, type) in types.enumerated() {
      let slot = try slotOf(k).map { Int32($0.index) * 8 } ?? scratch
      if type == .f64 {
        guard floats < StencilLibrary.maxFloatArgs else { throw tooManyArguments(what()) }
        selection.argumentSlots[start + 6 + floats] = slot
        floats += 1
      } else {
        guard ints < StencilLibrary.maxIntArgs else { throw tooManyArguments(what()) }
        selection.argumentSlots[start + (ints < 6 ? ints : 8 + ints)] = slot
        ints += 1
      }
    }
    if ints > StencilLibrary.maxRegisterIntArgs && floats > StencilLibrary.maxFloatArgsWithStackArgs {
      throw tooManyArguments(what())
    }
    return Int32(start)
  }

  private func tooManyArguments(_ what: String) -> CodegenError {
    CodegenError("copy-and-patch: no stencil for \(what): at most 10 integer and 8 float arguments, and at most "
                 + "2 float arguments beside more than 6 integer ones")
  }

  /// The 64-bit pattern of an immediate operand.
  private static func bits(_ op: Operand) -> Int64 {
    switch op {
    case .int(let x): x
    case .float(let bits): Int64(bitPattern: bits)
    case .value: 0
    }
  }

  /// Copies an immediate into temporary `k` and returns that slot.
  private mutating func materialize(_ op: Operand, temp: Int32, _ k: Int) throws -> Int32 {
    let slot = temp + Int32(k * 8)
    try append(Emission(stencil: library.copyImm, slotD: slot, immA: Self.bits(op)), "copy_i")
    return slot
  }

  /// Selects the emissions of one instruction.
  private mutating func select(_ inst: Instruction, in f: IRFunction, block: Int, slot: (ValueID) -> Int32,
                               temp: Int32, scratch: Int32) throws {
    // Operands are read from the pool by index: an ArraySlice would retain the pool per instruction.
    let ops = f.operands
    let o = Int(inst.operandStart)
    let d = inst.result.exists ? slot(inst.result) : scratch
    func slotOf(_ op: Operand, _ k: Int) throws -> Int32 {
      if case .value(let v) = op { return slot(v) }
      return try materialize(op, temp: temp, k)
    }
    switch inst.opcode.shape {
    case .binary:
      let a = ops[o], b = ops[o + 1]
      let base = Int(inst.opcode.rawValue) * 3
      switch (a, b) {
      case (.value(let x), .value(let y)):
        try append(Emission(stencil: library.binary[base], slotA: slot(x), slotB: slot(y), slotD: d), "\(inst.opcode.name) slot, slot")
      case (.value(let x), _):
        try append(Emission(stencil: library.binary[base + 1], slotA: slot(x), slotD: d, immB: Self.bits(b)), "\(inst.opcode.name) slot, imm")
      case (_, .value(let y)):
        try append(Emission(stencil: library.binary[base + 2], slotB: slot(y), slotD: d, immA: Self.bits(a)), "\(inst.opcode.name) imm, slot")
      default:
        let x = try materialize(a, temp: temp, 0)
        try append(Emission(stencil: library.binary[base + 1], slotA: x, slotD: d, immB: Self.bits(b)), "\(inst.opcode.name) slot, imm")
      }
      return
    case .unary:
      let a = try slotOf(ops[o], 0)
      try append(Emission(stencil: library.unary[Int(inst.opcode.rawValue)], slotA: a, slotD: d), "\(inst.opcode.name) slot")
      return
    case .special:
      break
    }
    switch inst.opcode {
    case .copy:
      if case .value(let v) = ops[o] {
        if slot(v) != d { try append(Emission(stencil: library.copySlot, slotA: slot(v), slotD: d), "copy slot") }
      } else {
        try append(Emission(stencil: library.copyImm, slotD: d, immA: Self.bits(ops[o])), "copy imm")
      }
    case .load:
      let address = try slotOf(ops[o], 0)
      let stencil = inst.type == .i1 ? library.load1 : library.load64
      try append(Emission(stencil: stencil, slotA: address, slotD: d, immB: Self.bits(ops[o + 1])), "load \(inst.type)")
    case .store:
      let address = try slotOf(ops[o], 0)
      let offset = Self.bits(ops[o + 1])
      let byte = inst.type == .i1
      if case .value(let v) = ops[o + 2] {
        try append(Emission(stencil: byte ? library.store1Slot : library.store64Slot, slotA: address, slotC: slot(v),
                            immB: offset), "store \(inst.type) slot")
      } else {
        try append(Emission(stencil: byte ? library.store1Imm : library.store64Imm, slotA: address, immB: offset,
                            immC: Self.bits(ops[o + 2])), "store \(inst.type) imm")
      }
    case .addr:
      try append(Emission(stencil: library.addr, slotD: d, aux: Int32(inst.aux0)), "addr")
    case .call:
      try selectCall(inst, ops: ops[inst.operandRange], d: d, temp: temp, scratch: scratch, slot: slot)
    case .br:
      try append(Emission(stencil: library.jump, continuation: Int32(inst.aux0)), "br")
    case .condbr:
      let thenBlock = Int32(inst.aux0), elseBlock = Int32(inst.aux1)
      switch ops[o] {
      case .value(let c):
        let inverted = Int(thenBlock) == block + 1
        // Fuse with a comparison emitted just before in this block that computed `c`.
        if selection.emissions.count > Int(selection.allBlockStarts[selection.allBlockStarts.count - 1]),
           let last = selection.emissions.last, last.slotD == slot(c),
           case let base = library.compareBranchBase[Int(last.stencil)], base >= 0 {
          var fused = last
          fused.stencil = library.compareBranch[Int(base) + (inverted ? 1 : 0)]
          fused.jumpTarget = inverted ? elseBlock : thenBlock
          fused.continuation = inverted ? thenBlock : elseBlock
          selection.emissions[selection.emissions.count - 1] = fused
        } else if inverted {
          try append(Emission(stencil: library.condbrNot, slotA: slot(c), jumpTarget: elseBlock, continuation: thenBlock), "condbr")
        } else {
          try append(Emission(stencil: library.condbr, slotA: slot(c), jumpTarget: thenBlock, continuation: elseBlock), "condbr")
        }
      default:
        let taken = Self.bits(ops[o]) != 0 ? thenBlock : elseBlock
        try append(Emission(stencil: library.jump, continuation: taken), "br")
      }
    case .ret:
      if inst.operandCount == 0 {
        try append(Emission(stencil: library.retVoid), "ret")
      } else if case .value(let v) = ops[o] {
        try append(Emission(stencil: library.retSlot, slotA: slot(v)), "ret slot")
      } else {
        try append(Emission(stencil: library.retImm, immA: Self.bits(ops[o])), "ret imm")
      }
    case .unreachable:
      try append(Emission(stencil: library.unreachable), "unreachable")
    default:
      throw CodegenError("copy-and-patch: no stencil for \(inst.opcode.name)")
    }
  }

  /// Selects a call: immediates go to temporaries, then the stencil for the argument classes.
  private mutating func selectCall(_ inst: Instruction, ops: ArraySlice<Operand>, d: Int32, temp: Int32, scratch: Int32,
                                   slot: (ValueID) -> Int32) throws {
    let callee = module.functions[Int(inst.aux0)]
    var values: [ValueID?] = []
    values.reserveCapacity(ops.count)
    for (k, op) in ops.enumerated() {
      if case .value(let v) = op {
        values.append(v)
      } else {
        guard k < Self.temporaries else { throw tooManyArguments("a call of \(callee.symbol)") }
        // The temporary's slot, named as the pseudo-value whose slot it is (slot = 8 × index).
        values.append(ValueID(Int(try materialize(op, temp: temp, k) / 8)))
      }
    }
    let arguments = try appendArguments(types: callee.parameterTypes, what: "a call of \(callee.symbol)",
                                        scratch: scratch) { values[$0] }
    let floats = callee.parameterTypes.count { $0 == .f64 }
    let ints = callee.parameterTypes.count - floats
    let kind = switch inst.type {
    case .void: 3
    case .f64: 2
    case .i1: 1
    default: 0
    }
    try append(Emission(stencil: library.calls[(ints * 9 + floats) * 4 + kind], slotD: d, aux: Int32(inst.aux0),
                        arguments: arguments), "call with \(ints) integer and \(floats) float arguments")
  }
}
