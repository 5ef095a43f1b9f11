//! Output naming: the default executable after the folder or file, and a temporary name that
//! fits NAME_MAX for any output name.
import Foundation
import Testing
import TestSupport
@testable import MojoDriver

@Suite struct BuildOutputTests {
  @Test func defaultExecutableIsTheFolderOrFileName() throws {
    let folder = Fixtures.makeProject(["app/main.mojo": "def main():\n    pass\n", "hello.mojo": "", "tool": ""])
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(BuildOutput.defaultExecutable(for: folder.path + "/app/") == "app")
    #expect(BuildOutput.defaultExecutable(for: folder.path + "/app/.") == "app")
    #expect(BuildOutput.defaultExecutable(for: folder.path + "/hello.mojo") == "hello")
    #expect(BuildOutput.defaultExecutable(for: folder.path + "/app/main.mojo") == "main")
    #expect(BuildOutput.defaultExecutable(for: folder.path + "/tool") == "tool")
    let options = BuildOptions(input: folder.path + "/hello.mojo")
    #expect(options.executablePath == "hello")
    #expect(BuildOptions(input: folder.path + "/hello.mojo", output: "x").executablePath == "x")
  }

  @Test func temporaryNameFitsNameMax() {
    for name in ["a", String(repeating: "n", count: 255), String(repeating: "é", count: 127)] {
      let temporary = BuildOutput.temporaryPath(for: "/some/dir/" + name)
      let component = URL(fileURLWithPath: temporary).lastPathComponent
      #expect(temporary.hasPrefix("/some/dir/."))
      #expect(component.utf8.count <= 255)
      #expect(component.hasSuffix(".mojoc-\(getpid()).tmp"))
      #expect(String(decoding: component.utf8, as: UTF8.self) == component)
    }
    #expect(BuildOutput.temporaryPath(for: "out/app") == "out/.app.mojoc-\(getpid()).tmp")
  }
}
