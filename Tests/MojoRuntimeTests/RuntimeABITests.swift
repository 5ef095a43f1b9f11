//! The runtime's ABI is declared once, in `Sources/MojoRuntime/C/mojo_runtime.h`; every other
//! declaration of a runtime function (the lowering's `("mojo_rt_x", [parameter types], result)`
//! tuples, the LLVM backend's trap declaration, the stencils' calls) is checked against it here,
//! through the header's own mapping: i64 -> int64_t, f64 -> double, ptr -> any pointer, void.
import Foundation
import Testing
import TestSupport

@Suite struct RuntimeABITests {
  /// One function's IR signature, spelled as in the lowering: parameter types, then the result.
  struct Signature: Equatable, CustomStringConvertible {
    var parameters: [String]
    var result: String
    var description: String { "(\(parameters.joined(separator: ", "))) -> \(result)" }
  }

  /// The IR type of a C type of the header, or nil for one the ABI does not allow.
  static func irType(_ c: String) -> String? {
    let type = c.replacingOccurrences(of: "const ", with: "").replacingOccurrences(of: "_Noreturn ", with: "")
      .trimmingCharacters(in: .whitespaces)
    if type.contains("*") { return "ptr" }
    switch type {
    case "int64_t": return "i64"
    case "double": return "f64"
    case "void": return "void"
    default: return nil
    }
  }

  /// Every `mojo_rt_*` prototype of the header, by name.
  static func headerSignatures() throws -> [String: Signature] {
    let url = Fixtures.packageRoot.appendingPathComponent("Sources/MojoRuntime/C/mojo_runtime.h")
    // Comments out, declarations joined onto one line each.
    let text = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }
      .joined(separator: " ")
    var signatures: [String: Signature] = [:]
    let declaration = try Regex(#"([A-Za-z_][A-Za-z0-9_ ]*?\**)\s*\b(mojo_rt_[a-z0-9_]+)\s*\(([^)]*)\)\s*;"#)
    for match in text.matches(of: declaration) {
      let returnType = String(match.output[1].substring ?? "")
      let name = String(match.output[2].substring ?? "")
      let list = String(match.output[3].substring ?? "").trimmingCharacters(in: .whitespaces)
      var parameters: [String] = []
      if list != "void" {
        for parameter in list.split(separator: ",") {
          // Drop the parameter name: the last identifier, after the type (and its stars).
          var words = parameter.trimmingCharacters(in: .whitespaces)
          while let last = words.last, last.isLetter || last.isNumber || last == "_" { words.removeLast() }
          guard let type = irType(words) else { Issue.record("\(name): C type '\(words)' has no IR type"); continue }
          parameters.append(type)
        }
      }
      guard let result = irType(returnType) else { Issue.record("\(name): C type '\(returnType)' has no IR type"); continue }
      signatures[name] = Signature(parameters: parameters, result: result)
    }
    return signatures
  }

  @Test func loweringDeclaresRuntimeFunctionsAsTheHeaderDoes() throws {
    let header = try Self.headerSignatures()
    #expect(header.count > 50)
    #expect(header["mojo_rt_list_at"] == Signature(parameters: ["ptr", "i64", "i64", "ptr"], result: "ptr"))
    let lowering = Fixtures.packageRoot.appendingPathComponent("Sources/MojoLowering")
    let tuple = try Regex(#"\(\s*"(mojo_rt_[a-z0-9_]+)"\s*,\s*\[([^\]]*)\](?:\(\))?\s*,\s*IRType\.([a-z0-9]+)\s*\)"#)
    var checked = 0
    for file in try FileManager.default.contentsOfDirectory(atPath: lowering.path).sorted() where file.hasSuffix(".swift") {
      let source = try String(contentsOf: lowering.appendingPathComponent(file), encoding: .utf8)
      for match in source.matches(of: tuple) {
        let name = String(match.output[1].substring ?? "")
        let parameters = (match.output[2].substring ?? "").split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "IRType", with: "")
            .replacingOccurrences(of: ".", with: "")
        }.filter { !$0.isEmpty }
        let declared = Signature(parameters: parameters, result: String(match.output[3].substring ?? ""))
        checked += 1
        guard let expected = header[name] else {
          Issue.record("\(file): \(name) is not declared in mojo_runtime.h")
          continue
        }
        #expect(declared == expected, "\(file): \(name) is \(declared) in the lowering, \(expected) in mojo_runtime.h")
      }
    }
    #expect(checked > 50, "the lowering's runtime declarations were not found")
  }

  /// The runtime functions the stencils call on their own (traps) are declared there as the
  /// header declares them (`extern ... mojo_rt_x(...)`, or another name with
  /// `__asm__("mojo_rt_x")`); a `_Noreturn` declaration may give any result type.
  @Test func stencilsDeclareRuntimeFunctionsAsTheHeaderDoes() throws {
    let header = try Self.headerSignatures()
    let stencils = Fixtures.packageRoot.appendingPathComponent("Sources/MojoCopyPatch/Stencils")
    let declaration = try Regex(
      #"extern\s+([A-Za-z_][A-Za-z0-9_ ]*?\**)\s*\b([a-z_][a-z0-9_]*)\s*\(([^)]*)\)\s*(?:__asm__\("(mojo_rt_[a-z0-9_]+)"\))?\s*;"#)
    var checked = 0
    for file in try FileManager.default.contentsOfDirectory(atPath: stencils.path).sorted()
    where file.hasSuffix(".c") || file.hasSuffix(".h") {
      let source = try String(contentsOf: stencils.appendingPathComponent(file), encoding: .utf8)
        .replacingOccurrences(of: "i64", with: "int64_t")
      for match in source.matches(of: declaration) {
        let name = String(match.output[4].substring ?? match.output[2].substring ?? "")
        guard name.hasPrefix("mojo_rt_") else { continue }
        let list = String(match.output[3].substring ?? "").trimmingCharacters(in: .whitespaces)
        var parameters: [String] = []
        if list != "void" {
          for parameter in list.split(separator: ",") {
            var words = parameter.trimmingCharacters(in: .whitespaces)
            while let last = words.last, last.isLetter || last.isNumber || last == "_" { words.removeLast() }
            parameters.append(Self.irType(words) ?? "'\(words)'")
          }
        }
        let returnType = String(match.output[1].substring ?? "")
        var declared = Signature(parameters: parameters, result: Self.irType(returnType) ?? "?")
        // A call that does not return (the trap path) may declare any result.
        if returnType.contains("_Noreturn"), let expected = header[name] { declared.result = expected.result }
        checked += 1
        #expect(declared == header[name], "\(file): \(name) is \(declared) there, \(header[name].map { "\($0)" } ?? "missing") in mojo_runtime.h")
      }
    }
    #expect(checked >= 2, "the stencils' runtime declarations were not found")
  }
}
