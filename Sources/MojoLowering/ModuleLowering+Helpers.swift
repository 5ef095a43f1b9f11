//! Helper functions the lowering generates once per module and type: deep copies of lists and
//! structs (recursive types call themselves) and the text of lists (`[1, 2]`, nested lists,
//! strings unquoted, LANGUAGE.md §12), used by `print` and `String(...)`. They are local symbols
//! of the module's object.
import MojoIR
import MojoSema

extension ModuleLowering {
  /// The function `ptr copy(ptr)` that deep-copies a value of aggregate type `t`.
  func copyFunction(for t: SemaType) -> FunctionRef {
    if let ref = copyHelpers[t] { return ref }
    let ref = reserveHelper("mojo.copy.\(copyHelpers.count)", parameters: [.ptr], result: .ptr)
    copyHelpers[t] = ref
    var b = FunctionBuilder(parameterTypes: [.ptr])
    let source = Operand.value(b.parameter(0))
    switch t {
    case .list(let element) where !Layout.isAggregate(element):
      let copy = call(&b, Runtime.listCopyShallow, [source, .int(Layout.wordSize)])
      b.ret(copy)
    case .list(let element):
      let count = b.load(.i64, from: source, offset: 0)
      let result = call(&b, Runtime.listNew, [.int(Layout.wordSize), .value(count)])
      loop(&b, count: .value(count)) { b, i in
        let from = self.call(&b, Runtime.listAt, [source, i, .int(Layout.wordSize), .value(b.address(of: self.noSourceLocation()))])
        let item = b.load(.ptr, from: from, offset: 0)
        let copied = b.call(self.copyFunction(for: element), returning: .ptr, [.value(item)])!
        let slot = self.call(&b, Runtime.listAppendSlot, [result, .int(Layout.wordSize)])
        b.store(.ptr, .value(copied), to: slot, offset: 0)
      }
      b.ret(result)
    case .dict(_, let value), .set(let value):
      let copy = call(&b, Runtime.dictCopy, [source])
      if case .dict = t, Layout.isAggregate(value) {
        forEachEntry(&b, copy) { b, entry in
          let item = b.load(.ptr, from: entry, offset: Layout.wordSize)
          let copied = b.call(self.copyFunction(for: value), returning: .ptr, [.value(item)])!
          b.store(.ptr, .value(copied), to: entry, offset: Layout.wordSize)
        }
      }
      b.ret(copy)
    case .structType(let m, let s) where program.structs[m][s].copyInitializer != nil:
      // `__init__(out self, *, copy: Self)`.
      let fields = program.structs[m][s].fieldTypes
      let block = call(&b, Runtime.alloc, [.int(Int64(max(1, fields.count)) * Layout.wordSize)])
      _ = b.call(functionRef(module: m, index: program.structs[m][s].copyInitializer!), returning: .void, [block, source])
      b.ret(block)
    case .structType, .boundStruct:
      let fields = program.structInfo(t)!.fieldTypes
      let block = call(&b, Runtime.alloc, [.int(Int64(max(1, fields.count)) * Layout.wordSize)])
      for (k, field) in fields.enumerated() {
        let type = ModuleLowering.irType(field)
        var value = Operand.value(b.load(type, from: source, offset: Int64(k) * Layout.wordSize))
        if Layout.isAggregate(field) { value = .value(b.call(copyFunction(for: field), returning: .ptr, [value])!) }
        b.store(type, value, to: block, offset: Int64(k) * Layout.wordSize)
      }
      b.ret(block)
    default:
      b.ret(source)
    }
    b.finish(into: &ir.functions[Int(ref.index)])
    return ref
  }

  /// The function `ptr text(ptr)` that formats a list of type `t` as `print` would.
  func stringFunction(for t: SemaType) -> FunctionRef {
    if let ref = stringHelpers[t] { return ref }
    let ref = reserveHelper("mojo.text.\(stringHelpers.count)", parameters: [.ptr], result: .ptr)
    stringHelpers[t] = ref
    if case .tuple(let elements) = t {
      makeTupleText(elements, into: ref)
      return ref
    }
    switch t {
    case .dict, .set:
      makeDictText(t, into: ref)
      return ref
    case .optional(let inner):
      var b = FunctionBuilder(parameterTypes: [.ptr])
      let box = Operand.value(b.parameter(0))
      let isSome = b.op(.ine, .value(b.load(.i64, from: box, offset: 0)), .int(0))
      let some = b.makeBlock(), none = b.makeBlock()
      b.branch(if: .value(isSome), then: some, else: none)
      b.switchTo(some)
      let value = Operand.value(b.load(ModuleLowering.irType(inner), from: box, offset: Layout.wordSize))
      b.ret(text(&b, value, inner))
      b.switchTo(none)
      b.ret(.value(b.address(of: stringConstant(Array("None".utf8)))))
      b.finish(into: &ir.functions[Int(ref.index)])
      return ref
    default: break
    }
    guard case .list(let element) = t else { preconditionFailure("lowering: text helper for \(t)") }
    var b = FunctionBuilder(parameterTypes: [.ptr])
    let list = Operand.value(b.parameter(0))
    let text = b.makeValue(.ptr)
    b.copy(.value(b.address(of: stringConstant(Array("[".utf8)))), to: text)
    let count = b.load(.i64, from: list, offset: 0)
    loop(&b, count: .value(count)) { b, i in
      let notFirst = b.op(.ine, i, .int(0))
      let separator = b.makeBlock(), item = b.makeBlock()
      b.branch(if: .value(notFirst), then: separator, else: item)
      b.switchTo(separator)
      let comma = Operand.value(b.address(of: self.stringConstant(Array(", ".utf8))))
      b.copy(self.call(&b, Runtime.concat, [.value(text), comma]), to: text)
      b.branch(to: item)
      b.switchTo(item)
      let address = self.call(&b, Runtime.listAt, [list, i, .int(Layout.wordSize), .value(b.address(of: self.noSourceLocation()))])
      let value = Operand.value(b.load(ModuleLowering.irType(element), from: address, offset: 0))
      let piece: Operand
      switch element {
      case .int: piece = self.call(&b, Runtime.fromInt, [value])
      case .numeric(let n): piece = self.call(&b, ModuleLowering.numericText(n).text, [value])
      case .float64: piece = self.call(&b, Runtime.fromFloat, [value])
      case .bool: piece = self.call(&b, Runtime.fromBool, [.value(b.op(.zext, value))])
      case .list, .tuple: piece = .value(b.call(self.stringFunction(for: element), returning: .ptr, [value])!)
      case .structType, .boundStruct: piece = .value(b.call(self.writableTextFunction(for: element), returning: .ptr, [value])!)
      default: piece = value
      }
      b.copy(self.call(&b, Runtime.concat, [.value(text), piece]), to: text)
    }
    let close = Operand.value(b.address(of: stringConstant(Array("]".utf8))))
    b.ret(call(&b, Runtime.concat, [.value(text), close]))
    b.finish(into: &ir.functions[Int(ref.index)])
    return ref
  }

  /// The function `ptr text(ptr)` giving the text of a `Writable` struct of type `t`: its
  /// `write_to` writes into a fresh `String` cell (the `Writer`), whose value is returned.
  func writableTextFunction(for t: SemaType) -> FunctionRef {
    if let ref = writableHelpers[t] { return ref }
    let ref = reserveHelper("mojo.write.\(writableHelpers.count)", parameters: [.ptr], result: .ptr)
    writableHelpers[t] = ref
    let info = program.structInfo(t)!
    guard let f = info.methods["write_to"] else { preconditionFailure("lowering: '\(info.name)' has no write_to") }
    let callee: FunctionRef
    switch t {
    case .boundStruct(let m, _, let arguments):
      callee = instanceFunction(FunctionInstance(module: m, function: f, arguments: arguments.map { .type($0) })).0
    case .structType(let m, _):
      callee = functionRef(module: m, index: f)
    default: preconditionFailure("lowering: text of \(t)")
    }
    var b = FunctionBuilder(parameterTypes: [.ptr])
    let cell = call(&b, Runtime.alloc, [.int(Layout.wordSize)])
    b.store(.ptr, .value(b.address(of: stringConstant([]))), to: cell, offset: 0)
    _ = b.call(callee, returning: .void, [.value(b.parameter(0)), cell])
    b.ret(.value(b.load(.ptr, from: cell, offset: 0)))
    b.finish(into: &ir.functions[Int(ref.index)])
    return ref
  }

  /// The body of the text helper of a tuple: `(a, b)`, and `(a,)` for one element, as Mojo prints.
  private func makeTupleText(_ elements: [SemaType], into ref: FunctionRef) {
    var b = FunctionBuilder(parameterTypes: [.ptr])
    let tuple = Operand.value(b.parameter(0))
    var text = Operand.value(b.address(of: stringConstant(Array("(".utf8))))
    for (k, element) in elements.enumerated() {
      if k > 0 { text = call(&b, Runtime.concat, [text, .value(b.address(of: stringConstant(Array(", ".utf8))))]) }
      let value = Operand.value(b.load(ModuleLowering.irType(element), from: tuple, offset: Int64(k) * Layout.wordSize))
      let piece: Operand
      switch element {
      case .int: piece = call(&b, Runtime.fromInt, [value])
      case .numeric(let n): piece = call(&b, ModuleLowering.numericText(n).text, [value])
      case .float64: piece = call(&b, Runtime.fromFloat, [value])
      case .bool: piece = call(&b, Runtime.fromBool, [.value(b.op(.zext, value))])
      case .list, .tuple: piece = .value(b.call(stringFunction(for: element), returning: .ptr, [value])!)
      case .structType, .boundStruct: piece = .value(b.call(writableTextFunction(for: element), returning: .ptr, [value])!)
      default: piece = value
      }
      text = call(&b, Runtime.concat, [text, piece])
    }
    let close = elements.count == 1 ? ",)" : ")"
    b.ret(call(&b, Runtime.concat, [text, .value(b.address(of: stringConstant(Array(close.utf8))))]))
    b.finish(into: &ir.functions[Int(ref.index)])
  }

  /// The text of a one-word value of type `t` inside a collection's text (strings unquoted).
  private func text(_ b: inout FunctionBuilder, _ value: Operand, _ t: SemaType) -> Operand {
    switch t {
    case .int: return call(&b, Runtime.fromInt, [value])
    case .numeric(let n): return call(&b, ModuleLowering.numericText(n).text, [value])
    case .float64: return call(&b, Runtime.fromFloat, [value])
    case .bool: return call(&b, Runtime.fromBool, [.value(b.op(.zext, value))])
    case .list, .tuple, .dict, .set, .optional: return .value(b.call(stringFunction(for: t), returning: .ptr, [value])!)
    default: return value
    }
  }

  /// The body of the text helper of a dict (`{a: 1, b: 2}`) or set (`{1, 2}`), in insertion order.
  private func makeDictText(_ t: SemaType, into ref: FunctionRef) {
    var b = FunctionBuilder(parameterTypes: [.ptr])
    let dict = Operand.value(b.parameter(0))
    let result = b.makeValue(.ptr)
    b.copy(.value(b.address(of: stringConstant(Array("{".utf8)))), to: result)
    let first = b.makeValue(.i1)
    b.copy(.int(1), to: first)
    forEachEntry(&b, dict) { b, entry in
      let separator = b.makeBlock(), item = b.makeBlock()
      b.branch(if: .value(first), then: item, else: separator)
      b.switchTo(separator)
      b.copy(self.call(&b, Runtime.concat, [.value(result), .value(b.address(of: self.stringConstant(Array(", ".utf8))))]), to: result)
      b.branch(to: item)
      b.switchTo(item)
      b.copy(.int(0), to: first)
      switch t {
      case .dict(let key, let value):
        let k = self.text(&b, .value(b.load(ModuleLowering.irType(key), from: entry, offset: 0)), key)
        b.copy(self.call(&b, Runtime.concat, [.value(result), k]), to: result)
        b.copy(self.call(&b, Runtime.concat, [.value(result), .value(b.address(of: self.stringConstant(Array(": ".utf8))))]), to: result)
        let v = self.text(&b, .value(b.load(ModuleLowering.irType(value), from: entry, offset: Layout.wordSize)), value)
        b.copy(self.call(&b, Runtime.concat, [.value(result), v]), to: result)
      case .set(let element):
        let k = self.text(&b, .value(b.load(ModuleLowering.irType(element), from: entry, offset: 0)), element)
        b.copy(self.call(&b, Runtime.concat, [.value(result), k]), to: result)
      default: break
      }
    }
    b.ret(call(&b, Runtime.concat, [.value(result), .value(b.address(of: stringConstant(Array("}".utf8))))]))
    b.finish(into: &ir.functions[Int(ref.index)])
  }

  /// Emits a loop over the live entries of a dict or set, in insertion order; `body` gets the
  /// address of each entry's {key, value}.
  private func forEachEntry(_ b: inout FunctionBuilder, _ dict: Operand, _ body: (inout FunctionBuilder, Operand) -> Void) {
    let position = b.makeValue(.i64)
    b.copy(.int(0), to: position)
    let header = b.makeBlock(), inner = b.makeBlock(), exit = b.makeBlock()
    b.branch(to: header)
    b.switchTo(header)
    b.copy(call(&b, Runtime.dictNext, [dict, .value(position)]), to: position)
    b.branch(if: .value(b.op(.ige, .value(position), .int(0))), then: inner, else: exit)
    b.switchTo(inner)
    body(&b, call(&b, Runtime.dictEntry, [dict, .value(position)]))
    b.emit(.iadd, type: .i64, result: position, [.value(position), .int(1)])
    b.branch(to: header)
    b.switchTo(exit)
  }

  /// The data object of `None`: an empty `Optional` box (16 zero bytes).
  func noneConstant() -> DataID {
    if let id = noneData { return id }
    let id = ir.addData([UInt8](repeating: 0, count: 16))
    noneData = id
    return id
  }

  /// True when a value of `t` runs a destructor when it dies: a (non-generic) struct with a
  /// destructor or with such a field.
  func needsDestroy(_ t: SemaType) -> Bool {
    guard hasDestructors, case .structType(let m, let s) = t else { return false }
    if let known = destructibleTypes[t] { return known }
    let info = program.structs[m][s]
    let answer = info.destructor != nil || info.fieldTypes.contains { needsDestroy($0) }
    destructibleTypes[t] = answer
    return answer
  }

  /// `mojo.destroy.N(value)`: the fields the destructor does not read, the destructor, then the
  /// other fields.
  func destroyFunction(for t: SemaType) -> FunctionRef {
    if let ref = destroyHelpers[t] { return ref }
    let ref = reserveHelper("mojo.destroy.\(destroyHelpers.count)", parameters: [.ptr], result: .void)
    destroyHelpers[t] = ref
    var b = FunctionBuilder(parameterTypes: [.ptr])
    let value = Operand.value(b.parameter(0))
    guard case .structType(let m, let s) = t else { preconditionFailure("lowering: destroying \(t)") }
    let info = program.structs[m][s]
    func destroyFields(_ b: inout FunctionBuilder, readByDestructor: Bool) {
      for (k, field) in info.fieldTypes.enumerated() where needsDestroy(field) {
        let reads = k < info.destructorReadsField.count && info.destructorReadsField[k]
        guard reads == readByDestructor else { continue }
        let item = b.load(.ptr, from: value, offset: Int64(k) * Layout.wordSize)
        _ = b.call(destroyFunction(for: field), returning: .void, [.value(item)])
      }
    }
    destroyFields(&b, readByDestructor: false)
    if let destructor = info.destructor {
      _ = b.call(functionRef(module: m, index: destructor), returning: .void, [value])
    }
    destroyFields(&b, readByDestructor: true)
    b.ret(nil)
    b.finish(into: &ir.functions[Int(ref.index)])
    return ref
  }

  /// Appends a local helper function's shell (its body is built later) and returns its reference.
  func reserveHelper(_ symbol: String, parameters: [IRType], result: IRType) -> FunctionRef {
    ir.functions.append(IRFunction(defining: symbol, parameterTypes: parameters, returnType: result, linkage: .local))
    return FunctionRef(ir.functions.count - 1)
  }

  /// Calls runtime function `f` (declared on first use); its result, or 0 for a void one.
  func call(_ b: inout FunctionBuilder, _ f: (String, [IRType], IRType), _ args: [Operand]) -> Operand {
    let result = b.call(declare(f.0, f.1, f.2), returning: f.2, args)
    return result.map { .value($0) } ?? .int(0)
  }

  /// Emits `for i in 0..<count { body }` into `b`.
  private func loop(_ b: inout FunctionBuilder, count: Operand, _ body: (inout FunctionBuilder, Operand) -> Void) {
    let i = b.makeValue(.i64)
    b.copy(.int(0), to: i)
    let header = b.makeBlock(), inner = b.makeBlock(), exit = b.makeBlock()
    b.branch(to: header)
    b.switchTo(header)
    b.branch(if: .value(b.op(.ilt, .value(i), count)), then: inner, else: exit)
    b.switchTo(inner)
    body(&b, .value(i))
    b.emit(.iadd, type: .i64, result: i, [.value(i), .int(1)])
    b.branch(to: header)
    b.switchTo(exit)
  }
}
