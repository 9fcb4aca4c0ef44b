import Diagnostics
import Documents

extension FunctionReader {
    /// Properties SAM rejects in `Globals.Function`.
    static let propertiesNotAllowedInGlobals: Set<String> = ["Role", "Policies", "Events"]

    /// Returns `Globals.Function` without the properties SAM does not allow there, reporting each one.
    func globalFunctionProperties() -> Node? {
        guard let function = template.root["Globals"]?["Function"] else { return nil }
        guard let pairs = function.mapping else {
            report("Globals.Function must be a mapping of function properties", at: function)
            return nil
        }
        var allowed: [Node.Pair] = []
        for pair in pairs {
            guard let name = pair.key.scalar, Self.propertiesNotAllowedInGlobals.contains(name) else {
                allowed.append(pair)
                continue
            }
            diagnostics.report(
                .warning, .propertyNotAllowedInGlobals,
                "SAM does not allow '\(name)' in Globals.Function; it is ignored",
                at: pair.key.location, notes: ["set '\(name)' on each function instead"])
        }
        return Node(.mapping(allowed), location: function.location)
    }

    func samFunction(_ resource: TemplateResource, globals: Node?) -> FunctionModel {
        var model = FunctionModel(
            logicalId: resource.logicalId, location: resource.location, templatePath: template.path,
            resourceType: resource.type)
        let properties = Self.merged(global: globals, local: resource.properties)
        guard let properties else {
            report(
                "function '\(resource.logicalId)' has no Properties",
                at: Node(.mapping([]), location: resource.location))
            return model
        }
        readCommon(properties, into: &model)
        model.codeRoot = samCodeRoot(properties, resource: resource)
        model.handler = sourceHandler(model.handler, resource: resource)
        model.tracingActive = isActive(properties["Tracing"])
        model.role = roleSource(properties["Role"], whenAbsent: .generatedBySAM)
        model.events = events(properties["Events"])

        let policies = self.policies(properties["Policies"])
        if case .generatedBySAM = model.role {
            model.existingPolicies = policies
        } else if !policies.isEmpty, let node = properties["Policies"] {
            diagnostics.report(
                .warning, .policiesIgnored,
                "function '\(resource.logicalId)' sets both Role and Policies; SAM applies Policies only to the role it creates",
                at: node.location, notes: ["attach these policies to the role, or remove Role"])
        }

        if let deadLetter = structure(properties["DeadLetterQueue"]), let target = value(deadLetter["TargetArn"]) {
            model.deliveryTargets.append(
                DeliveryTarget(
                    role: .deadLetterQueue, type: text(deadLetter["Type"]), target: target,
                    location: deadLetter.location))
        }
        let destinations = structure(structure(properties["EventInvokeConfig"])?["DestinationConfig"])
        model.deliveryTargets += self.destinations(destinations, typed: true)
        return model
    }

    /// Merges `Globals` into a function's properties as the SAM translator does: mappings key by key,
    /// lists with the global items first, and any other value taken from the function.
    static func merged(global: Node?, local: Node?) -> Node? {
        guard let global else { return local }
        guard let local else { return global }
        let isPlain = { (node: Node) in IntrinsicName.call(in: node) == nil }
        if let globalPairs = global.mapping, let localPairs = local.mapping, isPlain(global), isPlain(local) {
            var pairs = localPairs
            for pair in globalPairs {
                if let index = pairs.firstIndex(where: { $0.key.scalar == pair.key.scalar }) {
                    pairs[index].value = merged(global: pair.value, local: pairs[index].value) ?? pairs[index].value
                } else {
                    pairs.append(pair)
                }
            }
            return Node(.mapping(pairs), location: local.location)
        }
        if let globalItems = global.sequence, let localItems = local.sequence, isPlain(global), isPlain(local) {
            return Node(.sequence(globalItems + localItems), location: local.location)
        }
        return local
    }

    /// Returns true when `Tracing` (SAM) or `TracingConfig.Mode` is `Active` in any `Fn::If` branch.
    func isActive(_ node: Node?) -> Bool {
        guard let mode = value(node) else { return false }
        return mode.alternatives().contains(.literal("Active"))
    }

    /// `EventInvokeConfig.DestinationConfig` or `DestinationConfig` of an `AWS::Lambda::EventInvokeConfig`.
    func destinations(_ configuration: Node?, typed: Bool) -> [DeliveryTarget] {
        guard let configuration else { return [] }
        var targets: [DeliveryTarget] = []
        for (key, role) in [("OnSuccess", DeliveryTarget.Role.onSuccess), ("OnFailure", .onFailure)] {
            guard let entry = structure(configuration[key]) else { continue }
            let type = typed ? text(entry["Type"]) : nil
            let destination =
                value(entry["Destination"])
                ?? .unknown("SAM creates the \(type ?? "destination") resource for \(key)")
            targets.append(DeliveryTarget(role: role, type: type, target: destination, location: entry.location))
        }
        return targets
    }
}
