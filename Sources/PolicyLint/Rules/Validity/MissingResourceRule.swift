/// MR115: a statement of an identity policy without `Resource` or `NotResource`.
struct MissingResourceRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR115", name: "missing-resource", title: "Statement without Resource",
        rationale: "IAM rejects an identity-policy statement that has neither Resource nor NotResource.",
        help: "Add Resource with the ARNs the actions apply to, or \"*\" for actions without resource types.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""))),
        .failing(ExampleText.policy("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\"}")),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        policy.statements.compactMap { statement in
            guard !statement.hasResourceElement else { return nil }
            return finding(
                "\(statement.label) has no Resource, and IAM rejects it in an identity policy; add Resource with the ARNs it applies to",
                at: statement.location, subject: policy.subject)
        }
    }
}
