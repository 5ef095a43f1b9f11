//! The digests of the declarations that a build's dependency manifests list, each described and
//! hashed once per build: a popular module's name table is reached by nearly every importer, and
//! describing it once per importer (on store, and again on every `holds` check) was a fifth of a
//! no-op rebuild. Built in two steps so that no job shares mutable state: the callers collect
//! the entities their manifests need, then one job per declaring module hashes its entities into
//! its slot.
import MojoHashing
import MojoSema

struct DependencyDigests {
  private var digests: [DependencyEntity: Digest] = [:]

  /// The digest of each of `entities` (repeats allowed) of `program`.
  init(_ entities: some Sequence<DependencyEntity>, of program: Program, runner: StageRunner) {
    var byModule = [[DependencyEntity]](repeating: [], count: program.modules.count)
    var seen = Set<DependencyEntity>()
    for entity in entities where seen.insert(entity).inserted { byModule[entity.module].append(entity) }
    let owners = byModule.indices.filter { !byModule[$0].isEmpty }, grouped = byModule
    let slots = ResultSlots<[Digest]>(count: owners.count)
    runner.run(Job.plan(.digest, modules: owners.map { program.modules[$0].name })) { job, context in
      context.measure(.cache, job.moduleName) {
        slots[job.index] = grouped[owners[job.index]].map { SHA256.hash(Array(program.dependencyText($0).utf8)) }
      }
    }
    digests.reserveCapacity(seen.count)
    for (slot, m) in owners.enumerated() {
      for (entity, digest) in zip(byModule[m], slots[slot]!) { digests[entity] = digest }
    }
  }

  /// The digest of `entity`, which must be one of those given at init.
  subscript(entity: DependencyEntity) -> Digest { digests[entity]! }
}
