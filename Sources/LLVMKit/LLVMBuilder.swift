//! The instruction builder: appends instructions at the end of a basic block. Every instruction
//! is unnamed (names cost time and the context discards them anyway).
internal import CLLVM

/// A two-operand LLVM instruction (integer ones wrap: no `nsw`/`nuw`/`exact` flags; float ones
/// carry no fast-math flags).
public enum BinaryOperation: Sendable {
  case add, sub, mul, signedDiv, signedRem, and, or, xor, shiftLeft, arithmeticShiftRight
  case unsignedDiv, unsignedRem, logicalShiftRight
  case fadd, fsub, fmul, fdiv
}

/// An LLVM IR builder, owned by this object and disposed with it. It keeps its context alive.
///
/// Thread rule: like its context, a builder belongs to one thread or job at a time.
public final class LLVMBuilder {
  let ref: OpaquePointer
  /// The context the builder creates instructions in.
  public let context: LLVMContext

  /// Creates a builder with no insertion point.
  public init(in context: LLVMContext) {
    self.context = context
    ref = llvm.CreateBuilderInContext(context.ref)!
  }

  deinit { llvm.DisposeBuilder(ref) }

  /// Makes new instructions go to the end of `block`.
  public func position(atEndOf block: LLVMBasicBlock) {
    llvm.PositionBuilderAtEnd(ref, block.ref)
  }

  /// The block new instructions go to.
  public var insertionBlock: LLVMBasicBlock {
    LLVMBasicBlock(llvm.GetInsertBlock(ref))
  }

  // MARK: - Memory

  /// `alloca type` (a stack slot, placed wherever the builder is; callers keep it in the entry block).
  public func alloca(_ type: LLVMType) -> LLVMValue {
    LLVMValue(llvm.BuildAlloca(ref, type.ref, ""))
  }

  /// `load type, ptr address` with an explicit alignment in bytes.
  public func load(_ type: LLVMType, from address: LLVMValue, alignment: Int) -> LLVMValue {
    let load = llvm.BuildLoad2(ref, type.ref, address.ref, "")!
    llvm.SetAlignment(load, UInt32(alignment))
    return LLVMValue(load)
  }

  /// `load type, ptr address` with the type's natural alignment (for stack slots).
  public func load(_ type: LLVMType, from address: LLVMValue) -> LLVMValue {
    LLVMValue(llvm.BuildLoad2(ref, type.ref, address.ref, ""))
  }

  /// `store value, ptr address` with an explicit alignment in bytes.
  public func store(_ value: LLVMValue, to address: LLVMValue, alignment: Int) {
    let store = llvm.BuildStore(ref, value.ref, address.ref)!
    llvm.SetAlignment(store, UInt32(alignment))
  }

  /// `store value, ptr address` with the type's natural alignment (for stack slots).
  public func store(_ value: LLVMValue, to address: LLVMValue) {
    _ = llvm.BuildStore(ref, value.ref, address.ref)
  }

  /// `getelementptr i8, ptr base, i64 offset`: the address `offset` bytes past `base`.
  public func byteOffset(_ base: LLVMValue, by offset: LLVMValue) -> LLVMValue {
    var index: OpaquePointer? = offset.ref
    return LLVMValue(llvm.BuildGEP2(ref, context.i8Type.ref, base.ref, &index, 1, ""))
  }

  // MARK: - Arithmetic and comparisons

  /// A two-operand instruction.
  public func binary(_ operation: BinaryOperation, _ lhs: LLVMValue, _ rhs: LLVMValue) -> LLVMValue {
    let opcode: LLVMOpcode =
      switch operation {
      case .add: LLVMAdd
      case .sub: LLVMSub
      case .mul: LLVMMul
      case .signedDiv: LLVMSDiv
      case .signedRem: LLVMSRem
      case .and: LLVMAnd
      case .or: LLVMOr
      case .xor: LLVMXor
      case .shiftLeft: LLVMShl
      case .arithmeticShiftRight: LLVMAShr
      case .unsignedDiv: LLVMUDiv
      case .unsignedRem: LLVMURem
      case .logicalShiftRight: LLVMLShr
      case .fadd: LLVMFAdd
      case .fsub: LLVMFSub
      case .fmul: LLVMFMul
      case .fdiv: LLVMFDiv
      }
    return LLVMValue(llvm.BuildBinOp(ref, opcode, lhs.ref, rhs.ref, ""))
  }

  /// `fneg` (flips the sign bit, also of NaN and zero).
  public func floatNegate(_ value: LLVMValue) -> LLVMValue {
    LLVMValue(llvm.BuildFNeg(ref, value.ref, ""))
  }

  /// `icmp pred lhs, rhs`, giving `i1`.
  public func compare(_ predicate: IntegerPredicate, _ lhs: LLVMValue, _ rhs: LLVMValue) -> LLVMValue {
    let cPredicate: LLVMIntPredicate =
      switch predicate {
      case .equal: LLVMIntEQ
      case .notEqual: LLVMIntNE
      case .signedLess: LLVMIntSLT
      case .signedLessOrEqual: LLVMIntSLE
      case .signedGreater: LLVMIntSGT
      case .signedGreaterOrEqual: LLVMIntSGE
      case .unsignedLess: LLVMIntULT
      }
    return LLVMValue(llvm.BuildICmp(ref, cPredicate, lhs.ref, rhs.ref, ""))
  }

  /// `fcmp pred lhs, rhs`, giving `i1`.
  public func compare(_ predicate: FloatPredicate, _ lhs: LLVMValue, _ rhs: LLVMValue) -> LLVMValue {
    let cPredicate: LLVMRealPredicate =
      switch predicate {
      case .orderedEqual: LLVMRealOEQ
      case .orderedLess: LLVMRealOLT
      case .orderedLessOrEqual: LLVMRealOLE
      case .orderedGreater: LLVMRealOGT
      case .orderedGreaterOrEqual: LLVMRealOGE
      case .unorderedNotEqual: LLVMRealUNE
      }
    return LLVMValue(llvm.BuildFCmp(ref, cPredicate, lhs.ref, rhs.ref, ""))
  }

  /// `select condition, ifTrue, ifFalse`.
  public func select(_ condition: LLVMValue, _ ifTrue: LLVMValue, _ ifFalse: LLVMValue) -> LLVMValue {
    LLVMValue(llvm.BuildSelect(ref, condition.ref, ifTrue.ref, ifFalse.ref, ""))
  }

  // MARK: - Conversions

  /// `zext` to a wider integer type.
  public func zeroExtend(_ value: LLVMValue, to type: LLVMType) -> LLVMValue {
    LLVMValue(llvm.BuildZExt(ref, value.ref, type.ref, ""))
  }

  /// `trunc` to a narrower integer type.
  public func truncate(_ value: LLVMValue, to type: LLVMType) -> LLVMValue {
    LLVMValue(llvm.BuildTrunc(ref, value.ref, type.ref, ""))
  }

  /// `fptrunc` to a narrower float type (round to nearest even).
  public func floatTruncate(_ value: LLVMValue, to type: LLVMType) -> LLVMValue {
    LLVMValue(llvm.BuildFPTrunc(ref, value.ref, type.ref, ""))
  }

  /// `fpext` to a wider float type (exact).
  public func floatExtend(_ value: LLVMValue, to type: LLVMType) -> LLVMValue {
    LLVMValue(llvm.BuildFPExt(ref, value.ref, type.ref, ""))
  }

  /// `sitofp` (round to nearest even).
  public func signedToFloat(_ value: LLVMValue, to type: LLVMType) -> LLVMValue {
    LLVMValue(llvm.BuildSIToFP(ref, value.ref, type.ref, ""))
  }

  // MARK: - Calls and terminators

  /// `call` of `function` with `arguments`; the result is meaningless for a void function.
  @discardableResult
  public func call(_ function: LLVMFunction, _ arguments: [LLVMValue]) -> LLVMValue {
    var refs: [OpaquePointer?] = arguments.map(\.ref)
    return LLVMValue(llvm.BuildCall2(ref, function.type.ref, function.value.ref, &refs, UInt32(refs.count), ""))
  }

  /// `br label %target`.
  public func branch(to target: LLVMBasicBlock) {
    _ = llvm.BuildBr(ref, target.ref)
  }

  /// `br i1 condition, label %then, label %else`.
  public func branch(if condition: LLVMValue, then thenBlock: LLVMBasicBlock, else elseBlock: LLVMBasicBlock) {
    _ = llvm.BuildCondBr(ref, condition.ref, thenBlock.ref, elseBlock.ref)
  }

  /// `ret value`.
  public func ret(_ value: LLVMValue) {
    _ = llvm.BuildRet(ref, value.ref)
  }

  /// `ret void`.
  public func retVoid() {
    _ = llvm.BuildRetVoid(ref)
  }

  /// `unreachable`.
  public func unreachable() {
    _ = llvm.BuildUnreachable(ref)
  }
}
