import DeploymentModel
import Diagnostics
import PolicyModel
import Testing

/// A resource type with what `Ref` and each attribute return.
struct ReferenceCase: CustomTestStringConvertible, Sendable {
    let type: String
    let refForm: ResourceReference.Form
    let attributes: [String: ResourceReference.Form]
    var testDescription: String { type }
}

@Suite("What Ref and GetAtt return")
struct ReferenceTableTests {
    static let cases: [ReferenceCase] = [
        ReferenceCase(type: "AWS::S3::Bucket", refForm: .name, attributes: ["Arn": .arn]),
        ReferenceCase(type: "AWS::S3::AccessPoint", refForm: .name, attributes: ["Arn": .arn, "Name": .name]),
        ReferenceCase(type: "AWS::DynamoDB::Table", refForm: .name, attributes: ["Arn": .arn, "StreamArn": .arn]),
        ReferenceCase(
            type: "AWS::Serverless::SimpleTable", refForm: .name, attributes: ["Arn": .arn, "StreamArn": .arn]),
        ReferenceCase(
            type: "AWS::SQS::Queue", refForm: .url, attributes: ["Arn": .arn, "QueueName": .name, "QueueUrl": .url]),
        ReferenceCase(type: "AWS::SNS::Topic", refForm: .arn, attributes: ["TopicName": .name, "TopicArn": .arn]),
        ReferenceCase(type: "AWS::Lambda::Function", refForm: .name, attributes: ["Arn": .arn]),
        ReferenceCase(type: "AWS::Serverless::Function", refForm: .name, attributes: ["Arn": .arn]),
        ReferenceCase(
            type: "AWS::StepFunctions::StateMachine", refForm: .arn, attributes: ["Arn": .arn, "Name": .name]),
        ReferenceCase(type: "AWS::Serverless::StateMachine", refForm: .arn, attributes: ["Arn": .arn, "Name": .name]),
        ReferenceCase(type: "AWS::Events::EventBus", refForm: .name, attributes: ["Arn": .arn, "Name": .name]),
        ReferenceCase(type: "AWS::Kinesis::Stream", refForm: .name, attributes: ["Arn": .arn]),
        ReferenceCase(type: "AWS::SecretsManager::Secret", refForm: .arn, attributes: ["Id": .arn]),
        ReferenceCase(type: "AWS::SSM::Parameter", refForm: .name, attributes: [:]),
        ReferenceCase(type: "AWS::KMS::Key", refForm: .id, attributes: ["Arn": .arn, "KeyId": .id]),
        ReferenceCase(type: "AWS::Logs::LogGroup", refForm: .name, attributes: ["Arn": .arn]),
        ReferenceCase(type: "AWS::Cognito::UserPool", refForm: .id, attributes: ["Arn": .arn]),
        ReferenceCase(type: "AWS::EFS::FileSystem", refForm: .id, attributes: ["Arn": .arn, "FileSystemId": .id]),
        ReferenceCase(type: "AWS::EFS::AccessPoint", refForm: .id, attributes: ["Arn": .arn, "AccessPointId": .id]),
        ReferenceCase(type: "AWS::IAM::Role", refForm: .name, attributes: ["Arn": .arn, "RoleId": .id]),
        ReferenceCase(type: "AWS::Lambda::LayerVersion", refForm: .arn, attributes: [:]),
        ReferenceCase(type: "AWS::Serverless::Api", refForm: .id, attributes: ["RootResourceId": .id]),
        ReferenceCase(type: "AWS::Serverless::HttpApi", refForm: .id, attributes: ["ApiId": .id]),
        ReferenceCase(type: "AWS::ApiGatewayV2::Api", refForm: .id, attributes: ["ApiId": .id, "ApiEndpoint": .url]),
    ]

    @Test(arguments: cases)
    func referenceForms(_ testCase: ReferenceCase) {
        let (template, _) = makeTemplate(["Resources": ["Thing": ["Type": .scalar(testCase.type)]]])

        let ref = template.reference(for: .ref("Thing"))
        #expect(ref == ResourceReference(logicalId: "Thing", type: testCase.type, form: testCase.refForm))
        for (attribute, form) in testCase.attributes {
            let reference = template.reference(for: .getAtt("Thing", attribute))
            #expect(reference?.form == form, "\(attribute)")
        }
        #expect(template.reference(for: .getAtt("Thing", "NoSuchAttribute")) == nil)
        #expect(template.reference(for: .literal("Thing")) == nil)
    }

    @Test func missingResourceHasNoReference() {
        let (template, _) = makeTemplate(["Resources": ["Thing": ["Type": "AWS::S3::Bucket"]]])

        #expect(template.reference(for: .ref("Other")) == nil)
        #expect(template.physicalName(of: "Other") == nil)
        #expect(template.arn(of: "Other") == nil)
    }
}
