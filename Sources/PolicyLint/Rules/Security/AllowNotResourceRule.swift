/// MR205: an `Allow` with `NotResource`.
struct AllowNotResourceRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR205", name: "allow-not-resource", title: "Allow with NotResource",
        rationale:
            "Allow with NotResource grants the actions on every resource except those listed, including resources created later.",
        help: "Write Allow with Resource and the resources needed; use NotResource only with Deny.",
        severity: .warning, category: .security, securitySeverity: 6.5)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy("{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::b/*\"}")),
        .failing(
            ExampleText.policy(
                "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"NotResource\": \"arn:aws:s3:::secret/*\"}")),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        policy.statements.compactMap { statement in
            guard statement.effect == .allow, statement.isNotResource else { return nil }
            let place = statement.resources.first?.location ?? statement.location
            return Finding(
                ruleId: descriptor.id, severity: descriptor.severity,
                message:
                    "\(statement.label) allows its actions on every resource except those in NotResource; list the allowed resources under Resource instead",
                location: place, endLocation: statement.resources.first?.endLocation, subject: policy.subject)
        }
    }
}
