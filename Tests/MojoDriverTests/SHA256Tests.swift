//! SHA-256 against the FIPS 180-4 examples, on the CPU's SHA extensions and in Swift, and
//! incremental hashing against one-shot hashing.
import Testing
import MojoHashing

@Suite struct SHA256Tests {
  static func hash(_ bytes: [UInt8], hardware: Bool) -> String {
    var hasher = SHA256(usesHardware: hardware)
    hasher.update(bytes)
    return hasher.finalize().hex
  }

  @Test(arguments: [false, true])
  func fipsExamples(hardware: Bool) {
    if hardware && !SHA256.hasHardware { return }
    #expect(Self.hash(Array("".utf8), hardware: hardware) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(Self.hash(Array("abc".utf8), hardware: hardware) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(Self.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8), hardware: hardware)
      == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(Self.hash([UInt8](repeating: 0x61, count: 1_000_000), hardware: hardware)
      == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test(arguments: [false, true])
  func pieceByPieceEqualsAllAtOnce(hardware: Bool) {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    let whole = Self.hash(bytes, hardware: false)
    for split in [0, 1, 55, 56, 63, 64, 65, 127, 128, 500, 999, 1000] {
      var hasher = SHA256(usesHardware: hardware && SHA256.hasHardware)
      hasher.update(Array(bytes[..<split]))
      hasher.update(Array(bytes[split...]))
      #expect(hasher.finalize().hex == whole)
    }
  }
}
