/// A condition operator split into its parts: `ForAllValues:StringLikeIfExists` is the set
/// qualifier `ForAllValues`, the base operator `StringLike` and the `IfExists` suffix.
package struct ConditionOperator: Sendable, Hashable {
    package enum Qualifier: String, Sendable {
        case forAllValues = "ForAllValues"
        case forAnyValue = "ForAnyValue"
    }

    /// The type of value an operator compares, from the IAM User Guide's condition operator list.
    package enum Family: String, Sendable {
        case string = "String"
        case numeric = "Numeric"
        case date = "Date"
        case bool = "Bool"
        case binary = "Binary"
        case ipAddress = "IPAddress"
        case arn = "ARN"
        case null = "Null"
    }

    package var qualifier: Qualifier?
    package var base: String
    package var isIfExists: Bool
    package var family: Family

    /// Parses an operator name; `nil` when IAM does not define it. Operator names are case-sensitive.
    package init?(_ name: String) {
        var rest = Substring(name)
        if let colon = rest.firstIndex(of: ":") {
            guard let qualifier = Qualifier(rawValue: String(rest[..<colon])) else { return nil }
            self.qualifier = qualifier
            rest = rest[rest.index(after: colon)...]
        }
        isIfExists = rest.hasSuffix("IfExists") && rest != "IfExists"
        if isIfExists { rest = rest.dropLast("IfExists".count) }
        base = String(rest)
        guard let family = Self.families[base], !(family == .null && (isIfExists || qualifier != nil)) else {
            return nil
        }
        self.family = family
    }

    /// True for operators that compare exact text, where `*` and `?` are not wildcards.
    package var isExactMatch: Bool {
        [
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "ArnEquals",
            "ArnNotEquals",
        ].contains(base)
    }

    /// Every base operator IAM defines, with its family.
    package static let families: [String: Family] = {
        var table: [String: Family] = [
            "Bool": .bool, "BinaryEquals": .binary, "IpAddress": .ipAddress, "NotIpAddress": .ipAddress,
            "Null": .null,
        ]
        for name in [
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
            "StringLike", "StringNotLike",
        ] {
            table[name] = .string
        }
        for suffix in ["Equals", "NotEquals", "LessThan", "LessThanEquals", "GreaterThan", "GreaterThanEquals"] {
            table["Numeric" + suffix] = .numeric
            table["Date" + suffix] = .date
        }
        for name in ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"] { table[name] = .arn }
        return table
    }()
}
