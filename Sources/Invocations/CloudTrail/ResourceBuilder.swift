import Documents
import IAMCatalog

/// The ARN formats of resource types, looked up in the catalog once per type.
final class ARNFormatCache {
    private let catalog: Catalog
    private var formatsByType: [String: [String]] = [:]

    init(catalog: Catalog) {
        self.catalog = catalog
    }

    func formats(prefix: String, resourceType: String) -> [String] {
        let key = prefix + ":" + resourceType
        if let cached = formatsByType[key] { return cached }
        let found = catalog.resourceType(prefix: prefix, name: resourceType)?.arnFormats ?? []
        formatsByType[key] = found
        return found
    }
}

/// A cache of the role selector's result for each caller seen in one file.
final class PrincipalMatches {
    private var answers: [String: Bool] = [:]

    func matches(_ principal: String, _ issuer: String?, _ selector: RoleSelector) -> Bool {
        let key = issuer.map { principal + "\u{0}" + $0 } ?? principal
        if let answer = answers[key] { return answer }
        let answer = selector.matches(principal: principal, sessionIssuer: issuer)
        if answers.count < 10_000 { answers[key] = answer }
        return answer
    }
}

/// A resource the event lists in its `resources` array.
struct EventResource: Hashable {
    var arn: String
    /// The CloudFormation-style type CloudTrail writes, such as `AWS::S3::Object`.
    var type: String?
    var accountId: String?
}

/// Rebuilds the resource ARN an action was authorized on from what the event recorded.
struct ResourceBuilder {
    struct Resource: Hashable {
        var arn: String
        /// The account that the event lists as the resource owner, if any.
        var account: String?
        /// Reasons the ARN is `*` or only partly known, for the report.
        var notes: [String] = []
    }

    let formats: ARNFormatCache
    let parameters: RequestParameters
    let eventResources: [EventResource]
    let scope: ARNScope

    /// Returns the ARN of the resource `action` acts on. The event's own `resources` list wins,
    /// then the catalog's ARN template, then the parameters that name the resource, then the
    /// resource type's ARN format. When none is complete the resource is `*`, with a note.
    func resource(for action: OperationAction) -> Resource {
        guard let typeName = action.resourceType else { return Resource(arn: "*") }
        let formats = formats.formats(prefix: action.action.prefix, resourceType: typeName)
        if let listed = listedResource(typeName: typeName, formats: formats) {
            return Resource(arn: listed.arn, account: listed.accountId)
        }
        var missing: [String] = []
        if let template = action.arnTemplate {
            switch TemplateFiller.fill(template, fillVariable) {
            case .success(let arn): return Resource(arn: arn)
            case .failure(let failure): missing += failure.names
            }
        }
        for name in action.resourceParameters {
            guard let value = parameters.text(at: name) else {
                missing.append(name)
                continue
            }
            if let built = NamedResource.arn(parameter: name, value: value, formats: formats, scope: scope) {
                return built
            }
            missing.append("an ARN for \(name) '\(value)'")
        }
        if typeName == "event-bus", let bus = NamedResource.eventBusARN(parameters, scope: scope) {
            return Resource(arn: bus)
        }
        if action.arnTemplate == nil {
            if let given = boundARN(action.arnBindings, formats: formats) { return Resource(arn: given) }
            switch fillFormat(formats.first, bindings: action.arnBindings) {
            case .success(let arn): return Resource(arn: arn)
            case .failure(let failure): missing += failure.names
            }
        }
        return unresolved(typeName: typeName, missing: missing)
    }

    /// Finds the entry of the event's `resources` list that has the resource type's shape,
    /// preferring one whose CloudTrail type names the resource type (`AWS::S3::Object` for `object`).
    private func listedResource(typeName: String, formats: [String]) -> EventResource? {
        let expectedType = typeName.lowercased().filter { $0.isLetter || $0.isNumber }
        let typed = eventResources.filter { resource in
            guard let type = resource.type else { return false }
            let last = type.lastIndex(of: ":").map { type[type.index(after: $0)...] } ?? type[...]
            return last.lowercased() == expectedType
        }
        if let found = typed.first(where: { hasShape($0.arn, formats, allowsSlash: true) }) { return found }
        return eventResources.first { hasShape($0.arn, formats, allowsSlash: false) }
    }

    /// Returns a bound parameter whose value is already a whole ARN of the right shape, such as a
    /// DynamoDB `TableName` given as the table's ARN.
    private func boundARN(_ bindings: [ARNVariableBinding], formats: [String]) -> String? {
        for binding in bindings {
            let names = TemplateFiller.variables(in: binding.template)
            guard names.count == 1, binding.template == "${\(names[0])}",
                let value = parameters.text(at: names[0]), value.hasPrefix("arn:"),
                hasShape(value, formats, allowsSlash: true)
            else { continue }
            return value
        }
        return nil
    }

    private func hasShape(_ arn: String, _ formats: [String], allowsSlash: Bool) -> Bool {
        formats.contains { ARNFormat.matches(arn, format: $0, allowsSlashInLastVariable: allowsSlash) }
    }

    /// Fills a variable of an ARN template: the event's partition, region or account, or a
    /// request parameter (`${TopicArn}`, `${Key.Sub}`).
    private func fillVariable(_ name: String) -> String? {
        scope.value(of: name) ?? parameters.text(at: name)
    }

    private func fillFormat(_ format: String?, bindings: [ARNVariableBinding]) -> Result<
        String, TemplateFiller.MissingVariables
    > {
        guard let format else { return .failure(.init(names: ["the resource type's ARN format"])) }
        return TemplateFiller.fill(format) { variable in
            if let value = scope.value(of: variable) { return value }
            guard let binding = bindings.first(where: { $0.variable == variable }) else { return nil }
            guard case .success(let value) = TemplateFiller.fill(binding.template, fillVariable) else { return nil }
            // SSM parameter names start with `/`, which the ARN format's variable leaves out.
            if variable == "ParameterNameWithoutLeadingSlash" && value.hasPrefix("/") {
                return String(value.dropFirst())
            }
            return value
        }
    }

    private func unresolved(typeName: String, missing: [String]) -> Resource {
        var unique: [String] = []
        for name in missing where !unique.contains(name) { unique.append(name) }
        let missingText = unique.isEmpty ? "what names the \(typeName)" : unique.joined(separator: ", ")
        return Resource(
            arn: "*",
            notes: ["resource rebuilt as * because the event does not record \(missingText) for the \(typeName) ARN"])
    }
}
