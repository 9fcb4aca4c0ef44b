import Diagnostics
import Documents
import IAMCatalog
import PolicyModel

/// Turns one parsed CloudTrail event into the authorization requests it records, one per action
/// that the catalog maps the operation to.
struct EventConverter {
    enum Outcome {
        case calls([RecordedCall])
        case otherPrincipal
        case invalid(String)
        /// A valid event that the catalog cannot turn into actions, with the reason.
        case unmapped(String)
    }

    /// The event members `convert` reads; the parser converts no others.
    static let eventMembers: Set<String> = [
        "eventSource", "eventName", "eventTime", "eventCategory", "userIdentity", "awsRegion", "sourceIPAddress",
        "userAgent", "requestParameters", "resources", "errorCode", "vpcEndpointId", "tlsDetails",
        "recipientAccountId",
    ]

    let catalog: Catalog
    let selector: RoleSelector
    let operations: OperationLookup
    /// ARN formats by resource type, kept for the file so the catalog's lock is taken once per type.
    let formats: ARNFormatCache
    /// The context keys to build, as `EventContext` spells them; `nil` for all.
    let contextKeys: Set<String>?
    /// The callers known to belong to the role or not, kept for the file, because a trail repeats
    /// few callers.
    let principals = PrincipalMatches()

    func convert(_ event: JSONValue, origin: SourceLocation) -> Outcome {
        guard event.object != nil else { return .invalid("the record is not a JSON object") }
        guard let source = event["eventSource"]?.string, let name = event["eventName"]?.string else {
            return .invalid("the record has no eventSource or eventName, so it is not a CloudTrail event")
        }

        let identity = event["userIdentity"]
        let issuer = identity?["sessionContext"]?["sessionIssuer"]?["arn"]?.string
        let principal = identity?["arn"]?.string ?? identity?["invokedBy"]?.string
        if !selector.keepsEverything {
            guard let principal, principals.matches(principal, issuer, selector) else {
                return .otherPrincipal
            }
        }
        guard let principal else {
            return .invalid("the event's userIdentity has no arn, so the caller is unknown")
        }

        let operation: OperationInfo
        switch operations.operation(eventSource: source, eventName: name) {
        case .found(let found): operation = found
        case .notFound(let reason): return .unmapped(reason)
        }
        let parameters = RequestParameters(value: event["requestParameters"])
        let actions = operation.actions.filter { isNeeded($0.trigger, parameters) }
        guard !actions.isEmpty else {
            return .unmapped("the catalog maps \(operation.client) \(operation.name) to no action")
        }
        return .calls(
            calls(
                for: actions, event: event, parameters: parameters, principal: principal, issuer: issuer, origin: origin
            ))
    }

    /// Builds one call per action, each with its rebuilt resource and the event's context keys.
    private func calls(
        for actions: [OperationAction], event: JSONValue, parameters: RequestParameters, principal: String,
        issuer: String?, origin: SourceLocation
    ) -> [RecordedCall] {
        let scope = scope(of: event, principal: principal, identity: event["userIdentity"])
        let builder = ResourceBuilder(
            formats: formats, parameters: parameters, eventResources: resources(of: event), scope: scope)
        let context = EventContext.keys(of: event, principal: principal, sessionIssuer: issuer, only: contextKeys)
        let base = RecordedCall(
            request: AuthorizationRequest(principal: principal, action: "", resource: ""),
            eventTime: event["eventTime"]?.string,
            recordedError: event["errorCode"]?.string,
            isDataEvent: event["eventCategory"]?.string == "Data")

        var calls: [RecordedCall] = []
        for action in actions {
            let resource = builder.resource(for: action)
            var call = base
            call.request = AuthorizationRequest(
                principal: principal, action: action.action.description, resource: resource.arn,
                resourceAccount: resourceAccount(resource, principalAccount: scope.account),
                context: context.merging(conditionKeys(action, parameters)) { first, _ in first },
                origin: origin)
            call.notes = resource.notes
            if !calls.contains(call) { calls.append(call) }
        }
        return calls
    }

    /// Returns whether a request with these parameters needed an action with this trigger.
    /// Actions the catalog lists as only possible are left out, as synthesis does.
    private func isNeeded(_ trigger: ActionTrigger, _ parameters: RequestParameters) -> Bool {
        switch trigger {
        case .always: true
        case .whenArgumentPresent(let path): parameters.isPresent(path)
        case .whenArgumentAbsent(let path): !parameters.isPresent(path)
        case .whenArgumentEquals(let path, let value): parameters.text(at: path) == value
        case .possible: false
        }
    }

    /// Condition keys the catalog fills from request parameters, such as `s3:prefix` from
    /// `Prefix`. A template of one variable, optionally followed by the `*` a policy pattern
    /// adds (`${Prefix}*`), gives the parameter's value; other templates are skipped.
    private func conditionKeys(_ action: OperationAction, _ parameters: RequestParameters) -> [String: ContextValue] {
        var keys: [String: ContextValue] = [:]
        for condition in action.conditions {
            let template =
                condition.template.hasSuffix("*") ? String(condition.template.dropLast()) : condition.template
            let names = TemplateFiller.variables(in: template)
            guard names.count == 1, template == "${\(names[0])}", let value = parameters.text(at: names[0]) else {
                continue
            }
            keys[condition.key] = ContextValue(value)
        }
        return keys
    }

    private func scope(of event: JSONValue, principal: String, identity: JSONValue?) -> ARNScope {
        let region = event["awsRegion"]?.string ?? ""
        // Names in a request are relative to the caller's account, which is also the
        // recipient unless the call reached another account's resource.
        let account =
            identity?["accountId"]?.string ?? RoleSelector.account(ofARN: principal)
            ?? event["recipientAccountId"]?.string ?? ""
        let partition =
            principal.hasPrefix("arn:")
            ? ARNScope.field(1, ofARN: principal).map(String.init) ?? "aws" : ARNScope.partition(ofRegion: region)
        return ARNScope(partition: partition, region: region, account: account)
    }

    private func resources(of event: JSONValue) -> [EventResource] {
        (event["resources"]?.array ?? []).compactMap { item in
            guard let arn = item["ARN"]?.string ?? item["arn"]?.string else { return nil }
            return EventResource(arn: arn, type: item["type"]?.string, accountId: item["accountId"]?.string)
        }
    }

    /// Returns the resource's account when it differs from the caller's: the account the event
    /// lists, or else the one in the ARN.
    private func resourceAccount(_ resource: ResourceBuilder.Resource, principalAccount: String) -> String? {
        let account = resource.account ?? RoleSelector.account(ofARN: resource.arn)
        guard let account, !account.isEmpty, account != principalAccount else { return nil }
        return account
    }
}
