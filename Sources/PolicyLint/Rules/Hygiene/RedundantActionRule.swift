/// MR301: an action that another pattern of the same statement already covers.
struct RedundantActionRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR301", name: "redundant-action", title: "Action covered by another in the statement",
        rationale:
            "An action repeated or matched by a wildcard in the same statement adds nothing and hides what the statement grants.",
        help: "Remove the redundant action, or replace the wildcard with the actions needed.",
        severity: .warning, category: .hygiene)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("[\"s3:GetObject\", \"s3:PutObject\"]", "\"arn:aws:s3:::b/*\""))),
        .failing(ExampleText.policy(ExampleText.allow("[\"s3:Get*\", \"s3:GetObject\"]", "\"arn:aws:s3:::b/*\""))),
        .failing(ExampleText.policy(ExampleText.allow("[\"s3:GetObject\", \"S3:getobject\"]", "\"arn:aws:s3:::b/*\""))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements {
            for (value, cover) in RedundantValues.covered(statement.actions, ignoringCase: true) {
                findings.append(
                    finding(
                        "'\(value.text.prefix(100))' is already covered by '\(cover.text.prefix(100))' in \(statement.label); remove it",
                        at: value, subject: policy.subject))
            }
        }
        return findings
    }
}
