//! The command lines nearly every run of mojoc uses, read without ArgumentParser: `--help`, `-h`,
//! `--version`, and `build`/`run` with a project and the common options (`-o`, `--backend`,
//! `--emit`, `--linker`, `-j N`, `-O N`, `--verify-ir`, `-w`, `-Werror`, `run ... -- args`),
//! each given once with a valid value. ArgumentParser reflects over the command types to parse, and its first
//! reflection makes the Swift runtime scan every protocol-conformance record in the executable
//! for each property type it meets (about 17 M instructions for `mojoc build hello`, more than
//! compiling hello; README "Start-up"). Anything else (another option, a repeated one, a value
//! that starts with `-` or is invalid, `help`) returns nil and goes through ArgumentParser, which
//! then prints its usual errors, help and exit codes; what this file accepts it runs with exactly
//! the options ArgumentParser would give (the defaults are `Mojoc.default*`, shared with the
//! declarations), which `FastCommandLineTests` checks against the same command spelled so that it
//! takes ArgumentParser's path.
import ArgumentParser
import Glibc
import MojoDriver

enum FastCommandLine {
  /// What a recognised command line asks for.
  enum Request {
    case help(String)
    case version
    case build(BuildOptions, optimizationFlag: Int?)
    case run(BuildOptions, optimizationFlag: Int?)
  }

  /// The request `arguments` (without the program name) spell, or nil when ArgumentParser must
  /// read them.
  static func parse(_ arguments: [String]) -> Request? {
    guard let first = arguments.first else { return nil }
    switch first {
    case "--help", "-h": return arguments.count == 1 ? RootHelp.text().map { .help($0) } : nil
    case "--version": return arguments.count == 1 ? .version : nil
    case "build", "run": return parseBuild(arguments, isRun: first == "run")
    default: return nil
    }
  }

  private static func parseBuild(_ arguments: [String], isRun: Bool) -> Request? {
    var input: String?
    var output: String?
    var backend: BackendKind?
    var optimization: Int?
    var emit: EmitKind?
    var jobs: Int?
    var linker: LinkerChoice?
    var verifyIR = false
    var disableWarnings = false, warningsAsErrors = false
    var cache: Bool?
    var index = 1
    /// The value after an option: present, not empty and not looking like an option.
    func value() -> String? {
      guard index < arguments.count, !arguments[index].isEmpty, !arguments[index].hasPrefix("-") else { return nil }
      defer { index += 1 }
      return arguments[index]
    }
    /// A count given once: `-j 2` or `-j2`.
    func count(_ argument: String, _ current: Int?) -> Int? {
      guard current == nil else { return nil }
      let text = argument.count > 2 ? String(argument.dropFirst(2)) : value()
      return text.flatMap { Int($0) }
    }
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      switch argument {
      case "-o" where !isRun && output == nil:
        guard let path = value() else { return nil }
        output = path
      case "--backend" where backend == nil:
        guard let kind = value().flatMap({ BackendKind(rawValue: $0) }) else { return nil }
        backend = kind
      case "--emit" where !isRun && emit == nil:
        guard let kind = value().flatMap({ EmitKind(rawValue: $0) }) else { return nil }
        emit = kind
      case "--linker" where !isRun && linker == nil:
        guard let choice = value().flatMap({ LinkerChoice(rawValue: $0) }) else { return nil }
        linker = choice
      case "--verify-ir" where !verifyIR:
        verifyIR = true
      case "-w", "--disable-warnings":
        guard !disableWarnings else { return nil }
        disableWarnings = true
      case "-Werror", "--Werror":
        guard !warningsAsErrors else { return nil }
        warningsAsErrors = true
      case "--cache" where !isRun && cache == nil, "--no-cache" where !isRun && cache == nil:
        cache = argument == "--cache"
      case "--" where isRun:
        index = arguments.count  // the program's arguments: never parsed by mojoc
      case _ where argument.hasPrefix("-j"):
        guard let workers = count(argument, jobs), workers >= 1 else { return nil }
        jobs = workers
      case _ where argument.hasPrefix("-O"):
        guard let level = count(argument, optimization), (0...3).contains(level) else { return nil }
        optimization = level
      default:
        guard input == nil, !argument.isEmpty, !argument.hasPrefix("-"), argument != "help" else { return nil }
        input = argument
      }
    }
    guard let input else { return nil }
    let backendKind = backend ?? Mojoc.defaultBackend
    let emitKind = emit ?? Mojoc.defaultEmit
    if emitKind == .llvmIR && backendKind != .llvm { return nil }
    let options = Mojoc.buildOptions(
      input: input, output: output, backend: backendKind, optimization: optimization, emit: emitKind, jobs: jobs,
      linker: linker ?? Mojoc.defaultLinker, verifyIR: verifyIR,
      profiling: ProfilingOptions(granularityMicroseconds: Mojoc.defaultGranularity),
      warnings: WarningPolicy(disabled: disableWarnings, asErrors: warningsAsErrors),
      cache: isRun ? false : cache ?? Mojoc.defaultCache)
    return isRun ? .run(options, optimizationFlag: optimization) : .build(options, optimizationFlag: optimization)
  }

  /// Carries out `request` as ArgumentParser's `main` would after parsing it: output, then exit
  /// status 0 by returning, or the status of a thrown `ExitCode` (ArgumentParser prints nothing
  /// for it either); other errors are reported by ArgumentParser.
  static func perform(_ request: Request) {
    do {
      switch request {
      case .help(let text): print(text)
      case .version: print(Mojoc.configuration.version)
      case .build(let options, let flag): try Mojoc.build(options, optimizationFlag: flag)
      case .run(let options, let flag): try Mojoc.runInProcess(options, optimizationFlag: flag)
      }
    } catch let code as ExitCode {
      exit(code.rawValue)
    } catch {
      Mojoc.exit(withError: error)
    }
  }
}

/// `mojoc --help`, rendered as ArgumentParser's `HelpGenerator` renders the root command (same
/// sections, label column, wrapping and screen width) from the same `CommandConfiguration`s, but
/// without building the root's argument set: that alone cost 5 M instructions, mostly
/// protocol-conformance scans. Configurations using something this does not render (aliases,
/// groups, a default subcommand, a discussion, custom usage or help names) and screens too
/// narrow for the label column give nil, and ArgumentParser renders. `FastCommandLineTests`
/// compares both at several widths.
enum RootHelp {
  static let helpIndent = 2, labelColumnWidth = 26

  static func text() -> String? {
    let configuration = Mojoc.configuration
    let width = screenWidth()
    guard width > labelColumnWidth + 1, configuration.discussion.isEmpty, configuration.usage == nil,
          configuration.helpNames == nil, configuration.defaultSubcommand == nil,
          configuration.groupedSubcommands.isEmpty, let name = configuration.commandName else { return nil }
    var subcommands = ""
    for command in configuration.subcommands where command.configuration.shouldDisplay {
      guard command.configuration.aliases.isEmpty, let label = command.configuration.commandName else { return nil }
      guard let line = element(label, command.configuration.abstract, width) else { return nil }
      subcommands += line
    }
    var text = ""
    if !configuration.abstract.isEmpty {
      guard let overview = wrapped("OVERVIEW: \(configuration.abstract)", width, indent: 0) else { return nil }
      text = overview + "\n\n"
    }
    text += "USAGE: \(name)"
    if !configuration.subcommands.isEmpty { text += " <subcommand>" }
    text += "\n\nOPTIONS:\n"
    if !configuration.version.isEmpty { text += element("--version", "Show the version.", width)! }
    text += element("-h, --help", "Show help information.", width)!
    if !subcommands.isEmpty {
      text += "\nSUBCOMMANDS:\n" + subcommands + "\n  See '\(name) help <subcommand>' for detailed help."
    }
    return text
  }

  /// One line of a section: the label indented, the abstract from the label column on.
  static func element(_ label: String, _ abstract: String, _ width: Int) -> String? {
    let padded = String(repeating: " ", count: helpIndent) + label
    guard !abstract.isEmpty else { return padded + "\n" }
    guard let wrappedAbstract = wrapped(abstract, width, indent: labelColumnWidth) else { return nil }
    if padded.utf8.count < labelColumnWidth {
      return padded + String(decoding: wrappedAbstract.utf8.dropFirst(padded.utf8.count), as: UTF8.self) + "\n"
    }
    return padded + "\n" + wrappedAbstract + "\n"
  }

  /// ArgumentParser's `String.wrapped(to:wrappingIndent:)`: lines of at most `width - indent`
  /// characters broken at the last space (or the first one after), each indented. Over bytes,
  /// so only for printable ASCII text (where a byte is a Character, as ArgumentParser counts),
  /// else nil: the generic Substring algorithms made the runtime look up conformances by name.
  static func wrapped(_ text: String, _ width: Int, indent: Int) -> String? {
    let bytes = Array(text.utf8), columns = width - indent
    guard bytes.allSatisfy({ $0 == 10 || (32..<127).contains($0) }) else { return nil }
    var lines: [Range<Int>] = []
    var current = 0
    func lastIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
      var k = range.upperBound
      while k > range.lowerBound { k -= 1; if bytes[k] == byte { return k } }
      return nil
    }
    while true {
      let chunk = current..<min(current + columns, bytes.count)
      if let lastLineBreak = lastIndex(of: 10, in: chunk) {
        var start = current
        for k in current...lastLineBreak where k == lastLineBreak || bytes[k] == 10 {
          lines.append(start..<k)
          start = k + 1
        }
        current = lastLineBreak + 1
      } else if chunk.upperBound == bytes.count {
        lines.append(current..<bytes.count)
        break
      } else if let lastSpace = lastIndex(of: 32, in: chunk) {
        lines.append(current..<lastSpace)
        current = lastSpace + 1
      } else if let nextSpace = (current..<bytes.count).first(where: { bytes[$0] == 32 }) {
        lines.append(current..<nextSpace)
        current = nextSpace + 1
      } else {
        lines.append(current..<bytes.count)
        break
      }
    }
    var out: [UInt8] = []
    for (k, line) in lines.enumerated() {
      if k > 0 { out.append(10) }
      if !line.isEmpty {
        out.append(contentsOf: repeatElement(32, count: indent))
        out.append(contentsOf: bytes[line])
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// ArgumentParser's screen width: `COLUMNS` if it is a number, else the terminal's width on
  /// stdout, else 80.
  static func screenWidth() -> Int {
    if let columns = getenv("COLUMNS"), let width = Int(String(cString: columns)) { return width }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return 80
  }
}
