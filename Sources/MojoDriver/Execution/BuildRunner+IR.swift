//! Two ways the pipeline meets IR directly:
//!   - an input file ending in `.ir` (the text `mojoc build --emit ir` prints, possibly edited by
//!     hand) skips the front end: its modules are read (`MojoIR/Reader.swift`), verified and
//!     handed to the chosen backend, or to the interpreter — the way file tests run one IR
//!     program on every executor;
//!   - `mojoc run --backend interp` keeps each module's IR and runs it in the interpreter
//!     (`MojoInterpreter`) instead of generating and linking code.
import FoundationEssentials
import Glibc
import MojoCodegen
import MojoIR
import MojoInterpreter

extension BuildRunner {
  /// True when the input is IR text rather than Mojo source.
  var isIRInput: Bool { options.input.hasSuffix(".ir") }

  /// Reads, verifies and compiles (one job per module) the modules of an `.ir` input file; returns
  /// their outputs and the plan whose final action is left to do.
  func compileIRFile(runner: StageRunner, backend: any Backend) throws -> ([ModuleOutput], BuildPlan) {
    guard let data = FileManager.default.contents(atPath: options.input) else {
      throw FileManager.default.fileExists(atPath: options.input)
        ? DriverError.cannotRead(options.input) : DriverError.inputNotFound(options.input)
    }
    if options.emit == .exe && !options.runsInProcess && options.linker != .builtin {
      throw DriverError.linkError("an .ir input is linked by the built-in linker only")
    }
    let modules: [IRModule]
    do {
      modules = try runner.stage(.parse) { try Reader.parse(String(decoding: data, as: UTF8.self)) }
    } catch let error as ReaderError {
      throw DriverError.invalidIR("\(options.input):\(error.line): \(error.message)")
    }
    for module in modules {
      let errors = Verifier.verify(module)
      if !errors.isEmpty {
        throw DriverError.invalidIR("\(options.input): " + errors.prefix(10).map(\.description).joined(separator: "\n"))
      }
    }
    let plan = try makePlan(modules.map { PlannedModule(name: $0.name, path: nil, imports: [], size: $0.functions.count) },
                            backend: backend)
    let product = plan.product
    let outputs = ResultSlots<Result<ModuleOutput, DriverError>>(count: modules.count)
    runner.stage(.compile) {
      runner.run(plan.compileJobs) { job, context in
        outputs[job.index] = Result {
          try BuildRunner.generate(modules[job.index], name: job.moduleName, backend: backend, product: product,
                                   objectPath: nil, context: context)
        }.mapError { $0 as? DriverError ?? .codegen(String(describing: $0)) }
      }
    }
    return (try outputs.values.map { try $0!.get() }, plan)
  }

  /// Runs the program in the interpreter, in this process (`mojoc run --backend interp`); returns
  /// its exit status (0: a trap or an uncaught error ends the process, as a built program ends).
  func interpret(_ modules: [ModuleOutput], runner: StageRunner) throws -> Int32 {
    let program: MojoInterpreter.Program
    do {
      program = try runner.stage(.link) { try MojoInterpreter.Program(modules: modules.compactMap(\.ir)) }
    } catch let error as InterpreterError {
      throw DriverError.linkError(error.message)
    }
    runner.progress?.finish()
    fflush(nil)
    return runner.stage(.run) { program.run() }
  }
}
