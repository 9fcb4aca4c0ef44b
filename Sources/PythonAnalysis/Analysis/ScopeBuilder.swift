/// Records the bindings of a module's statements: assignments, imports, functions and classes,
/// each in the scope Python gives it. Nested functions and classes get their own scopes.
struct ScopeBuilder {
    /// The bindings a builder records: all, or the two parts of a method body read in turn.
    enum Part { case all, instanceAttributesOnly, allButInstanceAttributes }

    let program: Program
    let moduleID: Int
    var part = Part.all

    /// Absolute name of the module `from` names, or `nil` when a relative import climbs
    /// above the top-level package.
    static func absoluteModule(level: Int, module: String, importer: ModuleInfo) -> String? {
        guard level > 0 else { return module }
        var package = importer.name.split(separator: ".").map(String.init)
        if !importer.isPackage { package.removeLast() }
        guard level - 1 <= package.count else { return nil }
        package.removeLast(level - 1)
        if !module.isEmpty { package.append(module) }
        return package.isEmpty ? nil : package.joined(separator: ".")
    }

    /// Returns the first non-empty part of a dotted name: `a` for `a.b.c`. The name is split
    /// on its bytes, which gives the parts a split on characters gives, because `.` is ASCII.
    static func firstComponent(of name: String) -> String {
        guard let first = name.utf8.split(separator: UInt8(ascii: ".")).first else { return name }
        return String(decoding: first, as: UTF8.self)
    }

    func bindStatements(_ statements: [Statement], in scope: Int) {
        for statement in statements { bindStatement(statement, in: scope) }
    }

    private func bindStatement(_ statement: Statement, in scope: Int) {
        if part == .instanceAttributesOnly {
            bindInstanceAttributes(of: statement, in: scope)
            return
        }
        switch statement {
        case .assignment(let targets, let value):
            for target in targets { bindTarget(target, value: value, in: scope) }
            bindNames(in: value, scope: scope)
        case .annotatedAssignment(let target, let annotation, let value):
            if let value {
                bindTarget(target, value: value, in: scope)
            } else if case .name(let name, _) = target {
                program.bind(name, .annotation(annotation, scope: scope), in: scope)
            }
        case .importModules(let names):
            for imported in names {
                let bound = imported.alias ?? Self.firstComponent(of: imported.name)
                program.bind(bound, .module(imported.alias == nil ? bound : imported.name), in: scope)
            }
        case .importFrom(let level, let module, let names, _):
            bindFromImport(level: level, module: module, names: names, in: scope)
        case .global(let names):
            program.scopes[scope].globalNames.formUnion(names)
        case .function(let definition):
            let id = addFunction(definition, in: scope)
            program.bind(definition.name, .function(id), in: scope)
        case .classDefinition(let definition):
            let id = addClass(definition, in: scope)
            program.bind(definition.name, .classDefinition(id), in: scope)
        case .forLoop(let target, let iterable, let body):
            bindIterationTargets(target, iterable: iterable, scope: scope)
            bindNames(in: iterable, scope: scope)
            bindStatements(body, in: scope)
        case .with(let items, let body):
            for (context, target) in items {
                if case .name(let name, _)? = target { program.bind(name, .context(context, scope: scope), in: scope) }
            }
            bindStatements(body, in: scope)
        case .exceptHandler(_, let name, let body):
            if let name { program.bind(name, .unknown("the caught exception"), in: scope) }
            bindStatements(body, in: scope)
        case .block(let headers, let body):
            for header in headers { bindNames(in: header, scope: scope) }
            bindStatements(body, in: scope)
        case .expression(let expression), .returnValue(let expression?):
            bindNames(in: expression, scope: scope)
        case .augmentedAssignment, .returnValue, .other:
            break
        }
    }

    private func bindFromImport(level: Int, module: String, names: [ImportedName], in scope: Int) {
        let importer = program.modules[moduleID]
        guard let absolute = Self.absoluteModule(level: level, module: module, importer: importer) else {
            for imported in names {
                program.bind(imported.alias ?? imported.name, .unknown("a relative import outside the code"), in: scope)
            }
            return
        }
        if names.isEmpty {
            program.scopes[scope].starImports.append(absolute)
            return
        }
        for imported in names {
            program.bind(
                imported.alias ?? imported.name, .importedName(module: absolute, name: imported.name), in: scope)
        }
    }

    private func bindTarget(_ target: Expression, value: Expression, in scope: Int) {
        switch target {
        case .name(let name, _):
            guard part != .instanceAttributesOnly else { return }
            program.bind(name, .value(value, scope: scope), in: scope)
        case .tuple(let elements), .list(let elements):
            if case .tuple(let values) = value, values.count == elements.count {
                for (element, item) in zip(elements, values) { bindTarget(element, value: item, in: scope) }
                return
            }
            for (index, element) in elements.enumerated() where part != .instanceAttributesOnly {
                if case .name(let name, _) = element {
                    program.bind(name, .unpacked(value, scope: scope, index: index), in: scope)
                }
            }
        case .attribute(.name(let receiver, _), let attribute, _):
            bindInstanceAttribute(receiver: receiver, attribute: attribute, value: value, in: scope)
        default:
            break
        }
    }

    private func bindInstanceAttributes(of statement: Statement, in scope: Int) {
        switch statement {
        case .assignment(let targets, let value):
            for target in targets { bindTarget(target, value: value, in: scope) }
        case .annotatedAssignment(let target, _, let value?):
            bindTarget(target, value: value, in: scope)
        case .forLoop(_, _, let body), .with(_, let body), .exceptHandler(_, _, let body), .block(_, let body):
            bindStatements(body, in: scope)
        default:
            break
        }
    }

    /// Binds the instance attributes that the class's deferred method bodies assign, once,
    /// before the class's attributes are first read. A body whose assignments cannot be
    /// parsed apart from it is parsed whole.
    static func bindPendingAttributes(of classID: Int, in program: Program) {
        let pending = program.classes[classID].pendingAttributeBodies
        guard !pending.isEmpty else { return }
        program.classes[classID].pendingAttributeBodies = []
        let builder = ScopeBuilder(
            program: program, moduleID: program.classes[classID].module, part: .instanceAttributesOnly)
        for (body, scope) in pending {
            builder.bindStatements(body.attributeAssignments() ?? body.statements, in: scope)
        }
    }

    /// `self.client = boto3.client(...)` inside a method records an instance attribute.
    private func bindInstanceAttribute(receiver: String, attribute: String, value: Expression, in scope: Int) {
        guard part != .allButInstanceAttributes, let functionID = program.scopes[scope].function else { return }
        let function = program.functions[functionID]
        guard let classID = function.classID, function.bindsFirstParameter,
            function.definition.parameters.first?.name == receiver
        else { return }
        program.classes[classID].instanceAttributes[attribute, default: []].append((value, scope: scope))
    }

    // MARK: Functions and classes

    private func addFunction(_ definition: FunctionDefinition, in scope: Int) -> Int {
        let classID = program.scopes[scope].classID
        let parent = classID != nil ? program.scopes[scope].parent : scope
        let id = program.functions.count
        let own = program.addScope(ScopeInfo(parent: parent, module: moduleID, function: id))
        let isStatic = definition.decorators.contains { decoratorName($0) == "staticmethod" }
        let isClassMethod = definition.decorators.contains { decoratorName($0) == "classmethod" }
        program.functions.append(
            FunctionInfo(
                name: definition.name, definition: definition, module: moduleID, scope: own, definingScope: scope,
                classID: classID, bindsFirstParameter: classID != nil && !isStatic && !definition.parameters.isEmpty))
        if let classID { program.addMethod(id, named: definition.name, inClass: classID) }
        bindBody(of: definition, function: id, isClassMethod: isClassMethod, in: own)
        return id
    }

    func bindParameters(_ parameters: [Parameter], function id: Int, isClassMethod: Bool, in scope: Int) {
        let classID = program.functions[id].classID
        for (index, parameter) in parameters.enumerated() {
            var binding = Binding.parameter(function: id, index: index)
            if index == 0, let classID, program.functions[id].bindsFirstParameter {
                binding = isClassMethod ? .classDefinition(classID) : .instanceParameter(classID: classID)
            }
            program.bind(parameter.name, binding, in: scope)
        }
    }

    /// Binds the parameters and the body's names now, or when a deferred body is first read.
    /// The instance attributes a method body may record are bound now, because the class's
    /// attributes must be complete before any method is evaluated.
    private func bindBody(of definition: FunctionDefinition, function id: Int, isClassMethod: Bool, in scope: Int) {
        guard let deferred = definition.deferredBody, !deferred.isParsed else {
            program.reserveNames(definition.parameters.count + definition.body.count, in: scope)
            bindParameters(definition.parameters, function: id, isClassMethod: isClassMethod, in: scope)
            bindStatements(definition.body, in: scope)
            return
        }
        var rest = Part.all
        if deferred.mayAssignFirstParameterAttribute && program.functions[id].bindsFirstParameter,
            let classID = program.functions[id].classID
        {
            // The class's instance attributes are bound from this body when they are first read.
            program.classes[classID].pendingAttributeBodies.append((deferred, scope: scope))
            rest = .allButInstanceAttributes
        }
        // The pending entry keeps the parameters, not the definition, which contains the body.
        program.deferredBodies[scope] = PendingBody(
            body: deferred, moduleID: moduleID, parameters: definition.parameters, function: id,
            isClassMethod: isClassMethod, part: rest)
        deferred.listener = program
        deferred.listenerToken = scope
    }

    /// Binds the parameters and names of a deferred body once it is parsed.
    static func bindParsedBody(_ pending: PendingBody, statements: [Statement], in scope: Int, program: Program) {
        let builder = ScopeBuilder(program: program, moduleID: pending.moduleID, part: pending.part)
        program.reserveNames(pending.parameters.count + statements.count, in: scope)
        builder.bindParameters(
            pending.parameters, function: pending.function, isClassMethod: pending.isClassMethod, in: scope)
        builder.bindStatements(statements, in: scope)
    }

    private func addClass(_ definition: ClassDefinition, in scope: Int) -> Int {
        let id = program.classes.count
        let parent = program.scopes[scope].classID != nil ? program.scopes[scope].parent : scope
        let own = program.addScope(ScopeInfo(parent: parent, module: moduleID, classID: id))
        program.classes.append(
            ClassInfo(name: definition.name, definition: definition, module: moduleID, scope: own, definingScope: scope)
        )
        program.reserveNames(definition.body.count, in: own)
        bindStatements(definition.body, in: own)
        return id
    }

    func decoratorName(_ decorator: Expression) -> String? {
        switch decorator {
        case .name(let name, _): return name
        case .attribute(_, let name, _): return name
        case .call(let callee, _, _): return decoratorName(callee)
        default: return nil
        }
    }
}
