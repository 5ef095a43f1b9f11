//! `--emit-actions`: the JSON lists every compile action with the digests of its inputs and the
//! key the action cache uses; `--module` runs one compile action alone.
import Foundation
import Testing
import TestSupport
@testable import MojoDriver

@Suite struct ActionsJSONTests {
  @Test func actionsListInputsDigestsAndTheCacheKeys() throws {
    let setup = ActionCacheTests.Setup(ActionCacheTests.project)
    defer { setup.remove() }
    let json = setup.folder.appendingPathComponent("actions.json")
    var options = BuildOptions(input: setup.project.path, output: setup.folder.appendingPathComponent("app").path)
    options.actionsFile = json.path
    options.cache = setup.cache
    _ = try BuildRunner(options: options).run()
    let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
    let actions = try #require(root["actions"] as? [[String: Any]])
    #expect(actions.map { $0["kind"] as? String } == ["compile", "compile", "compile", "compile", "link"])
    #expect(actions.compactMap { $0["module"] as? String } == ["main", "a", "b", "c"])
    // The keys are the names of the cache's entries.
    let entries = try FileManager.default.contentsOfDirectory(atPath: setup.folder.appendingPathComponent("cache/v1/ac").path)
    #expect(Set(actions.compactMap { $0["key"] as? String }) == Set(entries))
    let b = actions[2]
    let inputs = try #require(b["inputs"] as? [[String: String]])
    #expect(inputs.map { $0["artifact"]! } == ["source", "interface", "instances"])
    #expect(inputs[0]["path"]?.hasSuffix("/b.mojo") == true)
    #expect(inputs[1]["module"] == "a")
    #expect(inputs.allSatisfy { $0["digest"]?.count == 64 })
    #expect((b["argv"] as? [String])?.contains("--module") == true)
    let link = actions[4]
    #expect(link["argv"] as? [String] == ["mojoc", "link", "mojoc-objects/main.o", "mojoc-objects/a.o", "mojoc-objects/b.o",
                                          "mojoc-objects/c.o", "-o", setup.folder.appendingPathComponent("app").path])
    #expect((link["outputs"] as? [[String: String]])?.first?["path"] == setup.folder.appendingPathComponent("app").path)
  }

  @Test func oneModulesObjectAlone() throws {
    let setup = ActionCacheTests.Setup(ActionCacheTests.project)
    defer { setup.remove() }
    let all = setup.folder.appendingPathComponent("all"), one = setup.folder.appendingPathComponent("one")
    _ = try BuildRunner(options: BuildOptions(input: setup.project.path, output: all.path, emit: .obj)).run()
    var options = BuildOptions(input: setup.project.path, output: one.path, emit: .obj)
    options.onlyModule = "b"
    _ = try BuildRunner(options: options).run()
    #expect(try FileManager.default.contentsOfDirectory(atPath: one.path) == ["b.o"])
    #expect(try Data(contentsOf: one.appendingPathComponent("b.o")) == Data(contentsOf: all.appendingPathComponent("b.o")))
    options.onlyModule = "nope"
    #expect(throws: DriverError.self) { try BuildRunner(options: options).run() }
  }
}
