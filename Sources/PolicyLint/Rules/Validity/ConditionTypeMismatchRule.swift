/// MR107: an operator whose type differs from the condition key's type.
struct ConditionTypeMismatchRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR107", name: "condition-type-mismatch", title: "Condition operator does not fit the key's type",
        rationale:
            "IAM compares a key with the operator's type, so NumericEquals on a string key or StringEquals on a date key never matches as intended.",
        help:
            "Use the operator family of the key's type: String for strings, Numeric, Date, Bool, IpAddress, Arn or Binary.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition:
                        "{\"DateLessThan\": {\"aws:CurrentTime\": \"2030-01-01T00:00:00Z\"}, \"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/x\"}}"
                ))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"NumericEquals\": {\"aws:SourceVpc\": \"1\"}}"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition:
                        "{\"StringEquals\": {\"aws:CurrentTime\": \"2030-01-01\"}, \"Bool\": {\"aws:SourceIp\": \"true\"}}"
                )), findings: 2),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements {
            for condition in statement.conditions where condition.key.isLiteral {
                guard let op = condition.parsedOperator, op.family != .null,
                    let keyType = context.conditionKeyType(condition.key.text)
                else { continue }
                let elementType = keyType.hasPrefix("ArrayOf") ? String(keyType.dropFirst(7)) : keyType
                guard !fits(op.family, elementType) else { continue }
                findings.append(
                    finding(
                        "\(condition.operatorName.text.prefix(100)) compares \(op.family.rawValue) values, but '\(condition.key.text.prefix(100))' is "
                            + "of type \(keyType); use an operator for that type, such as \(exampleOperator(for: elementType))",
                        at: condition.key, subject: policy.subject))
            }
        }
        return findings
    }

    /// String operators also read ARN keys, and Arn operators also read string keys that hold
    /// ARNs, as the IAM User Guide allows.
    private func fits(_ family: ConditionOperator.Family, _ type: String) -> Bool {
        switch family {
        case .string: ["String", "ARN"].contains(type)
        case .arn: ["ARN", "String"].contains(type)
        case .numeric: type == "Numeric"
        case .date: type == "Date" || type == "Numeric"
        case .bool: type == "Bool"
        case .binary: type == "Binary"
        case .ipAddress: type == "IPAddress"
        case .null: true
        }
    }

    private func exampleOperator(for type: String) -> String {
        switch type {
        case "ARN": "ArnLike"
        case "IPAddress": "IpAddress"
        case "Binary": "BinaryEquals"
        case "Bool": "Bool"
        case "Date": "DateLessThan"
        case "Numeric": "NumericEquals"
        default: "StringEquals"
        }
    }
}
