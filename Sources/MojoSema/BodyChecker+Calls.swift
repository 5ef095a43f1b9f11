//! Calls: user functions (positional, keyword and default arguments, LANGUAGE.md §9.1), the
//! builtins of §10.1, `std.math`, and `range` as a `for` iterable.
import MojoDiagnostics
import MojoSyntax

extension BodyChecker {
  mutating func checkCall(_ id: ExprID, _ e: ExprNode) -> SemaType {
    let call = tree.call(e)
    let callee = tree.expr(call.callee)
    let args = Array(call.arguments)
    if call.isTemplateString { return checkTemplateString(id, args) }
    var symbol: Symbol?
    var builtinName: String?
    var builtinKind: BuiltinCallName?
    if let nameID = tree.plainName(callee) {
      let name = tree.name(nameID)
      if lookupLocal(nameID) != nil {
        let t = checkExpression(call.callee, expected: nil)
        report(SemaDiagnostics.notCallableType(typeName(t.materialized), location(e.offset)))
        return checkArgumentsOnly(args)
      }
      symbol = global(nameID)
      if symbol == nil, !typeEnvironment.isEmpty || name == "Self", let type = typeEnvironment[name] ?? (name == "Self" ? selfType() : nil) {
        return checkTypeCall(id, e, type, callee, args)
      }
      if symbol == nil {
        builtinName = name
        builtinKind = builtinCalls[Int(nameID.index)]
      }
    } else if callee.kind == .member {
      let (baseID, methodName) = tree.member(callee)
      let baseName = tree.plainName(baseID)
      if let baseName, lookupLocal(baseName) == nil, global(baseName) == nil,
         case let name = tree.name(baseName), !typeEnvironment.isEmpty || name == "Self",
         let type = typeEnvironment[name] ?? (name == "Self" ? selfType() : nil) {
        // `T.make()` / `Self.make()`: a static method of the struct a parameter stands for.
        return checkStaticCall(id, e, type: type, method: tree.name(methodName), at: callee.offset, args)
      }
      if let baseName, tree.name(baseName) == "Codepoint", lookupLocal(baseName) == nil, global(baseName) == nil {
        return checkCodepointStatic(id, e, method: tree.name(methodName), at: callee.offset, args)
      }
      if let baseName, lookupLocal(baseName) == nil, case .structType(let m, let s)? = global(baseName) {
        // `Point.origin()`: a static method.
        let method = tree.name(methodName)
        guard let f = program.structs[m][s].methods[method], program.modules[m].tree.functions[f].isStatic else {
          report(SemaDiagnostics.noAttribute(program.structs[m][s].name, method, location(callee.offset),
                                             members: program.structs[m][s].methods.keys.sorted()))
          return checkArgumentsOnly(args)
        }
        return checkUserCall(id, e, module: m, function: f, args)
      }
      if let s = resolveQualified(callee) {
        if case .module(-1) = s { return checkArgumentsOnly(args) }
        symbol = s
      } else {
        return checkMethodCall(id, e, callee, args)
      }
    } else if callee.kind == .index, let type = checkCast(id, e, callee, args) {
      return type
    } else if callee.kind == .index, let type = checkFloatConstantCall(id, callee, args) {
      return type
    } else if callee.kind == .index, let elements = tupleTypeArguments(callee) {
      guard let elements else { return checkArgumentsOnly(args) }
      return checkTupleConstructor(id, e, elements: elements, args)
    } else if let (m, f) = genericFunction(callee) {
      return checkGenericCall(id, e, module: m, function: f, args, explicit: parameterExpressions(callee))
    } else if let bound = boundStructType(callee) {
      guard let bound, case .boundStruct(let m, let s, _) = bound else { return checkArgumentsOnly(args) }
      return checkConstructor(id, e, module: m, index: s, args, type: bound)
    } else if let type = checkCollectionConstructor(id, e, callee, args) {
      return type
    } else if let element = listTypeArgument(callee) {
      guard let element else { return checkArgumentsOnly(args) }
      return checkListConstructor(id, e, element: element, args)
    } else {
      report(SemaDiagnostics.notCallable(location(callee.offset)))
      return checkArgumentsOnly(args)
    }
    switch symbol {
    case .function(let m, let f)?:
      return checkUserCall(id, e, module: m, function: f, args)
    case .builtin(let b)?:
      if let assertion = b.assertion { return checkAssertion(id, e, assertion, name: b.rawValue, args) }
      if b.isIntegerMath { return checkIntegerMath(id, e, b, args) }
      if b.constantValue != nil || b == .inf || b == .nan {
        report(SemaDiagnostics.notCallable(location(callee.offset)))
        return checkArgumentsOnly(args)
      }
      if b == .pow { return checkPow(id, e, args) }
      if b.isBinaryMath || b.isPredicate || b.isFloat64Only { return checkFloatMath(id, e, b, args) }
      guard args.count == 1 else {
        report(SemaDiagnostics.unexpectedArgument(b.rawValue, location(args.dropFirst().first?.offset ?? e.offset)))
        return checkArgumentsOnly(args)
      }
      // `Float32` and `Float16` arguments give their own type (computed in Float64, then rounded).
      let t = checkExpression(args[0].value, expected: nil)
      if case .numeric(let n) = t, n.isFloat {
        record(id, .library(b), [.expression(args[0].value)])
        return t
      }
      if t == .int || t == .intLiteral, [.sqrt, .floor, .ceil, .trunc].contains(b) {
        // Mojo's `Int` overloads: `sqrt(n)` is the integer square root, the others `n` itself.
        materialize(args[0].value, as: .int)
        record(id, .library(b), [.expression(args[0].value)])
        return .int
      }
      convertValue(args[0].value, t, to: .float64)
      record(id, .library(b), [.expression(args[0].value)])
      return .float64
    case .structType(let m, let s)?:
      return checkConstructor(id, e, module: m, index: s, args)
    case .comptime(let am, let ai)? where program.typeAliases[am][ai] != nil:
      guard case .tuple(let elements) = program.typeAliases[am][ai]! else {
        report(SemaDiagnostics.notSupportedYet("calling the type alias '\(tree.name(tree.nameReference(callee)))'", location(callee.offset)))
        return checkArgumentsOnly(args)
      }
      return checkTupleConstructor(id, e, elements: elements, args)
    case .comptime?, .module?, .trait?, .traitAlias?:
      report(SemaDiagnostics.notCallable(location(callee.offset)))
      return checkArgumentsOnly(args)
    case nil:
      return checkBuiltinCall(id, e, builtinName ?? "", callee, args, kind: builtinKind)
    }
  }

  /// The enclosing struct's type inside one of its methods (`Self`), or nil.
  func selfType() -> SemaType? {
    if let bound = typeEnvironment["Self"] { return bound }
    let owner = methodOwner[currentFunction]
    return owner >= 0 ? .structType(module: module, index: owner) : nil
  }

  mutating func record(_ id: ExprID, _ target: CallTarget, _ arguments: [CallArgument]) {
    checkRaisingCall(id, target)
    let start = UInt32(result.callArguments.count)
    result.callArguments.append(contentsOf: arguments)
    result.exprFacts[Int(id.index)] = .call(target, start: start, count: UInt32(arguments.count))
  }

  /// `record` for a call whose arguments are its argument expressions in order (no array of
  /// `CallArgument`s is built).
  mutating func record(_ id: ExprID, _ target: CallTarget, expressionsOf args: [Argument]) {
    checkRaisingCall(id, target)
    let start = UInt32(result.callArguments.count)
    for a in args { result.callArguments.append(.expression(a.value)) }
    result.exprFacts[Int(id.index)] = .call(target, start: start, count: UInt32(args.count))
  }

  mutating func checkArgumentsOnly(_ args: [Argument]) -> SemaType {
    for a in args { _ = checkExpression(a.value, expected: nil) }
    return .error
  }

  private mutating func checkUserCall(_ id: ExprID, _ e: ExprNode, module m: Int, function f: Int, _ args: [Argument]) -> SemaType {
    let signature = program.signatures[m][f]
    if signature.isGeneric { return checkGenericCall(id, e, module: m, function: f, args, explicit: []) }
    if let arguments = matchArguments(e, signature, args) { record(id, .function(module: m, index: f), arguments) }
    return signature.result
  }

  /// Matches call arguments to parameters (positional, then keywords, then defaults, §9.1),
  /// checks their types and that `mut` arguments are mutable places. Returns the arguments in
  /// parameter order, or nil after reporting.
  mutating func matchArguments(_ e: ExprNode, _ signature: FunctionSignature, _ args: [Argument]) -> [CallArgument]? {
    let name = signature.displayName
    let parameters = signature.parameters
    // The argument of each parameter (`ExprID.none` when absent), on a stack shared by nested
    // calls: this call's slots are `argumentSlots[base ..< base + parameters.count]`.
    let base = argumentSlots.count
    argumentSlots.append(contentsOf: repeatElement(ExprID.none, count: parameters.count))
    defer { argumentSlots.removeSubrange(base...) }
    var positional = 0
    var sawKeyword = false
    var failed = false
    var unknownKeyword: UInt32?
    // `*values: T`: the positional arguments from its position on (checked as `T` each).
    let variadic = signature.parameters.firstIndex { $0.isVariadic }
    var variadicValues: [ExprID] = []
    for a in args {
      if !a.label.exists {
        if sawKeyword && !failed { report(SemaDiagnostics.positionalAfterKeyword(location(a.offset))); failed = true }
        if let variadic, positional == variadic {
          variadicValues.append(a.value)
          continue
        }
        if positional >= parameters.count || parameters[positional].isKeywordOnly {
          if !failed { report(SemaDiagnostics.unexpectedArgument(name, location(a.offset))) }
          failed = true
          _ = checkExpression(a.value, expected: nil)
          continue
        }
        argumentSlots[base + positional] = a.value
        positional += 1
      } else {
        sawKeyword = true
        let label = tree.name(a.label)
        guard let k = parameters.firstIndex(where: { $0.name == label }), !argumentSlots[base + k].exists else {
          // Reported after missing arguments, which Mojo reports first.
          if unknownKeyword == nil { unknownKeyword = a.offset }
          _ = checkExpression(a.value, expected: nil)
          continue
        }
        argumentSlots[base + k] = a.value
      }
    }
    var arguments: [CallArgument] = []
    arguments.reserveCapacity(parameters.count)
    var mutRoots: [(root: UInt32, parameter: String)] = []
    for (k, p) in parameters.enumerated() {
      let value = argumentSlots[base + k]
      if k == variadic, case .list(let element) = p.type {
        // One call argument per value; the lowering gathers them into the list.
        for value in variadicValues {
          let t = checkExpression(value, expected: element)
          if !t.isError, !element.isError, t != element {
            if t.isLiteral && convertible(t, to: element) {
              materialize(value, as: element)
            } else if !failed {
              report(SemaDiagnostics.argumentType(name, p.name, from: literalDisplay(value, t), to: typeName(element),
                                                  location(diagnosticOffset(value))))
              failed = true
            }
          }
          if p.convention == .owned { checkOwnedValue(value) }
          arguments.append(.expression(value))
        }
        continue
      }
      if value.exists {
        let t = checkExpression(value, expected: p.type)
        if !t.isSameCoreType(p.type) && !t.isError && !p.type.isError && t != p.type {
          if t.isLiteral && convertible(t, to: p.type) {
            materialize(value, as: p.type)
          } else if convertsToOptional(value, t, p.type) {
          } else if !failed {
            // At the argument's own position (a call's `(`), as Mojo reports it.
            let d = SemaDiagnostics.argumentType(name, p.name, from: literalDisplay(value, t), to: typeName(p.type),
                                                 location(diagnosticOffset(value)))
            if t == .floatLiteral && p.type == .int { reportInstantiationFailure(d) } else { report(d) }
            failed = true
          }
        }
        if p.convention == .owned { checkOwnedValue(value) }
        if p.convention == .mut {
          if !isMutablePlace(value) {
            if !failed { report(SemaDiagnostics.argumentNotMutable(name, p.name, location(startOffset(value)))) }
            failed = true
          } else if p.isByReference {
            markAddressTaken(value)
          }
          // Two `mut` arguments rooted in the same variable may alias (§9.1).
          if let root = placeRoot(value) {
            if let other = mutRoots.first(where: { $0.root == root }), !failed {
              report(SemaDiagnostics.aliasingMutArguments(other.parameter, p.name, name, location(e.offset)))
              failed = true
            }
            mutRoots.append((root, p.name))
          }
        }
        arguments.append(.expression(value))
      } else if let d = p.defaultValue {
        arguments.append(.constant(d, p.type))
      } else {
        if !failed { report(SemaDiagnostics.missingArgument(name, p.name, location(e.offset))) }
        failed = true
      }
    }
    if let unknownKeyword, !failed {
      report(SemaDiagnostics.unexpectedArgument(name, location(unknownKeyword)))
      failed = true
    }
    return failed ? nil : arguments
  }

  private mutating func checkMethodCall(_ id: ExprID, _ e: ExprNode, _ callee: ExprNode, _ args: [Argument]) -> SemaType {
    let (receiver, methodName) = tree.member(callee)
    let receiverType = checkExpression(receiver, expected: nil)
    let method = tree.name(methodName)
    if receiverType == .error { return checkArgumentsOnly(args) }
    if let type = checkValueMethod(id, e, callee, args) { return type }
    if let type = checkStringMethod(id, callee, args) { return type }
    if let type = checkCodepointMethod(id, receiver, callee, method, args) { return type }
    if let type = checkCollectionMethod(id, callee, args) { return type }
    if (receiverType == .string || receiverType == .stringLiteral) && method == "byte_length" && args.isEmpty {
      materialize(receiver, as: .string)
      record(id, .byteLength, [.expression(receiver)])
      return .int
    }
    report(SemaDiagnostics.noAttribute(receiverType.materialized.description, method, location(callee.offset)))
    return checkArgumentsOnly(args)
  }

  mutating func checkBuiltinCall(_ id: ExprID, _ e: ExprNode, _ name: String, _ callee: ExprNode, _ args: [Argument],
                                 kind: BuiltinCallName? = nil) -> SemaType {
    let kind = kind ?? BuiltinCallName(rawValue: name) ?? .other
    let at = location(callee.offset)
    func positionalOnly(_ count: ClosedRange<Int>) -> Bool {
      if args.contains(where: { $0.label.exists }) {
        report(SemaDiagnostics.unexpectedArgument(name, location(args.first { $0.label.exists }!.offset)))
        return false
      }
      if args.count > count.upperBound {
        report(SemaDiagnostics.unexpectedArgument(name, location(args[count.upperBound].offset)))
        return false
      }
      if args.count < count.lowerBound {
        report(SemaDiagnostics.missingArgument(name, "value", location(e.offset)))
        return false
      }
      return true
    }
    switch kind {
    case .debugAssert:
      return checkDebugAssert(id, e, args)
    case .repr:
      guard positionalOnly(1...1) else { return checkArgumentsOnly(args) }
      var t = checkExpression(args[0].value, expected: nil)
      if t.isLiteral { t = t.materialized; materialize(args[0].value, as: t) }
      guard isRepresentable(t) else {
        if !t.isError { report(SemaDiagnostics.notSupportedYet("'repr' of a '\(typeName(t))'", location(startOffset(args[0].value)))) }
        return .error
      }
      record(id, .repr, [.expression(args[0].value)])
      return .string
    case .set:
      return checkSetConstructor(id, e, args, element: nil)
    case .list where !args.isEmpty:
      return checkUntypedListConstructor(id, e, args)
    case .reversed where args.count == 1 && !args[0].label.exists:
      // `reversed(xs)` as a value (an iterator in Mojo): a reversed copy of the list.
      let t = checkExpression(args[0].value, expected: nil)
      guard case .list = t else {
        if !t.isError { report(SemaDiagnostics.notSupportedYet("'reversed' of a '\(typeName(t))' as a value", location(startOffset(args[0].value)))) }
        return .error
      }
      record(id, .collection(.reversedCopy), [.expression(args[0].value)])
      return t
    case .print:
      var values: [CallArgument] = []
      var sep: CallArgument = .constant(.string([0x20]), .string)
      var end: CallArgument = .constant(.string([0x0A]), .string)
      for a in args {
        if a.label.exists {
          let label = tree.name(a.label)
          guard label == "sep" || label == "end" else {
            report(SemaDiagnostics.unexpectedArgument("print", location(a.offset)))
            continue
          }
          checkValue(a.value, as: .string)
          if label == "sep" { sep = .expression(a.value) } else { end = .expression(a.value) }
        } else {
          // Mojo reports an uninitialized variable passed straight to `print` at the call.
          if tree.expr(a.value).kind == .name { uninitializedReadOffset = e.offset }
          let t = checkExpression(a.value, expected: nil)
          uninitializedReadOffset = nil
          if t.isLiteral { materialize(a.value, as: t.materialized) }
          requestWriters(t.materialized)
          switch t.materialized {
          case .error: break
          case let printable where isPrintable(printable): break
          default: report(SemaDiagnostics.notWritable(typeName(t), location(startOffset(a.value))))
          }
          values.append(.expression(a.value))
        }
      }
      record(id, .print, values + [sep, end])
      return .none
    case .round where (1...2).contains(args.count) && !args.contains(where: { $0.label.exists }):
      var t = checkExpression(args[0].value, expected: nil)
      switch t {
      case .error: return .error
      case .int, .float64: break
      case .intLiteral, .floatLiteral:
        t = t.materialized
        materialize(args[0].value, as: t)
      default:
        report(SemaDiagnostics.notSupportedYet("'round' of a '\(typeName(t))'", location(startOffset(args[0].value))))
        return .error
      }
      if args.count == 2 { checkValue(args[1].value, as: .int) }
      record(id, .round, expressionsOf: args)
      return t
    case .tuple where !args.contains(where: { $0.label.exists }):
      return checkTupleConstructor(id, e, elements: nil, args)
    case .pow:
      return checkPow(id, e, args)
    case .hex, .bin, .oct:
      return checkRadixCall(id, e, name, args)
    case .atol, .atof where args.count == 1 && !args[0].label.exists:
      // `atol(s)`, `atof(s)`: `Int(s)`, `Float64(s)` of a string (raising the same errors).
      checkValue(args[0].value, as: .string)
      return checkStringConversion(id, args[0].value, to: name == "atol" ? .int : .float64)
    case .abs, .min, .max:
      let range = name == "abs" ? 1...1 : 2...Int.max
      guard positionalOnly(range) else { return checkArgumentsOnly(args) }
      var types = args.map { checkExpression($0.value, expected: nil) }
      // One pass over the types (each comparison of `SemaType` values is a call).
      var hasFloat64 = false, hasFloatLiteral = false, hasInt = false
      var numeric: NumericType?
      for t in types {
        switch t {
        case .error: return .error
        case .float64: hasFloat64 = true
        case .floatLiteral: hasFloatLiteral = true
        case .int: hasInt = true
        case .numeric(let n): numeric = numeric ?? n
        default: break
        }
      }
      let target: SemaType = numeric.map { .numeric($0) } ?? (hasFloat64 || (hasFloatLiteral && !hasInt) ? .float64 : .int)
      for (k, a) in args.enumerated() {
        if types[k].isSameCoreType(target) || types[k] == target { continue }
        if types[k].isLiteral && convertible(types[k], to: target) { materialize(a.value, as: target); types[k] = target; continue }
        report(SemaDiagnostics.argumentType(name, "value", types[k], target, location(tree.expr(a.value).offset)))
        return .error
      }
      record(id, name == "abs" ? .abs : name == "min" ? .min : .max, expressionsOf: args)
      return target
    case .int, .float64, .string, .bool:
      if args.isEmpty && name == "String" {
        record(id, .convertToString, [.constant(.string([]), .string)])
        return .string
      }
      if name == "String" && args.count > 1 && !args.contains(where: { $0.label.exists }) {
        // `String(a, b, ...)`: each value written after the other, as `print` writes them (a
        // t-string's pieces are checked the same way).
        return checkTemplateString(id, args)
      }
      if name == "String", let type = checkStringFromBytes(id, e, args) { return type }
      guard positionalOnly(1...1) else { return checkArgumentsOnly(args) }
      let value = args[0].value
      var t = checkExpression(value, expected: nil)
      if name == "Int" && t == .floatLiteral {
        report(SemaDiagnostics.cannotConvert("FloatLiteral", .int, location(tree.expr(value).offset)))
        return .error
      }
      if t.isLiteral { t = t.materialized; materialize(value, as: t) }
      let target: (CallTarget, SemaType)
      switch name {
      case "Int": target = (.convertToInt, .int)
      case "Float64": target = (.convertToFloat64, .float64)
      case "Bool": target = (.convertToBool, .bool)
      default: target = (.convertToString, .string)
      }
      if t == .string && (name == "Int" || name == "Float64") {
        return checkStringConversion(id, value, to: target.1)
      }
      if case .optional = t, name == "Bool" {
        record(id, .convertToBool, [.expression(value)])
        return .bool
      }
      if case .structType(let m, let s) = t, name != "String",
         let f = program.structs[m][s].methods[name == "Int" ? "__int__" : name == "Bool" ? "__bool__" : "__float__"],
         program.signatures[m][f].parameters.count == 1, program.signatures[m][f].result == target.1 {
        // `Int(x)` of an `Intable` struct is its `__int__()` (`Bool`: `__bool__`, `Float64`: `__float__`).
        record(id, .method(module: m, index: f), [.expression(value)])
        return target.1
      }
      if name == "String", t == .errorValue || writeToMethod(t) != nil || { switch t {
        case .list, .dict, .set, .tuple, .optional: isPrintable(t)
        default: false
      } }() {
        requestWriters(t)
        record(id, .convertToString, [.expression(value)])
        return .string
      }
      guard [.int, .float64, .bool, .string].contains(t) || t.numeric != nil, name == "String" || name == "Bool" || t != .string else {
        if t != .error { report(SemaDiagnostics.argumentType(name, "value", t, target.1, location(tree.expr(value).offset))) }
        return .error
      }
      record(id, target.0, [.expression(value)])
      return target.1
    case .error:
      return checkErrorConstructor(id, e, args)
    case .sort:
      return checkSort(id, e, args)
    case .optional:
      // `Optional(x)`: the type argument inferred from the value.
      guard positionalOnly(1...1) else { return checkArgumentsOnly(args) }
      var t = checkExpression(args[0].value, expected: nil)
      if t.isLiteral { t = t.materialized; materialize(args[0].value, as: t) }
      guard t != .none, t != .errorValue, t != .error else {
        if t != .error { report(SemaDiagnostics.notSupportedYet("'Optional' of '\(typeName(t))'", at)) }
        return .error
      }
      record(id, .collection(.some), [.expression(args[0].value)])
      return .optional(t)
    case .len, .ord, .chr, .range:
      if name == "range" { report(SemaDiagnostics.notSupportedYet("'range' outside a 'for' loop", at)) }
      else if name == "chr" {
        guard positionalOnly(1...1) else { return checkArgumentsOnly(args) }
        checkValue(args[0].value, as: .int)
        record(id, .chr, [.expression(args[0].value)])
        return .string
      } else if name == "ord" {
        guard positionalOnly(1...1) else { return checkArgumentsOnly(args) }
        checkValue(args[0].value, as: .string)
        record(id, .ord, [.expression(args[0].value)])
        return .int
      } else {
        guard positionalOnly(1...1) else { return checkArgumentsOnly(args) }
        let t = checkExpression(args[0].value, expected: nil)
        if case .tuple(let elements) = t {
          result.exprFacts[Int(id.index)] = .constant(.int(BigInt(Int64(elements.count))))
          return .int
        }
        if t.isStruct {
          return checkDunderCall(id, receiver: args[0].value, type: t, method: "__len__", at: at) ?? .error
        }
        var isSized = false
        switch t {
        case .list, .dict, .set: isSized = true
        default: break
        }
        guard isSized else {
          if t == .string || t == .stringLiteral { report(SemaDiagnostics.lenOfString(at)) }
          else if t != .error { report(SemaDiagnostics.argumentType("len", "value", t.materialized, .list(.int), location(startOffset(args[0].value)))) }
          return .error
        }
        record(id, .len, [.expression(args[0].value)])
        return .int
      }
      return checkArgumentsOnly(args)
    default:
      if let n = NumericType(name: name) { return checkNumericConversion(id, e, n, args) }
      report(unknownDeclaration(name, at: callee.offset))
      return checkArgumentsOnly(args)
    }
  }

  /// True for the types `repr` writes: scalars, lists and dicts of them, structs with
  /// `write_repr_to` or whose fields are (Mojo's reflected `Name(field=...)`).
  func isRepresentable(_ t: SemaType, depth: Int = 0) -> Bool {
    guard depth < 16 else { return false }
    switch t {
    case .int, .float64, .bool, .string, .numeric: return true
    case .list(let e), .optional(let e): return isRepresentable(e, depth: depth + 1)
    case .tuple(let elements): return elements.allSatisfy { isRepresentable($0, depth: depth + 1) }
    case .dict(let k, let v): return isRepresentable(k, depth: depth + 1) && isRepresentable(v, depth: depth + 1)
    case .structType(let m, let s):
      // `repr[T: Writable]`: the struct's `write_repr_to`, or its fields by reflection.
      let info = program.structs[m][s]
      guard program.conforms(t, to: .builtin(.writable)) else { return false }
      return info.methods["write_repr_to"] != nil || info.fieldTypes.allSatisfy { isRepresentable($0, depth: depth + 1) }
    default: return false
    }
  }

  /// True for the types `print` and `String(...)` can format (§12).
  /// `Tuple(a, b)` (element types from the arguments) or `Tuple[A, B](a, b)` / a tuple alias's
  /// call (`elements` given): a new tuple.
  mutating func checkTupleConstructor(_ id: ExprID, _ e: ExprNode, elements: [SemaType]?, _ args: [Argument]) -> SemaType {
    if let labeled = args.first(where: { $0.label.exists }) {
      report(SemaDiagnostics.unexpectedArgument("Tuple", location(labeled.offset)))
      return checkArgumentsOnly(args)
    }
    var types: [SemaType] = []
    if let elements {
      guard elements.count == args.count else {
        if args.count > elements.count { report(SemaDiagnostics.unexpectedArgument("Tuple", location(args[elements.count].offset))) }
        else { report(SemaDiagnostics.missingArgument("Tuple", "args", location(e.offset))) }
        return checkArgumentsOnly(args)
      }
      for (k, a) in args.enumerated() { checkValue(a.value, as: elements[k]) }
      types = elements
    } else {
      for a in args {
        var t = checkExpression(a.value, expected: nil)
        if t.isLiteral { t = t.materialized; materialize(a.value, as: t) }
        if t == .error { return .error }
        types.append(t)
      }
    }
    guard !types.isEmpty else {
      report(SemaDiagnostics.notSupportedYet("an empty tuple", location(e.offset)))
      return .error
    }
    record(id, .makeTuple, expressionsOf: args)
    return .tuple(types)
  }

  /// `hex(n, prefix="0x")`, `bin(n, prefix="0b")`, `oct(n, prefix="0o")` of an integer value.
  mutating func checkRadixCall(_ id: ExprID, _ e: ExprNode, _ name: String, _ args: [Argument]) -> SemaType {
    let positional = args.filter { !$0.label.exists }
    let keywords = args.filter { $0.label.exists }
    guard positional.count == 1, keywords.count <= 1, keywords.allSatisfy({ tree.name($0.label) == "prefix" }) else {
      let extra = positional.count > 1 ? positional[1] : keywords.first { tree.name($0.label) != "prefix" } ?? keywords.dropFirst().first
      if let extra { report(SemaDiagnostics.unexpectedArgument(name, location(extra.offset))) }
      else { report(SemaDiagnostics.missingArgument(name, "value", location(e.offset))) }
      return checkArgumentsOnly(args)
    }
    var t = checkExpression(positional[0].value, expected: nil)
    if t.isLiteral { t = t.materialized; materialize(positional[0].value, as: t) }
    switch t {
    case .error: return .error
    case .int: break
    case .numeric(let n) where !n.isFloat && n != .codepoint: break
    default:
      report(SemaDiagnostics.notSupportedYet("'\(name)' of a '\(typeName(t))'", location(startOffset(positional[0].value))))
      return .error
    }
    let radix = name == "hex" ? 16 : name == "bin" ? 2 : 8
    var prefix = CallArgument.constant(.string(Array((name == "hex" ? "0x" : name == "bin" ? "0b" : "0o").utf8)), .string)
    if let k = keywords.first {
      checkValue(k.value, as: .string)
      prefix = .expression(k.value)
    }
    record(id, .radix(radix), [.expression(positional[0].value), prefix])
    return .string
  }

  func isPrintable(_ t: SemaType) -> Bool {
    switch t {
    case .int, .float64, .bool, .string, .errorValue, .numeric: true
    case .list(let element), .set(let element), .optional(let element): isPrintable(element)
    case .dict(let key, let value): isPrintable(key) && isPrintable(value)
    case .tuple(let elements): elements.allSatisfy { isPrintable($0) }
    case .structType, .boundStruct: writeToMethod(t) != nil
    default: false
    }
  }

  /// `range(stop)`, `range(start, stop)`, `range(start, stop, step)` with `Int` arguments.
  /// Returns the loop variable's type: `Int`, or the sized integer type of a first argument
  /// of one (`range(n)` of a `UInt` counts in `UInt`; every argument then has that type).
  @discardableResult
  mutating func checkRangeCall(_ id: ExprID, _ e: ExprNode) -> SemaType {
    let args = Array(tree.call(e).arguments)
    guard (1...3).contains(args.count), !args.contains(where: { $0.label.exists }) else {
      report(SemaDiagnostics.unexpectedArgument("range", location(args.first?.offset ?? e.offset)))
      _ = checkArgumentsOnly(args)
      return .int
    }
    var element = SemaType.int
    let first = checkExpression(args[0].value, expected: .int)
    if let n = first.numeric, !n.isFloat, n != .codepoint { element = first }
    convertValue(args[0].value, first, to: element)
    for a in args.dropFirst() { checkValue(a.value, as: element) }
    var arguments: [CallArgument] = args.map { .expression($0.value) }
    if args.count == 1 { arguments.insert(.constant(.int(0), .int), at: 0) }
    if arguments.count == 2 { arguments.append(.constant(.int(1), .int)) }
    record(id, .range, arguments)
    result.exprTypes[Int(id.index)] = .none
    return element
  }
}

/// The names of the builtin functions `checkBuiltinCall` handles: it switches on these, found
/// once per identifier of the module (`BodyChecker.builtinCalls`), instead of comparing strings.
enum BuiltinCallName: String {
  case debugAssert = "debug_assert"
  case repr
  case set = "Set"
  case list = "List"
  case reversed
  case print
  case round
  case hex
  case bin
  case oct
  case pow
  case tuple = "Tuple"
  case atol
  case atof
  case abs
  case min
  case max
  case int = "Int"
  case float64 = "Float64"
  case string = "String"
  case bool = "Bool"
  case error = "Error"
  case sort
  case optional = "Optional"
  case len
  case ord
  case chr
  case range
  /// Any other name.
  case other = ""
}
