/// Policies that IAM reads together (all identity policies, one SCP level, ...), matched
/// against one request at a time.
struct PolicyGroup: Sendable {
    let kind: PolicyKind
    let policies: [CompiledPolicy]

    init(kind: PolicyKind, policies: [NamedPolicy]) {
        self.kind = kind
        self.policies = policies.map(CompiledPolicy.init)
    }

    struct Match {
        var allows: [StatementReference] = []
        /// The strongest way an Allow statement named the caller; `.direct` for groups whose
        /// policies name no principal.
        var strongestGrant: PrincipalGrant = .none
        var denies: [StatementReference] = []
        var hasAllow: Bool { !allows.isEmpty }
    }

    func match(_ request: RequestView, trace: inout EvaluationTrace) -> Match {
        var result = Match()
        for policy in policies where policy.applies(to: request) {
            for index in policy.candidates(for: request.service) {
                let statement = policy.statements[index]
                guard statement.matchesAction(request) else { continue }
                guard statement.matchesResource(request, trace: &trace) else {
                    noteResourceLessAction(statement, request, &trace)
                    continue
                }
                let grant = statement.principalGrant(request)
                guard grant != .none else { continue }
                trace.noteUncertainties(statement.notes)
                guard statement.conditionsHold(request, trace: &trace) else { continue }
                if statement.effect == .deny {
                    result.denies.append(statement.reference)
                } else {
                    result.allows.append(statement.reference)
                    result.strongestGrant = max(result.strongestGrant, grant)
                }
            }
        }
        return result
    }

    /// True when some policy of the group applies to the request's resource.
    func hasPolicy(for request: RequestView) -> Bool {
        policies.contains { $0.applies(to: request) }
    }

    /// Actions without resource types are requested on `*`. An AWS example grants such an
    /// action with `arn:aws:s3:::*`, which other implementations do not match. The engine
    /// matches only `*` and reports the case.
    private func noteResourceLessAction(
        _ statement: CompiledStatement, _ request: RequestView, _ trace: inout EvaluationTrace
    ) {
        guard request.resource == [UInt8(ascii: "*")], !statement.isNotResource,
            statement.resources.contains(where: \.isARN)
        else { return }
        trace.noteUncertainty(
            "\(request.actionText) is requested on * (the action has no resource type); statement "
                + "\(statement.reference.sid ?? "#\(statement.reference.index)") of \(statement.reference.policyName) "
                + "names ARNs and is read as not matching")
    }
}
