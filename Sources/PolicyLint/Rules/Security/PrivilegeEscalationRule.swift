import Diagnostics

/// MR207: actions that, alone or together, let a principal grant itself more permissions.
struct PrivilegeEscalationRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR207", name: "privilege-escalation", title: "Privilege escalation path",
        rationale:
            "These actions let a principal raise its own permissions, for example by attaching a policy to its role or by passing a stronger role to code it controls, so the policy is as strong as the strongest role in the account.",
        help:
            "Remove one action of the combination, or scope its Resource to resources that cannot lead to stronger permissions.",
        severity: .error, category: .security, securitySeverity: 8.5)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(ExampleText.allow("[\"lambda:CreateFunction\", \"lambda:InvokeFunction\"]", "\"*\""))),
        .passing(ExampleText.policy(ExampleText.allow("[\"iam:PassRole\", \"lambda:CreateFunction\"]", "\"*\""))),
        .passing(
            ExampleText.policy(
                ExampleText.allow("\"iam:AttachRolePolicy\"", "\"*\""),
                "{\"Effect\": \"Deny\", \"Action\": \"iam:Attach*\", \"Resource\": \"*\"}")),
        .failing(ExampleText.policy(ExampleText.allow("\"iam:AttachRolePolicy\"", "\"*\""))),
        .failing(
            ExampleText.policy(
                ExampleText.allow("[\"iam:PassRole\", \"lambda:CreateFunction\"]", "\"*\""),
                ExampleText.allow("\"lambda:InvokeFunction\"", "\"*\""))),
    ]

    /// Reads all policies of a role together, since a combination may be split across them.
    func check(principal policies: [LocatedPolicy], in context: LintContext) -> [Finding] {
        var combined = LocatedPolicy(
            subject: policies.first?.subject, origin: .inline,
            location: policies.first?.location ?? SourceLocation(file: ""))
        combined.statements = policies.flatMap(\.statements)
        var findings: [Finding] = []
        let allowed = AllowedServices(combined)
        for path in EscalationPaths.all where path.actions.allSatisfy(allowed.mayAllow) {
            guard let (first, owner) = grantingValue(of: path, in: policies, combined, context) else { continue }
            let actions = path.actions.joined(separator: " + ")
            findings.append(
                finding(
                    "\(actions) lets the principal \(path.outcome); remove one of these actions or scope it to resources that cannot escalate",
                    at: first, subject: owner.subject))
        }
        return findings
    }

    /// Returns the value that allows the path's first action and the policy it is in, when
    /// every action of the path is allowed somewhere and denied nowhere.
    private func grantingValue(
        of path: EscalationPath, in policies: [LocatedPolicy], _ combined: LocatedPolicy, _ context: LintContext
    ) -> (LocatedValue, LocatedPolicy)? {
        var first: (LocatedValue, LocatedPolicy)?
        for action in path.actions {
            guard !combined.deniesEverywhere(action) else { return nil }
            var found: (LocatedValue, LocatedPolicy)?
            for policy in policies {
                guard let statement = policy.statements.first(where: { $0.valueAllowing(action, in: context) != nil }),
                    let value = statement.valueAllowing(action, in: context)
                else { continue }
                // MR201 on that statement already reports every path through it.
                if context.isFoldedIntoAllowAll(statement) { return nil }
                found = (value, policy)
                break
            }
            guard let found else { return nil }
            if first == nil { first = found }
        }
        return first
    }
}

extension LocatedPolicy {
    /// True when a `Deny` statement without conditions denies the action on every resource.
    func deniesEverywhere(_ action: String) -> Bool {
        statements.contains { statement in
            statement.effect == .deny && statement.conditions.isEmpty && statement.grantsOnAnyResource
                && !statement.isNotAction && statement.actionValue(matching: action) != nil
        }
    }
}
