//! `mojoc build --remote`: `mojoc` hands it to `mojoc-remote`, which has the REAPI client only
//! when built with the Remote trait. Scripts/test-remote builds that one (its path in
//! MOJOC_REMOTE, which `mojoc` runs instead of the stub beside it), starts a real REAPI server,
//! BuildGrid with workers (its address in MOJOC_TEST_REMOTE, its folder in
//! MOJOC_TEST_REMOTE_DIR), and runs these tests of the normal build: builds through the server
//! (Execute, the action cache, cache-only, warnings, the limit on concurrent Executes) and the
//! fallbacks to a local build. Without MOJOC_REMOTE they check the hand-over to the stub.
import Foundation
import Glibc
import Synchronization
import Testing
import TestSupport

@Suite struct RemoteBuildTests {
  /// A mojoc-remote with the REAPI client (built with the Remote trait).
  static let client = ProcessInfo.processInfo.environment["MOJOC_REMOTE"]
  static let server = client == nil ? nil : ProcessInfo.processInfo.environment["MOJOC_TEST_REMOTE"]
  /// True when the server has workers (Execute).
  static let executes = server != nil && ProcessInfo.processInfo.environment["MOJOC_TEST_REMOTE_EXECUTE"] == "1"
  /// The server's folder (Scripts/reapi/server's --dir: its workers' logs are in logs/).
  static let serverFolder = ProcessInfo.processInfo.environment["MOJOC_TEST_REMOTE_DIR"]
  /// Scripts/reapi/server, which starts and stops BuildGrid.
  static let serverScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scripts/reapi/server").path

  /// A two-module project whose sources no earlier run has sent (a fresh constant in main's
  /// body, a fresh comment in util: each action's inputs differ), so that the server's action
  /// cache starts empty for it.
  static func freshProject() -> URL {
    let salt = UInt32.random(in: 1...UInt32.max)
    return Fixtures.makeProject([
      "main.mojo": "from util import twice\n\ndef main():\n    print(twice(21))\n    print(\(salt))\n",
      "util.mojo": "# \(salt)\n" + Self.util(body: "var y = x"),
    ])
  }

  /// Replaces the body line of util's function in `project`.
  static func editUtil(_ project: URL, body: String) throws {
    let url = project.appendingPathComponent("util.mojo")
    let text = try String(contentsOf: url, encoding: .utf8)
    try text.replacingOccurrences(of: "    var y = x\n", with: "    \(body)\n").write(to: url, atomically: true, encoding: .utf8)
  }

  /// A project of `count` modules `prefix0`, `prefix1`, … besides main: module k defines `def
  /// fk(x: Int) -> Int:` with the lines `body(k)`; main imports every `fk`, runs `mainPrologue`,
  /// then prints each `fk(k)`.
  static func callingProject(modules count: Int, prefix: String, mainPrologue: String = "",
                             body: (Int) -> String) -> URL {
    var files: [String: String] = [:]
    var main = "", calls = ""
    for k in 0..<count {
      files["\(prefix)\(k).mojo"] = "def f\(k)(x: Int) -> Int:\n" + body(k)
      main += "from \(prefix)\(k) import f\(k)\n"
      calls += "    print(f\(k)(\(k)))\n"
    }
    files["main.mojo"] = main + "\ndef main():\n" + mainPrologue + calls
    return Fixtures.makeProject(files)
  }

  /// A project of `count` modules besides main, each with a fresh constant.
  static func wideProject(modules count: Int) -> URL {
    let salt = UInt32.random(in: 1...UInt32.max)
    return callingProject(modules: count, prefix: "m") { k in "    var y = x + \(k)\n    return y * \(salt % 1000 + 1)\n" }
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

  /// The normal build's mojoc-remote has no client: it says how to build one.
  @Test(.enabled(if: client == nil, "MOJOC_REMOTE names a mojoc-remote with the client"))
  func mojocRemoteWithoutTheTraitSaysHowToBuildIt() throws {
    let project = Self.freshProject()
    defer { try? FileManager.default.removeItem(at: project) }
    let run = try MojocProcess.run(["build", project.path, "-o", "/dev/null/never", "--remote", "grpc://127.0.0.1:9"])
    #expect(run.status == 2)
    #expect(run.stderr == "mojoc-remote: error: built without the REAPI client: build it with "
      + "`swift build -c release --traits Remote --scratch-path .build/remote`\n")
  }

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
    try Self.editUtil(project, body: "var y = x + 0")
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

  @Test(.enabled(if: client != nil, "needs MOJOC_REMOTE (Scripts/test-remote)"))
  func anUnreachableServerFallsBackToALocalBuildWithOneWarning() throws {
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

  @Test(.enabled(if: executes, "needs MOJOC_TEST_REMOTE with workers (Scripts/test-remote)"))
  func executedRemotelyByteForByteThenFromTheCacheThenOneActionAfterABodyEdit() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = Self.freshProject()
    defer { try? FileManager.default.removeItem(at: project) }
    let local = folder.appendingPathComponent("local").path
    #expect(try MojocProcess.run(["build", project.path, "-o", local]).status == 0)
    let remote = ["--remote", Self.server!, "--timings"]
    let exe = folder.appendingPathComponent("remote").path

    let first = try MojocProcess.run(["build", project.path, "-o", exe] + remote)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("remote: 0 cached, 2 executed, 0 compiled locally"), "\(first.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: exe)) == Data(contentsOf: URL(fileURLWithPath: local)))

    let second = try MojocProcess.run(["build", project.path, "-o", exe] + remote)
    #expect(second.stderr.contains("remote: 2 cached, 0 executed, 0 compiled locally, 0 bytes uploaded"), "\(second.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: exe)) == Data(contentsOf: URL(fileURLWithPath: local)))

    try Self.editUtil(project, body: "var y = x + 0")
    let edited = folder.appendingPathComponent("edited").path
    #expect(try MojocProcess.run(["build", project.path, "-o", edited]).status == 0)
    let third = try MojocProcess.run(["build", project.path, "-o", exe] + remote)
    #expect(third.stderr.contains("remote: 1 cached, 1 executed, 0 compiled locally"), "\(third.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: exe)) == Data(contentsOf: URL(fileURLWithPath: edited)))
    #expect(try MojocProcess.tool(exe, []).stdout.hasPrefix("42\n"))
  }

  @Test(.enabled(if: executes, "needs MOJOC_TEST_REMOTE with workers (Scripts/test-remote)"))
  func aFailingActionIsReportedAsLocally() throws {
    let project = Fixtures.makeProject(["main.mojo": "from util import f\n\ndef main():\n    print(f())\n",
                                        "util.mojo": "def f() -> Int:\n    var x = 1\n    return undefined_name\n"])
    defer { try? FileManager.default.removeItem(at: project) }
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exe = folder.appendingPathComponent("app").path
    let local = try MojocProcess.run(["build", project.path, "-o", exe])
    let remote = try MojocProcess.run(["build", project.path, "-o", exe, "--remote", Self.server!])
    #expect(local.status == 1)
    #expect(remote.status == 1)
    #expect(remote.stderr == local.stderr)
  }

  /// Its own server (killed while a worker runs an action): the build says so in one line and
  /// compiles locally.
  @Test(.enabled(if: executes, "needs workers (Scripts/test-remote)"))
  func killingTheServerMidBuildFallsBackToALocalBuild() throws {
    let serverFolder = Fixtures.temporaryFolder()
    defer {
      _ = try? Launch.tool(Self.serverScript, ["stop", "--dir", serverFolder.path])
      try? FileManager.default.removeItem(at: serverFolder)
    }
    let start = try Launch.tool(Self.serverScript, ["start", "--dir", serverFolder.path, "--execute", "--workers", "1"])
    try #require(start.status == 0, "\(start.stderr)")
    let endpoint = start.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let pidText = try String(contentsOf: serverFolder.appendingPathComponent("server.pid"), encoding: .utf8)
    let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))

    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = Self.wideProject(modules: 6)
    defer { try? FileManager.default.removeItem(at: project) }
    let local = folder.appendingPathComponent("local").path
    #expect(try MojocProcess.run(["build", project.path, "-o", local]).status == 0)

    let exe = folder.appendingPathComponent("remote").path
    let outcome = Mutex<MojocRun?>(nil)
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      let run = try? MojocProcess.run(["build", project.path, "-o", exe, "--remote", endpoint])
      outcome.withLock { $0 = run }
      done.signal()
    }
    // Kill BuildGrid once its worker has leased an action (a lease folder exists).
    let work = serverFolder.appendingPathComponent("work")
    var leased = false
    for _ in 0..<1200 where !leased {
      let workers = (try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []
      leased = workers.contains { worker in
        ((try? FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent(worker).path)) ?? [])
          .contains { $0.hasPrefix("lease-") }
      }
      if !leased { usleep(50_000) }
    }
    #expect(leased, "no action reached the worker")
    kill(pid, SIGKILL)
    done.wait()
    let run = try #require(outcome.withLock { $0 })
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(lines.first?.hasPrefix("mojoc: warning: remote execution at \(endpoint): ") == true, "\(run.stderr)")
    #expect(lines.first?.hasSuffix("; compiling locally") == true, "\(run.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: exe)) == Data(contentsOf: URL(fileURLWithPath: local)))
  }

  /// `grpcs://` speaks TLS: against the plaintext test server the handshake fails, and the build
  /// says so in one line and compiles locally.
  @Test(.enabled(if: server != nil, "needs MOJOC_TEST_REMOTE (Scripts/test-remote)"))
  func grpcsConnectsWithTLS() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = Self.freshProject()
    defer { try? FileManager.default.removeItem(at: project) }
    let tls = Self.server!.replacingOccurrences(of: "grpc://", with: "grpcs://")
    let exe = folder.appendingPathComponent("app").path
    let run = try MojocProcess.run(["build", project.path, "-o", exe, "--remote", tls])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(lines.first?.hasPrefix("mojoc: warning: remote execution at \(tls): ") == true, "\(run.stderr)")
    #expect(try MojocProcess.tool(exe, []).stdout.hasPrefix("42\n"))
  }

  /// Four modules with warnings (unused variables), each with a fresh constant (so that no
  /// action is in the server's cache from an earlier run).
  static func warningProject() -> URL {
    let salt = UInt32.random(in: 1...UInt32.max)
    return callingProject(modules: 3, prefix: "w", mainPrologue: "    var spare = \(salt)\n") { k in
      "    var unused\(k) = \(salt)\n    var y = x + \(k)\n    return y\n"
    }
  }

  /// A build served by the server prints each module's warnings as a local build does; so does
  /// one served from what `--remote-cache-only` stored; with -Werror the build fails as locally.
  @Test(.enabled(if: executes, "needs MOJOC_TEST_REMOTE with workers (Scripts/test-remote)"))
  func warningsOfARemoteBuildAreThoseOfALocalBuild() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exe = folder.appendingPathComponent("app").path
    let executed = Self.warningProject()
    defer { try? FileManager.default.removeItem(at: executed) }
    let local = try MojocProcess.run(["build", executed.path, "-o", exe])
    #expect(local.status == 0)
    #expect(local.stderr.contains("warning: assignment to 'spare' was never used"), "\(local.stderr)")
    for _ in 0..<2 {
      let remote = try MojocProcess.run(["build", executed.path, "-o", exe, "--remote", Self.server!])
      #expect(remote.status == 0)
      #expect(remote.stderr == local.stderr)
    }
    let strict = try MojocProcess.run(["build", executed.path, "-o", exe, "-Werror"])
    let strictRemote = try MojocProcess.run(["build", executed.path, "-o", exe, "-Werror", "--remote", Self.server!])
    #expect(strict.status == 1)
    #expect(strictRemote.status == 1)
    #expect(strictRemote.stderr == strict.stderr)

    let stored = Self.warningProject()
    defer { try? FileManager.default.removeItem(at: stored) }
    let before = try MojocProcess.run(["build", stored.path, "-o", exe])
    for expected in ["0 cached", "4 cached"] {
      let run = try MojocProcess.run(["build", stored.path, "-o", exe, "--remote", Self.server!, "--remote-cache-only", "--timings"])
      #expect(run.status == 0)
      #expect(run.stderr.hasPrefix(before.stderr), "\(run.stderr)")
      #expect(run.stderr.contains("remote: \(expected)"), "\(run.stderr)")
    }
  }

  /// `--remote-max-executes 1` on a server with two workers: the workers never run two of the
  /// build's actions at once (their logs say when each lease ran).
  @Test(.enabled(if: executes && serverFolder != nil, "needs MOJOC_TEST_REMOTE_DIR with workers (Scripts/test-remote)"))
  func neverMoreExecutesInFlightThanTheLimit() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Module names no other test uses, so that the workers' logs tell this build's leases apart.
    let tag = "limit\(UInt32.random(in: 1...UInt32.max))"
    let project = Self.callingProject(modules: 5, prefix: "\(tag)_") { k in "    var y = x + \(k)\n    return y * 3\n" }
    defer { try? FileManager.default.removeItem(at: project) }
    let exe = folder.appendingPathComponent("app").path
    let run = try MojocProcess.run(["build", project.path, "-o", exe, "--remote", Self.server!, "--remote-max-executes", "1",
                                    "--timings"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("remote: 0 cached, 6 executed"), "\(run.stderr)")
    let intervals = try Self.leaseIntervals(folder: URL(fileURLWithPath: Self.serverFolder!), modules: (0..<5).map { "\(tag)_\($0)" },
                                            since: Date().timeIntervalSince1970 - 3600)
    #expect(intervals.count == 5, "\(intervals)")
    let sorted = intervals.sorted { $0.start < $1.start }
    for (a, b) in zip(sorted, sorted.dropFirst()) {
      #expect(b.start >= a.end, "leases overlap: \(a) and \(b)")
    }
  }

  /// When each lease of the server's workers that compiled one of `modules` ran, from their logs
  /// (`lease ID: bin/mojoc build ... --module M ...` and `lease ID: ran START END`).
  static func leaseIntervals(folder: URL, modules: [String], since: Double) throws -> [(start: Double, end: Double)] {
    let logs = folder.appendingPathComponent("logs")
    var commands: [String: String] = [:], times: [String: (Double, Double)] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: logs.path) where name.hasPrefix("worker-") {
      let text = try String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8)
      for line in text.split(separator: "\n") {
        let words = line.split(separator: " ")
        guard words.count >= 4, words[1] == "lease" else { continue }
        let lease = name + String(words[2].dropLast())
        if words[3] == "ran", words.count == 6, let start = Double(words[4]), let end = Double(words[5]) {
          times[lease] = (start, end)
        } else if words[3] == "bin/mojoc" {
          commands[lease] = String(line)
        }
      }
    }
    return times.compactMap { lease, interval in
      guard interval.0 >= since, let command = commands[lease],
        modules.contains(where: { command.contains(" --module \($0) ") })
      else { return nil }
      return (interval.0, interval.1)
    }
  }
}
