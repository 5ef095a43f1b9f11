//! Messages of name binding and type checking, exactly as LANGUAGE.md §14 spells them.
import MojoDiagnostics

/// Factories for semantic diagnostics; each makes one `Kind`, whose case name is the
/// diagnostic's stable ID.
public enum SemaDiagnostics {
  /// Every kind of semantic diagnostic; the case name is the ID tests match on.
  public enum Kind: String, DiagnosticKind {
    case aliasingMutArguments, ambiguousImport, ambiguousMerge, argumentDoesNotConform, argumentNotMutable
    case argumentType, bareRaiseOutsideExcept, breakOutsideLoop, callMayRaise, cannotConvert, cannotInferParameter
    case captureConvention
    case constantCondition, declaredHere, declaredInModule, doesNotConform, doesNotImplement
    case fieldUninitializedAtReturn, functionInstantiationFailed, implicitCopy, implicitDeclaration
    case importRelativeToTopLevel, initMustReturnSelf, invalidRedefinition, lenOfString, literalTooLarge
    case mainReturnsValue, markRaises, missingArgument, missingMain, missingRequirements, missingReturn
    case moduleDoesNotContain, moduleHasNoDeclaration, mustBeMutable, mutatingMethodOnRvalue, noAttribute
    case noMatchingFunction, noMatchingInitialization, noMatchingMethod, nonDeinitableField, notCallable, notCallableType
    case notSupportedYet, notWritable, note, operatorType, parameterValueType, positionalAfterKeyword
    case previousDefinition, raiseNeedsTry, recursiveStruct, recursiveStructUse, redefinitionWithIdenticalSignature
    case requiredAfterOptional, stringPositionalIndex, stringSlicing, structParameterType, surroundWithTry
    case unableToLocateModule, unexpectedArgument, unexpectedParameter, uninitializedUse, unknownDeclaration
    case unsupportedOperands, unusedAssignment, unusedLoopVariable, unusedValue
    case declarationWithoutContextualType, emptyListWithoutContextualType
    case unreachableCode, unreachableExcept, unreachableElse, tryDoesNotRaise, unusedVariable, deprecatedDel
    case callRaisesOtherType
    case redundantComposition, cannotSynthesizeCopy, cannotSynthesizeMove, cannotSynthesizeFieldwiseInit
  }

  static func declarationWithoutContextualType(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.declarationWithoutContextualType, message: "cannot declare '\(name)' without a contextual type from its initializer", at: at)
  }
  static func emptyListWithoutContextualType(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.emptyListWithoutContextualType, message: "cannot emit an empty list without a contextual type", at: at)
  }

  static func ambiguousImport(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.ambiguousImport, message: "import of '\(name)' is ambiguous", at: at)
  }
  static func doesNotImplement(_ type: String, _ method: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.doesNotImplement, message: "'\(type)' does not implement the '\(method)' method", at: at)
  }
  static func doesNotConform(_ type: String, _ trait: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.doesNotConform, message: "'\(type)' does not conform to trait '\(trait)'", at: at)
  }
  static func argumentDoesNotConform(_ function: String, _ parameter: String, _ type: String, _ parameterType: String,
                                     _ trait: String, _ at: SourceLocation, declaration: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.argumentDoesNotConform,
               message: "invalid call to '\(function)': value passed to '\(parameter)' cannot be converted from '\(type)' to '\(parameterType)', argument type '\(type)' does not conform to trait '\(trait)'",
               at: at, notes: [declaredHere("function", declaration)])
  }
  static func parameterValueType(_ function: String, _ parameter: String, _ type: String, _ value: String,
                                 _ at: SourceLocation, declaration: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.parameterValueType,
               message: "invalid call to '\(function)': '\(function)' parameter '\(parameter)' has '\(type)' type, but value has type '\(value)'",
               at: at, notes: [declaredHere("function", declaration)])
  }
  static func structParameterType(_ name: String, _ parameter: String, _ bounds: String, _ value: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.structParameterType, message: "'\(name)' parameter '\(parameter)' has '\(bounds)' type, but value has type '\(value)'", at: at)
  }
  static func unexpectedParameter(_ function: String, _ at: SourceLocation, declaration: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unexpectedParameter, message: "invalid call to '\(function)': unexpected parameter", at: at,
               notes: [declaredHere("function", declaration)])
  }
  static func cannotInferParameter(_ function: String, _ parameter: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.cannotInferParameter, message: "invalid call to '\(function)': could not infer parameter '\(parameter)'", at: at)
  }
  static func missingRequirements(_ type: String, _ trait: String, _ at: SourceLocation, notes: [Diagnostic]) -> Diagnostic {
    Diagnostic(Kind.missingRequirements, message: "'\(type)' does not implement all requirements for '\(trait)'", at: at, notes: notes)
  }
  static func note(_ message: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.note, severity: .note, message: message, at: at)
  }
  /// Mojo 1.2 heads this error with "function instantiation failed" at `main` and gives the
  /// cause as a note; mojoc puts the cause first (issue 10) and keeps Mojo's line as the first note.
  static func functionInstantiationFailed(_ at: SourceLocation, cause: Diagnostic) -> Diagnostic {
    var d = cause
    d.notes = [Diagnostic(Kind.functionInstantiationFailed, severity: .note, message: "function instantiation failed", at: at)]
      + cause.notes
    return d
  }
  /// True for an error `functionInstantiationFailed(_:cause:)` made.
  static func isInstantiationFailure(_ d: Diagnostic) -> Bool { d.notes.first?.is(Kind.functionInstantiationFailed) == true }
  static func initMustReturnSelf(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.initMustReturnSelf, message: "__init__ method must return Self type with 'out' argument", at: at)
  }
  static func implicitCopy(_ type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.implicitCopy, message: "value of type '\(type)' cannot be implicitly copied, it does not conform to 'ImplicitlyCopyable'", at: at)
  }
  static func lenOfString(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.lenOfString, message: "`len(String/StringSlice)` is not supported because Mojo strings are UTF-8 encoded, so a single length is ambiguous: it could mean the number of UTF-8 bytes, the number of Unicode code points, or the number of user-visible characters (grapheme clusters). Use `s.byte_length()` or `len(s.bytes())` for the number of UTF-8 bytes, `len(s.codepoints())` for Unicode code points, or `len(s.graphemes())` for grapheme clusters.", at: at)
  }
  static func noMatchingMethod(_ method: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.noMatchingMethod, message: "no matching method in call to '\(method)'", at: at)
  }
  static func stringPositionalIndex(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.stringPositionalIndex, message: "String does not support direct positional indexing like `s[i]` because Mojo strings are UTF-8 encoded, and the same position can mean three different things. Use one of: `s[byte=i]` for a raw UTF-8 byte, `s[codepoint=i]` for a Unicode code point, or `s[grapheme=i]` for a user-visible character (grapheme cluster).", at: at)
  }
  static func stringSlicing(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.stringSlicing, message: "String does not support direct positional slicing like `s[a:b]` because Mojo strings are UTF-8 encoded, and the same range can mean different things. Use `s[byte=a:b]` to slice by raw UTF-8 byte positions, or `s[codepoint=a:b]` to slice by Unicode code points.", at: at)
  }
  static func aliasingMutArguments(_ first: String, _ second: String, _ function: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.aliasingMutArguments, message: "aliasing values passed mutably to '\(first)' argument and passed mutably to '\(second)' argument in '\(function)' call", at: at)
  }
  static func ambiguousMerge(_ left: String, _ right: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.ambiguousMerge, message: "ambiguous merge: left value has type '\(left)' and right value has type '\(right)', and both convert to each other", at: at)
  }
  static func mutatingMethodOnRvalue(_ method: String, _ type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.mutatingMethodOnRvalue, message: "invalid call to '\(method)': invalid use of mutating method on rvalue of type '\(type)'", at: at)
  }
  static func noMatchingFunction(_ function: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.noMatchingFunction, message: "no matching function in call to '\(function)'", at: at)
  }
  static func noMatchingInitialization(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.noMatchingInitialization, message: "no matching function in initialization", at: at)
  }
  static func notCallableType(_ type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.notCallableType, message: "'\(type)' does not implement the '__call__' method", at: at)
  }
  static func notWritable(_ type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.notWritable, message: "invalid call to 'print': an element of 'values' with type '\(type)' does not conform to trait 'Writable'; either prove the conformance with 'conforms_to', or add conformance", at: at)
  }
  static func argumentNotMutable(_ function: String, _ parameter: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.argumentNotMutable, message: "invalid call to '\(function)': value passed to mutable argument '\(parameter)' must be mutable", at: at)
  }
  static func bareRaiseOutsideExcept(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.bareRaiseOutsideExcept, message: "'raise' must live within an 'except' block or a function marked 'raises'", at: at)
  }
  static func breakOutsideLoop(_ keyword: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.breakOutsideLoop, message: "'\(keyword)' is not inside a loop", at: at)
  }
  static func callMayRaise(_ at: SourceLocation, function: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.callMayRaise, message: "cannot call function that may raise in a context that cannot raise", at: at,
               notes: [Diagnostic(Kind.surroundWithTry, severity: .note, message: "try surrounding the call in a 'try' block", at: at),
                       Diagnostic(Kind.markRaises, severity: .note, message: "or mark surrounding function as 'raises'", at: function)])
  }
  static func callRaisesOtherType(_ raised: String, context: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.callRaisesOtherType, message: "cannot call function that may raise '\(raised)' in context that supports an error type of '\(context)'", at: at)
  }
  static func cannotConvert(_ from: String, _ to: SemaType, _ at: SourceLocation, inReturnValue: Bool = false) -> Diagnostic {
    cannotConvert(from, to.description, at, inReturnValue: inReturnValue)
  }
  static func cannotConvert(_ from: String, _ to: String, _ at: SourceLocation, inReturnValue: Bool = false) -> Diagnostic {
    Diagnostic(Kind.cannotConvert, message: "cannot implicitly convert '\(from)' value to '\(to)'\(inReturnValue ? " in return value" : "")", at: at)
  }
  static func argumentType(_ function: String, _ parameter: String, _ from: SemaType, _ to: SemaType, _ at: SourceLocation) -> Diagnostic {
    argumentType(function, parameter, from: from.description, to: to.description, at)
  }
  /// The same, with the types as displayed by the caller (a literal's own type, a bound struct).
  static func argumentType(_ function: String, _ parameter: String, from: String, to: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.argumentType, message: "invalid call to '\(function)': value passed to '\(parameter)' cannot be converted from '\(from)' to '\(to)'", at: at)
  }
  static func implicitDeclaration(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.implicitDeclaration, message: "implicit declaration of '\(name)' is not allowed; add 'var' to declare a new name", at: at)
  }
  static func importRelativeToTopLevel(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.importRelativeToTopLevel, message: "cannot import relative to a top-level package", at: at)
  }
  static func invalidRedefinition(_ name: String, _ at: SourceLocation, previous: SourceLocation? = nil) -> Diagnostic {
    Diagnostic(Kind.invalidRedefinition, message: "invalid redefinition of '\(name)'", at: at,
               notes: previous.map { [previousDefinition($0)] } ?? [])
  }
  static func previousDefinition(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.previousDefinition, severity: .note, message: "previous definition here", at: at)
  }
  static func redefinitionWithIdenticalSignature(_ name: String, _ at: SourceLocation, previous: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.redefinitionWithIdenticalSignature, message: "redefinition of function '\(name)' with identical signature",
               at: at, notes: [previousDefinition(previous)])
  }
  static func raiseNeedsTry(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.raiseNeedsTry, message: "'raise' requires a surrounding 'try' block or the enclosing function to declare 'raises'", at: at)
  }
  static func recursiveStruct(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.recursiveStruct, message: "attempt to resolve a recursive reference to declaration '\(name).__del__is_trivial'",
               at: at, notes: [Diagnostic(Kind.recursiveStructUse, severity: .note, message: "referenced from here", at: at)])
  }
  static func cannotSynthesizeCopy(_ field: String, type: String, implicit: Bool, _ at: SourceLocation) -> Diagnostic {
    let what = implicit ? "implicit copy constructor" : "copy constructor"
    let kind = implicit ? "non-implicitly-copyable" : "non-copyable"
    return Diagnostic(Kind.cannotSynthesizeCopy, message: "cannot synthesize \(what) because field '\(field)' has \(kind) type '\(type)'", at: at)
  }
  static func cannotSynthesizeMove(_ field: String, type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.cannotSynthesizeMove,
               message: "cannot synthesize move constructor because field '\(field)' has non-movable and non-implicitly-copyable type '\(type)'", at: at)
  }
  static func cannotSynthesizeFieldwiseInit(_ field: String, type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.cannotSynthesizeFieldwiseInit,
               message: "cannot synthesize fieldwise init because field '\(field)' has non-copyable and non-movable type '\(type)'", at: at)
  }
  static func nonDeinitableField(_ field: String, _ type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.nonDeinitableField, message: "field '\(field)' has non-'Deinitable' type '\(type)'", at: at)
  }
  static func fieldUninitializedAtReturn(_ field: String, isImplicit: Bool, _ at: SourceLocation, selfDeclared: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.fieldUninitializedAtReturn,
               message: "'self.\(field)' is uninitialized at \(isImplicit ? "the implicit return" : "return") from this function",
               at: at, notes: [declaredHere("'self'", selfDeclared)])
  }
  static func mainReturnsValue(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.mainReturnsValue, message: "'main()' does not return a value; remove the return type", at: at)
  }
  static func missingArgument(_ function: String, _ parameter: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.missingArgument, message: "invalid call to '\(function)': missing required argument: '\(parameter)'", at: at)
  }
  static func missingMain() -> Diagnostic {
    Diagnostic(Kind.missingMain, message: "module does not contain a 'main' function", at: SourceLocation(file: nil, offset: 0))
  }
  static func missingReturn(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.missingReturn, message: "return expected at end of function with results", at: at)
  }
  static func moduleHasNoDeclaration(_ module: String, _ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.moduleHasNoDeclaration, message: "module '\(module)' has no declaration '\(name)'", at: at)
  }
  static func moduleDoesNotContain(_ module: String, _ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.moduleDoesNotContain, message: "module '\(module)' does not contain '\(name)'", at: at)
  }
  static func mustBeMutable(inPlace: Bool, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.mustBeMutable, message: inPlace ? "expression must be mutable for in-place operator destination" : "expression must be mutable in assignment", at: at)
  }
  static func redundantComposition(_ detail: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.redundantComposition, severity: .warning, message: "redundant trait composition: \(detail)", at: at)
  }
  static func noAttribute(_ type: String, _ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.noAttribute, message: "'\(type)' value has no attribute '\(name)'", at: at)
  }
  /// Mojo's "no attribute" error; when one of `members` is a near spelling of `name` (Mojo's
  /// rule for unknown names), a note with it as a fix-it under the name. Mojo gives none for
  /// members: a note never changes Mojo's error line.
  static func noAttribute(_ type: String, _ name: String, _ at: SourceLocation, members: [String]) -> Diagnostic {
    var d = noAttribute(type, name, at)
    if let meant = SpellingSuggestion.best(for: name, among: members) {
      d.notes.append(didYouMean(meant, replacing: name, near: at))
    }
    return d
  }
  /// `note: did you mean 'x'?` at the first `name` at or after `at` on its line (the member
  /// after a `.`, the module in an import), with `meant` as its fix-it.
  static func didYouMean(_ meant: String, replacing name: String, near at: SourceLocation) -> Diagnostic {
    var offset = at.offset
    if let bytes = at.file?.bytes {
      let wanted = Array(name.utf8)
      var k = at.offset
      while k + wanted.count <= bytes.count && bytes[k] != 0x0A {
        if bytes[k..<(k + wanted.count)].elementsEqual(wanted) { offset = k; break }
        k += 1
      }
    }
    return Diagnostic(Kind.note, severity: .note, message: "did you mean '\(meant)'?", at: SourceLocation(file: at.file, offset: offset),
                      length: name.utf8.count, replacement: meant)
  }
  static func notCallable(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.notCallable, message: "expression is not callable", at: at)
  }
  static func notSupportedYet(_ what: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.notSupportedYet, message: "\(what) is not supported yet by mojoc", at: at)
  }
  static func operatorType(_ op: String, _ from: SemaType, _ to: SemaType, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.operatorType, message: "invalid call to '\(op)': value passed to 'rhs' cannot be converted from '\(from)' to '\(to)'", at: at)
  }
  static func positionalAfterKeyword(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.positionalAfterKeyword, message: "positional argument must not follow a keyword argument; move it before or convert to a keyword argument", at: at)
  }
  /// A nested function reading a variable of the function around it (Mojo 1.2 infers no
  /// capture for a plain nested `def`).
  static func captureConvention(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.captureConvention, message: "Could not infer capture convention of the captured value \(name)", at: at)
  }
  static func unableToLocateModule(_ name: String, _ at: SourceLocation, candidates: [String] = []) -> Diagnostic {
    var d = Diagnostic(Kind.unableToLocateModule, message: "unable to locate module '\(name)'", at: at)
    if let meant = SpellingSuggestion.best(for: name, among: candidates) { d.notes.append(didYouMean(meant, replacing: name, near: at)) }
    return d
  }
  static func unexpectedArgument(_ function: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unexpectedArgument, message: "invalid call to '\(function)': unexpected argument", at: at)
  }
  /// mojoc's own limit (Mojo's literals have none): an error, never a wrong value.
  static func literalTooLarge(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.literalTooLarge, message: "literal value too large for mojoc: literal arithmetic is exact up to \(BigInt.maximumFoldedBits) bits (about 39,000 decimal digits)", at: at)
  }
  /// Mojo's wording, with its "did you mean" headline and fix-it when a name is near enough.
  static func unknownDeclaration(_ name: String, _ at: SourceLocation, suggestion: String? = nil,
                                 notes: [Diagnostic] = []) -> Diagnostic {
    let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
    return Diagnostic(Kind.unknownDeclaration, message: "use of unknown declaration '\(name)'\(hint)", at: at,
                      length: name.utf8.count, notes: notes, replacement: suggestion)
  }
  /// A name of a standard library module used without its import, worded as Mojo 1.2 does.
  static func unknownDeclaration(_ name: String, _ at: SourceLocation, libraryModule module: String) -> Diagnostic {
    let hint = "; did you mean to import it from '\(module)'? Add 'from \(module) import \(name)'"
    return Diagnostic(Kind.unknownDeclaration, message: "use of unknown declaration '\(name)'\(hint)", at: at,
                      length: name.utf8.count)
  }
  static func unsupportedOperands(_ op: String, _ left: SemaType, _ right: SemaType, _ at: SourceLocation) -> Diagnostic {
    unsupportedOperands(op, from: right.description, to: left.description, at)
  }
  /// The same, with the types as displayed by the caller (`x += 1.5` names `__iadd__` and the
  /// literal's own type).
  static func unsupportedOperands(_ method: String, from: String, to: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unsupportedOperands, message: "invalid call to '\(method)': value passed to 'rhs' cannot be converted from '\(from)' to '\(to)'", at: at)
  }
  static func requiredAfterOptional(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.requiredAfterOptional, message: "required positional argument follows optional positional argument; change the ordering", at: at)
  }
  static func declaredHere(_ what: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.declaredHere, severity: .note, message: "\(what) declared here", at: at)
  }
  static func uninitializedUse(_ name: String, _ at: SourceLocation, declared: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.uninitializedUse, message: "use of uninitialized value '\(name)'", at: at,
               notes: [declaredHere("'\(name)'", declared)])
  }
  /// A note at a declaration another module makes, with the import that brings it in.
  static func declaredInModule(_ name: String, module: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.declaredInModule, severity: .note,
               message: "'\(name)' is declared in module '\(module)'; add 'from \(module) import \(name)'", at: at)
  }

  // MARK: - Warnings

  static func unusedValue(_ type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unusedValue, severity: .warning,
               message: "'\(type)' value is unused; assign to '_' to discard the result", at: at)
  }
  static func constantCondition(_ value: Bool, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.constantCondition, severity: .warning,
               message: value ? "'if' condition always evaluates to 'True'; 'else' branch is unreachable"
                              : "'if' condition always evaluates to 'False'; 'if' branch is unreachable", at: at)
  }
  static func unusedLoopVariable(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unusedLoopVariable, severity: .warning, message: "ref '\(name)' was never used, remove it?", at: at)
  }
  static func unusedAssignment(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unusedAssignment, severity: .warning,
               message: "assignment to '\(name)' was never used; assign to '_' instead?", at: at)
  }
  static func unusedVariable(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unusedVariable, severity: .warning, message: "variable '\(name)' was never used, remove it?", at: at)
  }
  /// `after`: what ends the code before, in Mojo's words ("return statement", "infinite loop").
  static func unreachableCode(after: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unreachableCode, severity: .warning, message: "unreachable code after \(after)", at: at)
  }
  static func unreachableExcept(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unreachableExcept, severity: .warning,
               message: "'except' logic is unreachable, try doesn't raise an exception", at: at)
  }
  static func unreachableElse(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unreachableElse, severity: .warning, message: "'else' logic in 'try' is unreachable", at: at)
  }
  /// At the method's name, with the new name as the fix-it.
  static func deprecatedDel(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.deprecatedDel, severity: .warning, message: "'__del__' is deprecated; use '__deinit__'", at: at,
               length: "__del__".utf8.count, replacement: "__deinit__")
  }
  static func tryDoesNotRaise(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.tryDoesNotRaise, severity: .warning, message: "try body doesn't raise an exception", at: at)
  }
}
