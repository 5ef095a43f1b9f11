//! The copy-and-patch backend. For one module, split into parts (`CodegenParts.swift`) that
//! run concurrently where a step allows it:
//! 1. select (parallel): every instruction becomes a stencil instance (`StencilSelector.swift`);
//!    stencil sizes are constants, so the selector sizes each instance as it appends it
//!    (dropping a trailing `jmp _CONTINUE` whose target is the code right after it) and records
//!    the offsets of blocks and functions within the part;
//! 2. lay out (serial): the parts are placed one after another, which gives every block's offset;
//! 3. copy and patch (parallel) with every branch target and function address known; calls to
//!    declared functions and the runtime, and data addresses, become ELF relocations;
//! 4. write the object with ELFKit (`.text`, `.rodata`, symbols, `.rela.text`); undefined
//!    symbols are numbered in order of first use, as a one-part build does.
import ELFKit
import MojoCodegen
import MojoIR
import MojoStencilContract

/// The copy-and-patch code generator. Immutable; every `emitObject` call owns its buffers.
public struct CopyPatchBackend: Backend {
  /// About how many instructions one part of a module's code generation takes
  /// (`CodegenParts`); the object does not depend on it.
  let instructionsPerPart: Int

  /// Makes the backend; the shared stencil library is decoded on first use. `instructionsPerPart`
  /// (nil: `CodegenParts.instructionsPerPart`) sets how finely a module is split into parts.
  public init(instructionsPerPart: Int? = nil) {
    self.instructionsPerPart = max(1, instructionsPerPart ?? CodegenParts.instructionsPerPart)
  }

  /// Compiles one verified module to a relocatable object.
  public func emitObject(for module: IRModule) throws -> ObjectFile {
    try emitObject(for: module, parallel: serialFor)
  }

  /// Compiles one verified module, its parts through `parallel`.
  public func emitObject(for module: consuming IRModule, parallel: ParallelFor) throws -> ObjectFile {
    let name = module.name
    return ObjectFile(moduleName: name, bytes: try makeObjectBytes(for: module, parallel: parallel))
  }

  /// The object bytes of `module`; the function bodies are freed once selected.
  func makeObjectBytes(for module: consuming IRModule, parallel: ParallelFor) throws -> [UInt8] {
    let library = StencilLibrary.shared
    let plan = CodegenParts(functionsOf: module, instructionsPerPart: instructionsPerPart)
    var selections = try select(module, plan: plan, library: library, parallel: parallel)
    // What follows reads only symbols, signatures and data: drop the bodies (for a caller that
    // gave its module up, this frees them).
    for k in plan.defined {
      module.functions[k].instructions = []
      module.functions[k].operands = []
      module.functions[k].valueTypes = []
    }
    var layout = try Layout(selections: selections, plan: plan)
    // Each part's selection is freed as soon as that part is copied and patched.
    let pending = PartResults<Selection>(count: selections.count)
    for p in selections.indices { pending.store(selections[p], at: p) }
    selections = []
    var writer = RelocatableObjectWriter()
    writer.rodata = layout.layOutData(module.data)
    writer.text = try layout.copyAndPatch(module: module, selections: pending, plan: plan, library: library,
                                          parallel: parallel, writer: &writer)
    for (n, k) in plan.defined.enumerated() {
      writer.symbols.append(.init(
        name: module.functions[k].symbol, binding: module.functions[k].linkage == .local ? .local : .global,
        kind: .function, placement: .text,
        value: UInt64(layout.functionStarts[n]), size: UInt64(layout.functionEnds[n] - layout.functionStarts[n])))
    }
    do { return try writer.makeObject() } catch {
      throw CodegenError("copy-and-patch: writing the object of \(module.name): \(error)")
    }
  }

  /// Selects every part. The frame slots of a function split into pieces are assigned first,
  /// once, and shared by its pieces (they fix the function's frame size too).
  private func select(_ module: IRModule, plan: CodegenParts, library: StencilLibrary,
                      parallel: ParallelFor) throws -> [Selection] {
    let shared = PartResults<FrameSlots>(count: plan.splitFunctions.count)
    parallel(plan.splitFunctions.count) { s in
      var slots = FrameSlots()
      slots.assign(module.functions[plan.defined[plan.splitFunctions[s]]])
      shared.store(slots, at: s)
    }
    let sharedSlots = shared.take()
    let results = PartResults<Result<Selection, any Error>>(count: plan.parts.count)
    parallel(plan.parts.count) { p in
      let part = plan.parts[p]
      results.store(Result {
        var selector = StencilSelector(library: library, module: module)
        // About 1.6 emissions per instruction (immediates copied to temporaries, arguments
        // of calls): reserved once, so that the 64-byte emissions are not copied while growing.
        var instructions = 0
        for n in part.functions { instructions += module.functions[plan.defined[n]].instructions.count }
        if let piece = part.instructions { instructions = piece.count }
        selector.selection.emissions.reserveCapacity(instructions * 7 / 4 + 64)
        // Functions passed through a buffer pointer: `let f = module.functions[k]` copied each.
        try module.functions.withUnsafeBufferPointer { functions in
          for n in part.functions {
            if let piece = part.instructions {
              let s = plan.splitFunctions.firstIndex(of: n)!
              try selector.select(functions[plan.defined[n]], piece: piece, frameSlots: sharedSlots[s])
            } else {
              try selector.select(functions[plan.defined[n]])
            }
          }
        }
        return selector.selection
      }, at: p)
    }
    return try results.take().map { try $0.get() }
  }
}

/// Offsets of every part, function, block and data object of one module. The selector sized
/// every emission (`Selection.size`), so laying out is a pass over parts and blocks only.
struct Layout {
  /// Text offset of each block, module-wide, function after function.
  var blockOffsets: [Int32] = []
  /// Text offset and code size of each part.
  var partStarts: [Int] = [], partSizes: [Int] = []
  var functionStarts: [Int] = []
  var functionEnds: [Int] = []
  /// `.rodata` offset of each data object.
  var dataOffsets: [Int] = []
  /// Size of `.text`.
  var textSize = 0

  /// Functions start on 16-byte boundaries.
  static let functionAlignment = 16

  /// Places the parts one after another (a part that starts a function 16-byte aligned: its
  /// functions' alignment within it does not depend on where it lands).
  init(selections: [Selection], plan: CodegenParts) throws {
    functionStarts = Array(repeating: 0, count: plan.defined.count)
    functionEnds = Array(repeating: 0, count: plan.defined.count)
    blockOffsets.reserveCapacity(plan.blockCount)
    var end = 0
    for (p, part) in plan.parts.enumerated() {
      let selection = selections[p]
      let start = part.startsFunction ? (end + Self.functionAlignment - 1) & ~(Self.functionAlignment - 1) : end
      guard start + selection.size < Int(Int32.max) else {
        throw CodegenError("copy-and-patch: the module's code exceeds 2 GiB")
      }
      partStarts.append(start)
      partSizes.append(selection.size)
      for (j, span) in selection.functionSpans.enumerated() {
        let n = part.functions.lowerBound + j
        if part.startsFunction { functionStarts[n] = start + Int(span.start) }
        functionEnds[n] = start + Int(span.end)
      }
      let base = Int32(start)
      blockOffsets.append(contentsOf: selection.blockOffsets.lazy.map { $0 + base })
      end = start + selection.size
    }
    precondition(blockOffsets.count == plan.blockCount, "copy-and-patch: every block has an offset")
    textSize = end
  }

  /// Lays out the data objects, 8-byte aligned, and returns `.rodata`.
  mutating func layOutData(_ data: [[UInt8]]) -> [UInt8] {
    var rodata: [UInt8] = []
    rodata.reserveCapacity(data.reduce(0) { $0 + $1.count + 7 })
    for object in data {
      while rodata.count % 8 != 0 { rodata.append(0) }
      dataOffsets.append(rodata.count)
      rodata.append(contentsOf: object)
    }
    return rodata
  }

  /// What one part's copy-and-patch leaves for the object: relocations whose symbol targets
  /// are indices into `externalNames` (the part's undefined symbols, in order of first use).
  struct PatchedPart {
    var relocations: [RelocatableObjectWriter.Relocation] = []
    var externalNames: [String] = []
  }

  /// Copies every stencil into `.text` and fills its holes, part by part through `parallel`;
  /// adds relocations and undefined symbols to `writer` for what the linker must resolve.
  func copyAndPatch(module: IRModule, selections: PartResults<Selection>, plan: CodegenParts, library: StencilLibrary,
                    parallel: ParallelFor, writer: inout RelocatableObjectWriter) throws -> [UInt8] {
    // Text offset of each defined function, indexed by FunctionRef.
    var functionOffset = [Int](repeating: -1, count: module.functions.count)
    for (n, k) in plan.defined.enumerated() { functionOffset[k] = functionStarts[n] }
    let results = PartResults<Result<PatchedPart, any Error>>(count: plan.parts.count)
    let layout = self
    // Every byte is written once: the parts write their code and the padding before their
    // functions (int3), this loop the padding between parts.
    let text = [UInt8](unsafeUninitializedCapacity: textSize) { buffer, initialized in
      let out = UnsafeMutableRawBufferPointer(buffer)
      var end = 0
      for (start, size) in zip(partStarts, partSizes) {
        out[end..<start].initializeMemory(as: UInt8.self, repeating: 0xCC)
        end = start + size
      }
      // Parts write disjoint ranges of `text`; its address crosses to their threads as a number.
      let address = UInt(bitPattern: out.baseAddress), count = out.count
      parallel(plan.parts.count) { [functionOffset] p in
        let out = UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(bitPattern: address), count: count)
        results.store(Result {
          try layout.copyAndPatch(part: p, module: module, selection: selections.take(at: p), plan: plan,
                                  library: library, functionOffset: functionOffset, text: out)
        }, at: p)
      }
      initialized = textSize
    }
    // Undefined symbols module-wide, one per name, in order of first use.
    var undefinedByName: [String: Int] = [:]
    var parts = try results.take().map { try $0.get() }
    writer.relocations.reserveCapacity(parts.reduce(0) { $0 + $1.relocations.count })
    for p in parts.indices {
      let part = parts[p]
      parts[p] = PatchedPart()  // freed after this iteration
      var global: [Int] = []
      global.reserveCapacity(part.externalNames.count)
      for name in part.externalNames {
        if let known = undefinedByName[name] {
          global.append(known)
        } else {
          writer.symbols.append(.init(name: name, binding: .global, kind: .none, placement: .undefined))
          undefinedByName[name] = writer.symbols.count - 1
          global.append(writer.symbols.count - 1)
        }
      }
      for var relocation in part.relocations {
        if case .symbol(let local) = relocation.target { relocation.target = .symbol(global[local]) }
        writer.relocations.append(relocation)
      }
    }
    return text
  }

  /// Copies and patches the emissions of part `p` into `out`.
  private func copyAndPatch(part p: Int, module: IRModule, selection: Selection, plan: CodegenParts,
                            library: StencilLibrary, functionOffset: [Int],
                            text out: UnsafeMutableRawBufferPointer) throws -> PatchedPart {
    var patched = PatchedPart()
    var externalSymbol = [Int](repeating: -1, count: module.functions.count)
    var trapSymbol = -1, listAtSymbol = -1
    var localByName: [String: Int] = [:]
    func undefinedSymbol(_ name: String) -> Int {
      if let known = localByName[name] { return known }
      patched.externalNames.append(name)
      localByName[name] = patched.externalNames.count - 1
      return patched.externalNames.count - 1
    }
    let part = plan.parts[p]
    let partStart = partStarts[p]
    // The loop reads the library, the selection and the layout through unsafe buffers: through
    // the arrays, every element read cost a bounds check and a reload of the array's storage.
    try library.code.withUnsafeBytes { code in
      try library.stencils.withUnsafeBufferPointer { stencils in
        try library.holes.withUnsafeBufferPointer { holes in
          try selection.emissions.withUnsafeBufferPointer { emissions in
            try selection.argumentSlots.withUnsafeBufferPointer { argumentSlots in
              try blockOffsets.withUnsafeBufferPointer { blockOffsets in
                var end = partStart  // of the previous function
                for (j, range) in selection.functionEmissions.enumerated() {
                  let blockBase = plan.functionBlockBase[part.functions.lowerBound + j]
                  let span = selection.functionSpans[j]
                  var at = partStart + Int(span.start)
                  out[end..<at].initializeMemory(as: UInt8.self, repeating: 0xCC)  // int3 before a function
                  for i in range {
                    let e = emissions[i]
                    let stencil = stencils[Int(e.stencil.rawValue)]
                    let size = Int(stencil.size) - (e.elided ? 5 : 0)
                    Self.copy(from: code.baseAddress! + Int(stencil.codeStart), to: out.baseAddress! + at, count: size)
                    for h in Int(stencil.holeStart)..<Int(stencil.holeEnd) {
                      let hole = holes[h]
                      let position = at + Int(hole.offset)
                      guard Int(hole.offset) < size else { continue }  // the dropped trailing jump
                      let value: Int64
                      switch hole.value {
                      case .slotA: value = Int64(e.slotA)
                      case .slotB: value = Int64(e.slotB)
                      case .slotC: value = Int64(e.slotC)
                      case .slotD: value = Int64(e.slotD)
                      case .immA: value = e.immA
                      case .immB: value = e.immB
                      case .immC: value = e.immC
                      case .frameSize: value = Int64(e.frameSize)
                      case .argInt0, .argInt1, .argInt2, .argInt3, .argInt4, .argInt5, .argFloat0, .argFloat1, .argFloat2,
                           .argFloat3, .argFloat4, .argFloat5, .argFloat6, .argFloat7:
                        // Argument slot k fills the hole of `ArgumentPlace(index: k)`.
                        value = Int64(argumentSlots[Int(e.arguments) + Int(hole.value.rawValue - HoleValue.argInt0.rawValue)])
                      case .continuation:
                        value = e.continuation < 0 ? Int64(at + size) : Int64(blockOffsets[blockBase + Int(e.continuation)])
                      case .jumpTarget: value = Int64(blockOffsets[blockBase + Int(e.jumpTarget)])
                      case .callee:
                        let callee = Int(e.aux)
                        if functionOffset[callee] >= 0 {
                          value = Int64(functionOffset[callee])
                        } else {
                          if externalSymbol[callee] < 0 { externalSymbol[callee] = undefinedSymbol(module.functions[callee].symbol) }
                          patched.relocations.append(.init(offset: UInt64(position), type: X86_64Relocation.plt32,
                                                           target: .symbol(externalSymbol[callee]), addend: hole.addend))
                          continue
                        }
                      case .data:
                        patched.relocations.append(.init(offset: UInt64(position), type: X86_64Relocation.pc32,
                                                         target: .section(.rodata),
                                                         addend: Int64(dataOffsets[Int(e.aux)]) + hole.addend))
                        continue
                      case .trapDivZero:
                        if trapSymbol < 0 { trapSymbol = undefinedSymbol("mojo_rt_trap_div_zero") }
                        patched.relocations.append(.init(offset: UInt64(position), type: X86_64Relocation.plt32,
                                                         target: .symbol(trapSymbol), addend: hole.addend))
                        continue
                      case .listIndexTrap:
                        if listAtSymbol < 0 { listAtSymbol = undefinedSymbol("mojo_rt_list_at") }
                        patched.relocations.append(.init(offset: UInt64(position), type: X86_64Relocation.plt32,
                                                         target: .symbol(listAtSymbol), addend: hole.addend))
                        continue
                      }
                      try patch(out, at: position, kind: hole.patch, value: value &+ hole.addend, stencil: e.stencil, library: library)
                    }
                    // The selector dropped the jump for a continuation it knew to be next.
                    guard !e.elided || e.continuation < 0 || Int(blockOffsets[blockBase + Int(e.continuation)]) == at + size else {
                      throw CodegenError("copy-and-patch: \(library.name(of: e.stencil)) does not continue with the next block")
                    }
                    at += size
                  }
                  guard at == partStart + Int(span.end) else {
                    throw CodegenError("copy-and-patch: the code of \(module.functions[plan.defined[part.functions.lowerBound + j]].symbol) has another size than selected")
                  }
                  end = at
                }
              }
            }
          }
        }
      }
    }
    return patched
  }

  /// Copies a stencil's code: up to 32 bytes with two overlapping unaligned 16- or 8-byte moves
  /// (most stencils are 5-30 bytes; a `memcpy` call for each cost more than the copy).
  @inline(__always)
  private static func copy(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
    if count >= 16 && count <= 32 {
      let head = source.loadUnaligned(as: SIMD16<UInt8>.self)
      let tail = source.loadUnaligned(fromByteOffset: count - 16, as: SIMD16<UInt8>.self)
      target.storeBytes(of: head, as: SIMD16<UInt8>.self)
      target.storeBytes(of: tail, toByteOffset: count - 16, as: SIMD16<UInt8>.self)
    } else if count >= 8 && count < 16 {
      let head = source.loadUnaligned(as: UInt64.self)
      let tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      target.storeBytes(of: head, as: UInt64.self)
      target.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
    } else {
      target.copyMemory(from: source, byteCount: count)
    }
  }

  /// Writes one patched field, checking that the value fits.
  @inline(__always)
  private func patch(_ out: UnsafeMutableRawBufferPointer, at position: Int, kind: PatchKind, value: Int64,
                     stencil: StencilID, library: StencilLibrary) throws {
    switch kind {
    case .abs64:
      out.storeBytes(of: UInt64(bitPattern: value).littleEndian, toByteOffset: position, as: UInt64.self)
    case .abs32:
      guard value >= 0 && value <= Int64(UInt32.max) else { throw outOfRange(stencil, library) }
      out.storeBytes(of: UInt32(value).littleEndian, toByteOffset: position, as: UInt32.self)
    case .abs32s:
      guard let v = Int32(exactly: value) else { throw outOfRange(stencil, library) }
      out.storeBytes(of: v.littleEndian, toByteOffset: position, as: Int32.self)
    case .rel32:
      guard let v = Int32(exactly: value - Int64(position)) else { throw outOfRange(stencil, library) }
      out.storeBytes(of: v.littleEndian, toByteOffset: position, as: Int32.self)
    }
  }

  private func outOfRange(_ stencil: StencilID, _ library: StencilLibrary) -> CodegenError {
    CodegenError("copy-and-patch: a hole of \(library.name(of: stencil)) does not fit its field")
  }
}
