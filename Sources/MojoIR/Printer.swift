//! The text form of the IR (`mojoc build --emit ir`). This is the only place IR becomes text.

/// Renders modules as text.
public enum Printer {
  /// The text of a whole module.
  public static func print(_ module: IRModule) -> String {
    var out = "module \"\(module.name)\"\n"
    for (i, bytes) in module.data.enumerated() {
      out += "data $d\(i) = \"\(escape(bytes))\"\n"
    }
    for (i, f) in module.functions.enumerated() {
      let params = f.parameterTypes.enumerated().map { f.isDefined ? "%\($0.offset): \($0.element)" : "\($0.element)" }
      let signature = "@f\(i) \(f.symbol)(\(params.joined(separator: ", "))) -> \(f.returnType)"
      guard f.isDefined else {
        out += "declare \(signature)\n"
        continue
      }
      out += "\ndefine \(f.linkage == .exported ? "export " : "")\(signature) {\n"
      for (b, range) in f.blocks.enumerated() {
        out += "bb\(b):\n"
        for inst in f.instructions[range] { out += "  " + text(of: inst, in: f) + "\n" }
      }
      out += "}\n"
    }
    return out
  }

  /// The text of one instruction, e.g. `%3:i64 = iadd %1, 2`.
  public static func text(of inst: Instruction, in f: IRFunction) -> String {
    let ops = f.operands(of: inst).map(\.description)
    var s = inst.result.exists ? "\(inst.result):\(inst.type) = " : ""
    s += inst.opcode.name
    switch inst.opcode {
    case .store: s += ":\(inst.type) " + ops.joined(separator: ", ")
    case .addr: s += " \(inst.data)"
    case .call: s += " \(inst.callee)(" + ops.joined(separator: ", ") + ")"
    case .br: s += " \(inst.target)"
    case .condbr: s += " \(ops[0]), \(inst.target), \(inst.elseTarget)"
    default: if !ops.isEmpty { s += " " + ops.joined(separator: ", ") }
    }
    return s
  }

  private static func escape(_ bytes: [UInt8]) -> String {
    var s = ""
    for b in bytes {
      switch b {
      case UInt8(ascii: "\""): s += "\\\""
      case UInt8(ascii: "\\"): s += "\\\\"
      case 0x20..<0x7f: s.unicodeScalars.append(Unicode.Scalar(b))
      default:
        let hex = String(b, radix: 16)
        s += "\\x" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return s
  }
}
