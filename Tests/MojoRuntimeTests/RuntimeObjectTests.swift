//! The embedded runtime object: it is what Scripts/build-runtime makes from the committed C
//! sources, and it is a relocatable x86-64 ELF object.

import Foundation
@testable import MojoRuntime
import Testing

@Test("generated/RuntimeObject.swift matches runtime.c (Scripts/build-runtime --check)")
func runtimeObjectIsFresh() throws {
  let script = RuntimeHarness.packageRoot.appendingPathComponent("Scripts/build-runtime")
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("mojo-runtime-check-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  let run = try RuntimeHarness.execute("/usr/bin/env", ["bash", script.path, "--check"], in: folder)
  #expect(run.status == 0, "\(run.stderr)")
}

@Test("RuntimeObject.bytes is a relocatable x86-64 ELF object")
func runtimeObjectIsRelocatableELF() {
  let bytes = RuntimeObject.bytes
  #expect(bytes.count > 1000)
  #expect(Array(bytes.prefix(4)) == [0x7f, 0x45, 0x4c, 0x46])  // "\x7fELF"
  #expect(bytes.count > 20 && bytes[4] == 2 && bytes[5] == 1)  // 64-bit, little-endian
  #expect(bytes.count > 20 && bytes[16] == 1 && bytes[17] == 0)  // ET_REL
  #expect(bytes.count > 20 && bytes[18] == 62 && bytes[19] == 0)  // EM_X86_64
}

/// The decoder of the embedded object agrees with Foundation's, on the object itself and on short
/// texts with padding and line breaks anywhere.
@Test func base64DecoderAgreesWithFoundation() throws {
  let text = RuntimeObject.encoded.description.filter { !$0.isWhitespace }
  #expect(RuntimeObject.bytes == [UInt8](try #require(Data(base64Encoded: text))))
  #expect(Base64.decode("aGVsbG8=") == Array("hello".utf8))
  #expect(Base64.decode("aGVsbG8h") == Array("hello!".utf8))
  #expect(Base64.decode("aGVs\n  bG8hIQ==") == Array("hello!!".utf8))
  #expect(Base64.decode("a\nGVsbG8hIS\n  Eh") == Array("hello!!!!".utf8))
  #expect(Base64.decode("") == [])
}
