//! `mojoc build --emit-actions FILE`: every action of the planned build as JSON, so that another
//! build system (Bazel, Buck2) can drive mojoc one module at a time:
//!
//!     {"version": 1, "compiler": "...", "flags": "backend cnp",
//!      "actions": [{"kind": "compile", "module": "util", "key": "<sha256>",
//!                   "argv": ["mojoc", "build", "app", "--emit", "obj", "--module", "util", "-o", "mojoc-objects"],
//!                   "inputs": [{"artifact": "source", "module": "util", "path": "app/util.mojo", "digest": "..."},
//!                              {"artifact": "interface", "module": "geom", "digest": "..."}, ...],
//!                   "outputs": [{"artifact": "object", "module": "util", "path": "mojoc-objects/util.o"}, ...]},
//!                  ..., {"kind": "link", "argv": ["mojoc", "link", "mojoc-objects/main.o", ..., "-o", "app"],
//!                        "inputs": [...], "outputs": [...]}]}
//!
//! A compile action's `key` is the digest the action cache stores its object under; its
//! `argv` runs the front end on the whole project (the command reads every module's source)
//! and writes the object of its module only. The link action's `argv` (`mojoc link`) links those
//! objects and the runtime exactly as `build` does; other final actions have no argv.

import MojoHashing
import MojoProfiling

/// Renders a plan and its digests as JSON.
enum ActionsJSON {
  /// The JSON text for `plan`, with the digests of its compile actions' inputs and their keys.
  static func render(_ plan: BuildPlan, digests: ActionDigests, options: BuildOptions, compiler: String,
                     flags: String) -> String {
    var actions: [String] = []
    let objects = "mojoc-objects"
    var backendArguments = ["--backend", options.backend.rawValue]
    if options.backend == .llvm { backendArguments.append("-O\(options.optimization.rawValue)") }
    for (k, action) in plan.compileActions.enumerated() {
      guard case .compile(let module) = action.kind else { continue }
      let argv = ["mojoc", "build", options.input, "--emit", "obj", "--module", module, "-o", objects] + backendArguments
      let outputs = action.outputs.map { artifact -> String in
        if case .object = artifact { return describe(artifact, path: "\(objects)/\(module).o", digest: nil) }
        return describe(artifact, path: nil, digest: digests.inputs[artifact])
      }
      actions.append("""
        {"kind": "compile", "module": \(quoted(module)), "key": \(digests.keys.indices.contains(k) ? quoted(digests.keys[k].hex) : "null"),
         "argv": [\(argv.map(quoted).joined(separator: ", "))],
         "inputs": [\(action.inputs.map { describe($0, path: nil, digest: digests.inputs[$0]) }.joined(separator: ",\n    "))],
         "outputs": [\(outputs.joined(separator: ", "))]}
      """)
    }
    let final = plan.finalAction
    let kind: String
    switch final.kind {
    case .link: kind = "link"
    case .writeObjects: kind = "write-objects"
    case .writeText: kind = "write-text"
    case .runInProcess: kind = "run"
    case .interpret: kind = "interpret"
    case .compile: kind = "compile"
    }
    // The link runs as `mojoc link` over the compile actions' objects, in the plan's order.
    var argv = "null"
    if case .link(let linker) = final.kind, case .outputFile(let path) = final.outputs.first {
      let objectPaths = final.inputs.compactMap { input -> String? in
        if case .object(let module) = input { return "\(objects)/\(module).o" }
        return nil
      }
      let choice = linker == .builtin ? [] : ["--linker", linker.rawValue]
      argv = "[" + (["mojoc", "link"] + objectPaths + ["-o", path] + choice).map(quoted).joined(separator: ", ") + "]"
    }
    actions.append("""
      {"kind": \(quoted(kind)), "argv": \(argv),
       "inputs": [\(final.inputs.map { describe($0, path: nil, digest: nil) }.joined(separator: ", "))],
       "outputs": [\(final.outputs.map { describe($0, path: nil, digest: nil) }.joined(separator: ", "))]}
    """)
    return """
      {"version": 1, "compiler": \(quoted(compiler)), "flags": \(quoted(flags)),
       "actions": [
      \(actions.joined(separator: ",\n"))
      ]}

      """
  }

  /// One artifact as a JSON object.
  static func describe(_ artifact: Artifact, path: String?, digest: Digest?) -> String {
    var fields: [(String, String)] = []
    switch artifact {
    case .source(let module, let file): fields = [("artifact", "source"), ("module", module), ("path", file)]
    case .interface(let module): fields = [("artifact", "interface"), ("module", module)]
    case .instances(let module): fields = [("artifact", "instances"), ("module", module)]
    case .object(let module): fields = [("artifact", "object"), ("module", module)]
    case .text(let module): fields = [("artifact", "text"), ("module", module)]
    case .runtimeObject: fields = [("artifact", "runtime-object")]
    case .outputFile(let file): fields = [("artifact", "file"), ("path", file)]
    case .standardOutput: fields = [("artifact", "stdout")]
    case .exitStatus: fields = [("artifact", "exit-status")]
    }
    if let path { fields.append(("path", path)) }
    if let digest { fields.append(("digest", digest.hex)) }
    return "{" + fields.map { "\(quoted($0.0)): \(quoted($0.1))" }.joined(separator: ", ") + "}"
  }

  /// A JSON string literal.
  static func quoted(_ text: String) -> String { ChromeTrace.quoted(text) }
}
