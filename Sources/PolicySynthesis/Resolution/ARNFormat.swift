import PolicyModel

/// A resource type's ARN format from the catalog, split into literal text and variables.
package struct ARNFormat: Hashable, Sendable {
    package enum Part: Hashable, Sendable {
        case literal(String)
        case variable(String)
    }

    package var parts: [Part]

    /// Parses `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
    package init(_ format: String) {
        parts = ARNFormat.parseTemplate(format)
    }

    /// The variables other than partition, region and account, in order.
    package var resourceVariables: [String] {
        parts.compactMap { part in
            if case .variable(let name) = part, !ARNFormat.accountLevelVariables.keys.contains(name) { return name }
            return nil
        }
    }

    /// The variables every ARN format shares, and the `Fn::Sub` placeholder each becomes.
    package static let accountLevelVariables = [
        "Partition": "AWS::Partition",
        "Region": "AWS::Region",
        "Account": "AWS::AccountId",
    ]

    /// Fills the format: account-level variables become placeholders unless `overrides` gives
    /// them, resource variables come from `values`, and a missing one becomes a wildcard.
    package func fill(_ values: [String: PatternString], overrides: [String: PatternString] = [:]) -> PatternString {
        var result = PatternString()
        for part in parts {
            switch part {
            case .literal(let text):
                result.append(.literal(text))
            case .variable(let name):
                if let value = overrides[name] ?? values[name] {
                    result.append(value)
                } else if let placeholder = ARNFormat.accountLevelVariables[name] {
                    result.append(.placeholder(placeholder))
                } else {
                    result.append(PatternString.Segment.wildcard)
                }
            }
        }
        return result
    }

    /// Splits `text ${Name} text` templates into parts; `${` without a closing brace is literal.
    package static func parseTemplate(_ text: String) -> [Part] {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "$") {
            let afterDollar = rest.index(after: start)
            guard afterDollar < rest.endIndex, rest[afterDollar] == "{",
                let close = rest[afterDollar...].firstIndex(of: "}")
            else {
                literal += rest[...start]
                rest = rest[afterDollar...]
                continue
            }
            literal += rest[..<start]
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(.variable(String(rest[rest.index(after: afterDollar)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }
}
