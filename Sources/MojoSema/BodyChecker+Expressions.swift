//! Expression typing: literals fold to constants and take the type their context gives them
//! (LANGUAGE.md §6.3); operators follow §7; `Int` and `Float64` never mix implicitly.
import MojoDiagnostics
import MojoSyntax

extension BodyChecker {
  /// Checks `id` and returns its type. `expected` only guides literal materialization; callers
  /// that need a specific type use `checkValue`.
  mutating func checkExpression(_ id: ExprID, expected: SemaType?) -> SemaType {
    if let operand = checkedChainOperand, operand == id {
      checkedChainOperand = nil
      return result.exprTypes[Int(id.index)]
    }
    if tree.isChain(id) { return checkChain(id, expected: expected) }
    let type = computeType(id, expected: expected)
    result.exprTypes[Int(id.index)] = type
    return type
  }

  /// Checks the flat chain that `id` ends (`a + b + c ...`, `x and y and z`) in a loop over its
  /// left spine, innermost node first, with exactly the outcome of checking it recursively: each
  /// node takes the type its parent would ask for, and a node that folds as a whole (or whose
  /// fold is too large) ends the descent, so the nodes below it are not checked.
  private mutating func checkChain(_ id: ExprID, expected: SemaType?) -> SemaType {
    let spine = tree.leftSpine(of: id)
    // The nodes that may fold are an innermost prefix (a node may fold only if its left may).
    var foldable = 0
    while foldable < spine.count && mayFold(spine[foldable]) { foldable += 1 }
    var start = 0, unfoldable = 0..<0
    if foldable > 0 {
      folder.tooLargeAt = nil
      let (value, folded) = folder.foldSpine(spine[..<foldable], in: scopes)
      if value != nil || folder.tooLargeAt != nil {
        start = foldable - 1
      } else {
        start = max(folded - 1, 0)
        unfoldable = folded..<foldable
      }
    }
    // A chain inside an operand of an outer chain's node keeps the outer one's state.
    let outer = (checkedChainOperand, chainNodeWithoutFold)
    defer { (checkedChainOperand, chainNodeWithoutFold) = outer }
    var type = SemaType.error
    for k in start..<spine.count {
      let node = spine[k]
      let parentOp = k + 1 < spine.count ? tree.binary(tree.expr(spine[k + 1])).op : nil
      checkedChainOperand = k > start ? spine[k - 1] : nil
      chainNodeWithoutFold = unfoldable.contains(k) ? node : nil
      type = computeType(node, expected: parentOp == nil ? expected : parentOp == .and || parentOp == .or ? .bool : nil)
      result.exprTypes[Int(node.index)] = type
    }
    return type
  }

  /// Checks `id` as a value of `target` type, reporting a conversion error when it is not one.
  mutating func checkValue(_ id: ExprID, as target: SemaType) {
    convertValue(id, checkExpression(id, expected: target), to: target)
  }

  /// Makes checked expression `id` of type `type` a `target` value, as `checkValue` does.
  mutating func convertValue(_ id: ExprID, _ type: SemaType, to target: SemaType) {
    if type.isSameCoreType(target) || type.isError || target.isError || type == target { return }
    if type.isLiteral, convertible(type, to: target) {
      materialize(id, as: target)
      return
    }
    if case .optional = target, convertsToOptional(id, type, target) { return }
    let d = SemaDiagnostics.cannotConvert(literalDisplay(id, type), typeName(target), location(diagnosticOffset(id)))
    if type == .floatLiteral && (target == .int || target.numeric != nil) { reportInstantiationFailure(d) } else { report(d) }
  }

  /// The name of a type in a conversion message (`IntLiteral[1]` for a literal, as the
  /// reference compiler prints it).
  func literalDisplay(_ id: ExprID, _ type: SemaType) -> String {
    if case .constant(.int(let v)) = result.exprFacts[Int(id.index)], type == .intLiteral { return "IntLiteral[\(v)]" }
    if type == .floatLiteral, tree.expr(id).kind == .floatLiteral {
      return "FloatLiteral[\(tree.floatLiteralText(tree.expr(id)))]"
    }
    if case .constant(.string(let bytes)) = result.exprFacts[Int(id.index)], type == .stringLiteral {
      return "StringLiteral[\"\(String(decoding: bytes, as: UTF8.self))\"]"
    }
    return typeName(type)
  }

  /// A type's name in messages (struct types by their declared name).
  func typeName(_ type: SemaType) -> String {
    switch type {
    case .structType, .boundStruct: program.displayName(of: type)
    case .list(let element): "List[\(typeName(element))]"
    default: type.description
    }
  }

  /// The offset of an expression's first byte (binary nodes record their operator).
  func startOffset(_ id: ExprID) -> UInt32 {
    var e = tree.expr(id)
    while let first = tree.leadingOperand(e) { e = tree.expr(first) }
    return e.offset
  }

  /// A FloatLiteral used where an `Int` is needed: the reference compiler reports this when it
  /// instantiates the program's functions, at `main`, with the real reason as a note; mojoc
  /// reports the reason with Mojo's line as a note.
  mutating func reportInstantiationFailure(_ reason: Diagnostic) {
    var at = location(tree.functions[currentFunction].offset)
    if case .function(_, let main)? = program.symbols[0]["main"], let mainFile = program.modules[0].file {
      at = SourceLocation(file: mainFile, offset: Int(program.modules[0].tree.functions[main].offset))
    }
    report(SemaDiagnostics.functionInstantiationFailed(at, cause: reason))
  }

  /// Reports that a value of a non-implicitly-copyable type is read from a place where it would
  /// have to be copied (LANGUAGE.md §9.3): `.copy()` or `^` is required.
  mutating func checkOwnedValue(_ id: ExprID) {
    // Mojo points at the `.` of a field.
    let at = tree.expr(id).kind == .member ? tree.expr(id).offset : startOffset(id)
    if instance != nil, let k = typeParameterRead(id), let name = typeParameterNotImplicitlyCopyable(k) {
      // Mojo checks a generic body once: a value of type `T` (a parameter, a local, a field)
      // whose bounds do not make it `ImplicitlyCopyable` cannot be copied, whatever `T` is bound to.
      report(SemaDiagnostics.implicitCopy(name, location(at)))
      return
    }
    let type = result.exprTypes[Int(id.index)]
    let isCopyable: Bool
    switch type {
    case .list, .dict, .set: isCopyable = false
    case .structType, .boundStruct: isCopyable = program.structInfo(type)!.isImplicitlyCopyable
    default: return
    }
    guard !isCopyable else { return }
    let isPlace: Bool
    switch result.exprFacts[Int(id.index)] {
    case .local, .field, .call(.collection(.getItem), _, _): isPlace = true
    case .none: isPlace = tree.expr(id).kind == .index
    default: isPlace = false
    }
    if isPlace { report(SemaDiagnostics.implicitCopy(typeName(type), location(at))) }
  }

  /// Where a diagnostic about expression `id` points: a binary expression's operator, else its
  /// first byte.
  func diagnosticOffset(_ id: ExprID) -> UInt32 {
    tree.expr(id).offset
  }

  /// True when a literal of type `literal` can become a value of `target`.
  func convertible(_ literal: SemaType, to target: SemaType) -> Bool {
    switch (literal, target) {
    case (.intLiteral, .int), (.intLiteral, .float64), (.floatLiteral, .float64), (.stringLiteral, .string): true
    case (.intLiteral, .numeric): true
    case (.floatLiteral, .numeric(let n)): n.isFloat
    default: false
    }
  }

  /// False when `id` certainly is not a literal expression: it contains a call, an element or
  /// field access, or a name bound to a variable.
  mutating func mayFold(_ id: ExprID) -> Bool {
    // Memoized: `computeType` asks at every level of an operator chain, which would otherwise
    // walk the chain again at each level (quadratic in its length).
    switch mayFoldCache[Int(id.index)] {
    case 1: return true
    case 2: return false
    default: break
    }
    if tree.isChain(id) {
      // A chain's unanswered nodes innermost first, so that each finds its left operand's
      // answer cached.
      var pending: [ExprID] = []
      var node = tree.binary(tree.expr(id)).left
      while case let e = tree.expr(node), e.kind == .binary, mayFoldCache[Int(node.index)] == 0 {
        pending.append(node)
        node = tree.binary(e).left
      }
      for node in pending.reversed() { mayFoldCache[Int(node.index)] = computeMayFold(node) ? 1 : 2 }
    }
    let answer = computeMayFold(id)
    mayFoldCache[Int(id.index)] = answer ? 1 : 2
    return answer
  }

  private mutating func computeMayFold(_ id: ExprID) -> Bool {
    let e = tree.expr(id)
    switch e.kind {
    case .intLiteral, .floatLiteral, .stringLiteral, .boolLiteral: return true
    case .name:
      let name = tree.nameReference(e)
      switch lookupLocal(name) {
      case .constant?: return true
      case .variable?: return false
      case nil:
        if case .comptime? = global(name) { return true }
        return false
      }
    case .unary: return mayFold(tree.operand(e))
    case .binary:
      let b = tree.binary(e)
      return mayFold(b.left) && mayFold(b.right)
    case .comparison:
      for operand in tree.comparison(e).operands where !mayFold(operand) { return false }
      return true
    default: return false
    }
  }

  /// Records that constant expression `id` is used as a `target` value.
  mutating func materialize(_ id: ExprID, as target: SemaType) {
    result.exprTypes[Int(id.index)] = target
  }

  private mutating func computeType(_ id: ExprID, expected: SemaType?) -> SemaType {
    let e = tree.expr(id)
    // Literal expressions fold as a whole (§6.1).
    switch e.kind {
    case .intLiteral, .floatLiteral, .stringLiteral, .boolLiteral, .unary, .binary, .comparison, .name:
      // A cheap walk first: most expressions read a variable and cannot fold.
      if let node = chainNodeWithoutFold, node == id {
        chainNodeWithoutFold = nil
        break
      }
      guard mayFold(id) else { break }
      folder.tooLargeAt = nil
      if let c = folder.fold(id, in: scopes) {
        result.exprFacts[Int(id.index)] = .constant(c)
        if let expected, c.type.isLiteral, convertible(c.type, to: expected) { return expected }
        return c.type
      }
      if let offset = folder.tooLargeAt {
        report(SemaDiagnostics.literalTooLarge(location(offset)))
        return .error
      }
    default: break
    }
    switch e.kind {
    case .name: return checkName(id, e)
    case .unary: return checkUnary(id, e)
    case .binary:
      let (left, right) = (tree.binary(e).left, tree.binary(e).right)
      if e.op == .and || e.op == .or {
        for k in 0..<2 {
          let operand = k == 0 ? left : right
          let t = checkExpression(operand, expected: .bool)
          if t != .bool && t != .error {
            report(SemaDiagnostics.notSupportedYet("'\(e.op == .and ? "and" : "or")' on a '\(typeName(t.materialized))' operand", location(startOffset(operand))))
          }
        }
        return .bool
      }
      if e.op == .contains || e.op == .notContains, case let l = tree.expr(left), l.kind == .listLiteral,
         tree.elements(l).isEmpty {
        // `[] in lists`: the empty list takes the container's element type.
        let rt = checkExpression(right, expected: nil)
        var element: SemaType?
        if case .list(let e) = rt { element = e }
        let lt = checkExpression(left, expected: element)
        return binaryResultType(e.op, lt, rt, left: left, right: right, at: e.offset)
      }
      let lt = checkExpression(left, expected: nil)
      let rt = checkExpression(right, expected: e.op == .pow ? .int : e.op == .contains || e.op == .notContains
                               ? containerExpectation(lt) : (lt.isLiteral || lt.isStruct ? nil : lt))
      if lt.isStruct || rt.isStruct, let t = checkOperatorMethod(id, e.op, left, lt, right, rt, at: e.offset) { return t }
      return binaryResultType(e.op, lt, rt, left: left, right: right, at: e.offset)
    case .comparison:
      let (operands, operators) = tree.comparison(e)  // slices: indexed from `first`, `firstOp`
      let first = operands.startIndex, firstOp = operators.startIndex
      if operands.count == 2, case let op = operators[firstOp], op == .contains || op == .notContains,
         case let left = tree.expr(operands[first]), left.kind == .listLiteral, tree.elements(left).isEmpty {
        // `[] in lists`: the empty list takes the container's element type.
        let rt = checkExpression(operands[first + 1], expected: nil)
        var element: SemaType?
        if case .list(let e) = rt { element = e }
        let lt = checkExpression(operands[first], expected: element)
        _ = binaryResultType(op, lt, rt, left: operands[first], right: operands[first + 1], at: e.offset)
        return .bool
      }
      var previous = checkExpression(operands[first], expected: nil)
      if operands.count == 2 {
        let op = operators[firstOp]
        let left = operands[first], right = operands[first + 1]
        let rt = checkExpression(right, expected: op == .contains || op == .notContains ? containerExpectation(previous) : nil)
        if previous.isStruct || rt.isStruct, let t = checkOperatorMethod(id, op, left, previous, right, rt, at: e.offset) { return t }
        _ = binaryResultType(op, previous, rt, left: left, right: right, at: e.offset)
        return .bool
      }
      for k in 1..<operands.count {
        let op = operators[firstOp + k - 1]
        let t = checkExpression(operands[first + k], expected: op == .contains || op == .notContains ? containerExpectation(previous) : nil)
        _ = binaryResultType(op, previous, t, left: operands[first + k - 1], right: operands[first + k], at: e.offset)
        previous = t  // the next link sees this operand as written (a literal stays a literal)
      }
      return .bool
    case .ternary:
      let t = tree.ternary(e)
      checkCondition(t.condition)
      let thenType = checkExpression(t.then, expected: expected)
      let elseType = checkExpression(t.otherwise, expected: thenType.isLiteral ? expected : thenType)
      return unify(thenType, elseType, t.then, t.otherwise, at: e.offset)
    case .call:
      return checkCall(id, e)
    case .member:
      let (baseID, memberName) = tree.member(e)
      let base = tree.expr(baseID)
      if base.kind == .name, let (value, type) = integerLimit(base, member: tree.name(memberName)) {
        result.exprFacts[Int(id.index)] = .constant(.int(value))
        return type
      }
      if base.kind == .name, let member = structComptime(base, memberName) {
        return checkStructComptime(id, member, expected: expected)
      }
      if let symbol = resolveQualified(e) {
        if case .comptime(let m, let i) = symbol, let c = program.comptimeValues[m][i] {
          result.exprFacts[Int(id.index)] = .constant(c.value)
          if let expected, c.type.isLiteral, convertible(c.type, to: expected) { return expected }
          return c.type
        }
        if case .module(let m) = symbol { return .module(m) }
        report(SemaDiagnostics.notSupportedYet("using a function as a value", location(e.offset)))
        return .error
      }
      let baseType = checkExpression(baseID, expected: nil)
      if baseType != .error, case .module = baseType {
        return .error  // already reported by resolveQualified
      }
      if case .dictEntry(let key, let value) = baseType {
        switch tree.name(memberName) {
        case "key": result.exprFacts[Int(id.index)] = .field(0); return key
        case "value": result.exprFacts[Int(id.index)] = .field(1); return value
        default: break
        }
      }
      if let info = program.structInfo(baseType), let k = info.fieldNames.firstIndex(of: tree.name(memberName)) {
        result.exprFacts[Int(id.index)] = .field(k)
        return info.fieldTypes[k]
      }
      if baseType.isStruct {
        let info = program.structInfo(baseType)!
        report(SemaDiagnostics.noAttribute(info.name, tree.name(memberName), location(e.offset), members: info.memberNames))
      } else if baseType != .error {
        report(SemaDiagnostics.noAttribute(baseType.description, tree.name(memberName), location(e.offset)))
      }
      return .error
    case .index, .byteIndex:
      return checkIndex(id, e)
    case .slice:
      return checkSlice(id, e)
    case .tuple:
      return checkTuple(id, e, expected: expected)
    case .listLiteral:
      return checkListLiteral(id, e, expected: expected)
    case .dictLiteral:
      return checkDictLiteral(id, e, expected: expected)
    case .setLiteral:
      return checkSetLiteral(id, e, expected: expected)
    case .noneLiteral:
      return .none
    case .listComprehension, .setComprehension, .dictComprehension:
      return checkComprehension(id, e, expected: expected)
    case .comprehensionClause:
      preconditionFailure("checker: a comprehension clause outside its comprehension")
    case .transfer:
      return checkExpression(tree.operand(e), expected: expected)
    case .intLiteral, .floatLiteral, .stringLiteral, .boolLiteral, .invalid:
      return .error
    }
  }

  private mutating func checkName(_ id: ExprID, _ e: ExprNode) -> SemaType {
    let nameID = tree.nameReference(e)
    switch lookupLocal(nameID) {
    case .variable(let slot, _):
      result.exprFacts[Int(id.index)] = .local(slot)
      checkInitialized(slot, name: nameID, at: e.offset)
      usage.read(slot)
      return locals[Int(slot)]
    case .constant(let value, let type):
      result.exprFacts[Int(id.index)] = .constant(value)
      return type
    case nil:
      break
    }
    switch global(nameID) {
    case .comptime(let m, let i)?:
      guard let c = program.comptimeValues[m][i] else { return .error }
      result.exprFacts[Int(id.index)] = .constant(c.value)
      return c.type
    case .module(let m)?:
      return .module(m)
    case .builtin(let f)? where f.constantValue != nil:
      // `pi`, `e`, `tau`: FloatLiterals of the double nearest the constant.
      result.exprFacts[Int(id.index)] = .constant(.float(ExactFloat(exactly: f.constantValue!)!))
      return .floatLiteral
    case .function?, .builtin?, .structType?, .trait?, .traitAlias?:
      report(SemaDiagnostics.notSupportedYet("using a function or type as a value", location(e.offset)))
      return .error
    case nil:
      report(unknownDeclaration(tree.name(nameID), at: e.offset))
      return .error
    }
  }

  /// Resolves `module.name` (and `pkg.module.name`) member chains to a module-level symbol.
  mutating func resolveQualified(_ e: ExprNode) -> Symbol? {
    let (baseID, memberName) = tree.member(e)
    let base = tree.expr(baseID)
    var baseModule: Int?
    if let name = tree.plainName(base) {
      if lookupLocal(name) == nil, case .module(let m)? = global(name) { baseModule = m }
    } else if base.kind == .member, case .module(let m)? = resolveQualified(base) {
      baseModule = m
    }
    guard let m = baseModule else { return nil }
    let member = tree.name(memberName)
    guard let symbol = Binder.member(member, of: m, in: program) else {
      report(SemaDiagnostics.moduleHasNoDeclaration(program.modules[m].name, member, location(e.offset)))
      return .module(-1)
    }
    return symbol
  }

  private mutating func checkUnary(_ id: ExprID, _ e: ExprNode) -> SemaType {
    let operand = tree.operand(e)
    var t = checkExpression(operand, expected: nil)
    if t.isLiteral { materialize(operand, as: t.materialized); t = t.materialized }
    switch (e.op, t) {
    case (_, .error): return .error
    case (.negate, .int), (.negate, .float64), (.plus, .int), (.plus, .float64), (.invert, .int): return t
    case (.invert, .bool), (.not, .bool): return .bool
    case (.not, .int), (.not, .list), (.not, .dict), (.not, .set), (.not, .optional), (.not, .numeric), (.not, .string): return .bool
    case (.negate, .numeric), (.plus, .numeric): return t
    case (.invert, .numeric(let n)) where !n.isFloat: return t
    case (.negate, .bool), (.plus, .bool):
      report(SemaDiagnostics.doesNotImplement("Bool", e.op.methodName, location(e.offset)))
      return .error
    default:
      report(SemaDiagnostics.notSupportedYet("'\(e.op.methodName)' on '\(typeName(t))'", location(e.offset)))
      return .error
    }
  }

  /// Unifies the two branch types of a conditional expression.
  private mutating func unify(_ a: SemaType, _ b: SemaType, _ ea: ExprID, _ eb: ExprID, at offset: UInt32) -> SemaType {
    if a == b { return a.materialized }
    if a == .error || b == .error { return .error }
    if a.isLiteral && !b.isLiteral && convertible(a, to: b) { materialize(ea, as: b); return b }
    if b.isLiteral && !a.isLiteral && convertible(b, to: a) { materialize(eb, as: a); return a }
    if a.isLiteral && b.isLiteral {
      if (a == .intLiteral && b == .floatLiteral) || (a == .floatLiteral && b == .intLiteral) {
        report(SemaDiagnostics.ambiguousMerge(literalDisplay(ea, a), literalDisplay(eb, b), location(offset)))
        return .error
      }
      let t: SemaType = (a == .floatLiteral || b == .floatLiteral) ? .float64 : a.materialized
      if convertible(a, to: t) && convertible(b, to: t) { materialize(ea, as: t); materialize(eb, as: t); return t }
    }
    report(SemaDiagnostics.cannotConvert(b.description, a, location(tree.expr(eb).offset)))
    return .error
  }

  /// The result type of `left op right` after materializing literal operands, or `.error`
  /// after reporting. `inPlace` (`left op= right`) reports a mismatch the way Mojo reports its
  /// in-place method (`__iadd__`, with the literal's own type).
  mutating func binaryResultType(_ op: Operator, _ lt0: SemaType, _ rt0: SemaType, left: ExprID, right: ExprID,
                                 at offset: UInt32, inPlace: Bool = false) -> SemaType {
    var lt = lt0, rt = rt0
    if lt.isError || rt.isError { return .error }
    if op == .contains || op == .notContains { return containsResultType(lt, rt, left: left, right: right, at: offset) }
    // The common case first, matched by case (no `==` calls): two `Int`s or two `Float64`s.
    switch (lt0, rt0) {
    case (.int, .int):
      if op.isComparison { return .bool }
      switch op {
      case .add, .sub, .mul, .div, .floorDiv, .mod, .pow, .shl, .shr, .bitAnd, .bitOr, .bitXor: return .int
      default: break
      }
    case (.float64, .float64):
      if op.isComparison { return .bool }
      switch op {
      case .add, .sub, .mul, .div, .floorDiv, .mod, .pow: return .float64
      default: break
      }
    case (.set, _), (.list, _), (.optional, _):
      if let type = collectionBinaryResultType(op, lt, rt, right: right, at: offset) { return type }
    case (.dict, .dict) where (op == .equal || op == .notEqual) && lt0 == rt0 && isDeepEquatable(lt0):
      return .bool
    default: break
    }
    if op == .identical || op == .notIdentical {
      report(SemaDiagnostics.notSupportedYet("'is' other than 'x is None' on an 'Optional'", location(offset)))
      return .error
    }
    // A literal raised to a FloatLiteral is [v2] (§6.1): the folder leaves it unfolded.
    if op == .pow, lt == .floatLiteral, rt == .floatLiteral {
      // `2.0 ** 0.5`: computed at run time as Mojo's `Float64 ** Float64` computes it.
      materialize(left, as: .float64)
      materialize(right, as: .float64)
      return .float64
    }
    if op == .pow, lt.isLiteral, rt == .floatLiteral {
      report(SemaDiagnostics.notSupportedYet("'\(lt) ** \(rt)'", location(offset)))
      return .error
    }
    // A literal operand takes the other operand's type (§6.3); two literals were folded already
    // unless one side is not foldable, in which case both materialize.
    if lt.isLiteral && !rt.isLiteral {
      if op == .pow, rt == .int, lt == .floatLiteral { lt = .float64; materialize(left, as: .float64) }
      else if convertible(lt, to: rt) { lt = rt; materialize(left, as: rt) }
    }
    if rt.isLiteral && !lt.isLiteral {
      if op == .pow && lt == .float64 && rt == .intLiteral { rt = .int; materialize(right, as: .int) }
      else if convertible(rt, to: lt) { rt = lt; materialize(right, as: lt) }
    }
    if lt.isLiteral { lt = lt.materialized; materialize(left, as: lt) }
    if rt.isLiteral { rt = rt.materialized; materialize(right, as: rt) }
    if case .numeric(let n) = lt, !(op.isComparison && lt0.isLiteral), let type = numericResultType(op, n, right: rt) { return type }
    if op.isComparison {
      // Quirk of the reference compiler (LANGUAGE.md §6.3): a literal on the left of a
      // comparison with a Float64 or a sized numeric type finds no method.
      if (lt0 == .intLiteral && rt0 == .float64) || (lt0.isLiteral && rt0.numeric != nil) {
        report(SemaDiagnostics.noMatchingMethod(op.methodName, location(rt0.numeric != nil ? diagnosticOffset(right) : startOffset(right))))
        return .error
      }
      switch (lt, rt) {
      case (.int, .int), (.float64, .float64), (.bool, .bool), (.string, .string): return .bool
      default: break
      }
      if lt == rt, case .list(let element) = lt, op == .equal || op == .notEqual,
         [.int, .float64, .bool, .string].contains(element) {
        return .bool
      }
      if lt == rt, case .list = lt {
        report(SemaDiagnostics.notSupportedYet("comparing these lists", location(offset)))
        return .error
      }
      if lt == rt, case .tuple = lt, op == .equal || op == .notEqual, isDeepEquatable(lt) {
        return .bool
      }
      if lt == rt, case .tuple = lt {
        report(SemaDiagnostics.notSupportedYet("ordering or comparing these tuples", location(offset)))
        return .error
      }
    } else {
      switch (op, lt, rt) {
      case (.add, .int, .int), (.sub, .int, .int), (.mul, .int, .int), (.div, .int, .int), (.floorDiv, .int, .int),
           (.mod, .int, .int), (.pow, .int, .int), (.shl, .int, .int), (.shr, .int, .int), (.bitAnd, .int, .int),
           (.bitOr, .int, .int), (.bitXor, .int, .int):
        return .int
      case (.add, .float64, .float64), (.sub, .float64, .float64), (.mul, .float64, .float64), (.div, .float64, .float64),
           (.floorDiv, .float64, .float64), (.mod, .float64, .float64), (.pow, .float64, .int), (.pow, .float64, .float64):
        return .float64
      case (.bitAnd, .bool, .bool), (.bitOr, .bool, .bool), (.bitXor, .bool, .bool):
        return .bool
      case (.add, .string, .string), (.mul, .string, .int):
        return .string
      default: break
      }
    }
    // The reference compiler's wording depends on the operands (checked against Mojo 1.2).
    let rhs = location(startOffset(right))
    let mismatch = SemaDiagnostics.unsupportedOperands(op.methodName, lt, rt, rhs)
    if (lt0 == .floatLiteral && (rt == .int || rt.numeric != nil)) || (rt0 == .floatLiteral && (lt == .int || lt.numeric != nil)) {
      reportInstantiationFailure(mismatch)
    } else if lt0.isLiteral {
      report(SemaDiagnostics.noMatchingMethod(op.methodName, rhs))
    } else if lt == .bool && !op.isComparison {
      report(SemaDiagnostics.doesNotImplement("Bool", op.methodName, location(offset)))
    } else if inPlace {
      report(SemaDiagnostics.unsupportedOperands("__i" + op.methodName.dropFirst(2), from: literalDisplay(right, rt0),
                                                 to: typeName(lt0), rhs))
    } else {
      report(mismatch)
    }
    return .error
  }
}

extension BodyChecker {
  /// `S.name` where `S` is a struct of this module declaring `comptime name = ...`.
  func structComptime(_ base: ExprNode, _ member: NameID) -> ComptimeDecl? {
    let nameID = tree.nameReference(base)
    guard case .structType(let m, let s)? = global(nameID), m == module, lookupLocal(nameID) == nil else { return nil }
    return tree.structs[s].comptimes.first { $0.name == member }
  }

  /// A struct's `comptime` member used as a value: its initializer, checked here and evaluated
  /// at each use (a construction or a constant: the use takes the initializer's fact).
  mutating func checkStructComptime(_ id: ExprID, _ member: ComptimeDecl, expected: SemaType?) -> SemaType {
    var declared: SemaType?
    if member.type.exists {
      declared = SignatureResolver.resolveType(member.type, in: program, module: module, generics: typeEnvironment,
                                               selfType: selfType(), into: &diagnostics)
    }
    var t = checkExpression(member.value, expected: declared ?? expected)
    if let declared {
      convertValue(member.value, t, to: declared)
      t = declared
    }
    switch result.exprFacts[Int(member.value.index)] {
    case .call, .constant:
      result.exprFacts[Int(id.index)] = result.exprFacts[Int(member.value.index)]
      return t
    default:
      if !t.isError { report(SemaDiagnostics.notSupportedYet("this 'comptime' member", location(tree.expr(member.value).offset))) }
      return .error
    }
  }

  /// `Int.MAX`, `Int.MIN`, `UInt8.MAX`...: the limit of an integer type named by `base` (not
  /// shadowed), as a constant of that type.
  func integerLimit(_ base: ExprNode, member: String) -> (BigInt, SemaType)? {
    guard member == "MAX" || member == "MIN" else { return nil }
    let nameID = tree.nameReference(base)
    guard lookupLocal(nameID) == nil, global(nameID) == nil else { return nil }
    let name = tree.name(nameID)
    let bits: Int, signed: Bool, type: SemaType
    switch name {
    case "Int": (bits, signed, type) = (64, true, .int)
    default:
      guard let n = NumericType(name: name), !n.isFloat, n != .codepoint else { return nil }
      bits = n.narrowWidth ?? 64
      signed = !n.isUnsigned
      type = .numeric(n)
    }
    if member == "MIN" { return (signed ? BigInt(Int64.min >> (64 - bits)) : BigInt(0), type) }
    if signed { return (BigInt(Int64.max >> (64 - bits)), type) }
    return (bits == 64 ? BigInt(literal: "18446744073709551615")! : BigInt(Int64(1) << bits - 1), type)
  }
}
