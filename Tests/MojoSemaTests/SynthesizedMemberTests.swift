//! The members Mojo 1.2 synthesizes for a struct (the `@fieldwise_init` initializer, the move
//! and copy constructors) fail at a field whose type parameter cannot be moved or copied by its
//! bounds, with Mojo's messages and in Mojo's order (oracle errors 355-357, 370-372).
import Foundation
import MojoDiagnostics
import Testing

@Suite struct SynthesizedMemberTests {
  @Test func allThreeAtTheFirstFieldInMojosOrder() throws {
    let source = """
      @fieldwise_init
      struct Holder[T: Deinitable](Copyable):
          var y: Int
          var x: Self.T

      def main():
          pass

      """
    let errors = try diagnostics(of: source).filter { $0.severity == .error }.map { d -> String in
      let (line, column) = d.location.file!.lineAndColumn(of: d.location.offset)
      return "\(line):\(column): \(d.message)"
    }
    #expect(errors == [
      "4:5: cannot synthesize fieldwise init because field 'x' has non-copyable and non-movable type 'T'",
      "4:5: cannot synthesize move constructor because field 'x' has non-movable and non-implicitly-copyable type 'T'",
      "4:5: cannot synthesize copy constructor because field 'x' has non-copyable type 'T'",
    ])
  }

  /// A bound that refines `Movable` (`Copyable` does), or a move constructor of its own, is enough.
  @Test(arguments: [
    "@fieldwise_init\nstruct H[T: Copyable & Deinitable](Movable):\n    var x: Self.T\n",
    "@fieldwise_init\nstruct H[T: Movable & Deinitable]:\n    var x: Self.T\n",
    "struct H[T: Deinitable]:\n    var x: Self.T\n    def __init__(out self, var x: Self.T):\n        self.x = x^\n"
      + "    def __init__(out self, *, deinit move: Self):\n        self.x = move.x^\n",
  ])
  func movableFieldsSynthesize(declaration: String) throws {
    let messages = try diagnostics(of: declaration + "\ndef main():\n    pass\n").map(\.message)
    #expect(!messages.contains { $0.contains("cannot synthesize") }, "\(messages)")
  }
}
