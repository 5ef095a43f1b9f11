//! The C equivalent of a generated project (`mojoc corpus generate --emit-c DIR`), for comparing
//! mojoc with C compilers on the same program. Layout of DIR:
//!
//! - one `.c` file per Mojo module (`main.mojo` -> `main.c`, `pkg0/m3.mojo` -> `pkg0_m3.c`),
//!   each starting with `#include "mojo_prelude.h"` and the prototypes it needs (its own
//!   functions and the ones it imports), so files compile separately as Mojo modules do;
//! - `mojo_prelude.h`: wrapping Int arithmetic (`MJ_ADD`, ...), floor division and modulo of
//!   LANGUAGE.md §7.1, and declarations of the mojoc runtime's printing and list functions;
//! - `mojo_runtime.o`: the same runtime object mojoc links into every program (process entry,
//!   system calls, mem* functions, buffered output, the exact Float64 printing of §12.1, lists).
//!   The C program defines `mojo_main`, so output is byte-identical by construction of the
//!   printing, and both compilers link the same prebuilt runtime into a static executable
//!   without libc, as mojoc does.
//!
//! Build: `cc -static -nostdlib -fno-stack-protector DIR/*.c DIR/mojo_runtime.o -o exe`
//! (tcc, gcc and clang alike).

/// Helpers for writing the C side of a generated project.
public enum CProgram {
  /// The flags of a C compiler driver (tcc, gcc, clang) that build the program in a folder from
  /// its `.c` files and `mojo_runtime.o`: a static executable without libc or start files.
  public static let linkFlags = ["-static", "-nostdlib", "-fno-stack-protector"]

  /// The shapes with a C equivalent.
  static let shapes: Set<CorpusShape> = [.wide, .deep, .prints, .lists, .mixed]

  /// The C file name of a Mojo module path.
  static func fileName(_ mojoPath: String) -> String {
    String(mojoPath.dropLast(".mojo".count)).replacing("/", with: "_") + ".c"
  }

  /// A C file: the include, a comment, prototypes, then the body.
  static func file(mojoPath: String, prototypes: [String], body: [UInt8]) -> GeneratedFile {
    var out = SourceBuffer(capacity: body.count + prototypes.count * 48 + 128)
    out.line("// C equivalent of \(mojoPath), written by mojoc corpus generate --emit-c.")
    out.line("#include \"mojo_prelude.h\"")
    out.newline()
    for prototype in prototypes { out.line(prototype) }
    out.newline()
    out.append(body)
    let bytes = out.bytes
    return GeneratedFile(path: fileName(mojoPath), bytes: bytes, lines: bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
  }

  /// The prototype of a generated `(a: Int, b: Int) -> Int` function.
  static func intPrototype(_ name: String) -> String { "int64_t \(name)(int64_t a, int64_t b);" }

  /// One argument of a `print` call.
  enum PrintArgument {
    /// Literal text.
    case text(String)
    /// A C expression of type int64_t, printed as an Int.
    case int(String)
    /// A C expression, printed as `True`/`False`.
    case bool(String)
    /// A C expression of type double, printed by §12.1.
    case float(String)
    /// A C expression of type `MojoList *` holding Ints, printed as `[1, 2]`.
    case intList(String)
    /// A C expression of type `const MojoString *`.
    case string(String)
  }

  /// The C statements of `print(args..., sep=sep, end=end)`, each on its own line at `depth`;
  /// adjacent text (separators included) is merged into one call.
  static func print(_ arguments: [PrintArgument], sep: String = " ", end: String = "\n", into out: inout SourceBuffer) {
    var pending = ""
    func flush(_ out: inout SourceBuffer) {
      if pending.isEmpty { return }
      out.line("mj_print_text(\(literal(pending)), \(pending.utf8.count));")
      pending = ""
    }
    for (index, argument) in arguments.enumerated() {
      if index > 0 { pending += sep }
      switch argument {
      case .text(let text): pending += text
      case .int(let expression):
        flush(&out)
        out.line("mojo_rt_print_int(\(expression));")
      case .bool(let expression):
        flush(&out)
        out.line("mojo_rt_print_bool(\(expression));")
      case .float(let expression):
        flush(&out)
        out.line("mojo_rt_print_float(\(expression));")
      case .intList(let expression):
        flush(&out)
        out.line("mj_print_int_list(\(expression));")
      case .string(let expression):
        flush(&out)
        out.line("mojo_rt_print_string(\(expression));")
      }
    }
    pending += end
    flush(&out)
  }

  /// `text` as a C string literal.
  static func literal(_ text: String) -> String {
    var out = "\""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out += "\\\""
      case UInt8(ascii: "\\"): out += "\\\\"
      case 0x0A: out += "\\n"
      case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
      default: out += "\\" + String(byte, radix: 8).leftPadded(to: 3)
      }
    }
    return out + "\""
  }

  /// `mojo_prelude.h`.
  static let prelude = """
    // Helpers of the C programs written by `mojoc corpus generate --emit-c`: Int arithmetic with the
    // semantics of LANGUAGE.md §7.1 and the mojoc runtime's functions (linked from mojo_runtime.o).
    #ifndef MOJO_PRELUDE_H
    #define MOJO_PRELUDE_H
    #include <stddef.h>
    #include <stdint.h>

    // The runtime is the whole library: it defines the mem* functions, there is no libc.
    void *memcpy(void *to, const void *from, size_t count);

    typedef struct MojoString { int64_t length; uint8_t bytes[]; } MojoString;
    typedef struct MojoList { int64_t length; int64_t capacity; uint8_t *elements; } MojoList;

    void mojo_rt_print_int(int64_t value);
    void mojo_rt_print_bool(int64_t value);
    void mojo_rt_print_float(double value);
    void mojo_rt_print_string(const MojoString *s);
    MojoList *mojo_rt_list_new(int64_t element_size, int64_t capacity);
    void *mojo_rt_list_append_slot(MojoList *list, int64_t element_size);
    void *mojo_rt_list_at(MojoList *list, int64_t index, int64_t element_size, const void *where);  // where: null
    void mojo_rt_list_remove(MojoList *list, int64_t index, int64_t element_size, void *out);
    double mojo_rt_floor(double x);
    const MojoString *mojo_rt_str_concat(const MojoString *a, const MojoString *b);
    int64_t mojo_rt_str_compare(const MojoString *a, const MojoString *b);
    const MojoString *mojo_rt_str_from_int(int64_t value);
    void *mojo_rt_alloc(int64_t size);

    // Wrap-around modulo 2^64 without signed overflow.
    #define MJ_ADD(a, b) ((int64_t)((uint64_t)(a) + (uint64_t)(b)))
    #define MJ_SUB(a, b) ((int64_t)((uint64_t)(a) - (uint64_t)(b)))
    #define MJ_MUL(a, b) ((int64_t)((uint64_t)(a) * (uint64_t)(b)))
    #define MJ_NEG(a) ((int64_t)((uint64_t)0 - (uint64_t)(a)))
    #define MJ_SHL(a, n) ((int64_t)((uint64_t)(a) << (n)))

    // `//` floors and `%` takes the divisor's sign; both give 0 for a zero divisor.
    static inline int64_t mj_floordiv(int64_t a, int64_t b) {
      if (b == 0) return 0;
      int64_t q = a / b;
      if (a % b != 0 && ((a < 0) != (b < 0))) q -= 1;
      return q;
    }
    static inline int64_t mj_mod(int64_t a, int64_t b) {
      if (b == 0) return 0;
      int64_t r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      return r;
    }
    static inline int64_t mj_abs(int64_t a) { return a < 0 ? MJ_NEG(a) : a; }
    static inline int64_t mj_min(int64_t a, int64_t b) { return a < b ? a : b; }
    static inline int64_t mj_max(int64_t a, int64_t b) { return a > b ? a : b; }

    // Text goes through the runtime's output buffer, as a Mojo program's does.
    // The length is passed in, so no compiler turns a loop into a call to strlen (not in the runtime).
    static inline void mj_print_text(const char *text, size_t left) {
      struct { int64_t length; char bytes[64]; } chunk;
      while (left > 0) {
        size_t n = left < sizeof(chunk.bytes) ? left : sizeof(chunk.bytes);
        chunk.length = (int64_t)n;
        memcpy(chunk.bytes, text, n);
        mojo_rt_print_string((const MojoString *)&chunk);
        text += n;
        left -= n;
      }
    }

    // A String value (runtime layout: length, then the bytes) of `length` bytes of `text`.
    static inline const MojoString *mj_string(const char *text, int64_t length) {
      MojoString *s = mojo_rt_alloc(8 + length);
      s->length = length;
      memcpy(s->bytes, text, (size_t)length);
      return s;
    }

    // sqrt is one SSE2 instruction (correctly rounded, as §10.3 asks); no libm. Written as bytes
    // (movsd (%rax),%xmm0; sqrtsd %xmm0,%xmm0; movsd %xmm0,(%rdx)): tcc's assembler lacks sqrtsd.
    static inline double mj_sqrt(double x) {
      double r;
    #ifdef __TINYC__
      __asm__ volatile(".byte 0xf2,0x0f,0x10,0x00,0xf2,0x0f,0x51,0xc0,0xf2,0x0f,0x11,0x02" : : "a"(&x), "d"(&r) : "memory");
    #else
      __asm__ volatile(".byte 0xf2,0x0f,0x10,0x00,0xf2,0x0f,0x51,0xc0,0xf2,0x0f,0x11,0x02" : : "a"(&x), "d"(&r) : "memory", "xmm0");
    #endif
      return r;
    }

    // List[Int] and List[Float64] (8-byte elements in the runtime's MojoList).
    static inline MojoList *mj_list_of(const void *values, int64_t count) {
      MojoList *list = mojo_rt_list_new(8, count);
      for (int64_t i = 0; i < count; i++) memcpy(mojo_rt_list_append_slot(list, 8), (const char *)values + 8 * i, 8);
      return list;
    }
    static inline int64_t *mj_int_at(MojoList *list, int64_t index) { return (int64_t *)mojo_rt_list_at(list, index, 8, 0); }
    static inline double *mj_float_at(MojoList *list, int64_t index) { return (double *)mojo_rt_list_at(list, index, 8, 0); }
    static inline MojoList **mj_list_at(MojoList *list, int64_t index) { return (MojoList **)mojo_rt_list_at(list, index, 8, 0); }
    static inline void mj_append_int(MojoList *list, int64_t value) { *(int64_t *)mojo_rt_list_append_slot(list, 8) = value; }
    static inline void mj_append_list(MojoList *list, MojoList *value) { *(MojoList **)mojo_rt_list_append_slot(list, 8) = value; }
    static inline int64_t mj_pop_int(MojoList *list) {
      int64_t value;
      mojo_rt_list_remove(list, list->length - 1, 8, &value);
      return value;
    }
    static inline void mj_print_int_list(MojoList *list) {
      mj_print_text("[", 1);
      for (int64_t i = 0; i < list->length; i++) {
        if (i > 0) mj_print_text(", ", 2);
        mojo_rt_print_int(*mj_int_at(list, i));
      }
      mj_print_text("]", 1);
    }

    #endif

    """
}

extension String {
  /// The string with leading zeros up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
