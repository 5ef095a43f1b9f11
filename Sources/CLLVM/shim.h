// The part of LLVM 19's C API that LLVMKit uses, reached through a table of function pointers.
//
// mojoc does not link libLLVM: most builds use the copy-and-patch backend, and loading
// libLLVM and running its static initialisers cost every process about 17 ms. LLVMKit opens the
// library with dlopen (RTLD_LOCAL) on first use of the LLVM backend and resolves the entry
// points below into a `MojocLLVM` table; Swift code calls `llvm.ContextCreate()` and never the
// declarations of the headers (no object defines or references them, so calling one by mistake
// is a link error). The table holds no symbol of LLVM's own name, so nothing can interpose.
#include <dlfcn.h>
#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>
#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

/// Every entry point LLVMKit calls, without its `LLVM` prefix. Adding a call to LLVMKit means
/// adding its name here.
#define MOJOC_LLVM_ENTRY_POINTS(X) \
  X(AddAttributeAtIndex) X(AddFunction) X(AddGlobal) X(AppendBasicBlockInContext) X(ArrayType2) \
  X(BuildAlloca) X(BuildBinOp) X(BuildBr) X(BuildCall2) X(BuildCondBr) X(BuildFCmp) X(BuildFNeg) \
  X(BuildFPExt) X(BuildFPTrunc) \
  X(BuildGEP2) X(BuildICmp) X(BuildLoad2) X(BuildRet) X(BuildRetVoid) X(BuildSIToFP) X(BuildSelect) \
  X(BuildStore) X(BuildTrunc) X(BuildUnreachable) X(BuildZExt) \
  X(ConstBitCast) X(ConstInt) X(ConstNull) X(ConstStringInContext2) \
  X(ContextCreate) X(ContextDispose) X(ContextSetDiscardValueNames) X(CreateMemoryBufferWithMemoryRangeCopy) \
  X(CreateBuilderInContext) X(CreateEnumAttribute) X(CreatePassBuilderOptions) X(CreateTargetDataLayout) \
  X(CreateTargetMachine) \
  X(DisposeBuilder) X(DisposeErrorMessage) X(DisposeMemoryBuffer) X(DisposeMessage) X(DisposeModule) \
  X(DisposePassBuilderOptions) X(DisposeTargetData) X(DisposeTargetMachine) \
  X(DoubleTypeInContext) X(FloatTypeInContext) X(FunctionType) \
  X(GetBufferSize) X(GetBufferStart) X(GetEnumAttributeKindForName) X(GetErrorMessage) X(GetInsertBlock) \
  X(GetIntrinsicDeclaration) X(GetNamedFunction) X(GetParam) X(GetTargetFromTriple) X(GlobalGetValueType) \
  X(InitializeX86AsmPrinter) X(InitializeX86Target) X(InitializeX86TargetInfo) X(InitializeX86TargetMC) \
  X(Int1TypeInContext) X(Int64TypeInContext) X(Int8TypeInContext) X(IsDeclaration) X(LookupIntrinsicID) \
  X(ModuleCreateWithNameInContext) X(MoveBasicBlockAfter) \
  X(OrcCreateLLJIT) X(OrcDisposeLLJIT) X(OrcLLJITAddObjectFile) X(OrcLLJITGetMainJITDylib) X(OrcLLJITLookup) \
  X(PointerTypeInContext) X(PositionBuilderAtEnd) \
  X(PrintModuleToString) X(RunPasses) \
  X(SetAlignment) X(SetGlobalConstant) X(SetInitializer) X(SetLinkage) X(SetModuleDataLayout) X(SetTarget) \
  X(SetUnnamedAddress) X(TargetMachineEmitToMemoryBuffer) X(TypeOf) X(VerifyModule) X(VoidTypeInContext)

/// The resolved entry points: field `ContextCreate` has the type of `LLVMContextCreate`.
typedef struct MojocLLVM {
#define MOJOC_LLVM_FIELD(name) __typeof__(LLVM##name) *_Nonnull name;
  MOJOC_LLVM_ENTRY_POINTS(MOJOC_LLVM_FIELD)
#undef MOJOC_LLVM_FIELD
} MojocLLVM;

/// Fills `table` from the library `handle` (from dlopen). Returns NULL, or the name of the first
/// entry point the library lacks (then `table` is partly filled and must not be used).
static inline const char *_Nullable mojoc_llvm_resolve(void *_Nonnull handle, MojocLLVM *_Nonnull table) {
#define MOJOC_LLVM_RESOLVE(name) \
  if (!(*(void **)&table->name = dlsym(handle, "LLVM" #name))) return "LLVM" #name;
  MOJOC_LLVM_ENTRY_POINTS(MOJOC_LLVM_RESOLVE)
#undef MOJOC_LLVM_RESOLVE
  return (const char *)0;
}
