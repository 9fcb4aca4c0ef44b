/// MR111: two statements of one policy with the same `Sid`.
struct DuplicateSidRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR111", name: "duplicate-sid", title: "Duplicate statement Sid",
        rationale: "IAM rejects an identity policy in which two statements share a Sid.",
        help: "Give each statement its own Sid, or remove the Sid.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                "{\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}",
                "{\"Sid\": \"Write\", \"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}")),
        .failing(
            ExampleText.policy(
                "{\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}",
                "{\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}")),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var firstLine: [String: Int] = [:]
        var findings: [Finding] = []
        for statement in policy.statements {
            guard let sid = statement.sid else { continue }
            if let line = firstLine[sid.text] {
                let place = line > 0 ? " on line \(line)" : ""
                findings.append(
                    finding(
                        "the Sid '\(sid.text.prefix(100))' is already used by the statement\(place); give each statement its own Sid",
                        at: sid, subject: policy.subject))
            } else {
                firstLine[sid.text] = sid.location.line
            }
        }
        return findings
    }
}
