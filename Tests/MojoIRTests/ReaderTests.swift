//! The IR reader: text printed by `Printer` reads back to the same function (values, types,
//! instructions, operands and blocks), and malformed text is refused with its line.
import Testing
@testable import MojoIR

/// The parts of a function that the text form carries (the operand pool's order is not one).
private func shape(_ f: IRFunction) -> [String] {
  [f.symbol, "\(f.parameterTypes)", "\(f.returnType)", "\(f.linkage)", "\(f.valueTypes)", "\(f.blocks)"]
    + f.instructions.map { "\($0.opcode) \($0.type) \($0.result) \($0.aux0) \($0.aux1) \(Array(f.operands(of: $0)))" }
}

@Suite struct ReaderTests {
  @Test func builtModuleReadsBackToTheSameFunctions() throws {
    var module = makeSumModule()
    _ = module.addData([0x03, 0, 0, 0, 0, 0, 0, 0] + Array("a\"\\".utf8) + [0x00, 0xff, 0x0a])
    let print = module.declare("mojo_rt_print_float", parameters: [.f64], returns: .void)
    var f = IRFunction(defining: "mj.m::g", parameterTypes: [.ptr, .i1], returnType: .void, linkage: .local)
    var b = FunctionBuilder(parameterTypes: [.ptr, .i1])
    let x = b.load(.f64, from: .value(b.parameter(0)), offset: 8)
    b.store(.i1, .value(b.parameter(1)), to: .value(b.parameter(0)), offset: -1)
    _ = b.address(of: DataID(0))
    let y = b.op(.fadd, .value(x), .float(-0.0))
    b.call(print, returning: .void, [.value(y)])
    b.ret(nil)
    b.finish(into: &f)
    module.functions.append(f)
    #expect(Verifier.verify(module).isEmpty)

    let text = Printer.print(module)
    let read = try Reader.parse(text)
    #expect(read.count == 1)
    #expect(read[0].name == "m")
    #expect(read[0].data == module.data)
    #expect(read[0].functions.map(shape) == module.functions.map(shape))
    #expect(Printer.print(read[0]) == text)
  }

  @Test func severalModulesAndCommentsRead() throws {
    let text = """
      module "a" ; the first
      declare @f0 mojo_rt_print_int(i64) -> void

      define export @f1 mojo_main() -> void {
      bb0:
        call @f0(-9223372036854775808)   ; prints the minimum
        ret
      }
      module "b"
      """
    let modules = try Reader.parse(text)
    #expect(modules.map(\.name) == ["a", "b"])
    #expect(modules[0].functions[1].instructions.count == 2)
    #expect(modules[0].functions[1].operands == [.int(Int64.min)])
    #expect(Verifier.verify(modules[0]).isEmpty)
  }

  @Test func malformedTextIsRefusedWithItsLine() {
    func error(_ text: String) -> ReaderError? {
      do { _ = try Reader.parse(text); return nil } catch { return error }
    }
    #expect(error("function") == ReaderError(line: 1, message: "expected 'module \"NAME\"'"))
    #expect(error("module \"m\"\ndefine @f0 f() -> void {\nbb0:\n  %0:i64 = frobnicate 1\n}")
            == ReaderError(line: 4, message: "unknown opcode 'frobnicate'"))
    #expect(error("module \"m\"\ndefine @f0 f() -> void {\nbb0:\n  ret")?.message == "missing '}' at the end of f")
    #expect(error("module \"m\"\ndefine @f0 f() -> i64 {\nbb0:\n  ret %3\n}")?.message == "value %0 of f is never defined")
    #expect(error("module \"m\"\ndeclare @f1 f() -> void")?.message == "expected @f0")
  }
}
