import Diagnostics
import Documents
import PolicyModel

/// Turns references into patterns. Resource names may be built from other resources' names,
/// so it tracks the chain being resolved and stops at a cycle or at `maximumChainLength`.
final class ReferenceResolver {
    /// The maximum length of a chain of resource names built from other resource names.
    static let maximumChainLength = 32

    let template: Template
    let diagnostics: DiagnosticSink
    private var inProgress: [String] = []

    init(template: Template, diagnostics: DiagnosticSink) {
        self.template = template
        self.diagnostics = diagnostics
    }

    func physicalName(of logicalId: String) -> PatternString? {
        guard let resource = template.resources[logicalId], let kind = ResourceKind.byType[resource.type] else {
            return nil
        }
        if let property = kind.nameProperty, let node = resource[property: property] {
            guard enter(logicalId, at: resource.location) else { return .wildcard }
            defer { inProgress.removeLast() }
            let value = template.evaluate(node, diagnostics: diagnostics)
            if !value.isNoValue { return withFIFOSuffix(pattern(for: value), of: resource) }
        }
        switch kind.generatedName {
        case .ref: return PatternString([.placeholder(logicalId)])
        case .attribute(let attribute): return PatternString([.placeholder("\(logicalId).\(attribute)")])
        case .unavailable: return nil
        }
    }

    func arn(of logicalId: String) -> PatternString? {
        guard let resource = template.resources[logicalId], let kind = ResourceKind.byType[resource.type] else {
            return nil
        }
        switch kind.arnFormat {
        case .refIsARN:
            return PatternString([.placeholder(logicalId)])
        case .arnAttribute:
            return PatternString([.placeholder("\(logicalId).Arn")])
        case .standard(let service, let regional, let accountScoped, let prefix):
            let start = PatternString.arnPrefix(service: service, regional: regional, accountScoped: accountScoped)
            return standardARN(of: resource, start: start + PatternString(literal: prefix))
        }
    }

    private func standardARN(of resource: TemplateResource, start: PatternString) -> PatternString? {
        let logicalId = resource.logicalId
        switch resource.type {
        case "AWS::SecretsManager::Secret":
            // Secret ARNs end in `-` and six random characters; `Ref` returns the whole ARN.
            guard let name = physicalName(of: logicalId) else { return PatternString([.placeholder(logicalId)]) }
            return start + name + PatternString(literal: "-??????")
        case "AWS::SSM::Parameter":
            // The ARN has exactly one `/` after `parameter`, whether or not the name starts with one.
            return physicalName(of: logicalId).map { start + $0.droppingLeading("/") }
        case "AWS::IAM::Role":
            let path = resource[property: "Path"].flatMap {
                template.evaluate($0, diagnostics: diagnostics).literalText
            }
            let folder = PatternString(literal: path ?? "/").droppingLeading("/")
            return physicalName(of: logicalId).map { start + folder + $0 }
        default:
            return physicalName(of: logicalId).map { start + $0 }
        }
    }

    func queueURL(of logicalId: String) -> PatternString? {
        guard template.resources[logicalId]?.type == "AWS::SQS::Queue", let name = physicalName(of: logicalId) else {
            return nil
        }
        return PatternString(literal: "https://sqs.") + .region + PatternString(literal: ".")
            + PatternString([.placeholder("AWS::URLSuffix")]) + PatternString(literal: "/") + .accountId
            + PatternString(literal: "/") + name
    }

    func pattern(for value: TemplateValue) -> PatternString {
        switch value {
        case .literal(let text): return PatternString(literal: text)
        case .pseudoParameter(let name): return name == "AWS::NoValue" ? .wildcard : PatternString([.placeholder(name)])
        case .parameter(let name): return PatternString([.placeholder(name)])
        case .ref(let logicalId): return refPattern(logicalId)
        case .getAtt(let logicalId, let attribute): return attributePattern(logicalId, attribute)
        case .concatenation(let parts):
            var result = PatternString()
            for part in parts { result.append(pattern(for: part)) }
            return result
        case .choice:
            // Both branches of Fn::If must be granted: their common beginning and end cover both.
            return .covering(value.alternatives().map { pattern(for: $0) })
        case .list, .importValue, .unknown: return .wildcard
        }
    }

    private func refPattern(_ logicalId: String) -> PatternString {
        let placeholder = PatternString([.placeholder(logicalId)])
        guard let resource = template.resources[logicalId], let kind = ResourceKind.byType[resource.type] else {
            return placeholder
        }
        switch kind.refForm {
        case .name, .id: return physicalName(of: logicalId) ?? placeholder
        case .arn: return arn(of: logicalId) ?? placeholder
        case .url: return queueURL(of: logicalId) ?? placeholder
        }
    }

    private func attributePattern(_ logicalId: String, _ attribute: String) -> PatternString {
        let placeholder = PatternString([.placeholder("\(logicalId).\(attribute)")])
        guard let resource = template.resources[logicalId], let kind = ResourceKind.byType[resource.type],
            let form = kind.attributes[attribute]
        else { return placeholder }
        switch form {
        case .arn:
            // A key's `Arn` stays the attribute placeholder: the ARN embeds the generated key id.
            if resource.type == "AWS::KMS::Key" { return placeholder }
            guard let arn = arn(of: logicalId) else { return placeholder }
            // A stream ARN ends in a creation time known only after deploy.
            if attribute == "StreamArn" { return arn + PatternString([.literal("/stream/"), .wildcard]) }
            // `Fn::GetAtt LogGroup.Arn` returns the ARN with a trailing `:*`.
            if resource.type == "AWS::Logs::LogGroup" { return arn + PatternString(literal: ":*") }
            return arn
        case .name:
            return physicalName(of: logicalId) ?? placeholder
        case .url:
            return attribute == "QueueUrl" ? (queueURL(of: logicalId) ?? placeholder) : placeholder
        case .id:
            return kind.refForm == .id ? (physicalName(of: logicalId) ?? placeholder) : placeholder
        }
    }

    private func enter(_ logicalId: String, at location: SourceLocation) -> Bool {
        if let start = inProgress.firstIndex(of: logicalId) {
            let chain = (inProgress[start...] + [logicalId]).joined(separator: " -> ")
            diagnostics.report(
                .error, .circularReference, "resource names refer to each other in a cycle: \(chain)", at: location,
                notes: ["CloudFormation rejects this template; name one of the resources without the others"])
            return false
        }
        if inProgress.count >= Self.maximumChainLength {
            diagnostics.report(
                .error, .evaluationTooDeep,
                "resource names are built from a chain of more than \(Self.maximumChainLength) other resource names",
                at: location, notes: ["the name is treated as unknown; shorten the chain"])
            return false
        }
        inProgress.append(logicalId)
        return true
    }

    private func withFIFOSuffix(_ name: PatternString, of resource: TemplateResource) -> PatternString {
        let flag: String
        switch resource.type {
        case "AWS::SQS::Queue": flag = "FifoQueue"
        case "AWS::SNS::Topic": flag = "FifoTopic"
        default: return name
        }
        guard let node = resource[property: flag], node.scalar == "true" || node.scalar == "True" else { return name }
        // A FIFO queue or topic name ends in `.fifo`; a literal name without it is completed.
        guard case .literal? = name.segments.last else { return name }
        return name.ensuringSuffix(".fifo")
    }
}
