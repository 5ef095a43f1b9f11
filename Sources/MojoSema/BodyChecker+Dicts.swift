//! `Dict[K, V]`, `Set[T]` and `Optional[T]` (issue 13 item 3), list comprehensions and `sort`.
//! Keys and set elements are `Int` or `String`; an `Optional` holds a scalar. `d[k]`, `d.pop(k)`
//! and `s.remove(x)` raise Mojo's KeyError; iteration follows insertion order
//! (runtime_dicts.inc). `d.keys()`, `d.values()` and `d.items()` are `for` iterables; an item
//! has `.key` and `.value`.
import MojoDiagnostics
import MojoSyntax

extension SemaType {
  /// `Dict[K, V]`, `Set[T]` or `Optional[T]` from its name and type arguments; nil with
  /// `unsupported` set when mojoc does not support that form.
  static func collection(_ name: String, _ arguments: [SemaType], unsupported: inout Diagnostic?,
                         at location: SourceLocation) -> SemaType? {
    func fail(_ what: String) -> SemaType? {
      unsupported = SemaDiagnostics.notSupportedYet(what, location)
      return nil
    }
    switch (name, arguments.count) {
    case ("Dict", 2):
      guard arguments[0].isHashableKey else { return fail("'Dict' with '\(arguments[0])' keys") }
      return .dict(arguments[0], arguments[1])
    case ("Set", 1):
      guard arguments[0].isHashableKey else { return fail("'Set' of '\(arguments[0])'") }
      return .set(arguments[0])
    case ("Optional", 1):
      guard arguments[0] != .none, arguments[0] != .errorValue else { return fail("'Optional' of '\(arguments[0])'") }
      return .optional(arguments[0])
    default:
      return fail("the type '\(name)' with \(arguments.count) type arguments")
    }
  }

  /// The key types of `Dict` and `Set` that mojoc supports.
  var isHashableKey: Bool {
    switch self {
    case .numeric(let n): return !n.isFloat && n != .codepoint
    case .int, .string: return true
    // Composite keys: hashed and compared word by word (runtime_dicts.inc, `keyShape`).
    case .tuple(let elements): return !elements.isEmpty && elements.count < 128 && elements.allSatisfy { $0 == .bool || $0.isHashableKey }
    case .list(let element): return element.isHashableKey && !element.isComposite
    default: return false
    }
  }

  /// A tuple or a list (a key the runtime hashes through its shape).
  public var isComposite: Bool {
    switch self {
    case .tuple, .list: true
    default: false
    }
  }
}

extension BodyChecker {
  // MARK: - Literals

  /// `{k: v, ...}`: the expected `Dict[K, V]`, or the types of the first pair.
  mutating func checkDictLiteral(_ id: ExprID, _ e: ExprNode, expected: SemaType?) -> SemaType {
    let items = Array(tree.dictEntries(e))
    var key: SemaType, value: SemaType
    if case .dict(let k, let v)? = expected {
      key = k
      value = v
    } else if items.count >= 2 {
      key = checkExpression(items[0], expected: nil).materialized
      value = checkExpression(items[1], expected: nil).materialized
      if key == .error || value == .error { return .error }
      guard key.isHashableKey else {
        report(SemaDiagnostics.notSupportedYet("'Dict' with '\(typeName(key))' keys", location(e.offset)))
        return .error
      }
    } else {
      report(SemaDiagnostics.notSupportedYet("an empty dict literal without a 'Dict[K, V]' type", location(e.offset)))
      return .error
    }
    for (k, item) in items.enumerated() {
      checkValue(item, as: k % 2 == 0 ? key : value)
      checkOwnedValue(item)
    }
    return .dict(key, value)
  }

  /// `{a, b, ...}`: the expected `Set[T]`, or the type of the first element.
  mutating func checkSetLiteral(_ id: ExprID, _ e: ExprNode, expected: SemaType?) -> SemaType {
    let items = Array(tree.elements(e))
    var element: SemaType
    if case .set(let t)? = expected {
      element = t
    } else {
      element = checkExpression(items[0], expected: nil).materialized
      if element == .error { return .error }
      guard element.isHashableKey else {
        report(SemaDiagnostics.notSupportedYet("'Set' of '\(typeName(element))'", location(e.offset)))
        return .error
      }
    }
    for item in items { checkValue(item, as: element) }
    return .set(element)
  }

  /// A `T` value or `None` where an `Optional[T]` is expected: true when `id` (of type `t`)
  /// converts, recording the box the lowering makes.
  mutating func convertsToOptional(_ id: ExprID, _ t: SemaType, _ target: SemaType) -> Bool {
    guard case .optional(let inner) = target else { return false }
    if t == .none && tree.expr(id).kind == .noneLiteral {
      materialize(id, as: target)
      return true
    }
    guard t == inner || (t.isLiteral && convertible(t, to: inner)) else { return false }
    if t.isLiteral { materialize(id, as: inner) }
    result.optionalWraps.insert(id.index)
    return true
  }

  /// Checks `id` as argument `parameter` of `function` of type `target`, reporting a mismatch
  /// as Mojo does for a library method (`invalid call to 'add': value passed to 't' ...`).
  mutating func checkArgument(_ id: ExprID, as target: SemaType, function: String, parameter: String) {
    let type = checkExpression(id, expected: target)
    if type == target || type == .error || target == .error { return }
    if type.isLiteral, convertible(type, to: target) {
      materialize(id, as: target)
      return
    }
    if case .optional = target, convertsToOptional(id, type, target) { return }
    report(SemaDiagnostics.argumentType(function, parameter, from: literalDisplay(id, type), to: typeName(target),
                                        location(startOffset(id))))
  }

  /// `a | b`, `a & b`, `a - b`, `a == b` of sets, `xs + ys` of lists, `o is None`: the result
  /// type, or nil when `op` does not apply (kept out of `binaryResultType`'s common path).
  @inline(never)
  mutating func collectionBinaryResultType(_ op: Operator, _ lt: SemaType, _ rt: SemaType, right: ExprID,
                                           at offset: UInt32) -> SemaType? {
    switch (lt, op) {
    case (.set, .bitOr), (.set, .bitAnd), (.set, .sub): return lt == rt ? lt : nil
    case (.set, .equal), (.set, .notEqual): return lt == rt ? .bool : nil
    case (.list, .add): return lt == rt ? lt : nil
    case (.list, .equal), (.list, .notEqual), (.optional, .equal), (.optional, .notEqual):
      return lt == rt && isDeepEquatable(lt) ? .bool : nil
    case (.optional, .identical), (.optional, .notIdentical):
      return rt == .none && tree.expr(right).kind == .noneLiteral ? .bool : nil
    default: return nil
    }
  }

  /// True when `==` compares values of `t` (deeply, for collections: the lowering's
  /// `equalityFunction`): scalars, and lists, dicts, sets, optionals and tuples of such values,
  /// structs with `__eq__` or `Equatable` ones whose fields are (Mojo 1.2 compares them in order).
  func isDeepEquatable(_ t: SemaType) -> Bool {
    switch t {
    case .int, .float64, .bool, .string, .numeric: return true
    case .list(let e), .set(let e), .optional(let e): return isDeepEquatable(e)
    case .dict(let k, let v): return isDeepEquatable(k) && isDeepEquatable(v)
    case .tuple(let elements): return elements.allSatisfy { isDeepEquatable($0) }
    case .structType(let m, let s):
      let info = program.structs[m][s]
      if let f = info.methods["__eq__"] {
        let signature = program.signatures[m][f]
        return signature.parameters.count == 2 && signature.parameters[1].type == t && signature.result == .bool
      }
      return conformsToEquatable(info) && info.fieldTypes.allSatisfy { isDeepEquatable($0) }
    default: return false
    }
  }

  /// Declares `Equatable` (or `EqualityComparable`), directly or through a user trait.
  func conformsToEquatable(_ info: StructInfo) -> Bool {
    var pending = info.conformances
    var seen = 0
    while let trait = pending.popLast(), seen < 64 {
      seen += 1
      switch trait {
      case .builtin(.equatable), .builtin(.equalityComparable), .builtin(.comparable): return true
      case .user(let m, let i): pending += program.traits[m][i].parents
      default: break
      }
    }
    return false
  }

  // MARK: - Comprehensions

  /// `[element for name in iterable if condition]`: a `List` of the element's type.
  mutating func checkComprehension(_ id: ExprID, _ e: ExprNode, expected: SemaType?) -> SemaType {
    // The element (a dict's key) and, for a dict, the value: the expected types, or their own.
    var expectedTypes: [SemaType]?
    switch (e.kind, expected) {
    case (.listComprehension, .list(let t)?), (.setComprehension, .set(let t)?): expectedTypes = [t]
    case (.dictComprehension, .dict(let k, let v)?): expectedTypes = [k, v]
    default: break
    }
    let value = tree.comprehension(e).value
    guard let types = checkComprehensionClause(id, e, value: value, expectedTypes: expectedTypes) else { return .error }
    switch e.kind {
    case .setComprehension, .dictComprehension:
      guard types[0].isHashableKey else {
        report(SemaDiagnostics.notSupportedYet("a comprehension with '\(typeName(types[0]))' keys", location(e.offset)))
        return .error
      }
      return e.kind == .setComprehension ? .set(types[0]) : .dict(types[0], types[1])
    default:
      return .list(types[0])
    }
  }

  /// One `for` clause of a comprehension: its variables in a new scope, its condition, then
  /// the next clause or the element (and a dict's `value`). The element's types, or nil.
  private mutating func checkComprehensionClause(_ id: ExprID, _ e: ExprNode, value: ExprID?, expectedTypes: [SemaType]?) -> [SemaType]? {
    let c = tree.comprehension(e)
    let (element, iterable) = (c.element, c.iterable)
    let itemType = iterationElementType(iterable)
    scopes.push()
    defer { scopes.pop() }
    var names: [(NameID, SemaType)] = []
    if let tupleTarget = c.tupleTarget {
      let targets = Array(tree.elements(tree.expr(tupleTarget)))
      var types = [SemaType](repeating: .error, count: targets.count)
      if case .tuple(let elements) = itemType, elements.count == targets.count {
        types = elements
      } else if itemType != .error {
        report(SemaDiagnostics.notSupportedYet("unpacking a '\(typeName(itemType))' into \(targets.count) names", location(c.variableOffset)))
      }
      for (k, target) in targets.enumerated() { names.append((tree.nameReference(tree.expr(target)), types[k])) }
    } else {
      names.append((c.variable ?? .none, itemType))
    }
    let slot = UInt32(locals.count)
    for (name, type) in names {
      locals.append(type)
      isIndirect.append(false)
      slotOffsets.append(c.variableOffset)
      let s = UInt32(locals.count - 1)
      if name.exists && tree.name(name) != "_" { scopes.declare(name, .variable(slot: s, mutable: false)) }
      markAssigned(s)
    }
    if let condition = c.condition { checkCondition(condition) }
    result.exprFacts[Int(id.index)] = .comprehension(slot: slot)
    let elementNode = tree.expr(element)
    if elementNode.kind == .comprehensionClause {
      let types = checkComprehensionClause(element, elementNode, value: value, expectedTypes: expectedTypes)
      return itemType == .error ? nil : types
    }
    var pieces = [element]
    if let value { pieces.append(value) }
    var types: [SemaType] = []
    for (k, part) in pieces.enumerated() {
      if let expectedTypes {
        checkValue(part, as: expectedTypes[k])
        types.append(expectedTypes[k])
      } else {
        var t = checkExpression(part, expected: nil)
        if t.isLiteral { t = t.materialized; materialize(part, as: t) }
        types.append(t)
      }
      checkOwnedValue(part)
    }
    if types.contains(.error) || itemType == .error { return nil }
    return types
  }

  /// The type of the items a `for` (or a comprehension) takes from `iterable`: a list's
  /// elements, a dict's keys, a set's elements, or what `keys()`, `values()`, `items()` give.
  mutating func iterationElementType(_ iterable: ExprID) -> SemaType {
    let node = tree.expr(iterable)
    if node.kind == .call, case let call = tree.call(node), call.arguments.isEmpty,
       case let callee = tree.expr(call.callee), callee.kind == .member {
      let (receiver, methodName) = tree.member(callee)
      let method = tree.name(methodName)
      if ["keys", "values", "items"].contains(method) {
        let t = checkExpression(receiver, expected: nil)
        if case .dict(let k, let v) = t {
          let operation: CollectionOperation = method == "keys" ? .keys : method == "values" ? .values : .items
          record(iterable, .collection(operation), [.expression(receiver)])
          result.exprTypes[Int(iterable.index)] = t
          return method == "keys" ? k : method == "values" ? v : .dictEntry(k, v)
        }
        if t != .error { report(SemaDiagnostics.noAttribute(typeName(t), method, location(callee.offset))) }
        return .error
      }
    }
    if node.kind == .call, tree.plainName(tree.call(node).callee) == rangeName, lookupLocal(rangeName) == nil {
      return checkRangeCall(iterable, node)
    }
    if let t = checkIterableCall(iterable, node) { return t }
    var expected: SemaType?
    if node.kind == .listLiteral, let first = tree.elements(node).first {
      // `for x in [1, 2, 3]`: a list of the first element's type.
      expected = .list(checkExpression(first, expected: nil).materialized)
    }
    let t = checkExpression(iterable, expected: expected)
    switch t {
    case .list(let e), .set(let e), .dict(let e, _): return e
    case .error: return .error
    default:
      report(SemaDiagnostics.notSupportedYet("iterating over '\(typeName(t))'", location(node.offset)))
      return .error
    }
  }

  /// `enumerate(xs)`, `zip(xs, ys)` (lists) and `reversed(xs)` (a list or a dict's keys) as
  /// iterables: the item type, or nil when `node` is none of these calls.
  mutating func checkIterableCall(_ iterable: ExprID, _ node: ExprNode) -> SemaType? {
    guard node.kind == .call, let nameID = tree.plainName(tree.call(node).callee) else { return nil }
    let name = tree.name(nameID)
    guard ["enumerate", "zip", "reversed"].contains(name), lookupLocal(nameID) == nil, global(nameID) == nil else { return nil }
    let args = Array(tree.call(node).arguments)
    guard args.count == (name == "zip" ? 2 : 1), !args.contains(where: { $0.label.exists }) else {
      report(SemaDiagnostics.notSupportedYet("this form of '\(name)(...)'", location(node.offset)))
      for a in args { _ = checkExpression(a.value, expected: nil) }
      return .error
    }
    var elements: [SemaType] = []
    for a in args {
      let t = checkExpression(a.value, expected: nil)
      switch (t, name) {
      case (.list(let e), _): elements.append(e)
      case (.dict(let k, _), "reversed"): elements.append(k)
      case (.error, _): return .error
      default:
        report(SemaDiagnostics.notSupportedYet("'\(name)' of a '\(typeName(t))'", location(startOffset(a.value))))
        return .error
      }
    }
    let operation: CollectionOperation = name == "enumerate" ? .enumerate : name == "zip" ? .zip : .reversed
    record(iterable, .collection(operation), args.map { .expression($0.value) })
    result.exprTypes[Int(iterable.index)] = result.exprTypes[Int(args[0].value.index)]
    switch operation {
    case .enumerate: return .tuple([.int, elements[0]])
    case .zip: return .tuple(elements)
    default: return elements[0]
    }
  }

  // MARK: - Indexing

  /// `d[k]` read: the value, raising a KeyError when the key is absent.
  mutating func checkDictIndex(_ id: ExprID, base: ExprID, key: ExprID, _ keyType: SemaType, _ valueType: SemaType) -> SemaType {
    checkArgument(key, as: keyType, function: "__getitem__", parameter: "key")
    record(id, .collection(.getItem), [.expression(base), .expression(key)])
    return valueType
  }

  /// `d[k] = value` (and `d[k] op= value`, which also reads): true when `target` is an element
  /// of a dict, after checking it.
  mutating func checkDictStore(_ target: ExprID, value: ExprID, op: Operator?) -> Bool {
    let t = tree.expr(target)
    guard t.kind == .index else { return false }
    let (base, key) = tree.subscriptParts(t)
    guard case .dict(let k, let v) = checkExpression(base, expected: nil) else { return false }
    if !isMutablePlace(base) { report(SemaDiagnostics.mustBeMutable(inPlace: op != nil, location(placeOffset(base)))) }
    checkArgument(key, as: k, function: "__getitem__", parameter: "key")
    if let op {
      record(target, .collection(.getItem), [.expression(base), .expression(key)])
      let rightType = checkExpression(value, expected: op == .pow ? .int : v)
      let resultType = binaryResultType(op, v, rightType, left: target, right: value, at: t.offset, inPlace: true)
      if resultType != .error && resultType != v {
        report(SemaDiagnostics.cannotConvert(resultType.description, v, location(tree.expr(value).offset)))
      }
    } else {
      checkValue(value, as: v)
      checkOwnedValue(value)
      let start = UInt32(result.callArguments.count)
      result.callArguments.append(contentsOf: [.expression(base), .expression(key)])
      result.exprFacts[Int(target.index)] = .call(.collection(.setItem), start: start, count: 2)
    }
    result.exprTypes[Int(target.index)] = v
    return true
  }

  // MARK: - Constructors and methods

  /// The type `Dict[K, V]`, `Set[T]` or `Optional[T]` written as an expression; nil when `e`
  /// is none of these, `.some(nil)` after reporting.
  mutating func collectionType(_ e: ExprNode) -> SemaType?? {
    guard e.kind == .index else { return nil }
    let (baseID, index) = tree.subscriptParts(e)
    let base = tree.expr(baseID)
    guard let baseName = tree.plainName(base), lookupLocal(baseName) == nil, global(baseName) == nil else { return nil }
    let name = tree.name(baseName)
    guard ["Dict", "Set", "Optional"].contains(name) else { return nil }
    let arguments = tree.expr(index).kind == .tuple ? Array(tree.elements(tree.expr(index))) : [index]
    var types: [SemaType] = []
    for argument in arguments {
      guard let t = typeFromExpression(argument) else { return .some(nil) }
      types.append(t)
    }
    var unsupported: Diagnostic?
    guard let type = SemaType.collection(name, types, unsupported: &unsupported, at: location(base.offset)) else {
      report(unsupported!)
      return .some(nil)
    }
    return type
  }

  /// `Dict[K, V]()`, `Set[T]()`, `Optional[T](value)`; nil when `callee` is none of these.
  mutating func checkCollectionConstructor(_ id: ExprID, _ e: ExprNode, _ callee: ExprNode, _ args: [Argument]) -> SemaType? {
    guard let named = collectionType(callee) else { return nil }
    guard let type = named else { return .error }
    if case .optional = type, args.isEmpty {
      record(id, .collection(.emptyOptional), [])
      return type
    }
    if case .optional(let inner) = type {
      guard args.count == 1, !args[0].label.exists else {
        report(SemaDiagnostics.notSupportedYet("this form of 'Optional(...)'", location(e.offset)))
        return .error
      }
      _ = inner
      checkValue(args[0].value, as: type)  // a `T` value (boxed) or `None`
      record(id, .collection(.optionalFrom), [.expression(args[0].value)])
      return type
    }
    if case .set(let element) = type, !args.isEmpty { return checkSetConstructor(id, e, args, element: element) }
    guard args.isEmpty else {
      report(SemaDiagnostics.notSupportedYet("arguments to '\(tree.name(tree.nameReference(tree.expr(tree.subscriptParts(callee).base))))(...)'", location(e.offset)))
      return .error
    }
    record(id, .collection(.new), [])
    return type
  }

  /// Methods of `Dict`, `Set` and `Optional` values; nil when the receiver is none of these.
  mutating func checkCollectionMethod(_ id: ExprID, _ callee: ExprNode, _ args: [Argument]) -> SemaType? {
    let (receiver, methodName) = tree.member(callee)
    let receiverType = result.exprTypes[Int(receiver.index)]
    let method = tree.name(methodName)
    let at = location(callee.offset)
    let positional = args.allSatisfy { !$0.label.exists }
    func call(_ operation: CollectionOperation, _ types: [SemaType], returning type: SemaType) -> SemaType {
      let parameters: [String]
      switch operation {
      case .get, .getOrDefault, .pop, .popOrDefault, .setDefault: parameters = ["key", "default"]
      case .add, .remove, .discard: parameters = ["t"]
      default: parameters = ["value"]
      }
      for (k, a) in args.enumerated() {
        checkArgument(a.value, as: types[k], function: method, parameter: k < parameters.count ? parameters[k] : "other")
      }
      record(id, .collection(operation), [.expression(receiver)] + args.map { .expression($0.value) })
      return type
    }
    func mutating() {
      if !isMutablePlace(receiver) {
        report(SemaDiagnostics.mutatingMethodOnRvalue(method, typeName(receiverType), location(startOffset(receiver))))
      }
    }
    switch (receiverType, method, args.count) {
    case (.dict(let k, let v), "get", 1) where positional, (.dict(let k, let v), "find", 1) where positional:
      return call(.get, [k], returning: .optional(v))
    case (.dict(let k, let v), "get", 2) where positional: return call(.getOrDefault, [k, v], returning: v)
    case (.dict(let k, let v), "pop", 1) where positional: mutating(); return call(.pop, [k], returning: v)
    case (.dict(let k, let v), "pop", 2) where positional: mutating(); return call(.popOrDefault, [k, v], returning: v)
    case (.dict, "clear", 0), (.set, "clear", 0): mutating(); return call(.clear, [], returning: .none)
    case (.dict(let k, let v), "setdefault", 2) where positional && v.isScalar:
      mutating()
      return call(.setDefault, [k, v], returning: v)
    case (.dict, "update", 1) where positional: mutating(); return call(.update, [receiverType], returning: .none)
    case (.set, "union", 1) where positional: return call(.union, [receiverType], returning: receiverType)
    case (.set, "intersection", 1) where positional: return call(.intersection, [receiverType], returning: receiverType)
    case (.set, "difference", 1) where positional: return call(.difference, [receiverType], returning: receiverType)
    case (.set, "symmetric_difference", 1) where positional:
      return call(.symmetricDifference, [receiverType], returning: receiverType)
    case (.set, "issubset", 1) where positional: return call(.isSubset, [receiverType], returning: .bool)
    case (.set, "issuperset", 1) where positional: return call(.isSuperset, [receiverType], returning: .bool)
    case (.set, "isdisjoint", 1) where positional: return call(.isDisjoint, [receiverType], returning: .bool)
    case (.set, "update", 1) where positional: mutating(); return call(.update, [receiverType], returning: .none)
    case (.dict, "keys", 0), (.dict, "values", 0), (.dict, "items", 0):
      report(SemaDiagnostics.notSupportedYet("'\(method)()' outside a 'for' iterable", at))
      return .error
    case (.set(let t), "add", 1) where positional: mutating(); return call(.add, [t], returning: .none)
    case (.set(let t), "remove", 1) where positional: mutating(); return call(.remove, [t], returning: .none)
    case (.set(let t), "discard", 1) where positional: mutating(); return call(.discard, [t], returning: .none)
    case (.optional(let t), "value", 0): return call(.value, [], returning: t)
    case (.optional(let t), "or_else", 1) where positional: return call(.orElse, [t], returning: t)
    case (.optional, "__bool__", 0):
      record(id, .convertToBool, [.expression(receiver)])
      return .bool
    case (.dict, _, _), (.set, _, _), (.optional, _, _):
      report(SemaDiagnostics.notSupportedYet("'\(typeName(receiverType)).\(method)' with these arguments", at))
      for a in args { _ = checkExpression(a.value, expected: nil) }
      return .error
    default:
      return nil
    }
  }

  /// `sort(list)`: the list is sorted in place (a mutable `List` of `Int`, `Float64`, `Bool`
  /// or `String`).
  mutating func checkSort(_ id: ExprID, _ e: ExprNode, _ args: [Argument]) -> SemaType {
    if args.count == 2, !args.contains(where: { $0.label.exists }), let type = checkSortWith(id, e, args) { return type }
    guard args.count == 1, !args[0].label.exists else {
      report(SemaDiagnostics.notSupportedYet("this form of 'sort(...)'", location(e.offset)))
      for a in args { _ = checkExpression(a.value, expected: nil) }
      return .error
    }
    let list = args[0].value
    let t = checkExpression(list, expected: nil)
    // Sized numeric elements sort as `Int` or `Float64` do (not `UInt64`/`UInt`: unsigned order).
    guard case .list(let element) = t, [.int, .float64, .bool, .string].contains(element)
            || element.numeric.map({ !$0.isWideUnsigned }) == true else {
      if t != .error { report(SemaDiagnostics.notSupportedYet("'sort' of a '\(typeName(t))'", location(startOffset(list)))) }
      return .error
    }
    if !isMutablePlace(list) { report(SemaDiagnostics.argumentNotMutable("sort", "span", location(startOffset(list)))) }
    record(id, .collection(.sort), [.expression(list)])
    return .none
  }
}

extension BodyChecker {
  /// `Set(a, b, ...)`, `Set(list)`, and `Set[T](...)` (`element` given): the elements, or every
  /// element of a `List[T]`, in order.
  mutating func checkSetConstructor(_ id: ExprID, _ e: ExprNode, _ args: [Argument], element known: SemaType?) -> SemaType {
    guard !args.isEmpty, !args.contains(where: { $0.label.exists }) else {
      report(SemaDiagnostics.notSupportedYet("this form of 'Set(...)'", location(e.offset)))
      return checkArgumentsOnly(args)
    }
    let first = checkExpression(args[0].value, expected: known)
    if first.isError { return checkArgumentsOnly(Array(args.dropFirst())) }
    if args.count == 1, case .list(let listElement) = first, known == nil || known == listElement {
      guard listElement.isHashableKey else {
        report(SemaDiagnostics.notSupportedYet("'Set' of '\(typeName(listElement))'", location(e.offset)))
        return .error
      }
      record(id, .collection(.setFromList), [.expression(args[0].value)])
      return .set(listElement)
    }
    let element = known ?? first.materialized
    guard element.isHashableKey else {
      report(SemaDiagnostics.notSupportedYet("'Set' of '\(typeName(element))'", location(e.offset)))
      return checkArgumentsOnly(Array(args.dropFirst()))
    }
    convertValue(args[0].value, first, to: element)
    for a in args.dropFirst() { checkValue(a.value, as: element) }
    record(id, .collection(.setFromElements), args.map { .expression($0.value) })
    return .set(element)
  }
}

extension BodyChecker {
  /// `sort(list, cmp)` with `cmp` a (nested or module) function `def(a: T, b: T) -> Bool` of
  /// the list's element type; nil when the second argument is not a function's name.
  mutating func checkSortWith(_ id: ExprID, _ e: ExprNode, _ args: [Argument]) -> SemaType? {
    let comparator = tree.expr(args[1].value)
    guard comparator.kind == .name, case let name = tree.nameReference(comparator), lookupLocal(name) == nil,
          case .function(let m, let f)? = global(name) else { return nil }
    let list = args[0].value
    let t = checkExpression(list, expected: nil)
    if t.isError { return .error }
    let signature = program.signatures[m][f]
    guard case .list(let element) = t, !signature.isGeneric, !signature.raises, signature.result == .bool,
          signature.parameters.count == 2, signature.parameters.allSatisfy({ $0.type == element && !$0.isByReference }) else {
      report(SemaDiagnostics.notSupportedYet("this form of 'sort(...)'", location(e.offset)))
      return .error
    }
    if !isMutablePlace(list) { report(SemaDiagnostics.argumentNotMutable("sort", "span", location(startOffset(list)))) }
    record(id, .sortWith(module: m, function: f), [.expression(list)])
    return SemaType.none
  }
}
