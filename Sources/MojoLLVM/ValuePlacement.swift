//! Decides where each IR value lives during translation. IR values are virtual registers that may
//! be assigned several times, so the simple, always-correct home is a stack slot (`alloca` in the
//! entry block, a store per definition, a load per use); LLVM's mem2reg/SROA in the `default<On>`
//! pipelines turn the slots back into SSA at -O1 and above.
//!
//! At -O0 nothing cleans the slots up, so values that are obviously SSA already skip them: a
//! parameter that is never reassigned, and a value defined once whose every use comes later in
//! the same block (most expression temporaries). Everything else gets a slot. The check is one
//! linear pass with no dominator tree, so it costs nothing next to LLVM's own work.

import MojoIR

/// Which values of one function need a stack slot; the others map to one LLVM SSA value each.
struct ValuePlacement {
  /// Indexed by `ValueID.index`: true when the value lives in an `alloca`.
  let needsSlot: [Bool]

  /// Analyses `function`'s definitions and uses.
  init(_ function: IRFunction) {
    let count = function.valueTypes.count
    // Definitions saturate at 2: "more than one" is all that matters.
    var definitions = [UInt8](repeating: 0, count: count)
    var definingBlock = [Int32](repeating: -1, count: count)  // -1 for parameters
    var definingIndex = [Int32](repeating: -1, count: count)
    for parameter in 0..<function.parameterTypes.count { definitions[parameter] = 1 }
    for (block, range) in function.blocks.enumerated() {
      for index in range {
        let result = function.instructions[index].result
        guard result.exists else { continue }
        let value = Int(result.index)
        if definitions[value] < 2 { definitions[value] += 1 }
        definingBlock[value] = Int32(block)
        definingIndex[value] = Int32(index)
      }
    }
    var needsSlot = definitions.map { $0 > 1 }
    for (block, range) in function.blocks.enumerated() {
      for index in range {
        for operand in function.operands(of: function.instructions[index]) {
          guard case .value(let used) = operand else { continue }
          let value = Int(used.index)
          if definitions[value] == 0 {
            needsSlot[value] = true  // read before any write: the slot gives LLVM an undefined load
          } else if definingBlock[value] >= 0
                      && (definingBlock[value] != Int32(block) || definingIndex[value] >= Int32(index)) {
            needsSlot[value] = true  // the definition may not dominate this use
          }
        }
      }
    }
    self.needsSlot = needsSlot
  }
}
