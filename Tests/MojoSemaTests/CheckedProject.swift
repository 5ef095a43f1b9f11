//! Builds a small project of source files with the real driver and returns its diagnostics:
//! the one helper the checker's tests share.
import Foundation
import MojoDiagnostics
import MojoDriver
import TestSupport

/// The diagnostics of building `files` (path → source; `main.mojo` is the entry) with cnp.
func diagnostics(of files: [String: String]) throws -> [Diagnostic] {
  let project = Fixtures.makeProject(files)
  let folder = Fixtures.temporaryFolder()
  defer {
    try? FileManager.default.removeItem(at: project)
    try? FileManager.default.removeItem(at: folder)
  }
  return try Harness.build(project, backend: .cnp, output: folder.appendingPathComponent("program"))
}

/// The diagnostics of a one-file project.
func diagnostics(of source: String) throws -> [Diagnostic] { try diagnostics(of: ["main.mojo": source]) }
