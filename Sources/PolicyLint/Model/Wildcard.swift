/// IAM wildcard matching: `*` matches any run of characters and `?` exactly one.
package enum Wildcard {
    /// Patterns or texts longer than this match nothing, which bounds the work a hostile
    /// policy can cause. No valid action name or ARN comes close to it.
    package static let maximumLength = 4_096

    /// True when `pattern` matches all of `text`. Runs in O(pattern × text) in the worst case
    /// and usually in linear time, because it backtracks only to the last `*`.
    package static func matches(_ pattern: String, _ text: String, ignoringCase: Bool = false) -> Bool {
        var patternBytes = Array(pattern.utf8)
        var textBytes = Array(text.utf8)
        guard patternBytes.count <= maximumLength, textBytes.count <= maximumLength else { return false }
        if ignoringCase {
            patternBytes = patternBytes.map(lowercased)
            textBytes = textBytes.map(lowercased)
        }
        return matches(patternBytes, textBytes)
    }

    /// True when the text contains `*` or `?`.
    package static func hasWildcard(_ text: String) -> Bool {
        text.utf8.contains { $0 == star || $0 == question }
    }

    private static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var patternIndex = 0
        var textIndex = 0
        var lastStar = -1
        var textAtStar = 0
        while textIndex < text.count {
            if patternIndex < pattern.count,
                pattern[patternIndex] == question || pattern[patternIndex] == text[textIndex]
            {
                patternIndex += 1
                textIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == star {
                lastStar = patternIndex
                textAtStar = textIndex
                patternIndex += 1
            } else if lastStar >= 0 {
                patternIndex = lastStar + 1
                textAtStar += 1
                textIndex = textAtStar
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == star { patternIndex += 1 }
        return patternIndex == pattern.count
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    private static let star = UInt8(ascii: "*")
    private static let question = UInt8(ascii: "?")
}
