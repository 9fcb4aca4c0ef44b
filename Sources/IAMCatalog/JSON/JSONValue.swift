/// A parsed JSON value. The catalog's files are small JSON documents read once each, so a
/// plain enum is enough; objects lose their key order, which the catalog never relies on.
package enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    package var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    package var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    package var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    package var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The array's string elements; `[]` when the value is missing or not an array.
    package var strings: [String] { arrayValue?.compactMap(\.stringValue) ?? [] }

    /// The object's string members; `[:]` when the value is missing or not an object.
    package var stringMap: [String: String] { objectValue?.compactMapValues(\.stringValue) ?? [:] }
}

extension Optional where Wrapped == JSONValue {
    var strings: [String] { self?.strings ?? [] }
    var stringMap: [String: String] { self?.stringMap ?? [:] }
    var stringValue: String? { self?.stringValue }
}
