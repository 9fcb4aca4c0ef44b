import SourceAnalysis

extension Evaluator {
    func attribute(_ name: String, of base: Value) -> Value {
        switch base {
        case .module(let module): return importedValue(module: module, name: name)
        case .external(let path): return .external(path + "." + name)
        case .classObject(let id): return classAttribute(name, of: id) ?? .unknown("'\(name)' of a class")
        case .instance(let id): return instanceAttribute(name, of: id)
        case .client:
            if name == "meta" || name == "exceptions" { return .unknown("client metadata") }
            return .boundMethod(base, name)
        case .serviceResource(let client):
            return name == "meta" ? .resourceMeta(client) : .boundMethod(base, name)
        case .resourceMeta(let client):
            return name == "client" ? .client(client) : .unknown("resource metadata")
        case .resourceObject(let reference): return resourceAttribute(name, of: reference)
        case .union(let members): return .union(of: members.map { attribute(name, of: $0) })
        case .unknown(let reason): return .unknown(reason)
        case .function, .none: return .unknown("'\(name)' of a function or None")
        default: return .boundMethod(base, name)
        }
    }

    private func resourceAttribute(_ name: String, of reference: ResourceReference) -> Value {
        if name == "meta" { return .resourceMeta(reference.client) }
        if let method = catalog.resourceMethod(client: reference.client, resource: reference.resource, method: name),
            method.isCollection
        {
            return .collection(reference, name)
        }
        for (identifier, value) in reference.identifiers where identifier == name {
            return .data(value)
        }
        return .boundMethod(.resourceObject(reference), name)
    }

    /// Local base classes of a class, resolved by name where they are defined.
    func baseClasses(of id: Int) -> [Int] {
        if let cached = baseClassCache[id] { return cached }
        baseClassMisses += 1
        baseClassesInProgress += 1
        defer { baseClassesInProgress -= 1 }
        let info = program.classes[id]
        let bases: [Int] = info.definition.bases.compactMap { argument in
            guard case .positional = argument.kind else { return nil }
            if case .classObject(let base) = evaluate(argument.value, in: info.definingScope) { return base }
            return nil
        }
        baseClassCache[id] = bases
        return bases
    }

    func classAttribute(_ name: String, of id: Int) -> Value? {
        var visited: Set<Int> = []
        var pending = [id]
        while let next = pending.popLast() {
            guard visited.insert(next).inserted else { continue }
            let scope = program.classes[next].scope
            if program.bindings(of: name, in: scope) != nil { return value(ofName: name, in: scope) }
            pending += baseClasses(of: next).reversed()
        }
        return nil
    }

    /// Local classes that derive from the class, directly or not.
    /// The result is kept while no class is added. It is kept only when every base class it read
    /// was already known and final, because evaluating a base class can load modules.
    func subclasses(of id: Int) -> [Int] {
        readClasses()
        let classCount = program.classes.count
        if let cached = subclassCache[id], cached.classCount == classCount { return cached.subclasses }
        let missesBefore = baseClassMisses
        let isNested = baseClassesInProgress > 0
        let found = findSubclasses(of: id)
        if baseClassMisses == missesBefore && !isNested && program.classes.count == classCount {
            subclassCache[id] = (classCount, found)
        }
        return found
    }

    private func findSubclasses(of id: Int) -> [Int] {
        program.classes.indices.filter { candidate in
            guard candidate != id else { return false }
            var visited: Set<Int> = []
            var pending = baseClasses(of: candidate)
            while let next = pending.popLast() {
                if next == id { return true }
                if visited.insert(next).inserted { pending += baseClasses(of: next) }
            }
            return false
        }
    }

    /// Evaluates an attribute of `self`, set in the class, a base class or a subclass. A
    /// subclass counts because `self` may be an instance of it.
    private func instanceAttribute(_ name: String, of id: Int) -> Value {
        var found: [Value] = []
        var visited: Set<Int> = []
        var pending = [id] + subclasses(of: id)
        while let next = pending.popLast() {
            guard visited.insert(next).inserted else { continue }
            for (expression, scope) in program.instanceAttributes(of: next, named: name) {
                found.append(evaluate(expression, in: scope))
            }
            pending += baseClasses(of: next)
        }
        if !found.isEmpty { return .union(of: found) }
        if let method = program.method(named: name, inClass: id, bases: baseClasses) {
            let isProperty = program.functions[method].definition.decorators.contains {
                if case .name("property", _) = $0 { return true }
                return false
            }
            return isProperty ? returnValue(of: method) : .boundMethod(.instance(id), name)
        }
        return classAttribute(name, of: id) ?? .unknown("attribute '\(name)' is set at run time")
    }

    func subscriptValue(_ base: Value, _ indexes: [Expression], in scope: Int) -> Value {
        guard indexes.count == 1 else { return .unknown("a subscript computed at run time") }
        let key = evaluate(indexes[0], in: scope).symbolic
        switch base {
        case .external(let path) where path == "os.environ":
            guard let name = key.literalValue else {
                return .data(.unknown(reason: "an environment variable name computed at run time"))
            }
            return .data(.environment(name: name, defaultValue: nil))
        case .data(.event(let path)):
            // A list index stands for any element, since the event may carry several records.
            guard let name = key.literalValue, Int(name) == nil else { return .data(.event(path: path + ["*"])) }
            return .data(.event(path: path + [name]))
        case .data(.dictionary(let entries)):
            if let name = key.literalValue, let value = entries[name] { return .data(value) }
        case .data(.list(let items)):
            if let text = key.literalValue, let index = Int(text), index >= 0, index < items.count {
                return .data(items[index])
            }
        case .union(let members):
            return .union(of: members.map { subscriptValue($0, indexes, in: scope) })
        default:
            break
        }
        return .unknown("an item of a value computed at run time")
    }
}

enum Naming {
    /// `BucketName` → `bucket_name`, as boto3 names identifier attributes.
    static func snakeCase(_ name: String) -> String {
        var output = ""
        for (index, character) in name.enumerated() {
            if character.isUppercase && index > 0 { output += "_" }
            output += character.lowercased()
        }
        return output
    }

    /// `bucket_exists` → `BucketExists`, as botocore names waiters.
    static func pascalCase(_ name: String) -> String {
        name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
