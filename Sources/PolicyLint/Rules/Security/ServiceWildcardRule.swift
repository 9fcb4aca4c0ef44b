/// MR202: an `Allow` of every action of a service (`s3:*`).
struct ServiceWildcardRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR202", name: "allow-service-wildcard", title: "Allow of every action of a service",
        rationale:
            "service:* grants every action of the service, today's and future ones, including permissions management and deletion.",
        help: "List the actions the workload calls instead of service:*.",
        severity: .warning, category: .security, securitySeverity: 7.0)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("[\"s3:GetObject\", \"s3:Get*\"]", "\"arn:aws:s3:::b/*\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"s3:*\"", "\"arn:aws:s3:::b/*\""))),
        .failing(ExampleText.policy(ExampleText.allow("[\"dynamodb:*\", \"sqs:*\"]", "\"*\"")), findings: 2),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements where statement.isPlainAllow && !context.isFoldedIntoAllowAll(statement) {
            for action in statement.actions where action.isLiteral {
                guard let service = serviceOfWildcard(action.text) else { continue }
                let count = context.match(action: action.text).knownActions?.count
                let size = count.map { " (\($0) actions in the catalog)" } ?? ""
                findings.append(
                    finding(
                        "'\(action.text.prefix(100))' allows every action of \(service.prefix(100))\(size), "
                            + "including its data reads and writes; list the actions needed instead",
                        at: action, subject: policy.subject))
            }
        }
        return findings
    }
}
