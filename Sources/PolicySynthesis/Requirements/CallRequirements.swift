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
        let builder = ResourceBuilder(
            catalog: catalog, resolver: resolver, rawArguments: call.arguments, arguments: arguments)
        let why = CallRequirements.describe(call)
        var requirements: [Requirement] = []
        for operationAction in triggeredActions(of: operation, call: call) {
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
                "the catalog lists no IAM action for \(call.client).\(call.operation); nothing was granted for it",
                at: call.location)
        }
        requirements += forwardAccessRequirements(for: call, arguments: arguments, why: why)
        return requirements
    }

    /// Returns the actions the call's arguments trigger. When an argument a trigger reads cannot
    /// be seen, the action is granted only if the operation would otherwise get none, as for a
    /// transaction whose items are built at run time. Otherwise a note names it.
    private func triggeredActions(of operation: OperationInfo, call: SDKCall) -> [OperationAction] {
        var certain: [OperationAction] = []
        var uncertain: [OperationAction] = []
        for operationAction in operation.actions {
            switch decision(operationAction.trigger, call: call) {
            case .present: certain.append(operationAction)
            case .unknown: uncertain.append(operationAction)
            case .absent: break
            }
        }
        guard !uncertain.isEmpty else { return certain }
        let names = uncertain.map(\.action.description).joined(separator: ", ")
        if certain.isEmpty {
            diagnostics.report(
                .warning, .uncertainTrigger,
                "\(call.client) \(call.operation): the request's items are not known, so \(names) are all granted",
                at: call.location, notes: ["build the request from literal keys so minrole can tell which are needed"])
            return uncertain
        }
        diagnostics.report(
            .note, .uncertainTrigger,
            "\(call.client) \(call.operation): the request's items are not known; if they need \(names), grant it by hand",
            at: call.location)
        return certain
    }

    private func decision(_ trigger: ActionTrigger, call: SDKCall) -> ArgumentPath.Presence {
        switch trigger {
        case .always: return .present
        case .possible: return .absent
        case .whenArgumentPresent(let path): return ArgumentPath(path).presence(in: call.arguments)
        case .whenArgumentAbsent(let path):
            switch ArgumentPath(path).presence(in: call.arguments) {
            case .present: return .absent
            case .absent: return .present
            case .unknown: return .unknown
            }
        case .whenArgumentEquals(let path, let expected):
            let values = ArgumentPath(path).values(in: call.arguments)
            if values.contains(where: { $0.literalValue == expected }) { return .present }
            return values.contains { $0.literalValue == nil } ? .unknown : .absent
        }
    }

    /// Fills a condition from the request (`${Prefix}*`). Returns `nil` when a parameter it names
    /// is absent or not fully known, because a condition on an unknown value would only restate `*`.
    private func condition(from binding: ConditionBinding, arguments: [String: [ResolvedValue]]) -> Condition? {
        var alternatives: [PatternString] = [PatternString()]
        for part in ARNFormat.parseTemplate(binding.template) {
            switch part {
            case .literal(let text):
                alternatives = alternatives.map { $0 + PatternString(literal: text) }
            case .variable(let name):
                guard let resolved = arguments[name], !resolved.isEmpty else { return nil }
                alternatives = alternatives.flatMap { prefix in resolved.map { prefix + $0.pattern } }
            }
        }
        guard alternatives.allSatisfy({ !$0.containsWildcard }) else { return nil }
        return Condition(conditionOperator: binding.conditionOperator, key: binding.key, values: alternatives)
    }

    private func reportWidening(_ call: SDKCall, action: ActionName, resource: PatternString, reasons: [String]) {
        var message = "\(action) is granted on \(resource) because part of the resource is not known"
        if !reasons.isEmpty { message += " (\(reasons.joined(separator: "; ")))" }
        let narrowest: Set<String> = [ValueResolver.eventKeyReason, SymbolicValue.listedKeyReason]
        if !reasons.isEmpty, reasons.allSatisfy(narrowest.contains) {
            diagnostics.report(.note, .widenedResource, message, at: call.location)
            return
        }
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
