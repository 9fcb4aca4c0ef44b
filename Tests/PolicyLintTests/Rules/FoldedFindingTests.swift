import Diagnostics
import PolicyLint
import Testing

/// MR201 and MR202 take in the narrower security findings of their own statement.
@Suite struct FoldedFindingTests {
    static func policy(_ statements: String...) -> String {
        "{\"Version\": \"2012-10-17\", \"Statement\": [\(statements.joined(separator: ", "))]}"
    }

    static func allow(_ actions: String, _ resources: String = "\"*\"") -> String {
        "{\"Effect\": \"Allow\", \"Action\": \(actions), \"Resource\": \(resources)}"
    }

    static func ruleIds(_ text: String) -> [String] {
        lint(text, kind: .policy).findings.map(\.ruleId)
    }

    @Test func allActionsGivesOneFinding() {
        let findings = lint(Self.policy(Self.allow("\"*\"")), kind: .policy).findings
        #expect(findings.map(\.ruleId) == ["MR201"], "\(findings.map { "\($0.ruleId) \($0.message)" })")
        #expect(findings.first?.message.contains("privilege escalation") == true)
    }

    @Test func allActionsKeepsOtherStatements() {
        let text = Self.policy(Self.allow("\"*\"", "\"arn:aws:s3:::photos/*\""), Self.allow("\"sqs:ReceiveMessage\""))
        let ids = Self.ruleIds(text)
        #expect(ids.contains("MR201"))
        #expect(ids.contains("MR209"), "sqs:ReceiveMessage on '*' in another statement: \(ids)")
    }

    @Test func disabledAllActionsRuleBringsDetailsBack() {
        let options = LintOptions(disabledRules: ["MR201"])
        let ids = lintWith(options, Self.policy(Self.allow("\"*\""))).map(\.ruleId)
        #expect(ids.contains("MR207"))
        #expect(ids.contains("MR209"))
    }

    @Test func serviceWildcardAbsorbsSameServiceReadsAndWrites() {
        let ids = Self.ruleIds(Self.policy(Self.allow("[\"s3:*\", \"sqs:ReceiveMessage\", \"sqs:SendMessage\"]")))
        #expect(ids.filter { $0 == "MR202" }.count == 1)
        #expect(ids.filter { $0 == "MR209" }.count == 1, "only sqs:ReceiveMessage stays: \(ids)")
        #expect(ids.contains("MR211"), "sqs:SendMessage is a write outside s3:*: \(ids)")
    }

    @Test func serviceWildcardKeepsEscalation() {
        let ids = Self.ruleIds(Self.policy(Self.allow("\"iam:*\"")))
        #expect(ids.contains("MR202"))
        #expect(ids.contains("MR207"))
        #expect(!ids.contains("MR210"), "iam permissions management is part of iam:*: \(ids)")
    }
}

/// Lints a policy file with every rule that `options` leaves on.
func lintWith(_ options: LintOptions, _ text: String) -> [Finding] {
    Linter(catalog: .shared, options: options).lintPolicyFile(
        path: "policy.json", text: Array(text.utf8), diagnostics: DiagnosticSink())
}
