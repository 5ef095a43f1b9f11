//! What checking leaves for the lowering: per-expression types and facts, per-statement local
//! slots, per-function local tables, and call argument lists in parameter order. The syntax
//! tree itself is not copied or changed; these side tables are indexed by its IDs.
import MojoSyntax

/// A call's callee after resolution.
public enum CallTarget: Sendable, Equatable {
  /// A user function: module and index into its tree's `functions`.
  case function(module: Int, index: Int)
  /// `print(values..., sep, end)`: arguments are the values, then `sep`, then `end`.
  case print
  case abs, min, max, len, ord, chr
  /// `round(x)`, `round(x, ndigits)` of an `Int` or `Float64` (the result has its type).
  case round
  /// `hex(n)`, `bin(n)`, `oct(n)` of an integer (radix 16, 2, 8): arguments value, prefix.
  case radix(Int)
  /// `range(...)` as a `for` iterable: arguments are start, stop, step.
  case range
  /// Explicit conversions `Int(x)`, `Float64(x)`, `String(x)`, `Bool(x)`.
  case convertToInt, convertToFloat64, convertToString, convertToBool
  /// `Int8(x)`...`Float32(x)`: to a sized numeric type (wrapping, truncating or rounding).
  case convertToNumeric(NumericType)
  /// `s.byte_length()`: the argument is the receiver.
  case byteLength
  /// A `std.math` function.
  case library(BuiltinFunction)
  /// A `Codepoint` method (`is_ascii_digit()`, `utf8_byte_length()`...): the receiver.
  case codepoint(CodepointOperation)
  /// `debug_assert(cond, messages...)`: Mojo 1.2 evaluates the arguments and checks nothing
  /// (assertions are off by default); the arguments are evaluated for their effects.
  case debugAssert
  /// A `std.testing` assertion: the message prefix (`At FILE:LINE:COL: AssertionError: `), the
  /// values, the message, and `atol`, `rtol` for `assert_almost_equal`. Raises on failure.
  case assertion(Assertion)
  /// A struct method (module, function index): the receiver is the first argument.
  case method(module: Int, index: Int)
  /// An instance of a generic function, or a method of a bound generic struct (the receiver
  /// first): lowered as a call of the instance's own IR function (Generics.swift).
  case instance(FunctionInstance)
  /// `a op b` through a struct's operator method (`__lt__`, `__eq__`, `__add__`): arguments
  /// left then right; `swapped` passes them exchanged, `negated` inverts the `Bool` result.
  /// A method of a non-generic struct is an instance without arguments.
  case operatorMethod(FunctionInstance, swapped: Bool, negated: Bool)
  /// `writer.write(values...)`: the receiver (a mutable `String`) first, then the values.
  case writeText
  /// `repr(x)` (ModuleLowering+Repr.swift).
  case repr
  /// A bound generic struct's constructor: fieldwise, or through its `__init__`'s instance.
  case constructBound(module: Int, index: Int, arguments: [SemaType])
  /// A struct constructor: fieldwise (arguments in field order) or through `__init__`
  /// (arguments of `__init__` after `self`).
  case construct(module: Int, index: Int)
  /// A struct constructor through one of several overloaded `__init__` methods (the function
  /// index of the one the arguments chose).
  case constructWith(module: Int, index: Int, initializer: Int)
  /// `List[T]()`, `List[T](length=n, fill=v)` (arguments: n, v), `List[T](capacity=n)` (argument: n).
  case listNew(element: SemaType, form: ListConstructor)
  /// List methods; the receiver is the first argument.
  case listAppend, listPop, listInsert, listClear
  /// `.copy()` of a list or struct (deep): the argument is the receiver.
  case copy
  /// `Error(values...)`: the message is the text of the arguments (`Int`, `Float64`, `Bool`,
  /// `String`, `Error`), concatenated; `Error()` has one argument, the empty string.
  case makeError
  /// `Tuple(a, b)`, `Tuple[A, B](a, b)`, `Alias(a, b)` of a tuple type alias: a new tuple of
  /// the arguments (the call's type gives the element types).
  case makeTuple
  /// A `String` method or a conversion from `String` (BodyChecker+Strings.swift): the receiver
  /// first, then the arguments with defaults filled in.
  case string(StringOperation)
  /// `Dict`, `Set`, `Optional` and `sort` (BodyChecker+Dicts.swift): the receiver first.
  case collection(CollectionOperation)
  /// `sort(list, cmp)`: the list, sorted in place by a user function `cmp(a, b) -> Bool`
  /// (true when `a` goes before `b`).
  case sortWith(module: Int, function: Int)
}

/// Operations on `Dict`, `Set` and `Optional` values, carried out by runtime functions
/// (runtime_dicts.inc) or a few loads.
public enum CollectionOperation: UInt8, Sendable {
  /// `Dict[K, V]()`, `Set[T]()` (the type is the expression's).
  case new
  /// `d[k]` (raises a KeyError), and `d[k]` as an assignment target (a slot, inserted if absent).
  case getItem, setItem
  /// `d.get(k)` (an `Optional`), `d.get(k, default)`.
  case get, getOrDefault
  /// `d.pop(k)` (raises), `d.pop(k, default)`.
  case pop, popOrDefault
  /// `s.add(x)`, `s.remove(x)` (raises), `s.discard(x)`, `clear()` of either.
  case add, remove, discard, clear
  /// `d.keys()`, `d.values()`, `d.items()`: only as `for` iterables.
  case keys, values, items
  /// `Optional(x)`, `o.value()`, `o.or_else(x)`.
  case some, value, orElse
  /// `Optional[T](x)`: the argument, already an `Optional[T]` (a boxed `T` or `None`).
  case optionalFrom
  /// `sort(list)` of `Int`, `Float64`, `Bool` or `String` elements.
  case sort
  /// `enumerate(list)`, `zip(list, list)`, `reversed(list or dict)`: only as `for` iterables.
  case enumerate, zip, reversed
  /// `d.setdefault(k, v)`, `d.update(other)`.
  case setDefault, update
  /// `a | b`, `a & b`, `a - b` of sets (and `union`, `intersection`, `difference`).
  case union, intersection, difference
  /// List methods on one-word elements: `xs.extend(ys)`, `xs.reverse()`, `xs.count(x)`, `xs + ys`.
  case listExtend, listReverse, listCount, listConcat
  /// `xs.index(x)` (raises when `x` is absent).
  case listIndex
  /// `Set(a, b, ...)` / `Set[T](a, b, ...)` (the elements), `Set(list)` (a `List[T]`).
  case setFromElements, setFromList
  /// `xs.swap_elements(i, j)`.
  case listSwap
  /// `Optional[T]()`: an empty `Optional`.
  case emptyOptional
  /// `reversed(list)` outside a `for` header: a reversed (shallow) copy.
  case reversedCopy
  /// `a.issubset(b)`, `a.issuperset(b)`, `a.isdisjoint(b)`, `a.symmetric_difference(b)` of sets.
  case isSubset, isSuperset, isDisjoint, symmetricDifference

  /// True for the operations that may raise.
  public var raises: Bool { self == .getItem || self == .pop || self == .remove || self == .listIndex }
}

/// `Codepoint` methods computed in the IR from the code point's value.
public enum CodepointOperation: UInt8, Sendable {
  case isAscii, isAsciiDigit, isAsciiUpper, isAsciiLower, isAsciiPrintable, isPythonSpace, isPosixSpace
  case utf8ByteLength
}

/// `String` operations carried out by runtime functions (mojo_runtime.h, runtime_strings.inc).
public enum StringOperation: UInt8, Sendable {
  /// `s.lower()`, `s.upper()`.
  case lower, upper
  /// `s.find(sub, start)`, `s.rfind(sub, start)`, `s.count(sub)`.
  case find, rfind, count
  /// `s.startswith(prefix, start, end)`, `s.endswith(suffix, start, end)`.
  case startsWith, endsWith
  /// `s.replace(old, new)`.
  case replace
  /// `s.strip(chars)`, `lstrip`, `rstrip`: receiver, chars, and whether chars were given.
  case strip, lstrip, rstrip
  /// `s.split(sep, maxsplit)` and `s.split()` / `s.split(maxsplit=n)` (whitespace).
  case split, splitWhitespace
  /// `sep.join(list)` of a `List` of `String`, `Int`, `Float64` or `Bool`.
  case join
  /// `Int(s)` and `Float64(s)`: raise when the text is not a number.
  case parseInt, parseFloat
  /// `s.isupper()`, `s.islower()`, `s.is_ascii_digit()`, `s.isspace()`.
  case isUpper, isLower, isAsciiDigit, isSpace
  /// `s.removeprefix(p)`, `s.removesuffix(p)`, `s.splitlines()`.
  case removePrefix, removeSuffix, splitLines
  /// `fmt.format(args...)`: the receiver, then the arguments (`Int`, `Float64`, `Bool`, `String`).
  /// `format` raises on a bad format string; `formatChecked` is a literal checked by the checker.
  case format, formatChecked
  /// A literal format with `{!r}` / `{!s}` fields: the format without the conversions, the
  /// arguments, then an `Int` constant whose bit k asks for `repr` of argument k.
  case formatConverted
  /// `s.as_bytes()` (a `List[UInt8]` copy), `s.codepoints()` (a `List[Codepoint]` copy),
  /// `s.count_codepoints()`.
  case asBytes, codepoints, countCodepoints
  /// `String(from_utf8=bytes)` (raises on invalid UTF-8), `String(from_utf8_lossy=bytes)`,
  /// `String(unsafe_from_utf8=bytes)`: the argument is a `List[UInt8]`.
  case fromUTF8, fromUTF8Lossy, fromUTF8Unchecked

  /// True for the operations that may raise.
  public var raises: Bool { self == .parseInt || self == .parseFloat || self == .format || self == .fromUTF8 }
}

/// The forms of `List[T](...)`.
public enum ListConstructor: UInt8, Sendable {
  case empty, lengthFill, capacity
}

/// One argument of a resolved call.
public enum CallArgument: Sendable {
  /// An expression of the call site (its type in `exprTypes` is the parameter's type).
  case expression(ExprID)
  /// A default value filled in by the checker, with the type it is passed as.
  case constant(ConstantValue, SemaType)
}

/// The arguments of every resolved call of a module, stored without reference counting: an
/// expression argument is its 4-byte expression index, a constant (a default value the checker
/// filled in) an index into a side table with the top bit set (`CallArgument` itself is 40
/// bytes; the 1M-line `prints` project has 3.5M arguments). Repeated constants (`print`'s `sep`
/// and `end`) share one entry.
public struct CallArguments: Sendable {
  @usableFromInline var codes: [UInt32] = []
  @usableFromInline var constants: [(value: ConstantValue, type: SemaType)] = []
  @usableFromInline static let constantBit: UInt32 = 1 << 31

  public init() {}

  public var count: Int { codes.count }

  public subscript(index: Int) -> CallArgument {
    @inlinable @inline(__always) get {
      let code = codes[index]
      if code & CallArguments.constantBit == 0 { return .expression(ExprID(Int(code))) }
      let constant = constants[Int(code & ~CallArguments.constantBit)]
      return .constant(constant.value, constant.type)
    }
  }

  public mutating func append(_ argument: CallArgument) {
    switch argument {
    case .expression(let id):
      precondition(id.index < CallArguments.constantBit, "call arguments: expression index out of range")
      codes.append(id.index)
    case .constant(let value, let type):
      // The few most recent constants are compared first: calls repeat the same defaults.
      var k = constants.count - 1
      while k >= 0 && k >= constants.count - 4 {
        if constants[k].type == type && constants[k].value == value { break }
        k -= 1
      }
      if k < 0 || k < constants.count - 4 {
        constants.append((value, type))
        k = constants.count - 1
      }
      codes.append(CallArguments.constantBit | UInt32(k))
    }
  }

  public mutating func append(contentsOf arguments: [CallArgument]) {
    for a in arguments { append(a) }
  }

  /// Drops the spare capacity of the table (once the module is checked).
  public mutating func releaseSpareCapacity() {
    codes.releaseSpareCapacity()
    constants.releaseSpareCapacity()
  }
}

/// What the checker learned about one expression.
public enum ExprFact: Sendable {
  case none
  /// A read of local variable slot `n`.
  case local(UInt32)
  /// A folded constant; lower it as a constant of the expression's type in `exprTypes`.
  case constant(ConstantValue)
  /// A resolved call; its arguments are `callArguments[start ..< start + count]`.
  case call(CallTarget, start: UInt32, count: UInt32)
  /// A struct field read `base.name`: the field's index.
  case field(Int)
  /// A list comprehension: the local slot of its variable.
  case comprehension(slot: UInt32)
}

/// The checked form of one function body.
public struct CheckedFunction: Sendable {
  /// Index into the module tree's `functions`.
  public var function: Int
  /// Types of the local variable slots; parameters are slots `0..<parameterCount`.
  public var locals: [SemaType]
  /// Slots that live in memory: `mut` parameters of scalar type, and local scalars passed to
  /// `mut` parameters. Their IR value holds the address.
  public var isIndirect: [Bool]
  /// True when the body calls a function declared `raises` (it needs an error slot).
  public var callsRaisingFunction: Bool
}

/// A module after checking.
public struct CheckedModule: Sendable {
  public var module: Int
  /// Type of every expression of the tree (`.error` for unchecked ones). A literal's entry is
  /// the type it was materialized to.
  public var exprTypes: ExpressionTypes
  public var exprFacts: ExpressionFacts
  /// For `var` and `for` statements: the local slot they declare; for a `try` with
  /// `except NAME`, the slot of NAME.
  public var stmtSlots: [UInt32]
  public var callArguments: CallArguments
  /// Expressions of type `T` used where an `Optional[T]` is expected: the lowering boxes them.
  public var optionalWraps: Set<UInt32> = []
  /// Typed errors (`raises E`) that become an `Error` of their text where they reach a context
  /// raising `Error`: by the offset of the call's `(` or of the `raise` statement, the struct type.
  public var errorConversions: [UInt32: SemaType] = [:]
  /// The checked functions, in tree order.
  public var functions: [CheckedFunction]
  /// Instances of generic functions the bodies call (checked after all modules, by `Instantiator`).
  public var requestedInstances: Set<FunctionInstance> = []
  /// The checked instances of this module's generic functions, in symbol order.
  public var instances: [CheckedInstance] = []

  /// A module whose bodies were not checked (an incremental build takes its object from the
  /// action cache): no tables, no requests.
  public static func unchecked(module: Int) -> CheckedModule {
    CheckedModule(module: module, exprTypes: ExpressionTypes(count: 0), exprFacts: ExpressionFacts(count: 0), stmtSlots: [], callArguments: CallArguments(), functions: [])
  }
}

/// One instance of a generic function, checked with its parameters bound. Its tables cover the
/// module's whole tree (only the function's own expressions are filled in).
public struct CheckedInstance: Sendable {
  public var instance: FunctionInstance
  public var signature: FunctionSignature
  public var tables: CheckedModule
  public var function: CheckedFunction
}

/// The type of every expression of a tree, stored without reference counting: a type without
/// payload (`Int`, `Bool`, a literal type, `.error`: nearly all of them) is a small code, any
/// other an index into `structured`. Reading one retains nothing, and the table is freed without
/// visiting its entries (an array of `SemaType` is destroyed entry by entry). Inlinable, so
/// that the lowering reads it without a call.
public struct ExpressionTypes: Sendable {
  /// Per expression: the code of a payload-free type, or `structuredBase` plus its index in
  /// `structured`.
  @usableFromInline var codes: [UInt32]
  /// The types with a payload, each used by one expression (overwritten in place).
  @usableFromInline var structured: [SemaType] = []
  /// Codes from here on index `structured`.
  @usableFromInline static let structuredBase: UInt32 = 16

  /// `count` expressions, all typed `.error` (unchecked).
  public init(count: Int) {
    codes = Array(repeating: 9, count: count)
  }

  /// The code of a payload-free type, or `structuredBase`.
  @inlinable @inline(__always)
  static func code(of type: SemaType) -> UInt32 {
    switch type {
    case .int: 0
    case .float64: 1
    case .bool: 2
    case .string: 3
    case .errorValue: 4
    case .intLiteral: 5
    case .floatLiteral: 6
    case .stringLiteral: 7
    case .none: 8
    case .error: 9
    default: structuredBase
    }
  }

  public subscript(index: Int) -> SemaType {
    @inlinable @inline(__always) get {
      switch codes[index] {
      case 0: .int
      case 1: .float64
      case 2: .bool
      case 3: .string
      case 4: .errorValue
      case 5: .intLiteral
      case 6: .floatLiteral
      case 7: .stringLiteral
      case 8: .none
      case 9: .error
      case let code: structured[Int(code - ExpressionTypes.structuredBase)]
      }
    }
    @inlinable @inline(__always) set {
      let code = ExpressionTypes.code(of: newValue)
      if code != ExpressionTypes.structuredBase {
        codes[index] = code
      } else {
        setStructured(index, newValue)
      }
    }
  }

  /// Stores a type with a payload (in place of the expression's older one, if any).
  @usableFromInline
  mutating func setStructured(_ index: Int, _ type: SemaType) {
    let old = codes[index]
    if old >= ExpressionTypes.structuredBase {
      structured[Int(old - ExpressionTypes.structuredBase)] = type
    } else {
      codes[index] = ExpressionTypes.structuredBase + UInt32(structured.count)
      structured.append(type)
    }
  }
}

/// What the checker learned about every expression of a tree, stored without reference
/// counting: `.none`, a local or a field is one packed word; a constant or a call is an index
/// into a side table of its own (overwritten in place when the fact changes). Reading a fact of
/// the first kind retains nothing, and the table is freed without visiting most entries.
public struct ExpressionFacts: Sendable {
  /// Per expression: the fact's kind in the top byte, its number (slot, field, side-table
  /// index) in the low 32 bits.
  @usableFromInline var words: [UInt64]
  @usableFromInline var constants: [ConstantValue] = []
  @usableFromInline var calls: [CallFact] = []

  /// A call's fact: the target and its arguments' window in `callArguments`.
  @usableFromInline struct CallFact: Sendable {
    @usableFromInline var target: CallTarget
    @usableFromInline var start: UInt32
    @usableFromInline var count: UInt32
    @usableFromInline init(target: CallTarget, start: UInt32, count: UInt32) {
      self.target = target
      self.start = start
      self.count = count
    }
  }

  /// The kinds of facts (the top byte of a word).
  @usableFromInline static let local: UInt64 = 1, field: UInt64 = 2, comprehension: UInt64 = 3
  @usableFromInline static let constant: UInt64 = 4, call: UInt64 = 5

  /// `count` expressions without facts.
  public init(count: Int) {
    words = Array(repeating: 0, count: count)
  }

  public subscript(index: Int) -> ExprFact {
    @inlinable @inline(__always) get {
      let word = words[index]
      let number = UInt32(truncatingIfNeeded: word)
      switch word >> 56 {
      case 0: return .none
      case ExpressionFacts.local: return .local(number)
      case ExpressionFacts.field: return .field(Int(number))
      case ExpressionFacts.comprehension: return .comprehension(slot: number)
      case ExpressionFacts.constant: return .constant(constants[Int(number)])
      default:
        let call = calls[Int(number)]
        return .call(call.target, start: call.start, count: call.count)
      }
    }
    @inlinable @inline(__always) set {
      switch newValue {
      case .none: words[index] = 0
      case .local(let slot): words[index] = ExpressionFacts.local << 56 | UInt64(slot)
      case .field(let field): words[index] = ExpressionFacts.field << 56 | UInt64(UInt32(field))
      case .comprehension(let slot): words[index] = ExpressionFacts.comprehension << 56 | UInt64(slot)
      default: setStructured(index, newValue)
      }
    }
  }

  /// Stores a constant or a call fact in its side table (in place of an older one of the same kind).
  @usableFromInline
  mutating func setStructured(_ index: Int, _ fact: ExprFact) {
    let old = words[index]
    let oldNumber = Int(UInt32(truncatingIfNeeded: old))
    switch fact {
    case .constant(let value):
      if old >> 56 == ExpressionFacts.constant {
        constants[oldNumber] = value
      } else {
        words[index] = ExpressionFacts.constant << 56 | UInt64(constants.count)
        constants.append(value)
      }
    case .call(let target, let start, let count):
      if old >> 56 == ExpressionFacts.call {
        calls[oldNumber] = CallFact(target: target, start: start, count: count)
      } else {
        words[index] = ExpressionFacts.call << 56 | UInt64(calls.count)
        calls.append(CallFact(target: target, start: start, count: count))
      }
    default:
      self[index] = fact
    }
  }
}
