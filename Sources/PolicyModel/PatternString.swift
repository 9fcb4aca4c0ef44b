/// A string, usually an ARN, whose parts may be unknown until deploy. Placeholders use
/// CloudFormation `Fn::Sub` names: `AWS::Region`, `AWS::AccountId`, `AWS::Partition`, a
/// resource's logical id for its `Ref` value (a generated name), or `LogicalId.Attribute`.
/// A wildcard is a part the evidence could not resolve and that was widened to `*`.
package struct PatternString: Hashable, Sendable, Comparable, CustomStringConvertible {
    package enum Segment: Hashable, Sendable {
        case literal(String)
        case placeholder(String)
        /// An unresolved part widened to `*`; the reason travels to the warning.
        case wildcard
    }

    package private(set) var segments: [Segment]

    package init(_ segments: [Segment] = []) {
        self.segments = []
        for segment in segments { append(segment) }
    }

    package init(literal text: String) { self.init([.literal(text)]) }

    package static let wildcard = PatternString([.wildcard])

    /// Appends a segment, merging adjacent literals and adjacent wildcards.
    package mutating func append(_ segment: Segment) {
        switch (segments.last, segment) {
        case (.literal, .literal(let next)):
            // Taking the last literal out leaves its storage uniquely owned, so the append
            // below does not copy it: long runs of literal parts stay linear.
            guard case .literal(var previous) = segments.removeLast() else { return }
            previous += next
            segments.append(.literal(previous))
        case (.wildcard, .wildcard):
            return
        case (_, .literal(let text)) where text.isEmpty:
            return
        default:
            segments.append(segment)
        }
    }

    package mutating func append(_ other: PatternString) {
        for segment in other.segments { append(segment) }
    }

    package static func + (lhs: PatternString, rhs: PatternString) -> PatternString {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// True when every part is literal text.
    package var isLiteral: Bool { segments.allSatisfy { if case .literal = $0 { true } else { false } } }
    package var containsWildcard: Bool { segments.contains(.wildcard) }
    package var isWildcardOnly: Bool { segments == [.wildcard] }

    package var literalValue: String? {
        guard isLiteral else { return nil }
        if case .literal(let text)? = segments.first { return text }
        return ""
    }

    /// The `Fn::Sub` form: placeholders as `${Name}`, wildcards as `*`, and a literal `${`
    /// escaped as `${!`.
    package var subString: String {
        segments.map { segment in
            switch segment {
            case .literal(let text): text.replacingOccurrences(of: "${", with: "${!")
            case .placeholder(let name): "${\(name)}"
            case .wildcard: "*"
            }
        }.joined()
    }

    /// The plain form with placeholders kept as `${Name}`, as `--format json` writes it.
    package var description: String {
        segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .placeholder(let name): "${\(name)}"
            case .wildcard: "*"
            }
        }.joined()
    }

    /// Replaces placeholders that `values` names; the others become `*` and are returned so
    /// the caller can warn about each widened one.
    package func substituting(_ values: [String: String]) -> (text: String, widened: [String]) {
        var text = ""
        var widened: [String] = []
        for segment in segments {
            switch segment {
            case .literal(let literal): text += literal
            case .wildcard: text += "*"
            case .placeholder(let name):
                if let value = values[name] {
                    text += value
                } else {
                    text += "*"
                    widened.append(name)
                }
            }
        }
        return (text, widened)
    }

    /// The placeholder names in order of first use.
    package var placeholders: [String] {
        var names: [String] = []
        for case .placeholder(let name) in segments where !names.contains(name) { names.append(name) }
        return names
    }

    package static func < (lhs: PatternString, rhs: PatternString) -> Bool { lhs.description < rhs.description }
}

extension String {
    /// Replaces every occurrence of `target`; plain byte search, no Foundation needed.
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        let source = Array(utf8)
        let pattern = Array(target.utf8)
        guard !pattern.isEmpty, source.count >= pattern.count else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if index + pattern.count <= source.count, source[index..<index + pattern.count].elementsEqual(pattern) {
                result.append(contentsOf: replacement.utf8)
                index += pattern.count
            } else {
                result.append(source[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension PatternString {
    /// The narrowest single pattern that matches every option: their common beginning and end
    /// with a wildcard between (`orders-prod` and `orders-dev` give `orders-*`).
    package static func covering(_ options: [PatternString]) -> PatternString {
        guard let first = options.first else { return .wildcard }
        if options.allSatisfy({ $0 == first }) { return first }
        let units = options.map(\.units)
        let shortest = units.map(\.count).min() ?? 0
        var prefix = 0
        while prefix < shortest, units.allSatisfy({ $0[prefix] == units[0][prefix] }) { prefix += 1 }
        var suffix = 0
        while suffix < shortest - prefix,
            units.allSatisfy({ $0[$0.count - 1 - suffix] == units[0][units[0].count - 1 - suffix] })
        {
            suffix += 1
        }
        let head = units[0].prefix(prefix)
        let tail = units[0].suffix(suffix)
        return PatternString(Array(head) + [.wildcard] + Array(tail))
    }

    /// Segments with each literal split into single characters, for comparing patterns part by part.
    private var units: [Segment] {
        segments.flatMap { segment -> [Segment] in
            if case .literal(let text) = segment { return text.map { .literal(String($0)) } }
            return [segment]
        }
    }
}
