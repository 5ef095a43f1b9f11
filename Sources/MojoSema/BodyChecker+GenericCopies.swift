//! Implicit copies in generic code, as Mojo 1.2 checks them: once, against the bounds. A value
//! whose type is a type parameter `T` (a parameter `x: T`, a local `var y: T` or `var z = y`, a
//! field `self.value` of type `Self.T`) cannot be copied implicitly unless `T`'s bounds include
//! `ImplicitlyCopyable`, whatever the instance binds `T` to (errors 345, 350, 351-352).
import MojoSyntax

extension BodyChecker {
  /// The index of the type parameter that is the type of what `id` reads in the generic
  /// function being instantiated: a parameter or local of type `T`, or a field of `self` whose
  /// declared type is a struct parameter.
  func typeParameterRead(_ id: ExprID) -> Int? {
    guard let instance else { return nil }
    let generic = program.signatures[instance.module][instance.function]
    switch result.exprFacts[Int(id.index)] {
    case .local(let slot):
      if Int(slot) < generic.parameters.count {
        if case .typeParameter(let k) = generic.parameters[Int(slot)].type { return k }
        return nil
      }
      return typeParameterLocals[slot]
    case .field(let field):
      // `self.value` in a method of a generic struct: its parameters lead the method's.
      let owner = methodOwner[instance.function]
      let base = tree.member(tree.expr(id)).base
      guard owner >= 0, generic.structParameterCount > 0, case .local(0) = result.exprFacts[Int(base.index)],
            !generic.parameters.isEmpty, tree.name(tree.functions[instance.function].parameters[0].name) == "self",
            case .typeParameter(let k) = program.structs[module][owner].fieldTypes[Int(field)] else { return nil }
      return k
    default:
      return nil
    }
  }

  /// The name of type parameter `k` of the generic function being instantiated when its bounds
  /// do not make it `ImplicitlyCopyable` (not `Self` of a trait's default method, nor the
  /// implicit parameter of `Some[Trait]`).
  func typeParameterNotImplicitlyCopyable(_ k: Int) -> String? {
    guard let instance else { return nil }
    let generic = program.signatures[instance.module][instance.function]
    guard k < generic.genericParameters.count else { return nil }
    let parameter = generic.genericParameters[k]
    guard parameter.valueType == nil, parameter.name != "Self", !parameter.name.hasPrefix("Some["),
          !parameter.bounds.contains(where: { program.refines($0, .builtin(.implicitlyCopyable)) }) else { return nil }
    return parameter.name
  }

  /// The type parameter a `var` declaration gives its local: the one its annotation names
  /// (`var y: T`, `var y: Self.T`), else the one of its value (`var z = y`, `y^`, `y.copy()`).
  func declaredTypeParameter(_ type: TypeExprID?, value: ExprID?) -> Int? {
    guard let instance else { return nil }
    if let type {
      let node = tree.type(type)
      guard !node.argument.exists else { return nil }
      let name = tree.name(node.name)
      return program.signatures[instance.module][instance.function].genericParameters
        .firstIndex { $0.valueType == nil && $0.name == name }
    }
    guard var value else { return nil }
    let e = tree.expr(value)
    if e.kind == .transfer {
      value = tree.operand(e)
    } else if e.kind == .call, case let callee = tree.expr(tree.call(e).callee), callee.kind == .member,
              case let (base, name) = tree.member(callee), tree.name(name) == "copy" {
      value = base
    }
    return typeParameterRead(value)
  }
}
