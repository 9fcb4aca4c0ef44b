/// The partition, region and account that fill an ARN format's `${Partition}`, `${Region}` and
/// `${Account}` for one event.
struct ARNScope: Hashable {
    var partition: String
    var region: String
    var account: String

    func value(of variable: String) -> String? {
        switch variable {
        case "Partition": partition
        case "Region": region
        case "Account": account
        default: nil
        }
    }

    static func isScopeVariable(_ name: String) -> Bool {
        name == "Partition" || name == "Region" || name == "Account"
    }

    /// The partition of a region name: `cn-north-1` is in `aws-cn`, `us-gov-west-1` in `aws-us-gov`.
    static func partition(ofRegion region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }
}

/// Matches ARNs against a resource type's ARN format, such as
/// `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
enum ARNFormat {
    /// Returns whether `arn` has the shape of `format`. A variable matches a run of characters
    /// without `:`, and without `/` unless `allowsSlashInLastVariable` is true and it ends the
    /// format (object keys, parameter names and log group names contain `/`). Each variable takes
    /// the shortest run that lets the next literal text match, so the check runs in linear time
    /// and can miss unusual ARNs, never accept one of the wrong shape.
    static func matches(_ arn: String, format: String, allowsSlashInLastVariable: Bool) -> Bool {
        let pieces = split(format)
        let text = Array(arn.utf8)
        var position = 0
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .literal(let literal):
                guard text[position...].starts(with: literal) else { return false }
                position += literal.count
            case .variable(let name):
                let isLast = index == pieces.count - 1
                let allowsSlash = isLast && allowsSlashInLastVariable
                let next: [UInt8]? =
                    if index + 1 < pieces.count, case .literal(let literal) = pieces[index + 1] { literal } else { nil }
                guard let end = endOfVariable(in: text, from: position, before: next, allowsSlash: allowsSlash)
                else { return false }
                let mayBeEmpty = name == "Region" || name == "Account"
                if end == position && !mayBeEmpty { return false }
                position = end
            }
        }
        return position == text.count
    }

    private enum Piece {
        case literal([UInt8])
        case variable(String)
    }

    private static func split(_ format: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(format)
        while let start = rest.firstRange(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            if start.lowerBound > rest.startIndex { pieces.append(.literal(Array(rest[..<start.lowerBound].utf8))) }
            pieces.append(.variable(String(rest[start.upperBound..<end])))
            rest = rest[rest.index(after: end)...]
        }
        if !rest.isEmpty { pieces.append(.literal(Array(rest.utf8))) }
        return pieces
    }

    /// The end of the shortest run from `start` of allowed characters that is followed by `next`
    /// (or that reaches the end of the text when `next` is `nil`).
    private static func endOfVariable(in text: [UInt8], from start: Int, before next: [UInt8]?, allowsSlash: Bool)
        -> Int?
    {
        var position = start
        while position <= text.count {
            if let next {
                if text[position...].starts(with: next) { return position }
            } else if position == text.count {
                return position
            }
            guard position < text.count else { return nil }
            let byte = text[position]
            if byte == UInt8(ascii: ":") || (byte == UInt8(ascii: "/") && !allowsSlash) { return nil }
            position += 1
        }
        return nil
    }
}
