import Diagnostics
import Documents
import PolicyModel

/// MR116: a policy document or statement of the wrong shape, as the policy reader finds it.
struct PolicyShapeRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR116", name: "invalid-policy-shape", title: "Policy document or statement of the wrong shape",
        rationale:
            "IAM rejects a policy whose statement has no Effect, an Effect other than \"Allow\" or \"Deny\", no Action, or both Action and NotAction, so the policy cannot be deployed.",
        help:
            "Write Effect as \"Allow\" or \"Deny\" (the case matters), and give each statement exactly one of Action and NotAction.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::photos/*\""))),
        .failing(
            ExampleText.policy(
                "{\"Effect\": \"allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::photos/*\"}")),
        .failing(
            ExampleText.policy(
                "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"NotAction\": \"s3:PutObject\", \"Resource\": \"*\"}"
            )),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        policy.shapeProblems.map { problem in
            let advice = problem.notes.first.map { "; \($0)" } ?? ""
            return Finding(
                ruleId: descriptor.id, severity: problem.severity, message: problem.message + advice,
                location: problem.location ?? policy.location, subject: policy.subject)
        }
    }

    /// The reader's codes this rule reports; the reader's other diagnostics stay diagnostics.
    static let codes: Set<DiagnosticCode> = [.invalidPolicyDocument, .invalidStatement, .unknownPolicyElement]
}

extension PolicyReader {
    /// Reads `node` as a policy document and returns it with the shape problems the reader
    /// found, which MR116 reports. Other diagnostics go to `diagnostics`.
    static func document(
        _ node: Node, diagnostics: DiagnosticSink, makeReader: (DiagnosticSink) -> PolicyReader
    ) -> (document: PolicyDocument?, shapeProblems: [Diagnostic]) {
        let sink = DiagnosticSink()
        let document = makeReader(sink).document(node)
        var problems: [Diagnostic] = []
        for diagnostic in sink.diagnostics {
            if PolicyShapeRule.codes.contains(diagnostic.code) {
                problems.append(diagnostic)
            } else {
                diagnostics.report(diagnostic)
            }
        }
        return (document, problems)
    }
}
