//! The embedded runtime object: it is what Scripts/build-runtime makes from the committed C
//! sources, and it is a relocatable x86-64 ELF object.

import Foundation
@testable import MojoRuntime
import Testing

@Test("generated/runtime_object.c matches runtime.c (Scripts/build-runtime --check)")
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
