//! Failures of the environment (missing files, tools, linker errors): thrown, typed, with a
//! message for the user. User mistakes in the program are diagnostics instead.

/// An error that stops a build for reasons outside the program's source.
public enum DriverError: Error, CustomStringConvertible, Sendable {
  case inputNotFound(String)
  case missingMainFile(String)
  case cannotRead(String)
  case cannotWrite(String, String)
  /// `-o` (or the default output) names something the build must not or cannot write.
  case invalidOutput(String, String)
  case linkFailed(command: String, output: String)
  /// The built-in linker rejected the objects.
  case linkError(String)
  case codegen(String)
  /// libLLVM could not be loaded for `--backend llvm`.
  case llvmUnavailable(String)
  case internalError(String)
  /// An `.ir` input that does not read or verify (`file:line: message`).
  case invalidIR(String)

  public var description: String {
    switch self {
    case .inputNotFound(let p): "no such file or directory: '\(p)'"
    case .missingMainFile(let p): "project folder '\(p)' has no main.mojo"
    case .cannotRead(let p): "cannot read '\(p)'"
    case .cannotWrite(let p, let why): "cannot write '\(p)': \(why)"
    case .invalidOutput(let p, let why): "cannot write the output to '\(p)': \(why)"
    case .linkFailed(let command, let output): "link failed: \(command)\n\(output)"
    case .linkError(let message): "link failed: \(message)"
    case .codegen(let message): "code generation failed: \(message)"
    case .llvmUnavailable(let message): "\(message) (needed by --backend llvm)"
    case .internalError(let message): "internal compiler error: \(message)"
    case .invalidIR(let message): "invalid IR: \(message)"
    }
  }
}
