/// A condition operator as IAM spells it, read into its parts: an optional set qualifier
/// (`ForAllValues:`, `ForAnyValue:`), the base operator, and an optional `IfExists` suffix.
struct ConditionOperator: Hashable, Sendable {
    enum SetQualifier: Hashable, Sendable {
        case none, forAllValues, forAnyValue
    }

    /// The positive operators; a negated operator (`StringNotEquals`) is its positive form
    /// with `isNegated` set.
    enum Family: Hashable, Sendable {
        case stringEquals, stringEqualsIgnoreCase, stringLike
        case numericEquals, numericLessThan, numericLessThanEquals, numericGreaterThan, numericGreaterThanEquals
        case dateEquals, dateLessThan, dateLessThanEquals, dateGreaterThan, dateGreaterThanEquals
        case bool, binaryEquals, ipAddress, arnLike, null
    }

    let qualifier: SetQualifier
    let family: Family
    let isNegated: Bool
    let ifExists: Bool

    /// Reads an operator name; `nil` when IAM defines no such operator (names are case-sensitive).
    init?(_ name: String) {
        var rest = Substring(name)
        if rest.hasPrefix("ForAllValues:") {
            qualifier = .forAllValues
            rest = rest.dropFirst("ForAllValues:".count)
        } else if rest.hasPrefix("ForAnyValue:") {
            qualifier = .forAnyValue
            rest = rest.dropFirst("ForAnyValue:".count)
        } else {
            qualifier = .none
        }
        var ifExists = false
        if rest.hasSuffix("IfExists"), rest != "NullIfExists" {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        guard let (family, isNegated) = Self.baseOperators[String(rest)] else { return nil }
        self.family = family
        self.isNegated = isNegated
        self.ifExists = ifExists
    }

    private static let baseOperators: [String: (Family, Bool)] = [
        "StringEquals": (.stringEquals, false), "StringNotEquals": (.stringEquals, true),
        "StringEqualsIgnoreCase": (.stringEqualsIgnoreCase, false),
        "StringNotEqualsIgnoreCase": (.stringEqualsIgnoreCase, true),
        "StringLike": (.stringLike, false), "StringNotLike": (.stringLike, true),
        "NumericEquals": (.numericEquals, false), "NumericNotEquals": (.numericEquals, true),
        "NumericLessThan": (.numericLessThan, false), "NumericLessThanEquals": (.numericLessThanEquals, false),
        "NumericGreaterThan": (.numericGreaterThan, false),
        "NumericGreaterThanEquals": (.numericGreaterThanEquals, false),
        "DateEquals": (.dateEquals, false), "DateNotEquals": (.dateEquals, true),
        "DateLessThan": (.dateLessThan, false), "DateLessThanEquals": (.dateLessThanEquals, false),
        "DateGreaterThan": (.dateGreaterThan, false), "DateGreaterThanEquals": (.dateGreaterThanEquals, false),
        "Bool": (.bool, false), "BinaryEquals": (.binaryEquals, false),
        "IpAddress": (.ipAddress, false), "NotIpAddress": (.ipAddress, true),
        "ArnEquals": (.arnLike, false), "ArnLike": (.arnLike, false),
        "ArnNotEquals": (.arnLike, true), "ArnNotLike": (.arnLike, true),
        "Null": (.null, false),
    ]
}
