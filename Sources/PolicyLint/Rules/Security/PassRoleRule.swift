/// MR206: `iam:PassRole` on every role or without `iam:PassedToService`.
struct PassRoleRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR206", name: "pass-role-unscoped", title: "iam:PassRole on any role or to any service",
        rationale:
            "Passing a role lets a service act with that role's permissions; on '*' the principal can hand any role, an administrator role included, to a service it controls.",
        help:
            "Name the role ARNs that may be passed, and add a StringEquals condition on iam:PassedToService naming the service.",
        severity: .error, category: .security, securitySeverity: 8.0)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"iam:PassRole\"", "\"arn:aws:iam::123456789012:role/worker\"",
                    condition: "{\"StringEquals\": {\"iam:PassedToService\": \"lambda.amazonaws.com\"}}"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"iam:PassRole\"", "\"*\"",
                    condition: "{\"StringEquals\": {\"iam:PassedToService\": \"lambda.amazonaws.com\"}}"))),
        .failing(ExampleText.policy(ExampleText.allow("\"iam:Pass*\"", "\"arn:aws:iam::123456789012:role/worker\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"iam:*\"", "\"*\"")), findings: 2),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements where !context.isFoldedIntoAllowAll(statement) {
            guard let action = statement.valueAllowing("iam:PassRole", in: context) else { continue }
            if let star = statement.wildcardResources.first {
                findings.append(
                    finding(
                        "iam:PassRole on '*' lets this role pass any role to a service; name the role ARNs", at: star,
                        subject: policy.subject))
            } else if statement.isNotResource {
                findings.append(
                    finding(
                        "iam:PassRole with NotResource lets this role pass nearly any role; name the role ARNs under Resource",
                        at: action, subject: policy.subject))
            }
            if !statement.hasCondition(key: "iam:PassedToService") {
                findings.append(
                    finding(
                        "iam:PassRole has no iam:PassedToService condition, so the role can be passed to any service; add StringEquals on iam:PassedToService",
                        at: action, subject: policy.subject))
            }
        }
        return findings
    }
}
