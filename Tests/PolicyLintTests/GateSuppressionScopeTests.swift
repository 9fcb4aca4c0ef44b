import Diagnostics
import Documents
import Testing

@testable import PolicyLint

/// Suppression comments above a YAML node, and suppressions that cannot work.
@Suite struct GateSuppressionScopeTests {
    static let statements = """
        Statement:
          # minrole:ignore MR202 the worker owns every queue
          - Effect: Allow
            Action: sqs:*
            Resource: "*"
          - Effect: Allow
            Action: s3:*
            Resource: "*"
        """

    func finding(_ rule: String, line: Int) -> Finding {
        Finding(
            ruleId: rule, severity: .warning, message: "m",
            location: SourceLocation(file: "template.yaml", line: line, column: 13))
    }

    func settle(_ text: String, _ findings: [Finding], rulesThatRan: Set<String>? = nil) -> [Finding] {
        let bytes = Array(text.utf8)
        let root = try? DocumentReader.parse(bytes: bytes, displayPath: "template.yaml")
        return LintGate(rulesThatRan: rulesThatRan).settle(
            fileFindings: findings, text: bytes, root: root, displayPath: "template.yaml")
    }

    @Test func commentAboveStatementCoversItsLines() {
        let settled = settle(Self.statements, [finding("MR202", line: 4), finding("MR202", line: 5)])
        #expect(settled.map(\.isSuppressed) == [true, true])
    }

    @Test func commentAboveStatementStopsAtNext() {
        let settled = settle(Self.statements, [finding("MR202", line: 6), finding("MR202", line: 7)])
        #expect(settled.map(\.isSuppressed) == [false, false])
    }

    @Test func commentAboveLastStatementCoversToEnd() {
        let text = """
            Statement:
              - Effect: Allow
                Action: sqs:*
                Resource: "*"
              # minrole:ignore MR202 reviewed
              - Effect: Allow
                Action: s3:*
                Resource: "*"
            """
        let settled = settle(text, [finding("MR202", line: 3), finding("MR202", line: 7), finding("MR202", line: 8)])
        #expect(settled.map(\.isSuppressed) == [false, true, true])
    }

    @Test func unknownRuleIdIsReported() throws {
        let text = "# minrole:ignore MR220 typo\na: 1\n"
        let settled = settle(text, [finding("MR202", line: 2)])
        let problem = try #require(settled.first { $0.ruleId == GateRules.suppressionWithoutReason.id })
        #expect(problem.message.contains("'MR220'"))
        #expect(problem.location.line == 1)
    }

    @Test func unusedSuppressionIsNote() throws {
        let text = "# minrole:ignore MR209 reviewed\na: 1\n"
        let settled = settle(text, [finding("MR202", line: 2)], rulesThatRan: ["MR202", "MR209"])
        let note = try #require(settled.first { $0.ruleId == GateRules.unusedSuppression.id })
        #expect(note.severity == .note)
        #expect(note.message.contains("MR209"))
    }

    @Test func suppressionOfRuleThatDidNotRunIsNotUnused() {
        let text = "# minrole:ignore MR401 reviewed\na: 1\n"
        let settled = settle(text, [], rulesThatRan: ["MR202"])
        #expect(settled.isEmpty, "\(settled.map(\.message))")
    }

    @Test func usedSuppressionIsNotReported() {
        let text = "# minrole:ignore MR202 reviewed\na: 1\n"
        let settled = settle(text, [finding("MR202", line: 2)], rulesThatRan: ["MR202"])
        #expect(settled.map(\.ruleId) == ["MR202"])
    }
}
