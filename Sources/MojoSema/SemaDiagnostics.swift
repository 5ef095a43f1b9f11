//! Messages of name binding and type checking, exactly as LANGUAGE.md §14 spells them.
import MojoDiagnostics

/// Factories for semantic diagnostics; the ID is the factory's name.
public enum SemaDiagnostics {
  static func ambiguousImport(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "ambiguousImport", message: "import of '\(name)' is ambiguous", at: at)
  }
  static func doesNotImplement(_ type: String, _ method: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "doesNotImplement", message: "'\(type)' does not implement the '\(method)' method", at: at)
  }
  static func doesNotConform(_ type: String, _ trait: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "doesNotConform", message: "'\(type)' does not conform to trait '\(trait)'", at: at)
  }
  static func argumentDoesNotConform(_ function: String, _ parameter: String, _ type: String, _ parameterType: String,
                                     _ trait: String, _ at: SourceLocation, declaration: SourceLocation) -> Diagnostic {
    Diagnostic(id: "argumentDoesNotConform",
               message: "invalid call to '\(function)': value passed to '\(parameter)' cannot be converted from '\(type)' to '\(parameterType)', argument type '\(type)' does not conform to trait '\(trait)'",
               at: at, notes: [Diagnostic(id: "declaredHere", severity: .note, message: "function declared here", at: declaration)])
  }
  static func parameterValueType(_ function: String, _ parameter: String, _ type: String, _ value: String,
                                 _ at: SourceLocation, declaration: SourceLocation) -> Diagnostic {
    Diagnostic(id: "parameterValueType",
               message: "invalid call to '\(function)': '\(function)' parameter '\(parameter)' has '\(type)' type, but value has type '\(value)'",
               at: at, notes: [Diagnostic(id: "declaredHere", severity: .note, message: "function declared here", at: declaration)])
  }
  static func structParameterType(_ name: String, _ parameter: String, _ bounds: String, _ value: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "structParameterType", message: "'\(name)' parameter '\(parameter)' has '\(bounds)' type, but value has type '\(value)'", at: at)
  }
  static func unexpectedParameter(_ function: String, _ at: SourceLocation, declaration: SourceLocation) -> Diagnostic {
    Diagnostic(id: "unexpectedParameter", message: "invalid call to '\(function)': unexpected parameter", at: at,
               notes: [Diagnostic(id: "declaredHere", severity: .note, message: "function declared here", at: declaration)])
  }
  static func cannotInferParameter(_ function: String, _ parameter: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "cannotInferParameter", message: "invalid call to '\(function)': could not infer parameter '\(parameter)'", at: at)
  }
  static func missingRequirements(_ type: String, _ trait: String, _ at: SourceLocation, notes: [Diagnostic]) -> Diagnostic {
    Diagnostic(id: "missingRequirements", message: "'\(type)' does not implement all requirements for '\(trait)'", at: at, notes: notes)
  }
  static func note(_ message: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "note", severity: .note, message: message, at: at)
  }
  static func functionInstantiationFailed(_ at: SourceLocation, note: Diagnostic) -> Diagnostic {
    Diagnostic(id: "functionInstantiationFailed", message: "function instantiation failed", at: at,
               notes: [Diagnostic(id: note.id, severity: .note, message: note.message, at: note.location)])
  }
  static func initMustReturnSelf(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "initMustReturnSelf", message: "__init__ method must return Self type with 'out' argument", at: at)
  }
  static func implicitCopy(_ type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "implicitCopy", message: "value of type '\(type)' cannot be implicitly copied, it does not conform to 'ImplicitlyCopyable'", at: at)
  }
  static func lenOfString(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "lenOfString", message: "`len(String/StringSlice)` is not supported because Mojo strings are UTF-8 encoded, so a single length is ambiguous: it could mean the number of UTF-8 bytes, the number of Unicode code points, or the number of user-visible characters (grapheme clusters). Use `s.byte_length()` or `len(s.bytes())` for the number of UTF-8 bytes, `len(s.codepoints())` for Unicode code points, or `len(s.graphemes())` for grapheme clusters.", at: at)
  }
  static func noMatchingMethod(_ method: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "noMatchingMethod", message: "no matching method in call to '\(method)'", at: at)
  }
  static func stringPositionalIndex(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "stringPositionalIndex", message: "String does not support direct positional indexing like `s[i]` because Mojo strings are UTF-8 encoded, and the same position can mean three different things. Use one of: `s[byte=i]` for a raw UTF-8 byte, `s[codepoint=i]` for a Unicode code point, or `s[grapheme=i]` for a user-visible character (grapheme cluster).", at: at)
  }
  static func stringSlicing(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "stringSlicing", message: "String does not support direct positional slicing like `s[a:b]` because Mojo strings are UTF-8 encoded, and the same range can mean different things. Use `s[byte=a:b]` to slice by raw UTF-8 byte positions, or `s[codepoint=a:b]` to slice by Unicode code points.", at: at)
  }
  static func aliasingMutArguments(_ first: String, _ second: String, _ function: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "aliasingMutArguments", message: "aliasing values passed mutably to '\(first)' argument and passed mutably to '\(second)' argument in '\(function)' call", at: at)
  }
  static func ambiguousMerge(_ left: String, _ right: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "ambiguousMerge", message: "ambiguous merge: left value has type '\(left)' and right value has type '\(right)', and both convert to each other", at: at)
  }
  static func mutatingMethodOnRvalue(_ method: String, _ type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "mutatingMethodOnRvalue", message: "invalid call to '\(method)': invalid use of mutating method on rvalue of type '\(type)'", at: at)
  }
  static func noMatchingInitialization(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "noMatchingInitialization", message: "no matching function in initialization", at: at)
  }
  static func notCallableType(_ type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "notCallableType", message: "'\(type)' does not implement the '__call__' method", at: at)
  }
  static func notWritable(_ type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "notWritable", message: "invalid call to 'print': an element of 'values' with type '\(type)' does not conform to trait 'Writable'; either prove the conformance with 'conforms_to', or add conformance", at: at)
  }
  static func argumentNotMutable(_ function: String, _ parameter: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "argumentNotMutable", message: "invalid call to '\(function)': value passed to mutable argument '\(parameter)' must be mutable", at: at)
  }
  static func bareRaiseOutsideExcept(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "bareRaiseOutsideExcept", message: "'raise' must live within an 'except' block or a function marked 'raises'", at: at)
  }
  static func breakOutsideLoop(_ keyword: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "breakOutsideLoop", message: "'\(keyword)' is not inside a loop", at: at)
  }
  static func callMayRaise(_ at: SourceLocation, function: SourceLocation) -> Diagnostic {
    Diagnostic(id: "callMayRaise", message: "cannot call function that may raise in a context that cannot raise", at: at,
               notes: [Diagnostic(id: "surroundWithTry", severity: .note, message: "try surrounding the call in a 'try' block", at: at),
                       Diagnostic(id: "markRaises", severity: .note, message: "or mark surrounding function as 'raises'", at: function)])
  }
  static func cannotConvert(_ from: String, _ to: SemaType, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "cannotConvert", message: "cannot implicitly convert '\(from)' value to '\(to)'", at: at)
  }
  static func argumentType(_ function: String, _ parameter: String, _ from: SemaType, _ to: SemaType, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "argumentType", message: "invalid call to '\(function)': value passed to '\(parameter)' cannot be converted from '\(from)' to '\(to)'", at: at)
  }
  static func implicitDeclaration(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "implicitDeclaration", message: "implicit declaration of '\(name)' is not allowed; add 'var' to declare a new name", at: at)
  }
  static func importRelativeToTopLevel(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "importRelativeToTopLevel", message: "cannot import relative to a top-level package", at: at)
  }
  static func invalidRedefinition(_ name: String, _ at: SourceLocation, previous: SourceLocation? = nil) -> Diagnostic {
    Diagnostic(id: "invalidRedefinition", message: "invalid redefinition of '\(name)'", at: at,
               notes: previous.map { [previousDefinition($0)] } ?? [])
  }
  static func previousDefinition(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "previousDefinition", severity: .note, message: "previous definition here", at: at)
  }
  static func redefinitionWithIdenticalSignature(_ name: String, _ at: SourceLocation, previous: SourceLocation) -> Diagnostic {
    Diagnostic(id: "redefinitionWithIdenticalSignature", message: "redefinition of function '\(name)' with identical signature",
               at: at, notes: [previousDefinition(previous)])
  }
  static func raiseNeedsTry(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "raiseNeedsTry", message: "'raise' requires a surrounding 'try' block or the enclosing function to declare 'raises'", at: at)
  }
  static func recursiveStruct(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "recursiveStruct", message: "attempt to resolve a recursive reference to declaration '\(name).__del__is_trivial'",
               at: at, notes: [Diagnostic(id: "recursiveStructUse", severity: .note, message: "referenced from here", at: at)])
  }
  static func nonDeinitableField(_ field: String, _ type: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "nonDeinitableField", message: "field '\(field)' has non-'Deinitable' type '\(type)'", at: at)
  }
  static func fieldUninitializedAtReturn(_ field: String, isImplicit: Bool, _ at: SourceLocation, selfDeclared: SourceLocation) -> Diagnostic {
    Diagnostic(id: "fieldUninitializedAtReturn",
               message: "'self.\(field)' is uninitialized at \(isImplicit ? "the implicit return" : "return") from this function",
               at: at, notes: [Diagnostic(id: "declaredHere", severity: .note, message: "'self' declared here", at: selfDeclared)])
  }
  static func mainReturnsValue(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "mainReturnsValue", message: "'main()' does not return a value; remove the return type", at: at)
  }
  static func missingArgument(_ function: String, _ parameter: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "missingArgument", message: "invalid call to '\(function)': missing required argument: '\(parameter)'", at: at)
  }
  static func missingMain() -> Diagnostic {
    Diagnostic(id: "missingMain", message: "module does not contain a 'main' function", at: SourceLocation(file: nil, offset: 0))
  }
  static func missingReturn(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "missingReturn", message: "return expected at end of function with results", at: at)
  }
  static func moduleHasNoDeclaration(_ module: String, _ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "moduleHasNoDeclaration", message: "module '\(module)' has no declaration '\(name)'", at: at)
  }
  static func moduleDoesNotContain(_ module: String, _ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "moduleDoesNotContain", message: "module '\(module)' does not contain '\(name)'", at: at)
  }
  static func mustBeMutable(inPlace: Bool, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "mustBeMutable", message: inPlace ? "expression must be mutable for in-place operator destination" : "expression must be mutable in assignment", at: at)
  }
  static func noAttribute(_ type: String, _ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "noAttribute", message: "'\(type)' value has no attribute '\(name)'", at: at)
  }
  static func notCallable(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "notCallable", message: "expression is not callable", at: at)
  }
  static func notSupportedYet(_ what: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "notSupportedYet", message: "\(what) is not supported yet by mojoc", at: at)
  }
  static func operatorType(_ op: String, _ from: SemaType, _ to: SemaType, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "operatorType", message: "invalid call to '\(op)': value passed to 'rhs' cannot be converted from '\(from)' to '\(to)'", at: at)
  }
  static func positionalAfterKeyword(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "positionalAfterKeyword", message: "positional argument must not follow a keyword argument; move it before or convert to a keyword argument", at: at)
  }
  static func unableToLocateModule(_ name: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "unableToLocateModule", message: "unable to locate module '\(name)'", at: at)
  }
  static func unexpectedArgument(_ function: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "unexpectedArgument", message: "invalid call to '\(function)': unexpected argument", at: at)
  }
  /// mojoc's own limit (Mojo's literals have none): an error, never a wrong value.
  static func literalTooLarge(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "literalTooLarge", message: "literal value too large for mojoc: literal arithmetic is exact up to \(BigInt.maximumFoldedBits) bits (about 39,000 decimal digits)", at: at)
  }
  /// Mojo's wording, with its "did you mean" headline and fix-it when a name is near enough.
  static func unknownDeclaration(_ name: String, _ at: SourceLocation, suggestion: String? = nil,
                                 notes: [Diagnostic] = []) -> Diagnostic {
    let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
    return Diagnostic(id: "unknownDeclaration", message: "use of unknown declaration '\(name)'\(hint)", at: at,
                      length: name.utf8.count, notes: notes, replacement: suggestion)
  }
  static func unsupportedOperands(_ op: String, _ left: SemaType, _ right: SemaType, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "unsupportedOperands", message: "invalid call to '\(op)': value passed to 'rhs' cannot be converted from '\(right)' to '\(left)'", at: at)
  }
  static func requiredAfterOptional(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(id: "requiredAfterOptional", message: "required positional argument follows optional positional argument; change the ordering", at: at)
  }
}
