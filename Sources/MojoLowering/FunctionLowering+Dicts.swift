//! `Dict`, `Set`, `Optional`, list comprehensions and `sort` (BodyChecker+Dicts.swift). A dict
//! or set is a pointer to the runtime's hash table (runtime_dicts.inc; `len` is the first word);
//! each operation is one runtime call plus loads. An `Optional` is a pointer to a box
//! `{flag, value}` that is never changed after it is made (`None` is a shared zero box).
import MojoIR
import MojoSema
import MojoSyntax

extension Runtime {
  static let dictNew = ("mojo_rt_dict_new", [IRType.i64], IRType.ptr)
  static let dictNewShaped = ("mojo_rt_dict_new_shaped", [IRType.ptr], IRType.ptr)
  static let dictSlot = ("mojo_rt_dict_slot", [IRType.ptr, .i64], IRType.ptr)
  static let dictSlotString = ("mojo_rt_dict_slot_str", [IRType.ptr, .ptr], IRType.ptr)
  static let dictFind = ("mojo_rt_dict_find", [IRType.ptr, .i64, .i64], IRType.ptr)
  static let dictFindString = ("mojo_rt_dict_find_str", [IRType.ptr, .ptr, .i64], IRType.ptr)
  static let dictNext = ("mojo_rt_dict_next", [IRType.ptr, .i64], IRType.i64)
  static let dictEntry = ("mojo_rt_dict_entry", [IRType.ptr, .i64], IRType.ptr)
  static let dictCopy = ("mojo_rt_dict_copy", [IRType.ptr], IRType.ptr)
  static let dictClear = ("mojo_rt_dict_clear", [IRType.ptr], IRType.void)
  static let listSort = ("mojo_rt_list_sort", [IRType.ptr, .i64], IRType.void)
  static let optionalValue = ("mojo_rt_optional_value", [IRType.ptr, .ptr], IRType.ptr)
  static let dictPrev = ("mojo_rt_dict_prev", [IRType.ptr, .i64], IRType.i64)
  static let dictUpdate = ("mojo_rt_dict_update", [IRType.ptr, .ptr], IRType.void)
  static let listExtend = ("mojo_rt_list_extend", [IRType.ptr, .ptr], IRType.void)
  static let listConcat = ("mojo_rt_list_concat", [IRType.ptr, .ptr], IRType.ptr)
  static let listReverse = ("mojo_rt_list_reverse", [IRType.ptr], IRType.void)
  static let listCount = ("mojo_rt_list_count", [IRType.ptr, .i64], IRType.i64)
  static let listCountFloat = ("mojo_rt_list_count_float", [IRType.ptr, .f64], IRType.i64)
  static let listCountString = ("mojo_rt_list_count_str", [IRType.ptr, .ptr], IRType.i64)
  static let listIndex = ("mojo_rt_list_index", [IRType.ptr, .i64], IRType.i64)
  static let listIndexFloat = ("mojo_rt_list_index_float", [IRType.ptr, .f64], IRType.i64)
  static let listIndexString = ("mojo_rt_list_index_str", [IRType.ptr, .ptr], IRType.i64)
  static let setEqual = ("mojo_rt_set_equal", [IRType.ptr, .ptr], IRType.i64)
  static let listEqual = ("mojo_rt_list_equal", [IRType.ptr, .ptr, .i64], IRType.i64)
  static let setCombine = ("mojo_rt_set_combine", [IRType.ptr, .ptr, .i64], IRType.ptr)
}

/// How `mojo_rt_dict_find` treats the key (bit 0: raise when absent, bit 1: remove).
enum DictFindMode: Int64 {
  case look = 0, raise = 1, remove = 2, removeOrRaise = 3
}

extension FunctionLowering {
  /// The runtime's key kind of a key type: 0 `Int`, 1 `String` (tuples and lists: `newDict`).
  static func keyKind(_ t: SemaType) -> Int64 { t == .string ? 1 : 0 }

  /// True when keys of type `t` travel as pointers (strings, tuples, lists).
  static func isPointerKey(_ t: SemaType) -> Bool { t == .string || t.isComposite }

  /// A new, empty dict or set whose keys have type `keyType`; tuple and list keys get their
  /// shape (runtime_dicts.inc): `i` integer, `b` Bool, `s` String, `T` n elements, `L` a list.
  mutating func newDict(keyType: SemaType) -> Operand {
    guard keyType.isComposite else { return runtime(Runtime.dictNew, [.int(FunctionLowering.keyKind(keyType))]) }
    func shape(_ t: SemaType) -> [UInt8] {
      switch t {
      case .string: return Array("s".utf8)
      case .bool: return Array("b".utf8)
      case .tuple(let elements): return Array("T".utf8) + [UInt8(elements.count)] + elements.flatMap(shape)
      case .list(let element): return Array("L".utf8) + shape(element)
      default: return Array("i".utf8)
      }
    }
    // Mojo 1.2 names a tuple key type `Tuple[<unprintable>, {}]` in its DictKeyError.
    let name: String
    if case .tuple = keyType { name = "Tuple[<unprintable>, {}]" } else { name = module.reprTypeName(keyType) }
    let text = shape(keyType) + Array("|DictKeyError[\(name)]()".utf8)
    return runtime(Runtime.dictNewShaped, [.value(builder.address(of: module.stringConstant(text)))])
  }

  /// The key type of a dict or set type.
  static func keyType(_ t: SemaType) -> SemaType {
    switch t {
    case .dict(let k, _), .set(let k): k
    default: .int
    }
  }

  /// The address of `key`'s value word, inserted when absent.
  mutating func dictSlot(_ dict: Operand, _ key: Operand, _ keyType: SemaType) -> Operand {
    FunctionLowering.isPointerKey(keyType) ? runtime(Runtime.dictSlotString, [dict, key]) : runtime(Runtime.dictSlot, [dict, key])
  }

  /// Looks `key` up; the result points at `{found, value}`.
  mutating func dictFind(_ dict: Operand, _ key: Operand, _ keyType: SemaType, _ mode: DictFindMode) -> Operand {
    FunctionLowering.isPointerKey(keyType) ? runtime(Runtime.dictFindString, [dict, key, .int(mode.rawValue)])
      : runtime(Runtime.dictFind, [dict, key, .int(mode.rawValue)])
  }

  /// A new box holding `value` of type `t` (an `Optional` that is not `None`).
  mutating func makeSome(_ value: Operand, _ t: SemaType) -> Operand {
    let box = runtime(Runtime.alloc, [.int(2 * Layout.wordSize)])
    builder.store(.i64, .int(1), to: box, offset: 0)
    builder.store(ModuleLowering.irType(t), value, to: box, offset: Layout.wordSize)
    return box
  }

  /// An `Optional`'s flag as an `i1` (true when it holds a value).
  mutating func optionalIsSome(_ box: Operand) -> Operand {
    .value(builder.op(.ine, .value(builder.load(.i64, from: box, offset: 0)), .int(0)))
  }

  /// `None`: the module's shared empty box.
  mutating func noneValue() -> Operand {
    .value(builder.address(of: module.noneConstant()))
  }

  /// Lowers a `CallTarget.collection` call.
  mutating func lowerCollection(_ operation: CollectionOperation, _ arguments: CallArgumentList, type resultType: SemaType,
                                at offset: UInt32) -> Operand? {
    let receiverType = arguments.isEmpty ? resultType : argumentType(arguments[0])
    let keyType = FunctionLowering.keyType(receiverType)
    switch operation {
    case .new:
      return newDict(keyType: FunctionLowering.keyType(resultType))
    case .some:
      guard case .optional(let inner) = resultType else { return nil }
      return makeSome(lowerArgument(arguments[0]), inner)
    case .optionalFrom:
      return lowerArgument(arguments[0])
    case .emptyOptional:
      return noneValue()
    case .reversedCopy:
      let copy = runtime(Runtime.listCopyShallow, [lowerArgument(arguments[0]), .int(Layout.wordSize)])
      _ = runtime(Runtime.listReverse, [copy])
      return copy
    case .value:
      let box = runtime(Runtime.optionalValue, [lowerArgument(arguments[0]), sourceLocation(offset)])
      return .value(builder.load(ModuleLowering.irType(resultType), from: box, offset: Layout.wordSize))
    case .orElse:
      let box = materializeInValue(lowerArgument(arguments[0]))
      let fallback = lowerArgument(arguments[1])
      let irType = ModuleLowering.irType(resultType)
      guard case .value(let flag) = optionalIsSome(box) else { return nil }
      return select(flag, irType, { .value($0.builder.load(irType, from: box, offset: Layout.wordSize)) }, { _ in fallback })
    case .sort:
      let kind: Int64
      switch receiverType {
      case .list(.float64), .list(.numeric(.float32)), .list(.numeric(.float16)): kind = 1
      case .list(.string): kind = 2
      default: kind = 0
      }
      _ = runtime(Runtime.listSort, [lowerArgument(arguments[0]), .int(kind)])
      return nil
    case .listExtend:
      _ = runtime(Runtime.listExtend, [lowerArgument(arguments[0]), lowerStoredArgument(arguments[1])])
      return nil
    case .listReverse:
      _ = runtime(Runtime.listReverse, [lowerArgument(arguments[0])])
      return nil
    case .listSwap:
      let list = materializeInValue(lowerArgument(arguments[0]))
      let i = lowerArgument(arguments[1]), j = lowerArgument(arguments[2])
      let location = sourceLocation(offset)
      let first = runtime(Runtime.listAt, [list, i, .int(Layout.wordSize), location])
      let second = runtime(Runtime.listAt, [list, j, .int(Layout.wordSize), location])
      let a = builder.load(.i64, from: first, offset: 0), b = builder.load(.i64, from: second, offset: 0)
      builder.store(.i64, .value(b), to: first, offset: 0)
      builder.store(.i64, .value(a), to: second, offset: 0)
      return nil
    case .listConcat:
      return runtime(Runtime.listConcat, [lowerArgument(arguments[0]), lowerArgument(arguments[1])])
    case .listCount, .listIndex:
      let list = lowerArgument(arguments[0]), value = lowerArgument(arguments[1])
      let count = operation == .listCount
      let result: Operand
      switch argumentType(arguments[1]) {
      case .float64: result = runtime(count ? Runtime.listCountFloat : Runtime.listIndexFloat, [list, value])
      case .string: result = runtime(count ? Runtime.listCountString : Runtime.listIndexString, [list, value])
      case .bool: result = runtime(count ? Runtime.listCount : Runtime.listIndex, [list, .value(builder.op(.zext, value))])
      default: result = runtime(count ? Runtime.listCount : Runtime.listIndex, [list, value])
      }
      if !count { branchOnError() }
      return result
    case .keys, .values, .items, .enumerate, .zip, .reversed:
      preconditionFailure("lowering: an iterable outside a 'for'")
    case .union, .intersection, .difference:
      let code: Int64 = operation == .union ? 0 : operation == .intersection ? 1 : 2
      return runtime(Runtime.setCombine, [lowerArgument(arguments[0]), lowerArgument(arguments[1]), .int(code)])
    case .symmetricDifference:
      let a = lowerArgument(arguments[0]), b = lowerArgument(arguments[1])
      let left = runtime(Runtime.setCombine, [a, b, .int(2)]), right = runtime(Runtime.setCombine, [b, a, .int(2)])
      return runtime(Runtime.setCombine, [left, right, .int(0)])
    case .isSubset, .isSuperset, .isDisjoint:
      // Empty difference (subset, superset) or intersection (disjoint).
      var a = lowerArgument(arguments[0]), b = lowerArgument(arguments[1])
      if operation == .isSuperset { swap(&a, &b) }
      let combined = runtime(Runtime.setCombine, [a, b, .int(operation == .isDisjoint ? 1 : 2)])
      return .value(builder.op(.ieq, .value(builder.load(.i64, from: combined, offset: 0)), .int(0)))
    case .setFromElements:
      let element = FunctionLowering.keyType(resultType)
      let set = newDict(keyType: element)
      for k in 0..<arguments.count { _ = dictSlot(set, lowerArgument(arguments[k]), element) }
      return set
    case .setFromList:
      guard case .expression(let list) = arguments[0] else { return nil }
      let element = FunctionLowering.keyType(resultType)
      let set = materializeInValue(newDict(keyType: element))
      lowerIteration(over: list, bind: { f, parts in _ = f.dictSlot(set, parts[0], element) }, body: { _ in })
      return set
    default:
      break
    }
    let dict = lowerArgument(arguments[0])
    let valueIRType = ModuleLowering.irType(operation == .getItem || operation == .pop || operation == .popOrDefault
                                            || operation == .getOrDefault ? resultType : .int)
    switch operation {
    case .getItem, .pop:
      let key = lowerArgument(arguments[1])
      let probe = dictFind(dict, key, keyType, operation == .pop ? .removeOrRaise : .raise)
      branchOnError()
      return .value(builder.load(valueIRType, from: probe, offset: Layout.wordSize))
    case .getOrDefault, .popOrDefault:
      let key = lowerArgument(arguments[1])
      let fallback = lowerArgument(arguments[2])
      let probe = dictFind(dict, key, keyType, operation == .popOrDefault ? .remove : .look)
      guard case .value(let found) = optionalIsSome(probe) else { return nil }
      let value = builder.load(valueIRType, from: probe, offset: Layout.wordSize)
      // `get` gives a copy of a list or struct value (`pop` took it out of the dict).
      let copies = operation == .getOrDefault && Layout.isAggregate(resultType)
      return select(found, valueIRType, { f in copies ? f.deepCopy(.value(value), resultType) : .value(value) }, { _ in fallback })
    case .get:
      guard case .optional(let inner) = resultType else { return nil }
      let probe = dictFind(dict, lowerArgument(arguments[1]), keyType, .look)
      guard case .value(let found) = optionalIsSome(probe) else { return nil }
      let irType = ModuleLowering.irType(inner)
      let value = builder.load(irType, from: probe, offset: Layout.wordSize)
      return select(found, .ptr, { f in
        f.makeSome(Layout.isAggregate(inner) ? f.deepCopy(.value(value), inner) : .value(value), inner)
      }, { $0.noneValue() })
    case .add:
      _ = dictSlot(dict, lowerArgument(arguments[1]), keyType)
      return nil
    case .remove, .discard:
      _ = dictFind(dict, lowerArgument(arguments[1]), keyType, operation == .remove ? .removeOrRaise : .remove)
      if operation == .remove { branchOnError() }
      return nil
    case .clear:
      _ = runtime(Runtime.dictClear, [dict])
      return nil
    case .update:
      _ = runtime(Runtime.dictUpdate, [dict, lowerArgument(arguments[1])])
      return nil
    case .setDefault:
      let d = materializeInValue(dict)
      let key = materializeInValue(lowerArgument(arguments[1]))
      let fallback = materializeInValue(lowerArgument(arguments[2]))
      let irType = ModuleLowering.irType(resultType)
      let probe = dictFind(d, key, keyType, .look)
      guard case .value(let found) = optionalIsSome(probe) else { return nil }
      let value = builder.load(irType, from: probe, offset: Layout.wordSize)
      return select(found, irType, { _ in .value(value) }, { f in
        f.builder.store(irType, fallback, to: f.dictSlot(d, key, keyType), offset: 0)
        return fallback
      })
    case .setItem:
      preconditionFailure("lowering: a dict slot read as a value")
    default:
      preconditionFailure("handled above")
    }
  }

  /// `d[k] = value`.
  mutating func lowerDictStore(_ arguments: CallArgumentList, value: ExprID) {
    let dict = lowerArgument(arguments[0])
    let key = lowerArgument(arguments[1])
    let operand = lowerValueToStore(value)
    let slot = dictSlot(dict, key, FunctionLowering.keyType(argumentType(arguments[0])))
    builder.store(ModuleLowering.irType(type(of: value)), operand, to: slot, offset: 0)
  }

  /// `d[k] op= value`: reads (raising when absent), then writes the same key.
  mutating func lowerDictUpdate(_ arguments: CallArgumentList, op: Operator, target: ExprID, value: ExprID) {
    let dict = materializeInValue(lowerArgument(arguments[0]))
    let key = materializeInValue(lowerArgument(arguments[1]))
    let keyType = FunctionLowering.keyType(argumentType(arguments[0]))
    let targetType = type(of: target)
    let irType = ModuleLowering.irType(targetType)
    let probe = dictFind(dict, key, keyType, .raise)
    branchOnError()
    let current = builder.load(irType, from: probe, offset: Layout.wordSize)
    let result = lowerBinary(op, .value(current), targetType, lowerExpression(value), type(of: value))
    builder.store(irType, result, to: dictSlot(dict, key, keyType), offset: 0)
  }

  /// `item in d` / `item in s` as an `i1` (negated for `not in`).
  mutating func lowerDictContains(_ item: Operand, in container: Operand, _ containerType: SemaType, negated: Bool) -> Operand {
    let probe = dictFind(container, item, FunctionLowering.keyType(containerType), .look)
    return .value(builder.op(negated ? .ieq : .ine, .value(builder.load(.i64, from: probe, offset: 0)), .int(0)))
  }

  // MARK: - Literals and comprehensions

  /// `{k: v, ...}` or `{a, ...}`: a new table, filled in order.
  mutating func lowerDictLiteral(_ id: ExprID, _ e: ExprNode) -> Operand {
    let t = type(of: id)
    let keyType = FunctionLowering.keyType(t)
    let dict = newDict(keyType: keyType)
    if e.kind == .setLiteral {
      for item in tree.elements(e) { _ = dictSlot(dict, lowerExpression(item), keyType) }
      return dict
    }
    guard case .dict(_, let valueType) = t else { return dict }
    let items = tree.dictEntries(e)
    var k = items.startIndex
    while k < items.endIndex {
      let key = lowerExpression(items[k])
      let value = lowerValueToStore(items[k + 1])
      builder.store(ModuleLowering.irType(valueType), value, to: dictSlot(dict, key, keyType), offset: 0)
      k += 2
    }
    return dict
  }

  /// `[element for x in iterable if condition]`: a loop appending to a new list.
  mutating func lowerComprehension(_ id: ExprID, _ e: ExprNode, slot: UInt32) -> Operand {
    let resultType = type(of: id)
    let list: Operand
    switch resultType {
    case .dict(let k, _), .set(let k):
      list = materializeInValue(newDict(keyType: k))
    default:
      list = materializeInValue(runtime(Runtime.listNew, [.int(Layout.wordSize), .int(0)]))
    }
    lowerComprehensionClause(e, slot: slot, into: list, resultType, value: tree.comprehension(e).value)
    return list
  }

  /// One `for` clause: a loop whose body runs the next clause or adds the element.
  private mutating func lowerComprehensionClause(_ e: ExprNode, slot: UInt32, into list: Operand, _ resultType: SemaType, value: ExprID?) {
    let c = tree.comprehension(e)
    let (element, iterable, condition) = (c.element, c.iterable, c.condition)
    let names = c.tupleTarget.map { tree.elements(tree.expr($0)).count } ?? 1
    let types = FunctionLowering.partTypes(iterable, self)
    lowerIteration(over: iterable, bind: { f, parts in
      if names == 1 {
        f.writeLocal(slot, parts.count == 1 ? parts[0] : f.makeTuple(parts, types))
      } else if parts.count > 1 {
        for k in 0..<names { f.writeLocal(slot + UInt32(k), parts[k]) }
      } else {
        for k in 0..<names {
          let t = f.function.locals[Int(slot) + k]
          f.writeLocal(slot + UInt32(k), .value(f.builder.load(ModuleLowering.irType(t), from: parts[0], offset: Int64(k) * Layout.wordSize)))
        }
      }
    }, body: { f in
      var skip: BlockID?
      if let condition {
        let keep = f.builder.makeBlock()
        skip = f.builder.makeBlock()
        f.builder.branch(if: f.lowerCondition(condition), then: keep, else: skip!)
        f.builder.switchTo(keep)
      }
      let elementNode = f.tree.expr(element)
      if elementNode.kind == .comprehensionClause {
        guard case .comprehension(let inner) = f.checked.exprFacts[Int(element.index)] else {
          preconditionFailure("lowering: an unchecked comprehension clause")
        }
        f.lowerComprehensionClause(elementNode, slot: inner, into: list, resultType, value: value)
      } else {
        f.addComprehensionElement(element, value: value, to: list, resultType)
      }
      if let skip {
        f.builder.branch(to: skip)
        f.builder.switchTo(skip)
      }
    })
  }

  /// Adds the element (a dict's key and `value`) to the comprehension's result.
  private mutating func addComprehensionElement(_ element: ExprID, value: ExprID?, to list: Operand, _ resultType: SemaType) {
    switch resultType {
    case .dict(let k, let v):
      let key = lowerExpression(element)
      let stored = lowerValueToStore(value!)
      builder.store(ModuleLowering.irType(v), stored, to: dictSlot(list, key, k), offset: 0)
    case .set(let k):
      _ = dictSlot(list, lowerExpression(element), k)
    case .list(let elementType):
      let stored = lowerValueToStore(element)
      let address = runtime(Runtime.listAppendSlot, [list, .int(Layout.wordSize)])
      builder.store(ModuleLowering.irType(elementType), stored, to: address, offset: 0)
    default: break
    }
  }

  // MARK: - Loops

  /// Runs `body` once per item of `iterable` (a list, a dict's keys, a set, or a dict view),
  /// after `bind` receives the item. Used by comprehensions; `for` statements use
  /// `lowerForCollection`, which also handles `break`, `continue` and `else`.
  mutating func lowerIteration(over iterable: ExprID, bind: (inout FunctionLowering, [Operand]) -> Void,
                               body: (inout FunctionLowering) -> Void) {
    let (initial, start, next, item) = iterationParts(iterable)
    let counter = builder.makeValue(.i64)
    builder.copy(initial, to: counter)
    let header = builder.makeBlock(), inner = builder.makeBlock(), exit = builder.makeBlock()
    builder.branch(to: header)
    builder.switchTo(header)
    let inRange = start(&self, counter)
    builder.branch(if: inRange, then: inner, else: exit)
    builder.switchTo(inner)
    bind(&self, item(&self, counter))
    body(&self)
    next(&self, counter)
    builder.branch(to: header)
    builder.switchTo(exit)
  }

  /// The pieces of a loop over `iterable`: the header's test (which may advance the counter to
  /// the next live entry), the latch's step, and the item at the counter.
  /// The element types of the parts of an item (`enumerate` and `zip` give two).
  static func partTypes(_ iterable: ExprID, _ f: FunctionLowering) -> [SemaType] {
    guard case .call(.collection(let operation), let start, let count) = f.checked.exprFacts[Int(iterable.index)],
          operation == .enumerate || operation == .zip else { return [] }
    let lists = (0..<Int(count)).map { f.argumentType(f.checked.callArguments[Int(start) + $0]) }
    let elements = lists.map { t -> SemaType in if case .list(let e) = t { return e } else { return .int } }
    return operation == .enumerate ? [.int, elements[0]] : elements
  }

  /// A tuple block holding `parts` (an item of `enumerate` or `zip` bound to one name).
  mutating func makeTuple(_ parts: [Operand], _ types: [SemaType]) -> Operand {
    let block = runtime(Runtime.alloc, [.int(Int64(parts.count) * Layout.wordSize)])
    for (k, part) in parts.enumerated() {
      builder.store(ModuleLowering.irType(types[k]), part, to: block, offset: Int64(k) * Layout.wordSize)
    }
    return block
  }

  private mutating func iterationParts(_ iterable: ExprID) -> (
    Operand, (inout FunctionLowering, ValueID) -> Operand, (inout FunctionLowering, ValueID) -> Void,
    (inout FunctionLowering, ValueID) -> [Operand]
  ) {
    if case .call(.collection(let operation), let first, let count) = checked.exprFacts[Int(iterable.index)],
       operation == .enumerate || operation == .zip || operation == .reversed {
      let sources = (0..<Int(count)).map { materializeInValue(lowerArgument(checked.callArguments[Int(first) + $0])) }
      let types = (0..<Int(count)).map { argumentType(checked.callArguments[Int(first) + $0]) }
      let increment: (inout FunctionLowering, ValueID) -> Void = { f, counter in
        f.builder.emit(.iadd, type: .i64, result: counter, [.value(counter), .int(operation == .reversed ? -1 : 1)])
      }
      func element(_ f: inout FunctionLowering, _ k: Int, _ counter: ValueID) -> Operand {
        guard case .list(let e) = types[k] else { return .int(0) }
        let address = f.listElement(sources[k], .value(counter), at: nil)
        return .value(f.builder.load(ModuleLowering.irType(e), from: address, offset: 0))
      }
      if operation == .reversed {
        if case .dict(let key, _) = types[0] {
          let used = builder.load(.i64, from: sources[0], offset: 2 * Layout.wordSize)
          let initial = Operand.value(builder.op(.isub, .value(used), .int(1)))
          return (initial, { f, counter in
            f.builder.copy(f.runtime(Runtime.dictPrev, [sources[0], .value(counter)]), to: counter)
            return .value(f.builder.op(.ige, .value(counter), .int(0)))
          }, increment, { f, counter in
            let entry = f.runtime(Runtime.dictEntry, [sources[0], .value(counter)])
            return [.value(f.builder.load(ModuleLowering.irType(key), from: entry, offset: 0))]
          })
        }
        let length = builder.load(.i64, from: sources[0], offset: 0)
        return (.value(builder.op(.isub, .value(length), .int(1))),
                { f, counter in .value(f.builder.op(.ige, .value(counter), .int(0))) }, increment,
                { f, counter in [element(&f, 0, counter)] })
      }
      // `enumerate` and `zip`: up to the shortest list's length, read at each test.
      var length = Operand.value(builder.load(.i64, from: sources[0], offset: 0))
      if operation == .zip {
        let other = Operand.value(builder.load(.i64, from: sources[1], offset: 0))
        let current = length
        length = select(builder.op(.ilt, other, current), .i64, { _ in other }, { _ in current })
      }
      let limit = length
      return (.int(0), { f, counter in .value(f.builder.op(.ilt, .value(counter), limit)) }, increment, { f, counter in
        operation == .enumerate ? [.value(counter), element(&f, 0, counter)] : [element(&f, 0, counter), element(&f, 1, counter)]
      })
    }
    if case .call(.range, let first, _) = checked.exprFacts[Int(iterable.index)] {
      // `range(start, stop, step)` (in a comprehension): the counter is the item.
      let args = (0..<3).map { lowerArgument(checked.callArguments[Int(first) + $0]) }
      let stop = materializeInValue(args[1]), step = materializeInValue(args[2])
      return (args[0], { f, counter in
        if case .int(let k) = step { return .value(f.builder.op(k > 0 ? .ilt : .igt, .value(counter), stop)) }
        let up = f.builder.op(.band, .value(f.builder.op(.igt, step, .int(0))), .value(f.builder.op(.ilt, .value(counter), stop)))
        let down = f.builder.op(.band, .value(f.builder.op(.ilt, step, .int(0))), .value(f.builder.op(.igt, .value(counter), stop)))
        return .value(f.builder.op(.bor, .value(up), .value(down)))
      }, { f, counter in f.builder.emit(.iadd, type: .i64, result: counter, [.value(counter), step]) },
      { _, counter in [.value(counter)] })
    }
    var view = CollectionOperation.keys
    var container: Operand
    var containerType = type(of: iterable)
    if case .call(.collection(let operation), let start, _) = checked.exprFacts[Int(iterable.index)],
       [.keys, .values, .items].contains(operation) {
      view = operation
      guard case .expression(let receiver) = checked.callArguments[Int(start)] else { preconditionFailure("lowering: dict view") }
      containerType = type(of: receiver)
      container = lowerExpression(receiver)
    } else {
      container = lowerExpression(iterable)
    }
    container = materializeInValue(container)
    let step: (inout FunctionLowering, ValueID) -> Void = { f, counter in
      f.builder.emit(.iadd, type: .i64, result: counter, [.value(counter), .int(1)])
    }
    if case .list(let element) = containerType {
      let count = builder.load(.i64, from: container, offset: 0)
      return (.int(0), { f, counter in .value(f.builder.op(.ilt, .value(counter), .value(count))) }, step, { f, counter in
        let address = f.listElement(container, .value(counter), at: nil)
        return [.value(f.builder.load(ModuleLowering.irType(element), from: address, offset: 0))]
      })
    }
    var itemType = FunctionLowering.keyType(containerType)
    if view == .values, case .dict(_, let v) = containerType { itemType = v }
    let finalView = view
    let finalContainer = container
    return (.int(0), { f, counter in
      f.builder.copy(f.runtime(Runtime.dictNext, [finalContainer, .value(counter)]), to: counter)
      return .value(f.builder.op(.ige, .value(counter), .int(0)))
    }, step, { f, counter in
      let entry = f.runtime(Runtime.dictEntry, [finalContainer, .value(counter)])
      if finalView == .items { return [entry] }
      return [.value(f.builder.load(ModuleLowering.irType(itemType), from: entry, offset: finalView == .values ? Layout.wordSize : 0))]
    })
  }

  /// `for x in d`, `for x in s`, `for x in d.keys()/values()/items()`, and `for a, b in pairs`
  /// (any iterable of tuples).
  mutating func lowerForCollection(_ id: StmtID, _ s: StmtNode) {
    let loop = tree.forStatement(s)
    let iterable = loop.iterable
    let (initial, start, next, item) = iterationParts(iterable)
    let counter = builder.makeValue(.i64)
    builder.copy(initial, to: counter)
    let types = FunctionLowering.partTypes(iterable, self)
    let slot = checked.stmtSlots[Int(id.index)]
    let names = loop.tupleTarget.map { tree.elements(tree.expr($0)).count } ?? 0
    lowerCountedLoop(id, counter: counter, step: .int(0), body: loop.body, inRange: { f in start(&f, counter) },
                     prologue: { f in
      let parts = item(&f, counter)
      if parts.count > 1 && names == 0 {
        f.writeLocal(slot, f.makeTuple(parts, types))
        return
      }
      if parts.count > 1 {
        for k in 0..<names { f.writeLocal(slot + UInt32(k), parts[k]) }
        return
      }
      let value = parts[0]
      if names == 0 {
        f.writeLocal(slot, value)
        return
      }
      for k in 0..<names {
        let t = f.function.locals[Int(slot) + k]
        f.writeLocal(slot + UInt32(k), .value(f.builder.load(ModuleLowering.irType(t), from: value, offset: Int64(k) * Layout.wordSize)))
      }
    }, latch: { f in next(&f, counter) }, elseBlock: tree.forStatement(s).elseBlock)
  }
}
