//! `mojoc bench-codegen <project> [--repeat N] [--backends cnp,llvm-O0]`: code generation time
//! only (IR in memory to object bytes), backends interleaved, medians and ratios.
import ArgumentParser
import FoundationEssentials
import Glibc
import MojoDriver
import MojoProfiling

extension Mojoc {
  struct BenchCodegen: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bench-codegen", abstract: "Time code generation alone for each backend on the same IR.")

    @Argument(help: "A project folder holding main.mojo.")
    var project: String

    @Option(help: "Interleaved repetitions; medians are reported.")
    var `repeat`: Int = 5

    @Option(help: "Comma-separated backends: cnp, llvm-O0, llvm-O2.")
    var backends: String = "cnp,llvm-O0"

    func run() throws {
      let names = backends.split(separator: ",").map(String.init)
      let report = try CodegenBenchmark.run(project: project, repetitions: max(1, `repeat`), backendNames: names)
      print("project: \(project): \(report.modules) modules, \(report.functions) functions, \(report.instructions) IR instructions")
      print("| backend | codegen (median) | CPU (median) | per function | per instruction | object bytes |")
      print("|---|---|---|---|---|---|")
      for m in report.measurements {
        let perFunction = m.medianSeconds / Double(max(1, report.functions)) * 1e6
        let perInstruction = m.medianSeconds / Double(max(1, report.instructions)) * 1e9
        print("| \(m.backend) | \((m.medianSeconds * 1e3).fixed(2)) ms | \((m.medianCPUSeconds * 1e3).fixed(2)) ms | \(perFunction.fixed(2)) µs | \(perInstruction.fixed(1)) ns | \(m.objectBytes) |")
      }
      if let cnp = report.measurements.first(where: { $0.backend == "cnp" }) {
        for m in report.measurements where m.backend != "cnp" {
          print("ratio \(m.backend) / cnp: \((m.medianSeconds / cnp.medianSeconds).fixed(1))x wall, \((m.medianCPUSeconds / cnp.medianCPUSeconds).fixed(1))x CPU")
        }
      }
    }
  }
}
