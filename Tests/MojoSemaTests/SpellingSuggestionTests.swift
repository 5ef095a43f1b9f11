//! "Did you mean": the distance rule and the candidates, each row measured against real Mojo 1.2
//! (the oracle cases `Corpus/oracle/errors/15x-did-you-mean-*` pin whole programs).
import Foundation
import MojoDiagnostics
import MojoDriver
import MojoSema
import Testing
import TestSupport

@Suite struct SpellingSuggestionTests {
  @Test("Mojo's rule: Levenshtein distance at most min(2, length - 2), one nearest candidate", arguments: [
    // (typo, candidates, Mojo's suggestion)
    ("abcdefxx", ["abcdefgh"], "abcdefgh"),      // 2 edits
    ("abcdexxx", ["abcdefgh"], nil),             // 3 edits: never
    ("abxx", ["abcd"], "abcd"),                  // length 4 allows 2
    ("abx", ["abc"], "abc"),                     // length 3 allows 1
    ("axx", ["abc"], nil),
    ("bac", ["abc"], nil),                       // a transposition is 2 edits
    ("bacd", ["abcd"], "abcd"),
    ("ax", ["ab"], nil),                         // length 2 allows none
    ("b", ["a", "ab"], nil),
    ("abcx", ["ab"], "ab"),
    ("abcdex", ["abcdef", "abcdxy"], "abcdef"),  // the nearer one wins
    ("appla", ["apple", "apply"], nil),          // two equally near: nothing
    ("COUNT", ["count"], nil),                   // case counts
  ] as [(String, [String], String?)])
  func rule(typo: String, candidates: [String], expected: String?) {
    #expect(SpellingSuggestion.best(for: typo, among: candidates) == expected)
  }

  @Test("the fix-it is shown under the caret")
  func fixIt() throws {
    let found = try diagnostics(of: ["main.mojo": "def main():\n    var total = 1\n    print(totl)\n"])
    let text = try #require(found.first { $0.severity == .error }.map { DiagnosticRenderer.render($0) })
    #expect(text.hasSuffix("""
      use of unknown declaration 'totl'; did you mean 'total'?
          print(totl)
                ^~~~
                total

      """))
  }

  @Test("a name another module of the program declares gets a note with the import to add")
  func importHint() throws {
    let found = try diagnostics(of: [
      "main.mojo": "from tools.util import helper\nimport other\n\ndef main():\n    print(helper(1), other.twice(2))\n",
      "other.mojo": "def twice(x: Int) -> Int:\n    return helper(x) * 2\n",
      "tools/util.mojo": "def helper(x: Int) -> Int:\n    return x\n",
    ])
    let error = try #require(found.first)
    #expect(error.message == "use of unknown declaration 'helper'")  // Mojo's line, unchanged
    #expect(error.location.file?.path.hasSuffix("other.mojo") == true)
    let note = try #require(error.notes.first)
    #expect(note.message == "'helper' is declared in module 'tools.util'; add 'from tools.util import helper'")
    #expect(DiagnosticRenderer.render(error).contains("tools/util.mojo:1:5: note: 'helper' is declared"))
  }

  /// Mojo 1.2 suggests nothing for members and modules (errors 340-342): its line stays as it
  /// is, and mojoc adds the near spelling as a note with a fix-it under the name.
  @Test("a misspelled field, method or static method gets a note with the member it may mean")
  func members() throws {
    let source = """
      struct Point(Copyable):
          var xpos: Int
          def __init__(out self, x: Int):
              self.xpos = x
          def length(self) -> Int:
              return self.xpos
          @staticmethod
          def origin() -> Point:
              return Point(0)

      def main():
          var p = Point(1)
          print(p.xpso, p.lenght(), Point.orign().xpos, p.zzz)

      """
    let errors = try diagnostics(of: ["main.mojo": source]).filter { $0.severity == .error }
    #expect(errors.map(\.message) == ["'Point' value has no attribute 'xpso'", "'Point' value has no attribute 'lenght'",
                                       "'Point' value has no attribute 'orign'", "'Point' value has no attribute 'zzz'"])
    #expect(errors.map { $0.notes.map(\.message) } == [["did you mean 'xpos'?"], ["did you mean 'length'?"],
                                                        ["did you mean 'origin'?"], []])
    let text = DiagnosticRenderer.render(errors[1])
    #expect(text.hasSuffix("""
      main.mojo:13:21: note: did you mean 'length'?
          print(p.xpso, p.lenght(), Point.orign().xpos, p.zzz)
                          ^~~~~~
                          length

      """), "\(text)")
  }

  @Test("an import of a module the folder does not hold suggests one it does, at any package level")
  func modules() throws {
    let found = try diagnostics(of: [
      "main.mojo": "import utl\nfrom geo.shape import area\n\ndef main():\n    pass\n",
      "util.mojo": "def f() -> Int:\n    return 1\n",
      "geo/shapes.mojo": "def area() -> Int:\n    return 2\n",
    ]).filter { $0.is(SemaDiagnostics.Kind.unableToLocateModule) }
    #expect(found.map(\.message) == ["unable to locate module 'utl'", "unable to locate module 'shape'"])
    #expect(found.map { $0.notes.map(\.message) } == [["did you mean 'util'?"], ["did you mean 'shapes'?"]])
    #expect(found.map { $0.notes.first?.replacement } == ["util", "shapes"])
  }

  @Test("a built-in is a candidate only after the file used it, as Mojo brings prelude names in lazily")
  func preludeNamesInSourceOrder() throws {
    let source = "def f():\n    print(lenn([1]))\n\ndef g():\n    var n = len(List[Int]())\n    print(lenn(n))\n\ndef main():\n    pass\n"
    let messages = try diagnostics(of: ["main.mojo": source])
      .filter { $0.id == "unknownDeclaration" }.map(\.message)
    #expect(messages == ["use of unknown declaration 'lenn'", "use of unknown declaration 'lenn'; did you mean 'len'?"])
  }
}
