//! Parser: tree shape for declarations, statements and precedence, and syntax diagnostics.
import MojoDiagnostics
import Testing
@testable import MojoSyntax

func parse(_ text: String) -> (SyntaxTree, [Diagnostic]) {
  Parser.parse(SourceFile(path: "t.mojo", relativePath: "t.mojo", bytes: Array(text.utf8)))
}

/// Renders an expression as a fully parenthesized string, to check precedence.
func render(_ tree: SyntaxTree, _ id: ExprID) -> String {
  let e = tree.expr(id)
  switch e.kind {
  case .name: return tree.name(NameID(Int(e.a)))
  case .intLiteral: return tree.intLiterals[Int(e.a)]
  case .boolLiteral: return e.a == 1 ? "True" : "False"
  case .unary: return "(\(e.op) \(render(tree, ExprID(Int(e.a)))))"
  case .binary: return "(\(render(tree, ExprID(Int(e.a)))) \(e.op) \(render(tree, ExprID(Int(e.b)))))"
  case .call: return render(tree, ExprID(Int(e.a))) + "(" + tree.arguments(of: e).map { render(tree, $0.value) }.joined(separator: ", ") + ")"
  case .comparison: return "chain(" + tree.list(of: e).map { render(tree, $0) }.joined(separator: ", ") + ")"
  case .ternary: return "(\(render(tree, ExprID(Int(e.b)))) if \(render(tree, ExprID(Int(e.a)))) else \(render(tree, ExprID(Int(e.c)))))"
  case .tuple: return "tuple(" + tree.list(of: e).map { render(tree, $0) }.joined(separator: ", ") + ")"
  case .index: return render(tree, ExprID(Int(e.a))) + "[" + render(tree, ExprID(Int(e.b))) + "]"
  case .slice:
    let bounds = tree.exprLists[Int(e.b)..<Int(e.b + 3)].map { $0.exists ? render(tree, $0) : "_" }
    return render(tree, ExprID(Int(e.a))) + "[" + (e.c == 1 ? "byte=" : "") + bounds.joined(separator: ":") + "]"
  default: return "?"
  }
}

func firstExpression(_ source: String) -> String {
  let (tree, diagnostics) = parse("def f():\n    \(source)\n")
  #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
  let stmt = tree.stmt(tree.statements(in: tree.functions[0].body).first!)
  return render(tree, ExprID(Int(stmt.a)))
}

@Suite struct ParserTests {
  @Test func precedenceFollowsPython() {
    #expect(firstExpression("-2 ** 2") == "(negate (2 pow 2))")
    #expect(firstExpression("2 ** 3 ** 2") == "(2 pow (3 pow 2))")
    #expect(firstExpression("a & 3 == 2") == "((a bitAnd 3) equal 2)")
    #expect(firstExpression("1 + 2 << 1") == "((1 add 2) shl 1)")
    #expect(firstExpression("not a > 5 and b") == "((not (a greater 5)) and b)")
    #expect(firstExpression("1 < x <= 5") == "chain(1, x, 5)")
    #expect(firstExpression("a if c else b if d else e") == "(a if c else (b if d else e))")
    #expect(firstExpression("f(1, g(2))") == "f(1, g(2))")
  }

  @Test func declarationsAndImports() {
    let (tree, diagnostics) = parse("""
      from .a.b import (x, y,)
      import c.d
      comptime N = 3
      def f(a: Int, b: Int = 2) -> Int:
          return a + b
      """)
    #expect(diagnostics.isEmpty)
    #expect(tree.imports.count == 2)
    #expect(tree.imports[0].dots == 1 && tree.imports[0].path.count == 2 && tree.imports[0].names.count == 2)
    #expect(tree.comptimes.count == 1)
    #expect(tree.functions[0].parameters.count == 2 && tree.functions[0].parameters[1].defaultValue.exists)
  }

  @Test func emptyBodyAndMissingColon() {
    let (_, empty) = parse("def f():\nx = 1\n")
    #expect(empty.first?.id == "bodyMustNotBeEmpty" && empty.first?.location.offset == 8)
    let (_, colon) = parse("def f():\n    if x > 1\n        pass\n")
    #expect(colon.first?.message == "expected ':' after 'if' condition")
  }

  @Test func fileScopeErrors() {
    let (_, global) = parse("var x = 1\n")
    #expect(global.map(\.id) == ["globalVariables"])
    let (_, statement) = parse("print(1)\n")
    #expect(statement.map(\.id) == ["expressionsAtFileScope"])
    let (_, fn) = parse("fn f():\n    pass\n")
    #expect(fn.first?.id == "fnRemoved")
  }

  @Test func oneLineBodiesAndSemicolons() {
    let (tree, diagnostics) = parse("def f():\n    if x: print(x)\n    var a = 1; var b = 2\n")
    #expect(diagnostics.isEmpty)
    #expect(tree.statements(in: tree.functions[0].body).count == 3)
  }

  @Test(arguments: [
    "trait T[n: Int]:\n    pass\n", "def f[T: AnyType, //](x: T):\n    pass\n",
    "def f[*Ts: AnyType](x: Int):\n    pass\n",
    "def f(**kwargs: Int):\n    pass\n",
    "@always_inline\ndef f():\n    pass\n", "def f():\n    var g = lambda x: x\n", "def f(ref x: Int):\n    pass\n",
  ])
  func laterFeaturesAreRejectedClearly(source: String) {
    let (_, diagnostics) = parse(source)
    #expect(diagnostics.first?.id == "notSupportedYet", "\(source): \(diagnostics.map(\.message))")
  }

  /// `with a() as x, b():` is the statements Parser+With.swift documents: for `a()` a variable,
  /// `x` from `__enter__`, and a `try` whose `finally` calls `__exit__`, around the same for `b()`.
  @Test func withStatementsBecomeTryFinally() {
    let (tree, diagnostics) = parse("def f():\n    with a() as x, b():\n        pass\n    print(1)\n")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let outer = tree.statements(in: tree.functions[0].body).map { tree.stmt($0) }
    #expect(outer.map(\.kind) == [.varDecl, .varDecl, .tryStatement, .expression])
    let clauses = tree.tryStatement(outer[2])
    #expect(clauses.isWith && !clauses.hasExcept)
    #expect(tree.statements(in: clauses.body).map { tree.stmt($0).kind } == [.varDecl, .expression, .tryStatement])
    let exit = tree.stmt(tree.statements(in: clauses.finallyBlock!).first!)
    #expect(tree.isMadeForWith(exit) && !tree.isMadeForWith(outer[3]))  // `print(1)` is the user's
    let call = tree.call(tree.expr(tree.expressionStatement(exit)))
    #expect(tree.name(tree.member(tree.expr(call.callee)).name) == "__exit__")
  }

  /// `[e for a in A if c for b in B]`: the second clause is the first's element.
  @Test func comprehensionClausesNest() {
    let (tree, diagnostics) = parse("def f():\n    var d = [x for row in m if c for x in row]\n")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let decl = tree.varDeclaration(tree.stmt(tree.statements(in: tree.functions[0].body).first!))
    let outer = tree.comprehension(tree.expr(decl.value!))
    #expect(tree.name(outer.variable!) == "row" && outer.condition != nil)
    let clause = tree.expr(outer.element)
    #expect(clause.kind == .comprehensionClause)
    let inner = tree.comprehension(clause)
    #expect(tree.name(inner.variable!) == "x" && inner.condition == nil)
    #expect(tree.expr(inner.element).kind == .name && inner.value == nil)
  }

  /// `{k: v for a in A for b in B}`: the value stays with the outermost node, the key is the
  /// innermost clause's element.
  @Test func dictComprehensionValueStaysOutermost() {
    let (tree, diagnostics) = parse("def f():\n    var d = {x: y for y in m for x in y}\n")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let decl = tree.varDeclaration(tree.stmt(tree.statements(in: tree.functions[0].body).first!))
    let outer = tree.comprehension(tree.expr(decl.value!))
    #expect(tree.name(tree.nameReference(tree.expr(outer.value!))) == "y")
    let inner = tree.comprehension(tree.expr(outer.element))
    #expect(tree.name(inner.variable!) == "x" && inner.value == nil)
    #expect(tree.name(tree.nameReference(tree.expr(inner.element))) == "x")
  }

  @Test func collectionSyntaxParses() {
    let (tree, diagnostics) = parse("""
      def f():
          var d = {"a": 1, "b": 2}
          var s = {1, 2, 3}
          var e = {}
          var c = [x * 2 for x in xs if x > 1]
          var n = o is None or o is not None
          for k, v in pairs:
              pass
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let body = tree.statements(in: tree.functions[0].body).map { tree.stmt($0) }
    let values = body.prefix(5).map { tree.expr(ExprID(Int($0.c))) }
    #expect(values.map(\.kind) == [.dictLiteral, .setLiteral, .dictLiteral, .listComprehension, .binary])
    #expect(values[0].b == 2 && values[1].b == 3 && values[2].b == 0)
    #expect(tree.name(NameID(Int(values[3].b))) == "x")
    let parts = tree.exprLists[Int(values[3].a)..<Int(values[3].a + 3)].map { tree.expr($0).kind }
    #expect(parts == [.binary, .name, .binary])
    let either = values[4]
    #expect(tree.expr(ExprID(Int(either.a))).op == .identical && tree.expr(ExprID(Int(either.b))).op == .notIdentical)
    #expect(tree.expr(ExprID(Int(tree.expr(ExprID(Int(either.a))).b))).kind == .noneLiteral)
    #expect(body[5].kind == .forLoop && body[5].op == .identical)
    #expect(tree.list(of: tree.expr(ExprID(Int(body[5].a)))).map { tree.name(NameID(Int(tree.expr($0).a))) } == ["k", "v"])
  }

  @Test func traitsAndParameterListsParse() {
    let (tree, diagnostics) = parse("""
      trait Shape(Named):
          def area(self) -> Float64:
              ...

      struct Stack[T: Copyable & Movable](Sized):
          var items: List[Self.T]

      def f[T: Shape, n: Int](x: T) -> T:
          comptime if n > 1:
              pass
          return x
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    #expect(tree.traits.count == 1 && tree.traits[0].methods.count == 1 && tree.traits[0].isRequirement == [true])
    #expect(tree.traits[0].parents.map { tree.name($0.name) } == ["Named"])
    #expect(tree.structs[0].genericParameters.map { $0.bounds.map { tree.name($0.name) } } == [["Copyable", "Movable"]])
    #expect(tree.name(tree.type(tree.structs[0].fields[0].type).name) == "List")
    #expect(tree.name(tree.type(tree.type(tree.structs[0].fields[0].type).argument).name) == "T")
    let f = tree.functions[tree.moduleFunctions[0]]
    #expect(f.genericParameters.map { tree.name($0.name) } == ["T", "n"])
    let comptimeIf = tree.stmt(tree.statements(in: f.body).first!)
    #expect(comptimeIf.kind == .ifElse && comptimeIf.op == .invert)
  }

  @Test func errorsParseIntoTryClauses() {
    let (tree, diagnostics) = parse("""
      def f(x: Int) raises -> Int:
          try:
              raise Error("a")
          except e:
              raise
          else:
              pass
          finally:
              pass
          try:
              pass
          except:
              pass
          return x
      def g():
          pass
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    #expect(tree.functions[0].raises && !tree.functions[1].raises)
    let body = Array(tree.statements(in: tree.functions[0].body))
    #expect(body.map { tree.stmt($0).kind } == [.tryStatement, .tryStatement, .returnValue])
    let full = tree.tryStatements[Int(tree.stmt(body[0]).a)]
    #expect(full.hasExcept && tree.name(full.errorName) == "e" && full.elseBlock != nil && full.finallyBlock != nil)
    let raises = tree.statements(in: full.body).map { tree.stmt($0) } + tree.statements(in: full.handler).map { tree.stmt($0) }
    #expect(raises.map(\.kind) == [.raiseError, .raiseError])
    #expect(ExprID(Int(raises[0].a)).exists && !ExprID(Int(raises[1].a)).exists)
    let bare = tree.tryStatements[Int(tree.stmt(body[1]).a)]
    #expect(bare.hasExcept && !bare.errorName.exists && bare.elseBlock == nil && bare.finallyBlock == nil)
  }

  @Test(arguments: [
    ("def f():\n    try:\n        pass\n    print(1)\n", "expected"),
    ("def f():\n    try:\n        pass\n    except:\n        pass\n    except e:\n        pass\n", "unexpectedToken"),
  ])
  func malformedTryIsReported(source: String, id: String) {
    let (_, diagnostics) = parse(source)
    #expect(diagnostics.first?.id == id, "\(source): \(diagnostics.map(\.message))")
  }

  @Test func loopElseAndImportForms() {
    let (tree, diagnostics) = parse("""
      import a.b as n, c
      from d import x as y, z
      from e import *
      def f():
          while x:
              pass
          else:
              pass
          for i in r:
              pass
          else:
              pass
          for j in r:
              pass
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    #expect(tree.imports.count == 4)
    #expect(tree.imports[0].alias.map { tree.name($0.name) } == "n" && tree.imports[1].alias == nil)
    #expect(tree.imports[2].names.indices.map { tree.name(tree.imports[2].localName($0).name) } == ["y", "z"])
    #expect(tree.imports[3].isWildcard && tree.imports[3].names.isEmpty)
    let body = tree.statements(in: tree.functions[0].body).map { tree.stmt($0) }
    #expect(body[0].c != UInt32.max)
    #expect(tree.blocks[Int(body[1].c) + 1].count == 1 && tree.blocks[Int(body[2].c) + 1].count == 0)
  }

  @Test func membershipSlicesAndTuples() {
    #expect(firstExpression("a in b") == "(a contains b)")
    #expect(firstExpression("not a in b") == "(not (a contains b))")
    #expect(firstExpression("a not in b + c") == "(a notContains (b add c))")
    #expect(firstExpression("1 < x in xs") == "chain(1, x, xs)")
    #expect(firstExpression("xs[1:]") == "xs[1:_:_]")
    #expect(firstExpression("xs[::-1]") == "xs[_:_:(negate 1)]")
    #expect(firstExpression("s[byte=:i]") == "s[byte=_:i:_]")
    #expect(firstExpression("(1, f(2),)") == "tuple(1, f(2))")
    #expect(firstExpression("a, b = b, a") == "tuple(a, b)")
    #expect(firstExpression("List[Tuple[Int, String]]") == "List[Tuple[tuple(Int, String)]]")
  }

  @Test func tupleTypesAndTheirMisspelling() {
    let (tree, diagnostics) = parse("def f(t: Tuple[Int, String]) -> Dict[String, Int]:\n    pass\n")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let tuple = tree.type(tree.functions[0].parameters[0].type)
    #expect(tree.name(tree.type(tuple.argument).name) == "Int" && tree.name(tree.type(tree.type(tuple.argument).next).name) == "String")
    let (_, bad) = parse("def f() -> (Int, Int):\n    pass\n")
    #expect(bad.map(\.id) == ["tupleValueAsType"])
  }
}
