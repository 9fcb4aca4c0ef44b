import Documents

/// The check behind MR501 to MR503: a whole-number function property outside Lambda's range.
struct RangeLimit {
    var property: String
    /// A path below the property (`Size` under `EphemeralStorage`), or `nil`.
    var member: String?
    var range: ClosedRange<Int>
    var unit: String

    /// Returns the value and its node when it is a literal whole number outside the range.
    func violation(in function: LocatedFunction) -> (value: Int, node: Node)? {
        guard var node = function.property(property) else { return nil }
        if let member {
            guard let inner = node[member] else { return nil }
            node = inner
        }
        guard let text = function.literal(node), let value = Int(text), !range.contains(value) else { return nil }
        return (value, node)
    }

    func message(_ value: Int, _ function: LocatedFunction) -> String {
        let name = member.map { "\(property).\($0)" } ?? property
        return
            "\(name) of \(function.logicalId) is \(value) \(unit), outside the \(range.lowerBound)-\(range.upperBound) \(unit) Lambda accepts; "
            + "set a value in that range"
    }
}

extension LintRule {
    /// Returns a finding at a template node, with the end of a one-line scalar.
    func finding(_ message: String, at node: Node, subject: String?) -> Finding {
        Finding(
            ruleId: descriptor.id, severity: descriptor.severity, message: message, location: node.location,
            endLocation: node.endLocationGuess, subject: subject)
    }
}
