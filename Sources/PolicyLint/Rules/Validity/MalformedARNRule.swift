/// MR103: a resource that is neither `*` nor a well-formed ARN.
struct MalformedARNRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR103", name: "malformed-arn", title: "Malformed resource ARN",
        rationale:
            "IAM rejects a resource that is not an ARN, and an ARN with a wrong partition, region or account matches no resource.",
        help: "Write the resource as arn:partition:service:region:account:resource, or '*'.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(ExampleText.allow("\"sqs:SendMessage\"", "\"arn:aws:sqs:eu-west-1:123456789012:jobs\""))),
        .passing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:${aws:PrincipalTag/p}:s3:::b/*\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"photos/*\""))),
        .failing(
            ExampleText.policy(ExampleText.allow("\"sqs:SendMessage\"", "\"arn:amazon:sqs:eu-west-1:123456789012:q\""))),
        .failing(
            ExampleText.policy(ExampleText.allow("\"sqs:SendMessage\"", "\"arn:aws:SQS:eu-west-1:123456789012:q\""))),
        .failing(
            ExampleText.policy(ExampleText.allow("\"sqs:SendMessage\"", "\"arn:aws:sqs:Europe:12345:q\"")), findings: 2),
    ]

    /// The AWS partitions, from the AWS General Reference page on ARNs.
    static let partitions: Set<String> = [
        "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements {
            for resource in statement.resources where resource.isLiteral && !resource.isWildcardOnly {
                for message in problems(resource.text) {
                    findings.append(finding(message, at: resource, subject: policy.subject))
                }
            }
        }
        return findings
    }

    func problems(_ text: String) -> [String] {
        let shown = text.prefix(200)
        guard text.hasPrefix("arn:") else {
            return ["'\(shown)' is not an ARN; write an ARN that starts with 'arn:', or '*'"]
        }
        guard text.utf8.count <= ResourceARN.maximumLength else {
            return [
                "the resource is \(text.utf8.count) bytes long, more than any ARN; shorten it to the ARN of the resource"
            ]
        }
        guard let arn = ResourceARN(text) else {
            return [
                "'\(shown)' has fewer than six colon-separated parts; write arn:partition:service:region:account:resource"
            ]
        }
        var messages: [String] = []
        if isFixed(arn.partition), !Self.partitions.contains(arn.partition) {
            messages.append("'\(arn.partition.prefix(50))' is not an AWS partition; use aws, aws-cn or aws-us-gov")
        }
        if arn.service.isEmpty {
            messages.append("the ARN '\(shown)' has no service; write the service, such as s3, after the partition")
        } else if isFixed(arn.service), arn.service != arn.service.lowercased() {
            messages.append(
                "the service '\(arn.service.prefix(50))' in an ARN is lowercase; write '\(arn.service.lowercased())'")
        }
        if isFixed(arn.region), !arn.region.isEmpty, !isRegion(arn.region) {
            messages.append(
                "'\(arn.region.prefix(50))' is not an AWS Region code such as us-east-1; correct it or use '*'")
        }
        if isFixed(arn.account), !arn.account.isEmpty, arn.account != "aws", !isAccount(arn.account) {
            messages.append("'\(arn.account.prefix(50))' is not a 12-digit account id; correct it or use '*'")
        }
        return messages
    }

    /// True when the part has no wildcard or variable, so it can be checked.
    private func isFixed(_ part: String) -> Bool { !Wildcard.hasWildcard(part) && !part.containsVariable }

    /// Region codes are lowercase words joined by `-` and ending in a number: `us-east-1`, `us-gov-west-1`.
    private func isRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isASCII),
            last.allSatisfy(\.isNumber)
        else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }

    private func isAccount(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
