/// Matches text against a pattern where `*` stands for any run of characters and `?` for one
/// character, as IAM matches actions and resources (with the decision engine's matcher). With
/// `isPathGlob`, `*` and `?` stop at `/` and `**` crosses folders, as ignore files match paths.
///
/// Path matching keeps only the last `*` or `**` to retry from, so it runs in O(n × m) time at
/// worst and never recurses.
package struct GlobPattern: Hashable, Sendable {
    package let pattern: String
    package let isCaseSensitive: Bool
    package let isPathGlob: Bool
    private let scalars: [Unicode.Scalar]

    package init(_ pattern: String, isCaseSensitive: Bool = true, isPathGlob: Bool = false) {
        self.pattern = pattern
        self.isCaseSensitive = isCaseSensitive
        self.isPathGlob = isPathGlob
        scalars = Array((isCaseSensitive ? pattern : pattern.lowercased()).unicodeScalars)
    }

    package var hasWildcard: Bool { scalars.contains("*") || scalars.contains("?") }

    package func matches(_ text: String) -> Bool {
        guard isPathGlob else { return Wildcard.matches(pattern, text, ignoringCase: !isCaseSensitive) }
        let subject = Array((isCaseSensitive ? text : text.lowercased()).unicodeScalars)
        return matchesPath(subject)
    }

    /// Matches a path segment by segment: `**` matches any number of whole segments.
    private func matchesPath(_ subject: [Unicode.Scalar]) -> Bool {
        let textSegments = subject.split(separator: "/", omittingEmptySubsequences: true).map(Array.init)
        let patternSegments = scalars.split(separator: "/", omittingEmptySubsequences: true).map(Array.init)
        var textIndex = 0
        var patternIndex = 0
        var resume: (pattern: Int, text: Int)?
        while textIndex < textSegments.count {
            if patternIndex < patternSegments.count, patternSegments[patternIndex] == ["*", "*"] {
                resume = (patternIndex, textIndex)
                patternIndex += 1
            } else if patternIndex < patternSegments.count,
                Self.matches(textSegments[textIndex], patternSegments[patternIndex], crossing: false)
            {
                textIndex += 1
                patternIndex += 1
            } else if let saved = resume {
                resume = (saved.pattern, saved.text + 1)
                patternIndex = saved.pattern + 1
                textIndex = saved.text + 1
            } else {
                return false
            }
        }
        while patternIndex < patternSegments.count, patternSegments[patternIndex] == ["*", "*"] { patternIndex += 1 }
        return patternIndex == patternSegments.count
    }

    /// Matches with the classic greedy algorithm: on a mismatch, the last `*` takes one more character.
    private static func matches(_ text: [Unicode.Scalar], _ pattern: [Unicode.Scalar], crossing: Bool) -> Bool {
        var textIndex = 0
        var patternIndex = 0
        var star: (pattern: Int, text: Int)?
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] == "*" {
                star = (patternIndex, textIndex)
                patternIndex += 1
            } else if patternIndex < pattern.count,
                pattern[patternIndex] == "?" || pattern[patternIndex] == text[textIndex]
            {
                textIndex += 1
                patternIndex += 1
            } else if let saved = star, crossing || text[saved.text] != "/" {
                star = (saved.pattern, saved.text + 1)
                patternIndex = saved.pattern + 1
                textIndex = saved.text + 1
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == "*" { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}
