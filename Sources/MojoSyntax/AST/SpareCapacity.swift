//! Releasing the spare capacity of large arrays that were built by appending.

extension Array {
  /// Moves a large array into a buffer of its own size when more than a quarter of its capacity
  /// is spare: an array grown by doubling holds up to twice its elements, and the syntax tree's
  /// and the checker's tables stay alive until their module is lowered (the 1M-line `prints`
  /// project's expressions alone had 40% spare). Small arrays are left alone.
  public mutating func releaseSpareCapacity(minimumCount: Int = 1 << 14) {
    let n = count
    guard n >= minimumCount, capacity - n > n / 4 else { return }
    let old = self
    self = Array(unsafeUninitializedCapacity: n) { buffer, initialized in
      old.withUnsafeBufferPointer { _ = buffer.initialize(fromContentsOf: $0) }
      initialized = n
    }
  }
}

extension SyntaxTree {
  /// Releases the spare capacity of the tree's large tables (once parsing is done).
  mutating func releaseSpareCapacity() {
    expressions.releaseSpareCapacity()
    statements.releaseSpareCapacity()
    blockStatements.releaseSpareCapacity()
    blocks.releaseSpareCapacity()
    arguments.releaseSpareCapacity()
    exprLists.releaseSpareCapacity()
    intLiterals.releaseSpareCapacity()
    floatLiterals.releaseSpareCapacity()
    strings.releaseSpareCapacity()
  }
}
