//! The typed stencil contract (MojoStencilContract): dense key indices that decode to the same
//! key, one name per well-formed key, and hole symbols mapped by one rule.
import MojoIR
import MojoStencilContract
import Testing

@Test func keyIndicesRoundTrip() {
  #expect(StencilKey.radixesMatchEnums)
  var decoded = 0, opcodeGaps = 0
  for index in 0..<StencilKey.count {
    guard let key = StencilKey(index: index) else { opcodeGaps += 1; continue }
    #expect(key.index == index, "\(key.name)")
    decoded += 1
  }
  // Every index decodes except those of the opcode digits no opcode has (the digit's radix is
  // a constant above the opcode count).
  let unusedOpcodes = 64 - Opcode.allCases.count
  #expect(opcodeGaps == unusedOpcodes * (7 * 2 + 4 + 7 * 4))
  #expect(decoded == StencilKey.count - opcodeGaps)
  #expect(StencilKey(index: StencilKey.count) == nil && StencilKey(index: -1) == nil)
  #expect(StencilKey.call(ints: 7, floats: 0, registerArgument: nil, result: .int, resultInRegister: false).index == nil)
}

@Test func wellFormedKeysHaveDistinctNames() {
  var seen: [String: StencilKey] = [:]
  for key in StencilKey.allWellFormed {
    if let other = seen.updateValue(key, forKey: key.name) { Issue.record("\(key) and \(other) are both named \(key.name)") }
  }
  // Spot checks of the grammar the C stencils are named by.
  #expect(StencilKey.binary(.iadd, .slotImm, resultInRegister: true).name == "iadd_si_r")
  #expect(StencilKey.compareBranch(.ilt, .registerImm, inverted: true, storesFlag: false).name == "condbr_not_ilt_ri_n")
  #expect(StencilKey.call(ints: 2, floats: 1, registerArgument: .float(0), result: .float, resultInRegister: true).name
            == "call_2_1_x0_f_r")
  #expect(StencilKey.store(.byte, address: .register, value: .imm).name == "store1_ri")
  #expect(StencilKey.load(.float, addressInRegister: false, resultInRegister: true).name == "loadf_s_r")
  #expect(StencilKey.listAt(.eight, .slotSlot, resultInRegister: false).name == "list_at8_ss")
  #expect(StencilKey.ret(.floatImm).name == "ret_i_f")
}

@Test func holeSymbolsMapToHoleValues() {
  #expect(HoleValue(symbol: "_DISP_B") == .immB && HoleValue(symbol: "_IMM_A32") == .immA)
  #expect(HoleValue(symbol: "_ARG_F7") == .argFloat7 && HoleValue(symbol: "_ARG_I5") == .argInt5)
  #expect(HoleValue(symbol: "_ARG_I6") == nil && HoleValue(symbol: "memcpy") == nil)
  for index in 0..<ArgumentPlace.count {
    let place = ArgumentPlace(index: index)
    #expect(place.holeValue.argumentPlace == place)
    #expect(HoleValue(symbol: place.isFloat ? "_ARG_F\(place.number)" : "_ARG_I\(place.number)") == place.holeValue)
  }
  // R_X86_64_64 = 1, PC32 = 2, PLT32 = 4, 32 = 10, 32S = 11.
  #expect(HoleValue.immC.patchKind(relocationType: 11) == nil && HoleValue.immC.patchKind(relocationType: 1) == .abs64)
  #expect(HoleValue.slotA.patchKind(relocationType: 11) == .abs32s && HoleValue.slotA.patchKind(relocationType: 1) == nil)
  #expect(HoleValue.data.patchKind(relocationType: 2) == .rel32 && HoleValue.data.patchKind(relocationType: 4) == nil)
}
