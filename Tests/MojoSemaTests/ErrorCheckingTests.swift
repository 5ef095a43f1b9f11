//! Errors as Mojo 1.2 checks them: where `raise` and calls to raising functions are allowed
//! (a plain `def` does not raise; only a `try` body with an `except` catches), and what
//! `raise`, `Error(...)` and `except NAME` accept.
import Foundation
import MojoDriver
import Testing
import TestSupport

/// The IDs of the error diagnostics of a one-file project (empty when it compiles).
private func errorIDs(_ source: String) throws -> [String] {
  try diagnostics(of: source).filter { $0.severity == .error }.map(\.id)
}

private let raising = "def f() raises -> Int:\n    raise Error(\"x\")\n\n"

@Suite struct ErrorCheckingTests {
  @Test("raising where nothing catches is rejected", arguments: [
    ("def main():\n    raise Error(\"x\")\n", "raiseNeedsTry"),
    ("def main():\n    print(f())\n", "callMayRaise"),
    // `finally` alone does not catch; `except` and `else` bodies are outside their `try`.
    ("def main():\n    try:\n        print(f())\n    finally:\n        pass\n", "callMayRaise"),
    ("def main():\n    try:\n        pass\n    except:\n        print(f())\n", "callMayRaise"),
    ("def main():\n    try:\n        pass\n    except:\n        pass\n    else:\n        raise Error()\n", "raiseNeedsTry"),
    ("def main() raises:\n    raise\n", "bareRaiseOutsideExcept"),
    ("def main() raises:\n    raise List[Int]()\n", "cannotConvert"),
    ("def main() raises:\n    try:\n        pass\n    except e:\n        pass\n    print(e)\n", "unknownDeclaration"),
  ])
  func rejected(body: String, id: String) throws {
    #expect(try errorIDs(raising + body) == [id])
  }

  @Test("raising where something catches compiles", arguments: [
    "def main():\n    try:\n        print(f())\n    except e:\n        print(e)\n",
    "def main():\n    try:\n        try:\n            raise Error()\n        finally:\n            pass\n    except:\n        pass\n",
    "def g() raises:\n    try:\n        _ = f()\n    except:\n        raise\n\ndef main() raises:\n    g()\n",
    "def main() raises:\n    var e = Error(\"n=\", 1, \" x=\", 2.5, \" \", True)\n    var s: String = String(e)\n    print(s, e)\n",
    "def keep(e: Error) -> Error:\n    return e\n\ndef main():\n    try:\n        raise \"text\"\n    except e:\n        print(keep(e))\n",
  ])
  func accepted(body: String) throws {
    #expect(try errorIDs(raising + body) == [])
  }

  @Test("a raising function without a return on the error path needs none", arguments: BackendKind.allCases)
  func raiseEndsAPath(backend: BackendKind) throws {
    let source = """
      def pick(n: Int) raises -> String:
          if n > 0:
              return "positive"
          raise Error("not positive: " + String(n))

      def main():
          var numbers: List[Int] = [1, 0]
          for n in numbers:
              try:
                  print(pick(n))
              except e:
                  print(e)
      """
    #expect(try runProgram(source, backend: backend) == "positive\nnot positive: 0\n")
  }
}
