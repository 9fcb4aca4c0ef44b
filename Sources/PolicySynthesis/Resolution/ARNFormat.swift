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
        let bytes = Array(text.utf8)
        var parts: [Part] = []
        var literalStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}"))
            else {
                index += 1
                continue
            }
            if literalStart < index {
                parts.append(.literal(String(decoding: bytes[literalStart..<index], as: UTF8.self)))
            }
            parts.append(.variable(String(decoding: bytes[(index + 2)..<close], as: UTF8.self)))
            index = close + 1
            literalStart = index
        }
        if literalStart < bytes.count {
            parts.append(.literal(String(decoding: bytes[literalStart...], as: UTF8.self)))
        }
        return parts
    }
}
