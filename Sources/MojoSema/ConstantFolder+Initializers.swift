//! Folding `comptime` initializers (LANGUAGE.md §6.4). Besides literal expressions they may
//! use typed constants (`comptime M: Int = 10`), which are values, not literals: an operator
//! with a typed operand converts the literal operand to that type (§6.3) and follows the
//! run-time rules of §7, so the constant holds exactly what the expression computes at run time.
import MojoSyntax

extension ConstantFolder {
  /// A folded initializer: its value and type (a literal type, or `Int`, `Float64`, `Bool`,
  /// `String`).
  typealias TypedConstant = (value: ConstantValue, type: SemaType)

  /// The value and type of a `comptime` initializer, or nil if it is not a constant expression
  /// (or would fail at run time, such as an `Int` division by zero).
  func foldInitializer(_ id: ExprID, in scopes: LocalScopes = LocalScopes(nameCount: 0)) -> TypedConstant? {
    if let v = fold(id, in: scopes) { return (v, v.type) }
    let e = tree.expr(id)
    switch e.kind {
    case .name:
      return typedName(tree.nameReference(e), scopes)
    case .unary:
      guard let v = foldInitializer(tree.operand(e), in: scopes) else { return nil }
      return ConstantFolder.typedUnary(e.op, v)
    case .binary:
      if tree.isChain(id) {
        // In a loop: the innermost nodes that fold as literals, then the typed rest.
        let spine = tree.leftSpine(of: id)
        let folded = foldSpine(spine[...], in: scopes).folded
        let innermost: TypedConstant?
        if folded > 0, let v = fold(spine[folded - 1], in: scopes) {
          innermost = (v, v.type)
        } else {
          innermost = foldInitializer(tree.binary(tree.expr(spine[0])).left, in: scopes)
        }
        guard var value = innermost else { return nil }
        for node in spine[folded...] {
          let b = tree.binary(tree.expr(node))
          guard let r = foldInitializer(b.right, in: scopes), let v = ConstantFolder.typedBinary(b.op, value, r) else { return nil }
          value = v
        }
        return value
      }
      let b = tree.binary(e)
      guard let l = foldInitializer(b.left, in: scopes), let r = foldInitializer(b.right, in: scopes) else { return nil }
      return ConstantFolder.typedBinary(e.op, l, r)
    case .comparison:
      let (operands, operators) = tree.comparison(e)
      var values: [TypedConstant] = []
      for operand in operands {
        guard let v = foldInitializer(operand, in: scopes) else { return nil }
        values.append(v)
      }
      var all = true
      for k in 1..<values.count {
        guard case .bool(let holds)? = ConstantFolder.typedBinary(operators[operators.startIndex + k - 1], values[k - 1], values[k])?.value
        else { return nil }
        all = all && holds
      }
      return (.bool(all), .bool)
    case .call:
      return foldCall(e, in: scopes)
    default:
      return nil
    }
  }

  /// `Int(x)`, `UInt8(x)`... of an integer constant, `ord(s)` and `Codepoint.ord(s)` of a string
  /// constant: what the run-time conversion computes.
  private func foldCall(_ e: ExprNode, in scopes: LocalScopes) -> TypedConstant? {
    let call = tree.call(e)
    let args = call.arguments
    guard args.count == 1, let only = args.first, !only.label.exists else { return nil }
    let callee = tree.expr(call.callee)
    func isBuiltin(_ name: NameID) -> Bool { scopes.lookup(name) == nil && global(name) == nil }
    func firstCodepoint() -> Int64? {
      guard case .string(let bytes)? = foldInitializer(only.value, in: scopes)?.value,
            let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return nil }
      return Int64(scalar.value)
    }
    if callee.kind == .member {
      let (base, member) = tree.member(callee)
      let baseNode = tree.expr(base)
      guard baseNode.kind == .name, case let baseName = tree.nameReference(baseNode), tree.name(baseName) == "Codepoint",
            isBuiltin(baseName), tree.name(member) == "ord", let code = firstCodepoint() else { return nil }
      return (.int(BigInt(code)), .numeric(.codepoint))
    }
    guard let nameID = tree.plainName(callee), isBuiltin(nameID) else { return nil }
    let name = tree.name(nameID)
    if name == "ord" { return firstCodepoint().map { (.int(BigInt($0)), .int) } }
    guard let v = foldInitializer(only.value, in: scopes) else { return nil }
    switch v.type {
    case .int, .intLiteral: break
    case .numeric(let n) where !n.isFloat: break
    default: return nil
    }
    if name == "Int" { return (.int(BigInt(v.value.wrappedInt64)), .int) }
    guard let n = NumericType(name: name), !n.isFloat else { return nil }
    return (.int(BigInt(n.wrap(v.value.wrappedInt64))), .numeric(n))
  }

  /// A name's constant value and type, typed constants included.
  private func typedName(_ name: NameID, _ scopes: LocalScopes) -> TypedConstant? {
    if let binding = scopes.lookup(name) {
      guard case .constant(let value, let type) = binding else { return nil }
      return (value, type)
    }
    guard case .comptime(let m, let i) = global(name),
          i < program.comptimeValues[m].count, let c = program.comptimeValues[m][i] else { return nil }
    return c
  }

  /// The type a literal operand takes next to a typed operand of type `other` (§6.3).
  private static func converted(_ literal: SemaType, toward other: SemaType) -> SemaType? {
    switch (literal, other) {
    case (.intLiteral, .int), (.intLiteral, .float64), (.floatLiteral, .float64), (.stringLiteral, .string): other
    default: nil
    }
  }

  static func typedUnary(_ op: Operator, _ v: TypedConstant) -> TypedConstant? {
    switch (op, v.type) {
    case (.negate, .int): return (.int(BigInt(0 &- v.value.wrappedInt64)), .int)
    case (.invert, .int): return (.int(BigInt(~v.value.wrappedInt64)), .int)
    case (.negate, .float64): return ExactFloat(exactly: -v.value.nearestDouble).map { (.float($0), .float64) }
    case (.plus, .int), (.plus, .float64): return v
    case (.not, .bool), (.invert, .bool): return unary(op, v.value).map { ($0, .bool) }
    default: return nil
    }
  }

  static func typedBinary(_ op: Operator, _ l: TypedConstant, _ r: TypedConstant) -> TypedConstant? {
    var lt = l.type, rt = r.type
    if lt.isLiteral && rt.isLiteral { return binary(op, l.value, r.value).map { ($0, $0.type) } }
    // `Float64 ** IntLiteral` and `FloatLiteral ** Int` raise a Float64 to an Int power.
    if op == .pow && lt == .float64 && rt == .intLiteral { rt = .int }
    if op == .pow && lt == .floatLiteral && rt == .int { lt = .float64 }
    if lt.isLiteral { guard let t = converted(lt, toward: rt) else { return nil }; lt = t }
    if rt.isLiteral { guard let t = converted(rt, toward: lt) else { return nil }; rt = t }
    switch (lt, rt) {
    case (.int, .int):
      return runtimeInt(op, l.value.wrappedInt64, r.value.wrappedInt64)
    case (.float64, .float64):
      return runtimeFloat(op, l.value.nearestDouble, r.value.nearestDouble)
    case (.float64, .int) where op == .pow:
      return ExactFloat(exactly: IntegerSemantics.floatPower(l.value.nearestDouble, r.value.wrappedInt64))
        .map { (.float($0), .float64) }
    case (.bool, .bool):
      return binary(op, l.value, r.value).map { ($0, .bool) }
    case (.string, .string):
      return binary(op, l.value, r.value).map { ($0, $0.type == .bool ? .bool : .string) }
    default:
      return nil
    }
  }

  /// `a op b` on `Int` values as the generated code computes it (§7.1).
  private static func runtimeInt(_ op: Operator, _ a: Int64, _ b: Int64) -> TypedConstant? {
    let v: Int64
    switch op {
    case .add: v = a &+ b
    case .sub: v = a &- b
    case .mul: v = a &* b
    case .div:
      if b == 0 { return nil }  // a run-time crash, not a constant
      v = b == -1 ? 0 &- a : a / b
    case .floorDiv: v = IntegerSemantics.floorDiv(a, b)
    case .mod: v = IntegerSemantics.floorMod(a, b)
    case .pow: v = IntegerSemantics.power(a, b)
    // Shift counts are taken modulo 64, as the IR's shift opcodes do.
    case .shl: v = a << (b & 63)
    case .shr: v = a >> (b & 63)
    case .bitAnd: v = a & b
    case .bitOr: v = a | b
    case .bitXor: v = a ^ b
    case .less: return (.bool(a < b), .bool)
    case .greater: return (.bool(a > b), .bool)
    case .lessEqual: return (.bool(a <= b), .bool)
    case .greaterEqual: return (.bool(a >= b), .bool)
    case .equal: return (.bool(a == b), .bool)
    case .notEqual: return (.bool(a != b), .bool)
    default: return nil
    }
    return (.int(BigInt(v)), .int)
  }

  /// `a op b` on `Float64` values with IEEE arithmetic (§7.2); nil for an infinite result,
  /// which a constant cannot hold.
  private static func runtimeFloat(_ op: Operator, _ a: Double, _ b: Double) -> TypedConstant? {
    let v: Double
    switch op {
    case .add: v = a + b
    case .sub: v = a - b
    case .mul: v = a * b
    case .div: v = a / b
    case .floorDiv: v = (a / b).rounded(.down)
    case .mod:
      var r = a - (a / b).rounded(.towardZero) * b
      if r != 0 && (a < 0) != (b < 0) { r = r + b }
      v = r
    case .less: return (.bool(a < b), .bool)
    case .greater: return (.bool(a > b), .bool)
    case .lessEqual: return (.bool(a <= b), .bool)
    case .greaterEqual: return (.bool(a >= b), .bool)
    case .equal: return (.bool(a == b), .bool)
    case .notEqual: return (.bool(a != b), .bool)
    default: return nil
    }
    return ExactFloat(exactly: v).map { (.float($0), .float64) }
  }
}
