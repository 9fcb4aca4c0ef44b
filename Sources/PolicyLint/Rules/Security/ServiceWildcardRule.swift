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
        for statement in policy.statements where statement.isPlainAllow {
            for action in statement.actions where action.isLiteral {
                let parts = action.text.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2, !Wildcard.hasWildcard(String(parts[0])), !parts[0].isEmpty,
                    !parts[1].isEmpty, parts[1].allSatisfy({ $0 == "*" })
                else { continue }
                let count = context.match(action: action.text).knownActions?.count
                let size = count.map { " (\($0) actions in the catalog)" } ?? ""
                findings.append(
                    finding(
                        "'\(action.text.prefix(100))' allows every action of \(parts[0].prefix(100))\(size); list the actions needed instead",
                        at: action, subject: policy.subject))
            }
        }
        return findings
    }
}
