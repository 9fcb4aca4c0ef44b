import PolicyEvaluation

/// IAM wildcard matching: `*` matches any run of characters and `?` exactly one.
package enum Wildcard {
    /// Patterns or texts longer than this match nothing, which bounds the work a hostile
    /// policy can cause. No valid action name or ARN comes close to it.
    package static let maximumLength = 4_096

    /// True when `pattern` matches all of `text`, in time linear in the text (the decision
    /// engine's matcher).
    package static func matches(_ pattern: String, _ text: String, ignoringCase: Bool = false) -> Bool {
        guard pattern.utf8.count <= maximumLength, text.utf8.count <= maximumLength else { return false }
        return WildcardPattern.matches(pattern, text, caseInsensitive: ignoringCase)
    }

    /// True when the text contains `*` or `?`.
    package static func hasWildcard(_ text: String) -> Bool {
        text.utf8.contains { $0 == star || $0 == question }
    }

    private static let star = UInt8(ascii: "*")
    private static let question = UInt8(ascii: "?")
}
