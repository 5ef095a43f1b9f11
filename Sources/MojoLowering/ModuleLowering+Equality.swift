//! Deep equality the lowering generates once per module and type (`==` of nested lists, dicts,
//! optionals, tuples of them, `Equatable` structs without `__eq__`, `x in xs` of such elements):
//! `i64 mojo.eq.N(a, b)` compares element by element, as Mojo's `__eq__` of each type does.
import MojoIR
import MojoSema

extension ModuleLowering {
  /// True when `==` of `t` needs a generated helper (the runtime compares the other lists).
  static func needsEqualityHelper(_ t: SemaType) -> Bool {
    switch t {
    case .list(let element): !(element == .int || element == .float64 || element == .bool || element == .string)
    case .dict, .optional, .structType: true
    case .tuple(let elements): elements.contains { Layout.isAggregate($0) || needsEqualityHelper($0) }
    default: false
    }
  }

  /// Emits `x == y` of two values of type `t` into `b`; an `i1`.
  func emitEqual(_ b: inout FunctionBuilder, _ x: Operand, _ y: Operand, _ t: SemaType) -> Operand {
    switch t {
    case .float64: return .value(b.op(.feq, x, y))
    case .numeric(let n) where n.isFloat: return .value(b.op(.feq, x, y))
    case .int, .numeric: return .value(b.op(.ieq, x, y))
    case .bool: return .value(b.op(.ieq, .value(b.op(.zext, x)), .value(b.op(.zext, y))))
    case .string, .errorValue: return .value(b.op(.ine, call(&b, Runtime.equal, [x, y]), .int(0)))
    case .set: return .value(b.op(.ine, call(&b, Runtime.setEqual, [x, y]), .int(0)))
    default:
      return .value(b.op(.ine, .value(b.call(equalityFunction(for: t), returning: .i64, [x, y])!), .int(0)))
    }
  }

  /// `i64 eq(a, b)`: 1 when the two values of type `t` are equal.
  func equalityFunction(for t: SemaType) -> FunctionRef {
    if let ref = equalityHelpers[t] { return ref }
    let irType = ModuleLowering.irType(t)
    let ref = reserveHelper("mojo.eq.\(equalityHelpers.count)", parameters: [irType, irType], result: .i64)
    equalityHelpers[t] = ref
    var b = FunctionBuilder(parameterTypes: [irType, irType])
    let x = Operand.value(b.parameter(0)), y = Operand.value(b.parameter(1))
    let unequal = b.makeBlock()
    /// Continues when `same` (an i1) holds, else returns 0.
    func require(_ b: inout FunctionBuilder, _ same: Operand) {
      let next = b.makeBlock()
      b.branch(if: same, then: next, else: unequal)
      b.switchTo(next)
    }
    switch t {
    case .list(let element):
      let count = b.load(.i64, from: x, offset: 0)
      require(&b, .value(b.op(.ieq, .value(count), .value(b.load(.i64, from: y, offset: 0)))))
      let i = b.makeValue(.i64)
      b.copy(.int(0), to: i)
      let header = b.makeBlock(), body = b.makeBlock(), exit = b.makeBlock()
      b.branch(to: header)
      b.switchTo(header)
      b.branch(if: .value(b.op(.ilt, .value(i), .value(count))), then: body, else: exit)
      b.switchTo(body)
      let where_ = Operand.value(b.address(of: noSourceLocation()))
      let a = call(&b, Runtime.listAt, [x, .value(i), .int(Layout.wordSize), where_])
      let c = call(&b, Runtime.listAt, [y, .value(i), .int(Layout.wordSize), where_])
      let elementType = ModuleLowering.irType(element)
      require(&b, emitEqual(&b, .value(b.load(elementType, from: a, offset: 0)), .value(b.load(elementType, from: c, offset: 0)), element))
      b.emit(.iadd, type: .i64, result: i, [.value(i), .int(1)])
      b.branch(to: header)
      b.switchTo(exit)
    case .dict(let key, let value):
      require(&b, .value(b.op(.ieq, .value(b.load(.i64, from: x, offset: 0)), .value(b.load(.i64, from: y, offset: 0)))))
      let position = b.makeValue(.i64)
      b.copy(.int(0), to: position)
      let header = b.makeBlock(), body = b.makeBlock(), exit = b.makeBlock()
      b.branch(to: header)
      b.switchTo(header)
      b.copy(call(&b, Runtime.dictNext, [x, .value(position)]), to: position)
      b.branch(if: .value(b.op(.ige, .value(position), .int(0))), then: body, else: exit)
      b.switchTo(body)
      let entry = call(&b, Runtime.dictEntry, [x, .value(position)])
      let k = Operand.value(b.load(ModuleLowering.irType(key), from: entry, offset: 0))
      let probe = call(&b, FunctionLowering.isPointerKey(key) ? Runtime.dictFindString : Runtime.dictFind, [y, k, .int(DictFindMode.look.rawValue)])
      require(&b, .value(b.op(.ine, .value(b.load(.i64, from: probe, offset: 0)), .int(0))))
      let valueType = ModuleLowering.irType(value)
      let mine = Operand.value(b.load(valueType, from: entry, offset: Layout.wordSize))
      let theirs = Operand.value(b.load(valueType, from: probe, offset: Layout.wordSize))
      require(&b, emitEqual(&b, mine, theirs, value))
      b.emit(.iadd, type: .i64, result: position, [.value(position), .int(1)])
      b.branch(to: header)
      b.switchTo(exit)
    case .optional(let inner):
      let flag = b.load(.i64, from: x, offset: 0)
      require(&b, .value(b.op(.ieq, .value(flag), .value(b.load(.i64, from: y, offset: 0)))))
      let both = b.makeBlock(), equal = b.makeBlock()
      b.branch(if: .value(b.op(.ine, .value(flag), .int(0))), then: both, else: equal)
      b.switchTo(both)
      let innerType = ModuleLowering.irType(inner)
      let same = emitEqual(&b, .value(b.load(innerType, from: x, offset: Layout.wordSize)),
                           .value(b.load(innerType, from: y, offset: Layout.wordSize)), inner)
      b.branch(if: same, then: equal, else: unequal)
      b.switchTo(equal)
    case .tuple(let elements):
      for (k, element) in elements.enumerated() {
        let type = ModuleLowering.irType(element)
        let offset = Int64(k) * Layout.wordSize
        require(&b, emitEqual(&b, .value(b.load(type, from: x, offset: offset)), .value(b.load(type, from: y, offset: offset)), element))
      }
    case .structType(let m, let s):
      let info = program.structs[m][s]
      if let f = info.methods["__eq__"] {
        // The struct's own `__eq__`.
        let result = b.call(functionRef(module: m, index: f), returning: .i1, [x, y])!
        require(&b, .value(result))
      } else {
        // `Equatable` without `__eq__`: Mojo 1.2 compares the fields in order.
        for (k, field) in info.fieldTypes.enumerated() {
          let type = ModuleLowering.irType(field)
          let offset = Int64(k) * Layout.wordSize
          require(&b, emitEqual(&b, .value(b.load(type, from: x, offset: offset)), .value(b.load(type, from: y, offset: offset)), field))
        }
      }
    default:
      preconditionFailure("lowering: equality of \(t)")
    }
    b.ret(.int(1))
    b.switchTo(unequal)
    b.ret(.int(0))
    b.finish(into: &ir.functions[Int(ref.index)])
    return ref
  }

  /// `i64 contains(list, item)`: 1 when some element of the list (of type `t`) equals `item`.
  func containsFunction(for t: SemaType) -> FunctionRef {
    if let ref = containsHelpers[t] { return ref }
    guard case .list(let element) = t else { preconditionFailure("lowering: 'in' on \(t)") }
    let elementType = ModuleLowering.irType(element)
    let ref = reserveHelper("mojo.contains.\(containsHelpers.count)", parameters: [.ptr, elementType], result: .i64)
    containsHelpers[t] = ref
    var b = FunctionBuilder(parameterTypes: [.ptr, elementType])
    let list = Operand.value(b.parameter(0)), item = Operand.value(b.parameter(1))
    let count = b.load(.i64, from: list, offset: 0)
    let i = b.makeValue(.i64)
    b.copy(.int(0), to: i)
    let header = b.makeBlock(), body = b.makeBlock(), next = b.makeBlock(), found = b.makeBlock(), exit = b.makeBlock()
    b.branch(to: header)
    b.switchTo(header)
    b.branch(if: .value(b.op(.ilt, .value(i), .value(count))), then: body, else: exit)
    b.switchTo(body)
    let address = call(&b, Runtime.listAt, [list, .value(i), .int(Layout.wordSize), .value(b.address(of: noSourceLocation()))])
    b.branch(if: emitEqual(&b, .value(b.load(elementType, from: address, offset: 0)), item, element), then: found, else: next)
    b.switchTo(next)
    b.emit(.iadd, type: .i64, result: i, [.value(i), .int(1)])
    b.branch(to: header)
    b.switchTo(found)
    b.ret(.int(1))
    b.switchTo(exit)
    b.ret(.int(0))
    b.finish(into: &ir.functions[Int(ref.index)])
    return ref
  }
}
