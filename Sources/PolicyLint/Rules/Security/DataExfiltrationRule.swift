/// MR209: reads of stored data or secrets allowed on every resource.
struct DataExfiltrationRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR209", name: "data-read-on-any-resource", title: "Data or secret read on any resource",
        rationale:
            "Reading objects, items, parameters, secrets or decrypting on every resource lets a compromised workload copy data it never needed.",
        help: "Name the buckets, tables, parameters, secrets or keys the workload reads.",
        severity: .error, category: .security, securitySeverity: 7.5)

    /// Read actions that return stored data or secrets, or decrypt: objects, items, messages,
    /// records, parameters, secrets, snapshots and logs.
    static let actions = [
        "s3:GetObject", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
        "secretsmanager:GetSecretValue", "s3:GetObjectVersion", "ssm:GetParameterHistory", "kms:Decrypt",
        "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
        "dynamodb:ExportTableToPointInTime",
        "sqs:ReceiveMessage", "kinesis:GetRecords", "lambda:GetFunction", "rds:CreateDBSnapshot", "rds:CopyDBSnapshot",
        "ec2:CreateSnapshot", "logs:GetLogEvents", "logs:FilterLogEvents",
    ]

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::reports/*\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"*\""))),
        .failing(
            ExampleText.policy(ExampleText.allow("\"ssm:GetParameter*\"", "\"arn:aws:ssm:*:*:parameter/*\"")),
            findings: 4),
        .failing(
            ExampleText.policy(
                ExampleText.allow("\"dynamodb:Scan\"", "\"arn:aws:dynamodb:eu-west-1:123456789012:table/*\""))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        let allowed = AllowedServices(policy)
        let candidates = Self.actions.filter(allowed.mayAllow)
        for statement in policy.statements where statement.effect == .allow && !context.isFoldedIntoAllowAll(statement)
        {
            for name in candidates where !context.isFoldedIntoServiceWildcard(name, in: statement) {
                guard let value = statement.valueAllowing(name, in: context), isUnscoped(statement, name, context)
                else { continue }
                findings.append(
                    finding(
                        "\(name) on every resource lets the role read any such data in the account; name the resources it reads",
                        at: value, subject: policy.subject))
            }
        }
        return findings
    }

    private func isUnscoped(_ statement: LocatedStatement, _ name: String, _ context: LintContext) -> Bool {
        if statement.isNotResource || statement.grantsOnAnyResource { return true }
        guard let action = context.match(action: name).knownActions?.first else { return false }
        return statement.resources.contains { context.isUnscoped($0, for: action) }
    }
}
