import Testing

@testable import PolicyLint

@Suite struct GateWildcardTests {
    @Test(arguments: [
        ("s3:Get*", "s3:GetObject", true),
        ("s3:get*", "S3:GETOBJECT", true),
        ("s3:*Object", "s3:PutObject", true),
        ("s3:*Object", "s3:PutObjectAcl", false),
        ("s3:?etObject", "s3:GetObject", true),
        ("*", "anything:AtAll", true),
        ("dynamodb:GetItem", "dynamodb:GetItems", false),
    ])
    func actionMatching(pattern: String, action: String, matches: Bool) {
        #expect(GlobPattern(pattern, isCaseSensitive: false).matches(action) == matches)
    }

    @Test func resourceMatchingIsCaseSensitive() {
        let pattern = GlobPattern("arn:aws:s3:::bucket/*")
        #expect(pattern.matches("arn:aws:s3:::bucket/a/b"))
        #expect(!pattern.matches("arn:aws:s3:::Bucket/a"))
        #expect(!pattern.matches("arn:aws:s3:::bucket"))
    }

    @Test func pathGlobStarStopsAtSlash() {
        #expect(GlobPattern("a/*.json", isPathGlob: true).matches("a/b.json"))
        #expect(!GlobPattern("a/*.json", isPathGlob: true).matches("a/b/c.json"))
        #expect(GlobPattern("a/**/c.json", isPathGlob: true).matches("a/c.json"))
        #expect(GlobPattern("a/**/c.json", isPathGlob: true).matches("a/x/y/c.json"))
    }

    @Test func manyStarsFinishQuickly() {
        let pattern = GlobPattern(String(repeating: "*a", count: 500) + "b")
        let text = String(repeating: "a", count: 5_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(!pattern.matches(text)) }
        #expect(elapsed < .seconds(20))
    }
}
