import PolicySynthesis
import Testing

/// Values that reach a call through template intrinsics, parameters and optional resources.
@Suite struct TemplateValueCaseTests {
    func generate(_ template: String, _ code: String) throws -> FunctionPolicy {
        try ProjectFixture(files: ["template.yaml": template, "src/app.py": code]).generate().function("Fn")
    }

    @Test func joinedQueueURLGivesTheQueueARN() throws {
        let policy = try generate(
            samTemplate(environment: [
                "FORWARD_URL":
                    #"!Join ["", ["https://sqs.", !Ref "AWS::Region", ".amazonaws.com/", !Ref "AWS::AccountId", "/ledger-forward"]]"#
            ]),
            """
            import os, boto3
            sqs = boto3.client("sqs")
            def handler(event, context):
                sqs.send_message(QueueUrl=os.environ["FORWARD_URL"], MessageBody="x")
            """)
        #expect(policy.grants.contains("sqs:SendMessage \(regionalARN("sqs", "ledger-forward"))"))
    }

    @Test func noValueBranchAddsNoWildcard() throws {
        let policy = try generate(
            samTemplate(
                environment: ["FORWARD_URL": "!If [HasQueue, !Ref Forward, !Ref AWS::NoValue]"],
                resources: """
                      Forward:
                        Type: AWS::SQS::Queue
                        Properties: {QueueName: forward}
                    """,
                globals: "Conditions:\n  HasQueue: !Equals [a, a]"),
            """
            import os, boto3
            sqs = boto3.client("sqs")
            def handler(event, context):
                url = os.environ.get("FORWARD_URL")
                if url:
                    sqs.send_message(QueueUrl=url, MessageBody="x")
            """)
        #expect(policy.grants.contains("sqs:SendMessage \(regionalARN("sqs", "forward"))"))
        #expect(!policy.grants.contains("sqs:SendMessage \(regionalARN("sqs", "*"))"))
    }

    @Test func optionalResourceTypeWithoutParameterIsStar() throws {
        let policy = try generate(
            samTemplate(),
            """
            import boto3
            rek = boto3.client("rekognition")
            def handler(event, context):
                rek.detect_moderation_labels(Image={"S3Object": {"Bucket": "b", "Name": "n"}})
            """)
        #expect(policy.grants.contains("rekognition:DetectModerationLabels *"))
    }

    @Test func keyArnAndKeyRefAreOneResource() throws {
        let policy = try generate(
            samTemplate(
                properties: "KmsKeyArn: !GetAtt Key.Arn",
                resources: """
                      Key:
                        Type: AWS::KMS::Key
                    """),
            "def handler(event, context):\n    pass\n")
        #expect(policy.grants.contains("kms:Decrypt \(regionalARN("kms", "key/${Key}"))"))
        #expect(!policy.grants.contains("kms:Decrypt ${Key.Arn}"))
    }

    @Test func parameterDefaultWithLeadingSlash() throws {
        let policy = try generate(
            samTemplate(
                environment: ["PARAM": "!Ref ApiKeyName"],
                globals: "Parameters:\n  ApiKeyName: {Type: String, Default: /ledger/partner-api-key}"),
            """
            import os, boto3
            ssm = boto3.client("ssm")
            def handler(event, context):
                ssm.get_parameter(Name=os.environ["PARAM"])
            """)
        #expect(policy.grants.contains("ssm:GetParameter \(regionalARN("ssm", "parameter${ApiKeyName}"))"))
    }
}
