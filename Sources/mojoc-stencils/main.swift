//! mojoc-stencils: the stencil extractor run by `Scripts/build-stencils`. Reads the compiled
//! stencil objects with ELFKit (libelf), checks every relocation, and writes the generated Swift
//! table and the readable golden dump.
//!
//! Usage: mojoc-stencils --swift <out.swift> --dump <out.txt> --compiler <version line> <objects...>
//!        mojoc-stencils --print-flags   (the stencils' compiler flags, one per line)
//!        mojoc-stencils --print-sources (the stencil source files' base names, in table order)
import ELFKit
import Foundation
import MojoStencilContract

/// Stops the extractor with a message on standard error.
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("mojoc-stencils: error: \(message)\n".utf8))
  exit(1)
}

var swiftOutput: String?
var dumpOutput: String?
var compiler = "unknown compiler"
var objects: [String] = []
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--swift": swiftOutput = arguments.next()
  case "--dump": dumpOutput = arguments.next()
  case "--compiler": compiler = arguments.next() ?? compiler
  case "--print-flags":
    print(StencilCompiler.flags.joined(separator: "\n"))
    exit(0)
  case "--print-sources":
    print(StencilCompiler.sources.joined(separator: "\n"))
    exit(0)
  default: objects.append(argument)
  }
}
guard let swiftOutput, let dumpOutput, !objects.isEmpty else {
  fail("usage: mojoc-stencils --swift <out.swift> --dump <out.txt> --compiler <version> <objects...>")
}

var stencils: [ExtractedStencil] = []
var names = Set<String>()
for path in objects {
  guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
  let object: ELFObject
  do { object = try ELFObject(bytes: [UInt8](data)) } catch { fail("\(path): \(error)") }
  let label = (path as NSString).lastPathComponent
  do {
    for stencil in try StencilExtractor.extract(from: object, file: label) {
      guard names.insert(stencil.name).inserted else { fail("stencil \(stencil.name) is defined twice") }
      stencils.append(stencil)
    }
  } catch { fail("\(label): \(error)") }
}

let table = TableWriter(stencils: stencils, compiler: compiler)
do {
  let source: String
  do { source = try table.swiftSource() } catch { fail("\(error)") }
  try source.write(toFile: swiftOutput, atomically: true, encoding: .utf8)
  try table.dump().write(toFile: dumpOutput, atomically: true, encoding: .utf8)
} catch { fail("writing the outputs: \(error)") }
