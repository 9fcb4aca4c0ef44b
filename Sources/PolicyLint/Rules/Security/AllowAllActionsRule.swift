/// MR201: an `Allow` of every action (`*` or `*:*`).
struct AllowAllActionsRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR201", name: "allow-all-actions", title: "Allow of every action",
        rationale:
            "Action '*' grants every action of every service, which is administrator access on the resources named.",
        help: "List the actions the workload calls; 'minrole generate' writes them from the code.",
        severity: .error, category: .security, securitySeverity: 9.5)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"*\""))),
        .passing(ExampleText.policy("{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}")),
        .failing(ExampleText.policy(ExampleText.allow("\"*\"", "\"*\""))),
        .failing(ExampleText.policy(ExampleText.allow("[\"s3:GetObject\", \"*:*\"]", "\"arn:aws:s3:::b/*\""))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements {
            guard let action = statement.allActionsValue else { continue }
            let scope =
                statement.grantsOnAnyResource
                ? "every resource, which is full administrator access" : "the listed resources"
            findings.append(
                finding(
                    "'\(action.text.prefix(100))' allows every action of every service on \(scope). This implies "
                        + "privilege escalation, credential and data access and writes, which are not reported "
                        + "separately for this statement; list the actions needed instead",
                    at: action, subject: policy.subject))
        }
        return findings
    }
}
