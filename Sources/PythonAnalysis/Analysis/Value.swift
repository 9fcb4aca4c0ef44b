import SourceAnalysis

/// A boto3 resource object such as `Table("orders")` or `Object("bucket", "key")`, with its
/// identifiers by their boto3 attribute names (`name`, `bucket_name`, `key`).
struct ResourceReference: Hashable {
    var client: String
    var resource: String
    var identifiers: [String: SymbolicValue]
}

/// The analysis's model of a Python value: a string or other data, or an object that matters
/// for finding SDK calls (a client, a resource, a local function or class).
indirect enum Value: Hashable {
    case data(SymbolicValue)
    case none
    case module(String)
    /// An object from outside the code, by its dotted path (`boto3.client`, `os.environ`).
    case external(String)
    /// The result of calling an outside class or function, with its keyword arguments.
    case externalInstance(String, [String: SymbolicValue])
    case function(Int)
    case classObject(Int)
    case instance(Int)
    /// `receiver.name`, before it is called.
    case boundMethod(Value, String)
    case session
    case client(String)
    case serviceResource(String)
    case resourceObject(ResourceReference)
    case collection(ResourceReference, String)
    /// The result of `collection.all()` or `.filter(...)`, whose iteration makes the listing call.
    case collectionResult(ResourceReference, String)
    case paginator(client: String, operation: String)
    case waiter(client: String, name: String, operation: String)
    /// `resource.meta`, whose `client` attribute is the resource's client.
    case resourceMeta(String)
    case union([Value])
    case unknown(String)

    /// True for the outside functions and classes that make SDK sessions.
    var isSessionFactory: Bool {
        if case .external(let path) = self { return Evaluator.sessionFactories.contains(path) }
        return false
    }

    /// The members of a union, or the value itself.
    var alternatives: Alternatives {
        if case .union(let members) = self { return Alternatives(members: members) }
        return Alternatives(single: self)
    }

    /// The members of a union, or one value, without an array for the one value: call sites
    /// ask for the alternatives of every callee they evaluate.
    struct Alternatives: RandomAccessCollection {
        private var single: Value?
        private var members: [Value] = []

        init(single: Value) { self.single = single }
        init(members: [Value]) { self.members = members }

        var startIndex: Int { 0 }
        var endIndex: Int { single == nil ? members.count : 1 }
        subscript(position: Int) -> Value { single ?? members[position] }
    }

    static let maximumAlternatives = 16
    /// The longest listing of alternatives a reason shows, in characters.
    static let maximumReasonLength = 240

    /// Joins values into a flat union without repeats. A single value stays itself.
    static func union(of values: [Value]) -> Value {
        // Unions are built only here, so one value is already flat and without repeats.
        if values.count == 1 { return values[0] }
        var members: [Value] = []
        for value in values {
            for member in value.alternatives where !members.contains(member) {
                members.append(member)
            }
        }
        if members.count > maximumAlternatives { members = Array(members.prefix(maximumAlternatives)) }
        switch members.count {
        case 0: return .unknown("no value")
        case 1: return members[0]
        default: return .union(members)
        }
    }

    /// The value as an argument: data as it is, anything else as unknown with a reason.
    var symbolic: SymbolicValue {
        switch self {
        case .data(let value): return value
        case .none: return .literal("None")
        case .unknown(let reason): return .unknown(reason: reason)
        case .union(let members):
            let values = members.filter { $0 != .none }.map(\.symbolic)
            guard let first = values.first else { return .literal("None") }
            if let unknown = values.first(where: { if case .unknown = $0 { true } else { false } }) { return unknown }
            if values.allSatisfy({ $0 == first }) { return first }
            // Reasons nest when values flow through several call sites, so the listing is
            // capped to keep messages and memory bounded.
            var listed = values.map(\.description).joined(separator: ", ")
            if listed.count > Self.maximumReasonLength {
                listed = String(listed.prefix(Self.maximumReasonLength)) + "…"
            }
            return .unknown(reason: "one of several values: \(listed)")
        default:
            return .unknown(reason: "not a string or number")
        }
    }
}
