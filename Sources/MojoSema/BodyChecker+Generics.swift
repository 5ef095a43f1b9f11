//! Calls of generic functions and of generic structs' constructors and methods: compile-time
//! arguments written (`f[Int](x)`, `Stack[Int]()`) or inferred from the call's arguments,
//! checked against the parameters' trait bounds with Mojo 1.2's messages; each call records
//! the `FunctionInstance` it needs (Generics.swift).
import MojoDiagnostics
import MojoSyntax

extension BodyChecker {
  /// The expressions written between `[` and `]` of `callee[...]`.
  func parameterExpressions(_ index: ExprNode) -> [ExprID] {
    let inner = tree.subscriptParts(index).index
    let node = tree.expr(inner)
    return node.kind == .tuple ? Array(tree.elements(node)) : [inner]
  }

  /// `f(args)` or `f[params](args)` of generic function `f` (module `m`, index `fi`).
  mutating func checkGenericCall(_ id: ExprID, _ e: ExprNode, module m: Int, function fi: Int, _ args: [Argument],
                                 explicit: [ExprID]) -> SemaType {
    let generic = program.signatures[m][fi]
    let name = generic.displayName
    let declaration = SourceLocation(file: program.modules[m].file, offset: Int(program.modules[m].tree.functions[fi].offset))
    let parameters = generic.genericParameters
    guard generic.structParameterCount == 0 else {
      report(SemaDiagnostics.notSupportedYet("calling a method of a generic struct this way", location(e.offset)))
      return checkArgumentsOnly(args)
    }
    if explicit.count > parameters.count {
      report(SemaDiagnostics.unexpectedParameter(name, location(startOffset(explicit[parameters.count])), declaration: declaration))
      return checkArgumentsOnly(args)
    }
    var bound = [SemaType?](repeating: nil, count: parameters.count)
    var values = [Int64?](repeating: nil, count: parameters.count)
    for (k, x) in explicit.enumerated() {
      if let valueType = parameters[k].valueType {
        guard let v = foldParameterValue(x, as: valueType, function: name, parameter: parameters[k].name, declaration: declaration) else {
          return checkArgumentsOnly(args)
        }
        values[k] = v
      } else {
        guard let t = typeFromExpression(x) else { return checkArgumentsOnly(args) }
        bound[k] = t
      }
    }
    // Infer the remaining type parameters from the arguments whose parameter type names them.
    var slots = [ExprID?](repeating: nil, count: generic.parameters.count)
    var positional = 0
    for a in args {
      if !a.label.exists {
        if positional < slots.count { slots[positional] = a.value }
        positional += 1
      } else if let k = generic.parameters.firstIndex(where: { $0.name == tree.name(a.label) }) {
        slots[k] = a.value
      }
    }
    let before = diagnostics.count
    var inferredFrom = [Int?](repeating: nil, count: parameters.count)
    for (k, p) in generic.parameters.enumerated() where p.type.mentionsTypeParameter {
      guard let value = slots[k] else { continue }
      // A parameter type the written arguments already bind is checked with the other arguments.
      if !p.type.substituting(bound.enumerated().map { $0.element ?? .typeParameter($0.offset) }).mentionsTypeParameter { continue }
      let type = checkInferenceArgument(value)
      if type == .error { continue }
      let previous = bound
      if !SemaType.unify(p.type, type, into: &bound) {
        let target = p.type.substituting(previous.map { $0 ?? .error })
        report(SemaDiagnostics.argumentType(name, p.name, from: program.displayName(of: type),
                                            to: program.displayName(of: target), location(tree.expr(value).offset)))
        return .error
      }
      for j in parameters.indices where previous[j] == nil && bound[j] != nil { inferredFrom[j] = k }
    }
    if diagnostics.count > before { return .error }
    for (k, p) in parameters.enumerated() where p.valueType != nil && values[k] == nil { values[k] = p.defaultValue }
    for (k, p) in parameters.enumerated() where (p.valueType == nil ? bound[k] == nil : values[k] == nil) {
      report(SemaDiagnostics.cannotInferParameter(name, p.name, location(e.offset)))
      return .error
    }
    // Trait bounds.
    for (k, p) in parameters.enumerated() where p.valueType == nil {
      for trait in p.bounds where !program.conforms(bound[k]!, to: trait) {
        // Mojo points at the argument's own position (a call's `(`).
        let at = inferredFrom[k].flatMap { slots[$0] }.map { location(tree.expr($0).offset) } ?? location(e.offset)
        let parameterName = inferredFrom[k].map { generic.parameters[$0].name } ?? p.name
        // A literal argument is shown as Mojo shows it (`IntLiteral[5]`).
        let shown = inferredFrom[k].flatMap { slots[$0] }.map { literalDisplay($0, result.exprTypes[Int($0.index)]) }
          ?? program.displayName(of: bound[k]!)
        report(SemaDiagnostics.argumentDoesNotConform(name, parameterName, shown, p.name,
                                                      program.name(of: trait), at, declaration: declaration))
        return .error
      }
    }
    let arguments: [GenericArgument] = parameters.indices.map { k in
      parameters[k].valueType == nil ? .type(bound[k]!) : .value(values[k]!)
    }
    let instance = FunctionInstance(module: m, function: fi, arguments: arguments)
    let signature = generic.substituting(bound.map { $0 ?? .error })
    guard let callArguments = matchArguments(e, signature, args) else { return signature.result }
    record(id, .instance(instance), callArguments)
    result.requestedInstances.insert(instance)
    return signature.result
  }

  /// The value of a value parameter written in `[...]` (an `Int` or `Bool` constant).
  mutating func foldParameterValue(_ x: ExprID, as type: SemaType, function: String, parameter: String,
                                  declaration: SourceLocation) -> Int64? {
    guard let c = folder.fold(x, in: scopes) else {
      report(SemaDiagnostics.notSupportedYet("this compile-time argument", location(startOffset(x))))
      return nil
    }
    switch (c, type) {
    case (.int(let v), .int): return v.wrappedInt64
    case (.bool(let b), .bool): return b ? 1 : 0
    default:
      result.exprFacts[Int(x.index)] = .constant(c)
      report(SemaDiagnostics.parameterValueType(function, parameter, typeName(type), literalDisplay(x, c.type), location(startOffset(x)),
                                                declaration: declaration))
      return nil
    }
  }

  /// `Name[args]` written in an expression where `Name` is a generic struct: its bound type.
  mutating func boundStructType(_ callee: ExprNode) -> SemaType?? {
    guard callee.kind == .index else { return nil }
    guard let baseName = tree.plainName(tree.subscriptParts(callee).base), lookupLocal(baseName) == nil,
          case .structType(let m, let s)? = global(baseName) else { return nil }
    var arguments: [SemaType] = []
    for x in parameterExpressions(callee) {
      guard let t = typeFromExpression(x) else { return .some(nil) }
      arguments.append(t)
    }
    var reported: [Diagnostic] = []
    let type = SignatureResolver.boundStructType(module: m, index: s, arguments, in: program, at: location(callee.offset),
                                                 argumentLocations: parameterExpressions(callee).map { location(startOffset($0)) },
                                                 into: &reported)
    for d in reported { report(d) }
    return .some(type == .error ? nil : type)
  }

  /// A generic function named by `f[...]` as a callee: its module and index.
  func genericFunction(_ callee: ExprNode) -> (Int, Int)? {
    guard callee.kind == .index else { return nil }
    guard let baseName = tree.plainName(tree.subscriptParts(callee).base), lookupLocal(baseName) == nil,
          case .function(let m, let f)? = global(baseName) else { return nil }
    return (m, f)
  }

  // MARK: - Writable structs

  /// The `write_to` method that prints a struct declared `Writable`: module, function index
  /// and the struct's compile-time arguments.
  func writeToMethod(_ t: SemaType) -> (module: Int, function: Int, arguments: [SemaType])? {
    guard program.conforms(t, to: .builtin(.writable)), let info = program.structInfo(t), let f = info.methods["write_to"] else { return nil }
    switch t {
    case .structType(let m, _): return (m, f, [])
    case .boundStruct(let m, _, let a): return (m, f, a)
    default: return nil
    }
  }

  /// Requests the `write_to` instances that printing a value of type `t` calls.
  mutating func requestWriters(_ t: SemaType) {
    switch t {
    case .list(let e): requestWriters(e)
    case .tuple(let elements): for e in elements { requestWriters(e) }
    case .boundStruct:
      if let w = writeToMethod(t) {
        result.requestedInstances.insert(FunctionInstance(module: w.module, function: w.function, arguments: w.arguments.map { .type($0) }))
      }
    default: break
    }
  }

  /// `writer.write(values...)` on a mutable `String` (the `Writer` of `write_to`): appends the
  /// text of each value.
  mutating func checkWrite(_ id: ExprID, receiver: ExprID, _ args: [Argument]) -> SemaType {
    if !isMutablePlace(receiver) { report(SemaDiagnostics.mustBeMutable(inPlace: false, location(placeOffset(receiver)))) }
    var arguments: [CallArgument] = [.expression(receiver)]
    for a in args {
      let t = checkExpression(a.value, expected: nil)
      if t.isLiteral { materialize(a.value, as: t.materialized) }
      if t != .error && !isPrintable(t.materialized) {
        report(SemaDiagnostics.notWritable(typeName(t), location(startOffset(a.value))))
      }
      requestWriters(t.materialized)
      arguments.append(.expression(a.value))
    }
    record(id, .writeText, arguments)
    return .none
  }

  // MARK: - Operators on structs

  /// `a op b` where an operand is a struct: its operator method, or the mirrored or negated
  /// one (`a > b` as `b < a`, `a != b` as `not a == b`). Nil when neither operand is a struct.
  mutating func checkOperatorMethod(_ id: ExprID, _ op: Operator, _ left: ExprID, _ lt: SemaType, _ right: ExprID, _ rt: SemaType,
                                    at offset: UInt32) -> SemaType? {
    guard lt.isStruct || rt.isStruct, !lt.isError, !rt.isError else { return nil }
    if (op == .contains || op == .notContains) && !rt.isStruct { return nil }  // a struct in a collection
    var candidates = [(op.methodName, false, false)]
    switch op {
    case .greater: candidates.append(("__lt__", true, false))
    case .less: candidates.append(("__gt__", true, false))
    case .lessEqual: candidates += [("__gt__", false, true), ("__lt__", true, true)]
    case .greaterEqual: candidates += [("__lt__", false, true), ("__gt__", true, true)]
    case .notEqual: candidates.append(("__eq__", false, true))
    default: break
    }
    for (name, swapped, negated) in candidates {
      let (receiverType, argument, argumentType) = swapped ? (rt, left, lt) : (lt, right, rt)
      let key: (Int, [SemaType])
      switch receiverType {
      case .structType(let m, _): key = (m, [])
      case .boundStruct(let m, _, let a): key = (m, a)
      default: continue
      }
      guard let f = program.structInfo(receiverType)!.methods[name] else { continue }
      var signature = program.signatures[key.0][f]
      if signature.isGeneric {
        guard signature.genericParameters.count == key.1.count else { continue }
        signature = signature.substituting(key.1)
      }
      guard signature.parameters.count == 2 else { continue }
      let parameterType = signature.parameters[1].type
      if argumentType != parameterType {
        guard argumentType.isLiteral && convertible(argumentType, to: parameterType) else { continue }
        materialize(argument, as: parameterType)
      }
      if negated && signature.result != .bool { continue }
      let instance = FunctionInstance(module: key.0, function: f, arguments: key.1.map { .type($0) })
      if !key.1.isEmpty { result.requestedInstances.insert(instance) }
      record(id, .operatorMethod(instance, swapped: swapped, negated: negated), [.expression(left), .expression(right)])
      return signature.result
    }
    if op == .equal || op == .notEqual, lt == rt, isDeepEquatable(lt) {
      return .bool  // `Equatable` without `__eq__`: field by field (the lowering's equality helper)
    }
    report(SemaDiagnostics.doesNotImplement(typeName(lt.isStruct ? lt : rt), op.methodName, location(offset)))
    return .error
  }

  /// `T(...)` where `T` names a type: a compile-time type parameter, `Self`, or a builtin type
  /// reached through one (`Int()` is 0, `String()` is empty).
  mutating func checkTypeCall(_ id: ExprID, _ e: ExprNode, _ type: SemaType, _ callee: ExprNode, _ args: [Argument]) -> SemaType {
    switch type {
    case .int, .float64, .bool, .string:
      if args.isEmpty {
        let zero: ConstantValue = type == .int ? .int(0) : type == .float64 ? .float(ExactFloat(0)) : type == .bool ? .bool(false) : .string([])
        result.exprFacts[Int(id.index)] = .constant(zero)
        return type
      }
      return checkBuiltinCall(id, e, type.description, callee, args)
    case .structType(let m, let s), .boundStruct(let m, let s, _):
      return checkConstructor(id, e, module: m, index: s, args, type: type)
    case .list(let element):
      return checkListConstructor(id, e, element: element, args)
    default:
      report(SemaDiagnostics.notSupportedYet("constructing a '\(typeName(type))' here", location(e.offset)))
      return checkArgumentsOnly(args)
    }
  }

  /// `len(x)` and the like on a struct: calls its method `method` (no arguments but `self`).
  mutating func checkDunderCall(_ id: ExprID, receiver: ExprID, type: SemaType, method: String, at: SourceLocation) -> SemaType? {
    let key: (Int, [SemaType])
    switch type {
    case .structType(let m, _): key = (m, [])
    case .boundStruct(let m, _, let a): key = (m, a)
    default: return nil
    }
    guard let f = program.structInfo(type)!.methods[method] else {
      report(SemaDiagnostics.doesNotImplement(typeName(type), method, at))
      return nil
    }
    var signature = program.signatures[key.0][f]
    if signature.isGeneric {
      guard signature.genericParameters.count == key.1.count else { return nil }
      signature = signature.substituting(key.1)
    }
    let instance = FunctionInstance(module: key.0, function: f, arguments: key.1.map { .type($0) })
    if key.1.isEmpty {
      record(id, .method(module: key.0, index: f), [.expression(receiver)])
    } else {
      result.requestedInstances.insert(instance)
      record(id, .instance(instance), [.expression(receiver)])
    }
    return signature.result
  }

  /// An argument's type for inference: a list literal takes its first element's type (a
  /// literal element materialized), as Mojo infers `[1, 2]` to be a `List[Int]`.
  mutating func checkInferenceArgument(_ value: ExprID) -> SemaType {
    let node = tree.expr(value)
    if node.kind == .listLiteral, let first = tree.elements(node).first {
      let element = checkExpression(first, expected: nil).materialized
      if element == .error { return .error }
      return checkExpression(value, expected: .list(element))
    }
    return checkExpression(value, expected: nil).materialized
  }

  /// `Pair(1, "a")` of a generic struct: its parameters inferred from the initializer's (or
  /// the fields') parameter types, as for a generic function. Nil after reporting.
  mutating func inferStructType(_ e: ExprNode, module m: Int, index s: Int, _ args: [Argument]) -> SemaType? {
    let info = program.structs[m][s]
    var parameters: [ParameterInfo] = []
    if let initializer = info.initializer, program.signatures[m][initializer].genericParameters.count == info.genericParameters.count {
      parameters = Array(program.signatures[m][initializer].parameters.dropFirst())
    } else if info.initializer == nil && info.isFieldwiseInit {
      parameters = zip(info.fieldNames, info.fieldTypes).map { ParameterInfo(name: $0.0, type: $0.1, defaultValue: nil, convention: .read) }
    }
    var slots = [ExprID?](repeating: nil, count: parameters.count)
    var positional = 0
    for a in args {
      if !a.label.exists {
        if positional < slots.count { slots[positional] = a.value }
        positional += 1
      } else if let k = parameters.firstIndex(where: { $0.name == tree.name(a.label) }) {
        slots[k] = a.value
      }
    }
    var bound = [SemaType?](repeating: nil, count: info.genericParameters.count)
    for (k, p) in parameters.enumerated() where p.type.mentionsTypeParameter {
      guard let value = slots[k] else { continue }
      let type = checkInferenceArgument(value)
      if type == .error { return nil }
      if !SemaType.unify(p.type, type, into: &bound) {
        report(SemaDiagnostics.noMatchingInitialization(location(e.offset)))
        return nil
      }
    }
    guard !parameters.isEmpty, bound.allSatisfy({ $0 != nil }), info.genericParameters.allSatisfy({ $0.valueType == nil }) else {
      report(SemaDiagnostics.notSupportedYet("inferring the parameters of '\(info.name)' here", location(e.offset)))
      return nil
    }
    var reported: [Diagnostic] = []
    let type = SignatureResolver.boundStructType(module: m, index: s, bound.map { $0! }, in: program, at: location(e.offset), into: &reported)
    for d in reported { report(d) }
    return type == .error ? nil : type
  }

  /// `T.name(args)` where `T` stands for a struct: its static method `name`.
  mutating func checkStaticCall(_ id: ExprID, _ e: ExprNode, type: SemaType, method: String, at offset: UInt32, _ args: [Argument]) -> SemaType {
    let key: (Int, [SemaType])
    switch type {
    case .structType(let m, _): key = (m, [])
    case .boundStruct(let m, _, let a): key = (m, a)
    default:
      report(SemaDiagnostics.noAttribute(typeName(type), method, location(offset)))
      return checkArgumentsOnly(args)
    }
    let info = program.structInfo(type)!
    guard let f = info.methods[method], program.modules[key.0].tree.functions[f].isStatic else {
      report(SemaDiagnostics.noAttribute(info.name, method, location(offset), members: info.methods.keys.sorted()))
      return checkArgumentsOnly(args)
    }
    var signature = program.signatures[key.0][f]
    if signature.isGeneric {
      guard signature.genericParameters.count == key.1.count else {
        report(SemaDiagnostics.notSupportedYet("a method with its own compile-time parameters", location(offset)))
        return checkArgumentsOnly(args)
      }
      signature = signature.substituting(key.1)
    }
    guard let arguments = matchArguments(e, signature, args) else { return signature.result }
    if key.1.isEmpty {
      record(id, .function(module: key.0, index: f), arguments)
    } else {
      let instance = FunctionInstance(module: key.0, function: f, arguments: key.1.map { .type($0) })
      result.requestedInstances.insert(instance)
      record(id, .instance(instance), arguments)
    }
    return signature.result
  }

  /// `x[i, j]` (`__getitem__`) or `x[i, j] = v` (`__setitem__`, `value` given) on a struct: the
  /// receiver, then the indices, then the value.
  mutating func checkItemCall(_ id: ExprID, base: ExprID, type: SemaType, indices: [ExprID], value: ExprID?) -> SemaType {
    let method = value == nil ? "__getitem__" : "__setitem__"
    let key: (Int, [SemaType])
    switch type {
    case .structType(let m, _): key = (m, [])
    case .boundStruct(let m, _, let a): key = (m, a)
    default: return .error
    }
    let info = program.structInfo(type)!
    let args = (indices + (value.map { [$0] } ?? [])).map { Argument(label: .none, value: $0, offset: tree.expr($0).offset) }
    guard let f = info.methods[method] else {
      report(SemaDiagnostics.noAttribute(info.name, method, location(tree.expr(id).offset)))
      _ = checkArgumentsOnly(args)
      return .error
    }
    var signature = program.signatures[key.0][f]
    if signature.isGeneric {
      guard signature.genericParameters.count == key.1.count else { return checkArgumentsOnly(args) }
      signature = signature.substituting(key.1)
    }
    signature.parameters.removeFirst()
    guard let arguments = matchArguments(tree.expr(id), signature, args) else { return signature.result }
    if key.1.isEmpty {
      record(id, .method(module: key.0, index: f), [.expression(base)] + arguments)
    } else {
      let instance = FunctionInstance(module: key.0, function: f, arguments: key.1.map { .type($0) })
      result.requestedInstances.insert(instance)
      record(id, .instance(instance), [.expression(base)] + arguments)
    }
    return signature.result
  }

  /// `x.m(args)` where `m` is a default method of one of the struct's traits: its instance
  /// with `Self` bound to the struct.
  mutating func checkInheritedMethodCall(_ id: ExprID, _ e: ExprNode, receiver: ExprID, type: SemaType, module m: Int, function f: Int,
                                         _ args: [Argument]) -> SemaType {
    var signature = program.signatures[m][f].substituting([type])
    guard let selfParameter = signature.parameters.first, selfParameter.name == "self" else {
      report(SemaDiagnostics.notSupportedYet("calling a static trait method through a value", location(e.offset)))
      return checkArgumentsOnly(args)
    }
    if selfParameter.convention == .mut && !isMutablePlace(receiver) {
      report(SemaDiagnostics.mustBeMutable(inPlace: false, location(placeOffset(receiver))))
    }
    signature.parameters.removeFirst()
    guard let arguments = matchArguments(e, signature, args) else { return signature.result }
    let instance = FunctionInstance(module: m, function: f, arguments: [.type(type)])
    result.requestedInstances.insert(instance)
    record(id, .instance(instance), [.expression(receiver)] + arguments)
    return signature.result
  }
}
