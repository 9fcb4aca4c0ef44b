import Documents
import IAMCatalog

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
        /// The account the event says owns the resource, when it names one.
        var account: String?
        /// Why the ARN is `*` or only partly known, for the report.
        var notes: [String] = []
    }

    let catalog: Catalog
    let parameters: RequestParameters
    let eventResources: [EventResource]
    let scope: ARNScope

    /// Returns the ARN of the resource `action` acts on. The event's own `resources` list wins,
    /// then the catalog's ARN template, then the parameters that name the resource, then the
    /// resource type's ARN format. When none is complete the resource is `*`, with a note.
    func resource(for action: OperationAction) -> Resource {
        guard let typeName = action.resourceType else { return Resource(arn: "*") }
        let formats = catalog.resourceType(prefix: action.action.prefix, name: typeName)?.arnFormats ?? []
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

    /// The ARN from the event's `resources` list that has the resource type's shape, preferring
    /// one whose CloudTrail type names the resource type (`AWS::S3::Object` for `object`).
    private func listedResource(typeName: String, formats: [String]) -> EventResource? {
        let wanted = typeName.lowercased().filter { $0.isLetter || $0.isNumber }
        let typed = eventResources.filter { resource in
            let last = resource.type?.split(separator: ":").last.map { $0.lowercased() }
            return last == wanted
        }
        if let found = typed.first(where: { hasShape($0.arn, formats, allowsSlash: true) }) { return found }
        return eventResources.first { hasShape($0.arn, formats, allowsSlash: false) }
    }

    /// A bound parameter whose value is already a whole ARN of the right shape, such as a
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
        let what = unique.isEmpty ? "what names the \(typeName)" : unique.joined(separator: ", ")
        return Resource(
            arn: "*",
            notes: ["resource rebuilt as * because the event does not record \(what) for the \(typeName) ARN"])
    }
}
