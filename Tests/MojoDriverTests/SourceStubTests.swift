//! Source stubs: which bodies are cut, which are kept, and that a stub declares exactly what its
//! source declares.
import MojoDiagnostics
import MojoSyntax
import Testing
@testable import MojoDriver

@Suite struct SourceStubTests {
  static func stub(_ source: String) -> String? {
    let file = SourceFile(path: "m.mojo", relativePath: "m.mojo", bytes: Array(source.utf8))
    let (tree, diagnostics) = Parser.parse(file)
    #expect(diagnostics.isEmpty)
    return SourceStub.make(tree, file.bytes, path: "m.mojo").map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func bodiesOfFunctionsAndMethodsAreCut() {
    let source = """
      from util import helper
      comptime LIMIT = 10

      def add(a: Int, b: Int = 2) -> Int:  # a comment
          \"\"\"Adds.
      spanning lines\"\"\"
          var total = a + b
          # another comment
          return total

      def one() -> Int: return 1

      struct Point(Copyable):
          var x: Int

          def __init__(out self, x: Int):
              self.x = x

          @staticmethod
          def origin() -> Point:
              return Point(0)

          def __del__(deinit self):
              print(self.x)

      def outer() -> Int:
          def inner() -> Int:
              return 2
          return inner()

      def main():
          print(add(1))

      """
    #expect(Self.stub(source) == """
      from util import helper
      comptime LIMIT = 10

      def add(a: Int, b: Int = 2) -> Int: pass

      def one() -> Int: return 1

      struct Point(Copyable):
          var x: Int

          def __init__(out self, x: Int): pass

          @staticmethod
          def origin() -> Point: pass

          def __del__(deinit self):
              print(self.x)

      def outer() -> Int:
          def inner() -> Int:
              return 2
          return inner()

      def main(): pass

      """)
  }

  @Test func modulesWithGenericsOrTraitDefaultsHaveNoStub() {
    #expect(Self.stub("def biggest[T: Comparable](a: T, b: T) -> T:\n    return a\n") == nil)
    #expect(Self.stub("struct Box[T: Copyable]:\n    var item: Self.T\n") == nil)
    #expect(Self.stub("trait Named:\n    def name(self) -> String:\n        return \"x\"\n") == nil)
  }

  @Test func declarationsAreComparedInOrder() {
    func tree(_ source: String) -> SyntaxTree {
      Parser.parse(SourceFile(path: "m.mojo", relativePath: "m.mojo", bytes: Array(source.utf8))).0
    }
    let a = tree("def f(x: Int) -> Int:\n    return x\n\ndef g():\n    pass\n")
    #expect(SourceStub.sameDeclarations(a, tree("def f(x: Int) -> Int: pass\n\ndef g(): pass\n")))
    #expect(!SourceStub.sameDeclarations(a, tree("def g(): pass\n\ndef f(x: Int) -> Int: pass\n")))
    #expect(!SourceStub.sameDeclarations(a, tree("def f(x: Int, y: Int) -> Int: pass\n\ndef g(): pass\n")))
  }
}
