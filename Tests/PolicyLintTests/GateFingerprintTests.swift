import Diagnostics
import Testing

@testable import PolicyLint

@Suite struct GateFingerprintTests {
    @Test(arguments: [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")])
    func fnvKnownValues(text: String, expected: String) {
        var hash = FNV1a64()
        hash.combine(text.utf8)
        #expect(hash.hexDigits == expected)
    }

    func fingerprints(_ text: String, lines: [Int], rule: String = "MR101") -> [String] {
        let findings = lines.map {
            Finding(
                ruleId: rule, severity: .error, message: "m",
                location: SourceLocation(file: "t.yaml", line: $0, column: 3))
        }
        return FindingFingerprints.assign(to: findings) { _ in Array(text.utf8) }.compactMap(\.fingerprint)
    }

    @Test func movingTextKeepsFingerprint() {
        let before = fingerprints("a:\n  Action: s3:*\n", lines: [2])
        let after = fingerprints("# a new comment\n\na:\n  Action:    s3:*\n", lines: [4])
        #expect(before == after)
    }

    @Test func changedTextChangesFingerprint() {
        #expect(fingerprints("a:\n  Action: s3:*\n", lines: [2]) != fingerprints("a:\n  Action: sqs:*\n", lines: [2]))
    }

    @Test func repeatedTextGetsOccurrenceCounter() {
        let values = fingerprints("  Action: s3:*\n  Action: s3:*\n", lines: [1, 2])
        #expect(values.count == 2)
        #expect(Set(values).count == 2)
    }

    @Test func ruleIdIsPartOfFingerprint() {
        #expect(fingerprints("  x\n", lines: [1], rule: "MR101") != fingerprints("  x\n", lines: [1], rule: "MR102"))
    }

    @Test func locationOutsideFileStillGetsFingerprint() {
        #expect(fingerprints("", lines: [0, 99]).count == 2)
    }

    @Test func tenThousandFindingsFinish() {
        let text = (1...10_000).map { "  - Action: s3:GetObject\($0)" }.joined(separator: "\n")
        let values = fingerprints(text, lines: Array(1...10_000))
        #expect(Set(values).count == 10_000)
    }
}
