/// MR108: a condition value that the operator cannot read: a bad number, date, Boolean, IP
/// range or base-64 text.
struct InvalidConditionValueRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR108", name: "invalid-condition-value", title: "Condition value does not fit the operator",
        rationale:
            "IAM rejects a policy whose condition values the operator cannot read, or the condition never matches.",
        help:
            "Write numbers as digits, dates as ISO 8601 (2030-01-31T00:00:00Z) or epoch seconds, Booleans and Null values as true or false, IP ranges in CIDR form.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition:
                        "{\"DateGreaterThan\": {\"aws:CurrentTime\": [\"2030-01-31\", \"2030-01-31T10:00:00Z\", \"1700000000\"]}, \"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"2001:db8::/32\"]}}"
                ))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"DateGreaterThan\": {\"aws:CurrentTime\": \"31/01/2030\"}}"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition:
                        "{\"Bool\": {\"aws:SecureTransport\": \"yes\"}, \"IpAddress\": {\"aws:SourceIp\": \"10.0.0.300/8\"}, \"NumericLessThan\": {\"s3:max-keys\": \"ten\"}}"
                )), findings: 3),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements {
            for condition in statement.conditions {
                guard let op = condition.parsedOperator else { continue }
                for value in condition.values where value.isLiteral && !value.text.containsVariable {
                    guard let expected = problem(value.text, family: op.family) else { continue }
                    findings.append(
                        finding(
                            "'\(value.text.prefix(100))' is not \(expected), as \(condition.operatorName.text.prefix(100)) needs",
                            at: value, subject: policy.subject))
                }
            }
        }
        return findings
    }

    /// Returns the form the value should have, or `nil` when it fits.
    private func problem(_ text: String, family: ConditionOperator.Family) -> String? {
        switch family {
        case .numeric: Double(text) == nil ? "a number" : nil
        case .date: ValueFormats.isDate(text) ? nil : "an ISO 8601 date or epoch seconds"
        case .bool, .null: text == "true" || text == "false" ? nil : "true or false"
        case .ipAddress: ValueFormats.isCIDR(text) ? nil : "an IPv4 or IPv6 address or CIDR range"
        case .binary: ValueFormats.isBase64(text) ? nil : "base-64 text"
        case .string, .arn: nil
        }
    }
}
