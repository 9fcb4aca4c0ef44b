import SourceAnalysis

extension Interpreter {
    func evaluate(_ expression: Expression, in scope: Scope) -> Value {
        guard spend() else { return .unknown("a value past the analysis work limit") }
        switch expression {
        case .identifier(let name, _):
            return resolve(scope.lookup(name) ?? globalValue(name))
        case .string(let text):
            return .symbolic(.literal(text))
        case .number(let text):
            return .symbolic(.literal(text))
        case .template(let texts, let substitutions):
            var parts: [SymbolicValue] = []
            for (offset, text) in texts.enumerated() {
                parts.append(.literal(text))
                if offset < substitutions.count { parts.append(evaluate(substitutions[offset], in: scope).symbolic) }
            }
            return .symbolic(Concatenation.make(parts))
        case .object(let properties):
            return .object(makeObject(properties, in: scope))
        case .array(let elements):
            return .array(values(of: elements.compactMap { $0 }, in: scope))
        case .function(let node):
            return .function(Closure(node: node, scope: scope))
        case .classExpression(let node):
            return makeClass(node, in: scope)
        case .member(let object, let name):
            return member(of: evaluate(object, in: scope), name)
        case .index(let object, let key):
            return index(evaluate(object, in: scope), evaluate(key, in: scope))
        case .call(let callee, let arguments, let position):
            return call(callee, arguments, at: position, in: scope)
        case .new(let callee, let arguments, let position):
            return construct(evaluate(callee, in: scope), values(of: arguments, in: scope), at: position, in: scope)
        case .dynamicImport(let source, let position):
            guard let name = evaluate(source, in: scope).symbolic.literalValue else {
                reportDynamicImport(at: location(position, in: scope))
                return .notFollowed
            }
            return importedValue(name, from: scope, at: position)
        case .unary(let operation, let operand):
            let value = evaluate(operand, in: scope)
            return operation == "await" ? awaited(value) : .unknown("the result of '\(operation)'")
        case .binary(let operation, let left, let right):
            return binary(operation, evaluate(left, in: scope), evaluate(right, in: scope))
        case .conditional(let condition, let whenTrue, let whenFalse):
            _ = evaluate(condition, in: scope)
            return .union(of: [evaluate(whenTrue, in: scope), evaluate(whenFalse, in: scope)])
        case .assignment(let operation, let target, let valueExpression):
            return assign(operation, target, evaluate(valueExpression, in: scope), in: scope)
        case .sequence(let items):
            return items.map { evaluate($0, in: scope) }.last ?? .notFollowed
        case .this:
            return scope.lookup("this") ?? .unknown("'this' outside a method")
        case .opaque:
            return .notFollowed
        }
    }

    func resolve(_ value: Value) -> Value {
        if case .exportReference(let box, let name) = value {
            return box.properties[name] ?? .unknown("'\(name)', which the module does not export")
        }
        return value
    }

    /// Values of arguments or array elements, with spread arrays expanded.
    func values(of elements: [Element], in scope: Scope) -> [Value] {
        var result: [Value] = []
        for element in elements {
            let value = evaluate(element.value, in: scope)
            if element.isSpread, case .array(let items) = value {
                result += items
            } else {
                result.append(value)
            }
        }
        return result
    }

    private func globalValue(_ name: String) -> Value {
        switch name {
        case "process": return .object(ObjectBox(["env": .processEnvironment]))
        case "Object":
            var functions: [String: Value] = [:]
            for name in ["defineProperty", "keys", "getOwnPropertyNames"] {
                functions[name] = .builtin("Object." + name)
            }
            return .object(ObjectBox(functions))
        case "fetch": return .sdk(.httpFunction)
        case "true", "false": return .symbolic(.literal(name))
        case "undefined", "null": return .unknown(Value.absentReason)
        default: return .unknown("'\(name)', which is not defined in the analyzed code")
        }
    }

    private func makeObject(_ properties: [Property], in scope: Scope) -> ObjectBox {
        let box = ObjectBox()
        for property in properties {
            switch property {
            case .value(.name(let name), let expression):
                box.properties[name] = evaluate(expression, in: scope)
            case .value(.computed(let keyExpression), let expression):
                let key = evaluate(keyExpression, in: scope).symbolic
                let value = evaluate(expression, in: scope)
                if let name = key.literalValue { box.properties[name] = value } else { box.addComputed(key, value) }
            case .spread(let expression):
                if case .object(let source) = evaluate(expression, in: scope) {
                    box.properties.merge(source.properties) { _, new in new }
                    for (key, value) in source.computedProperties { box.addComputed(key, value) }
                    box.hasUnknownProperties = box.hasUnknownProperties || source.hasUnknownProperties
                } else {
                    box.addComputed(.unknown(reason: "a key of a spread value"), .notFollowed)
                }
            }
        }
        return box
    }

    func propertyName(_ key: PropertyKey, in scope: Scope) -> String? {
        switch key {
        case .name(let name): return name
        case .computed(let expression): return evaluate(expression, in: scope).symbolic.literalValue
        }
    }

    func makeClass(_ node: ClassNode, in scope: Scope) -> Value {
        let superclass = node.superclass.map { evaluate($0, in: scope) }
        return .classValue(ClassValue(node: node, scope: scope, superclass: superclass))
    }

    /// Returns the value itself, because the analysis does not tell a promise from its result.
    private func awaited(_ value: Value) -> Value { value }

    private func binary(_ operation: String, _ left: Value, _ right: Value) -> Value {
        switch operation {
        case "+":
            if case .symbolic = left, case .symbolic = right {
                return .symbolic(Concatenation.make([left.symbolic, right.symbolic]))
            }
            return .unknown("a sum of values that are not strings")
        case "??", "||":
            if case .symbolic(.environment(let name, nil)) = left, let fallback = right.symbolic.literalValue {
                return .symbolic(.environment(name: name, defaultValue: fallback))
            }
            // A value the analysis could not see may still be set at run time: for data the
            // result stays open rather than taking the fallback, while an object fallback
            // (`client || new S3Client()`) is the one the analysis can follow.
            switch (left, right) {
            case (.unknown(let reason), .symbolic), (.symbolic(.unknown(let reason)), .symbolic):
                return .symbolic(.unknown(reason: "\(reason), or the fallback after '\(operation)'"))
            case (.unknown, _), (.symbolic(.unknown), _):
                return right
            default:
                return .union(of: [left, right])
            }
        case "&&":
            return right
        default:
            return .unknown("the result of '\(operation)'")
        }
    }

    private func assign(_ operation: String, _ target: Pattern, _ value: Value, in scope: Scope) -> Value {
        var assigned = value
        if operation != "=", case .identifier(let name) = target {
            let current = resolve(scope.lookup(name) ?? .notFollowed)
            switch operation {
            case "+=": assigned = binary("+", current, value)
            case "??=", "||=": assigned = binary("??", current, value)
            default: assigned = .unknown("the result of '\(operation)'")
            }
        }
        bind(target, to: assigned, in: scope, declares: false)
        return assigned
    }
}
