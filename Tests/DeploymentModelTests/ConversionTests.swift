import DeploymentModel
import Diagnostics
import PolicyModel
import Testing

@Suite("Queue URLs, key references and file systems")
struct ConversionTests {
    static let text = """
        Resources:
          Jobs: { Type: AWS::SQS::Queue, Properties: { QueueName: jobs } }
          Key: { Type: AWS::KMS::Key }
          Alias: { Type: AWS::KMS::Alias, Properties: { AliasName: alias/jobs, TargetKeyId: !GetAtt Key.Arn } }
          Files: { Type: AWS::EFS::FileSystem }
          Mount: { Type: AWS::EFS::AccessPoint, Properties: { FileSystemId: !Ref Files } }
          LiteralMount: { Type: AWS::EFS::AccessPoint, Properties: { FileSystemId: fs-12345678 } }
        """

    @Test(arguments: [
        (TemplateValue.ref("Jobs"), "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs" as String?),
        (.getAtt("Jobs", "QueueUrl"), "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs"),
        (
            .literal("https://sqs.eu-west-1.amazonaws.com/111122223333/orders.fifo"),
            "arn:aws:sqs:eu-west-1:111122223333:orders.fifo"
        ),
        (
            .literal("https://eu-west-1.queue.amazonaws.com/111122223333/legacy"),
            "arn:aws:sqs:eu-west-1:111122223333:legacy"
        ),
        (
            .literal("https://sqs.cn-north-1.amazonaws.com.cn/111122223333/jobs"),
            "arn:${AWS::Partition}:sqs:cn-north-1:111122223333:jobs"
        ),
        (.literal("https://example.com/111122223333/jobs"), nil),
        (.literal("jobs"), nil),
        (.getAtt("Jobs", "Arn"), nil),
        (.parameter("QueueUrl"), nil),
    ])
    func queueARNFromURL(_ value: TemplateValue, _ expected: String?) throws {
        let loaded = try LoadedTemplate(Self.text)

        #expect(loaded.template.queueARN(forURL: value) == expected.map(PatternString.parse))
    }

    @Test(arguments: [
        (TemplateValue.ref("Key"), "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}" as String?),
        (.getAtt("Key", "Arn"), "${Key.Arn}"),
        (.ref("Alias"), "${Key.Arn}"),
        (.literal("alias/aws/lambda"), nil),
        (.literal("arn:aws:kms:eu-west-1:111122223333:alias/aws/sqs"), nil),
        (
            .literal("1234abcd-12ab-34cd-56ef-1234567890ab"),
            "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        ),
        (.literal("alias/app"), "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/app"),
        (.parameter("KeyArn"), "${KeyArn}"),
        (.pseudoParameter("AWS::NoValue"), nil),
    ])
    func keyARNForReferences(_ value: TemplateValue, _ expected: String?) throws {
        let loaded = try LoadedTemplate(Self.text)

        #expect(loaded.template.keyARN(for: value) == expected.map(PatternString.parse))
    }

    @Test func fileSystemOfAccessPoint() throws {
        let loaded = try LoadedTemplate(Self.text)
        let template = loaded.template

        #expect(
            template.fileSystemARN(ofAccessPoint: .getAtt("Mount", "Arn"))
                == .parse(
                    "arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system/${Files}"))
        #expect(
            template.fileSystemARN(ofAccessPoint: .getAtt("LiteralMount", "Arn"))
                == .parse(
                    "arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system/fs-12345678"))
        #expect(
            template.fileSystemARN(
                ofAccessPoint: .literal("arn:aws:elasticfilesystem:eu-west-1:111122223333:access-point/fsap-1"))
                == .parse("arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system/*"))
    }

    @Test func aliasOfFunctionTakesMapping() throws {
        let loaded = try LoadedTemplate(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: src, AutoPublishAlias: live }
              Jobs: { Type: AWS::SQS::Queue }
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties: { FunctionName: !Ref Worker.Alias, EventSourceArn: !GetAtt Jobs.Arn }
            """)

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.events.map(\.kind) == [.sqs])
        #expect(loaded.codes(.error) == [])
    }
}
