import DeploymentModel
import Diagnostics
import PolicyModel
import Testing

/// A resource written in YAML and the name, ARN and key that the template gives it.
struct NameCase: CustomTestStringConvertible, Sendable {
    let label: String
    let resource: String
    let name: String?
    let arn: String?
    var key: String? = nil
    var testDescription: String { label }
}

private let prefix = "arn:${AWS::Partition}"
private let regional = "${AWS::Region}:${AWS::AccountId}"

@Suite("Physical names, ARNs and keys")
struct ResourceNameTests {
    static let cases: [NameCase] = [
        NameCase(
            label: "generated bucket", resource: "Type: AWS::S3::Bucket", name: "${Subject}",
            arn: "\(prefix):s3:::${Subject}"),
        NameCase(
            label: "named bucket with KMS key",
            resource: """
                Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "${Stage}-orders"
                      BucketEncryption:
                        ServerSideEncryptionConfiguration:
                          - ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: !Ref Key }
                """,
            name: "${Stage}-orders", arn: "\(prefix):s3:::${Stage}-orders", key: "\(prefix):kms:\(regional):key/${Key}"),
        NameCase(
            label: "bucket with AWS-managed key",
            resource: """
                Type: AWS::S3::Bucket
                    Properties:
                      BucketEncryption:
                        ServerSideEncryptionConfiguration:
                          - ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: alias/aws/s3 }
                """,
            name: "${Subject}", arn: "\(prefix):s3:::${Subject}", key: nil),
        NameCase(
            label: "bucket with SSE-S3",
            resource: """
                Type: AWS::S3::Bucket
                    Properties:
                      BucketEncryption:
                        ServerSideEncryptionConfiguration:
                          - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }
                """,
            name: "${Subject}", arn: "\(prefix):s3:::${Subject}", key: nil),
        NameCase(
            label: "table with key ARN attribute",
            resource: """
                Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: orders
                      SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !GetAtt Key.Arn }
                """,
            name: "orders", arn: "\(prefix):dynamodb:\(regional):table/orders", key: "${Key.Arn}"),
        NameCase(
            label: "generated simple table", resource: "Type: AWS::Serverless::SimpleTable", name: "${Subject}",
            arn: "\(prefix):dynamodb:\(regional):table/${Subject}"),
        NameCase(
            label: "generated queue with key",
            resource: "Type: AWS::SQS::Queue\n    Properties: { KmsMasterKeyId: !Ref Key }",
            name: "${Subject.QueueName}", arn: "\(prefix):sqs:\(regional):${Subject.QueueName}",
            key: "\(prefix):kms:\(regional):key/${Key}"),
        NameCase(
            label: "named queue with managed key",
            resource: "Type: AWS::SQS::Queue\n    Properties: { QueueName: jobs, KmsMasterKeyId: alias/aws/sqs }",
            name: "jobs", arn: "\(prefix):sqs:\(regional):jobs", key: nil),
        NameCase(
            label: "fifo queue without suffix",
            resource: "Type: AWS::SQS::Queue\n    Properties: { QueueName: orders, FifoQueue: true }",
            name: "orders.fifo", arn: "\(prefix):sqs:\(regional):orders.fifo"),
        NameCase(
            label: "fifo queue with suffix",
            resource: "Type: AWS::SQS::Queue\n    Properties: { QueueName: orders.fifo, FifoQueue: true }",
            name: "orders.fifo", arn: "\(prefix):sqs:\(regional):orders.fifo"),
        NameCase(
            label: "generated topic with alias",
            resource: "Type: AWS::SNS::Topic\n    Properties: { KmsMasterKeyId: alias/alerts }",
            name: "${Subject.TopicName}", arn: "\(prefix):sns:\(regional):${Subject.TopicName}",
            key: "\(prefix):kms:\(regional):alias/alerts"),
        NameCase(
            label: "named topic with literal key ARN",
            resource:
                "Type: AWS::SNS::Topic\n    Properties: { TopicName: alerts, KmsMasterKeyId: \"arn:aws:kms:eu-west-1:111122223333:key/k-1\" }",
            name: "alerts", arn: "\(prefix):sns:\(regional):alerts", key: "arn:aws:kms:eu-west-1:111122223333:key/k-1"),
        NameCase(
            label: "generated secret",
            resource: "Type: AWS::SecretsManager::Secret\n    Properties: { KmsKeyId: !Ref Key }",
            name: nil, arn: "${Subject}", key: "\(prefix):kms:\(regional):key/${Key}"),
        NameCase(
            label: "named secret",
            resource: "Type: AWS::SecretsManager::Secret\n    Properties: { Name: app-db-creds }",
            name: "app-db-creds", arn: "\(prefix):secretsmanager:\(regional):secret:app-db-creds-??????"),
        NameCase(
            label: "hierarchical parameter",
            resource: "Type: AWS::SSM::Parameter\n    Properties: { Name: /shop/prod/db-url, Type: String, Value: x }",
            name: "/shop/prod/db-url", arn: "\(prefix):ssm:\(regional):parameter/shop/prod/db-url"),
        NameCase(
            label: "flat parameter",
            resource: "Type: AWS::SSM::Parameter\n    Properties: { Name: db-url, Type: String, Value: x }",
            name: "db-url", arn: "\(prefix):ssm:\(regional):parameter/db-url"),
        NameCase(
            label: "generated parameter",
            resource: "Type: AWS::SSM::Parameter\n    Properties: { Type: String, Value: x }",
            name: "${Subject}", arn: "\(prefix):ssm:\(regional):parameter/${Subject}"),
        NameCase(
            label: "generated state machine", resource: "Type: AWS::StepFunctions::StateMachine",
            name: "${Subject.Name}", arn: "\(prefix):states:\(regional):stateMachine:${Subject.Name}"),
        NameCase(
            label: "state machine with customer key",
            resource: """
                Type: AWS::StepFunctions::StateMachine
                    Properties:
                      StateMachineName: checkout
                      EncryptionConfiguration: { Type: CUSTOMER_MANAGED_KMS_KEY, KmsKeyId: !GetAtt Key.Arn }
                """,
            name: "checkout", arn: "\(prefix):states:\(regional):stateMachine:checkout", key: "${Key.Arn}"),
        NameCase(
            label: "table with AWS-managed key",
            resource:
                "Type: AWS::DynamoDB::Table\n    Properties: { TableName: orders, SSESpecification: { SSEEnabled: true } }",
            name: "orders", arn: "\(prefix):dynamodb:\(regional):table/orders", key: nil),
        NameCase(
            label: "named SAM state machine",
            resource: "Type: AWS::Serverless::StateMachine\n    Properties: { Name: checkout }",
            name: "checkout", arn: "\(prefix):states:\(regional):stateMachine:checkout"),
        NameCase(
            label: "key", resource: "Type: AWS::KMS::Key", name: "${Subject}",
            arn: "\(prefix):kms:\(regional):key/${Subject}"),
        NameCase(
            label: "kinesis stream with key",
            resource:
                "Type: AWS::Kinesis::Stream\n    Properties: { Name: clicks, StreamEncryption: { EncryptionType: KMS, KeyId: !Ref KeyAlias } }",
            name: "clicks", arn: "\(prefix):kinesis:\(regional):stream/clicks",
            key: "\(prefix):kms:\(regional):key/${Key}"),
        NameCase(
            label: "function",
            resource: "Type: AWS::Serverless::Function\n    Properties: { FunctionName: !Sub \"${Stage}-worker\" }",
            name: "${Stage}-worker", arn: "\(prefix):lambda:\(regional):function:${Stage}-worker"),
        NameCase(
            label: "log group", resource: "Type: AWS::Logs::LogGroup\n    Properties: { LogGroupName: /app/orders }",
            name: "/app/orders", arn: "\(prefix):logs:\(regional):log-group:/app/orders"),
        NameCase(
            label: "event bus", resource: "Type: AWS::Events::EventBus\n    Properties: { Name: orders }",
            name: "orders", arn: "\(prefix):events:\(regional):event-bus/orders"),
        NameCase(
            label: "role with path",
            resource: "Type: AWS::IAM::Role\n    Properties: { RoleName: reader, Path: /service/ }",
            name: "reader", arn: "\(prefix):iam::${AWS::AccountId}:role/service/reader"),
        NameCase(
            label: "user pool", resource: "Type: AWS::Cognito::UserPool", name: "${Subject}",
            arn: "\(prefix):cognito-idp:\(regional):userpool/${Subject}"),
        NameCase(
            label: "access point", resource: "Type: AWS::EFS::AccessPoint", name: "${Subject}",
            arn: "\(prefix):elasticfilesystem:\(regional):access-point/${Subject}"),
        NameCase(label: "layer", resource: "Type: AWS::Lambda::LayerVersion", name: nil, arn: "${Subject}"),
        NameCase(label: "unknown type", resource: "Type: Custom::Thing", name: nil, arn: nil),
    ]

    static func template(subject: String) -> String {
        """
        Parameters:
          Stage: { Type: String, Default: prod }
        Resources:
          Key:
            Type: AWS::KMS::Key
          KeyAlias:
            Type: AWS::KMS::Alias
            Properties: { AliasName: alias/streams, TargetKeyId: !Ref Key }
          Subject:
            \(subject)
        """
    }

    @Test(arguments: cases)
    func namesAndARNs(_ testCase: NameCase) throws {
        let loaded = try LoadedTemplate(Self.template(subject: testCase.resource))
        let template = loaded.template

        #expect(template.physicalName(of: "Subject") == testCase.name.map(PatternString.parse))
        #expect(template.arn(of: "Subject") == testCase.arn.map(PatternString.parse))
        #expect(template.encryptionKeyARN(of: "Subject") == testCase.key.map(PatternString.parse))
        #expect(loaded.codes(.error) == [])
    }

    @Test func queueURLPattern() throws {
        let loaded = try LoadedTemplate(Self.template(subject: "Type: AWS::SQS::Queue"))
        let expected = PatternString.parse(
            "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/${Subject.QueueName}")

        #expect(loaded.template.pattern(for: .ref("Subject")) == expected)
        #expect(loaded.template.pattern(for: .getAtt("Subject", "QueueUrl")) == expected)
        #expect(loaded.template.queueURL(of: "Subject") == expected)
        #expect(loaded.template.pattern(for: .getAtt("Subject", "QueueName")) == .parse("${Subject.QueueName}"))
    }

    @Test(arguments: [
        (TemplateValue.ref("Subject"), "\(prefix):sns:\(regional):${Subject.TopicName}"),
        (.getAtt("Subject", "TopicName"), "${Subject.TopicName}"),
        (.concatenation([.literal("x/"), .getAtt("Subject", "TopicName")]), "x/${Subject.TopicName}"),
        (.parameter("Stage"), "${Stage}"),
        (.pseudoParameter("AWS::Region"), "${AWS::Region}"),
        (.importValue(.literal("x")), "*"),
        (.unknown("why"), "*"),
        (.list([.literal("a")]), "*"),
        (.choice(condition: "C", whenTrue: .literal("a"), whenFalse: .literal("a")), "a"),
        (.choice(condition: "C", whenTrue: .literal("a"), whenFalse: .literal("b")), "*"),
    ])
    func patternsForValues(_ value: TemplateValue, _ expected: String) throws {
        let loaded = try LoadedTemplate(Self.template(subject: "Type: AWS::SNS::Topic"))

        #expect(loaded.template.pattern(for: value) == .parse(expected))
    }

    @Test func patternsKeepBranchesApart() throws {
        let loaded = try LoadedTemplate(Self.template(subject: "Type: AWS::SNS::Topic"))
        let value = TemplateValue.choice(
            condition: "C", whenTrue: .literal("a"), whenFalse: .getAtt("Subject", "TopicName"))

        #expect(loaded.template.patterns(for: value) == [.parse("a"), .parse("${Subject.TopicName}")])
    }

    @Test func tableStreamAndLogGroupAttributes() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              Orders: { Type: AWS::DynamoDB::Table, Properties: { TableName: orders } }
              Group: { Type: AWS::Logs::LogGroup, Properties: { LogGroupName: /app/orders } }
            """)

        #expect(
            loaded.template.pattern(for: .getAtt("Orders", "StreamArn"))
                == .parse("\(prefix):dynamodb:\(regional):table/orders/stream/*"))
        #expect(
            loaded.template.pattern(for: .getAtt("Group", "Arn"))
                == .parse("\(prefix):logs:\(regional):log-group:/app/orders:") + PatternString(literal: "*"))
    }
}
