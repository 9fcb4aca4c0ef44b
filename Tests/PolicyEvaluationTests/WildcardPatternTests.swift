import Testing

@testable import PolicyEvaluation

@Suite struct WildcardPatternTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let pattern: String
        let text: String
        let caseInsensitive: Bool
        let matches: Bool
        var testDescription: String { "\(pattern) ~ \(text)" }
    }

    static let cases: [Case] = [
        Case(pattern: "", text: "", caseInsensitive: false, matches: true),
        Case(pattern: "", text: "a", caseInsensitive: false, matches: false),
        Case(pattern: "*", text: "", caseInsensitive: false, matches: true),
        Case(pattern: "*", text: "anything/at:all", caseInsensitive: false, matches: true),
        Case(pattern: "**", text: "x", caseInsensitive: false, matches: true),
        Case(pattern: "?", text: "", caseInsensitive: false, matches: false),
        Case(pattern: "?", text: "x", caseInsensitive: false, matches: true),
        Case(pattern: "a?c", text: "abc", caseInsensitive: false, matches: true),
        Case(pattern: "a?c", text: "ac", caseInsensitive: false, matches: false),
        Case(pattern: "a*c", text: "ac", caseInsensitive: false, matches: true),
        Case(pattern: "a*c", text: "abbbc", caseInsensitive: false, matches: true),
        Case(pattern: "a*c", text: "abbbd", caseInsensitive: false, matches: false),
        Case(pattern: "*abc", text: "ababc", caseInsensitive: false, matches: true),
        Case(pattern: "abc*", text: "abdabc", caseInsensitive: false, matches: false),
        Case(pattern: "*a*b*", text: "xxaxxbxx", caseInsensitive: false, matches: true),
        Case(pattern: "*a*b*", text: "xxbxxaxx", caseInsensitive: false, matches: false),
        Case(pattern: "*aab*", text: "aaab", caseInsensitive: false, matches: true),
        Case(pattern: "*?b", text: "b", caseInsensitive: false, matches: false),
        Case(pattern: "*?b", text: "ab", caseInsensitive: false, matches: true),
        Case(pattern: "a*a", text: "a", caseInsensitive: false, matches: false),
        Case(pattern: "S3:Get*", text: "s3:getobject", caseInsensitive: true, matches: true),
        Case(pattern: "S3:Get*", text: "s3:getobject", caseInsensitive: false, matches: false),
        Case(pattern: "caf\u{e9}*", text: "caf\u{e9}-menu", caseInsensitive: false, matches: true),
        Case(
            pattern: "*" + String(repeating: "ab", count: 40) + "*", text: "x" + String(repeating: "ab", count: 40),
            caseInsensitive: false, matches: true),
        Case(
            pattern: "*" + String(repeating: "a?", count: 40) + "z", text: String(repeating: "ba", count: 45) + "z",
            caseInsensitive: false, matches: false),
        Case(
            pattern: "*" + String(repeating: "a?", count: 40) + "*", text: String(repeating: "ab", count: 45),
            caseInsensitive: false, matches: true),
        Case(
            pattern: "*" + String(repeating: "X", count: 70) + "*", text: String(repeating: "x", count: 80),
            caseInsensitive: true, matches: true),
    ]

    @Test(arguments: cases)
    func matching(_ example: Case) {
        #expect(
            WildcardPattern.matches(example.pattern, example.text, caseInsensitive: example.caseInsensitive)
                == example.matches)
    }

    /// Compares with a plain recursive matcher on every pattern over a small alphabet.
    @Test func agreesWithReferenceMatcher() {
        let alphabet: [Character] = ["a", "b", "*", "?"]
        let texts = ["", "a", "b", "ab", "ba", "aab", "abab", "bbba", "aaaa", "babab"]
        var patterns = [""]
        for _ in 0..<4 { patterns += patterns.flatMap { prefix in alphabet.map { prefix + String($0) } } }
        for pattern in Set(patterns) {
            for text in texts {
                let expected = Self.referenceMatch(Array(pattern), Array(text))
                #expect(
                    WildcardPattern.matches(pattern, text, caseInsensitive: false) == expected, "\(pattern) ~ \(text)")
            }
        }
    }

    private static func referenceMatch(_ pattern: [Character], _ text: [Character]) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == "*" {
            return (0...text.count).contains { referenceMatch(Array(pattern.dropFirst()), Array(text.dropFirst($0))) }
        }
        guard let head = text.first, first == "?" || first == head else { return false }
        return referenceMatch(Array(pattern.dropFirst()), Array(text.dropFirst()))
    }
}
