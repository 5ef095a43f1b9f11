//! The constant folder on real source (LANGUAGE.md §6): each case is parsed and bound, and the
//! folded value of a `comptime` initializer is checked exactly and as materialized.
import MojoDiagnostics
import MojoSyntax
import Testing
@testable import MojoSema

/// Binds `source` and returns the value of its last `comptime` and the binder's diagnostics.
func foldLast(_ source: String) -> (ConstantValue?, [Diagnostic]) {
  let file = SourceFile(path: "main.mojo", relativePath: "main.mojo", bytes: Array(source.utf8))
  let (tree, parseDiagnostics) = Parser.parse(file)
  var program = Program(modules: [SourceModule(name: "main", file: file, tree: tree, isPackage: false)])
  let diagnostics = Binder.bind(&program)
  return (program.comptimeValues[0].last.flatMap { $0?.value }, parseDiagnostics + diagnostics.flatMap { $0 })
}

/// The folded value of the literal expression `expression`.
func fold(_ expression: String, after prelude: String = "") -> ConstantValue? {
  foldLast(prelude + "comptime X = \(expression)\n").0
}

/// The exact value of a float literal, with an optional leading `-`.
func exact(_ text: String) -> ConstantValue {
  text.hasPrefix("-") ? .float(-ExactFloat(literal: String(text.dropFirst()))!) : .float(ExactFloat(literal: text)!)
}

@Suite struct LiteralFoldingTests {
  @Test func floatLiteralSumsAreExact() {
    #expect(fold("0.1 + 0.2") == exact("0.3"))
    #expect(fold("0.1 + 0.2")?.nearestDouble == 0.3)
    #expect(fold("3 * 0.1") == exact("0.3"))
    #expect(fold("1 / 3 + 1 / 3 + 1 / 3")?.nearestDouble == 1.0)
    #expect(fold("1e15 + 0.3")?.nearestDouble == 1_000_000_000_000_000.3)
  }

  @Test func integerLiteralsAreArbitraryPrecision() {
    #expect(fold("2 ** 64") == .int(BigInt(literal: "18446744073709551616")!))
    #expect(fold("2 ** 64")?.wrappedInt64 == 0)
    #expect(fold("99999999999999999999")?.wrappedInt64 == 7_766_279_631_452_241_919)
    #expect(fold("(1 << 70) >> 66") == .int(16))
    #expect(fold("10**30 // 10**28") == .int(100))
    #expect(fold("-(2 ** 63)")?.wrappedInt64 == .min)
    #expect(fold("~5") == .int(-6))
    #expect(fold("0xFFFFFFFFFFFFFFFF")?.wrappedInt64 == -1)
    #expect(fold("(2 ** 100 + 7) % 2 ** 64") == .int(7))
    #expect(fold("-(2 ** 100) >> 98") == .int(-4))
    #expect(fold("(2 ** 80 - 1) & -(2 ** 40)") == .int(BigInt(2).power(80)! - BigInt(2).power(40)!))
  }

  @Test func divisionOfIntLiteralsIsAFloatLiteral() {
    #expect(fold("10 / 4") == exact("2.5"))
    #expect(fold("-7 / 2") == exact("-3.5"))
    #expect(fold("7 / 2")?.nearestDouble == 3.5)
    #expect(fold("1 / 3")?.nearestDouble == 1.0 / 3.0)
    #expect(fold("N / 4", after: "comptime N = 10\n") == exact("2.5"))
  }

  @Test func floorDivisionAndModuloFollowTheDivisorsSign() {
    #expect(fold("7 // 2") == .int(3))
    #expect(fold("-7 // 2") == .int(-4))
    #expect(fold("-7 % 3") == .int(2))
    #expect(fold("7 % -3") == .int(-2))
    #expect(fold("7 // 0") == .int(0))
    #expect(fold("7 % 0") == .int(0))
    #expect(fold("7.5 // 2") == exact("3.0"))
    #expect(fold("-7.5 // 2") == exact("-4.0"))
    #expect(fold("-7.5 % 2") == exact("0.5"))
  }

  @Test func divisionByZeroOfFloatLiteralsIsNaN() {
    for expression in ["3.0 / 0.0", "3.0 // 0.0", "3.0 % 0.0", "3 / 0", "3.0 / 0", "0.0 / 0.0"] {
      #expect(fold(expression)?.nearestDouble.isNaN == true, "\(expression)")
    }
  }

  @Test func materializationRoundsTheExactValue() {
    #expect(fold("1e400 / 1e390")?.nearestDouble == 10_000_000_000.0)
    #expect(fold("1e-400 * 1e400")?.nearestDouble == 1.0)
    #expect(fold("1e400")?.nearestDouble == .infinity)
    #expect(fold("-1e400")?.nearestDouble == -.infinity)
    #expect(fold("1e-400")?.nearestDouble == 0.0)
    #expect(fold("-0.0")?.nearestDouble.bitPattern == (-0.0).bitPattern)
    #expect(fold("2 ** 1024 * 1.0")?.nearestDouble == .infinity)
    #expect(fold("2 ** 53 + 1")?.nearestDouble == 9_007_199_254_740_992.0)
  }

  @Test func comparisonsBetweenLiteralsAreExact() {
    #expect(fold("0.1 + 0.2 == 0.3") == .bool(true))
    #expect(fold("0.1 * 3 == 0.3") == .bool(true))
    #expect(fold("1 / 3 < 0.3333333333333333") == .bool(false))
    #expect(fold("1 < 2 < 3") == .bool(true))
    #expect(fold("1 < 3 < 2") == .bool(false))
    #expect(fold("2 ** 64 > 2 ** 63") == .bool(true))
    #expect(fold("0.0 / 0.0 == 0.0 / 0.0") == .bool(false))
    #expect(fold("0.0 / 0.0 != 0.0 / 0.0") == .bool(true))
    #expect(fold("-0.0 == 0.0") == .bool(true))
  }

  @Test func powersFollowTheIntRuleAndStayExact() {
    #expect(fold("2 ** 10") == .int(1024))
    #expect(fold("2 ** -1") == .int(0))
    #expect(fold("1 ** -5") == .int(1))
    #expect(fold("(-1) ** -3") == .int(-1))
    #expect(fold("(-1) ** -4") == .int(1))
    #expect(fold("0 ** -2") == .int(0))
    #expect(fold("0 ** 0") == .int(1))
    #expect(fold("2.0 ** -1") == exact("0.5"))
    #expect(fold("0.5 ** 2") == exact("0.25"))
    #expect(fold("1.1 ** 7") == exact("1.9487171"))
  }

  @Test func floatLiteralToFloatLiteralPowerIsNotSupportedYet() {
    let (value, diagnostics) = foldLast("comptime X = 2.0 ** 0.5\n")
    #expect(value == nil)
    #expect(diagnostics.contains { $0.id == "notSupportedYet" })
    #expect(fold("2 ** 0.5") == nil)
  }

  @Test func comptimeInitializersUseEarlierConstants() {
    let prelude = "comptime WIDTH = 8\ncomptime HEIGHT: Int = 3\ncomptime B: Float64 = 0.1\n"
    #expect(fold("WIDTH * HEIGHT", after: prelude) == .int(24))
    #expect(fold("(1 << WIDTH) - 1", after: prelude) == .int(255))
    #expect(fold("B + 0.2", after: prelude)?.nearestDouble == 0.1 + 0.2)
    #expect(fold("HEIGHT / 2", after: prelude) == .int(1))
    #expect(fold("WIDTH / 3", after: prelude)?.nearestDouble == 8.0 / 3.0)
    let (value, diagnostics) = foldLast(prelude + "comptime X = HEIGHT / 0\n")
    #expect(value == nil && diagnostics.contains { $0.id == "notSupportedYet" })
  }
}
