/// MR112: a `Sid` that is not made of letters and digits.
struct InvalidSidRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR112", name: "invalid-sid", title: "Invalid statement Sid",
        rationale: "IAM identity policies accept only ASCII letters and digits in a Sid and reject others.",
        help: "Write the Sid with letters A-Z, a-z and digits 0-9 only, such as ReadOrders.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                "{\"Sid\": \"ReadOrders2\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}")),
        .failing(
            ExampleText.policy(
                "{\"Sid\": \"read-orders\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}")),
        .failing(
            ExampleText.policy(
                "{\"Sid\": \"\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}")),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        policy.statements.compactMap { statement in
            guard let sid = statement.sid else { return nil }
            if sid.text.isEmpty {
                return finding(
                    "the Sid is empty; remove it or write letters and digits", at: sid, subject: policy.subject)
            }
            let valid = sid.text.utf8.allSatisfy { ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) || ($0 >= 48 && $0 <= 57) }
            guard !valid else { return nil }
            return finding(
                "the Sid '\(sid.text.prefix(100))' has characters other than letters and digits; IAM rejects it",
                at: sid, subject: policy.subject)
        }
    }
}
