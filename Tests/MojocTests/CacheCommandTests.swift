//! The action cache from the command line: `--cache` and `--timings` report hits and misses,
//! `mojoc cache stats|clean` show and empty the cache named by MOJOC_CACHE_DIR.
import Foundation
import Testing
import TestSupport

@Suite struct CacheCommandTests {
  @Test func buildsReportHitsAndTheCacheCommandsSeeTheEntries() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = Fixtures.makeProject([
      "main.mojo": "from util import twice\n\ndef main():\n    print(twice(21))\n",
      "util.mojo": "def twice(x: Int) -> Int:\n    return x * 2\n",
    ])
    defer { try? FileManager.default.removeItem(at: project) }
    let environment = ["MOJOC_CACHE_DIR": folder.appendingPathComponent("cache").path]
    let exe = folder.appendingPathComponent("app").path
    let first = try MojocProcess.run(["build", project.path, "-o", exe, "--cache", "--timings"], environment: environment)
    #expect(first.status == 0)
    #expect(first.stderr.contains("action cache: 0 hits, 2 misses\n"
      + "  per phase: parse 0 hits (stubs), 2 misses; check 0 hits, 2 misses; compile 0 hits, 2 misses\n"))
    let second = try MojocProcess.run(["build", project.path, "-o", exe, "--cache", "--timings"], environment: environment)
    #expect(second.stderr.contains("action cache: 2 hits, 0 misses\n"
      + "  per phase: parse 2 hits (stubs), 0 misses; check 2 hits, 0 misses; compile 2 hits, 0 misses\n"))
    #expect(try MojocProcess.tool(exe, []).stdout == "42\n")
    let uncached = try MojocProcess.run(["build", project.path, "-o", exe, "--no-cache", "--timings"], environment: environment)
    #expect(uncached.status == 0)
    #expect(!uncached.stderr.contains("action cache"))
    let stats = try MojocProcess.run(["cache", "stats"], environment: environment)
    #expect(stats.status == 0)
    #expect(stats.stdout.contains("entries: 6 (2 objects, 2 stubs, 2 front-end records)\n"))
    let clean = try MojocProcess.run(["cache", "clean"], environment: environment)
    #expect(clean.stdout.hasPrefix("removed 6 entries"))
    #expect(try MojocProcess.run(["cache", "stats"], environment: environment).stdout.contains("entries: 0 (0 objects, 0 stubs, 0 front-end records)\n"))
  }
}
