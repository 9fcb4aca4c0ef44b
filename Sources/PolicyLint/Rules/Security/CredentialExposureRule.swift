/// MR208: actions that return or create credentials, allowed on any resource.
struct CredentialExposureRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR208", name: "credential-exposure", title: "Action that returns credentials on any resource",
        rationale:
            "These actions return secrets or credentials that work outside the policy (access keys, passwords, session tokens), so granting them on every resource hands out other principals' access.",
        help: "Name the role, user, cluster or instance ARNs the workload needs credentials for, instead of '*'.",
        severity: .error, category: .security, securitySeverity: 8.0)

    /// Actions whose response carries credentials, curated from the Service Authorization
    /// Reference's descriptions. Token actions that only grant what the caller's own
    /// policy already allows (`ecr:GetAuthorizationToken`, `codeartifact:GetAuthorizationToken`)
    /// are left out on purpose.
    static let actions = [
        "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:GetFederationToken",
        "iam:CreateAccessKey", "iam:UpdateAccessKey", "iam:CreateServiceSpecificCredential",
        "iam:ResetServiceSpecificCredential", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
        "iam:UploadSSHPublicKey", "ec2:GetPasswordData", "redshift:GetClusterCredentials",
        "redshift:GetClusterCredentialsWithIAM", "redshift-serverless:GetCredentials", "sso:GetRoleCredentials",
        "cognito-identity:GetCredentialsForIdentity", "lightsail:GetInstanceAccessDetails",
        "lightsail:GetRelationalDatabaseMasterUserPassword", "gamelift:RequestUploadCredentials",
        "appsync:CreateApiKey", "chime:CreateApiKey", "ecs:ExecuteCommand",
    ]

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "[\"sts:AssumeRole\", \"ecr:GetAuthorizationToken\"]", "\"arn:aws:iam::123456789012:role/reader\""))
        ),
        .passing(ExampleText.policy(ExampleText.allow("\"ecr:GetAuthorizationToken\"", "\"*\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"sts:AssumeRole\"", "\"*\""))),
        .failing(
            ExampleText.policy(ExampleText.allow("[\"iam:CreateAccessKey\", \"ec2:GetPasswordData\"]", "\"*\"")),
            findings: 2),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        let allowed = AllowedServices(policy)
        let candidates = Self.actions.filter(allowed.mayAllow)
        for statement in policy.statements
        where (statement.grantsOnAnyResource || statement.isNotResource) && !context.isFoldedIntoAllowAll(statement) {
            for action in candidates {
                guard let value = statement.valueAllowing(action, in: context) else { continue }
                findings.append(
                    finding(
                        "\(action) returns credentials, and \(statement.label) allows it on every resource; name the resources it needs",
                        at: value, subject: policy.subject))
            }
        }
        return findings
    }
}
