//! The IR text format round-trips: for every Corpus program, `--emit ir` text read back by
//! `MojoIR.Reader` prints as the same text, and every module read back passes the verifier.
import Foundation
import MojoDriver
import MojoIR
import Testing
import TestSupport

/// The IR text of `project` (all modules), as `mojoc build --emit ir` prints it.
func irText(of project: URL) throws -> String {
  let options = BuildOptions(input: project.path, emit: .ir, jobs: 1, verifyIR: true)
  let result = try BuildRunner(options: options).run()
  return try #require(result.text, "\(project.lastPathComponent): no IR text")
}

@Suite struct IRTextRoundTripTests {
  @Test("print -> read -> print is the identity, and what is read verifies", arguments: runnablePrograms)
  func roundTrip(project: URL) throws {
    let text = try irText(of: project)
    let modules = try Reader.parse(text)
    #expect(modules.count == text.components(separatedBy: "module \"").count - 1)
    let again = modules.map(Printer.print).joined(separator: "\n")
    #expect(again == text, "\(project.lastPathComponent): the text read back prints differently")
    for module in modules {
      let errors = Verifier.verify(module)
      #expect(errors.isEmpty, "\(project.lastPathComponent): \(errors.prefix(3).map(\.description))")
    }
  }
}
