//! Mojo 1.2's warnings about unused values. Every expected line below is what real Mojo printed
//! for the same program; mojoc gives a subset of Mojo's dead-assignment warnings (never one
//! Mojo does not give), so each program also lists the ones mojoc leaves out.
import Foundation
import MojoDiagnostics
import MojoDriver
import MojoSema
import Testing
import TestSupport

@Suite struct WarningTests {
  /// `line:col: message` of each warning of a one-file program, in the order printed.
  private func warnings(_ source: String) throws -> [String] {
    try diagnostics(of: source).filter { $0.severity == .warning }
      .map { d in
        let (line, column) = d.location.file!.lineAndColumn(of: d.location.offset)
        return "\(line):\(column): \(d.message)"
      }
  }

  private let unusedAssignment = "was never used; assign to '_' instead?"

  @Test("discarded values, never-read variables and loop variables, placed as Mojo places them")
  func basic() throws {
    let source = """
      def f(x: Int) -> Int:
          return x + 1

      def g(a: Int, b: Int) -> Int:
          var unused = 5
          var y = 3
          y = 4
          var z = 1
          z += 1
          f(2)
          var w: Int
          w = 7
          var k = 2
          print(k)
          k = 9
          var t = f(1) + 2
          var e = -a
          return a

      def main():
          for i in range(3):
              pass
          f(1) + 2
          var n = 1
          n == 2
          print(g(1, 2))

      """
    // Mojo's order: discarded values first (by position), then per function.
    #expect(try warnings(source) == [
      "10:6: 'Int' value is unused; assign to '_' to discard the result",
      "23:10: 'Int' value is unused; assign to '_' to discard the result",
      "25:7: 'Bool' value is unused; assign to '_' to discard the result",
      "5:18: assignment to 'unused' \(unusedAssignment)",
      "6:13: assignment to 'y' \(unusedAssignment)",
      "7:9: assignment to 'y' \(unusedAssignment)",
      "12:9: assignment to 'w' \(unusedAssignment)",
      "15:9: assignment to 'k' \(unusedAssignment)",
      "16:18: assignment to 't' \(unusedAssignment)",
      "17:13: assignment to 'e' \(unusedAssignment)",
      "21:9: ref 'i' was never used, remove it?",
    ])
  }

  @Test("stores that a later read, the next iteration, a break path, a handler or the caller may see are not reported")
  func noFalseWarnings() throws {
    let source = """
      def may_fail(n: Int) raises -> Int:
          if n > 2:
              raise Error("big")
          return n

      def bump(mut v: Int):
          v = v + 1

      def loops() -> Int:
          var total = 0
          var i = 0
          while i < 10:
              total += i
              i = i + 1
          var last = -1
          for k in range(5):
              if k == 3:
                  last = k
                  break
              last = 0
          print(last)
          var x = 1
          if total > 3:
              x = 2
          print(x)
          var y = 0
          for q in range(3):
              y = q
              continue
          print(y)
          var _scratch = 4
          return total

      def errors() -> Int:
          var r = 0
          try:
              r = 1
              r = may_fail(5)
          except e:
              print(r)
          return r

      def main():
          var n = 3
          bump(n)
          print(loops(), errors(), n)

      """
    // Mojo also reports `var r = 0` (35:13): mojoc does not see that `r = 1` always follows.
    #expect(try warnings(source) == [])
  }

  @Test("code after return, raise, break, continue, an endless loop, an if or a try that never falls through")
  func unreachableCode() throws {
    // Every line is what Mojo 1.2 printed for this program (its "first operation" of the dead
    // statement: a literal, a call's `(`, an operator, a name read as a value, a keyword).
    let source = """
      def foo() -> Int:
          return 1

      def r1(x: Int) -> Int:
          return 1
          print(x + 1)

      def r2(x: Int) -> Int:
          return 1
          print(1 + foo())

      def r3(a: Int, b: Int) -> Int:
          return 1
          return a + b

      def r4(l: List[Int], i: Int) -> Int:
          return 1
          print(l[i])

      def r5(x: Int) -> Int:
          return 1
          while x > 0:
              print(x)

      def r6(x: Int) raises -> Int:
          while True:
              if x > 0:
                  return 1
          print("dead")

      def r7(x: Int) -> Int:
          if x > 0:
              return 1
          else:
              return 2
          var z = -x

      def r8(x: Int) -> Int:
          for i in range(x):
              continue
              break
          return 1

      def r9(flag: Bool) raises -> Int:
          raise Error("e")
          if flag:
              print(1)

      def r10() -> Int:
          try:
              return foo()
          except:
              return 2
          pass
          print(True)

      def r11() raises:
          try:
              print(1)
          except:
              pass

      def main() raises:
          print(r1(1), r2(1), r3(1, 2), r4([1], 0), r5(1), r6(1), r7(1), r8(1), r9(True), r10())
          r11()

      """
    #expect(try warnings(source) == [
      "6:15: unreachable code after return statement",
      "10:18: unreachable code after return statement",
      "14:14: unreachable code after return statement",
      "18:12: unreachable code after return statement",
      "22:5: unreachable code after return statement",
      "29:11: unreachable code after infinite loop",
      "36:13: unreachable code after if statement with then/else that do not fall through",
      "41:9: unreachable code after continue statement",
      "46:8: unreachable code after raise statement",
      "53:16: 'except' logic is unreachable, try doesn't raise an exception",
      "55:11: unreachable code after try statement that doesn't fall through",
      "58:5: try body doesn't raise an exception",
      "39:9: ref 'i' was never used, remove it?",
    ])
  }

  @Test("a variable never assigned or read, and an except name no error reaches")
  func unusedVariables() throws {
    let source = """
      def f() raises -> Int:
          var b: Int
          var c: Int
          c = 3
          var d: Int
          d = 4
          print(d)
          try:
              print(1)
          except e:
              print(e)
          var u = 1
          return 5
          print(u)

      def main() raises:
          var a, b = 1, 2
          print(a, f())

      """
    #expect(try warnings(source) == [
      "11:15: 'except' logic is unreachable, try doesn't raise an exception",
      "14:11: unreachable code after return statement",
      "4:9: assignment to 'c' \(unusedAssignment)",
      "12:13: assignment to 'u' \(unusedAssignment)",
      "2:9: variable 'b' was never used, remove it?",
      "10:12: variable 'e' was never used, remove it?",
      "17:10: assignment to 'b' \(unusedAssignment)",
    ])
  }

  @Test("an else after a try body that never falls through, and a __del__ destructor")
  func unreachableElseAndDeprecatedDel() throws {
    let source = """
      def one() -> Int:
          return 1

      def f(x: Int) raises -> Int:
          try:
              return one()
          except:
              pass
          else:
              print("else 1")
          one()
          return 0

      def g(x: Int) raises -> Int:
          try:
              if x > 0:
                  raise Error("p")
              return 1
          except e:
              print(e)
          else:
              var z = x + 1
              print(z)
          return 0

      def h(x: Int) raises -> Int:
          try:
              return one()
          except:
              print("h")
          else:
              pass
          return 0

      struct T(Movable):
          var n: Int
          def __init__(out self, n: Int):
              self.n = n
          def __del__(deinit self):
              print("del")

      def main() raises:
          print(f(1), g(1), h(1))
          var t = T(1)
          print(t.n)

      """
    #expect(try warnings(source) == [
      "11:8: 'Int' value is unused; assign to '_' to discard the result",
      "39:9: '__del__' is deprecated; use '__deinit__'",
      "5:5: try body doesn't raise an exception",
      "10:15: 'else' logic in 'try' is unreachable",
      "11:8: unreachable code after try statement that doesn't fall through",
      "22:21: 'else' logic in 'try' is unreachable",
      "30:15: 'except' logic is unreachable, try doesn't raise an exception",
      "33:12: unreachable code after try statement that doesn't fall through",
    ])
    let del = try diagnostics(of: source).first { $0.is(SemaDiagnostics.Kind.deprecatedDel) }!
    #expect(DiagnosticRenderer.render(del).hasSuffix("    def __del__(deinit self):\n        ^~~~~~~\n        __deinit__\n"))
  }

  @Test("a store overwritten in the same block before any read is reported")
  func overwritten() throws {
    let source = "def main():\n    var z = 0\n    z = 5\n    z = 6\n    print(z)\n"
    #expect(try warnings(source) == ["2:13: assignment to 'z' \(unusedAssignment)", "3:9: assignment to 'z' \(unusedAssignment)"])
  }
}

@Suite struct ConstantConditionWarningTests {
  @Test("an if or elif whose condition folds says which branch is unreachable, at Mojo's column")
  func constantConditions() throws {
    let source = """
      comptime DEBUG = False
      comptime D2: Bool = True

      def main():
          var x = 3
          if True:
              print(1)
          if 1 == 1:
              print(4)
          if DEBUG:
              print(5)
          if D2:
              print(6)
          if x > 2:
              print(7)
          elif True:
              print(8)
          if not True:
              print(9)
          while True:
              break

      """
    let always = "'if' condition always evaluates to"
    let found = try diagnostics(of: source).filter { $0.severity == .warning }.map { d in
      let (line, column) = d.location.file!.lineAndColumn(of: d.location.offset)
      return "\(line):\(column): \(d.message)"
    }
    #expect(found == [
      "6:8: \(always) 'True'; 'else' branch is unreachable",
      "8:10: \(always) 'True'; 'else' branch is unreachable",
      "10:8: \(always) 'False'; 'if' branch is unreachable",
      "12:8: \(always) 'True'; 'else' branch is unreachable",
      "16:10: \(always) 'True'; 'else' branch is unreachable",
      "18:8: \(always) 'False'; 'if' branch is unreachable",
    ])
  }
}
