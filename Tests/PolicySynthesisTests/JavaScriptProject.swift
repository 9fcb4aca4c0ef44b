import PolicySynthesis
import Testing

/// A SAM project with one Node.js function `Fn` (code in `src/`, handler `app.handler` unless
/// given), the resources it uses and its handler files, run through the whole pipeline.
struct JavaScriptProject {
    /// Function properties beside `CodeUri`, `Handler` and `Runtime`, one per line, at the
    /// level of `Runtime`.
    var properties: [String] = []
    /// Environment variables of the function, written as given (`!Ref Orders`).
    var environment: [String: String] = [:]
    /// Resources beside the function, written at the level of `Fn` (two spaces).
    var resources: String = ""
    var handler = "app.handler"
    var runtime = "nodejs20.x"
    /// Handler files by path under `src/`.
    var files: [String: String]

    var template: String {
        var lines = [
            "AWSTemplateFormatVersion: \"2010-09-09\"",
            "Transform: AWS::Serverless-2016-10-31",
            "Resources:",
            "  Fn:",
            "    Type: AWS::Serverless::Function",
            "    Properties:",
            "      CodeUri: src/",
            "      Handler: \(handler)",
            "      Runtime: \(runtime)",
        ]
        lines += properties.map { "      " + $0 }
        if !environment.isEmpty {
            lines += ["      Environment:", "        Variables:"]
            for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
                lines.append("          \(name): \(value)")
            }
        }
        return lines.joined(separator: "\n") + "\n" + resources + "\n"
    }

    /// Runs the pipeline and returns the policy of `Fn`.
    func policy() throws -> FunctionPolicy {
        var all = ["template.yaml": template]
        for (path, text) in files { all["src/" + path] = text }
        return try ProjectFixture(files: all).generate().function("Fn")
    }
}

/// Resources the cases share, at the level of `Fn`.
enum JavaScriptResources {
    static let ordersTable = """
          Orders:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: orders
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{AttributeName: id, AttributeType: S}, {AttributeName: status, AttributeType: S}]
              KeySchema: [{AttributeName: id, KeyType: HASH}]
              GlobalSecondaryIndexes:
                - IndexName: by-status
                  KeySchema: [{AttributeName: status, KeyType: HASH}]
                  Projection: {ProjectionType: ALL}
        """
    static let inventoryTable = """
          Inventory:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: inventory
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{AttributeName: sku, AttributeType: S}]
              KeySchema: [{AttributeName: sku, KeyType: HASH}]
        """
    static let encryptedQueue = """
          JobsKey:
            Type: AWS::KMS::Key
            Properties: {KeyPolicy: {Version: "2012-10-17", Statement: []}}
          Jobs:
            Type: AWS::SQS::Queue
            Properties: {QueueName: jobs, KmsMasterKeyId: !Ref JobsKey}
        """
    static let encryptedTopic = """
          AlertsKey:
            Type: AWS::KMS::Key
            Properties: {KeyPolicy: {Version: "2012-10-17", Statement: []}}
          Alerts:
            Type: AWS::SNS::Topic
            Properties: {TopicName: alerts, KmsMasterKeyId: !Ref AlertsKey}
        """
    static let exportKey = """
          ExportKey:
            Type: AWS::KMS::Key
            Properties: {KeyPolicy: {Version: "2012-10-17", Statement: []}}
        """
    static let expressStateMachine = """
          Checkout:
            Type: AWS::Serverless::StateMachine
            Properties:
              Name: checkout-express
              Type: EXPRESS
              Definition: {StartAt: Done, States: {Done: {Type: Succeed}}}
        """
    static let clicksStream = """
          Clicks:
            Type: AWS::Kinesis::Stream
            Properties: {Name: clicks, ShardCount: 1}
        """
    static let ordersBus = """
          Bus:
            Type: AWS::Events::EventBus
            Properties: {Name: orders}
        """
}

/// `arn:${AWS::Partition}:s3:::rest`.
func s3ARN(_ rest: String) -> String { "arn:${AWS::Partition}:s3:::\(rest)" }

/// Returns the ARN the pipeline writes for a KMS key of the template.
func templateKeyARN(_ logicalId: String) -> String { regionalARN("kms", "key/${\(logicalId)}") }

/// A JavaScript or TypeScript project and what its function's policy must and must not grant.
struct JavaScriptCase: CustomTestStringConvertible, Sendable {
    var name: String
    var project: JavaScriptProject
    /// Grants as `action resource`, with any condition as `FunctionPolicy.grants` writes it.
    var granted: [String]
    var notGranted: [String] = []
    /// Actions that must not appear on any resource.
    var absentActions: [String] = []

    var testDescription: String { name }

    /// Generates the policy and checks every grant on its own, listing the policy on a failure.
    func check() throws {
        let grants = try project.policy().grants
        let actions = Set(grants.map { $0.prefix { $0 != " " } })
        for grant in granted {
            #expect(grants.contains(grant), "missing \(grant); the policy grants \(grants.sorted())")
        }
        for grant in notGranted {
            #expect(!grants.contains(grant), "unexpected \(grant)")
        }
        for action in absentActions {
            #expect(!actions.contains(Substring(action)), "unexpected action \(action) in \(grants.sorted())")
        }
    }
}
