import SourceAnalysis

extension Interpreter {
    func member(of value: Value, _ name: String) -> Value {
        switch value {
        case .processEnvironment:
            return .symbolic(.environment(name: name, defaultValue: nil))
        case .symbolic(.event(let path)):
            if name == "length" { return .unknown("a length") }
            return .symbolic(.event(path: path + [name]))
        case .object(let box):
            return member(of: box, value, name)
        case .array(let items):
            return name == "length" ? .unknown("a length") : .unknown("array method '\(name)' of \(items.count) items")
        case .classValue(let classValue):
            // Static and instance methods share one table, so this also finds static methods.
            if let (method, owner) = classValue.method(named: name) {
                return .function(Closure(node: method, scope: owner.scope, thisValue: value, owner: owner))
            }
            // Static fields share the field list with instance fields; reading one from the
            // class evaluates its initializer.
            if let (_, initializer) = classValue.node.fields.first(where: { $0.0 == name }) {
                let scope = makeScope(parent: classValue.scope, module: classValue.scope.module)
                scope.bindings["this"] = value
                return evaluate(initializer, in: scope)
            }
            return .unknown("a static member of a class")
        case .sdk(let sdk):
            return SDKRecognizer(interpreter: self).member(of: sdk, name)
        case .wrapper:
            return value
        case .union(let members):
            return .union(of: members.map { member(of: $0, name) })
        case .exportReference:
            return member(of: resolve(value), name)
        case .builtin(let module) where FileSystemModule.modules.contains(module):
            return .builtin(module + "." + name)
        default:
            return .unknown("property '\(name)' of a value the analysis does not follow")
        }
    }

    /// Reads an object's property. A getter runs, and a method is bound to the object as `this`.
    private func member(of box: ObjectBox, _ value: Value, _ name: String) -> Value {
        if case .getter(let closure)? = box.properties[name] { return invoke(closure, arguments: []) }
        if let property = box.properties[name] {
            // A method read from an object literal runs with the object as `this`.
            if case .function(var closure) = property, closure.thisValue == nil {
                closure.thisValue = value
                return closure.node.isGetter ? invoke(closure, arguments: []) : .function(closure)
            }
            return resolve(property)
        }
        if let classValue = box.classValue, let (method, owner) = classValue.method(named: name) {
            let closure = Closure(node: method, scope: owner.scope, thisValue: value, owner: owner)
            return method.isGetter ? invoke(closure, arguments: []) : .function(closure)
        }
        return .unknown("property '\(name)', which the analysis did not see set")
    }

    func index(_ value: Value, _ key: Value) -> Value {
        let text = key.symbolic.literalValue
        switch value {
        case .symbolic(.event(let path)):
            guard let text else { return .unknown("an event field chosen at run time") }
            if Int(text) != nil { return .symbolic(.event(path: path + ["*"])) }
            return .symbolic(.event(path: path + [text]))
        case .array(let items):
            if let text, let position = Int(text) {
                return position >= 0 && position < items.count ? items[position] : .unknown("an element past the end")
            }
            return .union(of: items)
        default:
            guard let text else { return .unknown("a property chosen at run time") }
            return member(of: value, text)
        }
    }

    /// Binds a pattern to a value: destructuring reads the value's members, and a default
    /// fills what the value does not give (`{ TABLE = "orders" } = process.env`).
    func bind(_ pattern: Pattern, to value: Value, in scope: Scope, declares: Bool) {
        switch pattern {
        case .identifier(let name):
            guard !name.isEmpty else { return }
            if declares { scope.bindings[name] = value } else { scope.assign(name, value) }
        case .object(let entries, let rest):
            for entry in entries {
                let item = propertyName(entry.key, in: scope).map { member(of: value, $0) }
                bind(entry.value, to: item ?? .unknown("a property chosen at run time"), in: scope, declares: declares)
            }
            if let rest { bind(.identifier(rest), to: value, in: scope, declares: declares) }
        case .array(let items, let rest):
            for (position, item) in items.enumerated() {
                guard let item else { continue }
                bind(item, to: index(value, .symbolic(.literal(String(position)))), in: scope, declares: declares)
            }
            if let rest {
                let remaining: Value
                if case .array(let values) = value {
                    remaining = .array(Array(values.dropFirst(items.count)))
                } else {
                    remaining = .unknown("the rest of a list")
                }
                bind(.identifier(rest), to: remaining, in: scope, declares: declares)
            }
        case .defaulted(let inner, let fallback):
            bind(inner, to: withDefault(value, fallback, in: scope), in: scope, declares: declares)
        case .expression(let target):
            store(value, into: target, in: scope)
        }
    }

    private func withDefault(_ value: Value, _ fallback: Expression, in scope: Scope) -> Value {
        switch value {
        case .symbolic(.environment(let name, nil)):
            let text = evaluate(fallback, in: scope).symbolic.literalValue
            return .symbolic(.environment(name: name, defaultValue: text))
        case .unknown, .symbolic(.unknown):
            return evaluate(fallback, in: scope)
        default:
            return value
        }
    }

    /// Stores into `object.name` or `object[key]` when the object is one the analysis tracks.
    private func store(_ value: Value, into target: Expression, in scope: Scope) {
        let object: Expression
        let key: SymbolicValue
        switch target {
        case .member(let base, let property):
            object = base
            key = .literal(property)
        case .index(let base, let index):
            object = base
            key = evaluate(index, in: scope).symbolic
        default:
            _ = evaluate(target, in: scope)
            return
        }
        guard case .object(let box) = evaluate(object, in: scope) else { return }
        if let name = key.literalValue { box.properties[name] = value } else { box.addComputed(key, value) }
    }
}
