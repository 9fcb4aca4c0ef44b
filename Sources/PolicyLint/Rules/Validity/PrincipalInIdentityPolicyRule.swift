/// MR113: `Principal` or `NotPrincipal` in an identity policy.
struct PrincipalInIdentityPolicyRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR113", name: "principal-in-identity-policy", title: "Principal in an identity policy",
        rationale:
            "An identity policy applies to the role or user it is attached to, so IAM rejects a Principal there; it belongs in resource policies and trust policies.",
        help:
            "Remove Principal and NotPrincipal from the statement. If the file is a resource policy, lint it apart or turn this rule off for it.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""))),
        .failing(
            ExampleText.policy(
                "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"
            )),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        policy.statements.compactMap { statement in
            guard let key = statement.principalKey else { return nil }
            return finding(
                "\(key.text) is not allowed in an identity policy; remove it from \(statement.label)", at: key,
                subject: policy.subject)
        }
    }
}
