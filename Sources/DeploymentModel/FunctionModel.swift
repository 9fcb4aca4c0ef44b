import Diagnostics
import Documents
import PolicyModel

/// An event source that polls on the function's behalf (SQS, Kinesis, DynamoDB streams, MSK,
/// MQ, self-managed Kafka, DocumentDB) or pushes to it (S3, SNS, API, schedules: these add to
/// the function's resource policy, not to its role).
package struct EventSource: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable {
        case sqs, kinesis, dynamoDBStream, msk, mq, selfManagedKafka, documentDB
        /// A push source (S3, SNS, API Gateway, EventBridge, schedules, ...): no role permissions.
        case push
    }

    package var name: String
    package var kind: Kind
    /// The queue, stream, cluster or broker ARN.
    package var source: TemplateValue?
    /// Kinesis enhanced fan-out consumer ARN, when one is configured.
    package var consumer: TemplateValue?
    /// Credentials secret for MQ, self-managed Kafka and DocumentDB sources.
    package var secret: TemplateValue?
    /// `DestinationConfig.OnFailure.Destination` of a stream source.
    package var onFailure: TemplateValue?
    /// `DestinationConfig.OnFailure.Type` (`SQS`, `SNS`, `S3`), when the template sets it.
    package var onFailureType: String?
    /// MSK with IAM client authentication.
    package var usesIAMAuthentication: Bool
    /// The SAM event type of a push source (`S3`, `SNS`, `Api`, `Schedule`, ...).
    package var pushType: String?
    /// An S3 event's key filter (`Filter.S3Key.Rules` prefix and suffix).
    package var keyPrefix: String?
    package var keySuffix: String?
    package var location: SourceLocation

    package init(
        name: String,
        kind: Kind,
        source: TemplateValue?,
        consumer: TemplateValue? = nil,
        secret: TemplateValue? = nil,
        onFailure: TemplateValue? = nil,
        onFailureType: String? = nil,
        usesIAMAuthentication: Bool = false,
        location: SourceLocation
    ) {
        self.name = name
        self.kind = kind
        self.source = source
        self.consumer = consumer
        self.secret = secret
        self.onFailure = onFailure
        self.onFailureType = onFailureType
        self.usesIAMAuthentication = usesIAMAuthentication
        self.pushType = nil
        self.keyPrefix = nil
        self.keySuffix = nil
        self.location = location
    }
}

/// A target the platform sends to on the function's behalf (dead-letter queue, destination).
package struct DeliveryTarget: Hashable, Sendable {
    package enum Role: String, Hashable, Sendable {
        case deadLetterQueue, onSuccess, onFailure
    }

    package var role: Role
    /// `SQS`, `SNS`, `Lambda`, `EventBridge`, `S3`, or `nil` when only the ARN says.
    package var type: String?
    package var target: TemplateValue
    package var location: SourceLocation

    package init(role: Role, type: String?, target: TemplateValue, location: SourceLocation) {
        self.role = role
        self.type = type
        self.target = target
        self.location = location
    }
}

package struct FileSystemMount: Hashable, Sendable {
    /// The EFS access point ARN (`FileSystemConfigs[].Arn`).
    package var accessPoint: TemplateValue
    package var localMountPath: String?
    package var location: SourceLocation

    package init(accessPoint: TemplateValue, localMountPath: String?, location: SourceLocation) {
        self.accessPoint = accessPoint
        self.localMountPath = localMountPath
        self.location = location
    }
}

/// How the function gets its execution role.
package enum RoleSource: Hashable, Sendable {
    /// SAM creates a role (no `Role` property); `Policies` entries attach to it.
    case generatedBySAM
    /// `Role` names a role defined in the same template.
    case templateRole(logicalId: String)
    /// `Role` is an ARN or value from outside the template.
    case external(TemplateValue)
}

/// A policy the template already gives the function's role: an inline statement list, a SAM
/// policy template, or a managed policy name or ARN.
package enum ExistingPolicy: Hashable, Sendable {
    case inline(document: Node, location: SourceLocation)
    case samTemplate(name: String, parameters: [String: TemplateValue], location: SourceLocation)
    case managed(TemplateValue, location: SourceLocation)
}

/// One Lambda function as the deployment configuration defines it, with every value the
/// handler code might read kept symbolic.
package struct FunctionModel: Sendable {
    package var logicalId: String
    /// The template file and the resource's position in it.
    package var location: SourceLocation
    package var templatePath: String
    package var resourceType: String
    /// `FunctionName` when set; otherwise CloudFormation generates one (placeholder `${LogicalId}`).
    package var functionName: TemplateValue?
    package var runtime: String?
    package var handler: String?
    /// The code folder, absolute, from `CodeUri` (SAM) or `Code` (a local path); `nil` when
    /// the code is elsewhere (an S3 location, an image).
    package var codeRoot: String?
    package var packageType: String?
    package var environment: [String: TemplateValue]
    package var events: [EventSource]
    package var vpcSubnets: TemplateValue?
    package var vpcSecurityGroups: TemplateValue?
    package var hasVPC: Bool
    package var tracingActive: Bool
    package var deliveryTargets: [DeliveryTarget]
    package var environmentKey: TemplateValue?
    package var fileSystems: [FileSystemMount]
    package var layers: [TemplateValue]
    /// `LoggingConfig.LogGroup`, when the function logs to a named group.
    package var logGroup: TemplateValue?
    /// True when the template itself creates the function's log group, so the role needs no
    /// `logs:CreateLogGroup`.
    package var templateCreatesLogGroup: Bool
    package var role: RoleSource
    package var existingPolicies: [ExistingPolicy]

    package init(logicalId: String, location: SourceLocation, templatePath: String, resourceType: String) {
        self.logicalId = logicalId
        self.location = location
        self.templatePath = templatePath
        self.resourceType = resourceType
        self.functionName = nil
        self.runtime = nil
        self.handler = nil
        self.codeRoot = nil
        self.packageType = nil
        self.environment = [:]
        self.events = []
        self.vpcSubnets = nil
        self.vpcSecurityGroups = nil
        self.hasVPC = false
        self.tracingActive = false
        self.deliveryTargets = []
        self.environmentKey = nil
        self.fileSystems = []
        self.layers = []
        self.logGroup = nil
        self.templateCreatesLogGroup = false
        self.role = .generatedBySAM
        self.existingPolicies = []
    }
}
