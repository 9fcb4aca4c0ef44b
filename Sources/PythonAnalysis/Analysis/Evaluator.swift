import IAMCatalog
import SourceAnalysis

/// Works out what expressions can hold, following names through assignments, imports,
/// parameters (from the call sites seen so far) and return values. Evaluation has no side
/// effects, and recursion and total work are bounded so that cyclic or huge programs end.
final class Evaluator {
    static let maximumDepth = 40
    /// Evaluation steps one top-level evaluation may take.
    static let maximumSteps = 100_000

    let program: Program
    let loader: ModuleLoader
    let catalog: Catalog
    /// Values each parameter received at the call sites seen so far, by function and name.
    var parameterValues: [Int: [String: [Value]]] = [:]
    /// The identifier under which a filtered listing keeps its `Prefix`; no boto3 resource has
    /// an identifier of that name.
    static let listingPrefixIdentifier = "_listing_prefix"

    /// The function the runtime calls; its first parameter is the invocation event.
    var handlerFunction: Int?
    private var depth = 0
    private var steps = 0
    private(set) var hitLimit = false
    private var namesInProgress: Set<ScopedName> = []
    private var returnsInProgress: Set<Int> = []
    private var returnValues: [Int: CachedValue] = [:]
    /// Values of names by scope and name, so that each is evaluated once per pass.
    private var nameValues: [ScopedName: CachedValue] = [:]
    /// The state that changes between passes read since the log was last cleared, so a cached
    /// result or a walk can tell what it depends on. An entry is a function id for its
    /// parameter values, `classesReadEntry(classCount:)` for the set of classes, or
    /// `otherChangingState` for a result cut short.
    var readLog: [Int] = []
    /// The `readLog` entry for a result cut short by recursion or the limits, which may differ
    /// on any later walk.
    static let otherChangingState = -1
    /// The `readLog` length past which a cached result's reads are logged as one entry.
    static let maximumReplayedReads = 100_000
    /// The generation in which each function's parameter values last changed.
    // NOTE: changes are tracked per function, not per parameter, so a walk that read one
    // parameter is walked again when another parameter of the same function changes.
    var parameterChangeGeneration: [Int: Int] = [:]
    /// The cached entries that read changing state, which the next invalidation removes.
    private var changingNames: [ScopedName] = []
    private var changingReturns: [Int] = []
    var baseClassCache: [Int: [Int]] = [:]
    /// Base class lookups not found in `baseClassCache`, and those running now.
    var baseClassMisses = 0
    var baseClassesInProgress = 0
    /// Subclasses by class, with the number of classes when they were found.
    var subclassCache: [Int: (classCount: Int, subclasses: [Int])] = [:]

    init(program: Program, loader: ModuleLoader, catalog: Catalog) {
        self.program = program
        self.loader = loader
        self.catalog = catalog
    }

    /// The number of cache invalidations, so callers can tell which results predate a change.
    private(set) var generation = 0

    /// Forgets cached values that read parameters or other changing state, after new call sites
    /// changed what parameters can hold. Evaluating the other values again would give the same.
    // NOTE: a kept value costs no steps when read again, so a later evaluation can stay under
    // `maximumSteps` where evaluating every value again would have reached it.
    func invalidateCaches() {
        generation += 1
        for id in changingReturns { returnValues[id] = nil }
        for key in changingNames { nameValues[key] = nil }
        changingReturns.removeAll(keepingCapacity: true)
        changingNames.removeAll(keepingCapacity: true)
    }

    func evaluate(_ expression: Expression, in scope: Int) -> Value {
        if depth == 0 { steps = 0 }
        steps += 1
        guard depth < Self.maximumDepth, steps < Self.maximumSteps else {
            hitLimit = true
            readChangingState()
            return .unknown("too complex to follow")
        }
        depth += 1
        defer { depth -= 1 }
        return evaluateUnguarded(expression, in: scope)
    }

    private func evaluateUnguarded(_ expression: Expression, in scope: Int) -> Value {
        switch expression {
        case .name(let name, _): return value(ofName: name, in: scope)
        case .string(let parts): return stringValue(parts, in: scope)
        case .number(let text): return .data(.literal(text))
        case .constant(let name): return name == "None" ? .none : .data(.literal(name))
        case .attribute(let base, let name, _): return attribute(name, of: evaluate(base, in: scope))
        case .call(let callee, let arguments, _):
            return result(ofCalling: evaluate(callee, in: scope), with: arguments, in: scope)
        case .subscript(let base, let indexes):
            return subscriptValue(evaluate(base, in: scope), indexes, in: scope)
        case .binary(let first, let rest): return binaryValue(first, rest, in: scope)
        case .boolean(let word, let operands): return booleanValue(word, operands, in: scope)
        case .conditional(let value, _, let otherwise):
            return .union(of: [evaluate(value, in: scope), evaluate(otherwise, in: scope)])
        case .tuple(let items), .list(let items), .set(let items):
            return .data(.list(items.map { evaluate($0, in: scope).symbolic }))
        case .dictionary(let entries): return dictionaryValue(entries, in: scope)
        case .await(let inner), .namedAssignment(_, let inner): return evaluate(inner, in: scope)
        default: return .unknown("an expression computed at run time")
        }
    }

    // MARK: Names

    func value(ofName name: String, in scope: Int) -> Value {
        guard let found = program.lookup(name, from: scope) else { return builtin(name) }
        if found.bindings.isEmpty {
            var visited = Set<String>()
            return starImported(name, from: found.starModules, visited: &visited) ?? builtin(name)
        }
        return values(of: found.bindings, name: name, scope: scope)
    }

    /// A name bound in a module that `from module import *` brings in, following that
    /// module's own star imports (`a` imports `*` from `b`, which imports `*` from `c`).
    private func starImported(_ name: String, from modules: [String], visited: inout Set<String>) -> Value? {
        for module in modules where visited.insert(module).inserted {
            guard let id = loader.module(named: module) else { continue }
            let moduleScope = program.modules[id].scope
            if let bindings = program.bindings(of: name, in: moduleScope) {
                return values(of: bindings, name: name, scope: moduleScope)
            }
            if let value = starImported(name, from: program.scopes[moduleScope].starImports, visited: &visited) {
                return value
            }
        }
        return nil
    }

    /// Python builtins the analysis treats by name; any other unbound name is unknown.
    static let builtinNames: Set<String> = [
        "getattr", "str", "int", "float", "bool", "bytes", "dict", "list", "tuple", "set", "frozenset", "len",
        "open", "print", "range", "enumerate", "zip", "map", "filter", "sorted", "reversed", "sum", "min", "max",
        "any", "all", "isinstance", "hasattr", "setattr", "type", "object", "super", "repr", "format", "iter",
        "next", "abs", "round", "callable", "vars", "id", "hash", "Exception", "ValueError", "KeyError",
    ]

    private func builtin(_ name: String) -> Value {
        guard Self.builtinNames.contains(name) else { return .unknown("'\(name)' is not defined where it is used") }
        return .external("builtins." + name)
    }

    private func values(of bindings: [Binding], name: String, scope: Int) -> Value {
        let key = ScopedName(scope: scope, name: program.nameID(interning: name))
        if let cached = nameValues[key] { return cached.read(by: self) }
        guard namesInProgress.insert(key).inserted else {
            readChangingState()
            return .unknown("'\(name)' depends on itself")
        }
        defer { namesInProgress.remove(key) }
        let logStart = readLog.count
        let result = Value.union(of: bindings.map { value(of: $0, name: name) })
        let reads = compactReads(from: logStart)
        nameValues[key] = CachedValue(value: result, reads: reads)
        if !reads.isEmpty { changingNames.append(key) }
        return result
    }

    private func value(of binding: Binding, name: String) -> Value {
        switch binding {
        case .value(let expression, let scope): return evaluate(expression, in: scope)
        case .function(let id): return .function(id)
        case .classDefinition(let id): return .classObject(id)
        case .module(let module): return loader.module(named: module) != nil ? .module(module) : .external(module)
        case .importedName(let module, let imported): return importedValue(module: module, name: imported)
        case .parameter(let function, let index): return parameterValue(function: function, index: index)
        case .instanceParameter(let classID): return .instance(classID)
        case .iteration(let iterable, let scope): return itemValue(of: evaluate(iterable, in: scope), name: name)
        case .context(let expression, let scope): return evaluate(expression, in: scope)
        case .unpacked(let expression, let scope, let index):
            if case .data(.list(let items)) = evaluate(expression, in: scope), index < items.count {
                return .data(items[index])
            }
            return .unknown("'\(name)' is unpacked from a value computed at run time")
        case .annotation(let annotation, let scope): return typeValue(annotation, in: scope) ?? .unknown("'\(name)'")
        case .unknown(let reason): return .unknown(reason)
        }
    }

    func importedValue(module: String, name: String) -> Value {
        guard let id = loader.module(named: module) else { return .external(module + "." + name) }
        let scope = program.modules[id].scope
        if program.bindings(of: name, in: scope) != nil || !program.scopes[scope].starImports.isEmpty {
            let found = value(ofName: name, in: scope)
            if case .unknown = found, loader.module(named: module + "." + name) != nil {
                return .module(module + "." + name)
            }
            return found
        }
        if loader.module(named: module + "." + name) != nil { return .module(module + "." + name) }
        return .unknown("'\(name)' is not defined in module '\(module)'")
    }

    private func parameterValue(function id: Int, index: Int) -> Value {
        readParameters(of: id)
        let function = program.functions[id]
        let parameter = function.definition.parameters[index]
        var values = parameterValues[id]?[parameter.name] ?? []
        if let annotation = parameter.annotation, let typed = typeValue(annotation, in: function.definingScope) {
            values.append(typed)
        }
        if values.isEmpty, let defaultValue = parameter.defaultValue {
            values.append(evaluate(defaultValue, in: function.definingScope))
        }
        if values.isEmpty, id == handlerFunction, index == 0 {
            // The runtime passes the invocation event as the handler's first argument.
            return .data(.event(path: []))
        }
        if values.isEmpty {
            return .unknown("parameter '\(parameter.name)' of '\(function.name)' is known only at run time")
        }
        return .union(of: values)
    }

    private func itemValue(of iterable: Value, name: String) -> Value {
        switch iterable {
        case .data(.event(let path)): return .data(.event(path: path + ["*"]))
        case .data(.list(let items)): return .union(of: items.map { .data($0) })
        case .collectionResult(let reference, "objects"),
            .collection(let reference, "objects")
        where reference.client == "s3" && reference.resource == "Bucket":
            // An item of `Bucket.objects` is an ObjectSummary whose key starts with the
            // listing's prefix, when the listing named one.
            let prefix = reference.identifiers[Self.listingPrefixIdentifier]
            let key: SymbolicValue =
                prefix.map { .concatenation([$0, .unknown(reason: SymbolicValue.listedKeyReason)]) }
                ?? .unknown(reason: "a key listed from the bucket")
            var identifiers: [String: SymbolicValue] = ["key": key]
            identifiers["bucket_name"] = reference.identifiers["name"]
            return .resourceObject(ResourceReference(client: "s3", resource: "ObjectSummary", identifiers: identifiers))
        case .collectionResult(let reference, _), .collection(let reference, _):
            return .unknown("an item listed from \(reference.resource)")
        default: return .unknown("'\(name)' is an item of a value computed at run time")
        }
    }

    /// The return values of a local function, for factories such as `def get_client(): ...`.
    func returnValue(of id: Int) -> Value {
        if let cached = returnValues[id] { return cached.read(by: self) }
        guard returnsInProgress.insert(id).inserted else {
            readChangingState()
            return .unknown("a recursive function's result")
        }
        defer { returnsInProgress.remove(id) }
        let logStart = readLog.count
        let function = program.functions[id]
        var results: [Value] = []
        StatementWalker.forEachReturn(in: function.definition.body) { expression in
            results.append(expression.map { evaluate($0, in: function.scope) } ?? .none)
        }
        let value = results.isEmpty ? Value.none : .union(of: results)
        let reads = compactReads(from: logStart)
        returnValues[id] = CachedValue(value: value, reads: reads)
        if !reads.isEmpty { changingReturns.append(id) }
        return value
    }
}
