//! Function forms of issue 13 item 7 as Mojo 1.2 has them: nested `def` (non-capturing),
//! keyword-only parameters after `*`, and `std.testing`'s assertions (whose message names the
//! file's absolute path, so no oracle case can record it).
import Foundation
import MojoDriver
import Testing
import TestSupport

/// The IDs of the error diagnostics of a one-file project (empty when it compiles).
private func errorIDs(_ source: String) throws -> [String] {
  try diagnostics(of: source).filter { $0.severity == .error }.map(\.id)
}

@Suite struct FunctionFormTests {
  @Test("nested functions and keyword-only parameters are checked as Mojo checks them", arguments: [
    ("def f(x: Int, *, k: Int = 1) -> Int:\n    return x * k\n\ndef main():\n    print(f(2, 3))\n", ["unexpectedArgument"]),
    ("def f(*, k: Int) -> Int:\n    return k\n\ndef main():\n    print(f())\n", ["missingArgument"]),
    ("def f(*, k: Int) -> Int:\n    return k\n\ndef main():\n    print(f(k=2))\n", []),
    // A required keyword-only parameter may follow an optional one.
    ("def f(a: Int = 1, *, k: Int) -> Int:\n    return a + k\n\ndef main():\n    print(f(k=2))\n", []),
    ("def main():\n    var t = 1\n\n    def g() -> Int:\n        return t\n\n    print(g())\n", ["captureConvention"]),
    ("def main():\n    def g() -> Int:\n        return 1\n\n    print(g())\n", []),
    ("def f():\n    def g():\n        pass\n\ndef main():\n    g()\n", ["unknownDeclaration"]),
    // Two nested functions of one name in different functions are different functions.
    ("def a() -> Int:\n    def h() -> Int:\n        return 1\n    return h()\n\ndef b() -> Int:\n    def h() -> Int:\n        return 2\n    return h()\n\ndef main():\n    print(a() + b())\n", []),
  ])
  func checked(source: String, ids: [String]) throws {
    #expect(try errorIDs(source) == ids)
  }

  @Test("ref bindings name places of lists, structs, dicts and sets", arguments: [
    ("def main():\n    var xs: List[List[Int]] = [[1]]\n    ref row = xs[0]\n    row.append(2)\n    print(xs)\n", []),
    ("def main():\n    var xs: List[Int] = [1]\n    ref x = xs[0]\n    print(x)\n", ["notSupportedYet"]),
    ("def main():\n    ref xs = [1, 2]\n    print(xs)\n", ["notSupportedYet"]),
  ])
  func referenceBindings(source: String, ids: [String]) throws {
    #expect(try errorIDs(source) == ids)
  }

  @Test("assertions need a context that may raise; unsupported operands are named", arguments: [
    ("from std.testing import assert_true\n\ndef main():\n    assert_true(True)\n", ["callMayRaise"]),
    ("from std.testing import assert_equal\n\n@fieldwise_init\nstruct P(Copyable):\n    var x: Int\n\ndef main() raises:\n    assert_equal(P(1), P(1))\n", ["notSupportedYet"]),
    ("from std.testing import assert_equal\n\ndef main() raises:\n    var xs: List[List[Int]] = [[1]]\n    assert_equal(xs, xs)\n", []),
    ("from std.testing import assert_equal\n\ndef main() raises:\n    var xs: List[Int] = [1]\n    assert_equal(xs, xs)\n", []),
    ("from std.testing import assert_equal\n\ndef main() raises:\n    assert_equal(1, \"a\")\n", ["notSupportedYet"]),
    ("from std.testing import assert_equal\n\ndef main() raises:\n    assert_equal(1, 2, \"m\", 4)\n", ["unexpectedArgument"]),
    ("from std.testing import assert_almost_equal\n\ndef main() raises:\n    assert_almost_equal(1, 2, atol=0.5)\n", []),
    // `assert_raises` is a context manager: only `with assert_raises(...)` is known.
    ("from std.testing import assert_raises\n\ndef main() raises:\n    with assert_raises(contains=\"x\"):\n        raise Error(\"x\")\n", []),
    ("from std.testing import assert_raises\n\ndef main() raises:\n    _ = assert_raises()\n", ["notSupportedYet"]),
    ("from std.testing import assert_raises\n\ndef main() raises:\n    with assert_raises(text=\"x\"):\n        pass\n", ["unexpectedArgument"]),
  ])
  func assertionChecks(source: String, ids: [String]) throws {
    #expect(try errorIDs(source) == ids)
  }

  @Test("an uncaught assertion names the file's absolute path, line and column", arguments: BackendKind.allCases)
  func uncaughtAssertion(backend: BackendKind) throws {
    let source = "from std.testing import assert_equal\n\ndef main() raises:\n    print(\"before\")\n    assert_equal(2 + 2, 5, \"arithmetic\")\n"
    let project = Fixtures.makeProject(["main.mojo": source])
    defer { try? FileManager.default.removeItem(at: project) }
    let run = try Harness.buildAndRun(project, backend: backend)
    let path = project.appendingPathComponent("main.mojo").standardizedFileURL.path
    #expect(run.status == 1)
    #expect(run.stdout == "before\n")
    #expect(run.stderr.hasSuffix("Unhandled exception caught during execution: At \(path):5:17: AssertionError: `left == right` comparison failed:\n   left: 4\n  right: 5\n  reason: arithmetic\n"),
            "\(run.stderr)")
  }
}
