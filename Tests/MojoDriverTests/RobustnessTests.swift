//! Regressions from adversarial input (issue 10): deep or long input ends with a diagnostic,
//! never a crash; loops near the Int limit end; project layouts that used to fail.
import Foundation
import MojoCodegen
import MojoDiagnostics
import Testing
import TestSupport
@testable import MojoDriver

@Suite struct RobustnessTests {
  /// Builds a one-file program; returns the first error's message, or the program's stdout.
  static func outcome(_ main: String, extra: [String: String] = [:], backend: BackendKind = .cnp) throws -> String {
    let run = try Harness.buildAndRun(Fixtures.makeProject(extra.merging(["main.mojo": main]) { a, _ in a }), backend: backend)
    if run.status == -1 { return run.stderr.split(separator: "\n").first.map(String.init) ?? "" }
    return run.stdout
  }

  /// A flat chain is one level of nesting however long (`LongChainTests` runs 20,000 terms on
  /// small stacks); a chain nested in a right operand or a call is nesting.
  @Test func flatChainsAreNotNesting() throws {
    let chain = Array(repeating: "x", count: 5_000).joined(separator: " + ")
    #expect(try Self.outcome("def main():\n    var x = 1\n    print(\(chain))\n") == "5000\n")
    let right = Array(repeating: "x - (", count: 1_200).joined() + "x" + String(repeating: ")", count: 1_200)
    #expect(try Self.outcome("def main():\n    var x = 1\n    print(\(right))\n").contains("nested too deeply"))
  }

  /// A `main` body whose one expression nests or chains `count` levels (kept out of the test
  /// arguments so the test log stays small).
  static func deepBody(_ name: String) -> String {
    switch name {
    case "chain": "    var x = 1\n    print(" + Array(repeating: "abs(x+", count: 2_000).joined() + "x" + String(repeating: ")", count: 2_000) + ")\n"
    case "parens": "    print(" + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000) + ")\n"
    case "unary": "    print(" + String(repeating: "-", count: 100_000) + "1)\n"
    case "not": "    print(" + String(repeating: "not ", count: 50_000) + "True)\n"
    case "calls": "    print(" + String(repeating: "abs(", count: 20_000) + "1" + String(repeating: ")", count: 20_000) + ")\n"
    default: "    print(" + Array(repeating: "1", count: 20_000).joined(separator: "**") + ")\n"
    }
  }

  @Test(arguments: ["chain", "parens", "unary", "not", "calls", "power"])
  func deepExpressionsAreOneDiagnostic(name: String) throws {
    let first = try Self.outcome("def main():\n" + Self.deepBody(name))
    #expect(first.contains("error: expression or block nested too deeply (mojoc's limit is 1000 levels)"), "\(name)")
  }

  @Test func deepBlocksAndLongElifChainsAreDiagnosed() throws {
    let ifs = (0..<2_000).map { String(repeating: "    ", count: $0 + 1) + "if True:\n" }.joined()
      + String(repeating: "    ", count: 2_001) + "print(1)\n"
    #expect(try Self.outcome("def main():\n" + ifs).contains("nested too deeply"))
    func elifs(_ n: Int) -> String {
      "def main():\n    var x = 3\n    if x == 0:\n        print(0)\n"
        + (1..<n).map { "    elif x == \($0):\n        print(\($0))\n" }.joined() + "    else:\n        print(-1)\n"
    }
    // A long flat chain is a valid program (fuzz finding F2): parser, checker and lowering walk
    // it in loops, so its length is not limited.
    #expect(try Self.outcome(elifs(3_000)) == "3\n")
  }

  /// An `elif` chain of `n` arms with `return` in every arm: the checker sees through the chain
  /// that every path returns; the last arm and the `else` are the ones taken.
  static func elifChain(_ n: Int) -> String {
    "def pick(x: Int) -> Int:\n    if x < 0:\n        return -1\n"
      + (0..<n).map { "    elif x == \($0):\n        return \($0 % 10)\n" }.joined() + "    else:\n        return 99\n\n"
      + "def main():\n    print(pick(\(n - 1)), pick(\(n)), pick(-5))\n"
  }

  /// The bound: 100,000 arms compile and run (parser, checker and lowering loop over
  /// the arms; the recursion they replaced overflowed the stack near 7,000).
  @Test func hundredThousandElifArms() throws {
    #expect(try Self.outcome(Self.elifChain(100_000)) == "9 99 -1\n")
  }

  /// A chain inside `while True:` whose `break`s are only in its arms (the checker finds them
  /// to know the loop ends), on both backends.
  @Test(arguments: BackendKind.allCases)
  func elifChainInAnEndlessLoop(backend: BackendKind) throws {
    let arms = (1..<2_000).map { "        elif x == \($0):\n            total += \($0 % 7)\n            break\n" }.joined()
    let main = "def main():\n    var total = 0\n    var x = 1996\n    while True:\n        if x == 0:\n            break\n"
      + arms + "        else:\n            x -= 1\n    print(total, x)\n"
    #expect(try Self.outcome(main, backend: backend) == "1 1996\n")
  }

  @Test func deepInputInAnUnimportedSiblingIsNotCompiled() throws {
    let deep = "def f() -> Int:\n    return " + String(repeating: "-", count: 100_000) + "1\n"
    #expect(try Self.outcome("def main():\n    print(7)\n", extra: ["junk.mojo": deep]) == "7\n")
  }

  @Test(arguments: BackendKind.allCases)
  func rangeNearTheIntLimitEnds(backend: BackendKind) throws {
    let main = """
      def main():
          var n = 0
          for i in range(9223372036854775800, 9223372036854775807, 3):
              n += 1
          for i in range(-9223372036854775800, -9223372036854775807 - 1, -5):
              n += 10
          var step = 4
          for i in range(9223372036854775800, 9223372036854775807, step):
              n += 100
          print(n)

      """
    #expect(try Self.outcome(main, backend: backend) == "223\n")
  }

  @Test func moduleSevenPackageLevelsDeep() throws {
    let main = "from a.b.c.d.e.f.g import seven\n\ndef main():\n    print(seven())\n"
    #expect(try Self.outcome(main, extra: ["a/b/c/d/e/f/g.mojo": "def seven() -> Int:\n    return 7\n"]) == "7\n")
  }

  @Test func byteOrderMarkIsAccepted() throws {
    #expect(try Self.outcome("\u{FEFF}def main():\n    print(1)\n") == "1\n")
  }

  @Test func unreadableUnimportedFileDoesNotFailTheBuild() throws {
    let project = Fixtures.makeProject(["main.mojo": "def main():\n    print(5)\n"])
    // A symbolic link to itself cannot be read; nothing imports it.
    try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("loop.mojo").path,
                                               withDestinationPath: "loop.mojo")
    let run = try Harness.buildAndRun(project, backend: .cnp)
    #expect(run.stdout == "5\n")
  }
}
