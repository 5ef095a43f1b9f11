//! The runtime object (runtime.o) every program mojoc builds is linked with. Scripts/build-runtime
//! compiles it from C/ and embeds it as a C array in the MojoRuntimeObject target, so it is part of
//! mojoc's own read-only data: no decoding at start-up (the former base64 literal cost about 1M
//! instructions on every build that linked).

internal import MojoRuntimeObject

/// The runtime object file every compiled Mojo program is linked with.
public enum RuntimeObject {
  /// The bytes of runtime.o.
  public static let bytes: [UInt8] = Array(
    UnsafeBufferPointer(start: mojo_runtime_object_bytes(), count: Int(mojo_runtime_object_count())))
}
