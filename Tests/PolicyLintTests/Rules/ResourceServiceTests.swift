import PolicyLint
import Testing

/// A statement whose resources all name one service can grant only that service's actions,
/// so NotAction and wildcards there must not report risks of other services.
@Suite struct ResourceServiceTests {
    static func policy(_ action: String, _ resource: String) -> String {
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", \(action), "Resource": \(resource)}]}
        """
    }

    static func ruleIds(_ text: String) -> [String] {
        lint(text, kind: .policy).findings.map(\.ruleId)
    }

    @Test func notActionOnS3ReportsNoOtherService() {
        let ids = Self.ruleIds(Self.policy("\"NotAction\": \"s3:DeleteBucket\"", "\"arn:aws:s3:::*\""))
        #expect(!ids.contains("MR206"), "iam:PassRole needs an IAM role ARN: \(ids)")
        #expect(!ids.contains("MR207"), "escalation actions are not S3 actions: \(ids)")
        #expect(ids.contains("MR204"))
        #expect(ids.contains("MR209"), "s3:GetObject on every bucket is still reported")
        let messages = lint(Self.policy("\"NotAction\": \"s3:DeleteBucket\"", "\"arn:aws:s3:::*\""), kind: .policy)
            .findings.filter { $0.ruleId == "MR209" }.map(\.message)
        #expect(messages.allSatisfy { $0.hasPrefix("s3:") }, "\(messages)")
    }

    @Test func notActionOnStarStillReportsEveryService() {
        let ids = Self.ruleIds(Self.policy("\"NotAction\": \"s3:DeleteBucket\"", "\"*\""))
        #expect(ids.contains("MR206"))
        #expect(ids.contains("MR207"))
    }

    @Test func placeholderServiceIsNotTrusted() {
        let ids = Self.ruleIds(Self.policy("\"NotAction\": \"s3:DeleteBucket\"", "\"arn:aws:${Service}:::*\""))
        #expect(ids.contains("MR206"), "an unknown service field may be IAM: \(ids)")
    }

    @Test func passRoleOnRoleArnsIsStillChecked() {
        let ids = Self.ruleIds(Self.policy("\"NotAction\": \"s3:*\"", "\"arn:aws:iam::123456789012:role/*\""))
        #expect(ids.contains("MR206"), "iam:PassRole without iam:PassedToService: \(ids)")
    }
}
