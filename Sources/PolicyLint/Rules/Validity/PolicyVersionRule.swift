/// MR110: a missing, old or unknown `Version`.
struct PolicyVersionRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR110", name: "policy-version", title: "Missing or old policy Version",
        rationale:
            "Without Version 2012-10-17, IAM reads the policy under 2008-10-17, where ${...} policy variables are literal text; any other value is rejected.",
        help: "Add \"Version\": \"2012-10-17\" to the policy document.",
        severity: .warning, category: .validity)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""))),
        .failing("{\"Statement\": [\(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""))]}"),
        .failing(
            "{\"Version\": \"2008-10-17\", \"Statement\": [\(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""))]}"
        ),
        .failing(
            "{\"Version\": \"2012-10-18\", \"Statement\": [\(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""))]}"
        ),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        guard let version = policy.version else {
            return [
                finding(
                    "the policy has no Version, so IAM reads it as 2008-10-17 and policy variables stay literal; add \"Version\": \"2012-10-17\"",
                    at: policy.location, subject: policy.subject)
            ]
        }
        switch version.text {
        case "2012-10-17":
            return []
        case "2008-10-17":
            let usesVariables = policy.statements.contains { statement in
                (statement.resources + statement.conditions.flatMap(\.values)).contains { $0.text.containsVariable }
            }
            var message = "Version 2008-10-17 is the old policy language"
            message += usesVariables ? ", in which the ${...} variables of this policy are literal text" : ""
            return [finding(message + "; use \"2012-10-17\"", at: version, subject: policy.subject)]
        default:
            let message =
                "'\(version.text.prefix(50))' is not a policy version, and IAM rejects the policy; use \"2012-10-17\""
            return [
                Finding(
                    ruleId: descriptor.id, severity: .error, message: message, location: version.location,
                    endLocation: version.endLocation, subject: policy.subject)
            ]
        }
    }
}
