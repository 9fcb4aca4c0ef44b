import Diagnostics
import Documents

extension FunctionReader {
    /// SAM event types that Lambda polls, with the property that names the source.
    static let pollingEventTypes: [String: (kind: EventSource.Kind, sourceProperty: String?)] = [
        "SQS": (.sqs, "Queue"), "Kinesis": (.kinesis, "Stream"), "DynamoDB": (.dynamoDBStream, "Stream"),
        "MSK": (.msk, "Stream"), "MQ": (.mq, "Broker"), "SelfManagedKafka": (.selfManagedKafka, nil),
        "DocumentDB": (.documentDB, "Cluster"),
    ]

    /// `SourceAccessConfigurations` types whose `URI` is a Secrets Manager secret.
    static let secretAccessTypes: Set<String> = [
        "BASIC_AUTH", "SASL_SCRAM_256_AUTH", "SASL_SCRAM_512_AUTH", "CLIENT_CERTIFICATE_TLS_AUTH",
        "SERVER_ROOT_CA_CERTIFICATE",
    ]

    /// `Events` of a SAM function.
    func events(_ node: Node?) -> [EventSource] {
        guard let node = structure(node) else { return [] }
        guard let pairs = node.mapping else {
            report("Events must be a mapping of event names to events", at: node)
            return []
        }
        return pairs.compactMap { pair in
            guard let name = pair.key.scalar else { return nil }
            return event(named: name, pair.value)
        }
    }

    private func event(named name: String, _ node: Node) -> EventSource? {
        guard let type = text(node["Type"]) else {
            report("event '\(name)' has no Type", at: node, fix: "add a Type such as SQS, Kinesis, S3 or Api")
            return nil
        }
        guard let (kind, sourceProperty) = Self.pollingEventTypes[type] else {
            return pushEvent(named: name, type: type, node)
        }
        let properties = structure(node["Properties"]) ?? Node(.mapping([]), location: node.location)
        var event = EventSource(
            name: name, kind: kind, source: sourceProperty.flatMap { value(properties[$0]) }, location: node.location)
        if sourceProperty != nil, event.source == nil {
            report("\(type) event '\(name)' has no \(sourceProperty ?? "")", at: node)
        }
        readPollingDetails(properties, into: &event)
        return event
    }

    /// A push event. An S3 event keeps its bucket and key filter, because the handler reads
    /// them from the event it receives.
    private func pushEvent(named name: String, type: String, _ node: Node) -> EventSource {
        let properties = structure(node["Properties"])
        let bucket = type == "S3" ? value(properties?["Bucket"]) : nil
        var event = EventSource(name: name, kind: .push, source: bucket, location: node.location)
        event.pushType = type
        let rules = items(structure(structure(properties?["Filter"])?["S3Key"])?["Rules"])
        for rule in rules {
            guard let ruleName = text(rule["Name"])?.lowercased(), let ruleValue = text(rule["Value"]) else { continue }
            if ruleName == "prefix" { event.keyPrefix = ruleValue }
            if ruleName == "suffix" { event.keySuffix = ruleValue }
        }
        return event
    }

    /// Reads secrets, the on-failure destination, IAM authentication and a Kinesis consumer.
    /// The property names are the same in SAM events and `AWS::Lambda::EventSourceMapping`.
    func readPollingDetails(_ properties: Node, into event: inout EventSource) {
        var usesSecretAuthentication = false
        for access in items(properties["SourceAccessConfigurations"]) {
            guard let type = text(access["Type"]), Self.secretAccessTypes.contains(type) else { continue }
            if type != "SERVER_ROOT_CA_CERTIFICATE" { usesSecretAuthentication = true }
            if event.secret == nil { event.secret = value(access["URI"]) }
        }
        // Lambda authenticates to an MSK cluster with IAM unless a SASL/SCRAM or mTLS secret is given.
        event.usesIAMAuthentication = event.kind == .msk && !usesSecretAuthentication
        if let onFailure = structure(structure(properties["DestinationConfig"])?["OnFailure"]) {
            event.onFailure = value(onFailure["Destination"])
            event.onFailureType = text(onFailure["Type"])
        }
        if event.kind == .kinesis, let source = event.source { splitConsumer(source, into: &event) }
    }

    /// Splits a Kinesis source given as an enhanced fan-out consumer into the consumer and its stream.
    private func splitConsumer(_ source: TemplateValue, into event: inout EventSource) {
        switch source {
        case .ref(let logicalId), .getAtt(let logicalId, _):
            guard let consumer = template.resources[logicalId], consumer.type == "AWS::Kinesis::StreamConsumer" else {
                return
            }
            event.consumer = source
            event.source = value(consumer[property: "StreamARN"]) ?? .unknown("the consumer's StreamARN is missing")
        case .literal(let arn):
            let pieces = arn.splitting(by: "/consumer/")
            guard pieces.count > 1 else { return }
            event.consumer = source
            event.source = .literal(pieces[0])
        default:
            return
        }
    }
}
