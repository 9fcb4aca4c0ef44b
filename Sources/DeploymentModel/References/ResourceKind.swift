import PolicyModel

/// The values CloudFormation returns for `Ref` and `Fn::GetAtt` of one resource type, where its
/// physical name comes from, and how its ARN is built. Each row follows the return values
/// section of the type's page in the CloudFormation resource reference.
struct ResourceKind: Sendable {
    /// How the ARN is built from the physical name or id.
    enum ARNFormat: Sendable {
        /// `arn:${AWS::Partition}:service:region:account:` + prefix + name, where region and
        /// account are left empty for global services such as S3.
        case standard(service: String, regional: Bool, accountScoped: Bool, prefix: String)
        /// `Ref` returns the ARN itself, so the ARN is the `${LogicalId}` placeholder.
        case refIsARN
        /// Only `Fn::GetAtt LogicalId.Arn` knows the ARN.
        case arnAttribute
    }

    /// How CloudFormation names the resource when the template sets no name.
    enum GeneratedName: Sendable {
        /// `Ref` returns the name or id, so the placeholder is `${LogicalId}`.
        case ref
        /// An attribute returns it, so the placeholder is `${LogicalId.Attribute}`.
        case attribute(String)
        /// Nothing returns the generated name.
        case unavailable
    }

    var refForm: ResourceReference.Form
    /// The property that sets the physical name or id, when the template may set one.
    var nameProperty: String?
    var generatedName: GeneratedName
    var attributes: [String: ResourceReference.Form]
    var arnFormat: ARNFormat
}

extension ResourceKind {
    private static func regional(_ service: String, _ prefix: String) -> ARNFormat {
        .standard(service: service, regional: true, accountScoped: true, prefix: prefix)
    }

    private static let table = ResourceKind(
        refForm: .name, nameProperty: "TableName", generatedName: .ref,
        attributes: ["Arn": .arn, "StreamArn": .arn], arnFormat: regional("dynamodb", "table/"))
    private static let function = ResourceKind(
        refForm: .name, nameProperty: "FunctionName", generatedName: .ref, attributes: ["Arn": .arn],
        arnFormat: regional("lambda", "function:"))
    private static let stateMachine = ResourceKind(
        refForm: .arn, nameProperty: "StateMachineName", generatedName: .attribute("Name"),
        attributes: ["Arn": .arn, "Name": .name], arnFormat: regional("states", "stateMachine:"))
    private static let restAPI = ResourceKind(
        refForm: .id, nameProperty: nil, generatedName: .ref, attributes: ["RestApiId": .id, "RootResourceId": .id],
        arnFormat: .standard(service: "apigateway", regional: true, accountScoped: false, prefix: "/restapis/"))
    private static let httpAPI = ResourceKind(
        refForm: .id, nameProperty: nil, generatedName: .ref, attributes: ["ApiId": .id, "ApiEndpoint": .url],
        arnFormat: .standard(service: "apigateway", regional: true, accountScoped: false, prefix: "/apis/"))
    private static let layer = ResourceKind(
        refForm: .arn, nameProperty: "LayerName", generatedName: .unavailable, attributes: [:], arnFormat: .refIsARN)

    /// The resource types whose references minrole resolves, by CloudFormation type name.
    static let byType: [String: ResourceKind] = [
        "AWS::S3::Bucket": ResourceKind(
            refForm: .name, nameProperty: "BucketName", generatedName: .ref, attributes: ["Arn": .arn],
            arnFormat: .standard(service: "s3", regional: false, accountScoped: false, prefix: "")),
        "AWS::S3::AccessPoint": ResourceKind(
            refForm: .name, nameProperty: "Name", generatedName: .ref, attributes: ["Arn": .arn, "Name": .name],
            arnFormat: regional("s3", "accesspoint/")),
        "AWS::DynamoDB::Table": table,
        "AWS::DynamoDB::GlobalTable": table,
        "AWS::Serverless::SimpleTable": table,
        "AWS::SQS::Queue": ResourceKind(
            refForm: .url, nameProperty: "QueueName", generatedName: .attribute("QueueName"),
            attributes: ["Arn": .arn, "QueueName": .name, "QueueUrl": .url], arnFormat: regional("sqs", "")),
        "AWS::SNS::Topic": ResourceKind(
            refForm: .arn, nameProperty: "TopicName", generatedName: .attribute("TopicName"),
            attributes: ["TopicArn": .arn, "TopicName": .name], arnFormat: regional("sns", "")),
        "AWS::Lambda::Function": function,
        "AWS::Serverless::Function": function,
        "AWS::StepFunctions::StateMachine": stateMachine,
        "AWS::Serverless::StateMachine": ResourceKind(
            refForm: .arn, nameProperty: "Name", generatedName: .attribute("Name"),
            attributes: ["Arn": .arn, "Name": .name], arnFormat: regional("states", "stateMachine:")),
        "AWS::Events::EventBus": ResourceKind(
            refForm: .name, nameProperty: "Name", generatedName: .ref, attributes: ["Arn": .arn, "Name": .name],
            arnFormat: regional("events", "event-bus/")),
        "AWS::Kinesis::Stream": ResourceKind(
            refForm: .name, nameProperty: "Name", generatedName: .ref, attributes: ["Arn": .arn],
            arnFormat: regional("kinesis", "stream/")),
        "AWS::Kinesis::StreamConsumer": ResourceKind(
            refForm: .arn, nameProperty: "ConsumerName", generatedName: .unavailable,
            attributes: ["ConsumerARN": .arn, "ConsumerName": .name], arnFormat: .refIsARN),
        "AWS::SecretsManager::Secret": ResourceKind(
            refForm: .arn, nameProperty: "Name", generatedName: .unavailable, attributes: ["Id": .arn],
            arnFormat: regional("secretsmanager", "secret:")),
        "AWS::SSM::Parameter": ResourceKind(
            refForm: .name, nameProperty: "Name", generatedName: .ref, attributes: [:],
            arnFormat: regional("ssm", "parameter/")),
        "AWS::KMS::Key": ResourceKind(
            refForm: .id, nameProperty: nil, generatedName: .ref, attributes: ["Arn": .arn, "KeyId": .id],
            arnFormat: regional("kms", "key/")),
        "AWS::KMS::Alias": ResourceKind(
            refForm: .name, nameProperty: "AliasName", generatedName: .ref, attributes: [:],
            arnFormat: regional("kms", "")),
        "AWS::Logs::LogGroup": ResourceKind(
            refForm: .name, nameProperty: "LogGroupName", generatedName: .ref, attributes: ["Arn": .arn],
            arnFormat: regional("logs", "log-group:")),
        "AWS::Cognito::UserPool": ResourceKind(
            refForm: .id, nameProperty: nil, generatedName: .ref, attributes: ["Arn": .arn, "UserPoolId": .id],
            arnFormat: regional("cognito-idp", "userpool/")),
        "AWS::EFS::FileSystem": ResourceKind(
            refForm: .id, nameProperty: nil, generatedName: .ref, attributes: ["Arn": .arn, "FileSystemId": .id],
            arnFormat: regional("elasticfilesystem", "file-system/")),
        "AWS::EFS::AccessPoint": ResourceKind(
            refForm: .id, nameProperty: nil, generatedName: .ref, attributes: ["Arn": .arn, "AccessPointId": .id],
            arnFormat: regional("elasticfilesystem", "access-point/")),
        "AWS::IAM::Role": ResourceKind(
            refForm: .name, nameProperty: "RoleName", generatedName: .ref, attributes: ["Arn": .arn, "RoleId": .id],
            arnFormat: .standard(service: "iam", regional: false, accountScoped: true, prefix: "role/")),
        "AWS::Lambda::LayerVersion": layer,
        "AWS::Serverless::LayerVersion": layer,
        "AWS::ApiGateway::RestApi": restAPI,
        "AWS::Serverless::Api": restAPI,
        "AWS::ApiGatewayV2::Api": httpAPI,
        "AWS::Serverless::HttpApi": httpAPI,
        "AWS::MSK::Cluster": ResourceKind(
            refForm: .arn, nameProperty: "ClusterName", generatedName: .unavailable, attributes: ["Arn": .arn],
            arnFormat: .refIsARN),
        "AWS::AmazonMQ::Broker": ResourceKind(
            refForm: .id, nameProperty: nil, generatedName: .ref, attributes: ["Arn": .arn], arnFormat: .arnAttribute),
        "AWS::DocDB::DBCluster": ResourceKind(
            refForm: .id, nameProperty: "DBClusterIdentifier", generatedName: .ref, attributes: [:],
            arnFormat: regional("rds", "cluster:")),
    ]
}
