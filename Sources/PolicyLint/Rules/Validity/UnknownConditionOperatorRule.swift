/// MR104: a condition operator IAM does not define.
struct UnknownConditionOperatorRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR104", name: "unknown-condition-operator", title: "Unknown condition operator",
        rationale: "IAM rejects a policy whose condition uses an operator it does not define.",
        help:
            "Use one of IAM's condition operators (StringEquals, ArnLike, NumericLessThan, ...); names are case-sensitive.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"ForAnyValue:StringLikeIfExists\": {\"aws:TagKeys\": \"t*\"}}"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"StringEqual\": {\"aws:SourceVpc\": \"vpc-1\"}}"))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"NullIfExists\": {\"aws:SourceVpc\": \"true\"}}"))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<SourceLocationKey>()
        for statement in policy.statements {
            for condition in statement.conditions where condition.parsedOperator == nil {
                guard reported.insert(SourceLocationKey(condition.operatorName)).inserted else { continue }
                let name = condition.operatorName.text
                let suggestion = NameSuggestion.closest(to: name, in: Self.allNames)
                let advice = suggestion.map { "did you mean '\($0)'?" } ?? "use an operator such as StringEquals"
                findings.append(
                    finding(
                        "'\(name.prefix(100))' is not a condition operator; \(advice)", at: condition.operatorName,
                        subject: policy.subject))
            }
        }
        return findings
    }

    /// Every operator name, with the qualifiers and `IfExists` forms, for suggestions.
    static let allNames: [String] = {
        var names: [String] = []
        for base in ConditionOperator.families.keys.sorted() {
            names.append(base)
            if base != "Null" { names.append(base + "IfExists") }
        }
        return names
    }()
}

/// A located value's position, to report a value that several condition keys share once.
struct SourceLocationKey: Hashable {
    var file: String
    var line: Int
    var column: Int

    init(_ value: LocatedValue) {
        file = value.location.file
        line = value.location.line
        column = value.location.column
    }
}
