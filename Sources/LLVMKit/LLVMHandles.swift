//! Handles that LLVM owns (types, values, blocks, functions, attributes). They live as long as the
internal import CLLVM
//! context that made them, so they are plain structs with no `deinit`; they carry the C pointer as
//! an `OpaquePointer` that never leaves this target's API.

/// An LLVM type, owned by its context.
public struct LLVMType: Equatable {
  let ref: OpaquePointer
  init(_ ref: OpaquePointer?) { self.ref = ref! }
}

/// An LLVM value (constant, instruction, global, argument), owned by its context.
public struct LLVMValue: Equatable {
  let ref: OpaquePointer
  init(_ ref: OpaquePointer?) { self.ref = ref! }
}

/// A basic block, owned by its function.
public struct LLVMBasicBlock: Equatable {
  let ref: OpaquePointer
  init(_ ref: OpaquePointer?) { self.ref = ref! }
}

/// An attribute (`nounwind`, `noreturn`, ...), owned by its context.
public struct LLVMAttribute {
  let ref: OpaquePointer
  init(_ ref: OpaquePointer?) { self.ref = ref! }
}

/// Symbol linkage of a global value.
public enum SymbolLinkage: Sendable {
  /// Visible to other objects (`external`).
  case external
  /// A local symbol of the object (`internal`).
  case `internal`
  /// Not in the symbol table at all (`private`).
  case `private`
}

/// Integer comparison predicates (signed and equality only: the IR has no unsigned compares).
public enum IntegerPredicate: Sendable {
  case equal, notEqual, signedLess, signedLessOrEqual, signedGreater, signedGreaterOrEqual
  /// Unsigned less-than, used for range checks such as `b + 1 <u 2`.
  case unsignedLess
}

/// Floating-point comparison predicates.
public enum FloatPredicate: Sendable {
  /// Ordered: false when either operand is NaN.
  case orderedEqual, orderedLess, orderedLessOrEqual, orderedGreater, orderedGreaterOrEqual
  /// Unordered not-equal: true when either operand is NaN.
  case unorderedNotEqual
}

/// A function of a module: its value and its function type (needed by calls under opaque pointers).
public struct LLVMFunction {
  /// The function as a value (for calls and linkage).
  public let value: LLVMValue
  /// The function's type (`ret (params...)`).
  public let type: LLVMType
  init(value: LLVMValue, type: LLVMType) {
    self.value = value
    self.type = type
  }

  /// The `index`th parameter as a value.
  public func parameter(_ index: Int) -> LLVMValue {
    LLVMValue(llvm.GetParam(value.ref, UInt32(index)))
  }

  /// True when the function has no body (an external declaration).
  public var isDeclaration: Bool { llvm.IsDeclaration(value.ref) != 0 }

  /// Sets the symbol linkage.
  public func setLinkage(_ linkage: SymbolLinkage) {
    llvm.SetLinkage(value.ref, linkage.cValue)
  }

  /// Adds an attribute such as `zeroext` to parameter `index` (0-based).
  public func addParameterAttribute(_ attribute: LLVMAttribute, parameter index: Int) {
    llvm.AddAttributeAtIndex(value.ref, LLVMAttributeIndex(index + 1), attribute.ref)
  }

  /// Adds an attribute such as `zeroext` to the return value.
  public func addReturnAttribute(_ attribute: LLVMAttribute) {
    llvm.AddAttributeAtIndex(value.ref, LLVMAttributeIndex(LLVMAttributeReturnIndex), attribute.ref)
  }

  /// Adds a function attribute such as `nounwind`.
  public func addFunctionAttribute(_ attribute: LLVMAttribute) {
    let functionIndex = LLVMAttributeIndex(truncatingIfNeeded: LLVMAttributeFunctionIndex)  // imported as -1
    llvm.AddAttributeAtIndex(value.ref, functionIndex, attribute.ref)
  }
}

extension SymbolLinkage {
  /// The C enumerator.
  var cValue: LLVMLinkage {
    switch self {
    case .external: LLVMExternalLinkage
    case .internal: LLVMInternalLinkage
    case .private: LLVMPrivateLinkage
    }
  }
}
