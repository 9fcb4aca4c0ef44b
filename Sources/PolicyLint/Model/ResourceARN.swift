/// A resource ARN split at its first five colons: `arn:partition:service:region:account:resource`.
package struct ResourceARN: Sendable, Hashable {
    package var partition: String
    package var service: String
    package var region: String
    package var account: String
    /// Everything after the fifth colon, colons included.
    package var resource: String

    /// Splits an ARN; `nil` when the text does not start with `arn:` or has fewer than six parts.
    /// Colons inside `${...}` (policy variables, template placeholders) do not split.
    package init?(_ text: String) {
        guard text.utf8.count <= Self.maximumLength else { return nil }
        let parts = Self.split(text)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    /// Texts longer than this are not split; no resource ARN comes close to it.
    package static let maximumLength = Wildcard.maximumLength

    private static func split(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var parts: [Substring] = []
        var start = utf8.startIndex
        var index = utf8.startIndex
        var isInVariable = false
        var previous: UInt8 = 0
        while index < utf8.endIndex, parts.count < 5 {
            let byte = utf8[index]
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "$") {
                isInVariable = true
            } else if byte == UInt8(ascii: "}") {
                isInVariable = false
            } else if byte == UInt8(ascii: ":"), !isInVariable {
                parts.append(text[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }
}

/// Decides whether a resource pattern from a policy can name a resource of a catalog ARN format.
package enum ARNFormatMatch {
    /// True when some ARN matches both `resource` (IAM wildcards; any `${...}` counts as `*`)
    /// and `format` (catalog variables such as `${BucketName}`). A variable matches one or more
    /// characters, `/` and `:` included, because many resource names contain them (log groups
    /// such as `/aws/lambda/fn`, secrets such as `app/db-password`, object keys). Only the
    /// variables in `slashFreeVariables`, whose names AWS documents without `/`, exclude `/`.
    /// Case is ignored. The match errs towards "can match": it may miss some mismatches.
    package static func canMatch(resource: String, format: String) -> Bool {
        // Longer texts are no ARN a rule can judge; saying "can match" keeps them out of findings.
        guard resource.utf8.count <= maximumLength, format.utf8.count <= maximumLength else { return true }
        guard let resourceARN = ResourceARN(resource), let formatARN = ResourceARN(format) else {
            return canMatchText(resource: resource, format: format)
        }
        // The partition, service, region and account are compared part by part, so a `*` in
        // one part of the policy's ARN cannot stand for the service of another format.
        let heads = [
            (resourceARN.partition, formatARN.partition), (resourceARN.service, formatARN.service),
            (resourceARN.region, formatARN.region), (resourceARN.account, formatARN.account),
        ]
        for (pattern, part) in heads where !part.containsVariable && !pattern.containsVariable {
            guard Wildcard.matches(pattern, part, ignoringCase: true) else { return false }
        }
        return canMatchText(resource: resourceARN.resource, format: formatARN.resource)
    }

    private static func canMatchText(resource: String, format: String) -> Bool {
        let pattern = patternUnits(resource)
        return intersects(pattern, formatUnits(format))
    }

    /// The maximum length of a resource or format compared, which bounds the table `intersects` fills.
    static let maximumLength = 1_024

    enum PatternUnit: Equatable {
        case character(UInt8)
        case any
        case anyRun
    }

    enum FormatUnit: Equatable {
        case character(UInt8)
        /// One character; `/` only when `allowsSlash`.
        case variableCharacter(allowsSlash: Bool)
        /// Zero or more characters; `/` only when `allowsSlash`.
        case variableRun(allowsSlash: Bool)
    }

    static func patternUnits(_ text: String) -> [PatternUnit] {
        var units: [PatternUnit] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                let close = bytes[index...].firstIndex(of: UInt8(ascii: "}"))
            {
                units.append(.anyRun)
                index = close + 1
                continue
            }
            switch byte {
            case UInt8(ascii: "*"): units.append(.anyRun)
            case UInt8(ascii: "?"): units.append(.any)
            default: units.append(.character(lowercased(byte)))
            }
            index += 1
        }
        return units
    }

    static func formatUnits(_ format: String) -> [FormatUnit] {
        var units: [FormatUnit] = []
        let bytes = Array(format.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                let close = bytes[index...].firstIndex(of: UInt8(ascii: "}"))
            {
                let name = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                let allowsSlash = !slashFreeVariables.contains(name)
                units.append(.variableCharacter(allowsSlash: allowsSlash))
                units.append(.variableRun(allowsSlash: allowsSlash))
                index = close + 1
                continue
            }
            units.append(.character(lowercased(bytes[index])))
            index += 1
        }
        return units
    }

    /// Explores pairs of positions in both sequences that some common prefix reaches.
    private static func intersects(_ pattern: [PatternUnit], _ format: [FormatUnit]) -> Bool {
        let width = format.count + 1
        var seen = [Bool](repeating: false, count: (pattern.count + 1) * width)
        var pending = [(0, 0)]
        while let (i, j) = pending.popLast() {
            guard !seen[i * width + j] else { continue }
            seen[i * width + j] = true
            if i == pattern.count && j == format.count { return true }
            if i < pattern.count, pattern[i] == .anyRun { pending.append((i + 1, j)) }
            if j < format.count, case .variableRun = format[j] { pending.append((i, j + 1)) }
            guard i < pattern.count, j < format.count, canConsume(pattern[i], format[j]) else { continue }
            let nextI = pattern[i] == .anyRun ? i : i + 1
            let nextJ: Int
            if case .variableRun = format[j] { nextJ = j } else { nextJ = j + 1 }
            pending.append((nextI, nextJ))
        }
        return false
    }

    /// True when one character exists that both units accept.
    private static func canConsume(_ pattern: PatternUnit, _ format: FormatUnit) -> Bool {
        switch (pattern, format) {
        case (.character(let a), .character(let b)): return a == b
        case (.character(let a), .variableCharacter(let allowsSlash)),
            (.character(let a), .variableRun(let allowsSlash)):
            return allowsSlash || a != Self.slash
        case (.any, _), (.anyRun, _): return true
        }
    }

    /// Catalog variables whose values cannot contain `/`: S3 bucket names, DynamoDB table names,
    /// Lambda function names and SQS queue names allow only letters, digits, `.`, `-` and `_`.
    static let slashFreeVariables: Set<String> = ["BucketName", "TableName", "FunctionName", "QueueName"]

    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
    private static let slash = UInt8(ascii: "/")
}
