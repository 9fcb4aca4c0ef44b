import Diagnostics
import Documents
import Testing

@testable import PolicyLint

@Suite struct GateSuppressionTests {
    func finding(_ rule: String, line: Int, column: Int = 5, file: String = "template.yaml", subject: String? = nil)
        -> Finding
    {
        Finding(
            ruleId: rule, severity: .error, message: "m",
            location: SourceLocation(file: file, line: line, column: column),
            subject: subject)
    }

    func settle(_ text: String, _ findings: [Finding], file: String = "template.yaml") -> [Finding] {
        let bytes = Array(text.utf8)
        let root = try? DocumentReader.parse(bytes: bytes, displayPath: file)
        return LintGate().settle(fileFindings: findings, text: bytes, root: root, displayPath: file)
    }

    @Test func commentOnLineBeforeSuppresses() throws {
        let text = "a: 1\n  # minrole:ignore MR101 the bucket is public by design\nb: 2\n"
        let settled = settle(text, [finding("MR101", line: 3), finding("MR102", line: 3)])
        let first = try #require(settled.first { $0.ruleId == "MR101" })
        #expect(first.suppression == "the bucket is public by design")
        #expect(settled.first { $0.ruleId == "MR102" }?.isSuppressed == false)
    }

    @Test func trailingCommentCoversOwnLineOnly() {
        let text = "a: 1 # minrole:ignore MR101,MR102 reviewed\nb: 2\n"
        let settled = settle(text, [finding("MR101", line: 1), finding("MR102", line: 1), finding("MR101", line: 2)])
        #expect(settled.map(\.isSuppressed) == [true, true, false])
    }

    @Test func commentWithoutReasonIsFinding() throws {
        let text = "# minrole:ignore MR101\na: 1\n"
        let settled = settle(text, [finding("MR101", line: 2)])
        let problem = try #require(settled.first { $0.ruleId == GateRules.suppressionWithoutReason.id })
        #expect(problem.location.line == 1)
        #expect(problem.message.contains("gives no reason"))
        #expect(settled.first { $0.ruleId == "MR101" }?.isSuppressed == false)
    }

    @Test(arguments: [
        "# minrole:ignore",
        "# minrole:ignore    ",
        "# minrole:ignore because I said so",
        "# minrole:ignore MR reason",
        "# minrole:ignore mr101 lowercase id",
        "# minrole:ignore MR1234567890 too many digits",
    ])
    func commentWithoutRuleIsFinding(comment: String) {
        let settled = settle(comment + "\na: 1\n", [finding("MR101", line: 2)])
        #expect(settled.contains { $0.ruleId == GateRules.suppressionWithoutReason.id })
        #expect(settled.first { $0.ruleId == "MR101" }?.isSuppressed == false)
    }

    @Test(arguments: [
        "#minrole:ignore MR101 no space after the hash",
        "\t# minrole:ignore MR101 tab before the hash",
        "# minrole:ignore MR101 ünïcödé réason 🚫 with \"quotes\" & <xml>",
        "# minrole:ignore MR101 crlf line ending\r",
        "# minrole:ignore MR101 " + String(repeating: "long ", count: 20_000),
    ])
    func oddCommentTextStillSuppresses(comment: String) {
        let settled = settle(comment + "\na: 1\n", [finding("MR101", line: 2)])
        #expect(settled.count == 1)
        #expect(settled.first?.isSuppressed == true)
    }

    @Test(arguments: ["url: http://x#minrole:ignore MR101 not a comment", "a: '#minrole:ignore MR101 quoted'"])
    func hashInsideTextIsNotComment(line: String) {
        let settled = settle(line + "\nb: 1\n", [finding("MR101", line: 2)])
        #expect(settled.first?.isSuppressed == false)
    }

    @Test func jsonFilesHaveNoComments() {
        let text = "{\"a\": \"# minrole:ignore MR101 in a string\",\n\"b\": 1}\n"
        let settled = settle(text, [finding("MR101", line: 2, file: "p.json")], file: "p.json")
        #expect(settled.count == 1)
        #expect(settled.first?.isSuppressed == false)
    }

    static let template = """
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Metadata:
              minrole:
                suppress:
                  - rule: MR101
                    reason: public website bucket
                  - rule: MR102
          Other:
            Type: AWS::SNS::Topic
        """

    @Test func metadataSuppressesInsideResource() throws {
        let settled = settle(
            Self.template,
            [finding("MR101", line: 3), finding("MR101", line: 11), finding("MR101", line: 50, subject: "Bucket")])
        #expect(settled.filter { $0.ruleId == "MR101" }.map(\.isSuppressed) == [true, false, true])
        let problem = try #require(settled.first { $0.ruleId == GateRules.suppressionWithoutReason.id })
        #expect(problem.location.line == 9)
    }

    @Test func resourceEndComesFromLibYAML() throws {
        let root = try DocumentReader.parse(bytes: Array(Self.template.utf8), displayPath: "t.yaml")
        let bucket = try #require(root["Resources"]?["Bucket"])
        let end = try #require(bucket.endLocation)
        #expect(end.line >= 9)
        #expect(end.line <= 10)
        let type = try #require(bucket["Type"])
        #expect(type.endLocation == SourceLocation(file: "t.yaml", line: 3, column: 26))
    }
}
