/// MR210: permissions-management actions on every resource without a condition.
struct PermissionsManagementRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR210", name: "permissions-management-on-any-resource",
        title: "Permissions-management action on any resource",
        rationale:
            "Permissions-management actions change who can access resources (policies, grants, ACLs); on every resource they let the role open any of them to anyone.",
        help: "Name the resources whose permissions the workload manages, or add a condition that limits them.",
        severity: .error, category: .security, securitySeverity: 8.0)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("\"s3:PutBucketPolicy\"", "\"arn:aws:s3:::site\""))),
        .failing(ExampleText.policy(ExampleText.allow("[\"s3:PutBucketPolicy\", \"kms:CreateGrant\"]", "\"*\""))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        let check = AccessLevelOnAnyResource(accessLevel: .permissionsManagement)
        return policy.statements.compactMap { statement in
            guard let (names, value) = check.actions(in: statement, context: context) else { return nil }
            return finding(
                "\(statement.label) allows the permissions-management actions \(listForMessage(names)) on every resource; name the resources or add a condition",
                at: value, subject: policy.subject)
        }
    }
}
