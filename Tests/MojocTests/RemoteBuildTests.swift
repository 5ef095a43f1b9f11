//! `mojoc build --remote`: `mojoc` hands it to `mojoc-remote`, which has the REAPI client only
//! when built with the Remote trait (Scripts/test-remote builds it so and starts a real REAPI
//! server, BuildGrid, whose address is in MOJOC_TEST_REMOTE). The normal build checks the hand-over
//! and its errors; the Remote build checks builds through the server and the fallback to a local
//! build when no server answers.
import Foundation
import Testing
import TestSupport

@Suite struct RemoteBuildTests {
  static let server = ProcessInfo.processInfo.environment["MOJOC_TEST_REMOTE"]

  /// A two-module project whose sources no earlier run has sent (a fresh constant), so that
  /// the server's action cache starts empty for it.
  static func freshProject() -> URL {
    let salt = UInt32.random(in: 1...UInt32.max)
    return Fixtures.makeProject([
      "main.mojo": "from util import twice\n\ndef main():\n    print(twice(21))\n    print(\(salt))\n",
      "util.mojo": Self.util(body: "var y = x"),
    ])
  }

  /// The imported module, with a body that can change without changing its declarations.
  static func util(body: String) -> String {
    "def twice(x: Int) -> Int:\n    \(body)\n    return y * 2\n"
  }

  @Test func remoteFlagsAreChecked() throws {
    let project = Self.freshProject()
    defer { try? FileManager.default.removeItem(at: project) }
    let bad = try MojocProcess.run(["build", project.path, "--remote", "http://host:1"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("'http://host:1' is not a grpc://HOST:PORT address"), "\(bad.stderr)")
    let alone = try MojocProcess.run(["build", project.path, "--remote-cache-only"])
    #expect(alone.status == 64)
    #expect(alone.stderr.contains("--remote-cache-only and --remote-instance need --remote"), "\(alone.stderr)")
  }

  @Test func withoutMojocRemoteARemoteBuildStopsWithOneLine() throws {
    let project = Self.freshProject()
    defer { try? FileManager.default.removeItem(at: project) }
    let run = try MojocProcess.run(["build", project.path, "-o", "/dev/null/never", "--remote", "grpc://127.0.0.1:9"],
                                   environment: ["MOJOC_REMOTE": "/nonexistent/mojoc-remote"])
    #expect(run.status == 2)
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    #expect(run.stderr.hasPrefix("mojoc: error: --remote needs mojoc-remote (the REAPI client), which cannot run at "
      + "/nonexistent/mojoc-remote (No such file or directory): build it with `swift build -c release --traits Remote"),
      "\(run.stderr)")
  }

#if !Remote
  /// The normal build's mojoc-remote has no client: it says how to build one.
  @Test func mojocRemoteWithoutTheTraitSaysHowToBuildIt() throws {
    let project = Self.freshProject()
    defer { try? FileManager.default.removeItem(at: project) }
    let run = try MojocProcess.run(["build", project.path, "-o", "/dev/null/never", "--remote", "grpc://127.0.0.1:9"])
    #expect(run.status == 2)
    #expect(run.stderr == "mojoc-remote: error: built without the REAPI client: build it with "
      + "`swift build -c release --traits Remote --scratch-path .build/remote`\n")
  }
#else
  @Test(.enabled(if: server != nil, "needs MOJOC_TEST_REMOTE (Scripts/test-remote)"))
  func cacheOnlyStoresObjectsThenServesEveryModuleByteForByte() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = Self.freshProject()
    defer { try? FileManager.default.removeItem(at: project) }
    let local = folder.appendingPathComponent("local").path
    #expect(try MojocProcess.run(["build", project.path, "-o", local]).status == 0)

    let remote = ["--remote", Self.server!, "--remote-cache-only", "--timings"]
    let stored = folder.appendingPathComponent("stored").path
    let first = try MojocProcess.run(["build", project.path, "-o", stored] + remote)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("remote: 0 cached, 0 executed, 2 compiled locally"), "\(first.stderr)")

    let served = folder.appendingPathComponent("served").path
    let second = try MojocProcess.run(["build", project.path, "-o", served] + remote)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stderr.contains("remote: 2 cached, 0 executed, 0 compiled locally"), "\(second.stderr)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: local))
    #expect(try Data(contentsOf: URL(fileURLWithPath: stored)) == bytes)
    #expect(try Data(contentsOf: URL(fileURLWithPath: served)) == bytes)
    #expect(try MojocProcess.tool(served, []).stdout.hasPrefix("42\n"))

    // An edit inside util's body: main's action (util's declarations only) is still cached.
    try Self.util(body: "var y = x + 0").write(to: project.appendingPathComponent("util.mojo"), atomically: true, encoding: .utf8)
    let edited = folder.appendingPathComponent("edited").path
    #expect(try MojocProcess.run(["build", project.path, "-o", edited]).status == 0)
    let third = try MojocProcess.run(["build", project.path, "-o", served] + remote)
    #expect(third.status == 0, "\(third.stderr)")
    #expect(third.stderr.contains("remote: 1 cached, 0 executed, 1 compiled locally"), "\(third.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: served)) == Data(contentsOf: URL(fileURLWithPath: edited)))
    let fourth = try MojocProcess.run(["build", project.path, "-o", served] + remote)
    #expect(fourth.stderr.contains("remote: 2 cached, 0 executed, 0 compiled locally"), "\(fourth.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: served)) == Data(contentsOf: URL(fileURLWithPath: edited)))
  }

  @Test(.enabled(if: server != nil, "needs MOJOC_TEST_REMOTE (Scripts/test-remote)"))
  func errorsInTheProgramAreReportedAsLocally() throws {
    let project = Fixtures.makeProject(["main.mojo": "def main():\n    print(undefined_name)\n"])
    defer { try? FileManager.default.removeItem(at: project) }
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exe = folder.appendingPathComponent("app").path
    let local = try MojocProcess.run(["build", project.path, "-o", exe])
    let remote = try MojocProcess.run(["build", project.path, "-o", exe, "--remote", Self.server!, "--remote-cache-only"])
    #expect(local.status == 1)
    #expect(remote.status == 1)
    #expect(remote.stderr == local.stderr)
  }

  @Test func anUnreachableServerFallsBackToALocalBuildWithOneWarning() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = Self.freshProject()
    defer { try? FileManager.default.removeItem(at: project) }
    // Port 9 (discard) on the loopback interface: nothing listens there.
    let exe = folder.appendingPathComponent("app").path
    let run = try MojocProcess.run(["build", project.path, "-o", exe, "--remote", "grpc://127.0.0.1:9"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(lines.first?.hasPrefix("mojoc: warning: remote execution at grpc://127.0.0.1:9: ") == true, "\(run.stderr)")
    #expect(lines.first?.hasSuffix("; compiling locally") == true, "\(run.stderr)")
    #expect(try MojocProcess.tool(exe, []).stdout.hasPrefix("42\n"))
  }
#endif
}
