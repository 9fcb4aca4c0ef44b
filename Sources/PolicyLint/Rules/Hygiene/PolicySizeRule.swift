import PolicyModel

/// MR304: a policy larger than IAM accepts.
struct PolicySizeRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR304", name: "policy-size", title: "Policy over IAM's size limit",
        rationale:
            "IAM rejects an inline policy over 10,240 characters and a managed policy over 6,144 (white space outside strings not counted), so the deployment fails.",
        help: "Remove redundant actions and resources, merge statements, or split the policy into several.",
        severity: .error, category: .hygiene)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"",
                    "[" + (0..<200).map { "\"arn:aws:s3:::bucket-number-\($0)/*\"" }.joined(separator: ", ") + "]"))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        guard let document = policy.document else { return [] }
        let limit: PolicySizeLimit
        let kind: String
        switch policy.origin {
        case .inline:
            (limit, kind) = (.inline, "an inline policy")
        case .customerManaged:
            (limit, kind) = (.managed, "a managed policy")
        case .policyFile:
            // A policy file may become either kind; the smaller, managed limit is the one that
            // always applies.
            (limit, kind) = (.managed, "a managed policy (an inline policy may have 10,240)")
        case .samPolicyTemplate, .awsManaged:
            return []
        }
        guard document.sizeForLimitsUpperBound > limit.rawValue else { return [] }
        // NOTE: IAM applies the inline limit to the sum of a role's inline policies; each policy
        // is checked alone here.
        let size = document.sizeForLimits()
        guard size > limit.rawValue else { return [] }
        return [
            finding(
                "the policy has \(size) characters without white space, over the \(limit.rawValue) IAM allows for \(kind); remove redundant entries or split it",
                at: policy.location, subject: policy.subject)
        ]
    }
}
