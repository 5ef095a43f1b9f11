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
