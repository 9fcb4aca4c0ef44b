extension PolicyDocument {
    /// A size no smaller than `sizeForLimits()`, computed without writing the JSON: the escaped
    /// length of every string plus a margin for element names and punctuation. Callers compare
    /// it with a limit first, so that only policies near the limit are written out.
    package var sizeForLimitsUpperBound: Int {
        var total = 64 + Self.jsonLength(id ?? "")
        for statement in statements {
            total += 128 + Self.jsonLength(statement.sid ?? "")
            total += statement.actions.reduce(0) { $0 + Self.jsonLength($1) + 4 }
            total += statement.resources.reduce(0) { $0 + Self.jsonLength($1.description) + 4 }
            for condition in statement.conditions {
                total += Self.jsonLength(condition.conditionOperator) + Self.jsonLength(condition.key) + 16
                total += condition.values.reduce(0) { $0 + Self.jsonLength($1.description) + 4 }
            }
            for (kind, values) in statement.principal?.entries ?? [:] {
                total += Self.jsonLength(kind) + 16 + values.reduce(0) { $0 + Self.jsonLength($1) + 4 }
            }
        }
        return total
    }

    /// Returns the longest a string can be once escaped in JSON: control characters and DEL
    /// become six characters (`\u0001`), quotes and backslashes two.
    private static func jsonLength(_ text: String) -> Int {
        text.utf8.reduce(0) { length, byte in
            if byte < 0x20 || byte == 0x7F { return length + 6 }
            return length + (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") ? 2 : 1)
        }
    }
}
