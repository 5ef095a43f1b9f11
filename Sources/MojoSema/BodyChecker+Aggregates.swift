//! Lists and structs (LANGUAGE.md §9, §10.2): element and field access, list literals in a
//! `List[T]` context, constructors, methods, and the mutability of places.
import MojoDiagnostics
import MojoSyntax

extension BodyChecker {
  // MARK: - Places

  /// True when `id` names storage the current function may write: a `var`, a `mut` parameter
  /// (or `self` in a `mut` method), or a field or element reached through one.
  func isMutablePlace(_ id: ExprID) -> Bool {
    let e = tree.expr(id)
    switch e.kind {
    case .name:
      if case .variable(_, let mutable)? = lookupLocal(tree.nameReference(e)) { return mutable }
      return false
    case .member:
      guard case .field = result.exprFacts[Int(id.index)] else { return false }
      return isMutablePlace(tree.member(e).base)
    case .index:
      return isMutablePlace(tree.subscriptParts(e).base)
    default:
      return false
    }
  }

  /// The local slot a place is reached from (`xs` for `xs[i].f`), if any.
  func placeRoot(_ id: ExprID) -> UInt32? {
    let e = tree.expr(id)
    switch e.kind {
    case .name:
      if case .local(let slot) = result.exprFacts[Int(id.index)] { return slot }
      return nil
    case .member, .index: return placeRoot(tree.base(of: e))
    default: return nil
    }
  }

  /// Where a mutability error about a place points (the root variable, as the reference does).
  func placeOffset(_ id: ExprID) -> UInt32 {
    let e = tree.expr(id)
    switch e.kind {
    case .member: return e.offset  // the `.`, as Mojo reports a read-only field
    case .index: return placeOffset(tree.subscriptParts(e).base)
    default: return e.offset
    }
  }

  /// Records that a scalar local is passed to a `mut` parameter: it must live in memory.
  mutating func markAddressTaken(_ id: ExprID) {
    let e = tree.expr(id)
    if e.kind == .name, case .local(let slot) = result.exprFacts[Int(id.index)], locals[Int(slot)].isScalar {
      isIndirect[Int(slot)] = true
    }
  }

  // MARK: - Indexing and literals

  mutating func checkIndex(_ id: ExprID, _ e: ExprNode) -> SemaType {
    let itemValue = pendingItemValue
    pendingItemValue = nil
    let (baseID, index) = tree.subscriptParts(e)
    let base = checkExpression(baseID, expected: nil)
    if e.kind == .index, base.isStruct {
      return checkItemCall(id, base: baseID, type: base, indices: parameterExpressions(e), value: itemValue)
    }
    if case .dict(let k, let v) = base, e.kind == .index { return checkDictIndex(id, base: baseID, key: index, k, v) }
    let indexType = checkExpression(index, expected: .int)
    if indexType == .intLiteral { materialize(index, as: .int) }
    if indexType != .int && indexType != .intLiteral && indexType != .error {
      report(SemaDiagnostics.noMatchingMethod("__getitem__", location(startOffset(index))))
      return .error
    }
    if case .tuple(let elements) = base, e.kind == .index { return tupleElementType(elements, index: index, at: e.offset) }
    if e.kind == .byteIndex {
      if base == .string || base == .stringLiteral { materialize(baseID, as: .string); return .string }
      if base != .error { report(SemaDiagnostics.noAttribute(base.description, "__getitem__", location(e.offset))) }
      return .error
    }
    if case .list(let element) = base {
      if case .constant(.int(let k)) = result.exprFacts[Int(index.index)], k < 0 {
        report(SemaDiagnostics.notSupportedYet("a negative index", location(tree.expr(index).offset)))
      }
      return element
    }
    if base == .string || base == .stringLiteral {
      report(SemaDiagnostics.stringPositionalIndex(location(e.offset)))
    } else if base != .error {
      report(SemaDiagnostics.noAttribute(base.description, "__getitem__", location(e.offset)))
    }
    return .error
  }

  mutating func checkListLiteral(_ id: ExprID, _ e: ExprNode, expected: SemaType?) -> SemaType {
    let items = tree.elements(e)
    let element: SemaType
    var firstChecked = false
    if case .list(let expectedElement)? = expected {
      element = expectedElement
    } else {
      // Without a `List[T]` context Mojo 1.2 makes the literal an `Array[T, N]` whose element type
      // is the first element's; mojoc gives it the same element type as a `List` (same printing,
      // indexing, iteration and copy rules; see README.md "Language status" for what this accepts that
      // Mojo rejects).
      guard let first = items.first else {
        report(SemaDiagnostics.emptyListWithoutContextualType(location(e.offset)))
        return .error
      }
      let firstType = checkExpression(first, expected: nil)
      if firstType.isError { return .error }
      element = firstType.materialized
      if firstType.isLiteral { materialize(first, as: element) }
      checkOwnedValue(first)
      firstChecked = true
    }
    let before = diagnostics.count
    for item in items.dropFirst(firstChecked ? 1 : 0) {
      checkValue(item, as: element)
      checkOwnedValue(item)
    }
    // An element of the wrong type is reported by Mojo as a failed list initialization at `[`.
    if diagnostics.count > before,
       diagnostics[before].is(SemaDiagnostics.Kind.cannotConvert) || SemaDiagnostics.isInstantiationFailure(diagnostics[before]) {
      diagnostics.removeSubrange(before...)
      report(SemaDiagnostics.noMatchingInitialization(location(e.offset)))
    }
    return .list(element)
  }

  // MARK: - Calls on types and values

  /// `Point(...)`: the fieldwise initializer or `__init__`.
  mutating func checkConstructor(_ id: ExprID, _ e: ExprNode, module m: Int, index s: Int, _ args: [Argument],
                                 type bound: SemaType? = nil) -> SemaType {
    var bound = bound
    if bound == nil && !program.structs[m][s].genericParameters.isEmpty {
      guard let inferred = inferStructType(e, module: m, index: s, args) else { return .error }
      bound = inferred
    }
    // Mojo reports any argument mismatch of a constructor as one "no matching function in
    // initialization" at the `(`; errors inside the arguments themselves stay as they are.
    let before = diagnostics.count
    let type = constructorType(id, e, module: m, index: s, args, type: bound ?? .structType(module: m, index: s))
    let mismatches: [SemaDiagnostics.Kind] = [.argumentType, .missingArgument, .unexpectedArgument, .positionalAfterKeyword,
                                              .notSupportedYet]
    if diagnostics.count > before,
       mismatches.contains(where: diagnostics[before].is) || SemaDiagnostics.isInstantiationFailure(diagnostics[before]) {
      diagnostics.removeSubrange(before...)
      report(SemaDiagnostics.noMatchingInitialization(location(e.offset)))
    }
    return type
  }

  private mutating func constructorType(_ id: ExprID, _ e: ExprNode, module m: Int, index s: Int, _ args: [Argument],
                                        type: SemaType) -> SemaType {
    let info = program.structInfo(type)!
    var structArguments: [SemaType]?
    if case .boundStruct(_, _, let a) = type { structArguments = a }
    let target: CallTarget = structArguments.map { .constructBound(module: m, index: s, arguments: $0) } ?? .construct(module: m, index: s)
    if structArguments == nil, info.initializers.count > 1 {
      guard let chosen = chooseInitializer(info.initializers, module: m, args) else {
        for a in args { _ = checkExpression(a.value, expected: nil) }
        report(SemaDiagnostics.noMatchingInitialization(location(e.offset)))
        return type
      }
      var signature = program.signatures[m][chosen]
      signature.parameters.removeFirst()  // `out self`
      signature.displayName = info.name
      guard let arguments = matchArguments(e, signature, args) else { return type }
      record(id, .constructWith(module: m, index: s, initializer: chosen), arguments)
      return type
    }
    if let initializer = info.initializer {
      var signature = program.signatures[m][initializer]
      if let structArguments {
        guard signature.genericParameters.count == structArguments.count else {
          report(SemaDiagnostics.notSupportedYet("a generic initializer", location(e.offset)))
          return type
        }
        signature = signature.substituting(structArguments)
        result.requestedInstances.insert(FunctionInstance(module: m, function: initializer, arguments: structArguments.map { .type($0) }))
      }
      signature.parameters.removeFirst()  // `out self`
      signature.displayName = info.name
      guard let arguments = matchArguments(e, signature, args) else { return type }
      record(id, target, arguments)
    } else if info.isFieldwiseInit {
      let parameters = zip(info.fieldNames, info.fieldTypes).map {
        ParameterInfo(name: $0.0, type: $0.1, defaultValue: nil, convention: .read)
      }
      let signature = FunctionSignature(displayName: info.name, parameters: parameters, result: type, symbol: "", raises: false)
      guard let arguments = matchArguments(e, signature, args) else { return type }
      for case .expression(let value) in arguments { checkOwnedValue(value) }  // fields own their values
      record(id, target, arguments)
    } else {
      report(SemaDiagnostics.notSupportedYet("constructing '\(info.name)' without an initializer", location(e.offset)))
    }
    return type
  }

  /// `List[T](...)`.
  /// `List(length=n, fill=v)` without `[T]`: the element type is the fill value's.
  mutating func checkUntypedListConstructor(_ id: ExprID, _ e: ExprNode, _ args: [Argument]) -> SemaType {
    let labels = Set(args.map { $0.label.exists ? tree.name($0.label) : "" })
    guard labels == ["length", "fill"], args.count == 2, let fill = args.first(where: { tree.name($0.label) == "fill" }) else {
      report(SemaDiagnostics.notSupportedYet("this form of 'List(...)'", location(e.offset)))
      return checkArgumentsOnly(args)
    }
    let t = checkExpression(fill.value, expected: nil)
    if t.isError { return checkArgumentsOnly(args) }
    return checkListConstructor(id, e, element: t.materialized, args)
  }

  mutating func checkListConstructor(_ id: ExprID, _ e: ExprNode, element: SemaType, _ args: [Argument]) -> SemaType {
    let labels = args.map { $0.label.exists ? tree.name($0.label) : "" }
    switch labels {
    case []:
      record(id, .listNew(element: element, form: .empty), [])
    case ["length", "fill"], ["fill", "length"]:
      let length = args[labels.firstIndex(of: "length")!].value, fill = args[labels.firstIndex(of: "fill")!].value
      checkValue(length, as: .int)
      checkValue(fill, as: element)
      record(id, .listNew(element: element, form: .lengthFill), [.expression(length), .expression(fill)])
    case ["capacity"]:
      checkValue(args[0].value, as: .int)
      record(id, .listNew(element: element, form: .capacity), [.expression(args[0].value)])
    default:
      report(SemaDiagnostics.notSupportedYet("this form of 'List(...)'", location(e.offset)))
      for a in args { _ = checkExpression(a.value, expected: nil) }
    }
    return .list(element)
  }

  /// The element type named by `List[T]` used as a callee, or nil if `callee` is not one.
  mutating func listTypeArgument(_ callee: ExprNode) -> SemaType?? {
    guard callee.kind == .index else { return nil }
    let (base, argument) = tree.subscriptParts(callee)
    guard tree.plainName(base) == listName, lookupLocal(listName) == nil else { return nil }
    return .some(typeFromExpression(argument))
  }

  /// Reads a type written as an expression (`Int`, `List[Float64]`, `Point`).
  mutating func typeFromExpression(_ id: ExprID) -> SemaType? {
    let e = tree.expr(id)
    if e.kind == .index, let inner = listTypeArgument(e) { return inner.map { .list($0) } }
    if e.kind == .index, let elements = tupleTypeArguments(e) { return elements.map { .tuple($0) } }
    if e.kind == .index, let bound = boundStructType(e) { return bound }
    if e.kind == .index, let collection = collectionType(e) { return collection }
    // `Self.T` inside a generic struct's method.
    if e.kind == .member, case let (base, member) = tree.member(e), let baseName = tree.plainName(base),
       tree.name(baseName) == "Self", let t = typeEnvironment[tree.name(member)] {
      return t
    }
    guard let nameID = tree.plainName(e) else {
      report(SemaDiagnostics.notSupportedYet("this type expression", location(e.offset)))
      return nil
    }
    if !typeEnvironment.isEmpty, lookupLocal(nameID) == nil, let t = typeEnvironment[tree.name(nameID)] {
      return t
    }
    let name = tree.name(nameID)
    switch name {
    case "Int": return .int
    case "Float64": return .float64
    case "Bool": return .bool
    case "String": return .string
    case "StaticString" where global(nameID) == nil: return .string
    default:
      if let n = NumericType(name: name), lookupLocal(nameID) == nil, global(nameID) == nil { return .numeric(n) }
      if case .comptime(let am, let ai)? = global(nameID), let aliased = program.typeAliases[am][ai] { return aliased }
      if case .structType(let m, let i)? = global(nameID) {
        if !program.structs[m][i].genericParameters.isEmpty {
          report(SemaDiagnostics.notSupportedYet("inferring the parameters of '\(name)'", location(e.offset)))
          return nil
        }
        return .structType(module: m, index: i)
      }
      report(unknownDeclaration(name, at: e.offset))
      return nil
    }
  }

  /// Methods on values: struct methods, list methods, `.copy()`, `String.byte_length()`.
  mutating func checkValueMethod(_ id: ExprID, _ e: ExprNode, _ callee: ExprNode, _ args: [Argument]) -> SemaType? {
    let (receiver, methodName) = tree.member(callee)
    let receiverType = result.exprTypes[Int(receiver.index)]
    let method = tree.name(methodName)
    let at = location(callee.offset)
    if method == "copy" && args.isEmpty {
      switch receiverType {
      case .list, .structType, .boundStruct, .dict, .set, .int, .float64, .bool, .string, .tuple, .numeric:
        record(id, .copy, [.expression(receiver)])
        return receiverType
      case .intLiteral, .floatLiteral, .stringLiteral:
        materialize(receiver, as: receiverType.materialized)
        record(id, .copy, [.expression(receiver)])
        return receiverType.materialized
      default: break
      }
    }
    if method == "write" && (receiverType == .string) {
      return checkWrite(id, receiver: receiver, args)
    }
    if case .list(let element) = receiverType {
      let mutating = ["append", "pop", "insert", "clear", "extend", "reverse"].contains(method)
      if mutating && !isMutablePlace(receiver) {
        report(SemaDiagnostics.mutatingMethodOnRvalue(method, typeName(receiverType), location(startOffset(receiver))))
      }
      switch (method, args.count) {
      case ("append", 1):
        let before = diagnostics.count
        checkValue(args[0].value, as: element)
        // A typed value of another type: Mojo names the method's parameter.
        if diagnostics.count == before + 1, diagnostics[before].is(SemaDiagnostics.Kind.cannotConvert),
           case let t = result.exprTypes[Int(args[0].value.index)], !t.isLiteral, !t.isError {
          diagnostics[before] = SemaDiagnostics.argumentType("append", "value", t, element, diagnostics[before].location)
        }
        checkOwnedValue(args[0].value)
        record(id, .listAppend, [.expression(receiver), .expression(args[0].value)])
        return SemaType.none
      case ("pop", 0), ("pop", 1):
        var arguments: [CallArgument] = [.expression(receiver)]
        if args.count == 1 {
          checkValue(args[0].value, as: .int)
          arguments.append(.expression(args[0].value))
        } else {
          arguments.append(.constant(.int(-1), .int))
        }
        record(id, .listPop, arguments)
        return element
      case ("insert", 2):
        checkValue(args[0].value, as: .int)
        checkValue(args[1].value, as: element)
        checkOwnedValue(args[1].value)
        record(id, .listInsert, [.expression(receiver), .expression(args[0].value), .expression(args[1].value)])
        return SemaType.none
      case ("clear", 0):
        record(id, .listClear, [.expression(receiver)])
        return SemaType.none
      case ("extend", 1):
        checkValue(args[0].value, as: receiverType)
        checkOwnedValue(args[0].value)
        record(id, .collection(.listExtend), [.expression(receiver), .expression(args[0].value)])
        return SemaType.none
      case ("reverse", 0):
        record(id, .collection(.listReverse), [.expression(receiver)])
        return SemaType.none
      case ("swap_elements", 2):
        if !isMutablePlace(receiver) {
          report(SemaDiagnostics.mutatingMethodOnRvalue(method, typeName(receiverType), location(startOffset(receiver))))
        }
        checkValue(args[0].value, as: .int)
        checkValue(args[1].value, as: .int)
        record(id, .collection(.listSwap), [.expression(receiver), .expression(args[0].value), .expression(args[1].value)])
        return SemaType.none
      case ("count", 1) where [.int, .float64, .bool, .string].contains(element),
           ("index", 1) where [.int, .float64, .bool, .string].contains(element):
        checkValue(args[0].value, as: element)
        record(id, .collection(method == "count" ? .listCount : .listIndex), [.expression(receiver), .expression(args[0].value)])
        return .int
      default:
        report(SemaDiagnostics.noAttribute(receiverType.description, method, at))
        return .error
      }
    }
    var receiverStruct: (Int, Int, [SemaType])?
    switch receiverType {
    case .structType(let m, let s): receiverStruct = (m, s, [])
    case .boundStruct(let m, let s, let a): receiverStruct = (m, s, a)
    default: break
    }
    if let (m, _, structArguments) = receiverStruct {
      let info = program.structInfo(receiverType)!
      guard let f = info.methods[method] else {
        if let (tm, tf) = program.inheritedMethod(method, of: receiverType) {
          return checkInheritedMethodCall(id, e, receiver: receiver, type: receiverType, module: tm, function: tf, args)
        }
        report(SemaDiagnostics.noAttribute(info.name, method, at, members: info.memberNames))
        return .error
      }
      var signature = program.signatures[m][f]
      var instance: FunctionInstance?
      if signature.isGeneric {
        guard signature.genericParameters.count == structArguments.count else {
          report(SemaDiagnostics.notSupportedYet("a method with its own compile-time parameters", at))
          return checkArgumentsOnly(args)
        }
        signature = signature.substituting(structArguments)
        instance = FunctionInstance(module: m, function: f, arguments: structArguments.map { .type($0) })
      }
      guard let selfParameter = signature.parameters.first, tree.name(NameID(0)) != "" || true,
            program.modules[m].tree.functions[f].isStatic == false else {
        report(SemaDiagnostics.notSupportedYet("calling a static method through a value", at))
        return .error
      }
      if selfParameter.convention == .mut && !isMutablePlace(receiver) {
        report(SemaDiagnostics.mustBeMutable(inPlace: false, location(placeOffset(receiver))))
      }
      signature.parameters.removeFirst()
      guard let arguments = matchArguments(e, signature, args) else { return signature.result }
      if let instance {
        record(id, .instance(instance), [.expression(receiver)] + arguments)
        result.requestedInstances.insert(instance)
      } else {
        record(id, .method(module: m, index: f), [.expression(receiver)] + arguments)
      }
      return signature.result
    }
    return nil
  }
}

extension BodyChecker {
  /// The overloaded `__init__` that `args` call: the only one whose parameters the arguments
  /// fill (by count and keywords), or, among several, the one whose parameter types the
  /// arguments' types match best (an exact type over a literal's conversion). Nil when none fits.
  mutating func chooseInitializer(_ initializers: [Int], module m: Int, _ args: [Argument]) -> Int? {
    /// The parameter (after `self`) of each argument, or nil when the arguments do not fit.
    func assignment(_ f: Int) -> [Int]? {
      let parameters = program.signatures[m][f].parameters.dropFirst()
      var filled = Set<Int>()
      var slots: [Int] = []
      var positional = 0
      for a in args {
        var k: Int
        if a.label.exists {
          guard let named = parameters.firstIndex(where: { $0.name == tree.name(a.label) }) else { return nil }
          k = named - parameters.startIndex
        } else {
          k = positional
          positional += 1
          guard k < parameters.count, !parameters[parameters.startIndex + k].isKeywordOnly else { return nil }
        }
        guard filled.insert(k).inserted else { return nil }
        slots.append(k)
      }
      for (k, p) in parameters.enumerated() where !filled.contains(k) && p.defaultValue == nil { return nil }
      return slots
    }
    let candidates = initializers.compactMap { f in assignment(f).map { (f, $0) } }
    if candidates.count <= 1 { return candidates.first?.0 }
    let types = args.map { checkExpression($0.value, expected: nil) }
    var best: (function: Int, score: Int)?
    for (f, slots) in candidates {
      let parameters = Array(program.signatures[m][f].parameters.dropFirst())
      var score = 0
      var fits = true
      for (k, t) in types.enumerated() {
        let p = parameters[slots[k]].type
        if t == p || t.isError { score += 2 }
        else if t.isLiteral && t.materialized == p { score += 2 }
        else if t.isLiteral && convertible(t, to: p) { score += 1 }
        else { fits = false; break }
      }
      if fits && score > (best?.score ?? -1) { best = (f, score) }
    }
    return best?.function
  }
}
