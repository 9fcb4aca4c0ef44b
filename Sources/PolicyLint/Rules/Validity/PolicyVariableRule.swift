/// MR109: a policy variable with broken syntax or in a place IAM does not replace it.
struct PolicyVariableRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR109", name: "policy-variable-misuse", title: "Policy variable with bad syntax or placement",
        rationale:
            "IAM replaces ${...} variables only in the resource part of a Resource ARN and in String and Arn condition values; elsewhere the text is literal and matches nothing intended.",
        help:
            "Write variables as ${aws:username} or ${aws:PrincipalTag/team, 'default'}, and only after the fifth colon of a Resource ARN or in String or Arn condition values.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::home/${aws:username}/*\"",
                    condition:
                        "{\"StringEquals\": {\"s3:ExistingObjectTag/team\": \"${aws:PrincipalTag/team, 'none'}\"}}"))),
        .failing(ExampleText.policy(ExampleText.allow("\"s3:${aws:username}\"", "\"*\""))),
        .failing(
            ExampleText.policy(
                ExampleText.allow("\"sqs:SendMessage\"", "\"arn:aws:sqs:${aws:RequestedRegion}:123456789012:q\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::home/${aws:username/*\""))),
        .failing(
            ExampleText.policy(
                ExampleText.allow(
                    "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
                    condition: "{\"NumericLessThan\": {\"s3:max-keys\": \"${aws:username}\"}}"))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        func report(_ message: String, _ value: LocatedValue) {
            findings.append(finding(message, at: value, subject: policy.subject))
        }
        for statement in policy.statements {
            for action in statement.actions where action.isLiteral && action.text.containsVariable {
                report(
                    "'\(action.text.prefix(100))' uses a policy variable in an action, where IAM does not replace it; name the action",
                    action)
            }
            for resource in statement.resources where resource.isLiteral {
                if let problem = syntaxProblem(resource.text) {
                    report(problem, resource)
                    continue
                }
                if let arn = ResourceARN(resource.text),
                    [arn.partition, arn.service, arn.region, arn.account].contains(where: { $0.containsVariable })
                {
                    report(
                        "'\(resource.text.prefix(100))' has a policy variable before the resource part of the ARN, where IAM does not replace it; write those parts literally or as '*'",
                        resource)
                }
            }
            for condition in statement.conditions {
                let family = condition.parsedOperator?.family
                for value in condition.values where value.isLiteral && value.text.containsVariable {
                    if let problem = syntaxProblem(value.text) {
                        report(problem, value)
                    } else if family != .string && family != .arn {
                        report(
                            "IAM replaces policy variables only in String and Arn conditions, not in \(condition.operatorName.text.prefix(100)); write the value literally",
                            value)
                    }
                }
            }
        }
        return findings
    }

    /// Returns the problem with the first malformed `${...}` in the text, or `nil` when all are well formed.
    func syntaxProblem(_ text: String) -> String? {
        var rest = Substring(text)
        while let start = rest.firstRange(of: "${") {
            guard let close = rest[start.upperBound...].firstIndex(of: "}") else {
                return "'\(text.prefix(100))' opens a policy variable with '${' but never closes it with '}'"
            }
            let body = rest[start.upperBound..<close]
            if !["*", "?", "$"].contains(body), !isVariable(body) {
                return
                    "'${\(body.prefix(60))}' is not a policy variable; write ${service:key} such as ${aws:username}, optionally with a default: ${aws:username, 'none'}"
            }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }

    /// `service:key`, optionally followed by `, 'default'`.
    private func isVariable(_ body: Substring) -> Bool {
        let parts = body.split(separator: ",", maxSplits: 1)
        guard let key = parts.first, key.contains(":"), !key.hasPrefix(":"), !key.contains(" ") else { return false }
        guard parts.count == 2 else { return true }
        let fallback = parts[1].drop { $0 == " " }
        return fallback.count >= 2 && fallback.hasPrefix("'") && fallback.hasSuffix("'")
    }
}
