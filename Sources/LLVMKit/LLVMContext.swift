//! The LLVM context: owner of every type, constant and module made from it.
internal import CLLVM

/// An LLVM context. It owns all types, constants, attributes and modules created in it.
///
/// Thread rule: a context and everything it holds (modules, builders, values, blocks) belong to
/// one thread, or one job, at a time. Concurrent compilation uses one context per job; nothing
/// here is `Sendable`.
public final class LLVMContext {
  let ref: OpaquePointer

  /// The `void` type.
  public let voidType: LLVMType
  /// `i1`.
  public let i1Type: LLVMType
  /// `i8`.
  public let i8Type: LLVMType
  /// `i64`.
  public let i64Type: LLVMType
  /// `double`.
  public let doubleType: LLVMType
  /// `float`.
  public let floatType: LLVMType
  /// The opaque pointer type `ptr` (address space 0).
  public let pointerType: LLVMType

  /// Creates a context. Value names are discarded: they cost time and the compiler never needs them.
  public init() {
    ref = llvm.ContextCreate()!
    llvm.ContextSetDiscardValueNames(ref, 1)
    voidType = LLVMType(llvm.VoidTypeInContext(ref))
    i1Type = LLVMType(llvm.Int1TypeInContext(ref))
    i8Type = LLVMType(llvm.Int8TypeInContext(ref))
    i64Type = LLVMType(llvm.Int64TypeInContext(ref))
    doubleType = LLVMType(llvm.DoubleTypeInContext(ref))
    floatType = LLVMType(llvm.FloatTypeInContext(ref))
    pointerType = LLVMType(llvm.PointerTypeInContext(ref, 0))
  }

  deinit { llvm.ContextDispose(ref) }

  // MARK: - Types

  /// A non-variadic function type.
  public func functionType(returning result: LLVMType, parameters: [LLVMType]) -> LLVMType {
    var refs: [OpaquePointer?] = parameters.map(\.ref)
    return LLVMType(llvm.FunctionType(result.ref, &refs, UInt32(refs.count), 0))
  }

  // MARK: - Constants

  /// An integer constant of `type`, from its two's complement bits.
  public func constantInteger(_ value: Int64, type: LLVMType) -> LLVMValue {
    LLVMValue(llvm.ConstInt(type.ref, UInt64(bitPattern: value), 0))
  }

  /// A `double` constant with exactly the given bit pattern (NaN payloads and -0.0 survive).
  public func constantDouble(bits: UInt64) -> LLVMValue {
    LLVMValue(llvm.ConstBitCast(llvm.ConstInt(i64Type.ref, bits, 0), doubleType.ref))
  }

  /// The null value (zero) of `type`.
  public func constantNull(_ type: LLVMType) -> LLVMValue {
    LLVMValue(llvm.ConstNull(type.ref))
  }

  /// An `[N x i8]` constant holding `bytes` verbatim (no terminator added).
  public func constantBytes(_ bytes: [UInt8]) -> LLVMValue {
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        LLVMValue(llvm.ConstStringInContext2(ref, chars.baseAddress, chars.count, 1))
      }
    }
  }

  // MARK: - Attributes and blocks

  /// An enum attribute without argument, such as `nounwind` or `noreturn`.
  public func attribute(named name: String) -> LLVMAttribute {
    let kind = name.withCString { llvm.GetEnumAttributeKindForName($0, name.utf8.count) }
    precondition(kind != 0, "LLVMKit: unknown attribute \(name)")
    return LLVMAttribute(llvm.CreateEnumAttribute(ref, kind, 0))
  }

  /// Appends a new, empty basic block to `function`.
  public func appendBlock(to function: LLVMFunction) -> LLVMBasicBlock {
    LLVMBasicBlock(llvm.AppendBasicBlockInContext(ref, function.value.ref, ""))
  }

  /// Adds a new, empty basic block to `function`, laid out right after `predecessor`.
  public func insertBlock(after predecessor: LLVMBasicBlock, in function: LLVMFunction) -> LLVMBasicBlock {
    let block = llvm.AppendBasicBlockInContext(ref, function.value.ref, "")!
    llvm.MoveBasicBlockAfter(block, predecessor.ref)
    return LLVMBasicBlock(block)
  }
}
