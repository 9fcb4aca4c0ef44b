import DeploymentModel
import Diagnostics
import IAMCatalog
import PolicyModel
import SourceAnalysis

/// Turns the SDK calls of one function into requirements: the catalog's actions for each
/// operation, the resources the arguments resolve to, argument-triggered actions, and the KMS
/// actions a service performs with the caller's credentials.
struct CallRequirements {
    var catalog: Catalog
    var resolver: ValueResolver
    var diagnostics: DiagnosticSink

    func requirements(for call: SDKCall) -> [Requirement] {
        guard let operation = catalog.operation(client: call.client, name: call.operation) else {
            diagnostics.report(
                .warning, .unknownOperation,
                "the catalog has no operation \(call.operation) for client '\(call.client)'; no permission was added for this call",
                at: call.location,
                notes: ["check the method name; if the call is right, grant its action by hand"])
            return []
        }
        let arguments = call.arguments.mapValues(resolver.resolve)
        let builder = ResourceBuilder(catalog: catalog, template: resolver.template, arguments: arguments)
        let why = CallRequirements.describe(call)
        var requirements: [Requirement] = []
        for operationAction in operation.actions where isTriggered(operationAction.trigger, by: call) {
            for (resource, widenedBecause) in builder.resources(for: operationAction) {
                if !widenedBecause.isEmpty || resource.containsWildcard && operationAction.resourceType != nil {
                    reportWidening(call, action: operationAction.action, resource: resource, reasons: widenedBecause)
                }
                let conditions = operationAction.conditions.compactMap { condition(from: $0, arguments: arguments) }
                requirements.append(
                    Requirement(
                        action: operationAction.action, resource: resource, conditions: conditions,
                        reason: Reason(at: call.location, why: why)))
            }
        }
        if requirements.isEmpty {
            diagnostics.report(
                .warning, .operationWithoutAction,
                "\(call.client).\(call.operation) needs no IAM action that the catalog knows; nothing was granted for it",
                at: call.location)
        }
        requirements += forwardAccessRequirements(for: call, arguments: arguments, why: why)
        return requirements
    }

    private func isTriggered(_ trigger: ActionTrigger, by call: SDKCall) -> Bool {
        switch trigger {
        case .always: return true
        case .possible: return false
        case .whenArgumentPresent(let name): return call.arguments[name] != nil
        case .whenArgumentAbsent(let name): return call.arguments[name] == nil
        case .whenArgumentEquals(let name, let expected):
            guard let value = call.arguments[name] else { return false }
            // An argument whose value is unknown may have the triggering value.
            return value.literalValue.map { $0 == expected } ?? true
        }
    }

    private func condition(from binding: ConditionBinding, arguments: [String: [ResolvedValue]]) -> Condition? {
        var values: [PatternString] = []
        for part in ARNFormat.parseTemplate(binding.template) {
            guard case .variable(let name) = part else { continue }
            guard let resolved = arguments[name] else { return nil }
            values += resolved.map(\.pattern)
        }
        // A condition on a value that is not known would only restate `*`: leave it out.
        let known = values.filter { !$0.containsWildcard }
        guard !known.isEmpty, known.count == values.count else { return nil }
        return Condition(conditionOperator: binding.conditionOperator, key: binding.key, values: known)
    }

    private func reportWidening(_ call: SDKCall, action: ActionName, resource: PatternString, reasons: [String]) {
        var message = "\(action) is granted on \(resource) because part of the resource is not known"
        if !reasons.isEmpty { message += " (\(reasons.joined(separator: "; ")))" }
        diagnostics.report(
            .warning, .widenedResource, message, at: call.location,
            notes: ["set the value in the template's Environment or as a literal so minrole can scope it"])
    }

    /// `s3.get_object` call, paginator, presigned URL, ... in words for the statement's reason.
    static func describe(_ call: SDKCall) -> String {
        let name = "\(call.client) \(call.operation)"
        switch call.form {
        case .direct: return "\(name) call"
        case .paginator: return "\(name) through a paginator"
        case .waiter(let waiter): return "\(name) polled by the \(waiter) waiter"
        case .presignedURL: return "\(name) in a presigned URL signed with the role's credentials"
        case .resourceAPI(let method): return "\(name) through the resource API (\(method))"
        case .helper(let method): return "\(name) called by \(method)"
        case .parametersAndSecretsExtension: return "\(name) through the Parameters and Secrets extension"
        }
    }
}
