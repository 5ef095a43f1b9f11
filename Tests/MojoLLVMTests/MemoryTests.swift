//! Data objects, `addr`, `load` and `store`: 8-byte-aligned string blobs read by the module and
//! by C, `i1` stored as one byte, accesses at odd offsets.

import MojoCodegen
import MojoIR
import Testing

@Suite struct MemoryTests {
  /// A string blob as the lowering lays it out: little-endian `i64` length, then the bytes.
  static func stringBlob(_ text: String) -> [UInt8] {
    withUnsafeBytes(of: Int64(text.utf8.count).littleEndian, Array.init) + Array(text.utf8)
  }

  static func memoryModule() -> IRModule {
    var module = IRModule(name: "tests.memory")
    let greeting = module.addData(stringBlob("hello, data"))
    let flags = module.addData([0, 1, 0, 1])
    module.define("greeting", [], .ptr) { b in b.ret(v(b.address(of: greeting))) }
    module.define("greeting_length", [], .i64) { b in
      b.ret(v(b.load(.i64, from: v(b.address(of: greeting)), offset: 0)))
    }
    // Sums flags[0...3] read as i1 bytes.
    module.define("count_flags", [], .i64) { b in
      let base = b.address(of: flags)
      var total = Operand.int(0)
      for offset in 0..<4 {
        total = v(b.op(.iadd, total, v(b.op(.zext, v(b.load(.i1, from: v(base), offset: Int64(offset)))))))
      }
      b.ret(total)
    }
    // Writes an i64 at +1, an f64 at +9 and an i1 at +17 of a C buffer, then reads the i64 back.
    module.define("fill", [.ptr, .i64, .f64, .i1], .i64) { b in
      b.store(.i64, v(b.parameter(1)), to: v(b.parameter(0)), offset: 1)
      b.store(.f64, v(b.parameter(2)), to: v(b.parameter(0)), offset: 9)
      b.store(.i1, v(b.parameter(3)), to: v(b.parameter(0)), offset: 17)
      b.ret(v(b.load(.i64, from: v(b.parameter(0)), offset: 1)))
    }
    module.define("fill_flag", [.ptr, .i64], .void) { b in
      b.store(.i1, v(b.op(.igt, v(b.parameter(1)), .int(0))), to: v(b.parameter(0)), offset: 0)
      b.ret(nil)
    }
    return module
  }

  @Test(arguments: [OptimizationLevel.o0, .o2])
  func dataObjectsLoadsAndStores(level: OptimizationLevel) throws {
    let harness = """
      #include <stdio.h>
      #include <stdint.h>
      #include <string.h>
      const unsigned char *greeting(void); int64_t greeting_length(void); int64_t count_flags(void);
      int64_t fill(unsigned char *, int64_t, double, _Bool); void fill_flag(unsigned char *, int64_t);
      int main(void) {
        const unsigned char *s = greeting();
        int64_t length; memcpy(&length, s, 8);
        printf("%lld %lld %.*s aligned=%d\\n", (long long)length, (long long)greeting_length(), (int)length, s + 8,
               (int)((uintptr_t)s % 8 == 0));
        printf("flags=%lld\\n", (long long)count_flags());
        unsigned char buffer[24]; memset(buffer, 0xee, sizeof buffer);
        int64_t back = fill(buffer, -5, 2.5, 1);
        int64_t i; double d; memcpy(&i, buffer + 1, 8); memcpy(&d, buffer + 9, 8);
        printf("%lld %lld %g %d %x %x\\n", (long long)back, (long long)i, d, buffer[17], buffer[0], buffer[18]);
        fill_flag(buffer, 0); printf("%d", buffer[0]); fill_flag(buffer, 9); printf(" %d\\n", buffer[0]);
        return 0;
      }
      """
    let run = try NativeProgram.run(Self.memoryModule(), level: level, harness: harness)
    #expect(run == ProgramRun(output: "11 11 hello, data aligned=1\nflags=2\n-5 -5 2.5 1 ee ee\n0 1\n", status: 0))
  }
}
