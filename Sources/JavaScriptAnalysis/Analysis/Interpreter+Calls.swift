import Diagnostics
import SourceAnalysis

/// A call being analyzed: its evaluated arguments and where it is.
struct CallSite {
    var arguments: [Value]
    var location: SourceLocation
    var scope: Scope

    func argument(_ position: Int) -> Value {
        position < arguments.count ? arguments[position] : .unknown("a missing argument")
    }
}

extension Interpreter {
    /// Functions whose result is their first argument's value, as far as resource names go.
    static let passThroughFunctions: Set<String> = [
        "decodeURIComponent", "encodeURIComponent", "decodeURI", "encodeURI", "String", "unescape", "escape",
    ]
    /// String methods whose result still names the event field they read
    /// (`key.replace(/\+/g, " ")` before `decodeURIComponent`).
    static let valueKeepingStringMethods: Set<String> = ["replace", "replaceAll", "trim", "toString", "normalize"]
    /// Array methods whose result is the list they are called on, or a part of it.
    static let listKeepingMethods: Set<String> = ["filter", "sort", "slice", "reverse", "toSorted", "toReversed"]
    /// Array methods that call their callback with each element.
    static let elementCallbackMethods: Set<String> = [
        "map", "forEach", "filter", "flatMap", "some", "every", "find", "findIndex", "findLast", "sort",
    ]

    func call(_ callee: Expression, _ elements: [Element], at position: Position, in scope: Scope) -> Value {
        let site = { (arguments: [Value]) in
            CallSite(arguments: arguments, location: self.location(position, in: scope), scope: scope)
        }
        if case .identifier(let name, _) = callee, scope.lookup(name) == nil {
            if let value = builtinCall(name, elements, site: site, in: scope) { return value }
        }
        if case .member(let object, let name) = callee {
            let global: String? =
                if case .identifier(let base, _) = object, scope.lookup(base) == nil { base } else { nil }
            let receiver = evaluate(object, in: scope)
            let arguments = values(of: elements, in: scope)
            if let value = methodCall(on: receiver, global: global, name, arguments) { return value }
            return apply(member(of: receiver, name), site(arguments))
        }
        let function = evaluate(callee, in: scope)
        return apply(function, site(values(of: elements, in: scope)))
    }

    private func builtinCall(
        _ name: String, _ elements: [Element], site: ([Value]) -> CallSite, in scope: Scope
    ) -> Value? {
        switch name {
        case "require":
            let arguments = values(of: elements, in: scope)
            let callSite = site(arguments)
            guard let source = arguments.first?.symbolic.literalValue else {
                reportDynamicImport(at: callSite.location)
                return .notFollowed
            }
            let position = Position(line: callSite.location.line, column: callSite.location.column)
            return importedValue(source, from: scope, at: position)
        case "super":
            let arguments = values(of: elements, in: scope)
            if case .classValue(let parent)? = scope.lookup("super"), case .object(let box)? = scope.lookup("this") {
                initialize(box, as: parent, arguments, site: site(arguments))
            }
            return .notFollowed
        case _ where Self.passThroughFunctions.contains(name):
            return values(of: elements, in: scope).first ?? .notFollowed
        default:
            return nil
        }
    }

    /// Handles the methods whose meaning does not depend on a definition the analysis can
    /// read: array callbacks, promise helpers and `Object.assign`.
    private func methodCall(on receiver: Value, global: String?, _ name: String, _ arguments: [Value]) -> Value? {
        if case .wrapper = receiver { return receiver }
        if case .symbolic(.event) = receiver, Self.valueKeepingStringMethods.contains(name) { return receiver }
        if case .function(var closure) = receiver, ["bind", "call", "apply"].contains(name) {
            closure.thisValue = arguments.first ?? closure.thisValue
            switch name {
            case "bind": return .function(closure)
            case "call": return invoke(closure, arguments: Array(arguments.dropFirst()))
            default:
                if case .array(let items)? = arguments.dropFirst().first { return invoke(closure, arguments: items) }
                return invoke(closure, arguments: [])
            }
        }
        if Self.elementCallbackMethods.contains(name) || Self.listKeepingMethods.contains(name) || name == "reduce" {
            return listMethodCall(on: receiver, name, arguments)
        }
        if global == "Promise" && ["all", "allSettled", "race", "any", "resolve"].contains(name) {
            return arguments.first ?? .notFollowed
        }
        if global == "Object" && name == "assign", case .object(let target)? = arguments.first {
            for case .object(let source) in arguments.dropFirst() {
                target.properties.merge(source.properties) { _, new in new }
            }
            return .object(target)
        }
        return nil
    }

    /// Runs the callback of an array method on the elements of an event list or a known array.
    /// `filter`, `sort` and `slice` keep the list, so `event.Records.filter(...)` still names
    /// the event's records.
    private func listMethodCall(on receiver: Value, _ name: String, _ arguments: [Value]) -> Value? {
        var isList = false
        if case .symbolic(.event) = receiver { isList = true }
        if case .array = receiver { isList = true }
        guard isList else { return nil }
        let item = element(of: receiver)
        var result: Value = .notFollowed
        if case .function(let closure)? = arguments.first {
            result = invoke(closure, arguments: name == "reduce" ? [.notFollowed, item] : [item, .notFollowed])
        }
        switch name {
        case "map", "flatMap": return .array([result])
        case "find", "findLast", "at": return item
        case _ where Self.listKeepingMethods.contains(name): return receiver
        default: return .notFollowed
        }
    }

    /// Calls a function value with evaluated arguments.
    func apply(_ function: Value, _ site: CallSite) -> Value {
        switch function {
        case .function(let closure):
            return invoke(closure, arguments: site.arguments)
        case .sdkMethod(let sdk, let method):
            return SDKRecognizer(interpreter: self).call(sdk, method, site)
        case .sdk(let sdk):
            return SDKRecognizer(interpreter: self).callFunction(sdk, site)
        case .wrapper(let closures):
            return closures.first.map { invoke($0, arguments: site.arguments) } ?? .notFollowed
        case .union(let members):
            return .union(of: members.map { apply($0, site) })
        case .builtin("Object.defineProperty"):
            defineProperty(site)
            return site.argument(0)
        case .builtin("Object.keys"), .builtin("Object.getOwnPropertyNames"):
            guard case .object(let box) = site.argument(0), !box.hasUnknownProperties else { return .notFollowed }
            return .array(box.properties.keys.sorted().prefix(64).map { .symbolic(.literal($0)) })
        case .builtin(let function) where FileSystemModule.writingFunctions[function] != nil:
            fileWrites.formUnion(FileSystemModule.fileWrites(ofCalling: function, at: site))
            return unmodeledCall(site)
        default:
            return unmodeledCall(site)
        }
    }

    /// Runs `Object.defineProperty(object, key, descriptor)` on a known object: a `value`
    /// becomes the property, and a `get` function becomes a getter, as compiled modules
    /// export their names.
    private func defineProperty(_ site: CallSite) {
        guard case .object(let box) = site.argument(0), let key = site.argument(1).symbolic.literalValue,
            case .object(let descriptor) = site.argument(2)
        else { return }
        if case .function(let closure)? = descriptor.properties["get"] {
            box.properties[key] = .getter(closure)
        } else if let value = descriptor.properties["value"] {
            box.properties[key] = value
        }
    }

    /// Returns the result of a call into code the analysis does not model. Functions passed to
    /// it run later with unknown arguments. A wrapper such as `middy(handler)` or
    /// `captureAWSv3Client(client)` is taken to be the function or client it was given.
    private func unmodeledCall(_ site: CallSite) -> Value {
        var closures: [Closure] = []
        for argument in site.arguments {
            if case .function(let closure) = argument { closures.append(closure) }
        }
        escapedFunctions += closures
        if !closures.isEmpty { return .wrapper(closures) }
        if case .sdk(let sdk)? = site.arguments.first {
            switch sdk {
            case .client, .documentClient: return .sdk(sdk)
            default: break
            }
        }
        return .unknown("the result of a call the analysis does not follow")
    }

    /// Runs a function's body with its parameters bound to the arguments and returns what it
    /// returns. A second call with the same arguments returns the first call's result, since
    /// its SDK calls are already recorded. Recursion and deep call chains stop with an unknown
    /// result, and a function called with too many different arguments returns its last result.
    func invoke(_ closure: Closure, arguments: [Value]) -> Value {
        let identifier = ObjectIdentifier(closure.node)
        let key = Fingerprint.of(arguments + [closure.thisValue ?? .notFollowed])
        var results = invocationResults[identifier, default: []]
        if let cached = results.first(where: { $0.key == key }) { return cached.result }
        guard spend(), callStack.count < Self.maximumCallDepth, !callStack.contains(identifier),
            results.count < Self.maximumInvocationsPerFunction
        else {
            if callStack.count >= Self.maximumCallDepth || results.count >= Self.maximumInvocationsPerFunction {
                hitLimit = true
            }
            return results.last?.result ?? .unknown("the result of a call the analysis stopped following")
        }
        callStack.append(identifier)
        let result = run(closure, arguments: arguments)
        callStack.removeLast()
        results = invocationResults[identifier, default: []]
        results.append((key, result))
        invocationResults[identifier] = results
        return result
    }

    private func run(_ closure: Closure, arguments: [Value]) -> Value {
        let scope = makeScope(parent: closure.scope, module: closure.scope.module)
        if let thisValue = closure.thisValue { scope.bindings["this"] = thisValue }
        if let superclass = closure.owner?.superclass { scope.bindings["super"] = superclass }
        for (position, parameter) in closure.node.parameters.enumerated() {
            if case .array(let items, let rest?) = parameter, items.isEmpty {
                scope.bindings[rest] = .array(Array(arguments.dropFirst(position)))
                continue
            }
            let value = position < arguments.count ? arguments[position] : .unknown("a parameter not passed")
            bind(parameter, to: value, in: scope, declares: true)
        }
        let body = closure.node.body
        reportBodyProblems(inModule: closure.scope.module)
        hoist(body, in: scope)
        var returns: [Value] = []
        execute(body, in: scope, returns: &returns)
        return returns.isEmpty ? .unknown("a function without a return value") : .union(of: returns)
    }

    func construct(_ constructor: Value, _ arguments: [Value], at position: Position, in scope: Scope) -> Value {
        let site = CallSite(arguments: arguments, location: location(position, in: scope), scope: scope)
        switch constructor {
        case .classValue(let classValue):
            let box = ObjectBox(classValue: classValue)
            initialize(box, as: classValue, arguments, site: site)
            return .object(box)
        case .function(var closure):
            let box = ObjectBox()
            closure.thisValue = .object(box)
            _ = invoke(closure, arguments: arguments)
            return .object(box)
        case .sdk(let sdk):
            return SDKRecognizer(interpreter: self).construct(sdk, site)
        default:
            return unmodeledCall(site)
        }
    }

    /// Sets a new instance's fields and runs its constructor, or the nearest inherited one.
    func initialize(_ box: ObjectBox, as classValue: ClassValue, _ arguments: [Value], site: CallSite) {
        let fieldScope = makeScope(parent: classValue.scope, module: classValue.scope.module)
        fieldScope.bindings["this"] = .object(box)
        for (name, expression) in classValue.node.fields { box.properties[name] = evaluate(expression, in: fieldScope) }
        if let constructor = classValue.node.methods["constructor"] {
            _ = invoke(
                Closure(node: constructor, scope: classValue.scope, thisValue: .object(box), owner: classValue),
                arguments: arguments)
        } else if case .classValue(let parent)? = classValue.superclass {
            initialize(box, as: parent, arguments, site: site)
        }
    }
}
