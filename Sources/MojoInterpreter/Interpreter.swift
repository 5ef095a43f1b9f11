//! The IR interpreter: the reference semantics of every opcode (`MojoIR/Opcode.swift`), run
//! over the steps of `Translation.swift` with one register file per call, and the runtime's
//! behaviour by calling the runtime itself (`RuntimeFunction.swift`). A value is 64 bits: an
//! `i1` is 0 or 1, an `f64` its bit pattern, a `ptr` an address of this process. Calls recurse
//! on the runtime's guarded program stack, so a program that recurses without end gets the
//! runtime's "stack overflow" trap, as a built program does.
import MojoHostedRuntime
import MojoIR

extension Program {
  /// Runs `main` to its end and returns 0; standard output is flushed. A trap, an uncaught
  /// error or a call the interpreter cannot make ends the process with the runtime's message and
  /// status, as the built program would end. Run one program per process.
  public func run() -> Int32 {
    let context = Unmanaged.passUnretained(self).toOpaque()
    return Int32(truncatingIfNeeded: mojo_hosted_run({ context in
      let program = Unmanaged<Program>.fromOpaque(context!).takeUnretainedValue()
      var none: [UInt64] = []
      none.withUnsafeMutableBufferPointer { _ = program.execute(program.entry, caller: $0, arguments: [][...]) }
    }, context))
  }

  /// Executes function `index` with arguments read from `caller` at `arguments`; returns the
  /// returned bits (0 for void).
  func execute(_ index: Int, caller: UnsafeMutableBufferPointer<UInt64>, arguments: ArraySlice<Int32>) -> UInt64 {
    let f = functions[index]
    var registers = f.initialRegisters
    var k = 0
    for slot in arguments {
      registers[k] = caller[Int(slot)]
      k += 1
    }
    return registers.withUnsafeMutableBufferPointer { r in
      f.steps.withUnsafeBufferPointer { steps in
        var pc = 0
        while true {
          let s = steps[pc]
          pc += 1
          switch s.opcode {
          case .copy: r[Int(s.result)] = r[Int(s.a)]
          case .br: pc = Int(s.aux0)
          case .condbr: pc = Int(r[Int(s.a)] & 1 != 0 ? s.aux0 : s.aux1)
          case .ret: return s.a >= 0 ? r[Int(s.a)] : 0
          case .unreachable: mojo_hosted_trap("unreachable code reached in \(f.symbol)")
          case .call:
            let arguments = f.arguments[Int(s.a)..<Int(s.a + s.b)]
            let result = call(Int(s.aux0), registers: r, arguments: arguments)
            if s.result >= 0 { r[Int(s.result)] = result }
          case .load:
            let address = UnsafeRawPointer(bitPattern: UInt(r[Int(s.a)] &+ r[Int(s.b)]))!
            r[Int(s.result)] = s.type == .i1 ? UInt64(address.load(as: UInt8.self) & 1) : address.loadUnaligned(as: UInt64.self)
          case .store:
            let address = UnsafeMutableRawPointer(bitPattern: UInt(r[Int(s.a)] &+ r[Int(s.b)]))!
            if s.type == .i1 {
              address.storeBytes(of: UInt8(truncatingIfNeeded: r[Int(s.c)]), as: UInt8.self)
            } else {
              address.storeBytes(of: r[Int(s.c)], toByteOffset: 0, as: UInt64.self)
            }
          default:
            r[Int(s.result)] = Self.evaluate(s.opcode, r[Int(s.a)], s.b >= 0 ? r[Int(s.b)] : 0)
          }
        }
      }
    }
  }

  /// Makes the call to global callee `callee`.
  func call(_ callee: Int, registers: UnsafeMutableBufferPointer<UInt64>, arguments: ArraySlice<Int32>) -> UInt64 {
    switch callees[callee] {
    case .defined(let index):
      return execute(index, caller: registers, arguments: arguments)
    case .runtime(let function, let parameters, let returns):
      return function.call(parameterTypes: parameters, returnType: returns, registers: registers, argumentSlots: arguments)
    case .unresolved(let symbol):
      mojo_hosted_trap(symbol.hasPrefix("mojo_rt_")
        ? "runtime function '\(symbol)' is not supported by the interpreter (add it to Sources/MojoHostedRuntime/hosted.c)"
        : "undefined symbol '\(symbol)'")
    }
  }
}
