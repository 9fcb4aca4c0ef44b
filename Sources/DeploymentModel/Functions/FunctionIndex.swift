import Diagnostics
import Documents
import PolicyModel

/// The additions that other resources of a template make to its functions: event source
/// mappings, invoke configurations, role policies and log groups. Built in one pass over the resources so that
/// reading every function stays linear in the template's size.
struct FunctionIndex {
    private(set) var eventMappings: [String: [EventSource]] = [:]
    private(set) var invokeTargets: [String: [DeliveryTarget]] = [:]
    private(set) var rolePolicies: [String: [ExistingPolicy]] = [:]
    private(set) var logGroupIds: Set<String> = []
    private(set) var logGroupNames: Set<PatternString> = []
    private var functionIds: Set<String> = []
    private var functionsByName: [String: String] = [:]

    init(reader: FunctionReader) {
        let template = reader.template
        for resource in template.resources.values where FunctionIndex.functionTypes.contains(resource.type) {
            functionIds.insert(resource.logicalId)
            if let name = reader.text(resource[property: "FunctionName"]) { functionsByName[name] = resource.logicalId }
        }
        for resource in template.resourcesInOrder { add(resource, reader: reader) }
    }

    static let functionTypes: Set<String> = ["AWS::Serverless::Function", "AWS::Lambda::Function"]

    private mutating func add(_ resource: TemplateResource, reader: FunctionReader) {
        switch resource.type {
        case "AWS::Lambda::EventSourceMapping":
            guard let function = functionId(resource, reader: reader), let event = reader.eventSourceMapping(resource)
            else { return }
            eventMappings[function, default: []].append(event)
        case "AWS::Lambda::EventInvokeConfig":
            guard let function = functionId(resource, reader: reader) else { return }
            let configuration = reader.structure(resource[property: "DestinationConfig"])
            invokeTargets[function, default: []] += reader.destinations(configuration, typed: false)
        case "AWS::IAM::Role":
            rolePolicies[resource.logicalId, default: []] += reader.rolePolicies(resource)
        case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
            guard let document = reader.structure(resource[property: "PolicyDocument"]) else { return }
            for role in reader.items(resource[property: "Roles"]) {
                guard case .ref(let roleId)? = reader.value(role) else { continue }
                rolePolicies[roleId, default: []].append(.inline(document: document, location: document.location))
            }
        case "AWS::Logs::LogGroup":
            logGroupIds.insert(resource.logicalId)
            if let name = reader.template.physicalName(of: resource.logicalId, diagnostics: reader.diagnostics) {
                logGroupNames.insert(name)
            }
        default:
            return
        }
    }

    /// Finds the function that a mapping or invoke configuration names with `FunctionName`.
    private func functionId(_ resource: TemplateResource, reader: FunctionReader) -> String? {
        guard let name = reader.value(resource[property: "FunctionName"]) else { return nil }
        for alternative in name.alternatives() {
            switch alternative {
            case .ref(let logicalId), .getAtt(let logicalId, _):
                if functionIds.contains(logicalId) { return logicalId }
                // SAM names a function's alias and version `Function.Alias` and `Function.Version`.
                let owner = String(logicalId.prefix { $0 != "." })
                if owner != logicalId, functionIds.contains(owner) { return owner }
            case .literal(let text):
                // A name, a full ARN, or an ARN with a version or alias qualifier.
                let parts = text.splitting(by: ":")
                let candidate = parts.count >= 7 && parts[5] == "function" ? parts[6] : text
                if let logicalId = functionsByName[candidate] { return logicalId }
            default:
                continue
            }
        }
        return nil
    }
}
