//! `build --emit-actions` drives a whole build from outside mojoc: running every listed argv —
//! one `build --emit obj --module M` per module, then `mojoc link` — gives the executable that
//! `mojoc build` writes, byte for byte.
import Foundation
import Testing
import TestSupport

@Suite struct ActionsCommandTests {
  static let project = [
    "main.mojo": "from geometry import area\nimport words\n\ndef main():\n    print(area(6, 7))\n    print(words.shout(\"hi\"))\n",
    "geometry.mojo": "def area(w: Int, h: Int) -> Int:\n    return w * h\n",
    "words.mojo": "def shout(s: String) -> String:\n    return s.upper() + \"!\"\n",
  ]

  @Test func runningEveryActionGivesTheSameExecutable() throws {
    let project = Fixtures.makeProject(Self.project)
    let folder = Fixtures.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: project)
      try? FileManager.default.removeItem(at: folder)
    }
    let built = try MojocProcess.run(["build", project.path, "-o", "app", "--emit-actions", "actions.json"], in: folder)
    #expect(built.status == 0, "\(built.stderr)")
    let expected = try Data(contentsOf: folder.appendingPathComponent("app"))
    try FileManager.default.removeItem(at: folder.appendingPathComponent("app"))

    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("actions.json")))
    let actions = try #require((json as? [String: Any])?["actions"] as? [[String: Any]])
    let argvs = actions.compactMap { $0["argv"] as? [String] }
    #expect(argvs.count == 4)
    #expect(argvs.last?.prefix(2) == ["mojoc", "link"])
    for argv in argvs {
      #expect(argv.first == "mojoc")
      let run = try MojocProcess.run(Array(argv.dropFirst()), in: folder)
      #expect(run.status == 0, "\(argv): \(run.stderr)")
    }
    #expect(try Data(contentsOf: folder.appendingPathComponent("app")) == expected)
    #expect(try MojocProcess.tool(folder.appendingPathComponent("app").path, []).stdout == "42\nHI!\n")
  }

  @Test func linkReportsWhatItCannotDo() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = try MojocProcess.run(["link", "nope.o", "-o", "app"], in: folder)
    #expect(missing.status == 2)
    #expect(missing.stderr == "mojoc: error: cannot read 'nope.o'\n")
    try Data("not an object".utf8).write(to: folder.appendingPathComponent("bad.o"))
    let bad = try MojocProcess.run(["link", "bad.o", "-o", "app"], in: folder)
    #expect(bad.status == 2)
    #expect(bad.stderr.hasPrefix("mojoc: error: link failed: "))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("app").path))
    let usage = try MojocProcess.run(["link", "-o", "app"], in: folder)
    #expect(usage.status == 64)
  }
}
