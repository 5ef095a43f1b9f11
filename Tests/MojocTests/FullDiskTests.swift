//! A full disk while writing the executable: one clear line and exit 2, with the built-in
//! linker and with lld (which otherwise crashes with a dump asking for a bug report), and no
//! file left behind. Needs root, to mount a 4 KiB tmpfs; skipped otherwise.
import Foundation
import Testing
import TestSupport

@Suite struct FullDiskTests {
  @Test("a full disk gives one line, exit 2, and leaves nothing", .enabled(if: getuid() == 0),
        arguments: ["builtin", "lld"])
  func fullDisk(linker: String) throws {
    let folder = Fixtures.temporaryFolder()
    let disk = folder.appendingPathComponent("disk"), app = folder.appendingPathComponent("app")
    try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
    try "def main():\n    print(\"hello\")\n".write(to: app.appendingPathComponent("main.mojo"), atomically: true, encoding: .utf8)
    let mount = try MojocProcess.tool("mount", ["-t", "tmpfs", "-o", "size=4k", "tmpfs", disk.path])
    try #require(mount.status == 0, "cannot mount a tmpfs")
    defer {
      _ = try? MojocProcess.tool("umount", [disk.path])
      try? FileManager.default.removeItem(at: folder)
    }
    let output = disk.appendingPathComponent("app").path
    let build = try MojocProcess.run(["build", app.path, "-o", output, "--linker", linker])
    #expect(build.status == 2)
    #expect(build.stderr == "mojoc: error: cannot write '\(output)': No space left on device\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == [])
  }
}
