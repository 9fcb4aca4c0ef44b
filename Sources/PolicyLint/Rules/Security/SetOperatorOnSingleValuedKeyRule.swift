/// MR213: `ForAllValues:` or `ForAnyValue:` on a single-valued key.
struct SetOperatorOnSingleValuedKeyRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR213", name: "set-operator-on-single-valued-key", title: "Set operator on a single-valued key",
        rationale:
            "ForAllValues and ForAnyValue are for keys that carry a list (types ArrayOf...); on a single-valued key ForAllValues also matches requests without the key, which widens an Allow.",
        help: "Drop the ForAllValues: or ForAnyValue: prefix and use the plain operator.",
        severity: .warning, category: .security, securitySeverity: 5.0)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"ec2:CreateTags\"", "\"*\"",
                    condition: "{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"team\"}}"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"ForAllValues:StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}"))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements {
            for condition in statement.conditions where condition.key.isLiteral {
                guard let qualifier = condition.parsedOperator?.qualifier,
                    let type = context.conditionKeyType(condition.key.text), !type.hasPrefix("ArrayOf")
                else { continue }
                findings.append(
                    finding(
                        "'\(condition.key.text.prefix(100))' is a single-valued \(type) key, so \(qualifier.rawValue): does not apply; use the operator without it",
                        at: condition.operatorName, subject: policy.subject))
            }
        }
        return findings
    }
}
