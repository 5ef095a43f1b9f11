//! The interpreter can call every function of the runtime's ABI (mojo_runtime.h): a function
//! added there and missing from the hosted table fails here, naming the line to add. (What the
//! interpreter computes is checked by running programs: the file tests and the Corpus through
//! `mojoc run --backend interp`, in MojocTests.)
import Foundation
import MojoInterpreter
import Testing
import TestSupport

@Suite struct RuntimeTableTests {
  @Test func everyRuntimeFunctionIsCallable() throws {
    let header = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Sources/MojoRuntime/C/mojo_runtime.h"),
                            encoding: .utf8)
    var declared: Set<String> = []
    var rest = Substring(header)
    while let range = rest.range(of: "mojo_rt_") {
      let name = rest[range.lowerBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      rest = rest[name.endIndex...]
      if rest.first == "(" { declared.insert(String(name)) }
    }
    #expect(declared.count > 50)
    let callable = Set(Program.runtimeSymbols)
    for missing in declared.subtracting(callable).sorted() {
      Issue.record("add RUNTIME_FUNCTION(\(missing)) to Sources/MojoHostedRuntime/hosted.c")
    }
  }
}
