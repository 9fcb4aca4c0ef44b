import IAMCatalog

/// MR305: a SAM policy template or AWS managed policy that grants on `*` actions that could
/// be scoped to resources.
struct BroadExpandedPolicyRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR305", name: "broad-policy-template", title: "Policy template or managed policy grants on '*'",
        rationale:
            "SAM policy templates and AWS managed policies are written for every account, so some grant on '*' actions that a statement naming the function's own resources would scope.",
        help:
            "Replace the template or managed policy with statements that name the resources; 'minrole generate' writes them.",
        severity: .warning, category: .hygiene)

    let readsExpandedPolicies = true

    let examples: [RuleExample] = [
        .passing(
            ExampleText.samFunction("      Policies:\n        - SQSSendMessagePolicy:\n            QueueName: jobs"),
            kind: .template),
        .failing(ExampleText.samFunction("      Policies:\n        - AWSLambdaBasicExecutionRole"), kind: .template),
        .failing(
            ExampleText.samFunction("      Policies:\n        - DynamoDBCrudPolicy:\n            TableName: '*'"),
            kind: .template),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        let name: String
        let kind: String
        switch policy.origin {
        case .samPolicyTemplate(let template): (name, kind) = (template, "the SAM policy template")
        case .awsManaged(let managed): (name, kind) = (managed, "the AWS managed policy")
        default: return []
        }
        var scopable: [String] = []
        for statement in policy.statements where statement.isPlainAllow && statement.conditions.isEmpty {
            for action in statement.actions {
                let actions = context.match(action: action.text).knownActions ?? []
                scopable += actions.filter { action in
                    action.needsResourceARN && statement.resources.contains { context.isUnscoped($0, for: action) }
                }.map(\.name.description)
            }
        }
        guard !scopable.isEmpty, let statement = policy.statements.first else { return [] }
        let at = LocatedValue(
            text: name, location: statement.location, endLocation: statement.actions.first?.endLocation)
        return [
            finding(
                "\(kind) \(name) grants \(listForMessage(scopable)) on every resource; write statements that name the resources instead",
                at: at, subject: policy.subject)
        ]
    }
}
