//! How the C stencils are compiled (by the clang 19.1 that Scripts/build-stencils pins): the
//! flags and the source files, in one place.
//! `Scripts/build-stencils` asks the extractor for them (`mojoc-stencils --print-flags`) and the
//! tests that compile stencils read `StencilCompiler.flags`, so the two can never differ.

/// The flags and sources of the stencil objects.
public enum StencilCompiler {
  /// The flags and why (see ../shared/research/spike.md §3): medium code model without PIC gives
  /// only R_X86_64_64 / 32 / 32S holes and PLT32 jumps (never -fpic or -fno-plt: GOT
  /// relocations); -Os avoids tail duplication; no jump tables, unwind tables, canaries,
  /// builtins or errno calls; no red zone, because the entry stencils call the body from inline
  /// asm; -mstack-alignment=8: the body runs with RSP 16-byte aligned (entries.c), so a call in
  /// a stencil needs no adjustment (with the default, clang assumes RSP 8 below a boundary and
  /// wraps every call in push/pop). The build script adds `-ffile-prefix-map` for its checkout.
  public static let flags = [
    "-Os", "-fno-pic", "-mcmodel=medium", "-ffunction-sections", "-fno-asynchronous-unwind-tables",
    "-fno-jump-tables", "-fno-stack-protector", "-fno-builtin", "-fno-math-errno", "-mno-red-zone",
    "-mstack-alignment=8", "-std=c2x", "-fno-ident", "-fno-addrsig", "-Wall", "-Werror",
  ]

  /// The stencil sources under `Sources/MojoCopyPatch/Stencils`, in table order.
  public static let sources = ["control", "entries", "memory", "integer", "float", "calls"]
}
