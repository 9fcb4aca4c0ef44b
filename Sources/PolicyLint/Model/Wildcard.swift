/// IAM wildcard matching: `*` matches any run of characters and `?` exactly one.
package enum Wildcard {
    /// Patterns or texts longer than this match nothing, which bounds the work a hostile
    /// policy can cause. No valid action name or ARN comes close to it.
    package static let maximumLength = 4_096

    /// True when `pattern` matches all of `text`. Runs in O(pattern × text) in the worst case
    /// and usually in linear time, because it backtracks only to the last `*`.
    package static func matches(_ pattern: String, _ text: String, ignoringCase: Bool = false) -> Bool {
        var pattern = pattern
        var text = text
        return pattern.withUTF8 { patternBytes in
            text.withUTF8 { textBytes in
                guard patternBytes.count <= maximumLength, textBytes.count <= maximumLength else { return false }
                return matches(patternBytes, textBytes, ignoringCase: ignoringCase)
            }
        }
    }

    /// True when the text contains `*` or `?`.
    package static func hasWildcard(_ text: String) -> Bool {
        text.utf8.contains { $0 == star || $0 == question }
    }

    private static func matches(
        _ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>, ignoringCase: Bool
    ) -> Bool {
        var patternIndex = 0
        var textIndex = 0
        var lastStar = -1
        var textAtStar = 0
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] == star {
                lastStar = patternIndex
                textAtStar = textIndex
                patternIndex += 1
            } else if patternIndex < pattern.count,
                pattern[patternIndex] == question
                    || equal(pattern[patternIndex], text[textIndex], ignoringCase: ignoringCase)
            {
                patternIndex += 1
                textIndex += 1
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

    private static func equal(_ a: UInt8, _ b: UInt8, ignoringCase: Bool) -> Bool {
        if a == b { return true }
        guard ignoringCase else { return false }
        return lowercased(a) == lowercased(b)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    private static let star = UInt8(ascii: "*")
    private static let question = UInt8(ascii: "?")
}
