/// MR212: `ForAllValues:` in an `Allow` without a `Null` check on the key.
struct ForAllValuesWithoutNullRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR212", name: "for-all-values-without-null", title: "ForAllValues in Allow without a Null check",
        rationale:
            "ForAllValues is true when the request has no value for the key at all, so an Allow meant to limit tag keys or services also allows requests that carry none.",
        help: "Add \"Null\": {\"<key>\": \"false\"} to the same statement, or use ForAnyValue if any match is enough.",
        severity: .warning, category: .security, securitySeverity: 5.5)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"ec2:CreateTags\"", "\"*\"",
                    condition:
                        "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"team\"]}, \"Null\": {\"aws:TagKeys\": \"false\"}}"
                ))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"ec2:CreateTags\"", "\"*\"",
                    condition: "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"team\"]}}"))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements where statement.effect == .allow {
            let guarded = Set(
                statement.conditions.filter { $0.operatorName.text == "Null" && $0.values.map(\.text) == ["false"] }
                    .map { $0.key.text.lowercased() })
            for condition in statement.conditions where condition.parsedOperator?.qualifier == .forAllValues {
                guard !guarded.contains(condition.key.text.lowercased()) else { continue }
                findings.append(
                    finding(
                        "\(condition.operatorName.text.prefix(100)) on '\(condition.key.text.prefix(100))' is also true when the request has no such key; add \"Null\": {\"\(condition.key.text.prefix(100))\": \"false\"}",
                        at: condition.operatorName, subject: policy.subject))
            }
        }
        return findings
    }
}
