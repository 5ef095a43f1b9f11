//! The build plan as data: actions, their typed inputs and outputs, and the checks planning
//! makes, with no file touched.
import MojoCodegen
import Testing
@testable import MojoDriver

@Suite struct BuildPlanTests {
  static let modules = [
    PlannedModule(name: "main", path: "app/main.mojo", imports: ["util"], size: 10),
    PlannedModule(name: "util", path: "app/util.mojo", imports: ["geom", "geom.point"], size: 300),
    PlannedModule(name: "geom", path: nil, imports: [], size: 0),
    PlannedModule(name: "geom.point", path: "app/geom/point.mojo", imports: [], size: 300),
  ]

  @Test func executableBuildCompilesEveryModuleThenLinks() throws {
    let options = BuildOptions(input: "app", output: "out/app")
    let plan = try BuildPlan.make(options: options, modules: Self.modules, textForm: nil)
    #expect(plan.product == .object)
    #expect(plan.compileActions.map(\.kind) == Self.modules.map { .compile(module: $0.name) })
    #expect(plan.compileActions[1].inputs == [
      .source(module: "util", path: "app/util.mojo"), .interface(module: "geom"), .interface(module: "geom.point"),
      .instances(module: "util"),
    ])
    #expect(plan.compileActions[1].outputs == [.object(module: "util"), .interface(module: "util")])
    #expect(plan.compileActions[2].inputs == [.instances(module: "geom")])
    // Interfaces reached through imports are inputs too.
    #expect(plan.compileActions[0].inputs == [
      .source(module: "main", path: "app/main.mojo"), .interface(module: "geom"), .interface(module: "geom.point"),
      .interface(module: "util"), .instances(module: "main"),
    ])
    #expect(plan.finalAction == Action(
      kind: .link(.builtin), inputs: Self.modules.map { .object(module: $0.name) } + [.runtimeObject],
      outputs: [.outputFile("out/app")]))
    #expect(!plan.objectsInScratch)
    // Largest first, ties in module order.
    #expect(plan.compileOrder == [1, 3, 0, 2])
    #expect(plan.compileJobs.map(\.moduleName) == ["util", "geom.point", "main", "geom"])
    #expect(plan.compileJobs.map(\.index) == [1, 3, 0, 2])
  }

  @Test func systemLinkerReadsObjectsFromTheScratchFolder() throws {
    let options = BuildOptions(input: "app", linker: .lld)
    let plan = try BuildPlan.make(options: options, modules: Self.modules, textForm: nil)
    #expect(plan.objectsInScratch)
    #expect(plan.finalAction.kind == .link(.lld))
    #expect(plan.finalAction.outputs == [.outputFile("app")])
  }

  @Test func objectsGoToTheOutputFolder() throws {
    let options = BuildOptions(input: "app", output: "objs", emit: .obj)
    let plan = try BuildPlan.make(options: options, modules: Self.modules, textForm: nil)
    #expect(plan.finalAction.kind == .writeObjects)
    #expect(plan.finalAction.outputs == Self.modules.map { .outputFile("objs/\($0.name).o") })
  }

  @Test func textGoesToStandardOutputWithoutAnOutputPath() throws {
    let plan = try BuildPlan.make(options: BuildOptions(input: "app", emit: .ir), modules: Self.modules, textForm: nil)
    #expect(plan.product == .irText)
    #expect(plan.compileActions[0].outputs.first == .text(module: "main"))
    #expect(plan.finalAction == Action(kind: .writeText, inputs: Self.modules.map { .text(module: $0.name) },
                                       outputs: [.standardOutput]))
  }

  @Test func backendTextNeedsABackendWithThatTextForm() throws {
    let options = BuildOptions(input: "app", output: "a.ll", emit: .llvmIR)
    #expect(throws: PlanningError.self) { try BuildPlan.make(options: options, modules: Self.modules, textForm: nil) }
    let plan = try BuildPlan.make(options: options, modules: Self.modules, textForm: "llvm-ir")
    #expect(plan.product == .backendText)
    #expect(plan.finalAction.outputs == [.outputFile("a.ll")])
  }

  @Test func runningInProcessOrInterpreting() throws {
    var options = BuildOptions(input: "app")
    options.runsInProcess = true
    var plan = try BuildPlan.make(options: options, modules: Self.modules, textForm: nil)
    #expect(plan.finalAction.kind == .runInProcess)
    #expect(plan.finalAction.outputs == [.exitStatus])
    options.interprets = true
    plan = try BuildPlan.make(options: options, modules: Self.modules, textForm: nil)
    #expect(plan.product == .ir)
    #expect(plan.finalAction.kind == .interpret)
    #expect(!plan.finalAction.inputs.contains(.runtimeObject))
  }

  @Test func theBackendsDeclareTheirTextForms() {
    #expect(BuildRunner(options: BuildOptions(input: "x", backend: .cnp)).makeBackend().textForm == nil)
    #expect(BuildRunner(options: BuildOptions(input: "x", backend: .llvm)).makeBackend().textForm == "llvm-ir")
  }
}
