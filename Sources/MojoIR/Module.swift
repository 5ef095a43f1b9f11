//! Functions and modules: the units both backends consume. A module becomes one object file.

/// Whether a defined function is visible to other objects.
public enum Linkage: UInt8, Sendable {
  /// A global symbol: callable from other modules (and, for the entry point, from the runtime).
  case exported
  /// A local symbol of the object.
  case local
}

/// A function, defined in this module (it has blocks) or declared (implemented elsewhere).
public struct IRFunction: Sendable {
  /// The linker symbol.
  public var symbol: String
  /// Parameter types; parameter `i` is the value `%i` of the body.
  public var parameterTypes: [IRType]
  /// The result type, `.void` for none.
  public var returnType: IRType
  /// Symbol visibility of a definition (ignored for declarations).
  public var linkage: Linkage
  /// Type of every value, indexed by `ValueID.index`.
  public var valueTypes: [IRType]
  /// All instructions, block after block.
  public var instructions: [Instruction]
  /// The operand pool that instructions index into.
  public var operands: [Operand]
  /// For each block, the range of its instructions in `instructions`.
  public var blocks: [Range<Int>]

  /// Makes a declaration: a function implemented in another object or in the runtime.
  public init(declaring symbol: String, parameterTypes: [IRType], returnType: IRType) {
    self.symbol = symbol
    self.parameterTypes = parameterTypes
    self.returnType = returnType
    self.linkage = .exported
    self.valueTypes = []
    self.instructions = []
    self.operands = []
    self.blocks = []
  }

  /// True when the function has a body in this module.
  public var isDefined: Bool { !blocks.isEmpty }

  /// The operands of `instruction`.
  @inlinable
  public func operands(of instruction: Instruction) -> ArraySlice<Operand> {
    operands[instruction.operandRange]
  }

  /// The type of an operand as used by an instruction whose expected type is `expected`
  /// (immediates take the type they are used at).
  public func type(of operand: Operand, expected: IRType) -> IRType {
    switch operand {
    case .value(let v): valueTypes[Int(v.index)]
    case .int: expected == .i1 ? .i1 : .i64
    case .float: .f64
    }
  }
}

/// One compilation unit: functions (defined and declared) and read-only data.
public struct IRModule: Sendable {
  /// A name for messages and the object file (the source module's dotted path).
  public var name: String
  /// Defined and declared functions; `FunctionRef` indexes this array.
  public var functions: [IRFunction]
  /// Read-only data objects (string bytes); `DataID` indexes this array.
  public var data: [[UInt8]]

  /// Makes an empty module.
  public init(name: String) {
    self.name = name
    self.functions = []
    self.data = []
  }

  /// Adds a declaration of an external function (callers keep their own symbol table, so this
  /// never searches).
  public mutating func declare(_ symbol: String, parameters: [IRType], returns: IRType) -> FunctionRef {
    functions.append(IRFunction(declaring: symbol, parameterTypes: parameters, returnType: returns))
    return FunctionRef(functions.count - 1)
  }

  /// Adds a data object and returns its ID.
  public mutating func addData(_ bytes: [UInt8]) -> DataID {
    data.append(bytes)
    return DataID(data.count - 1)
  }
}
