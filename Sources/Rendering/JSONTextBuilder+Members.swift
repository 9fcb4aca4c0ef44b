import PolicyModel

/// Shortcuts for the JSON report, which writes thousands of short members.
extension JSONTextBuilder {
    /// Writes a string value, as `string` does.
    mutating func stringValue(_ value: String) {
        string(value)
    }

    /// Writes a member with a string value, as `key` followed by `string` does.
    mutating func member(_ key: String, string value: String) {
        self.key(key)
        string(value)
    }

    /// Writes a member with an integer value, as `key` followed by `raw` does.
    mutating func member(_ key: String, number value: Int) {
        self.key(key)
        raw(String(value))
    }
}
