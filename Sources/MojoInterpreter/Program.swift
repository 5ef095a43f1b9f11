//! Loading for the interpreter: the modules of a program are linked by symbol (a call to a
//! declared function goes to the module that defines it, or to the runtime), each defined
//! function is translated once into a flat array of `Step`s over one register file, and the
//! modules' data objects are copied into runtime memory. Steps:
//!   1. data: every data object into memory from the runtime's allocator (8-byte aligned)
//!   2. symbols: defined functions by symbol; `mojo_main` is the entry
//!   3. callees: per module, each `FunctionRef` to a defined function, a runtime function or
//!      an unresolved symbol (an error only if the program calls it)
//!   4. code: each function's steps (`Translation.swift`)
import MojoHostedRuntime
import MojoIR

/// Why a program cannot be interpreted.
public struct InterpreterError: Error, CustomStringConvertible, Sendable, Equatable {
  public var message: String
  public var description: String { message }
}

/// What a call goes to.
enum Callee {
  /// A function of the program: an index into `Program.functions`.
  case defined(Int)
  /// A runtime function, called through the hosted runtime's call shape, with the declaration's
  /// types.
  case runtime(RuntimeFunction, parameters: [IRType], returns: IRType)
  /// A declared symbol nothing defines; calling it stops the program with a message.
  case unresolved(String)
}

/// A whole program ready to interpret.
public final class Program {
  /// The translated functions of every module.
  var functions: [TranslatedFunction] = []
  /// The global callee table that `Step.aux0` of a call indexes.
  var callees: [Callee] = []
  /// The index of `mojo_main` in `functions`.
  let entry: Int

  /// The runtime functions an interpreted program can call (the table of
  /// `Sources/MojoHostedRuntime/hosted.c`).
  public static var runtimeSymbols: [String] { RuntimeFunction.symbols }

  /// The symbol of the program's `main`.
  public static let entrySymbol = "mojo_main"

  /// Links `modules` (every module of one program) for interpretation. Data objects are copied
  /// into memory from the runtime's allocator, so loading happens once per process, right
  /// before `run` (the runtime's state is the process's).
  public init(modules: [IRModule]) throws(InterpreterError) {
    // 2. Defined functions by symbol (a local symbol is only visible in its own module).
    var exported: [String: Int] = [:]
    var firstIndex: [Int] = []
    var count = 0
    for module in modules {
      firstIndex.append(count)
      for (i, f) in module.functions.enumerated() where f.isDefined {
        if f.linkage == .exported {
          if exported[f.symbol] != nil { throw InterpreterError(message: "symbol '\(f.symbol)' is defined twice") }
          exported[f.symbol] = count + i
        }
      }
      count += module.functions.count
    }
    guard let entryGlobal = exported[Self.entrySymbol] else {
      throw InterpreterError(message: "no module defines '\(Self.entrySymbol)'")
    }
    let runtime = RuntimeFunction.table()
    // Global function slots: one per function of each module (declarations included, so a
    // module's FunctionRef maps by adding the module's first index); definitions translate.
    var slotOfGlobal = [Int](repeating: -1, count: count)
    var translatedOrder: [(module: Int, function: Int)] = []
    for (m, module) in modules.enumerated() {
      for (i, f) in module.functions.enumerated() where f.isDefined {
        slotOfGlobal[firstIndex[m] + i] = translatedOrder.count
        translatedOrder.append((m, i))
      }
    }
    entry = slotOfGlobal[entryGlobal]
    // 3. Callees, per module.
    var calleeBase: [Int] = []
    for (m, module) in modules.enumerated() {
      calleeBase.append(callees.count)
      for (i, f) in module.functions.enumerated() {
        if f.isDefined {
          callees.append(.defined(slotOfGlobal[firstIndex[m] + i]))
        } else if let g = exported[f.symbol] {
          callees.append(.defined(slotOfGlobal[g]))
        } else if let r = runtime[f.symbol], RuntimeFunction.fits(f.parameterTypes) {
          callees.append(.runtime(r, parameters: f.parameterTypes, returns: f.returnType))
        } else {
          callees.append(.unresolved(f.symbol))
        }
      }
    }
    // 1. Data objects into runtime memory, 4. code.
    var dataAddresses: [[UInt64]] = []
    for module in modules {
      dataAddresses.append(module.data.map { Self.copyIntoMemory($0) })
    }
    for (m, i) in translatedOrder {
      functions.append(TranslatedFunction(modules[m].functions[i], calleeBase: calleeBase[m],
                                          dataAddresses: dataAddresses[m]))
    }
  }

  /// A copy of `bytes` in memory that lives as long as the process.
  static func copyIntoMemory(_ bytes: [UInt8]) -> UInt64 {
    let size = max(bytes.count, 8)
    let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    memory.initializeMemory(as: UInt8.self, repeating: 0, count: size)
    if !bytes.isEmpty { bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) } }
    return UInt64(UInt(bitPattern: memory))
  }
}
