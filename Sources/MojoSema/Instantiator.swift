//! Checks the instances of generic functions the program needs, after every module's bodies
//! are checked (serial, between the check and compile stages). Starting from the instances the
//! modules request, each is checked once with its parameters bound; what its body requests in
//! turn is checked next. The order depends only on the program (sorted by symbol), never on
//! job timing, so the instances and their IR names are the same for every `-j`.
import MojoDiagnostics
import MojoSyntax

/// Monomorphization driver.
public enum Instantiator {
  /// More distinct instances than this means a generic function instantiates itself with
  /// ever larger types; reported, not looped on.
  static let limit = 2_000

  /// Checks every instance reachable from `requests` (one set per module); returns per module
  /// its checked instances (in symbol order) and the diagnostics of their bodies.
  public static func instantiate(_ program: Program, requests: [Set<FunctionInstance>])
    -> (instances: [[CheckedInstance]], diagnostics: [[Diagnostic]]) {
    var instances = Array(repeating: [CheckedInstance](), count: requests.count)
    var diagnostics = Array(repeating: [Diagnostic](), count: requests.count)
    var seenDiagnostics = Set<String>()
    var done = Set<FunctionInstance>()
    var queue = sorted(requests.reduce(into: Set<FunctionInstance>()) { $0.formUnion($1) }, program)
    var next = 0
    while next < queue.count {
      let instance = queue[next]
      next += 1
      guard done.insert(instance).inserted else { continue }
      if done.count > limit {
        let tree = program.modules[instance.module].tree
        diagnostics[instance.module].append(SemaDiagnostics.notSupportedYet(
          "instantiating '\(program.signatures[instance.module][instance.function].displayName)' this many times",
          SourceLocation(file: program.modules[instance.module].file, offset: Int(tree.functions[instance.function].offset))))
        break
      }
      var checker = BodyChecker(program: program, instance: instance)
      checker.checkFunction(instance.function)
      var tables = checker.result
      let function = tables.functions.removeLast()
      let requested = tables.requestedInstances
      tables.requestedInstances = []
      instances[instance.module].append(CheckedInstance(instance: instance, signature: checker.instanceSignature!,
                                                        tables: tables, function: function))
      // One diagnostic per place and text: every instance of a body reports the same mistake.
      for d in checker.diagnostics where seenDiagnostics.insert("\(d.location.file?.path ?? ""):\(d.location.offset):\(d.message)").inserted {
        diagnostics[instance.module].append(d)
      }
      queue += sorted(requested.subtracting(done), program)
    }
    for m in instances.indices { instances[m].sort { $0.signature.symbol < $1.signature.symbol } }
    return (instances, diagnostics)
  }

  private static func sorted(_ set: Set<FunctionInstance>, _ program: Program) -> [FunctionInstance] {
    set.map { (program.symbol(of: $0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
  }
}
