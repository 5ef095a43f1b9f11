//! `mojoc cache stats|clean`: the local action cache (`MojoDriver/Caching/ActionCache.swift`) in
//! `$MOJOC_CACHE_DIR`, else `$XDG_CACHE_HOME/mojoc`, else `~/.cache/mojoc`.
import ArgumentParser
import MojoDriver

extension Mojoc {
  struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "cache", abstract: "Show or empty the local action cache.")

    /// What to do with the cache.
    enum Operation: String, ExpressibleByArgument, CaseIterable {
      case stats, clean
    }

    @Argument(help: "stats: folder, entries and size; clean: delete every entry.")
    var operation: Operation

    func run() throws {
      guard let cache = ActionCache.fromEnvironment() else {
        throw ValidationError("no cache folder: set MOJOC_CACHE_DIR, XDG_CACHE_HOME or HOME")
      }
      switch operation {
      case .stats:
        let (entries, bytes) = cache.stats()
        print("cache: \(cache.root)")
        print("entries: \(entries) (\(cache.storeCounts()))")
        print("size: \(bytes) bytes (limit \(cache.maxBytes))")
      case .clean:
        let removed = cache.clean()
        print("removed \(removed) entr\(removed == 1 ? "y" : "ies") from \(cache.root)")
      }
    }
  }
}
