import DeploymentModel
import Diagnostics
import IAMCatalog
import PolicyModel

/// The permissions a function's configuration implies: logs, X-Ray, VPC, event sources,
/// dead-letter queues, destinations, KMS for the environment, EFS and the Insights layer.
struct PlatformRequirements {
    var templates: PlatformTemplates
    var function: FunctionModel
    var resolver: ValueResolver
    var usesXRaySampling: Bool
    var diagnostics: DiagnosticSink

    private var template: Template? { resolver.template }

    func requirements() -> [Requirement] {
        var result = logging()
        if function.tracingActive {
            result += grant("tracing", at: function.location)
            if usesXRaySampling { result += grant("tracing-sampling", at: function.location) }
        }
        if function.hasVPC {
            result += grant("vpc-describe", at: function.location)
            result += grant("vpc-network-interfaces", at: function.location)
        }
        for event in function.events { result += eventSource(event) }
        for target in function.deliveryTargets { result += delivery(target) }
        if let key = function.environmentKey {
            for value in resolver.resolve(key) {
                result += grant("environment-kms", values: ["KeyArn": keyARN(value)], at: function.location)
            }
        }
        for mount in function.fileSystems { result += fileSystem(mount) }
        if function.layers.contains(where: isInsightsLayer) {
            result += grant("lambda-insights", at: function.location)
        }
        return result
    }

    /// Grants logging on the function's log group: `LoggingConfig.LogGroup`, or
    /// `/aws/lambda/<function name>`.
    private func logging() -> [Requirement] {
        var groups: [PatternString] = []
        if let logGroup = function.logGroup {
            groups = resolver.resolve(logGroup).map(\.pattern)
        } else {
            groups = functionNames().map { PatternString(literal: "/aws/lambda/") + $0 }
        }
        var result: [Requirement] = []
        for group in groups {
            result += grant("logging", values: ["LogGroupName": group], at: function.location)
            if !function.templateCreatesLogGroup {
                result += grant("logging-create-group", values: ["LogGroupName": group], at: function.location)
            }
        }
        return result
    }

    /// Returns the function's name: `FunctionName`, or the name CloudFormation generates (its `Ref`).
    func functionNames() -> [PatternString] {
        guard let name = function.functionName else { return [PatternString([.placeholder(function.logicalId)])] }
        return resolver.resolve(name).map(\.pattern)
    }

    private func eventSource(_ event: EventSource) -> [Requirement] {
        let sources = event.source.map(resolver.resolve) ?? []
        var result: [Requirement] = []
        switch event.kind {
        case .push:
            return []
        case .sqs:
            for source in sources {
                result += grant("sqs-event-source", values: ["SourceArn": source.pattern], at: event.location)
            }
        case .kinesis:
            for source in sources {
                result += grant("kinesis-event-source", values: ["SourceArn": source.pattern], at: event.location)
            }
            for consumer in event.consumer.map(resolver.resolve) ?? [] {
                result += grant("kinesis-fan-out", values: ["ConsumerArn": consumer.pattern], at: event.location)
            }
        case .dynamoDBStream:
            for source in sources {
                result += grant(
                    "dynamodb-stream-event-source", values: ["StreamArn": streamARN(source)], at: event.location)
            }
            result += grant("dynamodb-list-streams", at: event.location)
        case .msk:
            for source in sources {
                result += grant("msk-event-source", values: ["SourceArn": source.pattern], at: event.location)
            }
            result += grant("msk-event-source-network", at: event.location)
            if event.usesIAMAuthentication { result += kafkaCluster(sources, at: event.location) }
        case .mq, .selfManagedKafka, .documentDB:
            break
        }
        for secret in event.secret.map(resolver.resolve) ?? [] {
            result += grant("event-source-secret", values: ["SecretArn": secret.pattern], at: event.location)
        }
        for source in sources {
            for key in encryptionKeys(of: source) {
                result += grant("event-source-kms", values: ["KeyArn": key], at: event.location)
            }
        }
        if let onFailure = event.onFailure {
            // SAM writes the on-failure statement itself only when the destination's Type is set.
            let target = DeliveryTarget(
                role: .onFailure, type: event.onFailureType, target: onFailure, location: event.location)
            result += delivery(
                target, origin: event.onFailureType == nil ? "stream-on-failure" : "stream-on-failure-typed")
        }
        return result
    }

    /// Returns a DynamoDB stream's ARN pattern, `table/<name>/stream/*` when the source is the table's stream.
    private func streamARN(_ source: ResolvedValue) -> PatternString {
        if let reference = source.reference, let table = template?.arn(of: reference.logicalId),
            reference.type.contains("Table")
        {
            return table + PatternString(literal: "/stream/*")
        }
        return source.pattern
    }

    /// MSK IAM authentication: the cluster, and its topics and groups (`cluster/` becomes
    /// `topic/` and `group/` with the cluster name and id kept).
    private func kafkaCluster(_ sources: [ResolvedValue], at location: SourceLocation) -> [Requirement] {
        var result: [Requirement] = []
        for source in sources {
            let cluster = source.pattern
            result += grant("msk-iam-authentication", values: ["ClusterScopedArn": cluster], at: location)
            for kind in ["topic", "group"] {
                guard let scoped = replacingClusterSegment(in: cluster, with: kind) else { continue }
                result += grant(
                    "msk-iam-authentication", values: ["ClusterScopedArn": scoped + PatternString(literal: "/*")],
                    at: location)
            }
        }
        return result
    }

    private func replacingClusterSegment(in arn: PatternString, with kind: String) -> PatternString? {
        var segments = arn.segments
        for (index, segment) in segments.enumerated() {
            guard case .literal(let text) = segment, text.contains(":cluster/") else { continue }
            segments[index] = .literal(text.replacing(":cluster/", with: ":\(kind)/"))
            return PatternString(segments)
        }
        return nil
    }

    private func delivery(_ target: DeliveryTarget, origin: String? = nil) -> [Requirement] {
        var result: [Requirement] = []
        for value in resolver.resolve(target.target) {
            let type = target.type?.lowercased() ?? ResourceBuilder.service(of: value.pattern) ?? ""
            let id: String
            switch type {
            case "sqs": id = "destination-sqs"
            case "sns": id = "destination-sns"
            case "lambda": id = "destination-lambda"
            case "eventbridge", "events": id = "destination-eventbridge"
            case "s3":
                result += grant(
                    "destination-s3", values: ["TargetArn": value.pattern], at: target.location, origin: origin)
                id = "destination-s3-bucket"
            default:
                diagnostics.report(
                    .warning, .cannotVerify,
                    "cannot tell the type of the \(target.role.rawValue) target \(value.pattern); no permission was added for it",
                    at: target.location, notes: ["set the target's Type (SQS, SNS, Lambda, EventBridge, S3)"])
                continue
            }
            result += grant(id, values: ["TargetArn": value.pattern], at: target.location, origin: origin)
            if type == "sqs" || type == "sns" {
                for key in encryptionKeys(of: value) {
                    result += grant("destination-kms", values: ["KeyArn": key], at: target.location)
                }
            }
        }
        return result
    }

    private func fileSystem(_ mount: FileSystemMount) -> [Requirement] {
        var result: [Requirement] = []
        for accessPoint in resolver.resolve(mount.accessPoint) {
            let fileSystem = fileSystemARN(accessPoint: accessPoint)
            result += grant(
                "efs-mount", values: ["FileSystemArn": fileSystem, "AccessPointArn": accessPoint.pattern],
                at: mount.location)
        }
        if !function.hasVPC {
            result += grant("vpc-describe", at: mount.location)
            result += grant("vpc-network-interfaces", at: mount.location)
        }
        return result
    }

    /// Returns the file system behind an access point defined in the template, or any file
    /// system in the account, which the access point condition then narrows.
    private func fileSystemARN(accessPoint: ResolvedValue) -> PatternString {
        if let reference = accessPoint.reference, let template,
            let properties = template.resources[reference.logicalId]?.properties,
            let fileSystemId = properties["FileSystemId"]
        {
            let value = template.evaluate(fileSystemId, diagnostics: diagnostics)
            if let fileSystem = template.reference(for: value), let arn = template.arn(of: fileSystem.logicalId) {
                return arn
            }
        }
        return PatternString([
            .literal("arn:"), .placeholder("AWS::Partition"), .literal(":elasticfilesystem:"),
            .placeholder("AWS::Region"),
            .literal(":"), .placeholder("AWS::AccountId"), .literal(":file-system/"), .wildcard,
        ])
    }

    /// Returns the customer-managed keys of the resources the value names, by `Ref` or by a
    /// literal ARN of a resource that the template declares.
    private func encryptionKeys(of value: ResolvedValue) -> [PatternString] {
        resolver.resources(namedBy: value).compactMap { template?.encryptionKeyARN(of: $0) }
    }

    private func keyARN(_ value: ResolvedValue) -> PatternString {
        if let reference = value.reference, let arn = template?.arn(of: reference.logicalId) { return arn }
        return value.pattern
    }

    private func isInsightsLayer(_ layer: TemplateValue) -> Bool {
        resolver.resolve(layer).contains { $0.pattern.description.contains(":layer:LambdaInsightsExtension") }
    }

    /// Builds the requirements of one platform template entry. `origin` names the configuration
    /// when it differs from the entry, as for a stream's on-failure destination.
    private func grant(
        _ id: String, values: [String: PatternString] = [:], at location: SourceLocation, origin: String? = nil
    ) -> [Requirement] {
        guard let entry = templates.entries[id] else { return [] }
        let resource = templates.resource(entry, values: values)
        let conditions = templates.conditions(entry, values: values)
        return entry.actions.compactMap { text in
            guard let action = ActionName(text) else { return nil }
            return Requirement(
                action: action, resource: resource, conditions: conditions,
                reason: Reason(at: location, why: entry.why), origin: .platform(origin ?? id))
        }
    }
}
