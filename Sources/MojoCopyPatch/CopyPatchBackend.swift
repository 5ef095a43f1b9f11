//! The copy-and-patch backend. For one module, split into parts (`CodegenParts.swift`) that
//! run concurrently where a step allows it:
//! 1. select (parallel): every instruction becomes a stencil instance (`StencilSelector.swift`),
//!    copied into the part's code and patched at once (dropping a trailing `jmp _CONTINUE` whose
//!    target is the code right after it); branch targets and defined callees are left as fixups,
//!    calls to declared functions and the runtime, and data addresses, as ELF relocations
//!    (`Selection.swift`); the offsets of blocks and functions within the part are recorded;
//! 2. lay out (serial): the parts are placed one after another, which gives every block's offset;
//! 3. collect the parts' relocations and undefined symbols (numbered in order of first use, as a
//!    one-part build does);
//! 4. write the object with ELFKit (`.text`, `.rodata`, symbols, `.rela.text`), whose `.text`
//!    each part fills in place (parallel): its code copied, its fixups applied.
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
    let (rodata, dataOffsets) = Layout.layOutData(module.data)
    var selections = try select(module, plan: plan, library: library, dataOffsets: dataOffsets, parallel: parallel)
    // What follows reads only symbols, signatures and data: drop the bodies (for a caller that
    // gave its module up, this frees them).
    for k in plan.defined {
      module.functions[k].instructions = []
      module.functions[k].operands = []
      module.functions[k].valueTypes = []
    }
    let layout = try Layout(selections: selections, plan: plan)
    // Each part's selection is freed as soon as that part is copied and patched.
    let pending = PartResults<Selection>(count: selections.count)
    for p in selections.indices { pending.store(selections[p], at: p) }
    selections = []
    var writer = RelocatableObjectWriter()
    writer.rodata = rodata
    layout.addRelocations(of: pending, to: &writer)
    for (n, k) in plan.defined.enumerated() {
      writer.symbols.append(.init(
        name: module.functions[k].symbol, binding: module.functions[k].linkage == .local ? .local : .global,
        kind: .function, placement: .text,
        value: UInt64(layout.functionStarts[n]), size: UInt64(layout.functionEnds[n] - layout.functionStarts[n])))
    }
    // Errors of copy-and-patch are codegen errors already; others come from writing the object.
    do {
      return try writer.makeObject(textSize: layout.textSize) { text in
        try layout.copyAndPatch(module: module, selections: pending, plan: plan, parallel: parallel, text: text)
      }
    } catch let error as CodegenError {
      throw error
    } catch {
      throw CodegenError("copy-and-patch: writing the object of \(module.name): \(error)")
    }
  }

  /// Selects every part. The frame slots of a function split into pieces are assigned first,
  /// once, and shared by its pieces (they fix the function's frame size too).
  private func select(_ module: IRModule, plan: CodegenParts, library: StencilLibrary, dataOffsets: [Int],
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
        var selector = StencilSelector(library: library, module: module, dataOffsets: dataOffsets)
        // About 17 bytes of code per instruction: reserved once, so that the code is not
        // copied while growing.
        var instructions = 0
        for n in part.functions { instructions += module.functions[plan.defined[n]].instructions.count }
        if let piece = part.instructions { instructions = piece.count }
        selector.selection.code.reserve(instructions * 20 + 64)
        selector.selection.fixups.reserveCapacity(instructions / 2 + 16)  // about 1 per 3 instructions
        // Functions passed through a buffer pointer: `let f = module.functions[k]` copied each.
        try module.functions.withUnsafeBufferPointer { functions in
          for n in part.functions {
            if let piece = part.instructions {
              let s = plan.splitFunctions.firstIndex(of: n)!
              try selector.select(functions[plan.defined[n]], blockBase: plan.functionBlockBase[n], piece: piece,
                                  frameSlots: sharedSlots[s])
            } else {
              try selector.select(functions[plan.defined[n]], blockBase: plan.functionBlockBase[n])
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
      // A plain loop: `append(contentsOf:)` of a lazy map went through the generic slow path.
      for offset in selection.blockOffsets { blockOffsets.append(offset &+ base) }
      end = start + selection.size
    }
    precondition(blockOffsets.count == plan.blockCount, "copy-and-patch: every block has an offset")
    textSize = end
  }

  /// Lays out the data objects, 8-byte aligned: `.rodata` and the offset of each object.
  static func layOutData(_ data: [[UInt8]]) -> (rodata: [UInt8], offsets: [Int]) {
    var rodata: [UInt8] = [], offsets: [Int] = []
    rodata.reserveCapacity(data.reduce(0) { $0 + $1.count + 7 })
    offsets.reserveCapacity(data.count)
    for object in data {
      while rodata.count % 8 != 0 { rodata.append(0) }
      offsets.append(rodata.count)
      rodata.append(contentsOf: object)
    }
    return (rodata, offsets)
  }

  /// Adds the parts' relocations (at text offsets) and undefined symbols (module-wide, one per
  /// name, in order of first use) to `writer`, for what the linker must resolve.
  func addRelocations(of selections: PartResults<Selection>, to writer: inout RelocatableObjectWriter) {
    var undefinedByName: [String: Int] = [:]
    writer.relocations.reserveCapacity((0..<partStarts.count).reduce(0) { $0 + selections[$1].relocations.count })
    for p in partStarts.indices {
      let part = selections[p]
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
      let partStart = UInt64(partStarts[p])
      for var relocation in part.relocations {
        if case .symbol(let local) = relocation.target { relocation.target = .symbol(global[local]) }
        relocation.offset += partStart
        writer.relocations.append(relocation)
      }
    }
  }

  /// Writes `.text` (`text`, `textSize` bytes): every part's code, with its fixups applied, part
  /// by part through `parallel`; each part's selection is freed once it is copied.
  func copyAndPatch(module: IRModule, selections: PartResults<Selection>, plan: CodegenParts,
                    parallel: ParallelFor, text out: UnsafeMutableRawBufferPointer) throws {
    // Text offset of each defined function, indexed by FunctionRef.
    var functionOffset = [Int](repeating: -1, count: module.functions.count)
    for (n, k) in plan.defined.enumerated() { functionOffset[k] = functionStarts[n] }
    let results = PartResults<(any Error)?>(count: plan.parts.count)
    let layout = self
    // Every byte is written once: the parts copy their code (with the padding before their
    // functions, int3), this loop writes the padding between parts.
    var end = 0
    for (start, size) in zip(partStarts, partSizes) {
      out[end..<start].initializeMemory(as: UInt8.self, repeating: 0xCC)
      end = start + size
    }
    // Parts write disjoint ranges of `text`; its address crosses to their threads as a number.
    let address = UInt(bitPattern: out.baseAddress), count = out.count
    parallel(plan.parts.count) { [functionOffset] p in
      let out = UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(bitPattern: address), count: count)
      do {
        try layout.copyAndPatch(part: p, selection: selections.take(at: p), functionOffset: functionOffset, text: out)
        results.store(nil, at: p)
      } catch {
        results.store(error, at: p)
      }
    }
    for error in results.take() { if let error { throw error } }
  }

  /// Copies the code of part `p` into `out` and applies its fixups.
  private func copyAndPatch(part p: Int, selection: Selection, functionOffset: [Int],
                            text out: UnsafeMutableRawBufferPointer) throws {
    let partStart = partStarts[p]
    let base = out.baseAddress!
    selection.code.withUnsafeBytes { code in
      if code.count > 0 { (base + partStart).copyMemory(from: code.baseAddress!, byteCount: code.count) }
    }
    try selection.fixups.withUnsafeBufferPointer { fixups in
      try blockOffsets.withUnsafeBufferPointer { blockOffsets in
        for fixup in fixups {
          let position = partStart + Int(fixup.position)
          let value: Int64
          switch fixup.target {
          case .block: value = Int64(blockOffsets[Int(fixup.index)])
          case .function: value = Int64(functionOffset[Int(fixup.index)])
          case .code: value = Int64(partStart + Int(fixup.index))
          case .check:
            // The selector dropped a jump for a continuation it knew to be next.
            guard Int(blockOffsets[Int(fixup.index)]) == position else {
              throw CodegenError("copy-and-patch: a dropped jump does not continue with the next block")
            }
            continue
          }
          guard Self.patch(base, at: position, kind: fixup.patch, value: value &+ fixup.addend) else {
            throw CodegenError("copy-and-patch: a branch or call does not reach its target")
          }
        }
      }
    }
  }

  /// Writes one patched field at `position` of `base`; false when the value does not fit it.
  @inline(__always)
  static func patch(_ base: UnsafeMutableRawPointer, at position: Int, kind: PatchKind, value: Int64) -> Bool {
    switch kind {
    case .abs64:
      base.storeBytes(of: UInt64(bitPattern: value).littleEndian, toByteOffset: position, as: UInt64.self)
    case .abs32:
      guard value >= 0 && value <= Int64(UInt32.max) else { return false }
      base.storeBytes(of: UInt32(value).littleEndian, toByteOffset: position, as: UInt32.self)
    case .abs32s:
      guard let v = Int32(exactly: value) else { return false }
      base.storeBytes(of: v.littleEndian, toByteOffset: position, as: Int32.self)
    case .rel32:
      guard let v = Int32(exactly: value - Int64(position)) else { return false }
      base.storeBytes(of: v.littleEndian, toByteOffset: position, as: Int32.self)
    }
    return true
  }
}
