//! Calls from interpreted code into the runtime: the hosted runtime (Sources/MojoHostedRuntime)
//! lists its functions by symbol, and one call shape fits them all (integers and pointers in the
//! first six integer registers, Float64 values in the first eight vector registers). A runtime
//! function the hosted table does not list stays unresolved: calling it stops the program with
//! "not supported by the interpreter", naming the line to add in `hosted.c`.
import MojoHostedRuntime
import MojoIR

/// A runtime function an interpreted program calls.
struct RuntimeFunction {
  let symbol: String
  let address: UnsafeRawPointer

  /// Integer arguments the call shape passes.
  static let integerArguments = 6
  /// Float64 arguments the call shape passes.
  static let floatArguments = 8

  /// The hosted runtime's functions by symbol.
  static func table() -> [String: RuntimeFunction] {
    var table: [String: RuntimeFunction] = [:]
    for i in 0..<mojo_hosted_function_count() {
      let symbol = String(cString: mojo_hosted_function_name(i))
      table[symbol] = RuntimeFunction(symbol: symbol, address: mojo_hosted_function_address(i))
    }
    return table
  }

  /// The symbols of every runtime function the interpreter can call.
  static var symbols: [String] { (0..<mojo_hosted_function_count()).map { String(cString: mojo_hosted_function_name($0)) } }

  /// Calls the function with `parameterTypes` arguments read from `registers` at `argumentSlots`;
  /// returns its result as register bits (0 for void).
  func call(parameterTypes: [IRType], returnType: IRType, registers: UnsafeMutableBufferPointer<UInt64>,
            argumentSlots: ArraySlice<Int32>) -> UInt64 {
    var ints: (Int64, Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0, 0)
    var floats: (Double, Double, Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0, 0, 0)
    return withUnsafeMutableBytes(of: &ints) { intBytes in
      withUnsafeMutableBytes(of: &floats) { floatBytes in
        let i = intBytes.bindMemory(to: Int64.self), f = floatBytes.bindMemory(to: Double.self)
        var ni = 0, nf = 0
        for (type, slot) in zip(parameterTypes, argumentSlots) {
          let bits = registers[Int(slot)]
          if type == .f64 {
            f[nf] = Double(bitPattern: bits)
            nf += 1
          } else {
            i[ni] = Int64(bitPattern: bits)
            ni += 1
          }
        }
        if returnType == .f64 {
          return mojo_hosted_call_float(address, i.baseAddress, f.baseAddress).bitPattern
        }
        let result = mojo_hosted_call_int(address, i.baseAddress, f.baseAddress)
        return returnType == .i1 ? UInt64(result & 1) : UInt64(bitPattern: result)
      }
    }
  }

  /// True when a function of these parameter types fits the call shape.
  static func fits(_ parameterTypes: [IRType]) -> Bool {
    parameterTypes.filter { $0 == .f64 }.count <= floatArguments
      && parameterTypes.filter { $0 != .f64 }.count <= integerArguments
  }
}
