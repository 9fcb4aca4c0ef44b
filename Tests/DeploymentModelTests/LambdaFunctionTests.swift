import DeploymentModel
import Diagnostics
import Documents
import Testing

@Suite("CloudFormation functions")
struct LambdaFunctionTests {
    static let text = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "Worker": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "FunctionName": "orders-worker",
                "Runtime": "python3.12",
                "Handler": "app.handler",
                "Code": "./worker",
                "Role": { "Fn::GetAtt": ["WorkerRole", "Arn"] },
                "TracingConfig": { "Mode": "Active" },
                "DeadLetterConfig": { "TargetArn": { "Ref": "Alerts" } },
                "VpcConfig": { "SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"] },
                "Environment": { "Variables": { "TABLE": { "Ref": "Orders" } } }
              }
            },
            "Packaged": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": { "S3Bucket": "artifacts", "S3Key": "worker.zip" },
                "Role": "arn:aws:iam::111122223333:role/packaged"
              }
            },
            "WorkerRole": { "Type": "AWS::IAM::Role", "Properties": { "AssumeRolePolicyDocument": {} } },
            "ExtraPolicy": {
              "Type": "AWS::IAM::Policy",
              "Properties": {
                "PolicyName": "extra",
                "PolicyDocument": { "Statement": [{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" }] },
                "Roles": [{ "Ref": "WorkerRole" }]
              }
            },
            "Orders": { "Type": "AWS::DynamoDB::Table" },
            "Alerts": { "Type": "AWS::SNS::Topic" },
            "Jobs": { "Type": "AWS::SQS::Queue" },
            "Clicks": { "Type": "AWS::Kinesis::Stream" },
            "Failed": { "Type": "AWS::SQS::Queue" },
            "JobsMapping": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "Properties": { "FunctionName": { "Ref": "Worker" }, "EventSourceArn": { "Fn::GetAtt": ["Jobs", "Arn"] } }
            },
            "ClicksMapping": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "Properties": {
                "FunctionName": "arn:aws:lambda:eu-west-1:111122223333:function:orders-worker:live",
                "EventSourceArn": { "Fn::GetAtt": ["Clicks", "Arn"] },
                "DestinationConfig": { "OnFailure": { "Destination": { "Fn::GetAtt": ["Failed", "Arn"] } } }
              }
            },
            "TableMapping": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "Properties": {
                "FunctionName": { "Fn::GetAtt": ["Worker", "Arn"] },
                "EventSourceArn": { "Fn::GetAtt": ["Orders", "StreamArn"] }
              }
            },
            "LiteralMapping": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "Properties": {
                "FunctionName": "orders-worker",
                "EventSourceArn": "arn:aws:kafka:eu-west-1:111122223333:cluster/orders/abc"
              }
            },
            "InvokeConfig": {
              "Type": "AWS::Lambda::EventInvokeConfig",
              "Properties": {
                "FunctionName": { "Ref": "Worker" },
                "Qualifier": "$LATEST",
                "DestinationConfig": { "OnFailure": { "Destination": { "Fn::GetAtt": ["Failed", "Arn"] } } }
              }
            }
          }
        }
        """

    @Test func lambdaFunctionProperties() throws {
        let loaded = try LoadedTemplate(Self.text, name: "stack.json")

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.resourceType == "AWS::Lambda::Function")
        #expect(worker.runtime == "python3.12")
        #expect(worker.handler == "app.handler")
        #expect(worker.codeRoot == loaded.template.folder + "/worker")
        #expect(worker.role == .templateRole(logicalId: "WorkerRole"))
        #expect(worker.tracingActive)
        #expect(worker.hasVPC)
        #expect(worker.environment == ["TABLE": .ref("Orders")])
        #expect(worker.location.file == "stack.json")
        #expect(worker.location.line == 4)
    }

    @Test func mappingsAndInvokeConfigAttach() throws {
        let loaded = try LoadedTemplate(Self.text, name: "stack.json")

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.events.map(\.name) == ["JobsMapping", "ClicksMapping", "TableMapping", "LiteralMapping"])
        #expect(worker.events.map(\.kind) == [.sqs, .kinesis, .dynamoDBStream, .msk])
        #expect(worker.events[1].onFailure == .getAtt("Failed", "Arn"))
        #expect(worker.events[3].usesIAMAuthentication)
        #expect(worker.deliveryTargets.map(\.role) == [.deadLetterQueue, .onFailure])
        #expect(worker.deliveryTargets.map(\.target) == [.ref("Alerts"), .getAtt("Failed", "Arn")])
        #expect(worker.deliveryTargets.map(\.type) == [nil, nil])
    }

    @Test func iamPolicyAttachesThroughRole() throws {
        let loaded = try LoadedTemplate(Self.text, name: "stack.json")

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.existingPolicies.count == 1)
        guard case .inline(let document, _)? = worker.existingPolicies.first else {
            Issue.record("expected an inline policy")
            return
        }
        #expect(document["Statement"]?.sequence?.first?["Action"]?.scalar == "sqs:SendMessage")
    }

    @Test func packagedCodeHasNoRoot() throws {
        let loaded = try LoadedTemplate(Self.text, name: "stack.json")

        let packaged = try #require(loaded.function("Packaged"))

        #expect(packaged.codeRoot == nil)
        #expect(packaged.role == .external(.literal("arn:aws:iam::111122223333:role/packaged")))
        #expect(packaged.events.isEmpty)
        #expect(loaded.codes(.note).contains(.codeNotLocal))
    }

    @Test func policyOnGeneratedSAMRoleAttaches() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: src }
              Extra:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: extra
                  PolicyDocument: { Statement: [] }
                  Roles: [!Ref WorkerRole]
            """)

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.existingPolicies.count == 1)
        #expect(loaded.codes(.error) == [])
    }

    @Test func mappingWithUnknownSourceReported() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              Worker:
                Type: AWS::Lambda::Function
                Properties: { Code: src, Role: arn:aws:iam::111122223333:role/x }
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties: { FunctionName: !Ref Worker, EventSourceArn: !ImportValue shared-stream }
            """)

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.events.isEmpty)
        #expect(loaded.codes(.warning).contains(.invalidFunctionProperty))
    }
}
