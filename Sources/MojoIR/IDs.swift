//! Typed entity IDs of the IR. Each is a dense index into an array of its owner, printed as in the
//! text form (`%3`, `bb2`, `@f1`, `$d0`), in the manner of Cranelift's `ir/entities.rs`.

/// A typed virtual register of one function, printed `%N`.
public struct ValueID: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Index into `IRFunction.valueTypes`.
  public let index: UInt32
  /// Makes the ID of the value at `index`.
  public init(_ index: Int) { self.index = UInt32(index) }
  public static func < (a: ValueID, b: ValueID) -> Bool { a.index < b.index }
  public var description: String { "%\(index)" }
}

/// A basic block of one function, printed `bbN`; block 0 is the entry.
public struct BlockID: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Index into `IRFunction.blocks`.
  public let index: UInt32
  /// Makes the ID of the block at `index`.
  public init(_ index: Int) { self.index = UInt32(index) }
  public static func < (a: BlockID, b: BlockID) -> Bool { a.index < b.index }
  public var description: String { "bb\(index)" }
}

/// A function of one module, defined or only declared (another module's, or the runtime's),
/// printed `@fN`.
public struct FunctionRef: Hashable, Sendable, CustomStringConvertible {
  /// Index into `IRModule.functions`.
  public let index: UInt32
  /// Makes the reference to the function at `index`.
  public init(_ index: Int) { self.index = UInt32(index) }
  public var description: String { "@f\(index)" }
}

/// A read-only data object of one module (string bytes), printed `$dN`.
public struct DataID: Hashable, Sendable, CustomStringConvertible {
  /// Index into `IRModule.data`.
  public let index: UInt32
  /// Makes the ID of the data object at `index`.
  public init(_ index: Int) { self.index = UInt32(index) }
  public var description: String { "$d\(index)" }
}
