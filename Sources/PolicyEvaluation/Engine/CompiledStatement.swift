import PolicyModel

/// A statement read once into matchers for its action, resource, principal and conditions.
final class CompiledStatement: Sendable {
    let reference: StatementReference
    let effect: Effect
    let actions: [ActionPattern]
    let isNotAction: Bool
    let resources: [ResourcePattern]
    let isNotResource: Bool
    let principal: PrincipalPattern?
    let isNotPrincipal: Bool
    let conditions: [CompiledCondition]
    /// Problems and open readings of this statement's text, reported when it matches the
    /// request by action and resource.
    let notes: [String]

    init(_ statement: Statement, index: Int, policy: NamedPolicy) {
        reference = StatementReference(
            policyName: policy.name, kind: policy.kind, sid: statement.sid, index: index,
            location: statement.location)
        effect = statement.effect
        isNotAction = statement.isNotAction
        isNotResource = statement.isNotResource
        isNotPrincipal = statement.isNotPrincipal
        let allowsVariables = policy.document.version == PolicyDocument.currentVersion
        var notes: [String] = []
        actions = statement.actions.map { text in
            let (pattern, problem) = ActionPattern.read(text)
            if let problem { notes.append(problem) }
            return pattern
        }
        resources = Self.readResources(statement, kind: policy.kind, allowsVariables: allowsVariables, notes: &notes)
        principal = Self.readPrincipal(statement, kind: policy.kind, notes: &notes)
        conditions = statement.conditions.map { CompiledCondition($0, allowsVariables: allowsVariables) }
        self.notes = notes
    }

    /// Reads the resources. A statement without `Resource` covers the resource its policy is
    /// attached to in resource-based policies and RCPs; elsewhere IAM requires the element.
    private static func readResources(
        _ statement: Statement, kind: PolicyKind, allowsVariables: Bool, notes: inout [String]
    ) -> [ResourcePattern] {
        if statement.resources.isEmpty && !statement.isNotResource {
            if kind == .resource || kind == .resourceControl { return [.any] }
            notes.append("a \(kind.rawValue) policy statement without Resource matches nothing")
            return []
        }
        return statement.resources.map { pattern in
            let (compiled, patternNotes) = ResourcePattern.read(pattern, allowsVariables: allowsVariables)
            notes += patternNotes
            return compiled
        }
    }

    /// Only resource-based policies and RCPs name principals; an RCP statement without one
    /// applies to everyone, and a resource-policy statement without one matches no one.
    private static func readPrincipal(_ statement: Statement, kind: PolicyKind, notes: inout [String])
        -> PrincipalPattern?
    {
        switch kind {
        case .resource:
            guard let principal = statement.principal else {
                notes.append("a resource policy statement without Principal matches no one")
                return PrincipalPattern(Principal())
            }
            if statement.isNotPrincipal {
                notes.append(
                    "NotPrincipal excludes the caller when its session, role or account is listed; "
                        + "AWS documents this only by example")
            }
            return PrincipalPattern(principal)
        case .resourceControl:
            return PrincipalPattern(statement.principal ?? .any)
        default:
            return nil
        }
    }

    func matchesAction(_ request: RequestView) -> Bool {
        let listed = actions.contains { $0.matches(request) }
        return listed != isNotAction
    }

    func matchesResource(_ request: RequestView, trace: inout EvaluationTrace) -> Bool {
        var listed = false
        for resource in resources where resource.matches(request, trace: &trace) {
            listed = true
            break
        }
        return listed != isNotResource
    }

    /// Returns how the statement's principal element names the caller: `.direct` for policies
    /// that name no principal (identity policies, boundaries, session policies and SCPs).
    func principalGrant(_ request: RequestView) -> PrincipalGrant {
        guard let principal else { return .direct }
        let grant = principal.grant(for: request.principal)
        guard isNotPrincipal else { return grant }
        return grant == .none ? .direct : .none
    }

    /// Evaluates every condition, not only up to the first false one, so that every missing
    /// context key is reported.
    func conditionsHold(_ request: RequestView, trace: inout EvaluationTrace) -> Bool {
        var holds = true
        for condition in conditions where !condition.evaluate(request, trace: &trace) {
            holds = false
        }
        return holds
    }
}
