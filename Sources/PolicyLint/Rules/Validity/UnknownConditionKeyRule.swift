/// MR105: a condition key that is neither global nor defined by its service.
struct UnknownConditionKeyRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR105", name: "unknown-condition-key", title: "Unknown condition key",
        rationale:
            "A key no request carries is always absent, so the condition is always false (or always true when negated or with IfExists).",
        help:
            "Correct the key; use a global key (aws:...) or one the service lists in the Service Authorization Reference.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition:
                        "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"a\", \"s3:ExistingObjectTag/x\": \"y\"}}"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"StringEquals\": {\"aws:SourceVPC1\": \"vpc-1\"}}"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"StringEquals\": {\"s3:prefixx\": \"a/\", \"nokey\": \"x\"}}")), findings: 2),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements {
            for condition in statement.conditions where condition.key.isLiteral {
                guard let message = problem(condition.key.text, context: context) else { continue }
                findings.append(finding(message, at: condition.key, subject: policy.subject))
            }
        }
        return findings
    }

    private func problem(_ key: String, context: LintContext) -> String? {
        let shown = key.prefix(100)
        guard let colon = key.firstIndex(of: ":") else {
            return "'\(shown)' is not a condition key; write 'service:KeyName' or a global key such as aws:SourceVpc"
        }
        let prefix = String(key[..<colon]).lowercased()
        if prefix == "aws" {
            guard GlobalConditionKeys.type(of: key) == nil else { return nil }
            let known = Array(GlobalConditionKeys.typesByName.keys)
            return "'\(shown)' is not a global condition key" + suggestion(key, known)
        }
        guard context.isKnownService(prefix) else {
            return
                "'\(shown)' names the service '\(prefix.prefix(50))', which is not in the catalog; correct the prefix"
        }
        guard context.conditionKeyType(key) == nil else { return nil }
        let known = context.catalog.service(prefix: prefix)?.conditionKeys.values.map(\.name) ?? []
        return "'\(shown)' is not a condition key of the service '\(prefix)'" + suggestion(key, known)
    }

    private func suggestion(_ key: String, _ known: [String]) -> String {
        NameSuggestion.closest(to: key, in: known).map { "; did you mean '\($0)'?" } ?? "; check its spelling"
    }
}
