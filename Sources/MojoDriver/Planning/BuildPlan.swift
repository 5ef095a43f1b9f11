//! The build as data: once the project's modules are known, `BuildPlan.make` turns the options
//! into one compile action per module and one final action (link, write objects, print text,
//! run in process or interpret), each with typed inputs and outputs, as swift-driver's `Job`
//! does. Planning does no I/O and runs nothing, so tests assert on plans directly; the
//! runner (`Execution/BuildRunner.swift`) executes a plan, and the action cache
//! (`Caching/ActionCache.swift`) keys a compile action by the digest of its declared inputs.
import MojoCodegen

/// A file or value an action reads or writes.
public enum Artifact: Hashable, Sendable, CustomStringConvertible {
  /// A module's source file (`path` as the build names it).
  case source(module: String, path: String)
  /// The interface of a module: its checked, exported declarations, summarised and hashed
  /// (`MojoSema/ModuleInterface.swift`). A change to a function body leaves it unchanged.
  case interface(module: String)
  /// The instances of generic functions the program needs from a module (they are lowered into
  /// the module that defines the generic function).
  case instances(module: String)
  /// A module's relocatable object, in memory or in the scratch folder.
  case object(module: String)
  /// A module's text (`--emit ir`, or the backend's text form).
  case text(module: String)
  /// The C runtime's object, shipped inside mojoc.
  case runtimeObject
  /// A file the build writes for the user: the executable, an object of `--emit obj`, a text
  /// file of `--emit ir -o FILE`.
  case outputFile(String)
  /// Standard output (text without `-o`).
  case standardOutput
  /// The exit status of the program `mojoc run` ran in process.
  case exitStatus

  public var description: String {
    switch self {
    case .source(let module, let path): "source(\(module): \(path))"
    case .interface(let module): "interface(\(module))"
    case .instances(let module): "instances(\(module))"
    case .object(let module): "object(\(module))"
    case .text(let module): "text(\(module))"
    case .runtimeObject: "runtime-object"
    case .outputFile(let path): "file(\(path))"
    case .standardOutput: "stdout"
    case .exitStatus: "exit-status"
    }
  }
}

/// One step of a build with its declared inputs and outputs.
public struct Action: Sendable, Equatable {
  /// What an action does.
  public enum Kind: Sendable, Equatable {
    /// Lower one checked module and generate its object or text.
    case compile(module: String)
    /// Link the objects and the runtime into an executable.
    case link(LinkerChoice)
    /// Write each module's object into the `--emit obj` folder.
    case writeObjects
    /// Join the modules' text and write it to a file or standard output.
    case writeText
    /// Link the objects into memory and run the program in mojoc's process (`mojoc run`).
    case runInProcess
    /// Run the modules' IR in the interpreter (`mojoc run --backend interp`).
    case interpret
  }

  public var kind: Kind
  public var inputs: [Artifact]
  public var outputs: [Artifact]

  public init(kind: Kind, inputs: [Artifact], outputs: [Artifact]) {
    self.kind = kind
    self.inputs = inputs
    self.outputs = outputs
  }
}

/// What planning needs to know about one module: found and parsed, not yet checked.
public struct PlannedModule: Sendable, Equatable {
  /// The dotted module name.
  public var name: String
  /// The source file as the build names it; nil for a package folder without `__init__.mojo`.
  public var path: String?
  /// The modules it imports directly (dotted names).
  public var imports: [String]
  /// Its source size in bytes (larger modules are compiled first).
  public var size: Int

  public init(name: String, path: String?, imports: [String], size: Int) {
    self.name = name
    self.path = path
    self.imports = imports
    self.size = size
  }
}

/// What each compile action produces.
public enum CompileProduct: Sendable, Equatable {
  /// An object file.
  case object
  /// The IR as text (`--emit ir`).
  case irText
  /// The backend's own text form (`--emit llvm-ir`).
  case backendText
  /// The IR itself, kept in memory for the interpreter.
  case ir
}

/// A planning failure: the options ask for something the chosen backend cannot do.
public struct PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
  public var description: String
}

/// The planned build of a project: one compile action per module, then one final action.
public struct BuildPlan: Sendable, Equatable {
  /// What every compile action produces.
  public var product: CompileProduct
  /// One compile action per module, in module order.
  public var compileActions: [Action]
  /// Every module, largest first (ties in module order): the order the front end checks them in
  /// (all of them, also with `--module`: generic instances are requested from every module).
  public var checkOrder: [Int]
  /// The compile actions to run, in the order to start them: indices into `compileActions`,
  /// largest module first (ties in module order), so that a large module last cannot leave one
  /// worker busy while the others idle. With `--module`, only that module's.
  public var compileOrder: [Int]
  /// Link, write or run.
  public var finalAction: Action
  /// True when objects go to a private scratch folder as each compile action ends (a system
  /// linker reads files); false when they stay in memory.
  public var objectsInScratch: Bool

  /// Plans the build `options` describe for `modules` (module 0 is `main`). `textForm` is the
  /// chosen backend's text form (`Backend.textForm`), checked against `--emit`.
  public static func make(options: BuildOptions, modules: [PlannedModule], textForm: String?) throws(PlanningError) -> BuildPlan {
    let product: CompileProduct
    switch options.emit {
    case .ir: product = .irText
    case .llvmIR:
      guard textForm == EmitKind.llvmIR.rawValue else {
        throw PlanningError(description: "--emit \(options.emit.rawValue) needs --backend llvm")
      }
      product = .backendText
    case .obj: product = .object
    case .exe: product = options.runsInProcess && options.interprets ? .ir : .object
    }
    let closures = importClosures(modules)
    let compileActions = modules.indices.map { m -> Action in
      let module = modules[m]
      var inputs: [Artifact] = []
      if let path = module.path { inputs.append(.source(module: module.name, path: path)) }
      inputs += closures[m].map { .interface(module: modules[$0].name) }
      inputs.append(.instances(module: module.name))
      let output: Artifact = product == .object || product == .ir ? .object(module: module.name) : .text(module: module.name)
      return Action(kind: .compile(module: module.name), inputs: inputs, outputs: [output, .interface(module: module.name)])
    }
    let largestFirst = modules.indices.sorted { a, b in
      modules[a].size != modules[b].size ? modules[a].size > modules[b].size : a < b
    }
    var compileOrder = largestFirst
    var built = modules
    if let only = options.onlyModule {
      guard options.emit == .obj else { throw PlanningError(description: "--module needs --emit obj") }
      guard let index = modules.firstIndex(where: { $0.name == only }) else {
        throw PlanningError(description: "the project has no module '\(only)'")
      }
      compileOrder = [index]
      built = [modules[index]]
    }
    let objects = built.map { Artifact.object(module: $0.name) }
    let texts = built.map { Artifact.text(module: $0.name) }
    let finalAction: Action
    switch options.emit {
    case .ir, .llvmIR:
      finalAction = Action(kind: .writeText, inputs: texts, outputs: [options.output.map { .outputFile($0) } ?? .standardOutput])
    case .obj:
      let folder = options.output ?? "."
      finalAction = Action(kind: .writeObjects, inputs: objects, outputs: built.map { .outputFile("\(folder)/\($0.name).o") })
    case .exe where options.runsInProcess:
      finalAction = Action(kind: options.interprets ? .interpret : .runInProcess, inputs: objects + (options.interprets ? [] : [.runtimeObject]),
                           outputs: [.exitStatus])
    case .exe:
      finalAction = Action(kind: .link(options.linker), inputs: objects + [.runtimeObject],
                           outputs: [.outputFile(options.executablePath)])
    }
    return BuildPlan(product: product, compileActions: compileActions, checkOrder: largestFirst, compileOrder: compileOrder,
                     finalAction: finalAction,
                     objectsInScratch: options.emit == .exe && options.linker != .builtin && !options.runsInProcess)
  }

  /// For each module, the other modules it reaches through imports, transitively, sorted by
  /// name: its object may depend on the interface of any of them (a struct's layout reached
  /// through an imported signature is declared by a module that signature's module imports).
  static func importClosures(_ modules: [PlannedModule]) -> [[Int]] {
    var index: [String: Int] = [:]
    for (i, module) in modules.enumerated() { index[module.name] = i }
    let imports = modules.map { $0.imports.compactMap { index[$0] } }
    // Names are sorted once; each closure is then read off in that order (sorting every
    // closure by name compared strings: 13M instructions of a serial step for 114 modules).
    let byName = modules.indices.sorted { modules[$0].name < modules[$1].name }
    var seen = [Bool](repeating: false, count: modules.count)
    var stack: [Int] = []
    return modules.indices.map { start in
      var reached: [Int] = []
      seen[start] = true
      stack.append(start)
      while let m = stack.popLast() {
        for k in imports[m] where !seen[k] {
          seen[k] = true
          reached.append(k)
          stack.append(k)
        }
      }
      seen[start] = false
      for k in reached { seen[k] = false }
      guard reached.count > 1 else { return reached }
      // A small closure sorts its own indices by name; a large one is read off `byName`.
      if reached.count * 8 < modules.count {
        return reached.sorted { modules[$0].name < modules[$1].name }
      }
      for k in reached { seen[k] = true }
      defer { for k in reached { seen[k] = false } }
      return byName.filter { seen[$0] }
    }
  }

  /// The compile jobs in start order (`compileOrder`), each writing its module's slot.
  public var compileJobs: [Job] { jobs(.compile, compileOrder) }

  /// The check jobs in start order (`checkOrder`).
  public var checkJobs: [Job] { jobs(.check, checkOrder) }

  private func jobs(_ kind: Job.Kind, _ order: [Int]) -> [Job] {
    order.map { i in
      guard case .compile(let name) = compileActions[i].kind else { preconditionFailure("not a compile action") }
      return Job(kind: kind, index: i, moduleName: name)
    }
  }
}
