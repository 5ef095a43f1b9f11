//! The opcode table: every IR operation and its properties in one place (as QBE's `ops.h`).
//! Each opcode's semantics are total: no operation has undefined behaviour, so that both backends
//! produce the same result for every input. What a source language means by an operator is
//! decided by the lowering, which picks among these.

/// An IR operation.
public enum Opcode: UInt8, Sendable, CaseIterable {
  /// `%d:T = copy a` — copies a value or constant of any type.
  case copy

  // MARK: - i64 arithmetic (wraps modulo 2^64)
  case iadd, isub, imul
  /// Truncating division. Traps (runtime `mojo_rt_trap_div_zero`) when the divisor is 0;
  /// `MIN / -1` is `MIN`.
  case idiv
  /// Floor division. A divisor of 0 gives 0; `MIN // -1` is `MIN`.
  case ifloordiv
  /// Remainder with the divisor's sign (`a - b * floordiv(a, b)`). A divisor of 0 gives 0.
  case imod
  case ineg, iand, ior, ixor
  /// Bitwise complement.
  case inot
  /// Shifts; the count is taken modulo 64. `ishr` is arithmetic.
  case ishl, ishr
  /// Signed comparisons, giving `i1`.
  case ieq, ine, ilt, ile, igt, ige
  /// Unsigned division and remainder of the 64-bit patterns (`UInt64`, `UInt`); a divisor of 0
  /// gives 0.
  case udiv, umod
  /// Logical shift right; the count is taken modulo 64.
  case ushr

  // MARK: - f64 arithmetic (IEEE-754, round to nearest even, never fused)
  case fadd, fsub, fmul, fdiv, fneg
  /// Correctly rounded square root.
  case fsqrt
  /// Rounds to the nearest binary32 value (ties to even; `inf` beyond its range), as an `f64`:
  /// `Float32` values live in `f64` registers, rounded after every operation (exact for `+ - * /`
  /// and `sqrt`, whose binary64 result rounds to the correctly rounded binary32 one).
  case fround32
  /// Ordered comparisons giving `i1` (false when either operand is NaN), except `fne`, which is
  /// true when either operand is NaN.
  case feq, fne, flt, fle, fgt, fge

  // MARK: - i1
  case bnot, band, bor, bxor

  // MARK: - Conversions
  /// `i1` to `i64`: 0 or 1.
  case zext
  /// `i64` to `f64`, rounded to nearest even.
  case sitofp
  /// `f64` to `i64`, truncated toward zero; saturates at the `i64` limits and gives 0 for NaN.
  case fptosi

  // MARK: - Memory
  /// `%d:T = load a, off` — reads a `T` at address `a + off` (`off` an immediate).
  case load
  /// `store:T a, off, v` — writes `v` of type `T` at address `a + off`.
  case store
  /// `%d:ptr = addr $dN` — the address of a data object of the module.
  case addr

  // MARK: - Calls
  /// `%d:T = call @fN(args...)` — calls a function of the module, defined or declared.
  case call

  // MARK: - Terminators
  /// `br bbN`.
  case br
  /// `condbr c, bbThen, bbElse` — `c` is `i1`.
  case condbr
  /// `ret` or `ret v`.
  case ret
  /// Marks a point that is never reached (after a call that does not return).
  case unreachable
}

/// How an opcode's operands and result are typed.
public enum OpcodeShape: Sendable, Equatable {
  /// Two operands of `operand` type giving `result`.
  case binary(operand: IRType, result: IRType)
  /// One operand of `operand` type giving `result`.
  case unary(operand: IRType, result: IRType)
  /// Typed by the instruction's own `type` and other rules the verifier knows by opcode.
  case special
}

extension Opcode {
  /// The name used by the text form.
  public var name: String {
    switch self {
    case .copy: "copy"
    case .iadd: "iadd"
    case .isub: "isub"
    case .imul: "imul"
    case .idiv: "idiv"
    case .ifloordiv: "ifloordiv"
    case .imod: "imod"
    case .ineg: "ineg"
    case .iand: "iand"
    case .ior: "ior"
    case .ixor: "ixor"
    case .inot: "inot"
    case .ishl: "ishl"
    case .ishr: "ishr"
    case .ieq: "ieq"
    case .ine: "ine"
    case .ilt: "ilt"
    case .ile: "ile"
    case .igt: "igt"
    case .ige: "ige"
    case .udiv: "udiv"
    case .umod: "umod"
    case .ushr: "ushr"
    case .fadd: "fadd"
    case .fsub: "fsub"
    case .fmul: "fmul"
    case .fdiv: "fdiv"
    case .fneg: "fneg"
    case .fsqrt: "fsqrt"
    case .fround32: "fround32"
    case .feq: "feq"
    case .fne: "fne"
    case .flt: "flt"
    case .fle: "fle"
    case .fgt: "fgt"
    case .fge: "fge"
    case .bnot: "bnot"
    case .band: "band"
    case .bor: "bor"
    case .bxor: "bxor"
    case .zext: "zext"
    case .sitofp: "sitofp"
    case .fptosi: "fptosi"
    case .load: "load"
    case .store: "store"
    case .addr: "addr"
    case .call: "call"
    case .br: "br"
    case .condbr: "condbr"
    case .ret: "ret"
    case .unreachable: "unreachable"
    }
  }

  /// Operand and result typing.
  public var shape: OpcodeShape {
    switch self {
    case .iadd, .isub, .imul, .idiv, .ifloordiv, .imod, .iand, .ior, .ixor, .ishl, .ishr, .udiv, .umod, .ushr:
      .binary(operand: .i64, result: .i64)
    case .ieq, .ine, .ilt, .ile, .igt, .ige:
      .binary(operand: .i64, result: .i1)
    case .ineg, .inot:
      .unary(operand: .i64, result: .i64)
    case .fadd, .fsub, .fmul, .fdiv:
      .binary(operand: .f64, result: .f64)
    case .feq, .fne, .flt, .fle, .fgt, .fge:
      .binary(operand: .f64, result: .i1)
    case .fneg, .fsqrt, .fround32:
      .unary(operand: .f64, result: .f64)
    case .band, .bor, .bxor:
      .binary(operand: .i1, result: .i1)
    case .bnot:
      .unary(operand: .i1, result: .i1)
    case .zext:
      .unary(operand: .i1, result: .i64)
    case .sitofp:
      .unary(operand: .i64, result: .f64)
    case .fptosi:
      .unary(operand: .f64, result: .i64)
    case .copy, .load, .store, .addr, .call, .br, .condbr, .ret, .unreachable:
      .special
    }
  }

  /// True for the instructions that end a block.
  public var isTerminator: Bool {
    switch self {
    case .br, .condbr, .ret, .unreachable: true
    default: false
    }
  }

  /// True when the instruction defines a result value (`call` only when its type is not void).
  public var hasResult: Bool {
    switch self {
    case .store, .br, .condbr, .ret, .unreachable: false
    default: true
    }
  }

  /// Looks an opcode up by its text name.
  public init?(name: String) {
    guard let op = Opcode.byName[name] else { return nil }
    self = op
  }

  /// Every opcode by its text name.
  private static let byName: [String: Opcode] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}
