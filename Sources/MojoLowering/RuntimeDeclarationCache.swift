//! A small cache in front of `ModuleLowering.declare` for the lowering of one function: a
//! runtime call (`FunctionLowering.runtime`) used to look its function up by name in the
//! module's `[String: FunctionRef]`, hashing the name each time (about 500 instructions per
//! call, a third of lowering the `lists` shape, whose list literals call the runtime once per
//! element).
import MojoIR

/// Runtime functions declared so far, in slots chosen by the address of their name's bytes.
/// A runtime function's name is a string literal, whose bytes never move, so a repeated call
/// finds its slot again; a hit is confirmed by comparing the names, which for the same literal
/// compares two words. Any other string is still right (it compares by content), only slower.
struct RuntimeDeclarationCache {
  private static let slotCount = 64
  /// Allocated on first use (most functions of most programs call no runtime function).
  private var names: [String] = []
  private var refs: [FunctionRef] = []

  /// The function declared for `name`, from the cache or from `declare`.
  mutating func ref(_ name: String, orDeclare declare: () -> FunctionRef) -> FunctionRef {
    let address = name.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? 0
    let slot = Int(truncatingIfNeeded: (address >> 3) ^ (address >> 9)) & (Self.slotCount - 1)
    if !names.isEmpty, names[slot] == name { return refs[slot] }
    let ref = declare()
    if names.isEmpty {
      names = Array(repeating: "", count: Self.slotCount)
      refs = Array(repeating: FunctionRef(0), count: Self.slotCount)
    }
    names[slot] = name
    refs[slot] = ref
    return ref
  }
}
