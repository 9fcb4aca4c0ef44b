extension Interpreter {
    /// Binds function declarations before the statements run, because JavaScript hoists them
    /// and a call above a declaration reaches it.
    func hoist(_ statements: [Statement], in scope: Scope) {
        for statement in statements {
            switch statement {
            case .function(let name, let node):
                scope.bindings[name] = .function(Closure(node: node, scope: scope))
            case .exportDeclaration(.function(let name, let node), _):
                scope.bindings[name] = .function(Closure(node: node, scope: scope))
            default: continue
            }
        }
    }

    func execute(_ statements: [Statement], in scope: Scope, returns: inout [Value]) {
        for statement in statements {
            guard spend() else { return }
            execute(statement, in: scope, returns: &returns)
        }
    }

    private func executeBlock(_ statements: [Statement], in scope: Scope, returns: inout [Value]) {
        let inner = makeScope(parent: scope, module: scope.module)
        hoist(statements, in: inner)
        execute(statements, in: inner, returns: &returns)
    }

    private func execute(_ statement: Statement, in scope: Scope, returns: inout [Value]) {
        switch statement {
        case .variables(let declarations):
            for (pattern, initializer) in declarations {
                let value = initializer.map { evaluate($0, in: scope) } ?? .unknown("a variable without a value")
                bind(pattern, to: value, in: scope, declares: true)
            }
        case .expression(let expression):
            _ = evaluate(expression, in: scope)
        case .function(let name, let node):
            scope.bindings[name] = .function(Closure(node: node, scope: scope))
        case .classDeclaration(let name, let node):
            scope.bindings[name] = makeClass(node, in: scope)
        case .returnValue(let expression):
            returns.append(expression.map { evaluate($0, in: scope) } ?? .unknown("no value"))
        case .ifElse(let condition, let thenBody, let elseBody):
            _ = evaluate(condition, in: scope)
            executeBlock(thenBody, in: scope, returns: &returns)
            executeBlock(elseBody, in: scope, returns: &returns)
        case .block(let body):
            executeBlock(body, in: scope, returns: &returns)
        case .forIn(let pattern, let object, let body):
            for key in keys(of: evaluate(object, in: scope)) {
                let inner = makeScope(parent: scope, module: scope.module)
                bind(pattern, to: key, in: inner, declares: true)
                executeBlock(body, in: inner, returns: &returns)
            }
        case .forOf(let pattern, let iterable, let body):
            for item in elements(of: evaluate(iterable, in: scope)) {
                let inner = makeScope(parent: scope, module: scope.module)
                bind(pattern, to: item, in: inner, declares: true)
                executeBlock(body, in: inner, returns: &returns)
            }
        case .loop(let head, let body):
            let inner = makeScope(parent: scope, module: scope.module)
            execute(head, in: inner, returns: &returns)
            executeBlock(body, in: inner, returns: &returns)
        case .tryCatch(let body, let binding, let handler, let finalizer):
            executeBlock(body, in: scope, returns: &returns)
            let handlerScope = makeScope(parent: scope, module: scope.module)
            if let binding { bind(binding, to: .unknown("the caught error"), in: handlerScope, declares: true) }
            executeBlock(handler, in: handlerScope, returns: &returns)
            executeBlock(finalizer, in: scope, returns: &returns)
        case .switchCases(let subject, let cases):
            _ = evaluate(subject, in: scope)
            let inner = makeScope(parent: scope, module: scope.module)
            for body in cases { execute(body, in: inner, returns: &returns) }
        case .throwValue(let expression):
            _ = evaluate(expression, in: scope)
        case .importDeclaration, .exportFrom, .exportNames, .exportDeclaration, .exportDefault:
            executeModuleStatement(statement, in: scope, returns: &returns)
        case .empty:
            break
        }
    }

    private func executeModuleStatement(_ statement: Statement, in scope: Scope, returns: inout [Value]) {
        switch statement {
        case .importDeclaration(let declaration):
            bindImport(declaration, in: scope)
        case .exportFrom(let declaration):
            exportFrom(declaration, in: scope)
        case .exportNames(let pairs):
            let exports = modules[scope.module].exports
            for (local, exported) in pairs { exports.properties[exported] = scope.lookup(local) ?? .notFollowed }
        case .exportDeclaration(let declaration, let names):
            execute(declaration, in: scope, returns: &returns)
            let exports = modules[scope.module].exports
            for name in names { exports.properties[name] = scope.lookup(name) ?? .notFollowed }
        case .exportDefault(let expression):
            let value = evaluate(expression, in: scope)
            modules[scope.module].exports.properties["default"] = value
            if case .function(let closure) = value, let name = closure.node.name { scope.bindings[name] = value }
        default:
            break
        }
    }

    /// Returns the elements a `for...of` loop visits: each element of a short known array, so
    /// a list of table names gives one call per table, or else one element standing for all.
    private func elements(of value: Value) -> [Value] {
        if case .array(let items) = value, !items.isEmpty, items.count <= 64 { return items }
        return [element(of: value)]
    }

    /// Returns the keys a `for...in` loop visits: the known properties of an object, or one
    /// unknown key when they are not known.
    private func keys(of value: Value) -> [Value] {
        guard case .object(let box) = value, !box.hasUnknownProperties, !box.properties.isEmpty else {
            return [.unknown("a property name the analysis does not know")]
        }
        return box.properties.keys.sorted().prefix(64).map { .symbolic(.literal($0)) }
    }

    /// Returns the value of one element of an iterable: `event.Records` gives `event.Records[*]`.
    func element(of value: Value) -> Value {
        switch value {
        case .symbolic(.event(let path)): return .symbolic(.event(path: path + ["*"]))
        case .array(let items): return .union(of: items)
        case .union(let members): return .union(of: members.map(element(of:)))
        default: return .unknown("an element of a collection the analysis does not follow")
        }
    }

    private func bindImport(_ declaration: ImportDeclaration, in scope: Scope) {
        let module = importedValue(declaration.source, from: scope, at: declaration.position)
        if let name = declaration.namespaceName { scope.bindings[name] = module }
        if let name = declaration.defaultName { scope.bindings[name] = defaultExport(of: module) }
        for (imported, local) in declaration.named {
            if case .object(let box) = module {
                scope.bindings[local] = .exportReference(box, imported)
            } else {
                scope.bindings[local] = member(of: module, imported)
            }
        }
    }

    /// Returns the default import: an ES module's `default` export, or a CommonJS module's exports.
    func defaultExport(of module: Value) -> Value {
        if case .object(let box) = module, let value = box.properties["default"] { return value }
        return module
    }

    private func exportFrom(_ declaration: ExportFrom, in scope: Scope) {
        let module = importedValue(declaration.source, from: scope, at: declaration.position)
        let exports = modules[scope.module].exports
        if let name = declaration.namespaceName {
            exports.properties[name] = module
        } else if declaration.isAll {
            if case .object(let box) = module {
                for (name, value) in box.properties where name != "default" { exports.properties[name] = value }
            }
        } else {
            for (exported, imported) in declaration.named {
                exports.properties[exported] = member(of: module, imported)
            }
        }
    }
}
