/// MR211: write actions on every resource without a condition.
struct WriteOnAnyResourceRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR211", name: "write-on-any-resource", title: "Write action on any resource",
        rationale:
            "Write actions on every resource let a compromised workload change or delete any resource of those types.",
        help: "Name the resources the workload writes, or add a condition that limits them.",
        severity: .warning, category: .security, securitySeverity: 6.0)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow("\"dynamodb:PutItem\"", "\"arn:aws:dynamodb:eu-west-1:123456789012:table/orders\""))),
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"sqs:DeleteQueue\"", "\"*\"", condition: "{\"StringEquals\": {\"aws:ResourceTag/team\": \"a\"}}"))
        ),
        .failing(ExampleText.policy(ExampleText.allow("[\"dynamodb:PutItem\", \"sqs:DeleteQueue\"]", "\"*\""))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        let check = AccessLevelOnAnyResource(accessLevel: .write)
        return policy.statements.compactMap { statement in
            guard let (names, value) = check.actions(in: statement, context: context) else { return nil }
            return finding(
                "\(statement.label) allows the write actions \(listForMessage(names)) on every resource; name the resources or add a condition",
                at: value, subject: policy.subject)
        }
    }
}
