import IAMCatalog

/// MR106: a service condition key that none of the statement's actions supports.
struct ConditionKeyNotApplicableRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR106", name: "condition-key-not-applicable", title: "Condition key does not apply to the actions",
        rationale:
            "A request carries a service key only for the actions and resource types that define it, so the condition is always false for the others (true when negated or with IfExists).",
        help:
            "Use a key that the statement's actions list, or move the condition to a statement whose actions support it.",
        severity: .warning, category: .validity)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:ListBucket\"", "\"arn:aws:s3:::b\"",
                    condition: "{\"StringLike\": {\"s3:prefix\": \"home/*\"}}"))),
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"StringLike\": {\"s3:prefix\": \"home/*\"}}"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"sqs:SendMessage\"", "\"*\"", condition: "{\"StringEquals\": {\"s3:x-amz-acl\": \"private\"}}"))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements where !statement.isNotAction {
            guard !statement.conditions.isEmpty, let actions = context.knownActions(statement.actions),
                !actions.isEmpty
            else { continue }
            for condition in statement.conditions where condition.key.isLiteral {
                let key = condition.key.text.lowercased()
                guard !key.hasPrefix("aws:"), let info = context.serviceConditionKey(key) else { continue }
                if actions.contains(where: { supports($0, info.name.lowercased(), context) }) { continue }
                let names = listForMessage(actions.map(\.name.description))
                findings.append(
                    finding(
                        "'\(condition.key.text.prefix(100))' does not apply to \(names), so this condition never matches their requests; "
                            + "use a key these actions list", at: condition.key, subject: policy.subject))
            }
        }
        return findings
    }

    /// True when the action or one of its resource types lists the key (as the catalog spells it).
    private func supports(_ action: ActionInfo, _ key: String, _ context: LintContext) -> Bool {
        if action.conditionKeys.contains(where: { $0.lowercased() == key }) { return true }
        for type in action.resourceTypes {
            if type.conditionKeys.contains(where: { $0.lowercased() == key }) { return true }
            let info = context.catalog.resourceType(prefix: action.name.prefix, name: type.name)
            if info?.conditionKeys.contains(where: { $0.lowercased() == key }) == true { return true }
        }
        return false
    }
}
