//! Flat operator chains of any length compile and give the right answer (issue 10): the parser
//! counts a chain as one level of nesting, and the checker, the constant folder, the warnings and
//! the lowering walk its left spine in loops. mojoc runs here with 1 MiB compiler stacks
//! (`MOJOC_STACK_MIB`, 512 MiB otherwise), where recursion per term would overflow long before
//! the end of a 20,000-term chain (100,000 and 1,000,000 terms: README "Language").
import Foundation
import Testing
import TestSupport

@Suite struct LongChainTests {
  static let terms = 20_000

  /// `main.mojo` whose one chain has `terms` operands, and what the program prints.
  static func program(_ kind: String) -> (source: String, output: String) {
    let n = terms
    func chain(_ operand: String, _ op: String) -> String { Array(repeating: operand, count: n).joined(separator: op) }
    switch kind {
    case "int":
      return ("def main():\n    var x = 1\n    var y = \(chain("x", " + "))\n    print(y)\n", "\(n)\n")
    case "literals":
      // Folded as one literal up to the `x`: the loop folds, then checks only the last node.
      return ("def main():\n    var x = 1\n    print(\(chain("1", "+")) + x, \(chain("2", "*")) % 7)\n", "\(n + 1) 4\n")
    case "mixed":
      let terms = (0..<n).map { "x * \($0 % 5)" }.joined(separator: " - ")
      return ("def main():\n    var x = 3\n    print(\(terms) + x // 2)\n", "\(-3 * 2 * n + 1)\n")
    case "float":
      return ("def main():\n    var f = 0.5\n    print(\(chain("f", " + ")))\n", "\(Double(n) / 2)\n")
    case "string":
      return ("def main():\n    var s = String(\"ab\")\n    print((\(chain("s", " + "))).byte_length())\n", "\(2 * n)\n")
    case "and":
      return ("def main():\n    var b = True\n    var c = False\n    print(\(chain("b", " and ")), \(chain("b", " and ")) and c)\n",
              "True False\n")
    case "or":
      return ("def main():\n    var b = False\n    print(\(chain("b", " or ")) or True, \(chain("b", " or ")))\n", "True False\n")
    case "comparison":
      return ("def main():\n    var x = 1\n    print(\(chain("x", " <= ")), \(chain("x", " < ")))\n", "True False\n")
    case "statements":
      // An `if` condition whose operands are comparisons, an augmented assignment.
      return ("def main():\n    var x = 1\n    var t = 0\n    if \(chain("x == 1", " and ")):\n        t += \(chain("x", " + "))\n    print(t)\n",
              "\(n)\n")
    case "struct":
      // Operator methods: each node a call of `__add__` on the node below.
      let s = "@fieldwise_init\nstruct V(ImplicitlyCopyable, Movable):\n    var n: Int\n\n"
        + "    def __add__(self, other: V) -> V:\n        return V(self.n + other.n)\n\n"
      return (s + "def main():\n    var v = V(2)\n    print((\(chain("v", " + "))).n)\n", "\(2 * n)\n")
    default:
      // A `comptime` initializer with a typed constant: folded by the initializer folder.
      return ("comptime M: Int = 3\ncomptime N = M + \(chain("1", " + "))\n\ndef main():\n    print(N)\n", "\(n + 3)\n")
    }
  }

  /// Every kind with copy-and-patch; the kinds whose lowering differs (arithmetic, runtime
  /// calls, short-circuit blocks) with LLVM too.
  @Test(arguments: ["int", "literals", "mixed", "float", "string", "and", "or", "comparison", "statements", "struct", "comptime"]
            .map { ($0, "cnp") } + ["int", "string", "and", "struct"].map { ($0, "llvm") })
  func chainOfTwentyThousandTerms(kind: String, backend: String) throws {
    let (source, output) = Self.program(kind)
    let project = Fixtures.makeProject(["main.mojo": source])
    defer { try? FileManager.default.removeItem(at: project) }
    let exe = project.appendingPathComponent("program")
    let build = try MojocProcess.run(["build", project.path, "-o", exe.path, "--backend", backend],
                                     environment: ["MOJOC_STACK_MIB": "1"])
    #expect(build.status == 0, "\(kind): \(build.stderr.prefix(300))")
    guard build.status == 0 else { return }
    let run = try MojocProcess.tool(exe.path, [])
    #expect(run.stdout == output, "\(kind)")
  }
}
