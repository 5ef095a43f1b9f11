//! Checks the function bodies of one module: name binding with block scopes, mutability,
//! types of statements, and definite return. Runs in parallel with other modules' checkers: it
//! reads the shared `Program` and owns everything it writes. Expressions are in
//! `BodyChecker+Expressions.swift`, calls in `BodyChecker+Calls.swift`.
import MojoDiagnostics
import MojoSyntax

/// Checks all bodies of one module.
public struct BodyChecker {
  let program: Program
  let module: Int
  let tree: SyntaxTree
  let file: SourceFile?
  var diagnostics: [Diagnostic] = []
  var result: CheckedModule
  // Per-function state.
  var scopes: LocalScopes
  /// Per `NameID` of this module's tree: the module-level symbol of that name, if any.
  let globals: [Symbol?]
  /// The interned IDs of the builtin names looked up by spelling (`List`, `range`).
  let listName: NameID
  let rangeName: NameID
  /// Folds literal expressions (made once: it holds the program and the tree).
  let folder: ConstantFolder
  /// Per expression: 0 unknown, 1 may fold, 2 cannot fold (see `mayFold`).
  var mayFoldCache: [UInt8]
  /// Per identifier of the module: the builtin function of that name (`.other` for none).
  let builtinCalls: [BuiltinCallName]
  /// While `checkChain` checks a flat chain bottom-up: the operand already checked (the node
  /// below the one being checked), and the node whose own fold is known to fail.
  var checkedChainOperand: ExprID?
  var chainNodeWithoutFold: ExprID?
  var locals: [SemaType] = []
  var isIndirect: [Bool] = []
  var loopDepth = 0
  /// Errors (see `BodyChecker+Errors.swift`): enclosing `try` bodies that have an `except`,
  /// enclosing `except` bodies, and whether the body calls a raising function.
  var catchDepth = 0
  var handlerDepth = 0
  var callsRaisingFunction = false
  /// True while checking a statement the parser made for a `with` (`assert_raises(...)` is allowed).
  var checkingWithAssertion = false
  /// Per enclosing `try` body with `except` (innermost last): the type its handler binds, set by
  /// the first raising operation inside (nil before it); per enclosing `except` body, its type.
  var tryErrorTypes: [SemaType?] = []
  var caughtTypes: [SemaType] = []
  /// Definite initialization of locals (see `BodyChecker+Initialization.swift`).
  var initialization = InitializationState()
  var reportedUninitialized = Set<UInt32>()
  /// Where to report an uninitialized read instead of the name (set while checking a `print` argument).
  var uninitializedReadOffset: UInt32?
  /// Where each local slot was declared (for notes).
  var slotOffsets: [UInt32] = []
  /// In a generic instance: the locals declared with a type parameter's type (`var y: T`,
  /// `var z = y`), by slot, with that parameter's index (`BodyChecker+GenericCopies.swift`).
  var typeParameterLocals: [UInt32: Int] = [:]
  var signature: FunctionSignature!
  /// Set while checking an explicit `__init__`, whose fields must all be assigned.
  var initializerState: InitializerState?
  /// Per function of the tree: the struct it is a method of, or -1.
  let methodOwner: [Int]
  var currentFunction = 0
  /// True when some function of the tree is declared inside another.
  let hasNestedFunctions: Bool
  /// The nested functions the current body sees by name (its own, then those of the
  /// functions around it), innermost first; empty in a module without nested functions.
  var visibleNested: [(name: NameID, function: Int)] = []
  /// Reads and stores of locals, for the unused-value warnings.
  var usage = UsageLog()
  /// Warnings so far, printed in Mojo's order (`orderedWarnings`) after the errors.
  var warnings: [Diagnostic] = []
  /// Raising calls and `raise` statements checked so far: a `try` body without any cannot raise.
  var raisePoints = 0
  /// What ended the statement just checked (nil: control may fall through it).
  var statementEnd: ControlEnd?
  /// True when control may fall through the block just checked.
  var blockFallsThrough = true
  /// When checking an instance of a generic function: the instance, its bound signature, and
  /// the names of its type parameters (and `Self`) bound to types.
  var instance: FunctionInstance?
  var instanceSignature: FunctionSignature?
  var typeEnvironment: [String: SemaType] = [:]
  /// The value of `x[i] = v` while its target is checked (a struct's `__setitem__` takes it).
  var pendingItemValue: ExprID?
  /// Scratch stack of `matchArguments`: the argument given for each parameter of the calls
  /// being matched (nested calls push above their callers).
  var argumentSlots: [ExprID] = []

  /// Prepares to check module `module` of `program`.
  public init(program: Program, module: Int) {
    self.program = program
    self.module = module
    self.tree = program.modules[module].tree
    self.file = program.modules[module].file
    let tree = self.tree
    let symbols = program.symbols[module]
    globals = tree.names.map { symbols[$0] }
    scopes = LocalScopes(nameCount: tree.names.count)
    listName = tree.names.firstIndex(of: "List").map { NameID($0) } ?? .none
    rangeName = tree.names.firstIndex(of: "range").map { NameID($0) } ?? .none
    mayFoldCache = Array(repeating: 0, count: tree.expressions.count)
    builtinCalls = tree.names.map { BuiltinCallName(rawValue: $0) ?? .other }
    folder = ConstantFolder(program: program, module: module, tree: tree, globals: globals)
    var owners = Array(repeating: -1, count: tree.functions.count)
    for (s, decl) in tree.structs.enumerated() { for f in decl.methods { owners[f] = s } }
    methodOwner = owners
    hasNestedFunctions = tree.functions.contains { $0.enclosingFunction >= 0 }
    result = CheckedModule(
      module: module, exprTypes: ExpressionTypes(count: tree.expressions.count),
      exprFacts: ExpressionFacts(count: tree.expressions.count),
      stmtSlots: Array(repeating: 0, count: tree.statements.count), callArguments: CallArguments(), functions: [])
  }

  /// Prepares to check one instance of a generic function of module `instance.module`.
  public init(program: Program, instance: FunctionInstance) {
    self.init(program: program, module: instance.module)
    self.instance = instance
    let generic = program.signatures[instance.module][instance.function]
    instanceSignature = program.signature(of: instance)
    for (k, p) in generic.genericParameters.enumerated() where p.valueType == nil {
      typeEnvironment[p.name] = instance.typeArguments[k]
    }
    let owner = methodOwner[instance.function]
    if owner >= 0 {
      let count = generic.structParameterCount
      typeEnvironment["Self"] = count == 0 ? .structType(module: instance.module, index: owner)
        : .boundStruct(module: instance.module, index: owner, arguments: Array(instance.typeArguments[0..<count]))
    }
  }

  /// Checks every function of the module (generic ones are checked per instance, later);
  /// returns the facts and the diagnostics.
  public static func check(_ program: Program, module: Int) -> (CheckedModule, [Diagnostic]) {
    var checker = BodyChecker(program: program, module: module)
    let signatures = program.signatures[module]
    for f in checker.tree.functions.indices where !signatures[f].isGeneric { checker.checkFunction(f) }
    if module == 0 { checker.checkMain() }
    checker.result.callArguments.releaseSpareCapacity()
    // Mojo warns about declarations first (as it parses them); only the main file, as every warning.
    let declarationWarnings = module == 0 ? RedundantCompositions.warnings(program, module: module) : []
    return (checker.result, checker.diagnostics + declarationWarnings + checker.orderedWarnings())
  }

  func location(_ offset: UInt32) -> SourceLocation { SourceLocation(file: file, offset: Int(offset)) }
  mutating func report(_ d: Diagnostic) {
    if d.severity == .warning { warnings.append(d) } else { diagnostics.append(d) }
  }

  private mutating func checkMain() {
    guard case .function(_, let index) = program.symbols[0]["main"] else {
      report(SemaDiagnostics.missingMain())
      return
    }
    let decl = tree.functions[index]
    if decl.returnType.exists { report(SemaDiagnostics.mainReturnsValue(location(decl.returnOffset))) }
    else if !decl.parameters.isEmpty { report(SemaDiagnostics.missingMain()) }
  }

  // MARK: - Functions

  mutating func checkFunction(_ index: Int) {
    let decl = tree.functions[index]
    signature = instanceSignature ?? program.signatures[module][index]
    currentFunction = index
    scopes.reset()
    if hasNestedFunctions {
      visibleNested = []
      var f = index
      while f >= 0 {
        for (child, decl) in tree.functions.enumerated() where decl.enclosingFunction == f {
          visibleNested.append((decl.name, child))
        }
        f = tree.functions[f].enclosingFunction
      }
    }
    if let instance {
      // Value parameters are constants of the body.
      let generic = program.signatures[module][index]
      let ownStart = generic.structParameterCount
      for (k, p) in generic.genericParameters.enumerated() where p.valueType != nil && k >= ownStart {
        guard case .value(let v) = instance.arguments[k] else { continue }
        let value: ConstantValue = p.valueType == .bool ? .bool(v != 0) : .int(BigInt(v))
        // A literal type, so that expressions of it fold (`comptime if n > 2`).
        scopes.declare(decl.genericParameters[k - ownStart].name, .constant(value, p.valueType == .bool ? .bool : .intLiteral))
      }
    }
    locals = []
    isIndirect = []
    typeParameterLocals = [:]
    loopDepth = 0
    catchDepth = 0
    handlerDepth = 0
    callsRaisingFunction = false
    tryErrorTypes = []
    caughtTypes = []
    initialization = InitializationState()
    reportedUninitialized = []
    slotOffsets = []
    usage.reset(parameters: signature.parameters.count)
    for (k, p) in signature.parameters.enumerated() {
      locals.append(p.type)
      isIndirect.append(p.isByReference)
      slotOffsets.append(decl.parameters[k].offset)
      markAssigned(UInt32(k))
      scopes.declare(decl.parameters[k].name, .variable(slot: UInt32(locals.count - 1), mutable: p.convention != .read))
    }
    initializerState = nil
    if methodOwner[index] >= 0, tree.name(decl.name) == "__init__", let selfParameter = decl.parameters.first,
       selfParameter.convention == .out {
      let owner = methodOwner[index]
      initializerState = InitializerState(structIndex: owner, selfSlot: 0, selfOffset: selfParameter.offset)
      initialization.fields = Array(repeating: false, count: program.structs[module][owner].fieldNames.count)
    }
    if module == 0, instance == nil, methodOwner[index] >= 0, tree.name(decl.name) == "__del__" {
      report(SemaDiagnostics.deprecatedDel(location(decl.offset)))
    }
    let terminates = checkBlock(decl.body, newScope: false)
    reportUnusedAssignments()
    checkFieldsInitialized(atReturn: nil)
    if signature.result != .none && !terminates {
      report(SemaDiagnostics.missingReturn(location(decl.offset)))
    }
    result.functions.append(CheckedFunction(function: index, locals: locals, isIndirect: isIndirect,
                                            callsRaisingFunction: callsRaisingFunction))
    if instance != nil {  // an instance's checker is read once per function
      diagnostics += orderedWarnings()
      warnings = []
    }
  }

  /// Checks a block; returns true when it always ends in `return` (definite return).
  @discardableResult
  mutating func checkBlock(_ block: Block, newScope: Bool = true) -> Bool {
    if newScope { scopes.push() }
    usage.enterBlock()
    defer {
      usage.exitBlock()
      if newScope { scopes.pop() }
    }
    var terminates = false
    // Once a statement ends the block, the rest never runs: warned about at its first
    // operation, checked, but its reads and stores do not count.
    var end: ControlEnd?
    var warned = false
    for s in tree.statements(in: block) {
      if let end, !warned { warned = warnUnreachable(s, after: end) }
      statementEnd = nil
      if end != nil { usage.suspend() }
      if checkStatement(s) { terminates = true }
      if end != nil { usage.resume() } else { end = statementEnd }
    }
    statementEnd = nil
    blockFallsThrough = end == nil
    return terminates
  }

  /// Looks a name up in the local scopes, innermost first. Always inlined, as are the other
  /// small lookups: a call to a method of the (large) checker would copy it.
  @inline(__always)
  func lookupLocal(_ name: NameID) -> LocalBinding? { scopes.lookup(name) }

  /// The module-level symbol a name of this module's tree stands for.
  @inline(__always)
  func global(_ name: NameID) -> Symbol? {
    if !visibleNested.isEmpty, let nested = visibleNested.first(where: { $0.name == name }) {
      return .function(module: module, index: nested.function)
    }
    return name.exists && Int(name.index) < globals.count ? globals[Int(name.index)] : nil
  }

  mutating func declareLocal(_ nameID: NameID, type: SemaType, mutable: Bool, offset: UInt32) -> UInt32 {
    let name = tree.name(nameID)
    if scopes.declaresInInnermost(nameID) {
      report(SemaDiagnostics.invalidRedefinition(name, location(offset)))
    }
    locals.append(type)
    isIndirect.append(false)
    slotOffsets.append(offset)
    let slot = UInt32(locals.count - 1)
    scopes.declare(nameID, .variable(slot: slot, mutable: mutable))
    return slot
  }

  // MARK: - Statements

  /// Checks one statement; returns true when it always returns.
  mutating func checkStatement(_ id: StmtID) -> Bool {
    let s = tree.stmt(id)
    switch s.kind {
    case .expression:
      let expression = tree.expressionStatement(s)
      if tree.isMadeForWith(s) {
        // Made by the parser for a `with` (Parser+With.swift): `__enter__()`, `__exit__()`,
        // `assert_raises(...)`; the value may be discarded.
        checkingWithAssertion = true
        _ = checkExpression(expression, expected: nil)
        checkingWithAssertion = false
      } else {
        warnIfUnused(expression, checkExpression(expression, expected: nil))
      }
    case .varDecl:
      let decl = tree.varDeclaration(s)
      let name = decl.name
      var type = SemaType.error
      if let typeID = decl.type {
        type = SignatureResolver.resolveType(typeID, in: program, module: module, generics: typeEnvironment, selfType: selfType(), into: &diagnostics)
        if let value = decl.value {
          checkValue(value, as: type)
          checkOwnedValue(value)
        }
      } else if let value = decl.value, decl.isReference {
        type = checkReferenceDeclaration(value)
      } else if let value = decl.value {
        type = checkExpression(value, expected: nil).materialized
        checkOwnedValue(value)
        if type == .none { report(SemaDiagnostics.cannotConvert("None", .int, location(tree.expr(value).offset))); type = .error }
      }
      let slot = declareLocal(name, type: type, mutable: true, offset: s.offset)
      result.stmtSlots[Int(id.index)] = slot
      if instance != nil, let k = declaredTypeParameter(decl.type, value: decl.value) { typeParameterLocals[slot] = k }
      if let value = decl.value {
        markAssigned(slot)
        usage.store(slot, name: name, value: tree.expr(value).offset, mayBeCaught: catchDepth > 0)
      } else {
        usage.declaration(slot, name: name, at: s.offset)
      }
    case .assign:
      let assignment = tree.assignment(s)
      if assignment.declaresNames {
        checkDestructuringDeclaration(target: assignment.target, value: assignment.value)
      } else {
        checkAssignment(target: assignment.target, value: assignment.value)
      }
    case .augmentedAssign:
      checkAugmentedAssignment(s)
    case .pass:
      break
    case .breakLoop, .continueLoop:
      if loopDepth == 0 {
        report(SemaDiagnostics.breakOutsideLoop(s.kind == .breakLoop ? "break" : "continue", location(s.offset)))
      }
      usage.escape()
      initialization.reachable = false
      statementEnd = s.kind == .breakLoop ? .breakStatement : .continueStatement
    case .returnValue:
      if let value = tree.statementValue(s) {
        if signature.result == .none {
          let t = checkExpression(value, expected: nil)
          report(SemaDiagnostics.cannotConvert(literalDisplay(value, t), .none, location(startOffset(value)),
                                               inReturnValue: true))
        } else {
          checkValue(value, as: signature.result)
          checkOwnedValue(value)
        }
      } else if signature.result != .none {
        report(SemaDiagnostics.missingReturn(location(s.offset)))
      }
      checkFieldsInitialized(atReturn: s.offset)
      initialization.reachable = false
      statementEnd = .returnStatement
      return true
    case .ifElse:
      return checkIfChain(s)
    case .whileLoop:
      let loop = tree.whileStatement(s)
      let condition = loop.condition
      usage.enterLoop()  // the condition runs again after each pass
      checkCondition(condition)
      loopDepth += 1
      _ = checkPath(loop.body)  // the body may not run: its assignments do not count
      loopDepth -= 1
      usage.exitLoop()
      if let elseBlock = loop.elseBlock { _ = checkPath(elseBlock) }  // skipped by `break`
      // `while True:` without `break` never falls through.
      if case .constant(.bool(true)) = result.exprFacts[Int(condition.index)] {
        let endless = !containsBreak(loop.body)
        if endless {
          initialization.reachable = false
          statementEnd = .infiniteLoop
        }
        return endless
      }
    case .forLoop:
      checkFor(id, s)
    case .comptimeDecl:
      let decl = tree.comptimeStatement(s)
      let value = decl.value
      guard let (c, foldedType) = folder.foldInitializer(value, in: scopes) else {
        report(SemaDiagnostics.notSupportedYet("this 'comptime' initializer", location(tree.expr(value).offset)))
        break
      }
      var type = foldedType
      if let typeID = decl.type {
        type = SignatureResolver.resolveType(typeID, in: program, module: module, generics: typeEnvironment, selfType: selfType(), into: &diagnostics)
      }
      let nameID = decl.name
      if scopes.declaresInInnermost(nameID) { report(SemaDiagnostics.invalidRedefinition(tree.name(nameID), location(s.offset))) }
      scopes.declare(nameID, .constant(c, type))
    case .raiseError:
      checkRaise(s)
      statementEnd = .raiseStatement
      return true
    case .tryStatement:
      return checkTry(id, tree.tryStatement(s))
    case .invalid:
      break
    }
    return false
  }

  /// `ref name = place`: the place's type. mojoc supports places whose values are references
  /// already (lists, structs, dicts, sets: pointers to their storage), so the variable holds the
  /// same pointer; a scalar place would need its address.
  mutating func checkReferenceDeclaration(_ value: ExprID) -> SemaType {
    let type = checkExpression(value, expected: nil).materialized
    let isPlace: Bool
    switch result.exprFacts[Int(value.index)] {
    case .local, .field, .call(.collection(.getItem), _, _): isPlace = true
    default: isPlace = tree.expr(value).kind == .index
    }
    switch type {
    case .error: return .error
    case .list, .structType, .boundStruct, .dict, .set:
      if isPlace { return type }
      fallthrough
    default:
      report(SemaDiagnostics.notSupportedYet(isPlace ? "'ref' to a '\(typeName(type))' value" : "'ref' to a value that is not a variable, field or element",
                                             location(tree.expr(value).offset)))
      return .error
    }
  }

  /// True when `block` contains a `break` that belongs to the loop owning the block. The blocks
  /// to search are a work list, not recursion: an `elif` chain of any length costs no stack.
  func containsBreak(_ block: Block) -> Bool {
    var pending = [block]
    while let next = pending.popLast() {
      for id in tree.statements(in: next) {
        let s = tree.stmt(id)
        switch s.kind {
        case .breakLoop: return true
        case .ifElse:
          let statement = tree.ifStatement(s)
          pending.append(statement.then)
          if let elseBlock = statement.elseBlock { pending.append(elseBlock) }
        case .tryStatement:
          let clauses = tree.tryStatement(s)
          pending += [clauses.body, clauses.handler, clauses.elseBlock ?? .empty, clauses.finallyBlock ?? .empty]
        default: break
        }
      }
    }
    return false
  }

  /// An `if` and its `elif` arms (each arm is the one statement of the else-block before it),
  /// checked in a loop rather than by recursion, so that a chain of any length costs no stack.
  /// What `checkBlock` does around an arm's else-block (a scope, a usage block) stays open until
  /// the chain ends; the paths' initialization states merge innermost first, as the recursion
  /// merged them. Returns true when every path returns.
  mutating func checkIfChain(_ first: StmtNode) -> Bool {
    var s = first
    var thenStates: [InitializationState] = []
    var everyThenReturns = true, elseReturns = false, openBlocks = 0
    // Whether every arm ends without falling through (a comptime `if` never counts).
    var everyArmEnds = !tree.ifStatement(first).isComptime
    while true {
      let statement = tree.ifStatement(s)
      checkCondition(statement.condition)
      if statement.isComptime {
        guard case .constant = result.exprFacts[Int(statement.condition.index)] else {
          report(SemaDiagnostics.notSupportedYet("a 'comptime if' condition that is not a constant", location(startOffset(statement.condition))))
          everyThenReturns = false
          break
        }
      } else if instance == nil {
        // In an instance a condition may fold through a value parameter; Mojo checks the
        // generic body, where it does not.
        warnIfConstant(statement.condition)
      }
      let before = initialization
      if !checkBlock(statement.then) { everyThenReturns = false }
      if blockFallsThrough { everyArmEnds = false }
      thenStates.append(initialization)
      initialization = before
      guard let elseBlock = statement.elseBlock else {
        everyArmEnds = false
        break
      }
      let elseStatements = tree.statements(in: elseBlock)
      if elseStatements.count == 1, case let next = tree.stmt(elseStatements.first!), next.kind == .ifElse {
        scopes.push()
        usage.enterBlock()
        openBlocks += 1
        s = next
        continue
      }
      elseReturns = checkBlock(elseBlock)
      if blockFallsThrough { everyArmEnds = false }
      break
    }
    for _ in 0..<openBlocks {
      usage.exitBlock()
      scopes.pop()
    }
    for state in thenStates.reversed() { initialization = InitializationState.merge(state, initialization) }
    statementEnd = everyArmEnds ? .ifStatement : nil
    return everyThenReturns && elseReturns
  }

  mutating func checkCondition(_ id: ExprID) {
    let t = checkExpression(id, expected: .bool)
    switch t {
    case .bool, .int, .error, .optional, .list, .dict, .set, .numeric, .string: break
    case .intLiteral: materialize(id, as: .int)
    case .stringLiteral: materialize(id, as: .string)
    case .float64:
      report(SemaDiagnostics.notSupportedYet("a '\(typeName(t))' condition", location(startOffset(id))))
    default: report(SemaDiagnostics.cannotConvert(typeName(t), .bool, location(startOffset(id))))
    }
  }

  mutating func checkFor(_ id: StmtID, _ s: StmtNode) {
    let loop = tree.forStatement(s)
    let iterable = loop.iterable
    let node = tree.expr(iterable)
    var elementType = SemaType.int
    if node.kind == .call, case let callee = tree.expr(tree.call(node).callee), callee.kind == .name,
       tree.nameReference(callee) == rangeName, lookupLocal(rangeName) == nil {
      elementType = checkRangeCall(iterable, node)
    } else {
      elementType = iterationElementType(iterable)
    }
    scopes.push()
    if let tupleTarget = loop.tupleTarget {
      // `for a, b in pairs`: each name takes one element of a tuple.
      let names = Array(tree.elements(tree.expr(tupleTarget)))
      var types = [SemaType](repeating: .error, count: names.count)
      if case .tuple(let elements) = elementType, elements.count == names.count {
        types = elements
      } else if elementType != .error {
        report(SemaDiagnostics.notSupportedYet("unpacking a '\(typeName(elementType))' into \(names.count) names", location(s.offset)))
      }
      var first: UInt32?
      for (k, nameExpr) in names.enumerated() {
        let nameID = tree.nameReference(tree.expr(nameExpr))
        locals.append(types[k])
        isIndirect.append(false)
        let slot = UInt32(locals.count - 1)
        if first == nil { first = slot }
        if tree.name(nameID) != "_" { scopes.declare(nameID, .variable(slot: slot, mutable: false)) }
        slotOffsets.append(tree.expr(nameExpr).offset)
        markAssigned(slot)
      }
      result.stmtSlots[Int(id.index)] = first ?? 0
      usage.enterLoop()
      loopDepth += 1
      _ = checkPath(loop.body)
      loopDepth -= 1
      usage.exitLoop()
      scopes.pop()
      if let elseBlock = loop.elseBlock { _ = checkPath(elseBlock) }
      return
    }
    let variable = loop.variable.flatMap { tree.name($0) == "_" ? nil : $0 }
    // `for ref x in xs` over lists, structs, dicts or sets: `x` is the element itself (these
    // are references already), so its methods may change it.
    var isReference = false
    if loop.isReference {
      switch elementType {
      case .list, .structType, .boundStruct, .dict, .set: isReference = true
      case .error: break
      default: report(SemaDiagnostics.notSupportedYet("'for ref' over '\(typeName(elementType))' elements", location(s.offset)))
      }
    }
    locals.append(elementType)
    isIndirect.append(false)
    let slot = UInt32(locals.count - 1)
    if let variable { scopes.declare(variable, .variable(slot: slot, mutable: isReference)) }
    result.stmtSlots[Int(id.index)] = slot
    slotOffsets.append(s.offset)
    markAssigned(slot)
    if let variable { usage.loopVariable(slot, name: variable, at: s.offset) }  // a for statement sits at its variable
    usage.enterLoop()
    loopDepth += 1
    _ = checkPath(loop.body)  // the body may not run: its assignments do not count
    loopDepth -= 1
    usage.exitLoop()
    scopes.pop()
    if let elseBlock = loop.elseBlock { _ = checkPath(elseBlock) }  // skipped by `break`
  }

  // MARK: - Assignment

  mutating func checkAssignment(target: ExprID, value: ExprID) {
    let t = tree.expr(target)
    if t.kind == .tuple { return checkDestructuring(target: target, t, value: value) }
    guard t.kind == .name else {
      if t.kind == .index {
        let before = diagnostics.count
        if checkDictStore(target, value: value, op: nil) { return }
        diagnostics.removeSubrange(before...)  // the base is checked again below
      }
      if t.kind == .member || t.kind == .index {
        // `x[i] = v` on a struct is its `__setitem__(i, v)`: `checkIndex` takes the value.
        if t.kind == .index { pendingItemValue = value }
        let type = checkExpression(target, expected: nil)
        if case .call = result.exprFacts[Int(target.index)], case let base = tree.base(of: t),
           result.exprTypes[Int(base.index)].isStruct {
          if !isMutablePlace(base) { report(SemaDiagnostics.mustBeMutable(inPlace: false, location(placeOffset(target)))) }
          return
        }
        if !isMutablePlace(target) { report(SemaDiagnostics.mustBeMutable(inPlace: false, location(placeOffset(target)))) }
        checkValue(value, as: type)
        checkOwnedValue(value)
        markFieldAssigned(target)
        return
      } else {
        report(SemaDiagnostics.mustBeMutable(inPlace: false, location(t.offset)))
      }
      _ = checkExpression(value, expected: nil)
      return
    }
    let nameID = tree.nameReference(t)
    let name = tree.name(nameID)
    if name == "_" {
      _ = checkExpression(value, expected: nil)
      return
    }
    switch lookupLocal(nameID) {
    case .variable(let slot, let mutable):
      if !mutable { report(SemaDiagnostics.mustBeMutable(inPlace: false, location(t.offset))) }
      result.exprFacts[Int(target.index)] = .local(slot)
      result.exprTypes[Int(target.index)] = locals[Int(slot)]
      checkValue(value, as: locals[Int(slot)])
      checkOwnedValue(value)
      markAssigned(slot)
      markFieldAssigned(target)
      usage.store(slot, name: nameID, value: tree.expr(value).offset, mayBeCaught: catchDepth > 0)
    case .constant:
      report(SemaDiagnostics.mustBeMutable(inPlace: false, location(t.offset)))
    case nil:
      if global(nameID) != nil {
        report(SemaDiagnostics.mustBeMutable(inPlace: false, location(t.offset)))
      } else {
        report(SemaDiagnostics.implicitDeclaration(name, location(t.offset)))
      }
      _ = checkExpression(value, expected: nil)
    }
  }

  mutating func checkAugmentedAssignment(_ s: StmtNode) {
    let assignment = tree.assignment(s)
    let target = assignment.target
    let value = assignment.value
    let t = tree.expr(target)
    guard t.kind == .name, case .variable(let slot, let mutable)? = lookupLocal(tree.nameReference(t)) else {
      if t.kind == .name, lookupLocal(tree.nameReference(t)) == nil, global(tree.nameReference(t)) == nil {
        report(unknownDeclaration(tree.name(tree.nameReference(t)), at: t.offset))
      } else if t.kind == .member || t.kind == .index {
        if t.kind == .index {
          let before = diagnostics.count
          if checkDictStore(target, value: value, op: s.op) { return }
          diagnostics.removeSubrange(before...)  // the base is checked again below
        }
        let type = checkExpression(target, expected: nil)
        if t.kind == .index, result.exprTypes[Int(tree.base(of: t).index)].isStruct {
          report(SemaDiagnostics.notSupportedYet("an augmented assignment through '__setitem__'", location(s.offset)))
          return
        }
        if !isMutablePlace(target) { report(SemaDiagnostics.mustBeMutable(inPlace: true, location(placeOffset(target)))) }
        let rightType = checkExpression(value, expected: s.op == .pow ? .int : type)
        let resultType = binaryResultType(s.op, type, rightType, left: target, right: value, at: s.offset, inPlace: true)
        if resultType != .error && resultType != type {
          report(SemaDiagnostics.cannotConvert(resultType.description, type, location(tree.expr(value).offset)))
        }
        return
      } else {
        report(SemaDiagnostics.mustBeMutable(inPlace: true, location(t.offset)))
      }
      _ = checkExpression(value, expected: nil)
      return
    }
    if !mutable { report(SemaDiagnostics.mustBeMutable(inPlace: true, location(t.offset))) }
    checkInitialized(slot, name: tree.nameReference(t), at: t.offset)
    usage.read(slot)
    let type = locals[Int(slot)]
    result.exprFacts[Int(target.index)] = .local(slot)
    result.exprTypes[Int(target.index)] = type
    let rightType = checkExpression(value, expected: s.op == .pow ? .int : type)
    let resultType = binaryResultType(s.op, type, rightType, left: target, right: value, at: s.offset, inPlace: true)
    if !resultType.isError && !resultType.isSameCoreType(type) && resultType != type {
      report(SemaDiagnostics.cannotConvert(resultType.description, type, location(tree.expr(value).offset)))
    }
  }
}
