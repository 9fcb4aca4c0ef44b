/// MR204: an `Allow` with `NotAction`.
struct AllowNotActionRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR204", name: "allow-not-action", title: "Allow with NotAction",
        rationale:
            "Allow with NotAction grants every action except those listed, of every service, including actions AWS adds later.",
        help: "Write Allow with Action and the actions needed; use NotAction only with Deny.",
        severity: .error, category: .security, securitySeverity: 8.0)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy("{\"Effect\": \"Deny\", \"NotAction\": \"s3:GetObject\", \"Resource\": \"*\"}")),
        .failing(ExampleText.policy("{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}")),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        policy.statements.compactMap { statement in
            guard statement.effect == .allow, statement.isNotAction else { return nil }
            let place = statement.actions.first.map { $0.location } ?? statement.location
            return Finding(
                ruleId: descriptor.id, severity: descriptor.severity,
                message:
                    "\(statement.label) allows every action except those in NotAction; list the allowed actions under Action instead",
                location: place, endLocation: statement.actions.first?.endLocation, subject: policy.subject)
        }
    }
}
