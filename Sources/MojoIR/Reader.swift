//! Reads the text form of the IR (`Printer.swift`, `mojoc build --emit ir`) back into modules, so
//! that printing, reading and printing again gives the same text. The grammar, one item a line:
//!   module "NAME"
//!   data $dN = "BYTES"                          (escapes: \" \\ \xHH)
//!   declare @fN SYMBOL(T, ...) -> T
//!   define [export] @fN SYMBOL(%0: T, ...) -> T {
//!   bbN:
//!     %V:T = OPCODE OPERANDS   |   OPCODE OPERANDS
//!   }
//! Blank lines and `;` comments (to the end of a line) are ignored. A symbol is everything
//! between `@fN ` and the last `(` of its line. Value types come from the parameters and from
//! each instruction that defines a value; the function's values are numbered densely.

/// Text that is not valid IR, with its line (1-based).
public struct ReaderError: Error, CustomStringConvertible, Sendable, Equatable {
  public var line: Int
  public var message: String
  public var description: String { "IR text line \(line): \(message)" }
}

/// Parses IR text into modules.
public enum Reader {
  /// Every module of `text`, in order (the `--emit ir` output of a project holds one per module).
  public static func parse(_ text: String) throws(ReaderError) -> [IRModule] {
    var parser = LineParser(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    return try parser.modules()
  }
}

/// The state of one parse: the lines and the position in them.
private struct LineParser {
  let lines: [String]
  var index = 0

  init(lines: [String]) { self.lines = lines }

  func fail(_ message: String) -> ReaderError { ReaderError(line: index + 1, message: message) }

  /// The next line that is not blank, without its comment and surrounding blanks; nil at the end.
  mutating func nextLine() -> String? {
    while index < lines.count {
      let line = Self.strip(lines[index])
      if !line.isEmpty { return line }
      index += 1
    }
    return nil
  }

  /// `line` without a `;` comment (outside string literals) and leading or trailing blanks.
  static func strip(_ line: String) -> String {
    if !line.utf8.contains(UInt8(ascii: ";")) {
      guard let first = line.utf8.first, let last = line.utf8.last, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t")
        || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") else { return line }
      return line.trimmingBlanks()
    }
    var inString = false, escaped = false
    var end = line.endIndex
    for i in line.indices {
      let c = line[i]
      if inString {
        if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
      } else if c == "\"" {
        inString = true
      } else if c == ";" {
        end = i
        break
      }
    }
    return String(line[..<end]).trimmingBlanks()
  }

  // MARK: - Modules

  mutating func modules() throws(ReaderError) -> [IRModule] {
    var result: [IRModule] = []
    while let line = nextLine() {
      guard line.hasPrefix("module ") else { throw fail("expected 'module \"NAME\"'") }
      var cursor = Cursor(line.dropFirst("module ".count))
      guard let name = cursor.stringLiteral(), cursor.atEnd else { throw fail("expected a quoted module name") }
      index += 1
      var module = IRModule(name: String(decoding: name, as: UTF8.self))
      try items(into: &module)
      result.append(module)
    }
    return result
  }

  /// Reads data objects and functions up to the next `module` line or the end.
  mutating func items(into module: inout IRModule) throws(ReaderError) {
    while let line = nextLine(), !line.hasPrefix("module ") {
      if line.hasPrefix("data ") {
        var cursor = Cursor(line.dropFirst("data ".count))
        guard cursor.eat("$d"), let n = cursor.integer(), n == module.data.count else {
          throw fail("expected data $d\(module.data.count)")
        }
        guard cursor.eat(" = "), let bytes = cursor.stringLiteral(), cursor.atEnd else { throw fail("expected = \"BYTES\"") }
        module.data.append(bytes)
        index += 1
      } else if line.hasPrefix("declare ") || line.hasPrefix("define ") {
        try function(line, into: &module)
      } else {
        throw fail("expected 'data', 'declare', 'define' or 'module'")
      }
    }
  }

  // MARK: - Functions

  mutating func function(_ line: String, into module: inout IRModule) throws(ReaderError) {
    let isDefinition = line.hasPrefix("define ")
    var rest = Substring(line.dropFirst(isDefinition ? "define ".count : "declare ".count))
    var linkage = Linkage.local
    if isDefinition && rest.hasPrefix("export ") {
      linkage = .exported
      rest = rest.dropFirst("export ".count)
    }
    var cursor = Cursor(rest)
    guard cursor.eat("@f"), let n = cursor.integer(), n == module.functions.count, cursor.eat(" ") else {
      throw fail("expected @f\(module.functions.count)")
    }
    let tail = cursor.remaining
    guard let open = tail.lastIndex(of: "("), let close = tail.lastIndex(of: ")"), open < close else {
      throw fail("expected SYMBOL(PARAMETERS) -> TYPE")
    }
    let symbol = String(tail[..<open])
    var parameterTypes: [IRType] = []
    let parameterText = tail[tail.index(after: open)..<close]
    if !parameterText.isEmpty {
      for (k, parameter) in parameterText.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
        var p = Substring(String(parameter).trimmingBlanks())
        if isDefinition {
          guard p.hasPrefix("%\(k): ") else { throw fail("expected parameter %\(k): TYPE") }
          p = p.dropFirst("%\(k): ".count)
        }
        guard let type = IRType(name: p), type != .void else { throw fail("bad parameter type '\(p)'") }
        parameterTypes.append(type)
      }
    }
    var after = Cursor(tail[tail.index(after: close)...])
    guard after.eat(" -> "), let returnType = after.typeName() else { throw fail("expected -> TYPE") }
    guard isDefinition else {
      guard after.atEnd else { throw fail("unexpected text after the declaration") }
      module.functions.append(IRFunction(declaring: symbol, parameterTypes: parameterTypes, returnType: returnType))
      index += 1
      return
    }
    guard after.eat(" {"), after.atEnd else { throw fail("expected '{' after the signature") }
    index += 1
    var f = IRFunction(defining: symbol, parameterTypes: parameterTypes, returnType: returnType, linkage: linkage)
    try body(into: &f, module: module)
    module.functions.append(f)
  }

  /// Reads blocks up to the closing `}`.
  mutating func body(into f: inout IRFunction, module: IRModule) throws(ReaderError) {
    var valueTypes: [IRType?] = f.parameterTypes.map { $0 }
    func note(_ v: ValueID, _ type: IRType?) {
      let i = Int(v.index)
      if i >= valueTypes.count { valueTypes.append(contentsOf: repeatElement(nil, count: i + 1 - valueTypes.count)) }
      if let type { valueTypes[i] = type }
    }
    var blockStart = -1
    while true {
      guard let line = nextLine() else { throw fail("missing '}' at the end of \(f.symbol)") }
      if line == "}" {
        index += 1
        break
      }
      if line.hasPrefix("bb") && line.hasSuffix(":") {
        var cursor = Cursor(line.dropLast())
        guard cursor.eat("bb"), let n = cursor.integer(), cursor.atEnd, n == f.blocks.count + (blockStart >= 0 ? 1 : 0) else {
          throw fail("expected block bb\(f.blocks.count + (blockStart >= 0 ? 1 : 0))")
        }
        if blockStart >= 0 { f.blocks.append(blockStart..<f.instructions.count) }
        blockStart = f.instructions.count
        index += 1
        continue
      }
      guard blockStart >= 0 else { throw fail("instruction before the first block") }
      let inst = try instruction(line, f: &f, module: module)
      if inst.result.exists { note(inst.result, inst.type) }
      for op in f.operands(of: inst) { if let v = op.valueID { note(v, nil) } }
      f.instructions.append(inst)
      index += 1
    }
    guard blockStart >= 0 else { throw fail("\(f.symbol) has no blocks") }
    f.blocks.append(blockStart..<f.instructions.count)
    var types: [IRType] = []
    for (i, type) in valueTypes.enumerated() {
      guard let type else { throw fail("value %\(i) of \(f.symbol) is never defined") }
      types.append(type)
    }
    f.valueTypes = types
  }

  /// One instruction; its operands are appended to `f.operands`.
  mutating func instruction(_ line: String, f: inout IRFunction, module: IRModule) throws(ReaderError) -> Instruction {
    var cursor = Cursor(Substring(line))
    var result = ValueID.none
    var type = IRType.void
    if cursor.eat("%") {
      guard let v = cursor.integer(), cursor.eat(":"), let t = cursor.typeName(), cursor.eat(" = ") else {
        throw fail("expected %N:TYPE = ")
      }
      result = ValueID(v)
      type = t
    }
    let name = cursor.word()
    guard let opcode = Opcode(name: String(name)) else { throw fail("unknown opcode '\(name)'") }
    let start = f.operands.count
    var aux0: UInt32 = 0, aux1: UInt32 = 0
    func operands(_ text: Substring) throws(ReaderError) {
      guard !text.isEmpty else { return }
      for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard let op = Operand(text: String(piece).trimmingBlanks()) else { throw fail("bad operand '\(piece)'") }
        f.operands.append(op)
      }
    }
    func block(_ text: Substring) throws(ReaderError) -> UInt32 {
      var c = Cursor(Substring(String(text).trimmingBlanks()))
      guard c.eat("bb"), let n = c.integer(), c.atEnd else { throw fail("expected a block, got '\(text)'") }
      return UInt32(n)
    }
    switch opcode {
    case .store:
      guard cursor.eat(":"), let t = cursor.typeName(), cursor.eat(" ") else { throw fail("expected store:TYPE") }
      type = t
      try operands(cursor.remaining)
    case .addr:
      guard cursor.eat(" $d"), let n = cursor.integer(), cursor.atEnd, n < module.data.count else { throw fail("expected addr $dN") }
      aux0 = UInt32(n)
    case .call:
      // A call without a result calls a void function (the verifier checks the callee, which
      // may be declared further down).
      guard cursor.eat(" @f"), let n = cursor.integer(), cursor.eat("("), cursor.remaining.hasSuffix(")") else {
        throw fail("expected call @fN(ARGUMENTS)")
      }
      aux0 = UInt32(n)
      try operands(cursor.remaining.dropLast())
    case .br:
      guard cursor.eat(" ") else { throw fail("expected br bbN") }
      aux0 = try block(cursor.remaining)
    case .condbr:
      guard cursor.eat(" ") else { throw fail("expected condbr C, bbT, bbF") }
      let parts = cursor.remaining.split(separator: ",", omittingEmptySubsequences: false)
      guard parts.count == 3 else { throw fail("expected condbr C, bbT, bbF") }
      try operands(parts[0])
      aux0 = try block(parts[1])
      aux1 = try block(parts[2])
    default:
      if !cursor.atEnd {
        guard cursor.eat(" ") else { throw fail("expected operands after '\(name)'") }
        try operands(cursor.remaining)
      }
    }
    if opcode.hasResult && opcode != .call && !result.exists { throw fail("\(name) needs a result %N:TYPE") }
    return Instruction(opcode: opcode, type: type, result: result, operandStart: UInt32(start),
                       operandCount: UInt32(f.operands.count - start), aux0: aux0, aux1: aux1)
  }
}

/// A position in one line.
private struct Cursor {
  var remaining: Substring

  init(_ text: Substring) { remaining = text }
  init(_ text: String) { remaining = Substring(text) }

  var atEnd: Bool { remaining.isEmpty }

  /// Consumes `prefix` when the text starts with it.
  mutating func eat(_ prefix: String) -> Bool {
    guard remaining.hasPrefix(prefix) else { return false }
    remaining = remaining.dropFirst(prefix.count)
    return true
  }

  /// A non-negative decimal number.
  mutating func integer() -> Int? {
    let digits = remaining.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let n = Int(digits) else { return nil }
    remaining = remaining.dropFirst(digits.count)
    return n
  }

  /// Letters, digits and `_` (an opcode name).
  mutating func word() -> Substring {
    let w = remaining.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    remaining = remaining.dropFirst(w.count)
    return w
  }

  /// A type name.
  mutating func typeName() -> IRType? {
    for type in IRType.allCases where eat(type.description) { return type }
    return nil
  }

  /// A double-quoted string with the printer's escapes, as bytes.
  mutating func stringLiteral() -> [UInt8]? {
    var bytes: [UInt8] = []
    var utf8 = Array(remaining.utf8)[...]
    guard utf8.first == UInt8(ascii: "\"") else { return nil }
    utf8 = utf8.dropFirst()
    while let b = utf8.first {
      utf8 = utf8.dropFirst()
      switch b {
      case UInt8(ascii: "\""):
        remaining = Substring(String(decoding: utf8, as: UTF8.self))
        return bytes
      case UInt8(ascii: "\\"):
        guard let e = utf8.first else { return nil }
        utf8 = utf8.dropFirst()
        if e == UInt8(ascii: "x") {
          guard utf8.count >= 2, let v = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
          bytes.append(v)
          utf8 = utf8.dropFirst(2)
        } else {
          bytes.append(e)
        }
      default:
        bytes.append(b)
      }
    }
    return nil
  }
}

extension IRType {
  /// The type printed as `name`.
  init?(name: Substring) {
    guard let type = IRType.allCases.first(where: { $0.description == name }) else { return nil }
    self = type
  }
}

extension Operand {
  /// Reads `%N`, a decimal integer or a `0f` float immediate.
  init?(text: String) {
    if text.hasPrefix("%") {
      guard let n = UInt32(text.dropFirst()), n != UInt32.max else { return nil }
      self = .value(ValueID(Int(n)))
    } else if text.hasPrefix("0f") {
      guard text.count == 18, let bits = UInt64(text.dropFirst(2), radix: 16) else { return nil }
      self = .float(bits: bits)
    } else {
      guard let n = Int64(text) else { return nil }
      self = .int(n)
    }
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingBlanks() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return "" }
    let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" })!
    return String(scalars[first...last])
  }
}
