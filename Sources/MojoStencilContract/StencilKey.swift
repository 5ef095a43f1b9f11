//! `StencilKey`: what a stencil does, as a typed value. The C stencil's symbol is `key.name` (the
//! one place the naming grammar lives); the extractor maps every stencil's symbol to its key and
//! the generated table is indexed by `key.index`, a dense number, so the backend looks stencils up
//! by key with no names or hashing at run time. Every family's fields are digits of a mixed-radix
//! number (`index`), which `init(index:)` takes apart again.
import MojoIR

/// Where an operand is: in its frame slot, an immediate, or the register of its class (`acc` =
/// R13 for integers, Bools and pointers, `facc` = XMM0 for Float64; see Stencils/stencil.h).
public enum Location: UInt8, Sendable, CaseIterable {
  case slot, imm, register

  /// The letter of stencil names.
  var letter: String {
    switch self {
    case .slot: "s"
    case .imm: "i"
    case .register: "r"
    }
  }
}

/// Where a copied, stored or returned value is: `Location`, with the float register apart.
public enum ValueLocation: UInt8, Sendable, CaseIterable {
  case slot, imm, register, floatRegister

  var letter: String {
    switch self {
    case .slot: "s"
    case .imm: "i"
    case .register: "r"
    case .floatRegister: "f"
    }
  }
}

/// The operand locations of a two-operand stencil.
public enum OperandPair: UInt8, Sendable, CaseIterable {
  case slotSlot, slotImm, immSlot, registerSlot, slotRegister, registerImm, immRegister

  /// The pair for two locations, or nil for imm/imm and register/register.
  @inlinable public init?(_ a: Location, _ b: Location) {
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
  public var suffix: String {
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

/// The width of a load or store: 8 bytes, one byte (an i1), or 8 bytes into the float register.
public enum AccessWidth: UInt8, Sendable, CaseIterable {
  case word, byte, float

  var digits: String {
    switch self {
    case .word: "64"
    case .byte: "1"
    case .float: "f"
    }
  }
}

/// The element size an inlined `mojo_rt_list_at` is specialised for.
public enum ElementSize: UInt8, Sendable, CaseIterable {
  /// Any size (a multiply by the size operand).
  case any
  case eight, one

  var digits: String {
    switch self {
    case .any: ""
    case .eight: "8"
    case .one: "1"
    }
  }
}

/// The result of a call: i64 or pointer (RAX), i1 (the low byte of RAX), f64 (XMM0), none.
public enum CallResult: UInt8, Sendable, CaseIterable {
  case int, bool, float, void

  var letter: String {
    switch self {
    case .int: "i"
    case .bool: "b"
    case .float: "f"
    case .void: "v"
    }
  }
}

/// What a `ret` returns and from where.
public enum ReturnShape: UInt8, Sendable, CaseIterable {
  case void, slot, imm, register, floatRegister, floatSlot, floatImm

  var suffix: String {
    switch self {
    case .void: "v"
    case .slot: "s"
    case .imm: "i"
    case .register: "r"
    case .floatRegister: "f"
    case .floatSlot: "s_f"
    case .floatImm: "i_f"
    }
  }
}

/// One stencil's job, as a typed value; the stencil library has at most one stencil per key.
public enum StencilKey: Hashable, Sendable {
  /// A binary opcode: `<op>_<pair>`, `_r` when the result stays in the register.
  case binary(Opcode, OperandPair, resultInRegister: Bool)
  /// A unary opcode: `<op>_<s|r>`, `_r` when the result stays in the register.
  case unary(Opcode, operandInRegister: Bool, resultInRegister: Bool)
  /// A comparison fused with `condbr`: `condbr_[not_]<op>_<pair>`, `_n` when the flag is not
  /// stored; `inverted` continues to the true target and jumps to the false one.
  case compareBranch(Opcode, OperandPair, inverted: Bool, storesFlag: Bool)
  /// `condbr` on a flag: `condbr_[not_]<s|r>`.
  case condbr(inverted: Bool, conditionInRegister: Bool)
  /// `br`: `jump`.
  case jump
  /// `unreachable`.
  case unreachable
  /// The address of a data object: `addr`.
  case addr
  /// `copy_<s|i|r|f>`: a value from there into slot D.
  case copy(ValueLocation)
  /// `imm_r` / `imm_f`: an immediate into `acc` / `facc`.
  case immediateToRegister(float: Bool)
  /// `load<64|1|f>_<s|r>`, `_r` when the result stays in the register.
  case load(AccessWidth, addressInRegister: Bool, resultInRegister: Bool)
  /// `store<64|1>_<address><value>`.
  case store(AccessWidth, address: Location, value: ValueLocation)
  /// `mojo_rt_list_at` inlined with its bounds check: `list_at[8|1]_<pair>[_r]`.
  case listAt(ElementSize, OperandPair, resultInRegister: Bool)
  /// A counted loop's latch fused with its header: `loop_<ilt|igt>_<s|i>` (`igt` counts down).
  case loopLatch(descending: Bool, stopIsImmediate: Bool)
  /// A function entry with register parameters only: `entry_<ints>_<floats>`.
  case entry(ints: Int, floats: Int)
  /// A function entry with stack parameters: `entry_stack`.
  case entryWithStack
  /// A call with register arguments only: `call_<ints>_<floats>[_a<k>|_x<k>]_<result>[_r]`,
  /// `registerArgument` taken from `acc`/`facc` instead of its slot.
  case call(ints: Int, floats: Int, registerArgument: ArgumentPlace?, result: CallResult, resultInRegister: Bool)
  /// A call with stack arguments: `call_stack_<result>`.
  case callWithStack(CallResult)
  /// `ret_<shape>`.
  case ret(ReturnShape)
}

// MARK: - Names

extension StencilKey {
  /// The C symbol of the stencil for this key.
  public var name: String {
    func r(_ inRegister: Bool) -> String { inRegister ? "_r" : "" }
    switch self {
    case .binary(let op, let pair, let toRegister): return "\(op.name)_\(pair.suffix)\(r(toRegister))"
    case .unary(let op, let fromRegister, let toRegister): return "\(op.name)_\(fromRegister ? "r" : "s")\(r(toRegister))"
    case .compareBranch(let op, let pair, let inverted, let stores):
      return "condbr_\(inverted ? "not_" : "")\(op.name)_\(pair.suffix)\(stores ? "" : "_n")"
    case .condbr(let inverted, let inRegister): return "condbr_\(inverted ? "not_" : "")\(inRegister ? "r" : "s")"
    case .jump: return "jump"
    case .unreachable: return "unreachable"
    case .addr: return "addr"
    case .copy(let from): return "copy_\(from.letter)"
    case .immediateToRegister(let float): return float ? "imm_f" : "imm_r"
    case .load(let width, let fromRegister, let toRegister): return "load\(width.digits)_\(fromRegister ? "r" : "s")\(r(toRegister))"
    case .store(let width, let address, let value): return "store\(width.digits)_\(address.letter)\(value.letter)"
    case .listAt(let size, let pair, let toRegister): return "list_at\(size.digits)_\(pair.suffix)\(r(toRegister))"
    case .loopLatch(let descending, let immediate): return "loop_\(descending ? "igt" : "ilt")_\(immediate ? "i" : "s")"
    case .entry(let ints, let floats): return "entry_\(ints)_\(floats)"
    case .entryWithStack: return "entry_stack"
    case .call(let ints, let floats, let argument, let result, let toRegister):
      let place = argument.map { $0.isFloat ? "_x\($0.number)" : "_a\($0.number)" } ?? ""
      return "call_\(ints)_\(floats)\(place)_\(result.letter)\(r(toRegister))"
    case .callWithStack(let result): return "call_stack_\(result.letter)"
    case .ret(let shape): return "ret_\(shape.suffix)"
    }
  }

  /// True for keys that can name a stencil: the opcode of `binary` and `unary` has that shape,
  /// and that of `compareBranch` is binary with an i1 result. Every well-formed key has its own
  /// name (`StencilKeyTests`).
  public var isWellFormed: Bool {
    switch self {
    case .binary(let op, _, _):
      if case .binary = op.shape { return true }
      return false
    case .unary(let op, _, _):
      if case .unary = op.shape { return true }
      return false
    case .compareBranch(let op, _, _, _):
      if case .binary(_, .i1) = op.shape { return true }
      return false
    default:
      return true
    }
  }

  /// Every well-formed key, in index order (for the extractor and tests).
  public static var allWellFormed: [StencilKey] {
    (0..<count).compactMap { StencilKey(index: $0) }.filter(\.isWellFormed)
  }
}

// MARK: - Dense index

/// Builds a mixed-radix number from digits, least significant first.
@usableFromInline
struct DigitWriter {
  @usableFromInline var value = 0, scale = 1
  @inlinable init() {}
  @inlinable mutating func put(_ digit: Int, _ radix: Int) {
    value += digit &* scale
    scale &*= radix
  }
}

/// Takes a mixed-radix number apart, least significant digit first.
private struct DigitReader {
  var value: Int
  mutating func take(_ radix: Int) -> Int {
    let digit = value % radix
    value /= radix
    return digit
  }
}

extension StencilKey {
  /// The key families, in index order; each covers `size` consecutive indices.
  @usableFromInline
  enum Family: Int, CaseIterable {
    case binary, unary, compareBranch, condbr, jump, unreachable, addr, copy, immediateToRegister, load, store,
         listAt, loopLatch, entry, entryWithStack, call, callWithStack, ret

    /// The radix of the opcode digit: a constant, so that every family's size and base is one
    /// and `index` of a key built in place folds to a constant or a few adds (an opcode's raw
    /// value is below it: `StencilKeyTests`).
    @usableFromInline static var opcodeRadix: Int { 64 }
    @usableFromInline static var pairRadix: Int { 7 }
    @usableFromInline static var intRadix: Int { 7 }
    @usableFromInline static var floatRadix: Int { 9 }
    @usableFromInline static var placeRadix: Int { 15 }

    @inlinable var size: Int {
      switch self {
      case .binary: return Self.opcodeRadix * Self.pairRadix * 2
      case .unary: return Self.opcodeRadix * 4
      case .compareBranch: return Self.opcodeRadix * Self.pairRadix * 4
      case .condbr: return 4
      case .jump, .unreachable, .addr, .entryWithStack: return 1
      case .copy: return 4  // ValueLocation
      case .immediateToRegister: return 2
      case .load: return 3 * 4  // AccessWidth, address and result register
      case .store: return 3 * 3 * 4  // AccessWidth, Location, ValueLocation
      case .listAt: return 3 * Self.pairRadix * 2  // ElementSize
      case .loopLatch: return 4
      case .entry: return Self.intRadix * Self.floatRadix
      case .call: return Self.intRadix * Self.floatRadix * Self.placeRadix * 4 * 2  // CallResult
      case .callWithStack: return 4
      case .ret: return 7  // ReturnShape
      }
    }

    /// The first index of the family: the sum of the sizes of the families before it, as a
    /// literal so that it is a constant (`basesAreSums` checks them).
    @inlinable var base: Int {
      switch self {
      case .binary: return 0
      case .unary: return 896
      case .compareBranch: return 1152
      case .condbr: return 2944
      case .jump: return 2948
      case .unreachable: return 2949
      case .addr: return 2950
      case .copy: return 2951
      case .immediateToRegister: return 2955
      case .load: return 2957
      case .store: return 2969
      case .listAt: return 3005
      case .loopLatch: return 3047
      case .entry: return 3051
      case .entryWithStack: return 3114
      case .call: return 3115
      case .callWithStack: return 10675
      case .ret: return 10679
      }
    }

    /// True when every `base` is the sum of the sizes before it.
    static var basesAreSums: Bool {
      var next = 0
      for family in allCases {
        if family.base != next { return false }
        next += family.size
      }
      return true
    }
  }

  /// The number of indices (the generated table's length).
  public static var count: Int { Family.ret.base + Family.ret.size }

  /// This key's dense index in `0..<StencilKey.count`; nil for counts outside the SysV register
  /// arguments (such keys have no stencil). Inlinable, with constant radixes: for a key built at
  /// the call site it folds to a constant plus the variable digits.
  @inlinable @inline(__always) public var index: Int? {
    var w = DigitWriter()
    let pairs = Family.pairRadix
    let family: Family
    switch self {
    case .binary(let op, let pair, let toRegister):
      family = .binary
      w.put(toRegister ? 1 : 0, 2); w.put(Int(pair.rawValue), pairs); w.put(Int(op.rawValue), Family.opcodeRadix)
    case .unary(let op, let fromRegister, let toRegister):
      family = .unary
      w.put(toRegister ? 1 : 0, 2); w.put(fromRegister ? 1 : 0, 2); w.put(Int(op.rawValue), Family.opcodeRadix)
    case .compareBranch(let op, let pair, let inverted, let stores):
      family = .compareBranch
      w.put(inverted ? 1 : 0, 2); w.put(stores ? 1 : 0, 2); w.put(Int(pair.rawValue), pairs)
      w.put(Int(op.rawValue), Family.opcodeRadix)
    case .condbr(let inverted, let inRegister):
      family = .condbr
      w.put(inverted ? 1 : 0, 2); w.put(inRegister ? 1 : 0, 2)
    case .jump: family = .jump
    case .unreachable: family = .unreachable
    case .addr: family = .addr
    case .copy(let from):
      family = .copy
      w.put(Int(from.rawValue), 4)
    case .immediateToRegister(let float):
      family = .immediateToRegister
      w.put(float ? 1 : 0, 2)
    case .load(let width, let fromRegister, let toRegister):
      family = .load
      w.put(toRegister ? 1 : 0, 2); w.put(fromRegister ? 1 : 0, 2); w.put(Int(width.rawValue), 3)
    case .store(let width, let address, let value):
      family = .store
      w.put(Int(value.rawValue), 4); w.put(Int(address.rawValue), 3); w.put(Int(width.rawValue), 3)
    case .listAt(let size, let pair, let toRegister):
      family = .listAt
      w.put(toRegister ? 1 : 0, 2); w.put(Int(pair.rawValue), pairs); w.put(Int(size.rawValue), 3)
    case .loopLatch(let descending, let immediate):
      family = .loopLatch
      w.put(immediate ? 1 : 0, 2); w.put(descending ? 1 : 0, 2)
    case .entry(let ints, let floats):
      guard ints >= 0, ints < Family.intRadix, floats >= 0, floats < Family.floatRadix else { return nil }
      family = .entry
      w.put(floats, Family.floatRadix); w.put(ints, Family.intRadix)
    case .entryWithStack: family = .entryWithStack
    case .call(let ints, let floats, let argument, let result, let toRegister):
      guard ints >= 0, ints < Family.intRadix, floats >= 0, floats < Family.floatRadix else { return nil }
      family = .call
      w.put(toRegister ? 1 : 0, 2); w.put(Int(result.rawValue), 4)
      w.put(argument.map { $0.index + 1 } ?? 0, Family.placeRadix)
      w.put(floats, Family.floatRadix); w.put(ints, Family.intRadix)
    case .callWithStack(let result):
      family = .callWithStack
      w.put(Int(result.rawValue), 4)
    case .ret(let shape):
      family = .ret
      w.put(Int(shape.rawValue), 7)
    }
    return family.base + w.value
  }

  /// True when the constant radixes of `index` are the counts of the enums they stand for (and
  /// every opcode's raw value is below the opcode radix); `StencilKeyTests` checks it.
  public static var radixesMatchEnums: Bool {
    Opcode.allCases.count <= Family.opcodeRadix && OperandPair.allCases.count == Family.pairRadix
      && ArgumentPlace.maxInts + 1 == Family.intRadix && ArgumentPlace.maxFloats + 1 == Family.floatRadix
      && ArgumentPlace.count + 1 == Family.placeRadix && ValueLocation.allCases.count == 4
      && AccessWidth.allCases.count == 3 && Location.allCases.count == 3 && ElementSize.allCases.count == 3
      && CallResult.allCases.count == 4 && ReturnShape.allCases.count == 7 && Family.basesAreSums
  }

  /// The key with dense index `index`, or nil outside `0..<count` and for the indices of
  /// opcode digits no opcode has.
  public init?(index: Int) {
    guard index >= 0, index < Self.count else { return nil }
    var f = 0
    while f + 1 < Family.allCases.count && Family(rawValue: f + 1)!.base <= index { f += 1 }
    var d = DigitReader(value: index - Family(rawValue: f)!.base)
    let ops = Family.opcodeRadix, pairs = Family.pairRadix
    func opcode(_ raw: Int) -> Opcode? { Opcode(rawValue: UInt8(raw)) }
    func pair(_ raw: Int) -> OperandPair { OperandPair(rawValue: UInt8(raw))! }
    switch Family(rawValue: f)! {
    case .binary:
      let toRegister = d.take(2) == 1, p = pair(d.take(pairs))
      guard let op = opcode(d.take(ops)) else { return nil }
      self = .binary(op, p, resultInRegister: toRegister)
    case .unary:
      let toRegister = d.take(2) == 1, fromRegister = d.take(2) == 1
      guard let op = opcode(d.take(ops)) else { return nil }
      self = .unary(op, operandInRegister: fromRegister, resultInRegister: toRegister)
    case .compareBranch:
      let inverted = d.take(2) == 1, stores = d.take(2) == 1, p = pair(d.take(pairs))
      guard let op = opcode(d.take(ops)) else { return nil }
      self = .compareBranch(op, p, inverted: inverted, storesFlag: stores)
    case .condbr:
      let inverted = d.take(2) == 1
      self = .condbr(inverted: inverted, conditionInRegister: d.take(2) == 1)
    case .jump: self = .jump
    case .unreachable: self = .unreachable
    case .addr: self = .addr
    case .copy: self = .copy(ValueLocation(rawValue: UInt8(d.take(ValueLocation.allCases.count)))!)
    case .immediateToRegister: self = .immediateToRegister(float: d.take(2) == 1)
    case .load:
      let toRegister = d.take(2) == 1, fromRegister = d.take(2) == 1
      let width = AccessWidth(rawValue: UInt8(d.take(AccessWidth.allCases.count)))!
      self = .load(width, addressInRegister: fromRegister, resultInRegister: toRegister)
    case .store:
      let value = ValueLocation(rawValue: UInt8(d.take(ValueLocation.allCases.count)))!
      let address = Location(rawValue: UInt8(d.take(Location.allCases.count)))!
      self = .store(AccessWidth(rawValue: UInt8(d.take(AccessWidth.allCases.count)))!, address: address, value: value)
    case .listAt:
      let toRegister = d.take(2) == 1, p = pair(d.take(pairs))
      self = .listAt(ElementSize(rawValue: UInt8(d.take(ElementSize.allCases.count)))!, p, resultInRegister: toRegister)
    case .loopLatch:
      let immediate = d.take(2) == 1
      self = .loopLatch(descending: d.take(2) == 1, stopIsImmediate: immediate)
    case .entry:
      let floats = d.take(ArgumentPlace.maxFloats + 1)
      self = .entry(ints: d.take(ArgumentPlace.maxInts + 1), floats: floats)
    case .entryWithStack: self = .entryWithStack
    case .call:
      let toRegister = d.take(2) == 1, result = CallResult(rawValue: UInt8(d.take(CallResult.allCases.count)))!
      let place = d.take(ArgumentPlace.count + 1), floats = d.take(ArgumentPlace.maxFloats + 1)
      self = .call(ints: d.take(ArgumentPlace.maxInts + 1), floats: floats,
                   registerArgument: place == 0 ? nil : ArgumentPlace(index: place - 1), result: result,
                   resultInRegister: toRegister)
    case .callWithStack: self = .callWithStack(CallResult(rawValue: UInt8(d.take(CallResult.allCases.count)))!)
    case .ret: self = .ret(ReturnShape(rawValue: UInt8(d.take(ReturnShape.allCases.count)))!)
    }
  }
}
