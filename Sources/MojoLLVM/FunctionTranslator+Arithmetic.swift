//! The arithmetic opcodes with their exact IR semantics. LLVM's `sdiv`/`srem` are undefined for a
//! zero divisor and for `MIN / -1`, and its shifts for counts of 64 or more, so each such opcode
//! first makes its operands safe; all three division opcodes use a divisor of 1 in place of 0 and
//! -1 and patch the result afterwards. Nothing carries `nsw`/`nuw` or fast-math flags, so
//! arithmetic wraps and floating point is never contracted.

import LLVMKit
import MojoIR

extension FunctionTranslator {
  /// A binary opcode on already-read operands; `divisor` is the right operand as written, so a
  /// constant divisor other than 0 and -1 skips the guards.
  mutating func binary(_ opcode: Opcode, _ lhs: LLVMValue, _ rhs: LLVMValue, divisor: Operand) -> LLVMValue {
    switch opcode {
    case .iadd: return builder.binary(.add, lhs, rhs)
    case .isub: return builder.binary(.sub, lhs, rhs)
    case .imul: return builder.binary(.mul, lhs, rhs)
    case .idiv: return truncatingDivide(lhs, rhs, isPlainDivisor: isPlainDivisor(divisor))
    case .ifloordiv: return floorDivide(lhs, rhs, isPlainDivisor: isPlainDivisor(divisor))
    case .imod: return floorModulo(lhs, rhs, isPlainDivisor: isPlainDivisor(divisor))
    case .iand: return builder.binary(.and, lhs, rhs)
    case .ior: return builder.binary(.or, lhs, rhs)
    case .ixor: return builder.binary(.xor, lhs, rhs)
    case .ishl: return builder.binary(.shiftLeft, lhs, shiftCount(rhs))
    case .ishr: return builder.binary(.arithmeticShiftRight, lhs, shiftCount(rhs))
    case .ushr: return builder.binary(.logicalShiftRight, lhs, shiftCount(rhs))
    case .udiv, .umod: return unsignedDivide(opcode, lhs, rhs, divisor: divisor)
    case .ieq: return builder.compare(IntegerPredicate.equal, lhs, rhs)
    case .ine: return builder.compare(IntegerPredicate.notEqual, lhs, rhs)
    case .ilt: return builder.compare(IntegerPredicate.signedLess, lhs, rhs)
    case .ile: return builder.compare(IntegerPredicate.signedLessOrEqual, lhs, rhs)
    case .igt: return builder.compare(IntegerPredicate.signedGreater, lhs, rhs)
    case .ige: return builder.compare(IntegerPredicate.signedGreaterOrEqual, lhs, rhs)
    case .fadd: return builder.binary(.fadd, lhs, rhs)
    case .fsub: return builder.binary(.fsub, lhs, rhs)
    case .fmul: return builder.binary(.fmul, lhs, rhs)
    case .fdiv: return builder.binary(.fdiv, lhs, rhs)
    case .feq: return builder.compare(FloatPredicate.orderedEqual, lhs, rhs)
    case .fne: return builder.compare(FloatPredicate.unorderedNotEqual, lhs, rhs)
    case .flt: return builder.compare(FloatPredicate.orderedLess, lhs, rhs)
    case .fle: return builder.compare(FloatPredicate.orderedLessOrEqual, lhs, rhs)
    case .fgt: return builder.compare(FloatPredicate.orderedGreater, lhs, rhs)
    case .fge: return builder.compare(FloatPredicate.orderedGreaterOrEqual, lhs, rhs)
    case .band: return builder.binary(.and, lhs, rhs)
    case .bor: return builder.binary(.or, lhs, rhs)
    case .bxor: return builder.binary(.xor, lhs, rhs)
    default: preconditionFailure("LLVM backend: \(opcode.name) is not binary")
    }
  }

  /// A unary opcode on an already-read operand.
  func unary(_ opcode: Opcode, _ operand: LLVMValue) -> LLVMValue {
    switch opcode {
    case .ineg: return builder.binary(.sub, integer(0), operand)
    case .inot: return builder.binary(.xor, operand, integer(-1))
    case .fneg: return builder.floatNegate(operand)
    case .fsqrt: return builder.call(owner.squareRoot, [operand])
    case .fround32: return builder.floatExtend(builder.floatTruncate(operand, to: context.floatType), to: context.doubleType)
    case .bnot: return builder.binary(.xor, operand, context.constantInteger(1, type: context.i1Type))
    case .zext: return builder.zeroExtend(operand, to: context.i64Type)
    case .sitofp: return builder.signedToFloat(operand, to: context.doubleType)
    case .fptosi: return builder.call(owner.saturatingFloatToInt, [operand])
    default: preconditionFailure("LLVM backend: \(opcode.name) is not unary")
    }
  }

  // MARK: - Division

  /// `a / b` rounded toward zero: traps on `b == 0`, gives `MIN` for `MIN / -1` (as `-a`, which
  /// wraps).
  private mutating func truncatingDivide(_ a: LLVMValue, _ b: LLVMValue, isPlainDivisor: Bool) -> LLVMValue {
    if isPlainDivisor { return builder.binary(.signedDiv, a, b) }
    let trap = divisionTrapBlock()
    let continuation = context.insertBlock(after: builder.insertionBlock, in: llvm)
    builder.branch(if: builder.compare(IntegerPredicate.equal, b, integer(0)), then: trap, else: continuation)
    builder.position(atEndOf: continuation)
    let isMinusOne = builder.compare(IntegerPredicate.equal, b, integer(-1))
    let quotient = builder.binary(.signedDiv, a, builder.select(isMinusOne, integer(1), b))
    return builder.select(isMinusOne, builder.binary(.sub, integer(0), a), quotient)
  }

  /// `a // b` rounded toward negative infinity: 0 for `b == 0`, `MIN` for `MIN // -1`.
  private func floorDivide(_ a: LLVMValue, _ b: LLVMValue, isPlainDivisor: Bool) -> LLVMValue {
    let divisor = isPlainDivisor ? b : safeDivisor(b)
    let quotient = builder.binary(.signedDiv, a, divisor)
    let remainder = builder.binary(.signedRem, a, divisor)
    let adjusted = builder.binary(.sub, quotient,
                                  builder.zeroExtend(remainderNeedsFloor(remainder, b), to: context.i64Type))
    if isPlainDivisor { return adjusted }
    // With the substituted divisor 1, `adjusted` is `a`; fix up the two special divisors.
    let negated = builder.select(builder.compare(IntegerPredicate.equal, b, integer(-1)),
                                 builder.binary(.sub, integer(0), a), adjusted)
    return builder.select(builder.compare(IntegerPredicate.equal, b, integer(0)), integer(0), negated)
  }

  /// `a - b * (a // b)`, with the divisor's sign: 0 for `b == 0` and for `b == -1`. Dividing by
  /// the substituted 1 already gives remainder 0 in both special cases, so no fix-up follows.
  private func floorModulo(_ a: LLVMValue, _ b: LLVMValue, isPlainDivisor: Bool) -> LLVMValue {
    let divisor = isPlainDivisor ? b : safeDivisor(b)
    let remainder = builder.binary(.signedRem, a, divisor)
    let correction = builder.select(remainderNeedsFloor(remainder, b), b, integer(0))
    return builder.binary(.add, remainder, correction)
  }

  /// `a / b` or `a % b` unsigned: 0 for `b == 0` (divided by 1 in its place, then selected away).
  private func unsignedDivide(_ opcode: Opcode, _ a: LLVMValue, _ b: LLVMValue, divisor: Operand) -> LLVMValue {
    let kind: BinaryOperation = opcode == .udiv ? .unsignedDiv : .unsignedRem
    if case .int(let value) = divisor, value != 0 { return builder.binary(kind, a, b) }
    let isZero = builder.compare(IntegerPredicate.equal, b, integer(0))
    let result = builder.binary(kind, a, builder.select(isZero, integer(1), b))
    return builder.select(isZero, integer(0), result)
  }

  /// `b`, or 1 when `b` is 0 or -1 (the two divisors for which `sdiv`/`srem` may be undefined):
  /// `b + 1 <u 2` tests both at once.
  private func safeDivisor(_ b: LLVMValue) -> LLVMValue {
    let isSpecial = builder.compare(IntegerPredicate.unsignedLess, builder.binary(.add, b, integer(1)), integer(2))
    return builder.select(isSpecial, integer(1), b)
  }

  /// True when a truncating remainder is non-zero with a sign different from the divisor's: then
  /// the floor quotient is one less and the floor remainder is `remainder + b`.
  private func remainderNeedsFloor(_ remainder: LLVMValue, _ b: LLVMValue) -> LLVMValue {
    let nonZero = builder.compare(IntegerPredicate.notEqual, remainder, integer(0))
    let signsDiffer = builder.compare(IntegerPredicate.signedLess, builder.binary(.xor, remainder, b), integer(0))
    return builder.binary(.and, nonZero, signsDiffer)
  }

  /// True for an immediate divisor other than 0 and -1, which needs no guard.
  private func isPlainDivisor(_ divisor: Operand) -> Bool {
    if case .int(let value) = divisor { return value != 0 && value != -1 }
    return false
  }

  // MARK: - Helpers

  /// The shift count modulo 64.
  private func shiftCount(_ count: LLVMValue) -> LLVMValue {
    builder.binary(.and, count, integer(63))
  }

  /// An `i64` constant.
  private func integer(_ value: Int64) -> LLVMValue {
    context.constantInteger(value, type: context.i64Type)
  }
}
