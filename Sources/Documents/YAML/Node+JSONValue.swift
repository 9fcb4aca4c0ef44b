import Diagnostics

extension Node {
    /// Creates a node tree for a JSON value, every node at `location`: strings become double-quoted
    /// scalars, and numbers, Booleans and null become plain scalars.
    init(_ value: JSONValue, location: SourceLocation) {
        switch value {
        case .null: self.init(.scalar("null", .plain), location: location)
        case .bool(let flag): self.init(.scalar(flag ? "true" : "false", .plain), location: location)
        case .integer, .number: self.init(.scalar(value.jsonText(.compact), .plain), location: location)
        case .string(let text): self.init(.scalar(text, .doubleQuoted), location: location)
        case .array(let items):
            self.init(.sequence(items.map { Node($0, location: location) }), location: location)
        case .object(let object):
            let pairs = object.map { member in
                Node.Pair(
                    key: Node(.scalar(member.key, .doubleQuoted), location: location),
                    value: Node(member.value, location: location))
            }
            self.init(.mapping(pairs), location: location)
        }
    }
}
