//! `--remote grpc://HOST:PORT`: the compile actions of a build on a REAPI server (the service
//! is `MojoRemote.REAPIService`, linked into `mojoc-remote` only).
//!
//! Each module's compile action runs `bin/mojoc build project --emit obj --module M
//! --only-module-bodies -o objects [--backend ...]` and writes `objects/M.o`, in an input root
//! that holds the compiler itself, M's source and the *stub* of every other module
//! (`Caching/SourceStub.swift`: declarations only, bodies cut), so that an edit inside another
//! module's function bodies leaves M's action, and its cached result, unchanged. A module
//! without a stub (generic functions or structs, trait default methods: instances asked for by
//! other modules' bodies are lowered into it) gets every module's full source and a plain
//! `--module M` command. Linking stays local. When the server cannot be reached or fails, the
//! build says so in one line and compiles locally; when an action fails (errors in the
//! program), the local front end reports them, exactly as a local build does.
//! `--remote-cache-only` takes the objects the server has, compiles the others here and stores
//! them (UpdateActionResult).
import FoundationEssentials
import Glibc
import MojoCodegen
import MojoDiagnostics
import MojoProfiling
import MojoSema

/// What the remote side of a build did.
public struct RemoteStatistics: Sendable, Equatable {
  /// Actions served by the server's action cache.
  public var cached = 0
  /// Actions executed on the server.
  public var executed = 0
  /// Actions compiled here (`--remote-cache-only` misses, or all after a fallback).
  public var local = 0
  /// Bytes uploaded.
  public var uploadedBytes = 0

  /// One line for `--timings`.
  public var summary: String {
    "remote: \(cached) cached, \(executed) executed, \(local) compiled locally, \(uploadedBytes) bytes uploaded"
  }
}

extension BuildRunner {
  /// The compile actions of `plan` as a REAPI request over `modules`; nil when this build
  /// cannot run remotely (no compiler to send, or a product other than objects).
  func remoteRequest(_ remote: RemoteOptions, modules: [SourceModule], plan: BuildPlan) -> RemoteRequest? {
    guard plan.product == .object, options.onlyModule == nil, let compiler = remote.compilerPath,
      let compilerBytes = BuildRunner.readFile(compiler)
    else { return nil }
    var files = [InputFile(path: "bin/mojoc", bytes: compilerBytes, isExecutable: true)]
    // Per module: the index in `files` of its full source and of its stub (nil for a module
    // without one; the full source when cutting leaves it unchanged).
    var full: [Int?] = [], stub: [Int?] = []
    var project = "project"
    for (m, module) in modules.enumerated() {
      guard let file = module.file else {
        full.append(nil)
        stub.append(nil)
        continue
      }
      let path = "project/\(file.relativePath)"
      full.append(files.count)
      files.append(InputFile(path: path, bytes: file.bytes))
      let declarations = SourceStub.make(module.tree, file.bytes, path: file.relativePath)
      if let declarations, declarations != file.bytes {
        stub.append(files.count)
        files.append(InputFile(path: path, bytes: declarations))
      } else {
        stub.append(declarations == nil ? nil : full[m])
      }
      // A single-file build names the file itself.
      if m == 0 && options.input.hasSuffix(".mojo") { project = path }
    }
    var flags = ["--backend", options.backend.rawValue]
    if options.backend == .llvm { flags.append("-O\(options.optimization.rawValue)") }
    // With -Werror a warning fails its action, and the local front end reports it as an error
    // (as for any failed action); -w leaves the actions' standard error empty.
    switch options.warnings {
    case .report: break
    case .ignore: flags.append("-w")
    case .treatAsErrors: flags.append("-Werror")
    }
    let actions = plan.compileActions.map { action -> RemoteAction in
      guard case .compile(let name) = action.kind, let m = modules.firstIndex(where: { $0.name == name }) else {
        preconditionFailure("not a compile action of the project")
      }
      var arguments = ["bin/mojoc", "build", project, "--emit", "obj", "--module", name]
      var inputs = [0]
      if stub[m] != nil {
        // Its own source and the others' declarations.
        arguments.append("--only-module-bodies")
        for k in modules.indices { if let file = k == m ? full[k] : stub[k] ?? full[k] { inputs.append(file) } }
      } else {
        inputs += full.compactMap { $0 }
      }
      return RemoteAction(arguments: arguments + ["-o", "objects"] + flags, outputPath: "objects/\(name).o",
                          inputs: inputs)
    }
    return RemoteRequest(endpoint: remote.endpoint, cacheOnly: remote.cacheOnly,
                         maxConcurrentExecutes: remote.maxConcurrentExecutes, files: files,
                         environment: ["LC_ALL": "C", "PATH": "/usr/bin:/bin"], actions: actions)
  }

  /// What the server did for a build.
  enum RemoteAnswer {
    /// Every module's object (the server's warnings are in the result's messages).
    case complete([ModuleOutput])
    /// The objects the server had (by module index); the others are compiled here
    /// (`--remote-cache-only`).
    case partial([Int: [UInt8]])
    /// Nothing usable: compile every module here (the server failed, or an action did).
    case none
  }

  /// Runs `request` on the server; what it answered for each module, with what it said in
  /// `result`.
  func compileRemotely(_ request: RemoteRequest, service: any RemoteService, modules: [SourceModule], plan: BuildPlan,
                       runner: StageRunner, scratch: URL?, into result: inout BuildResult) throws -> RemoteAnswer {
    var failure: RemoteError?
    let answer = runner.stage(.remote) { () -> RemoteResult? in
      do { return try service.run(request) } catch let error as RemoteError {
        failure = error
        return nil
      } catch {
        preconditionFailure("RemoteService.run throws only RemoteError")
      }
    }
    guard let answer else {
      result.messages.append("mojoc: warning: remote execution at \(request.endpoint): \(failure!); compiling locally")
      return .none
    }
    var statistics = RemoteStatistics(uploadedBytes: answer.uploadedBytes)
    var objects: [Int: [UInt8]] = [:]
    var failed = false
    for (m, outcome) in answer.outcomes.enumerated() {
      switch outcome {
      case .cached(let bytes):
        statistics.cached += 1
        objects[m] = bytes
      case .executed(let bytes):
        statistics.executed += 1
        objects[m] = bytes
      case .missing:
        statistics.local += 1
      case .failed:
        failed = true
      }
    }
    if failed {
      // Errors in the program are reported by the local front end, as in a local build.
      statistics.local = answer.outcomes.count
      result.remote = statistics
      return .none
    }
    result.remote = statistics
    guard objects.count == answer.outcomes.count else { return .partial(objects) }
    var outputs: [ModuleOutput] = []
    for m in answer.outcomes.indices {
      let name = modules[m].name
      if let scratch {
        let path = scratch.appendingPathComponent("\(m)-\(name).o").path
        try BuildRunner.writeScratch(objects[m]!, to: path)
        outputs.append(ModuleOutput(objectPath: path))
      } else {
        outputs.append(ModuleOutput(object: ObjectFile(moduleName: name, bytes: objects[m]!)))
      }
    }
    // Each action reports its own module's warnings; imported modules before their importers,
    // as a local build prints them (modules in reverse discovery order, `main` last).
    let warnings = answer.standardErrors.reversed().filter { !$0.isEmpty }
    if options.warnings != .ignore && !warnings.isEmpty {
      result.messages.append(localPaths(warnings.joined(), modules: modules))
    }
    return .complete(outputs)
  }

  /// `--remote-cache-only`: stores the objects compiled here for the actions the server lacked
  /// (`missing`, module indices), each with its module's warnings as the action's standard
  /// error (what the action would have printed), so that a build served from the cache prints
  /// them too.
  func storeRemotely(_ request: RemoteRequest, service: any RemoteService, outputs: [ModuleOutput], missing: Set<Int>,
                     files: [SourceFile?], runner: StageRunner, into result: inout BuildResult) {
    let objects = outputs.enumerated().map { m, output -> [UInt8]? in
      guard missing.contains(m) else { return nil }
      if let object = output.object { return object.bytes }
      return output.objectPath.flatMap { BuildRunner.readFile($0) }
    }
    let warnings = outputs.indices.map { m -> [UInt8] in
      guard missing.contains(m), m < files.count, let file = files[m] else { return [] }
      let own = result.diagnostics.filter { $0.severity == .warning && $0.location.file?.relativePath == file.relativePath }
      guard !own.isEmpty else { return [] }
      return Array(actionPaths(DiagnosticRenderer.render(own, style: .plain), file: file).utf8)
    }
    var failure: RemoteError?
    runner.stage(.remote) {
      do { try service.store(request, outputs: objects, standardErrors: warnings) } catch let error as RemoteError { failure = error } catch {
        preconditionFailure("RemoteService.store throws only RemoteError")
      }
    }
    if let failure {
      result.messages.append("mojoc: warning: remote cache at \(request.endpoint): \(failure); results not stored")
    }
  }

  /// Text this build shows with `file`'s path as an action shows it (`project/…`).
  func actionPaths(_ text: String, file: SourceFile) -> String {
    text.replacing(file.path, with: "project/\(file.relativePath)")
  }

  /// The server's standard error with the input root's paths (`project/…`) turned back into
  /// the paths this build shows.
  func localPaths(_ text: String, modules: [SourceModule]) -> String {
    var text = text
    for module in modules {
      guard let file = module.file else { continue }
      text = text.replacing("project/\(file.relativePath)", with: file.path)
    }
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
  }

  /// The bytes of a file.
  static func readFile(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw DriverError.cannotRead(path) }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw DriverError.cannotRead(path) }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
      guard n > 0 else { throw DriverError.cannotRead(path) }
      done += n
    }
    return bytes
  }
}
