import IAMCatalog

/// MR203: `Resource: "*"` for actions that can be scoped to resources.
struct ScopableResourceWildcardRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR203", name: "resource-wildcard", title: "Resource '*' for actions that take resource ARNs",
        rationale:
            "These actions support resource-level permissions, so '*' grants them on every resource of the account instead of the ones the workload uses.",
        help:
            "Replace '*' with the ARNs of the resources used; keep '*' only for actions the catalog lists without resource types or with one optional type.",
        severity: .warning, category: .security, securitySeverity: 6.0)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(ExampleText.allow("[\"s3:ListAllMyBuckets\", \"xray:PutTraceSegments\"]", "\"*\""))),
        .passing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""))),
        .passing(ExampleText.policy(ExampleText.allow("\"cloudwatch:PutMetricData\"", "\"*\""))),
        .failing(ExampleText.policy(ExampleText.allow("[\"s3:GetObject\", \"s3:ListAllMyBuckets\"]", "\"*\""))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements where statement.isPlainAllow && !context.isFoldedIntoAllowAll(statement) {
            guard let star = statement.wildcardResources.first else { continue }
            var scopable: [String] = []
            for action in statement.actions where action.isLiteral {
                guard let actions = context.match(action: action.text).knownActions else { continue }
                scopable += actions.filter(\.needsResourceARN).map(\.name.description)
            }
            guard !scopable.isEmpty else { continue }
            findings.append(
                finding(
                    "'*' grants \(listForMessage(scopable)) on every resource, but these actions take resource ARNs; name the resources",
                    at: star, subject: policy.subject))
        }
        return findings
    }
}
