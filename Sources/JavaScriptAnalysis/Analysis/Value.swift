import SourceAnalysis

/// An object's known properties. It is a class because JavaScript objects are shared: a
/// client stored on `this` in a constructor is read back in a method.
final class ObjectBox {
    var properties: [String: Value]
    /// The class whose instance this is, for method lookup.
    var classValue: ClassValue?
    /// True when a spread of an unknown value or a computed key may have added properties.
    var hasUnknownProperties = false
    /// Keys that are not literal text (`{ [process.env.TABLE]: items }`), with their values.
    /// An unknown spread adds an unknown key, so every key outside `properties` is here.
    var computedProperties: [(key: SymbolicValue, value: Value)] = []

    /// Adds a property whose key is not literal text. Past the maximum, the last key becomes
    /// unknown, so a reader of the keys widens instead of missing one.
    func addComputed(_ key: SymbolicValue, _ value: Value) {
        hasUnknownProperties = true
        if computedProperties.count < ObjectBox.maximumComputedProperties {
            computedProperties.append((key, value))
        } else {
            computedProperties[computedProperties.count - 1] = (.unknown(reason: "one of many computed keys"), value)
        }
    }

    /// The maximum number of computed keys kept per object, because a loop may add one per run.
    static let maximumComputedProperties = 32

    init(_ properties: [String: Value] = [:], classValue: ClassValue? = nil) {
        self.properties = properties
        self.classValue = classValue
    }
}

/// A function with the scope it was created in, and `this` when it is a bound method.
struct Closure {
    let node: FunctionNode
    let scope: Scope
    var thisValue: Value?
    /// The class whose constructor or method this is, for `super`.
    var owner: ClassValue?
}

final class ClassValue {
    let node: ClassNode
    let scope: Scope
    let superclass: Value?

    init(node: ClassNode, scope: Scope, superclass: Value?) {
        self.node = node
        self.scope = scope
        self.superclass = superclass
    }

    /// The method of this class or the nearest local superclass that has it.
    func method(named name: String) -> (FunctionNode, ClassValue)? {
        var current: ClassValue? = self
        var steps = 0
        while let candidate = current, steps < 32 {
            if let method = candidate.node.methods[name] { return (method, candidate) }
            if case .classValue(let parent)? = candidate.superclass { current = parent } else { current = nil }
            steps += 1
        }
        return nil
    }
}

/// The analysis's model of a JavaScript value.
indirect enum Value {
    /// A string-like value: a literal, an environment variable, an event field, or unknown.
    case symbolic(SymbolicValue)
    case object(ObjectBox)
    case array([Value])
    case function(Closure)
    case classValue(ClassValue)
    /// `process.env`.
    case processEnvironment
    /// An export of a module read when used, so circular imports see names bound later.
    case exportReference(ObjectBox, String)
    /// An AWS SDK or helper library value.
    case sdk(SDKValue)
    /// A method read from an SDK value, waiting for its call.
    case sdkMethod(SDKValue, String)
    /// The result of a call the analysis does not model, which was given these functions
    /// (`middy(handler)`); calls through it reach the first of them.
    case wrapper([Closure])
    /// A property defined with a getter (`Object.defineProperty(o, k, { get })`), which runs
    /// when the property is read.
    case getter(Closure)
    /// A built-in function the analysis models: `Object.defineProperty`, `Object.keys`.
    case builtin(String)
    /// One of several values, from a conditional or a `||`.
    case union([Value])
    case unknown(String)

    /// The reason of `undefined` and `null`, which leave a request parameter out.
    static let absentReason = "undefined or null"

    static var notFollowed: Value { .unknown("a value the analysis does not follow") }

    /// The value as a request parameter.
    var symbolic: SymbolicValue {
        switch self {
        case .symbolic(let value): return value
        case .object(let box):
            var entries: [String: SymbolicValue] = [:]
            for (key, value) in box.properties { entries[key] = value.symbolic }
            return .dictionary(entries)
        case .array(let items): return .list(items.map(\.symbolic))
        case .union(let members):
            // Several different values cannot be one request parameter; unknown widens the
            // resource instead of granting only one of them.
            var known: [SymbolicValue] = []
            for member in members {
                let value = member.symbolic
                if case .unknown = value { continue }
                if !known.contains(value) { known.append(value) }
            }
            if known.count == 1 { return known[0] }
            if known.isEmpty { return .unknown(reason: "a value the analysis does not follow") }
            return .unknown(reason: "one of several values: " + known.map(\.description).joined(separator: ", "))
        case .unknown(let reason): return .unknown(reason: reason)
        default: return .unknown(reason: "a value that is not data")
        }
    }

    /// Each alternative of a union, or the value itself.
    var alternatives: [Value] {
        if case .union(let members) = self { return members }
        return [self]
    }

    static func union(of values: [Value]) -> Value {
        var members: [Value] = []
        for value in values {
            for alternative in value.alternatives {
                if case .unknown = alternative { continue }
                if members.count < 8 { members.append(alternative) }
            }
        }
        if members.isEmpty { return values.first ?? .notFollowed }
        return members.count == 1 ? members[0] : .union(members)
    }
}

/// Builds concatenations that merge adjacent literals and drop empty ones.
enum Concatenation {
    static func make(_ parts: [SymbolicValue]) -> SymbolicValue {
        var merged: [SymbolicValue] = []
        for part in parts {
            let pieces: [SymbolicValue]
            if case .concatenation(let inner) = part { pieces = inner } else { pieces = [part] }
            for piece in pieces {
                if case .literal(let text) = piece {
                    if text.isEmpty { continue }
                    if case .literal(let previous)? = merged.last {
                        merged[merged.count - 1] = .literal(previous + text)
                        continue
                    }
                }
                merged.append(piece)
            }
        }
        if merged.isEmpty { return .literal("") }
        return merged.count == 1 ? merged[0] : .concatenation(merged)
    }
}

/// A lexical scope: names bound in a module, function or block.
final class Scope {
    var bindings: [String: Value] = [:]
    let parent: Scope?
    /// The index of the module this scope belongs to.
    let module: Int

    init(parent: Scope?, module: Int) {
        self.parent = parent
        self.module = module
    }

    func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.bindings[name] { return value }
            scope = current.parent
        }
        return nil
    }

    /// Assigns to the nearest scope that binds the name, or binds it here.
    func assign(_ name: String, _ value: Value) {
        var scope: Scope? = self
        while let current = scope {
            if current.bindings[name] != nil {
                current.bindings[name] = value
                return
            }
            scope = current.parent
        }
        bindings[name] = value
    }
}
