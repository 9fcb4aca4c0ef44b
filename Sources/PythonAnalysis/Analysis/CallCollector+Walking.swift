import Diagnostics
import SourceAnalysis

extension CallCollector {
    /// Decorators that do not register the function anywhere, so they do not make it reachable.
    static let transparentDecorators: Set<String> = [
        "staticmethod", "classmethod", "property", "lru_cache", "cache", "cached_property", "wraps", "setter",
        "abstractmethod", "overload", "dataclass", "contextmanager", "asynccontextmanager",
    ]

    func walk(_ statements: [Statement], in scope: Int) {
        for statement in statements { walk(statement, in: scope) }
    }

    private func walk(_ statement: Statement, in scope: Int) {
        switch statement {
        case .expression(let expression), .returnValue(let expression?):
            visit(expression, in: scope)
        case .assignment(let targets, let value):
            visit(value, in: scope)
            for target in targets { visit(target, in: scope) }
        case .annotatedAssignment(_, _, let value?):
            visit(value, in: scope)
        case .augmentedAssignment(let target, let value):
            visit(target, in: scope)
            visit(value, in: scope)
        case .importModules(let names):
            for imported in names { importModule(imported.name) }
        case .importFrom(let level, let module, let names, let position):
            walkFromImport(level: level, module: module, names: names, at: position)
        case .function(let definition):
            walkDefinition(definition, in: scope)
        case .classDefinition(let definition):
            walkClass(definition, in: scope)
        case .forLoop(_, let iterable, let body):
            visit(iterable, in: scope)
            visitIteration(iterable, in: scope)
            walk(body, in: scope)
        case .with(let items, let body):
            for (context, _) in items { visitContext(context, in: scope) }
            walk(body, in: scope)
        case .exceptHandler(let type, _, let body):
            if let type { visit(type, in: scope) }
            walk(body, in: scope)
        case .block(let headers, let body):
            for header in headers { visit(header, in: scope) }
            walk(body, in: scope)
        case .other(let expressions):
            for expression in expressions { visit(expression, in: scope) }
        case .returnValue(nil), .annotatedAssignment, .global:
            break
        }
    }

    private func walkFromImport(level: Int, module: String, names: [ImportedName], at position: SourcePosition) {
        let importer = program.modules[currentModule]
        let absolute = ScopeBuilder.absoluteModule(level: level, module: module, importer: importer)
        guard let absolute, level == 0 || loader.module(named: absolute) != nil else {
            // A relative import always names local code, so a missing module hides calls.
            let written = String(repeating: ".", count: level) + module
            diagnostics.report(
                .warning, .pythonRelativeImportNotFound,
                "relative import '\(written)' does not name a module under the code root; its calls are not analyzed",
                at: location(of: position), notes: ["check the module path, or include the module in the code root"])
            return
        }
        importModule(absolute)
        // A submodule lies in its package's folder, so a module that is not local has none.
        let isLocal = loader.module(named: absolute) != nil
        for imported in names {
            if isLocal, let id = loader.module(named: absolute + "." + imported.name) { enqueue(.module(id)) }
            if absolute.hasPrefix("aws_lambda_powertools") && imported.name == "Tracer" { markXRaySampling() }
        }
    }

    /// A `def` runs its decorators and defaults; a registering decorator (`@app.route(...)`)
    /// makes the function reachable, because a framework will call it.
    private func walkDefinition(_ definition: FunctionDefinition, in scope: Int) {
        for decorator in definition.decorators { visit(decorator, in: scope) }
        for parameter in definition.parameters {
            if let defaultValue = parameter.defaultValue { visit(defaultValue, in: scope) }
        }
        let builder = ScopeBuilder(program: program, moduleID: currentModule)
        let registers = definition.decorators.contains { decorator in
            guard let name = builder.decoratorName(decorator) else { return true }
            return !Self.transparentDecorators.contains(name)
        }
        guard registers, let id = functionID(definition, in: scope) else { return }
        enqueue(.function(id))
    }

    private func walkClass(_ definition: ClassDefinition, in scope: Int) {
        for base in definition.bases { visit(base.value, in: scope) }
        for decorator in definition.decorators { visit(decorator, in: scope) }
        guard let bindings = program.bindings(of: definition.name, in: scope) else { return }
        for case .classDefinition(let id) in bindings
        where program.classes[id].definition.position == definition.position {
            walk(definition.body, in: program.classes[id].scope)
        }
    }

    private func functionID(_ definition: FunctionDefinition, in scope: Int) -> Int? {
        var target = scope
        if program.scopes[scope].globalNames.contains(definition.name) {
            target = program.modules[program.scopes[scope].module].scope
        }
        for case .function(let id) in program.bindings(of: definition.name, in: target) ?? []
        where program.functions[id].definition.position == definition.position {
            return id
        }
        return nil
    }

    /// Iterating a collection manager (`for o in bucket.objects:`) lists it like `.all()`.
    private func visitIteration(_ iterable: Expression, in scope: Int) {
        guard case .attribute(_, _, let position) = iterable else { return }
        let site = CallSite(arguments: [], scope: scope, location: location(of: position))
        for case .collection(let reference, let collection) in evaluator.evaluate(iterable, in: scope).alternatives {
            record(recognizer.collectionCalls(reference, collection, "all", at: site))
        }
    }

    /// Queues `__enter__` and `__exit__` of a local object used as a `with` context, which run there.
    private func visitContext(_ context: Expression, in scope: Int) {
        visit(context, in: scope)
        for case .instance(let classID) in evaluator.evaluate(context, in: scope).alternatives {
            for name in ["__enter__", "__exit__", "__aenter__", "__aexit__"] {
                if let method = program.method(named: name, inClass: classID, bases: evaluator.baseClasses) {
                    enqueue(.function(method))
                }
            }
        }
    }
}
