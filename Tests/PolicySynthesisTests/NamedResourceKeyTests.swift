import PolicyModel
import Testing

@testable import PolicySynthesis

/// A call that names a template resource by a literal name, ARN or URL, instead of a `Ref`,
/// still needs the KMS permissions of the key that encrypts that resource.
@Suite struct NamedResourceKeyTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var resource: String
        var variable: String
        var value: String
        var call: String
        var expectedActions: [String]

        var testDescription: String { name }
    }

    static let key = """
          Key:
            Type: AWS::KMS::Key
            Properties: {KeyPolicy: {Version: "2012-10-17", Statement: []}}
        """

    static let cases: [Case] = [
        Case(
            name: "secret by name",
            resource:
                "Properties: {Name: app/db-password, KmsKeyId: !GetAtt Key.Arn}\n    Type: AWS::SecretsManager::Secret",
            variable: "SECRET_ID", value: "app/db-password",
            call: #"boto3.client("secretsmanager").get_secret_value(SecretId=os.environ["SECRET_ID"])"#,
            expectedActions: ["kms:Decrypt"]),
        Case(
            name: "queue by literal URL",
            resource: "Properties: {QueueName: jobs, KmsMasterKeyId: !Ref Key}\n    Type: AWS::SQS::Queue",
            variable: "QUEUE_URL", value: "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs",
            call: #"boto3.client("sqs").send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody="x")"#,
            expectedActions: ["kms:GenerateDataKey", "kms:Decrypt"]),
        Case(
            name: "topic by literal ARN",
            resource: "Properties: {TopicName: alerts, KmsMasterKeyId: !Ref Key}\n    Type: AWS::SNS::Topic",
            variable: "TOPIC_ARN", value: "arn:aws:sns:eu-west-1:123456789012:alerts",
            call: #"boto3.client("sns").publish(TopicArn=os.environ["TOPIC_ARN"], Message="m")"#,
            expectedActions: ["kms:GenerateDataKey", "kms:Decrypt"]),
        Case(
            name: "bucket by name",
            resource: """
                Type: AWS::S3::Bucket
                    Properties:
                      BucketName: access-logs
                      BucketEncryption:
                        ServerSideEncryptionConfiguration:
                          - ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms", KMSMasterKeyID: !Ref Key}
                """,
            variable: "BUCKET", value: "access-logs",
            call: #"boto3.client("s3").get_object(Bucket=os.environ["BUCKET"], Key="report.csv")"#,
            expectedActions: ["kms:Decrypt"]),
        Case(
            name: "table by name",
            resource: """
                Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: orders
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref Key}
                """,
            variable: "TABLE", value: "orders",
            call: #"boto3.client("dynamodb").get_item(TableName=os.environ["TABLE"], Key={"id": {"S": "1"}})"#,
            expectedActions: ["kms:Decrypt"]),
    ]

    func generate(_ testCase: Case, value: String) throws -> FunctionPolicy {
        let template = samTemplate(
            environment: [testCase.variable: value],
            resources: Self.key + "\n  Target:\n    " + testCase.resource)
        let code = "import os, boto3\ndef handler(event, context):\n    return \(testCase.call)\n"
        return try ProjectFixture(files: ["template.yaml": template, "src/app.py": code]).generate().function("Fn")
    }

    @Test(arguments: cases)
    func literalNameGetsTheKey(_ testCase: Case) throws {
        let policy = try generate(testCase, value: testCase.value)
        let key = regionalARN("kms", "key/${Key}")
        for action in testCase.expectedActions {
            #expect(policy.grants.contains("\(action) \(key)"), "\(action) in \(policy.grants.sorted())")
        }
        #expect(!policy.diagnostics.contains { $0.code == .cannotVerify }, "\(policy.diagnostics)")
    }

    @Test(arguments: cases)
    func otherNameGetsNoKey(_ testCase: Case) throws {
        let policy = try generate(testCase, value: testCase.value + "-other")
        #expect(!policy.grants.contains { $0.hasPrefix("kms:") }, "\(policy.grants.sorted())")
        #expect(policy.diagnostics.contains { $0.code == .cannotVerify }, "\(policy.diagnostics)")
    }

    @Test func eventSourceByLiteralARN() throws {
        let template = samTemplate(
            properties:
                "Events:\n  Jobs:\n    Type: SQS\n    Properties: {Queue: arn:aws:sqs:eu-west-1:123456789012:jobs}",
            resources: Self.key
                + "\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: jobs, KmsMasterKeyId: !Ref Key}")
        let files = ["template.yaml": template, "src/app.py": "def handler(event, context):\n    pass\n"]
        let policy = try ProjectFixture(files: files).generate().function("Fn")
        #expect(policy.grants.contains("sqs:ReceiveMessage arn:aws:sqs:eu-west-1:123456789012:jobs"))
        #expect(policy.grants.contains("kms:Decrypt \(regionalARN("kms", "key/${Key}"))"), "\(policy.grants.sorted())")
    }

    @Test func otherServiceNameIsNotMatched() throws {
        let template = samTemplate(
            environment: ["SETTINGS_PATH": "/app/settings"],
            resources: Self.key
                + "\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {LogGroupName: /app/settings}")
        let code = """
            import os, boto3
            def handler(event, context):
                return boto3.client("ssm").get_parameters_by_path(Path=os.environ["SETTINGS_PATH"], WithDecryption=True)
            """
        let policy = try ProjectFixture(files: ["template.yaml": template, "src/app.py": code]).generate().function(
            "Fn")
        #expect(policy.diagnostics.contains { $0.code == .cannotVerify }, "\(policy.diagnostics)")
    }

    @Test func overlongNameMatchesNothing() throws {
        let policy = try generate(Self.cases[0], value: String(repeating: "app/", count: 5000))
        #expect(!policy.grants.contains { $0.hasPrefix("kms:") })
        #expect(policy.diagnostics.contains { $0.code == .cannotVerify })
    }

    @Test func generatedNameIsNotMatched() throws {
        let bucket =
            "Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault: {SSEAlgorithm: \"aws:kms\", KMSMasterKeyID: !Ref Key}"
        let testCase = Case(
            name: "bucket without a name", resource: bucket, variable: "BUCKET", value: "Target",
            call: #"boto3.client("s3").get_object(Bucket=os.environ["BUCKET"], Key="k")"#, expectedActions: [])
        let policy = try generate(testCase, value: "Target")
        #expect(!policy.grants.contains { $0.hasPrefix("kms:") }, "\(policy.grants.sorted())")
    }
}

@Suite struct NamedResourceMatchTests {
    let url = PatternString([
        .literal("https://sqs."), .placeholder("AWS::Region"), .literal("."), .placeholder("AWS::URLSuffix"),
        .literal("/"), .placeholder("AWS::AccountId"), .literal("/jobs"),
    ])

    @Test(arguments: [
        ("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs", true),
        ("https://sqs.cn-north-1.amazonaws.com.cn/123456789012/jobs", true),
        ("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs2", false),
        ("https://sqs.eu-west-1.amazonaws.com/123/456/jobs", false),
        ("https://sqs..amazonaws.com/123456789012/jobs", false),
    ])
    func queueURLMatches(text: String, expected: Bool) {
        #expect(ValueResolver.matches(Substring(text), url.segments[...]) == expected)
    }

    @Test(arguments: [
        ("AWS::SecretsManager::Secret", "secretsmanager"), ("AWS::SQS::Queue", "sqs"),
        ("AWS::Serverless::SimpleTable", "dynamodb"), ("AWS::Serverless::StateMachine", "stepfunctions"),
        ("Custom::Thing", nil), ("AWS::S3", nil),
    ])
    func clientOfResourceType(type: String, expected: String?) {
        #expect(ValueResolver.client(ofType: type) == expected)
    }

    @Test func otherPlaceholdersMatchNothing() {
        let name = PatternString([.placeholder("Bucket")])
        #expect(!ValueResolver.matches("Bucket", name.segments[...]))
        #expect(!ValueResolver.matches("anything", name.segments[...]))
    }

    @Test func longDottedHostEndsQuickly() {
        let text = "https://sqs." + String(repeating: "a.", count: 1000) + "/1/other"
        #expect(!ValueResolver.matches(Substring(text), url.segments[...]))
    }
}
