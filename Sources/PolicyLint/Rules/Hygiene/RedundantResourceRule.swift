/// MR302: a resource that another resource of the same statement already covers.
struct RedundantResourceRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR302", name: "redundant-resource", title: "Resource covered by another in the statement",
        rationale: "A resource repeated or matched by a wildcard resource in the same statement adds nothing.",
        help: "Remove the redundant resource, or narrow the wildcard resource.",
        severity: .warning, category: .hygiene)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "[\"arn:aws:s3:::a/*\", \"arn:aws:s3:::b/*\"]"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow("\"s3:GetObject\"", "[\"arn:aws:s3:::a/*\", \"arn:aws:s3:::a/reports/*\"]"))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements {
            for (value, cover) in RedundantValues.covered(statement.resources, ignoringCase: false) {
                findings.append(
                    finding(
                        "'\(value.text.prefix(100))' is already covered by '\(cover.text.prefix(100))' in \(statement.label); remove it",
                        at: value, subject: policy.subject))
            }
        }
        return findings
    }
}
