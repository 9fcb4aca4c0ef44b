import Diagnostics
import Documents

extension FunctionReader {
    func lambdaFunction(_ resource: TemplateResource) -> FunctionModel {
        var model = FunctionModel(
            logicalId: resource.logicalId, location: resource.location, templatePath: template.path,
            resourceType: resource.type)
        guard let properties = resource.properties else {
            report(
                "function '\(resource.logicalId)' has no Properties",
                at: Node(.mapping([]), location: resource.location))
            model.role = .external(.unknown("the function has no Role"))
            return model
        }
        readCommon(properties, into: &model)
        model.codeRoot = lambdaCodeRoot(properties, resource: resource)
        model.tracingActive = isActive(structure(properties["TracingConfig"])?["Mode"])
        if properties["Role"] == nil {
            report(
                "function '\(resource.logicalId)' has no Role", at: properties, fix: "set Role to the ARN of its role")
        }
        model.role = roleSource(properties["Role"], whenAbsent: .external(.unknown("the function has no Role")))
        if let deadLetter = structure(properties["DeadLetterConfig"]), let target = value(deadLetter["TargetArn"]) {
            model.deliveryTargets.append(
                DeliveryTarget(role: .deadLetterQueue, type: nil, target: target, location: deadLetter.location))
        }
        return model
    }

    /// Determines the poller kind of an `AWS::Lambda::EventSourceMapping` from its source's type or ARN.
    func mappingKind(_ properties: Node, source: TemplateValue?) -> EventSource.Kind? {
        if properties["SelfManagedEventSource"] != nil { return .selfManagedKafka }
        guard let source else { return nil }
        switch source {
        case .ref(let logicalId), .getAtt(let logicalId, _):
            switch template.resources[logicalId]?.type {
            case "AWS::SQS::Queue": return .sqs
            case "AWS::Kinesis::Stream", "AWS::Kinesis::StreamConsumer": return .kinesis
            case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable":
                return .dynamoDBStream
            case "AWS::MSK::Cluster": return .msk
            case "AWS::AmazonMQ::Broker": return .mq
            case "AWS::DocDB::DBCluster": return .documentDB
            default: break
            }
        default:
            break
        }
        let arn = template.pattern(for: source).description
        let services: [(String, EventSource.Kind)] = [
            (":sqs:", .sqs), (":kinesis:", .kinesis), (":dynamodb:", .dynamoDBStream), (":kafka:", .msk),
            (":mq:", .mq), (":rds:", .documentDB),
        ]
        return services.first { arn.splitting(by: $0.0).count > 1 }?.1
    }

    /// An `AWS::Lambda::EventSourceMapping` as an event of the function it names.
    func eventSourceMapping(_ resource: TemplateResource) -> EventSource? {
        guard let properties = resource.properties else { return nil }
        let source = value(properties["EventSourceArn"])
        guard let kind = mappingKind(properties, source: source) else {
            report(
                "event source mapping '\(resource.logicalId)' has a source of unknown type",
                at: properties["EventSourceArn"] ?? properties,
                fix: "point EventSourceArn at a queue, stream, table stream, cluster or broker")
            return nil
        }
        var event = EventSource(name: resource.logicalId, kind: kind, source: source, location: resource.location)
        readPollingDetails(properties, into: &event)
        return event
    }
}
