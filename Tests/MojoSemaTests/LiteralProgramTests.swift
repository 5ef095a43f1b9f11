//! Literal folding end to end: small programs built with the real driver on both backends and
//! run; their output must be what LANGUAGE.md §6 (and real Mojo, for the conformance lines)
//! prints.
import Foundation
import MojoDriver
import Testing
import TestSupport

/// Builds `source` as a one-file project with `backend`, runs it, and returns stdout (or the
/// first diagnostic).
func runProgram(_ source: String, backend: BackendKind, modules: [String: String] = [:]) throws -> String {
  let project = Fixtures.makeProject(modules.merging(["main.mojo": source]) { $1 })
  defer { try? FileManager.default.removeItem(at: project) }
  let run = try Harness.buildAndRun(project, backend: backend)
  return run.status == 0 ? run.stdout : "status \(run.status): \(run.stderr)"
}

@Suite struct LiteralProgramTests {
  @Test("literal expressions print their exactly folded value", arguments: BackendKind.allCases)
  func foldedLiteralsPrint(backend: BackendKind) throws {
    let source = """
      def main():
          print(0.1 + 0.2, 2 ** 64, 99999999999999999999, 10 / 4, -7 / 2)
          print(1e400 / 1e390, 1e-400 * 1e400, 3.0 / 0.0, 3.0 // 0.0, 3.0 % 0.0, 7 // 0, 7 % 0)
          print(0.1 + 0.2 == 0.3, 0.1 * 3 == 0.3, 1 < 2 < 3, 1 < 3 < 2)
          print(7 // 2, -7 // 2, -7 % 3, 7 % -3, -7.5 // 2, -7.5 % 2)
          print(2 ** -1, 1 ** -5, (-1) ** -3, 2.0 ** -1, 0.5 ** 2, 1.1 ** 7)
          print(1e400, -1e400, 1e-400, -0.0, (1 << 70) >> 66, 10**30 // 10**28)
          var y = 0.1 + 0.2
          var g = 10 / 4
          var big = 2 ** 64 + 5
          print(y, g, big)

      """
    let expected = """
      0.3 0 7766279631452241919 2.5 -3.5
      10000000000.0 1.0 nan nan nan 0 0
      True True True False
      3 -4 2 -2 -4.0 0.5
      0 1 -1 0.5 0.25 1.9487171
      inf -inf 0.0 -0.0 16 100
      0.3 2.5 5

      """
    #expect(try runProgram(source, backend: backend) == expected)
  }

  @Test("comptime constants: untyped ones fold exactly, typed ones are values", arguments: BackendKind.allCases)
  func comptimeConstants(backend: BackendKind) throws {
    let source = """
      comptime N = 10
      comptime M: Int = 10
      comptime B: Float64 = 0.1
      comptime AREA = N * M + 1
      comptime TYPED_SUM = B + 0.2
      comptime EXACT_SUM = 0.1 + 0.2
      comptime HALF = M / 4
      comptime BIG = 2 ** 64 + 3

      def main():
          comptime LOCAL = 10
          print(N / 4, M / 4, N // 4, AREA, TYPED_SUM, EXACT_SUM, HALF, BIG)
          print(LOCAL / 4, LOCAL * 0.1 == 1.0, B + 0.2 == 0.3)

      """
    let expected = """
      2.5 2 2 101 0.30000000000000004 0.3 2 3
      2.5 True False

      """
    #expect(try runProgram(source, backend: backend) == expected)
  }

  @Test("comptime initializers use constants declared later and in other modules", arguments: BackendKind.allCases)
  func comptimeAcrossModules(backend: BackendKind) throws {
    let source = """
      from util import K, SCALE

      comptime TWICE = K * 2
      comptime EARLY = LATE + 1
      comptime LATE = 0.5 / 2

      def scaled(x: Float64 = SCALE * 3) -> Float64:
          return x

      def main():
          print(TWICE, EARLY, LATE, scaled(), util_sum())

      def util_sum() -> Int:
          return K + TWICE

      """
    let util = """
      comptime K = 2 ** 65 + 1
      comptime SCALE = 0.1

      """
    let expected = """
      2 1.25 0.25 0.3 3

      """
    #expect(try runProgram(source, backend: backend, modules: ["util.mojo": util]) == expected)
  }

  @Test("literal expressions that v1 rejects", arguments: [
    ("print(2 ** 0.5)", "notSupportedYet"),
    ("var i: Int = 10 / 4", "cannotConvert"), ("var b: Bool = 2 ** 64", "cannotConvert"),
  ])
  func rejected(statement: String, id: String) throws {
    let project = Fixtures.makeProject(["main.mojo": "def main():\n    \(statement)\n"])
    let folder = Fixtures.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: project)
      try? FileManager.default.removeItem(at: folder)
    }
    let diagnostics = try Harness.build(project, backend: .cnp, output: folder.appendingPathComponent("program"))
    let first = try #require(diagnostics.first { $0.severity == .error }, "\(statement) compiled")
    #expect(first.id == id, "\(statement): \(first.id)")
  }
}

/// mojoc's one limit on literals (Mojo has none): values are exact up to 131,072 bits; past it
/// the expression is an error — before, `2 ** 200000 // 2 ** 199999` silently printed 0.
@Suite struct LiteralLimitTests {
  @Test("exact right up to the limit; zeros never count against it", arguments: BackendKind.allCases)
  func upToTheLimit(backend: BackendKind) throws {
    let longOne = "1." + String(repeating: "0", count: 30_000)
    let source = "def main():\n    print(2 ** 131000 // 2 ** 130990, \(longOne), " + String(repeating: "9", count: 39_000) + " % 1000007)\n"
    #expect(try runProgram(source, backend: backend) == "1024 1.0 \(Self.ninesModulo)\n")
  }

  /// 10^39000 - 1 mod 1000007, computed exactly by Python.
  static let ninesModulo = 638080

  @Test("past the limit: one error at the literal or operator", arguments: [
    ("print(2 ** 200000 // 2 ** 199999)", 13),
    ("print(1 << 200000)", 13),
    ("print(" + String(repeating: "7", count: 1_000_000) + ")", 11),
    ("print(0x" + String(repeating: "f", count: 40_000) + ")", 11),
    ("print(1." + String(repeating: "3", count: 40_000) + ")", 11),
  ])
  func pastTheLimit(statement: String, column: Int) throws {
    let output = try runProgram("def main():\n    " + statement + "\n", backend: .cnp)
    #expect(output.hasPrefix("status -1: "))
    #expect(output.contains("main.mojo:2:\(column): error: literal value too large for mojoc: literal arithmetic is exact up to 131072 bits"),
            "\(output.prefix(300))")
  }
}
