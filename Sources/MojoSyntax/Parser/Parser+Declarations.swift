//! Module level: imports, `comptime`, `def`, `struct`, and the file-scope errors of
//! LANGUAGE.md §5.
import MojoDiagnostics

extension Parser {
  mutating func parseModule() {
    var decorators: [(NameID, UInt32)] = []
    // A string statement at file scope is a docstring only as the file's first statement or
    // right after a `comptime` declaration (as Mojo 1.2 decides); elsewhere it is an error.
    var docstringAllowed = true
    while !at(.endOfFile) {
      let start = position
      let isLayout = at(.newline) || at(.dedent) || at(.indent)
      let isComptime = at(.kwComptime)
      switch kind {
      case .newline, .dedent, .indent:
        advance()
      case .kwImport, .kwFrom:
        parseImport()
      case .kwComptime:
        let offset = current.start
        advance()
        if let (name, nameOffset, type, value) = parseComptimeBody() {
          tree.comptimes.append(ComptimeDecl(name: name, offset: nameOffset, type: type, value: value))
        }
        _ = offset
      case .at:
        parseDecorator(into: &decorators)
        continue
      case .kwDef:
        let index = parseFunction(decorators: decorators)
        tree.moduleFunctions.append(index)
      case .kwStruct:
        parseStruct(decorators: decorators)
      case .kwFn:
        report(SyntaxDiagnostics.fnRemoved(location(current.start)))
        skipLine()
      case .kwReserved where text(of: current).elementsEqual("trait".utf8):
        parseTrait()
      case .kwVar:
        report(SyntaxDiagnostics.globalVariables(location(current.start)))
        skipLine()
      case .stringLiteral:
        // A docstring is one literal (adjacent literals are an expression) and is ignored.
        advance()
        let isExpression = at(.stringLiteral) || !at(.newline) || !docstringAllowed
        if isExpression { report(SyntaxDiagnostics.expressionsAtFileScope(location(tokens[start].start))) }
        skipLine()
      default:
        report(SyntaxDiagnostics.expressionsAtFileScope(location(current.start)))
        skipLine()
      }
      decorators = []
      if !isLayout { docstringAllowed = isComptime }
      if position == start { advance() }  // progress guard
    }
  }

  /// `import a.b, c` or `from ..a import x, (y, z)`.
  mutating func parseImport() {
    let offset = current.start
    if eat(.kwImport) {
      repeat {
        let path = parseDottedName()
        if path.isEmpty { skipLine(); return }
        var decl = ImportDecl(isFrom: false, dots: 0, path: path, names: [], offset: offset)
        if atAs() {
          guard let alias = parseAlias() else { skipLine(); return }
          decl.alias = alias
        }
        tree.imports.append(decl)
      } while eat(.comma)
      endOfSimpleStatement()
      return
    }
    advance()  // from
    var dots = 0
    while at(.dot) { dots += 1; advance() }
    // A relative import without a module name is reported just after its dots, as Mojo does.
    let relativeOffset = dots > 0 ? UInt32(tokens[position - 1].end) : offset
    let path = at(.identifier) ? parseDottedName() : []
    if path.isEmpty && dots == 0 { report(SyntaxDiagnostics.expected("a module name", location(current.start))); skipLine(); return }
    guard expect(.kwImport, "'import'") else { skipLine(); return }
    if eat(.star) {
      var decl = ImportDecl(isFrom: true, dots: dots, path: path, names: [], offset: relativeOffset)
      decl.isWildcard = true
      tree.imports.append(decl)
      endOfSimpleStatement()
      return
    }
    let parenthesized = eat(.leftParen)
    var names: [NamePart] = []
    var aliases: [NamePart?] = []
    repeat {
      if parenthesized && at(.rightParen) { break }
      guard at(.identifier) else { report(SyntaxDiagnostics.expected("a name to import", location(current.start))); skipLine(); return }
      names.append(NamePart(name: intern(current), offset: current.start))
      advance()
      if atAs() {
        guard let alias = parseAlias() else { skipLine(); return }
        aliases.append(alias)
      } else {
        aliases.append(nil)
      }
    } while eat(.comma)
    if parenthesized { expect(.rightParen, "')'") }
    var decl = ImportDecl(isFrom: true, dots: dots, path: path, names: names, offset: relativeOffset)
    decl.aliases = aliases
    tree.imports.append(decl)
    endOfSimpleStatement()
  }

  /// True at the contextual keyword `as` of an import.
  func atAs() -> Bool { at(.kwReserved) && text(of: current).elementsEqual("as".utf8) }

  /// `as NAME` after an imported module or name (the caller saw `as`).
  mutating func parseAlias() -> NamePart? {
    advance()  // as
    guard at(.identifier) else {
      report(SyntaxDiagnostics.expected("a name after 'as'", location(current.start)))
      return nil
    }
    defer { advance() }
    return NamePart(name: intern(current), offset: current.start)
  }

  mutating func parseDottedName() -> [NamePart] {
    var parts: [NamePart] = []
    repeat {
      guard at(.identifier) else { report(SyntaxDiagnostics.expected("a module name", location(current.start))); return [] }
      parts.append(NamePart(name: intern(current), offset: current.start))
      advance()
    } while eat(.dot)
    return parts
  }

  /// After `comptime`: `NAME [: T] = expr` (the caller consumed `comptime`).
  mutating func parseComptimeBody() -> (NameID, UInt32, TypeExprID, ExprID)? {
    guard at(.identifier) else {
      report(SyntaxDiagnostics.expected("a name", location(current.start)))
      skipLine()
      return nil
    }
    let name = intern(current)
    let offset = current.start
    advance()
    var type = TypeExprID.none
    if eat(.colon) { type = parseType() }
    guard expect(.assign, "'='") else { skipLine(); return nil }
    let value = parseExpression()
    endOfSimpleStatement()
    return (name, offset, type, value)
  }

  /// `def NAME(params) [-> T]: block`; returns the index in `tree.functions`.
  mutating func parseFunction(decorators: [(NameID, UInt32)]) -> Int {
    advance()  // def
    let nameToken = current
    var name = NameID.none
    if at(.identifier) {
      name = intern(current)
      advance()
    } else {
      report(SyntaxDiagnostics.expected("a function name", location(current.start)))
    }
    var parameters: [ParameterDecl] = []
    let genericParameters = at(.leftBracket) ? parseGenericParameters() : []
    if expect(.leftParen, "'('") {
      var keywordOnly = false
      while !at(.rightParen) && !at(.endOfFile) && !at(.newline) {
        let before = position
        if at(.star) && (peek() == .comma || peek() == .rightParen) {
          // A bare `*`: the parameters after it are keyword-only.
          advance()
          keywordOnly = true
          if !eat(.comma) { break }
          continue
        }
        if var p = parseParameter() {
          p.isKeywordOnly = keywordOnly
          if p.isVariadic { keywordOnly = true }  // the parameters after `*args` are keyword-only
          parameters.append(p)
        }
        if !eat(.comma) { break }
        if position == before { break }
      }
      expect(.rightParen, "')'")
    }
    var returnType = TypeExprID.none
    var returnOffset = current.start
    var raises = false
    var raisesType = TypeExprID.none
    if at(.identifier) && text(of: current).elementsEqual("raises".utf8) {
      raises = true
      advance()
      // `raises E`: the function raises values of type `E` instead of `Error`.
      if at(.identifier) { raisesType = parseType() }
    }
    if eat(.arrow) {
      returnOffset = current.start
      // `-> None` is the same as no result.
      if at(.kwNone) { advance() } else { returnType = parseType() }
    }
    let nestedStart = nestedFunctions.count
    let bodyStart = at(.colon) ? UInt32(current.end) : 0
    let body = parseBlock(missingColon: "expected ':' in function definition")
    var last = position - 1
    while last > 0 && (tokens[last].kind == .newline || tokens[last].kind == .indent || tokens[last].kind == .dedent) {
      last -= 1
    }
    let bodyEnd = bodyStart > 0 && last >= 0 ? max(bodyStart, UInt32(tokens[last].end)) : 0
    let isStatic = decorators.contains { names.names[Int($0.0.index)] == "staticmethod" }
    tree.functions.append(FunctionDecl(name: name, offset: nameToken.start, parameters: parameters, returnType: returnType,
                                       body: body, isStatic: isStatic, raises: raises, returnOffset: returnOffset,
                                       genericParameters: genericParameters, raisesType: raisesType,
                                       bodyStart: bodyStart, bodyEnd: bodyEnd))
    let index = tree.functions.count - 1
    for child in nestedFunctions[nestedStart...] { tree.functions[child].enclosingFunction = index }
    nestedFunctions.removeSubrange(nestedStart...)
    return index
  }

  /// `[T: Copyable & Movable, n: Int]` after a function or struct name (the cursor on `[`).
  mutating func parseGenericParameters() -> [GenericParameterDecl] {
    advance()  // [
    var parameters: [GenericParameterDecl] = []
    while !at(.rightBracket) && !at(.newline) && !at(.endOfFile) {
      let before = position
      if at(.slashSlash) || at(.star) {
        report(SyntaxDiagnostics.notSupportedYet("'\(String(decoding: text(of: current), as: UTF8.self))' in a parameter list", location(current.start)))
        advance()
        if !eat(.comma) { break }
        continue
      }
      guard at(.identifier) else {
        report(SyntaxDiagnostics.expected("a parameter name", location(current.start)))
        break
      }
      var parameter = GenericParameterDecl(name: intern(current), offset: current.start, bounds: [])
      advance()
      if eat(.colon) {
        repeat {
          guard at(.identifier) else {
            report(SyntaxDiagnostics.expected("a trait or type", location(current.start)))
            break
          }
          parameter.bounds.append(NamePart(name: intern(current), offset: current.start))
          advance()
          if at(.leftBracket) || at(.dot) {
            report(SyntaxDiagnostics.notSupportedYet("this parameter type", location(current.start)))
            while !at(.comma) && !at(.rightBracket) && !at(.newline) && !at(.endOfFile) { advance() }
          }
        } while eat(.amp)
      }
      if eat(.assign) { parameter.defaultValue = parseExpression() }
      parameters.append(parameter)
      if !eat(.comma) || position == before { break }
    }
    expect(.rightBracket, "']'")
    return parameters
  }

  /// `trait NAME[(Parents)]:` with method declarations whose bodies are `...` or a default.
  mutating func parseTrait() {
    advance()  // trait
    guard at(.identifier) else {
      report(SyntaxDiagnostics.expected("a trait name", location(current.start)))
      skipLine()
      return
    }
    var decl = TraitDecl(name: intern(current), offset: current.start, parents: [], methods: [], isRequirement: [])
    advance()
    if at(.leftBracket) {
      report(SyntaxDiagnostics.notSupportedYet("a parameterized trait", location(current.start)))
      skipLine()
      return
    }
    if eat(.leftParen) {
      while at(.identifier) {
        decl.parents.append(NamePart(name: intern(current), offset: current.start))
        advance()
        if !eat(.comma) && !eat(.amp) { break }  // `trait C(A & B)` as Mojo accepts
      }
      expect(.rightParen, "')'")
    }
    let colonEnd = current.end
    guard expect(.colon, "':'") else { skipLine(); tree.traits.append(decl); return }
    if !at(.newline) {
      // `trait T: ...` or `trait T: pass` on one line.
      skipLine()
      tree.traits.append(decl)
      return
    }
    guard eat(.newline), eat(.indent) else {
      report(SyntaxDiagnostics.bodyMustNotBeEmpty(location(colonEnd)))
      tree.traits.append(decl)
      return
    }
    var decorators: [(NameID, UInt32)] = []
    while !at(.dedent) && !at(.endOfFile) {
      let before = position
      switch kind {
      case .kwDef:
        let index = parseFunction(decorators: decorators)
        decorators = []
        let statements = tree.statements(in: tree.functions[index].body)
        let isRequirement = statements.count == 1 && tree.stmt(statements.first!).kind == .pass && tree.stmt(statements.first!).a == 1
        if isRequirement {
          // A requirement is no function of the module: take it back out of the tree.
          decl.methods.append(tree.functions.remove(at: index))
          decl.isRequirement.append(true)
        } else {
          decl.defaultMethods.append(index)
        }
      case .at:
        parseDecorator(into: &decorators)
      case .kwPass, .stringLiteral, .newline:
        skipLine()
      case .kwComptime, .kwVar:
        report(SyntaxDiagnostics.notSupportedYet("this trait member", location(current.start)))
        skipLine()
      default:
        if at(.dot) { skipLine(); break }
        report(SyntaxDiagnostics.expected("a method declaration", location(current.start)))
        skipLine()
      }
      if position == before { advance() }
    }
    _ = eat(.dedent)
    tree.traits.append(decl)
  }

  mutating func parseParameter() -> ParameterDecl? {
    var convention = ParameterConvention.read
    var isVariadic = false
    if at(.kwVar) && peek() == .star {
      // `var *elements: T`: owned variadic arguments (the callee's own list).
      convention = .owned
      advance()
    }
    if at(.star) && peek() == .identifier {
      // `*values: T`: the remaining positional arguments, as one list.
      isVariadic = true
      advance()
    }
    if at(.star) || at(.starStar) || (at(.kwReserved) && peek() == .identifier) {
      let what = at(.kwReserved) ? "the '\(String(decoding: text(of: current), as: UTF8.self))' argument convention" : "a variadic parameter"
      report(SyntaxDiagnostics.notSupportedYet(what, location(current.start)))
      advance()
    }
    if at(.kwVar) && peek() == .identifier {
      convention = .owned
      advance()
    } else if at(.identifier) && peek() == .identifier {
      switch String(decoding: text(of: current), as: UTF8.self) {
      case "mut": convention = .mut
      case "out": convention = .out
      case "read": convention = .read
      // `deinit self` of a destructor, `deinit move: Self` of a move constructor: read here
      // (mojoc never lets the value be used again, as Mojo does).
      case "deinit": convention = .read
      default:
        report(SyntaxDiagnostics.notSupportedYet("this argument convention", location(current.start)))
      }
      advance()
    }
    guard at(.identifier) else {
      report(SyntaxDiagnostics.expected("a parameter name", location(current.start)))
      return nil
    }
    let name = intern(current)
    let offset = current.start
    advance()
    var type = TypeExprID.none
    if eat(.colon) { type = parseType() }
    var defaultValue = ExprID.none
    if eat(.assign) { defaultValue = parseExpression() }
    var parameter = ParameterDecl(name: name, type: type, defaultValue: defaultValue, convention: convention, offset: offset)
    parameter.isVariadic = isVariadic
    return parameter
  }

  /// `Int`, `List[T]`, or a struct name.
  mutating func parseType() -> TypeExprID {
    if at(.leftParen) {
      // `(Int, Int)` is a tuple value in Mojo 1.2; the type is `Tuple[Int, Int]`.
      report(SyntaxDiagnostics.tupleValueAsType(location(current.start)))
      var depth = 0
      repeat {
        if at(.leftParen) { depth += 1 } else if at(.rightParen) { depth -= 1 }
        advance()
      } while depth > 0 && !at(.newline) && !at(.endOfFile)
      return .none
    }
    // `Self.T`: a parameter of the enclosing generic struct, written as its name.
    var qualified = false
    if at(.kwReserved) && text(of: current).elementsEqual("Self".utf8) && peek() == .dot {
      advance()
      advance()
      qualified = true
    }
    let isSelf = at(.kwReserved) && text(of: current).elementsEqual("Self".utf8)
    guard at(.identifier) || isSelf else {
      report(SyntaxDiagnostics.expected("a type", location(current.start)))
      return .none
    }
    let name = intern(current)
    let offset = current.start
    if !qualified, !structParameters.isEmpty, let parameter = structParameters.first(where: { $0.name == name }) {
      let text = names.names[Int(name.index)]
      report(SyntaxDiagnostics.unqualifiedStructParameter(text, location(offset), declared: location(parameter.offset)))
    }
    advance()
    var argument = TypeExprID.none
    if eat(.leftBracket) {
      argument = parseType()
      // Further arguments (`Tuple[A, B]`, `Dict[K, V]`) are chained through `next`.
      var last = argument
      while last.exists && eat(.comma) {
        let next = parseType()
        tree.types[Int(last.index)].next = next
        last = next
      }
      expect(.rightBracket, "']'")
    }
    tree.types.append(TypeExprNode(name: name, argument: argument, offset: offset))
    return TypeExprID(tree.types.count - 1)
  }

  mutating func parseStruct(decorators: [(NameID, UInt32)]) {
    advance()  // struct
    let offset = current.start
    guard at(.identifier) else {
      report(SyntaxDiagnostics.expected("a struct name", location(current.start)))
      skipLine()
      return
    }
    let name = intern(current)
    advance()
    let genericParameters = at(.leftBracket) ? parseGenericParameters() : []
    var traits: [NameID] = []
    var traitOffsets: [UInt32] = []
    if eat(.leftParen) {
      while at(.identifier) {
        traits.append(intern(current))
        traitOffsets.append(current.start)
        advance()
        if !eat(.comma) && !eat(.amp) { break }  // `struct S(Copyable & Writable)` as Mojo accepts
      }
      expect(.rightParen, "')'")
    }
    var decl = StructDecl(name: name, offset: offset, traits: traits, fields: [], methods: [],
                          isFieldwiseInit: decorators.contains { names.names[Int($0.0.index)] == "fieldwise_init" })
    decl.traitOffsets = traitOffsets
    decl.genericParameters = genericParameters
    structParameters = genericParameters.map { ($0.name, $0.offset) }
    defer { structParameters = [] }
    let colonEnd = current.end
    guard expect(.colon, "':'") else { skipLine(); tree.structs.append(decl); return }
    guard eat(.newline), eat(.indent) else {
      report(SyntaxDiagnostics.bodyMustNotBeEmpty(location(colonEnd)))
      tree.structs.append(decl)
      return
    }
    var methodDecorators: [(NameID, UInt32)] = []
    while !at(.dedent) && !at(.endOfFile) {
      let before = position
      switch kind {
      case .kwVar:
        let keywordOffset = current.start
        advance()
        if at(.identifier) {
          let fieldName = intern(current)
          let fieldOffset = current.start
          advance()
          var type = TypeExprID.none
          if expect(.colon, "':'") { type = parseType() }
          decl.fields.append(FieldDecl(name: fieldName, type: type, offset: fieldOffset, keywordOffset: keywordOffset))
        }
        if at(.assign) {
          // Mojo 1.2 has no field defaults.
          report(SyntaxDiagnostics.tokensAfterDeclaration(location(current.start)))
          skipLine()
        } else {
          endOfSimpleStatement()
        }
      case .kwDef:
        decl.methods.append(parseFunction(decorators: methodDecorators))
        methodDecorators = []
      case .kwComptime:
        advance()
        if let (name, nameOffset, type, value) = parseComptimeBody() {
          decl.comptimes.append(ComptimeDecl(name: name, offset: nameOffset, type: type, value: value))
        }
      case .at:
        parseDecorator(into: &methodDecorators)
      case .kwPass, .stringLiteral:
        skipLine()
      case .newline:
        advance()
      default:
        report(SyntaxDiagnostics.expected("a field or method declaration", location(current.start)))
        skipLine()
      }
      if position == before { advance() }
    }
    _ = eat(.dedent)
    tree.structs.append(decl)
  }

  /// `@name` on its own line; only `@fieldwise_init` and `@staticmethod` exist in v1.
  mutating func parseDecorator(into decorators: inout [(NameID, UInt32)]) {
    advance()  // @
    if at(.identifier) {
      let name = String(decoding: text(of: current), as: UTF8.self)
      if name != "fieldwise_init" && name != "staticmethod" {
        report(SyntaxDiagnostics.notSupportedYet("the decorator '@\(name)'", location(current.start)))
      }
      decorators.append((intern(current), current.start))
      advance()
    }
    if !eat(.newline) { skipLine() }
  }

  /// Ends a simple statement: `;`, NEWLINE, or (for recovery) reports and skips the line.
  mutating func endOfSimpleStatement() {
    if eat(.newline) || at(.endOfFile) || at(.dedent) { return }
    if eat(.semicolon) {
      _ = eat(.newline)
      return
    }
    report(SyntaxDiagnostics.statementsOnOneLine(location(current.start)))
    skipLine()
  }
}
