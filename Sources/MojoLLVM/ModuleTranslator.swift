//! Translates one IR module into a fresh LLVM module, in this order:
//! 1. declare every IR function (definitions and external declarations), so calls can refer to
//!    any of them, whatever the order of the bodies;
//! 2. translate each defined body (`FunctionTranslator.swift`, arithmetic in
//!    `FunctionTranslator+Arithmetic.swift`);
//! data objects and the runtime/intrinsic helpers are created on first use.

import LLVMKit
import MojoCodegen
import MojoIR

/// Per-module translation state: the LLVM objects and the declarations shared by all bodies.
/// Lives for one `emitObject` call on one thread.
final class ModuleTranslator {
  /// The module being translated.
  let ir: IRModule
  let context: LLVMContext
  let module: LLVMModule
  let builder: LLVMBuilder
  /// LLVM function for each `FunctionRef`.
  private(set) var functions: [LLVMFunction] = []
  /// Address of each data object, created on its first `addr`.
  private var dataGlobals: [LLVMValue?]
  /// LLVM type of each IR type, indexed by `IRType.rawValue`.
  private let types: [LLVMType]
  /// `nounwind`: no mojoc code unwinds, and it spares every function its `.eh_frame` entry.
  private let nounwind: LLVMAttribute
  /// `zeroext` on `i1` parameters and results: the C ABI of `_Bool`, as clang emits it.
  private let zeroExtended: LLVMAttribute

  /// Starts a module for `ir`, with triple and data layout from `machine`.
  init(ir: IRModule, machine: LLVMTargetMachine) {
    self.ir = ir
    let context = LLVMContext()
    self.context = context
    module = LLVMModule(name: ir.name, in: context)
    module.configure(for: machine)
    builder = LLVMBuilder(in: context)
    dataGlobals = Array(repeating: nil, count: ir.data.count)
    types = IRType.allCases.map { type in
      switch type {
      case .void: context.voidType
      case .i1: context.i1Type
      case .i64: context.i64Type
      case .f64: context.doubleType
      case .ptr: context.pointerType
      }
    }
    nounwind = context.attribute(named: "nounwind")
    zeroExtended = context.attribute(named: "zeroext")
  }

  /// Declares and translates everything; returns the finished (unverified, unoptimized) module.
  func translate() throws(CodegenError) -> LLVMModule {
    functions.reserveCapacity(ir.functions.count)
    for function in ir.functions {
      functions.append(declare(function))
    }
    for (index, function) in ir.functions.enumerated() where function.isDefined {
      guard functions[index].isDeclaration else {
        throw CodegenError("LLVM backend: module \(ir.name) defines \(function.symbol) twice")
      }
      var translator = FunctionTranslator(ir: function, llvm: functions[index], owner: self)
      translator.translate()
    }
    return module
  }

  /// The LLVM function for an IR function; a symbol seen before is reused, so a module may declare
  /// a runtime function that it (or this translator) also needs.
  private func declare(_ function: IRFunction) -> LLVMFunction {
    let llvm: LLVMFunction
    if let existing = module.function(named: function.symbol) {
      llvm = existing
    } else {
      let type = context.functionType(returning: llvmType(function.returnType),
                                      parameters: function.parameterTypes.map(llvmType))
      llvm = module.addFunction(named: function.symbol, type: type)
      for (index, type) in function.parameterTypes.enumerated() where type == .i1 {
        llvm.addParameterAttribute(zeroExtended, parameter: index)
      }
      if function.returnType == .i1 { llvm.addReturnAttribute(zeroExtended) }
    }
    if function.isDefined {
      llvm.setLinkage(function.linkage == .exported ? .external : .internal)
      llvm.addFunctionAttribute(nounwind)
    }
    return llvm
  }

  // MARK: - Shared declarations

  /// The LLVM type of an IR type.
  func llvmType(_ type: IRType) -> LLVMType { types[Int(type.rawValue)] }

  /// The address of data object `id`: a private, unnamed_addr constant aligned to 8 bytes (the
  /// lowering lays strings out as an `i64` length followed by bytes).
  func address(of id: DataID) -> LLVMValue {
    if let global = dataGlobals[Int(id.index)] { return global }
    let global = module.addConstantBytes(ir.data[Int(id.index)], alignment: 8)
    dataGlobals[Int(id.index)] = global
    return global
  }

  /// `void mojo_rt_trap_div_zero(void)`, declared `noreturn nounwind`.
  private(set) lazy var trapDivZero: LLVMFunction = {
    let function = module.function(named: "mojo_rt_trap_div_zero")
      ?? module.addFunction(named: "mojo_rt_trap_div_zero",
                            type: context.functionType(returning: context.voidType, parameters: []))
    function.addFunctionAttribute(context.attribute(named: "noreturn"))
    function.addFunctionAttribute(nounwind)
    return function
  }()

  /// `llvm.sqrt.f64`: correctly rounded square root.
  private(set) lazy var squareRoot: LLVMFunction =
    module.intrinsic(named: "llvm.sqrt", overloadedOn: [context.doubleType])

  /// `llvm.fptosi.sat.i64.f64`: truncation that saturates and maps NaN to 0.
  private(set) lazy var saturatingFloatToInt: LLVMFunction =
    module.intrinsic(named: "llvm.fptosi.sat", overloadedOn: [context.i64Type, context.doubleType])
}
