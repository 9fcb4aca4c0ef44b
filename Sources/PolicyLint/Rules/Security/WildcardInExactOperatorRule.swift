/// MR214: `*` or `?` in the value of an operator that compares exact text.
struct WildcardInExactOperatorRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR214", name: "wildcard-in-exact-operator", title: "Wildcard in an exact-match condition",
        rationale:
            "StringEquals and ArnEquals compare text exactly, so '*' matches only a literal asterisk and the condition is narrower (or, negated, wider) than intended.",
        help: "Use StringLike or ArnLike for patterns, or remove the wildcard.",
        severity: .warning, category: .security, securitySeverity: 4.0)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:ListBucket\"", "\"arn:aws:s3:::b\"",
                    condition:
                        "{\"StringLike\": {\"s3:prefix\": \"home/*\"}, \"StringEquals\": {\"s3:delimiter\": \"${*}\"}}")
            )),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:ListBucket\"", "\"arn:aws:s3:::b\"",
                    condition: "{\"StringEquals\": {\"s3:prefix\": \"home/*\"}}"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"ArnNotEquals\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/admin\"}}"))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements {
            for condition in statement.conditions where condition.parsedOperator?.isExactMatch == true {
                for value in condition.values
                where value.isLiteral && Wildcard.hasWildcard(withoutVariables(value.text)) {
                    let like = condition.operatorName.text.replacing("Equals", with: "Like").replacing(
                        "IgnoreCase", with: "")
                    findings.append(
                        finding(
                            "\(condition.operatorName.text.prefix(100)) compares '\(value.text.prefix(100))' exactly, so its wildcard matches only itself; use \(like) for a pattern",
                            at: value, subject: policy.subject))
                }
            }
        }
        return findings
    }

    /// Returns the text with every `${...}` removed, because `${*}` and `${?}` are literal characters.
    private func withoutVariables(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "${"), let close = rest[start.upperBound...].firstIndex(of: "}") {
            result += rest[..<start.lowerBound]
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
