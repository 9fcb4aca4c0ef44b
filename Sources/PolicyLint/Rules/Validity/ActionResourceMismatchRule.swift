import IAMCatalog

/// MR102: a resource that no action of its statement can apply to.
struct ActionResourceMismatchRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR102", name: "action-resource-mismatch", title: "Resource matches no resource type of the actions",
        rationale:
            "An action applies only to resources of its resource types (and actions without one only to '*'), so a resource no action can apply to grants nothing.",
        help:
            "Use the ARN form of the actions' resource type (s3:GetObject needs arn:aws:s3:::bucket/key, not the bucket ARN), or move the resource to a statement with actions that apply to it.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::photos/*\""))),
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "[\"s3:ListBucket\", \"s3:GetObject\"]", "[\"arn:aws:s3:::photos\", \"arn:aws:s3:::photos/*\"]"))),
        .passing(ExampleText.policy(ExampleText.allow("\"s3:ListAllMyBuckets\"", "\"*\""))),
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "[\"logs:CreateLogStream\", \"logs:PutLogEvents\"]",
                    "[\"arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/fn:*\", "
                        + "\"arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/fn:log-stream:*\"]"))),
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"secretsmanager:GetSecretValue\"",
                    "\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-password-??????\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::photos\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"dynamodb:GetItem\"", "\"arn:aws:s3:::photos/*\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"s3:ListAllMyBuckets\"", "\"arn:aws:s3:::photos\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"s3:ListBucket\"", "\"arn:aws:s3:::photos/*\""))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements where !statement.isNotAction && !statement.isNotResource {
            guard let actions = context.knownActions(statement.actions), !actions.isEmpty else { continue }
            for resource in statement.resources where !resource.isWildcardOnly {
                guard !actions.contains(where: { applies($0, to: resource.text, context: context) }) else { continue }
                findings.append(finding(message(resource, actions, context), at: resource, subject: policy.subject))
            }
        }
        return findings
    }

    private func applies(_ action: ActionInfo, to resource: String, context: LintContext) -> Bool {
        let formats = context.arnFormats(of: action)
        guard !formats.isEmpty else {
            // Actions without resource types are requested on '*' only. Resources that are not
            // ARNs (a template value that failed to resolve) are left to other checks.
            return !action.resourceTypes.isEmpty || ResourceARN(resource) == nil
        }
        return formats.contains { context.canMatch(resource: resource, format: $0) }
    }

    private func message(_ resource: LocatedValue, _ actions: [ActionInfo], _ context: LintContext) -> String {
        let names = actions.map(\.name.description)
        let formats = actions.flatMap { context.arnFormats(of: $0) }
        let expected =
            formats.isEmpty ? "only '*'" : "ARNs like \(listForMessage(Array(Set(formats)).sorted(), limit: 2))"
        return "'\(resource.text.prefix(200))' is no resource of \(listForMessage(names)), so it grants nothing; "
            + "these actions take \(expected)"
    }
}
