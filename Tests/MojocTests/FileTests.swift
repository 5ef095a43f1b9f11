//! File tests in the manner of Cranelift's runtests: each `Tests/filetests/*.ir` holds IR and the
//! result it must give, and runs on every executor — the interpreter, cnp, and llvm at -O0 and
//! -O2 (`mojoc run FILE.ir --backend X`); a test fails when any of them disagrees with the file.
//! A file is IR text (`MojoIR/Reader.swift`) plus directives in comments:
//!   ; values NAME: A, B, ...        an argument list (IR immediates: `-7`, `0f3ff0000000000000`)
//!   ; run: SYMBOL(ARG, ...)         calls SYMBOL once per combination of its arguments (an ARG
//!                                   is an immediate or `*NAME`, every value of a list, the
//!                                   rightmost varying fastest) and prints `SYMBOL(args) = result`
//!                                   (an f64 result also as its bit pattern, a signed integer,
//!                                   except a NaN: `nan`, whatever its sign and payload)
//!   ; status: N                     the expected exit status (128 + signal: 134 for SIGABRT,
//!                                   132 for SIGILL, 136 for SIGFPE); default 0
//!   ; stderr: TEXT                  a line the program writes to stderr (default: none)
//!   ; output:                       the rest of the file: the expected stdout, one `; ` line each
//! With `run:` lines the runner adds the `mojo_main` that makes the calls to the last module;
//! without, the file defines `mojo_main` itself. `MOJOC_BLESS=1` rewrites the `; output:` block
//! from the interpreter's output (review the diff).
import Foundation
import MojoIR
import Testing
import TestSupport

/// One file test, read from its file.
struct FileTest: CustomStringConvertible {
  let url: URL
  let text: String
  var lists: [String: [Operand]] = [:]
  var runs: [(symbol: String, arguments: [[Operand]])] = []
  var status: Int32 = 0
  var stderr = ""
  var output = ""
  var hasOutputBlock = false

  var description: String { url.lastPathComponent }

  /// Every file under `Tests/filetests`.
  static let all: [URL] = {
    let folder = Fixtures.packageRoot.appendingPathComponent("Tests/filetests")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".ir") }.sorted().map { folder.appendingPathComponent($0) }
  }()

  init(_ url: URL) throws {
    self.url = url
    text = try String(contentsOf: url, encoding: .utf8)
    var inOutput = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if inOutput {
        if line.hasPrefix("; ") { output += line.dropFirst(2) + "\n" } else if line == ";" { output += "\n" }
        continue
      }
      if line == "; output:" {
        inOutput = true
        hasOutputBlock = true
      } else if line.hasPrefix("; values ") {
        let body = line.dropFirst("; values ".count)
        let parts = body.split(separator: ":", maxSplits: 1)
        let values = try parts[1].split(separator: ",").map { piece in
          try #require(Operand(irText: piece.trimmingCharacters(in: .whitespaces)), "\(url.lastPathComponent): bad value \(piece)")
        }
        lists[String(parts[0])] = values
      } else if line.hasPrefix("; run: ") {
        let call = line.dropFirst("; run: ".count)
        let open = try #require(call.firstIndex(of: "("))
        let arguments = try call[call.index(after: open)..<call.index(before: call.endIndex)].split(separator: ",").map {
          let argument = $0.trimmingCharacters(in: .whitespaces)
          if argument.hasPrefix("*") { return try #require(lists[String(argument.dropFirst())], "no list \(argument)") }
          return [try #require(Operand(irText: argument), "\(url.lastPathComponent): bad argument \(argument)")]
        }
        runs.append((String(call[..<open]), arguments))
      } else if line.hasPrefix("; status: ") {
        status = try #require(Int32(line.dropFirst("; status: ".count)))
      } else if line.hasPrefix("; stderr: ") {
        stderr += line.dropFirst("; stderr: ".count) + "\n"
      }
    }
  }

  /// The IR program to run: the file's modules, with a generated `mojo_main` for `run:` lines.
  func program() throws -> String {
    var modules = try Reader.parse(text)
    guard !runs.isEmpty else { return modules.map(Printer.print).joined(separator: "\n") }
    var module = modules.removeLast()
    let printInt = module.declare("mojo_rt_print_int", parameters: [.i64], returns: .void)
    let printBool = module.declare("mojo_rt_print_bool", parameters: [.i64], returns: .void)
    let printFloat = module.declare("mojo_rt_print_float", parameters: [.f64], returns: .void)
    let printString = module.declare("mojo_rt_print_string", parameters: [.ptr], returns: .void)
    let alloc = module.declare("mojo_rt_alloc", parameters: [.i64], returns: .ptr)
    func string(_ s: String) -> DataID {
      var length = UInt64(s.utf8.count)
      return module.addData(withUnsafeBytes(of: &length) { Array($0) } + Array(s.utf8))
    }
    let functions = module.functions
    let newline = string("\n"), bitsOpen = string(" ("), bitsClose = string(")\n"), nanLine = string("nan\n")
    // One function per `run:` line (a giant `main` would make LLVM's -O2 slow), called by `main`.
    var runFunctions: [FunctionRef] = []
    for (k, run) in runs.enumerated() {
      var runFunction = IRFunction(defining: "filetest_run_\(k)", parameterTypes: [], returnType: .void, linkage: .exported)
      var b = FunctionBuilder(parameterTypes: [])
      let cell = b.call(alloc, returning: .ptr, [.int(8)])!
      let index = try #require(functions.firstIndex { $0.symbol == run.symbol && $0.isDefined },
                               "\(url.lastPathComponent): no function \(run.symbol)")
      let callee = functions[index]
      var combinations: [[Operand]] = [[]]
      for list in run.arguments { combinations = combinations.flatMap { prefix in list.map { prefix + [$0] } } }
      for arguments in combinations {
        let label = "\(run.symbol)(\(arguments.map(Self.text).joined(separator: ", "))) = "
        b.call(printString, returning: .void, [.value(b.address(of: string(label)))])
        guard let result = b.call(FunctionRef(index), returning: callee.returnType, arguments) else {
          throw FileTestError(message: "\(url.lastPathComponent): \(run.symbol) returns nothing")
        }
        switch callee.returnType {
        case .i1:
          b.call(printBool, returning: .void, [.value(b.op(.zext, .value(result)))])
        case .f64:
          // A NaN prints as `nan` alone: IEEE-754 leaves the sign and payload of a NaN result open
          // (the hardware gives -nan for inf - inf, LLVM's constant folder +nan).
          let isNaN = b.op(.fne, .value(result), .value(result))
          let nanBlock = b.makeBlock(), numberBlock = b.makeBlock(), join = b.makeBlock()
          b.branch(if: .value(isNaN), then: nanBlock, else: numberBlock)
          b.switchTo(nanBlock)
          b.call(printString, returning: .void, [.value(b.address(of: nanLine))])
          b.branch(to: join)
          b.switchTo(numberBlock)
          b.call(printFloat, returning: .void, [.value(result)])
          b.store(.f64, .value(result), to: .value(cell), offset: 0)
          b.call(printString, returning: .void, [.value(b.address(of: bitsOpen))])
          b.call(printInt, returning: .void, [.value(b.load(.i64, from: .value(cell), offset: 0))])
          b.call(printString, returning: .void, [.value(b.address(of: bitsClose))])
          b.branch(to: join)
          b.switchTo(join)
          continue
        default:
          b.call(printInt, returning: .void, [.value(result)])
        }
        b.call(printString, returning: .void, [.value(b.address(of: newline))])
      }
      b.ret(nil)
      b.finish(into: &runFunction)
      module.functions.append(runFunction)
      runFunctions.append(FunctionRef(module.functions.count - 1))
    }
    var main = IRFunction(defining: "mojo_main", parameterTypes: [], returnType: .void, linkage: .exported)
    var b = FunctionBuilder(parameterTypes: [])
    for ref in runFunctions { b.call(ref, returning: .void, []) }
    b.ret(nil)
    b.finish(into: &main)
    module.functions.append(main)
    modules.append(module)
    return modules.map(Printer.print).joined(separator: "\n")
  }

  /// An argument as the output shows it: integers in decimal, floats as their IR immediate.
  static func text(_ operand: Operand) -> String { operand.description }
}

/// A file test that cannot run as written.
struct FileTestError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

extension Operand {
  /// An immediate as written in IR text.
  init?(irText: String) {
    if irText.hasPrefix("0f"), irText.count == 18, let bits = UInt64(irText.dropFirst(2), radix: 16) {
      self = .float(bits: bits)
    } else if let n = Int64(irText) {
      self = .int(n)
    } else {
      return nil
    }
  }
}

@Suite struct FileTests {
  /// The executors every file runs on, as `mojoc run` arguments.
  static let executors: [[String]] = [["--backend", "interp"], ["--backend", "cnp"], ["--backend", "llvm", "-O0"],
                                      ["--backend", "llvm", "-O2"]]

  @Test("the IR gives the file's output on the interpreter, cnp and llvm", arguments: FileTest.all)
  func fileTest(url: URL) throws {
    var test = try FileTest(url)
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let program = folder.appendingPathComponent("program.ir")
    try test.program().write(to: program, atomically: false, encoding: .utf8)
    if ProcessInfo.processInfo.environment["MOJOC_BLESS"] == "1" {
      let run = try MojocProcess.run(["run", program.path, "--backend", "interp"])
      try bless(url, text: test.text, output: run.stdout)
      test.output = run.stdout
      test.hasOutputBlock = true
    }
    #expect(test.hasOutputBlock, "\(test): no '; output:' block (MOJOC_BLESS=1 writes one)")
    for executor in Self.executors {
      let run = try MojocProcess.run(["run", program.path] + executor)
      let name = "\(test) [\(executor.dropFirst().joined(separator: " "))]"
      #expect(run.status == test.status, "\(name): exit status \(run.status), expected \(test.status)\n\(run.stderr)")
      #expect(run.stderr == test.stderr, "\(name): stderr differs:\n\(run.stderr)")
      if run.stdout != test.output {
        let got = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = test.output.split(separator: "\n", omittingEmptySubsequences: false)
        let k = zip(got, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, expected.count)
        Issue.record("\(name): output line \(k + 1) is '\(k < got.count ? got[k] : "<end>")', expected '\(k < expected.count ? expected[k] : "<end>")'")
      }
    }
  }

  @Test("the generated opcode files match Tests/filetests/generate-opcode-tests")
  func generatedFilesAreCurrent() throws {
    let script = Fixtures.packageRoot.appendingPathComponent("Tests/filetests/generate-opcode-tests")
    let run = try MojocProcess.tool("python3", [script.path, "--check"])
    #expect(run.status == 0, "run Tests/filetests/generate-opcode-tests and bless the outputs")
  }

  /// Rewrites the `; output:` block of the file at `url` with `output`.
  func bless(_ url: URL, text: String, output: String) throws {
    var kept = text
    if let range = text.range(of: "\n; output:\n") { kept = String(text[..<range.lowerBound]) + "\n" }
    if !kept.hasSuffix("\n") { kept += "\n" }
    var block = "; output:\n"
    for line in output.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      block += line.isEmpty ? ";\n" : "; \(line)\n"
    }
    try (kept + block).write(to: url, atomically: true, encoding: .utf8)
  }
}
