import ArgumentParser
extension Mojoc {
  struct Bench: ParsableCommand {
    func run() throws {}
  }
}
