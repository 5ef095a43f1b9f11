//! How a build's diagnostics read on standard error: clang's closing count, and clang's colours
//! when the driver asks for them (a terminal without `NO_COLOR`).
import Foundation
import MojoDiagnostics
import MojoDriver
import Testing
import TestSupport

@Suite struct DiagnosticRenderingTests {
  @Test("the errors are counted at the end, as clang does")
  func count() throws {
    let two = DiagnosticRenderer.render(try diagnostics(of: "def main():\n    print(x)\n    print(y)\n"))
    #expect(two.hasSuffix("^\n2 errors generated.\n"))
    let one = DiagnosticRenderer.render(try diagnostics(of: "def main():\n    print(x)\n"))
    #expect(one.hasSuffix("^\n1 error generated.\n"))
    #expect(DiagnosticRenderer.render([Diagnostic]()) == "")
  }

  /// Mojo 1.2 heads this error with "function instantiation failed" at `main`; mojoc gives the
  /// cause first and Mojo's line as the first note (the oracle cases 001, 013, 018-021, 116,
  /// 279-282 check that note against Mojo's first line).
  @Test("the real cause first, then Mojo's 'function instantiation failed' as a note")
  func instantiationFailure() throws {
    let text = DiagnosticRenderer.render(try diagnostics(of: "def main():\n    var x: Int = 2.5\n    print(x)\n"))
    // The project's folder removed from the locations.
    let shown = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in line.range(of: "main.mojo:").map { String(line[$0.lowerBound...]) } ?? String(line) }
    #expect(shown.joined(separator: "\n") == """
      main.mojo:2:18: error: cannot implicitly convert 'FloatLiteral[2.5]' value to 'Int'
          var x: Int = 2.5
                       ^
      main.mojo:1:5: note: function instantiation failed
      def main():
          ^
      1 error generated.

      """, "\(text)")
  }

  @Test("colour: bold location and message, red 'error:', green caret; plain text otherwise")
  func colour() throws {
    let d = try #require(try diagnostics(of: "def main():\n    print(x)\n").first)
    let painted = DiagnosticRenderer.render(d, style: .colour)
    let esc = "\u{1B}["
    #expect(painted.hasSuffix("""
      \(esc)1;31merror: \(esc)0m\(esc)1muse of unknown declaration 'x'\(esc)0m
          print(x)
                \(esc)1;32m^\(esc)0m

      """))
    #expect(painted.contains("main.mojo:2:11: \(esc)0m"))
    #expect(!DiagnosticRenderer.render(d).contains(esc))
  }
}
