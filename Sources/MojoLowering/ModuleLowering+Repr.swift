//! `repr(x)` as Mojo 1.2 writes it: `Int(5)`, `Float64(2.5)`, `UInt8(7)`, `True`, strings in
//! single quotes with escapes (the runtime's `mojo_rt_str_repr`), `List[T]([...])` and
//! `Dict[K, V]({...})` with element types named as Mojo names them (`SIMD[DType.int, 1]` for
//! `Int`), a struct through its `write_repr_to`, or `Name(field=repr, ...)` without one.
//! Collections and structs get a generated helper `ptr mojo.repr.N(value)` per type.
import MojoIR
import MojoSema

extension Runtime {
  static let stringRepr = ("mojo_rt_str_repr", [IRType.ptr], IRType.ptr)
}

extension ModuleLowering {
  /// The name Mojo 1.2 gives `t` inside a collection's `repr` (`SIMD[DType.int, 1]` for `Int`).
  func reprTypeName(_ t: SemaType) -> String {
    switch t {
    case .int: "SIMD[DType.int, 1]"
    case .float64: "SIMD[DType.float64, 1]"
    case .numeric(let n): n == .codepoint ? "Codepoint" : "SIMD[DType.\(n.name.lowercased()), 1]"
    case .bool: "Bool"
    case .string: "String"
    case .list(let e): "List[\(reprTypeName(e))]"
    case .dict(let k, let v): "Dict[\(reprTypeName(k)), \(reprTypeName(v))]"
    // Mojo 1.2 names a tuple type nested in another type this way (a `repr` of the tuple itself
    // names its elements: `reprFunction`).
    case .tuple: "Tuple[<unprintable>, {}]"
    case .optional(let inner): "Optional[\(reprTypeName(inner))]"
    case .structType, .boundStruct: program.structInfo(t)?.name ?? "\(t)"
    default: "\(t)"
    }
  }

  /// Emits `repr(value)` of a value of type `t` into `b`; a string.
  func emitRepr(_ b: inout FunctionBuilder, _ value: Operand, _ t: SemaType) -> Operand {
    func wrapped(_ b: inout FunctionBuilder, _ name: String, _ text: Operand) -> Operand {
      let open = Operand.value(b.address(of: stringConstant(Array("\(name)(".utf8))))
      let close = Operand.value(b.address(of: stringConstant(Array(")".utf8))))
      return call(&b, Runtime.concat, [call(&b, Runtime.concat, [open, text]), close])
    }
    switch t {
    case .int: return wrapped(&b, "Int", call(&b, Runtime.fromInt, [value]))
    case .float64: return wrapped(&b, "Float64", call(&b, Runtime.fromFloat, [value]))
    case .numeric(let n) where n == .codepoint: return call(&b, Runtime.chr, [value])
    case .numeric(let n): return wrapped(&b, n.name, call(&b, ModuleLowering.numericText(n).text, [value]))
    case .bool: return call(&b, Runtime.fromBool, [.value(b.op(.zext, value))])
    case .string: return call(&b, Runtime.stringRepr, [value])
    default: return .value(b.call(reprFunction(for: t), returning: .ptr, [value])!)
    }
  }

  /// `ptr repr(value)` for a list, dict or struct type `t`.
  func reprFunction(for t: SemaType) -> FunctionRef {
    if let ref = reprHelpers[t] { return ref }
    let irType = ModuleLowering.irType(t)
    ir.functions.append(IRFunction(defining: "mojo.repr.\(reprHelpers.count)", parameterTypes: [irType], returnType: .ptr, linkage: .local))
    let ref = FunctionRef(ir.functions.count - 1)
    reprHelpers[t] = ref
    var b = FunctionBuilder(parameterTypes: [irType])
    let value = Operand.value(b.parameter(0))
    let text = b.makeValue(.ptr)
    func append(_ b: inout FunctionBuilder, _ piece: Operand) {
      b.copy(call(&b, Runtime.concat, [.value(text), piece]), to: text)
    }
    func constant(_ b: inout FunctionBuilder, _ s: String) -> Operand {
      .value(b.address(of: stringConstant(Array(s.utf8))))
    }
    switch t {
    case .list(let element):
      b.copy(constant(&b, "\(reprTypeName(t))(["), to: text)
      let count = b.load(.i64, from: value, offset: 0)
      let i = b.makeValue(.i64)
      b.copy(.int(0), to: i)
      let header = b.makeBlock(), body = b.makeBlock(), separator = b.makeBlock(), item = b.makeBlock(), exit = b.makeBlock()
      b.branch(to: header)
      b.switchTo(header)
      b.branch(if: .value(b.op(.ilt, .value(i), .value(count))), then: body, else: exit)
      b.switchTo(body)
      b.branch(if: .value(b.op(.ine, .value(i), .int(0))), then: separator, else: item)
      b.switchTo(separator)
      append(&b, constant(&b, ", "))
      b.branch(to: item)
      b.switchTo(item)
      let address = call(&b, Runtime.listAt, [value, .value(i), .int(Layout.wordSize), .value(b.address(of: noSourceLocation()))])
      append(&b, emitRepr(&b, .value(b.load(ModuleLowering.irType(element), from: address, offset: 0)), element))
      b.emit(.iadd, type: .i64, result: i, [.value(i), .int(1)])
      b.branch(to: header)
      b.switchTo(exit)
      append(&b, constant(&b, "])"))
    case .dict(let key, let valueType):
      b.copy(constant(&b, "\(reprTypeName(t))({"), to: text)
      let first = b.makeValue(.i1)
      b.copy(.int(1), to: first)
      let position = b.makeValue(.i64)
      b.copy(.int(0), to: position)
      let header = b.makeBlock(), body = b.makeBlock(), separator = b.makeBlock(), item = b.makeBlock(), exit = b.makeBlock()
      b.branch(to: header)
      b.switchTo(header)
      b.copy(call(&b, Runtime.dictNext, [value, .value(position)]), to: position)
      b.branch(if: .value(b.op(.ige, .value(position), .int(0))), then: body, else: exit)
      b.switchTo(body)
      b.branch(if: .value(first), then: item, else: separator)
      b.switchTo(separator)
      append(&b, constant(&b, ", "))
      b.branch(to: item)
      b.switchTo(item)
      b.copy(.int(0), to: first)
      let entry = call(&b, Runtime.dictEntry, [value, .value(position)])
      append(&b, emitRepr(&b, .value(b.load(ModuleLowering.irType(key), from: entry, offset: 0)), key))
      append(&b, constant(&b, ": "))
      append(&b, emitRepr(&b, .value(b.load(ModuleLowering.irType(valueType), from: entry, offset: Layout.wordSize)), valueType))
      b.emit(.iadd, type: .i64, result: position, [.value(position), .int(1)])
      b.branch(to: header)
      b.switchTo(exit)
      append(&b, constant(&b, "})"))
    case .tuple(let elements):
      // `Tuple[SIMD[DType.int, 1], String](Int(1), 'a')`, as Mojo 1.2 writes it.
      b.copy(constant(&b, "Tuple[\(elements.map { reprTypeName($0) }.joined(separator: ", "))]("), to: text)
      for (k, element) in elements.enumerated() {
        if k > 0 { append(&b, constant(&b, ", ")) }
        append(&b, emitRepr(&b, .value(b.load(ModuleLowering.irType(element), from: value, offset: Int64(k) * Layout.wordSize)), element))
      }
      append(&b, constant(&b, ")"))
    case .optional(let inner):
      // `Optional[String]('x')`, `Optional[String](None)`.
      b.copy(constant(&b, "\(reprTypeName(t))("), to: text)
      let some = b.makeBlock(), none = b.makeBlock(), done = b.makeBlock()
      b.branch(if: .value(b.op(.ine, .value(b.load(.i64, from: value, offset: 0)), .int(0))), then: some, else: none)
      b.switchTo(some)
      append(&b, emitRepr(&b, .value(b.load(ModuleLowering.irType(inner), from: value, offset: Layout.wordSize)), inner))
      b.branch(to: done)
      b.switchTo(none)
      append(&b, constant(&b, "None"))
      b.branch(to: done)
      b.switchTo(done)
      append(&b, constant(&b, ")"))
    case .structType(let m, _):
      let info = program.structInfo(t)!
      if let f = info.methods["write_repr_to"] {
        // Its `write_repr_to` writes into a fresh `String` cell (the `Writer`).
        let cell = call(&b, Runtime.alloc, [.int(Layout.wordSize)])
        b.store(.ptr, constant(&b, ""), to: cell, offset: 0)
        _ = b.call(functionRef(module: m, index: f), returning: .void, [value, cell])
        b.copy(.value(b.load(.ptr, from: cell, offset: 0)), to: text)
      } else {
        b.copy(constant(&b, "\(info.name)("), to: text)
        for (k, field) in info.fieldTypes.enumerated() {
          append(&b, constant(&b, (k > 0 ? ", " : "") + info.fieldNames[k] + "="))
          append(&b, emitRepr(&b, .value(b.load(ModuleLowering.irType(field), from: value, offset: Int64(k) * Layout.wordSize)), field))
        }
        append(&b, constant(&b, ")"))
      }
    default:
      preconditionFailure("lowering: repr of \(t)")
    }
    b.ret(.value(text))
    b.finish(into: &ir.functions[Int(ref.index)])
    return ref
  }
}
