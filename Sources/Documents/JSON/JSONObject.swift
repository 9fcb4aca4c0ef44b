/// The members of a JSON object in the order they were added, with lookup by key.
package struct JSONObject: Sendable, Hashable, RandomAccessCollection {
    package struct Member: Sendable, Hashable {
        package var key: String
        package var value: JSONValue

        package init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    private var members: [Member] = []
    private var indexByKey: [String: Int] = [:]

    package init() {}

    /// Creates an object with `pairs` in order; a repeated key keeps its first position and its last
    /// value.
    package init(_ pairs: some Sequence<(String, JSONValue)>) {
        for (key, value) in pairs { self[key] = value }
    }

    package var keys: [String] { members.map(\.key) }

    /// The value for `key`. Setting a new key appends it; setting `nil` removes the key.
    package subscript(key: String) -> JSONValue? {
        get { indexByKey[key].map { members[$0].value } }
        set {
            if let index = indexByKey[key] {
                if let newValue {
                    members[index].value = newValue
                } else {
                    remove(at: index)
                }
            } else if let newValue {
                indexByKey[key] = members.count
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    private mutating func remove(at index: Int) {
        indexByKey[members[index].key] = nil
        members.remove(at: index)
        for later in index..<members.count { indexByKey[members[later].key] = later }
    }

    package var startIndex: Int { members.startIndex }
    package var endIndex: Int { members.endIndex }
    package subscript(position: Int) -> Member { members[position] }

    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.members == rhs.members }
    package func hash(into hasher: inout Hasher) { hasher.combine(members) }
}
