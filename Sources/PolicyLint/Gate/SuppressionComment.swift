import Diagnostics

/// A `# minrole:ignore MR123[,MR124] reason` comment. A comment alone on its line covers the
/// YAML node that starts on the next line. A comment after other text covers its own line.
struct SuppressionComment {
    static let marker = Array("minrole:ignore".utf8)

    var suppression: Suppression
    /// The reason the comment suppresses nothing, or `nil` when it is complete.
    var problem: String?
    /// True for a comment alone on its line, which covers what follows it.
    var coversNextLine = false

    var location: SourceLocation { suppression.location }

    /// Scans every line for the marker after a `#` that starts a comment: at the start of the
    /// line or after a space or tab.
    ///
    /// NOTE: a `#` after a space inside a quoted YAML string is taken as a comment too, since
    /// libyaml does not report comments and this scan does not track quotes.
    static func scan(_ bytes: [UInt8], displayPath: String) -> [SuppressionComment] {
        var comments: [SuppressionComment] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard let hash = commentStart(in: line) else { continue }
            var rest = line[(hash + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
            guard rest.starts(with: marker) else { continue }
            rest = rest.dropFirst(marker.count)
            let isAlone = line[..<hash].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            let column = String(decoding: line[..<hash], as: UTF8.self).count + 1
            let location = SourceLocation(file: displayPath, line: lineNumber, column: column)
            let lines = isAlone ? (lineNumber + 1)...(lineNumber + 1) : lineNumber...lineNumber
            var comment = parse(rest, location: location, lines: lines)
            comment.coversNextLine = isAlone
            comments.append(comment)
        }
        return comments
    }

    private static func commentStart(in line: ArraySlice<UInt8>) -> Int? {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == 0x23, index == line.startIndex || line[index - 1] == 0x20 || line[index - 1] == 0x09 {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Parses the rule ids (comma or space separated, each `MR` and digits) and the reason.
    private static func parse(
        _ text: ArraySlice<UInt8>, location: SourceLocation, lines: ClosedRange<Int>
    ) -> SuppressionComment {
        let words = String(decoding: text, as: UTF8.self).split(whereSeparator: {
            $0 == " " || $0 == "\t" || $0 == "\r"
        })
        var ruleIds: [String] = []
        var index = 0
        while index < words.count {
            let parts = words[index].split(separator: ",").map(String.init)
            guard !parts.isEmpty, parts.allSatisfy(isRuleId) else { break }
            ruleIds += parts
            index += 1
        }
        let reason = words[index...].joined(separator: " ").trimmingWhiteSpace
        var problem: String?
        if ruleIds.isEmpty {
            problem = "'# minrole:ignore' names no rule id (such as MR101) before its reason"
        } else if reason.isEmpty {
            problem = "'# minrole:ignore \(ruleIds.joined(separator: ","))' gives no reason"
        }
        let suppression = Suppression(ruleIds: ruleIds, reason: reason, location: location, scope: .lines(lines))
        return SuppressionComment(suppression: suppression, problem: problem)
    }

    /// True for `MR` followed by one to six digits.
    static func isRuleId(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, bytes.count <= 8, bytes[0] == 0x4D, bytes[1] == 0x52 else { return false }
        return bytes[2...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
