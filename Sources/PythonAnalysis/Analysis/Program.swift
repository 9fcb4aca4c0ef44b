/// The source of a name's value in a scope. The analysis is flow-insensitive, so every binding
/// of a name anywhere in its scope is a possible value.
enum Binding: Sendable {
    case value(Expression, scope: Int)
    case function(Int)
    case classDefinition(Int)
    /// `import a.b` binds `a`; `import a.b as c` binds `c` to `a.b`.
    case module(String)
    /// `from module import name`, with the module name made absolute.
    case importedName(module: String, name: String)
    case parameter(function: Int, index: Int)
    /// The first parameter of a method: an instance of the class.
    case instanceParameter(classID: Int)
    /// A `for` target: one item of the iterable.
    case iteration(Expression, scope: Int)
    /// A `with ... as` target.
    case context(Expression, scope: Int)
    /// One element of a tuple assignment whose value is not a tuple literal.
    case unpacked(Expression, scope: Int, index: Int)
    /// `name: Type` without a value.
    case annotation(Expression, scope: Int)
    case unknown(String)
}

struct ScopeInfo {
    /// The scope names are looked up in next; class scopes are never a parent of functions.
    var parent: Int?
    var module: Int
    var function: Int?
    var classID: Int?
    var globalNames: Set<String> = []
    /// Modules named by `from module import *`, made absolute.
    var starImports: [String] = []
}

struct FunctionInfo {
    var name: String
    var definition: FunctionDefinition
    var module: Int
    /// The function's own scope.
    var scope: Int
    /// The scope the function is defined in, where its defaults and decorators are evaluated.
    var definingScope: Int
    var classID: Int?
    /// True when the first parameter is the instance (`self`) or the class (`cls`).
    var bindsFirstParameter: Bool
}

struct ClassInfo {
    var name: String
    var definition: ClassDefinition
    var module: Int
    var scope: Int
    var definingScope: Int
    var methods: [String: Int] = [:]
    /// `self.name = value` in any method.
    var instanceAttributes: [String: [(Expression, scope: Int)]] = [:]
    /// Method bodies not parsed yet that may assign instance attributes, with their scopes.
    var pendingAttributeBodies: [(DeferredBody, scope: Int)] = []
}

struct ModuleInfo {
    var name: String
    var displayPath: String
    var isPackage: Bool
    var scope: Int
    var statements: [Statement]
}

/// A function body whose names are bound when it is parsed, with what binding them needs.
struct PendingBody {
    var body: DeferredBody
    var moduleID: Int
    var parameters: [Parameter]
    var function: Int
    var isClassMethod: Bool
    var part: ScopeBuilder.Part
}

/// Every module, scope, function and class the analysis has read, addressed by index.
final class Program: DeferredBodyListener {
    var modules: [ModuleInfo] = []
    var moduleIDs: [String: Int] = [:]
    var scopes: [ScopeInfo] = []
    /// For each scope, the function body whose names are bound when it is first read, until
    /// then. Kept apart from `scopes` so a lookup reads it without copying a `ScopeInfo`.
    var deferredBodies: [PendingBody?] = []
    var functions: [FunctionInfo] = []
    var classes: [ClassInfo] = []
    /// The methods of each name found so far, in class order, with the number of classes
    /// searched for them.
    private var methodsByName: [String: (classCount: Int, methods: [Int])] = [:]
    /// Each bound name's id. Names are interned so that finding a name in each scope of a
    /// lookup hashes two integers instead of the name's text.
    private var nameIDs = NameInterner()
    /// The bindings of one name in one scope, in the order they were bound.
    private var bindingLists: [[Binding]] = []
    /// The index in `bindingLists` of each scope and name id that has bindings.
    private var bindingIndexes = ScopedNameTable()
    /// Reports the syntax problems of a function body parsed after its module was read.
    var reportDeferredProblems: ((_ module: Int, [SyntaxProblem]) -> Void)?

    /// The methods of that name in every class, in class order. Searches run while values are
    /// evaluated, when every class read so far has all its methods bound, so each search
    /// looks only at the classes added since the last search for that name.
    func methods(named name: String) -> [Int] {
        var (searched, methods) = methodsByName[name] ?? (0, [])
        guard searched < classes.count else { return methods }
        for classID in searched..<classes.count {
            if let method = classes[classID].methods[name] { methods.append(method) }
        }
        methodsByName[name] = (classes.count, methods)
        return methods
    }

    /// Records a method of a class, which replaces an earlier one of the same name.
    func addMethod(_ function: Int, named name: String, inClass classID: Int) {
        classes[classID].methods[name] = function
    }

    func addScope(_ scope: ScopeInfo) -> Int {
        scopes.append(scope)
        deferredBodies.append(nil)
        return scopes.count - 1
    }

    /// Makes room for about `count` names in the scope, so that binding them does not grow and
    /// rehash its table step by step.
    func reserveNames(_ count: Int, in scope: Int) {
        bindingIndexes.reserve(additional: count)
    }

    func bind(_ name: String, _ binding: Binding, in scope: Int) {
        var target = scope
        if isGlobal(name, in: scope) { target = modules[scopes[scope].module].scope }
        let id = nameIDs.intern(name)
        if let index = bindingIndexes.value(scope: target, name: id) {
            bindingLists[index].append(binding)
        } else {
            bindingIndexes.insert(scope: target, name: id, value: bindingLists.count)
            bindingLists.append([binding])
        }
    }

    /// Returns the name's interned id, interning it when it is new.
    func nameID(interning name: String) -> Int32 { nameIDs.intern(name) }

    /// Returns the bindings of a name in one scope, without looking in enclosing scopes.
    func bindings(of name: String, in scope: Int) -> [Binding]? {
        guard let id = nameIDs.id(of: name), let index = bindingIndexes.value(scope: scope, name: id) else {
            return nil
        }
        return bindingLists[index]
    }

    /// True when the scope declares the name `global`. Most scopes declare none, so the check
    /// skips hashing the name for them.
    private func isGlobal(_ name: String, in scope: Int) -> Bool {
        !scopes[scope].globalNames.isEmpty && scopes[scope].globalNames.contains(name)
    }

    /// Looks a name up from `scope` as Python does: local, enclosing functions, then the module
    /// and its star imports. Returns `nil` for a builtin.
    func lookup(_ name: String, from scope: Int) -> (bindings: [Binding], starModules: [String])? {
        var current: Int? = scope
        if isGlobal(name, in: scope) { current = modules[scopes[scope].module].scope }
        var id = nameIDs.id(of: name)
        while let index = current {
            // Reading a deferred body binds its names, so a value from it can read its locals.
            if let pending = deferredBodies[index] {
                _ = pending.body.statements
                if id == nil { id = nameIDs.id(of: name) }
            }
            if let id, let list = bindingIndexes.value(scope: index, name: id) { return (bindingLists[list], []) }
            let step = parentStep(of: index)
            if let starModules = step.starModules { return ([], starModules) }
            current = step.parent
        }
        return nil
    }

    /// Returns the scope a lookup goes on to, or the star imports of a module scope that ends
    /// it. Each field is read in place, because copying a `ScopeInfo` retains each of its
    /// collections. Debug builds check every access to `scopes` for exclusivity, so the array
    /// is read once.
    @inline(__always)
    private func parentStep(of index: Int) -> (starModules: [String]?, parent: Int?) {
        scopes.withUnsafeBufferPointer { scopes in
            let parent = scopes[index].parent
            if parent == nil && !scopes[index].starImports.isEmpty { return (scopes[index].starImports, nil) }
            return (nil, parent)
        }
    }

    /// Returns the values `self.name = value` assigns in the class's methods, with their scopes.
    func instanceAttributes(of classID: Int, named name: String) -> [(Expression, scope: Int)] {
        ScopeBuilder.bindPendingAttributes(of: classID, in: self)
        return classes[classID].instanceAttributes[name] ?? []
    }

    func deferredBodyParsed(token scope: Int, statements: [Statement], problems: [SyntaxProblem]) {
        guard let pending = deferredBodies[scope] else { return }
        deferredBodies[scope] = nil
        reportDeferredProblems?(pending.moduleID, problems)
        ScopeBuilder.bindParsedBody(pending, statements: statements, in: scope, program: self)
    }

    /// Finds a method by name in the class or its local base classes, depth first.
    func method(named name: String, inClass classID: Int, bases: (Int) -> [Int]) -> Int? {
        if let method = classes[classID].methods[name] { return method }
        var visited: Set<Int> = []
        var pending = [classID]
        while let next = pending.popLast() {
            guard visited.insert(next).inserted else { continue }
            if let method = classes[next].methods[name] { return method }
            pending += bases(next).reversed()
        }
        return nil
    }
}
