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
    /// Member positions by key, kept only for objects of more than `linearSearchLimit` members.
    /// Smaller objects, which are most objects in CloudTrail events, are searched in order,
    /// which avoids building and hashing into a dictionary for each one.
    private var indexByKey: [String: Int] = [:]
    private static let linearSearchLimit = 8

    package init() {}

    /// Creates an object with `pairs` in order; a repeated key keeps its first position and its last
    /// value.
    package init(_ pairs: some Sequence<(String, JSONValue)>) {
        for (key, value) in pairs { self[key] = value }
    }

    package var keys: [String] { members.map(\.key) }

    /// The value for `key`. Setting a new key appends it; setting `nil` removes the key.
    package subscript(key: String) -> JSONValue? {
        get { index(of: key).map { members[$0].value } }
        set {
            if let index = index(of: key) {
                if let newValue {
                    members[index].value = newValue
                } else {
                    remove(at: index)
                }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
                if members.count > Self.linearSearchLimit { indexMembers(from: members.count - 1) }
            }
        }
    }

    private func index(of key: String) -> Int? {
        if members.count > Self.linearSearchLimit { return indexByKey[key] }
        return members.firstIndex { $0.key == key }
    }

    /// Adds the members from `start` on to `indexByKey`, or all of them when the object has just
    /// grown past `linearSearchLimit`.
    private mutating func indexMembers(from start: Int) {
        let first = members.count == Self.linearSearchLimit + 1 ? 0 : start
        for position in first..<members.count { indexByKey[members[position].key] = position }
    }

    private mutating func remove(at index: Int) {
        members.remove(at: index)
        indexByKey = [:]
        if members.count > Self.linearSearchLimit { indexMembers(from: 0) }
    }

    package var startIndex: Int { members.startIndex }
    package var endIndex: Int { members.endIndex }
    package subscript(position: Int) -> Member { members[position] }

    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.members == rhs.members }
    package func hash(into hasher: inout Hasher) { hasher.combine(members) }
}
