extension ScopeBuilder {
    /// Binds the names that expressions assign: `(name := value)` and comprehension targets.
    /// Python gives comprehension targets a scope of their own. Binding them in the enclosing
    /// scope instead only adds possible values to a name that is reused there.
    func bindNames(in expression: Expression, scope: Int) {
        switch expression {
        case .namedAssignment(let name, let value):
            program.bind(name, .value(value, scope: scope), in: scope)
            bindNames(in: value, scope: scope)
        case .comprehension(let element, let clauses):
            for clause in clauses {
                bindIterationTargets(clause.target, iterable: clause.iterable, scope: scope)
                bindNames(in: clause.iterable, scope: scope)
                for condition in clause.conditions { bindNames(in: condition, scope: scope) }
            }
            bindNames(in: element, scope: scope)
        case .call(let callee, let arguments, _):
            bindNames(in: callee, scope: scope)
            for argument in arguments { bindNames(in: argument.value, scope: scope) }
        case .attribute(let base, _, _), .starred(let base), .await(let base), .unary(_, let base):
            bindNames(in: base, scope: scope)
        case .subscript(let base, let items):
            bindNames(in: base, scope: scope)
            for item in items { bindNames(in: item, scope: scope) }
        case .binary(let first, let rest):
            bindNames(in: first, scope: scope)
            for (_, operand) in rest { bindNames(in: operand, scope: scope) }
        case .boolean(_, let items), .tuple(let items), .list(let items), .set(let items):
            for item in items { bindNames(in: item, scope: scope) }
        case .conditional(let value, let condition, let otherwise):
            for item in [value, condition, otherwise] { bindNames(in: item, scope: scope) }
        case .dictionary(let entries):
            for (_, value) in entries { bindNames(in: value, scope: scope) }
        default:
            break
        }
    }

    func bindIterationTargets(_ target: Expression, iterable: Expression, scope: Int) {
        switch target {
        case .name(let name, _):
            program.bind(name, .iteration(iterable, scope: scope), in: scope)
        case .tuple(let items), .list(let items):
            for case .name(let name, _) in items {
                program.bind(name, .unknown("'\(name)' is unpacked from an item computed at run time"), in: scope)
            }
        default:
            break
        }
    }
}
