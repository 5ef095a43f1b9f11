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
  public init?(_ a: Location, _ b: Location) {
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
private struct DigitWriter {
  var value = 0, scale = 1
  mutating func put(_ digit: Int, _ radix: Int) {
    value += digit * scale
    scale *= radix
  }
  /// The most significant digit, whose radix the number does not need (so the opcode count,
  /// which MojoIR computes, is not read on every lookup).
  mutating func putLast(_ digit: Int) {
    value += digit * scale
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
  private enum Family: Int, CaseIterable {
    case binary, unary, compareBranch, condbr, jump, unreachable, addr, copy, immediateToRegister, load, store,
         listAt, loopLatch, entry, entryWithStack, call, callWithStack, ret

    var size: Int {
      let ops = Opcode.allCases.count, pairs = OperandPair.allCases.count
      let ints = ArgumentPlace.maxInts + 1, floats = ArgumentPlace.maxFloats + 1
      switch self {
      case .binary: return ops * pairs * 2
      case .unary: return ops * 4
      case .compareBranch: return ops * pairs * 4
      case .condbr: return 4
      case .jump, .unreachable, .addr, .entryWithStack: return 1
      case .copy: return ValueLocation.allCases.count
      case .immediateToRegister: return 2
      case .load: return AccessWidth.allCases.count * 4
      case .store: return AccessWidth.allCases.count * Location.allCases.count * ValueLocation.allCases.count
      case .listAt: return ElementSize.allCases.count * pairs * 2
      case .loopLatch: return 4
      case .entry: return ints * floats
      case .call: return ints * floats * (ArgumentPlace.count + 1) * CallResult.allCases.count * 2
      case .callWithStack: return CallResult.allCases.count
      case .ret: return ReturnShape.allCases.count
      }
    }

    /// The first index of each family, and the total.
    static let bases: [Int] = {
      var bases: [Int] = []
      var next = 0
      for family in allCases {
        bases.append(next)
        next += family.size
      }
      bases.append(next)
      return bases
    }()
  }

  /// The number of indices (the generated table's length).
  public static var count: Int { Family.bases[Family.allCases.count] }

  /// This key's dense index in `0..<StencilKey.count`; nil for counts outside the SysV register
  /// arguments (such keys have no stencil). On the selector's path: a switch and a few
  /// multiplications.
  public var index: Int? {
    var w = DigitWriter()
    let pairs = OperandPair.allCases.count
    let family: Family
    switch self {
    case .binary(let op, let pair, let toRegister):
      family = .binary
      w.put(toRegister ? 1 : 0, 2); w.put(Int(pair.rawValue), pairs); w.putLast(Int(op.rawValue))
    case .unary(let op, let fromRegister, let toRegister):
      family = .unary
      w.put(toRegister ? 1 : 0, 2); w.put(fromRegister ? 1 : 0, 2); w.putLast(Int(op.rawValue))
    case .compareBranch(let op, let pair, let inverted, let stores):
      family = .compareBranch
      w.put(inverted ? 1 : 0, 2); w.put(stores ? 1 : 0, 2); w.put(Int(pair.rawValue), pairs); w.putLast(Int(op.rawValue))
    case .condbr(let inverted, let inRegister):
      family = .condbr
      w.put(inverted ? 1 : 0, 2); w.put(inRegister ? 1 : 0, 2)
    case .jump: family = .jump
    case .unreachable: family = .unreachable
    case .addr: family = .addr
    case .copy(let from):
      family = .copy
      w.put(Int(from.rawValue), ValueLocation.allCases.count)
    case .immediateToRegister(let float):
      family = .immediateToRegister
      w.put(float ? 1 : 0, 2)
    case .load(let width, let fromRegister, let toRegister):
      family = .load
      w.put(toRegister ? 1 : 0, 2); w.put(fromRegister ? 1 : 0, 2); w.put(Int(width.rawValue), AccessWidth.allCases.count)
    case .store(let width, let address, let value):
      family = .store
      w.put(Int(value.rawValue), ValueLocation.allCases.count); w.put(Int(address.rawValue), Location.allCases.count)
      w.put(Int(width.rawValue), AccessWidth.allCases.count)
    case .listAt(let size, let pair, let toRegister):
      family = .listAt
      w.put(toRegister ? 1 : 0, 2); w.put(Int(pair.rawValue), pairs); w.put(Int(size.rawValue), ElementSize.allCases.count)
    case .loopLatch(let descending, let immediate):
      family = .loopLatch
      w.put(immediate ? 1 : 0, 2); w.put(descending ? 1 : 0, 2)
    case .entry(let ints, let floats):
      guard (0...ArgumentPlace.maxInts).contains(ints), (0...ArgumentPlace.maxFloats).contains(floats) else { return nil }
      family = .entry
      w.put(floats, ArgumentPlace.maxFloats + 1); w.put(ints, ArgumentPlace.maxInts + 1)
    case .entryWithStack: family = .entryWithStack
    case .call(let ints, let floats, let argument, let result, let toRegister):
      guard (0...ArgumentPlace.maxInts).contains(ints), (0...ArgumentPlace.maxFloats).contains(floats) else { return nil }
      family = .call
      w.put(toRegister ? 1 : 0, 2); w.put(Int(result.rawValue), CallResult.allCases.count)
      w.put(argument.map { $0.index + 1 } ?? 0, ArgumentPlace.count + 1)
      w.put(floats, ArgumentPlace.maxFloats + 1); w.put(ints, ArgumentPlace.maxInts + 1)
    case .callWithStack(let result):
      family = .callWithStack
      w.put(Int(result.rawValue), CallResult.allCases.count)
    case .ret(let shape):
      family = .ret
      w.put(Int(shape.rawValue), ReturnShape.allCases.count)
    }
    return Family.bases[family.rawValue] + w.value
  }

  /// The key with dense index `index`, or nil outside `0..<count`.
  public init?(index: Int) {
    guard index >= 0, index < Self.count else { return nil }
    var f = 0
    while Family.bases[f + 1] <= index { f += 1 }
    var d = DigitReader(value: index - Family.bases[f])
    let ops = Opcode.allCases.count, pairs = OperandPair.allCases.count
    func opcode(_ raw: Int) -> Opcode { Opcode(rawValue: UInt8(raw))! }
    func pair(_ raw: Int) -> OperandPair { OperandPair(rawValue: UInt8(raw))! }
    switch Family(rawValue: f)! {
    case .binary:
      let toRegister = d.take(2) == 1, p = pair(d.take(pairs))
      self = .binary(opcode(d.take(ops)), p, resultInRegister: toRegister)
    case .unary:
      let toRegister = d.take(2) == 1, fromRegister = d.take(2) == 1
      self = .unary(opcode(d.take(ops)), operandInRegister: fromRegister, resultInRegister: toRegister)
    case .compareBranch:
      let inverted = d.take(2) == 1, stores = d.take(2) == 1, p = pair(d.take(pairs))
      self = .compareBranch(opcode(d.take(ops)), p, inverted: inverted, storesFlag: stores)
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
