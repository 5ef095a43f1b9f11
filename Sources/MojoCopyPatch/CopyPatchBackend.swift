//! The copy-and-patch backend. For one module:
//! 1. select: every instruction becomes a stencil instance (`StencilSelector.swift`);
//! 2. lay out: stencil sizes are constants, so one pass gives every instance's offset, dropping
//!    a trailing `jmp _CONTINUE` whose target is the instance right after it;
//! 3. copy and patch in one pass with every branch target and function address known; calls to
//!    declared functions and the runtime, and data addresses, become ELF relocations;
//! 4. write the object with ELFKit (`.text`, `.rodata`, symbols, `.rela.text`).
import ELFKit
import MojoCodegen
import MojoIR

/// The copy-and-patch code generator. Immutable; every `emitObject` call owns its buffers.
public struct CopyPatchBackend: Backend {
  /// Makes the backend; the shared stencil library is decoded on first use.
  public init() {}

  /// Compiles one verified module to a relocatable object.
  public func emitObject(for module: IRModule) throws -> ObjectFile {
    ObjectFile(moduleName: module.name, bytes: try makeObjectBytes(for: module))
  }

  /// The object bytes of `module`.
  func makeObjectBytes(for module: IRModule) throws -> [UInt8] {
    let library = StencilLibrary.shared
    var selector = StencilSelector(library: library, module: module)
    var defined: [Int] = []
    for (k, f) in module.functions.enumerated() where f.isDefined {
      try selector.select(f)
      defined.append(k)
    }
    let selection = selector.selection
    var layout = Layout(selection: selection, library: library)
    var writer = RelocatableObjectWriter()
    writer.rodata = layout.layOutData(module.data)
    writer.text = try layout.copyAndPatch(module: module, selection: selection, library: library,
                                          definedFunctions: defined, writer: &writer)
    for (n, k) in defined.enumerated() {
      let f = module.functions[k]
      writer.symbols.append(.init(
        name: f.symbol, binding: f.linkage == .local ? .local : .global, kind: .function, placement: .text,
        value: UInt64(layout.functionStarts[n]), size: UInt64(layout.functionEnds[n] - layout.functionStarts[n])))
    }
    do { return try writer.makeObject() } catch {
      throw CodegenError("copy-and-patch: writing the object of \(module.name): \(error)")
    }
  }
}

/// Offsets of every emission, function and data object of one module.
struct Layout {
  /// Text offset of each emission; one extra entry holds the end.
  var offsets: [Int32] = []
  /// Emitted size of each emission (its stencil size, minus an elided trailing jump).
  var sizes: [Int32] = []
  /// The resolved `_CONTINUE` target of each emission (an emission index), or -1.
  var continuations: [Int32] = []
  var functionStarts: [Int] = []
  var functionEnds: [Int] = []
  /// `.rodata` offset of each data object.
  var dataOffsets: [Int] = []
  /// Size of `.text`.
  var textSize = 0

  /// Functions start on 16-byte boundaries.
  static let functionAlignment = 16

  /// Computes the layout of the selected code.
  init(selection: Selection, library: StencilLibrary) {
    let count = selection.emissions.count
    offsets = [Int32](repeating: 0, count: count + 1)
    sizes = [Int32](repeating: 0, count: count)
    continuations = [Int32](repeating: -1, count: count)
    var offset = 0
    for (n, range) in selection.functionEmissions.enumerated() {
      offset = (offset + Self.functionAlignment - 1) & ~(Self.functionAlignment - 1)
      functionStarts.append(offset)
      let blockBase = selection.functionBlockBase[n]
      for i in range {
        let e = selection.emissions[i]
        let stencil = library.stencils[Int(e.stencil)]
        let next = e.continuation < 0 ? Int32(i + 1) : selection.allBlockStarts[blockBase + Int(e.continuation)]
        continuations[i] = next
        var size = stencil.size
        if stencil.hasTrailingJump && next == Int32(i + 1) { size -= 5 }
        offsets[i] = Int32(offset)
        sizes[i] = size
        offset += Int(size)
      }
      functionEnds.append(offset)
    }
    offsets[count] = Int32(offset)
    textSize = offset
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

  /// Copies every stencil into `.text` and fills its holes; adds relocations and undefined
  /// symbols to `writer` for what the linker must resolve.
  func copyAndPatch(module: IRModule, selection: Selection, library: StencilLibrary, definedFunctions: [Int],
                    writer: inout RelocatableObjectWriter) throws -> [UInt8] {
    // Text offset of each defined function, indexed by FunctionRef; undefined symbols on demand.
    var functionOffset = [Int](repeating: -1, count: module.functions.count)
    for (n, k) in definedFunctions.enumerated() { functionOffset[k] = functionStarts[n] }
    var externalSymbol = [Int](repeating: -1, count: module.functions.count)
    var trapSymbol = -1, listAtSymbol = -1
    // One undefined symbol per name, even when a module declares the runtime's trap itself or
    // declares a function twice; consulted once per external function, not per call.
    var undefinedByName: [String: Int] = [:]
    func undefinedSymbol(_ name: String) -> Int {
      if let known = undefinedByName[name] { return known }
      writer.symbols.append(.init(name: name, binding: .global, kind: .none, placement: .undefined))
      undefinedByName[name] = writer.symbols.count - 1
      return writer.symbols.count - 1
    }

    var text = [UInt8](repeating: 0xCC, count: textSize)  // int3 between functions
    try text.withUnsafeMutableBytes { out in
      try library.code.withUnsafeBytes { code in
        for (n, range) in selection.functionEmissions.enumerated() {
          let blockBase = selection.functionBlockBase[n]
          for i in range {
            let e = selection.emissions[i]
            let stencil = library.stencils[Int(e.stencil)]
            let at = Int(offsets[i])
            let size = Int(sizes[i])
            out.baseAddress!.advanced(by: at).copyMemory(from: code.baseAddress!.advanced(by: Int(stencil.codeStart)),
                                                         byteCount: size)
            for h in Int(stencil.holeStart)..<Int(stencil.holeEnd) {
              let hole = library.holes[h]
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
                value = Int64(selection.argumentSlots[Int(e.arguments) + Int(hole.value.rawValue - HoleValue.argInt0.rawValue)])
              case .continuation: value = Int64(offsets[Int(continuations[i])])
              case .jumpTarget: value = Int64(offsets[Int(selection.allBlockStarts[blockBase + Int(e.jumpTarget)])])
              case .callee:
                let callee = Int(e.aux)
                if functionOffset[callee] >= 0 {
                  value = Int64(functionOffset[callee])
                } else {
                  if externalSymbol[callee] < 0 { externalSymbol[callee] = undefinedSymbol(module.functions[callee].symbol) }
                  writer.relocations.append(.init(offset: UInt64(position), type: X86_64Relocation.plt32,
                                                  target: .symbol(externalSymbol[callee]), addend: hole.addend))
                  continue
                }
              case .data:
                writer.relocations.append(.init(offset: UInt64(position), type: X86_64Relocation.pc32,
                                                target: .section(.rodata),
                                                addend: Int64(dataOffsets[Int(e.aux)]) + hole.addend))
                continue
              case .trapDivZero:
                if trapSymbol < 0 { trapSymbol = undefinedSymbol("mojo_rt_trap_div_zero") }
                writer.relocations.append(.init(offset: UInt64(position), type: X86_64Relocation.plt32,
                                                target: .symbol(trapSymbol), addend: hole.addend))
                continue
              case .listIndexTrap:
                if listAtSymbol < 0 { listAtSymbol = undefinedSymbol("mojo_rt_list_at") }
                writer.relocations.append(.init(offset: UInt64(position), type: X86_64Relocation.plt32,
                                                target: .symbol(listAtSymbol), addend: hole.addend))
                continue
              }
              try patch(out, at: position, kind: hole.patch, value: value &+ hole.addend, stencil: e.stencil, library: library)
            }
          }
        }
      }
    }
    return text
  }

  /// Writes one patched field, checking that the value fits.
  @inline(__always)
  private func patch(_ out: UnsafeMutableRawBufferPointer, at position: Int, kind: PatchKind, value: Int64,
                     stencil: Int16, library: StencilLibrary) throws {
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

  private func outOfRange(_ stencil: Int16, _ library: StencilLibrary) -> CodegenError {
    CodegenError("copy-and-patch: a hole of \(library.names[Int(stencil)]) does not fit its field")
  }
}
