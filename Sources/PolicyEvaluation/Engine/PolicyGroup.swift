/// Policies that IAM reads together (all identity policies, one SCP level, ...) and what their
/// statements say about one request.
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
        for policy in policies {
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

    /// Actions without resource types are requested on `*`. An AWS example grants such an
    /// action with `arn:aws:s3:::*`, which other implementations do not match; the engine
    /// matches only `*` and says so.
    private func noteResourceLessAction(
        _ statement: CompiledStatement, _ request: RequestView, _ trace: inout EvaluationTrace
    ) {
        guard request.request.resource == "*", !statement.isNotResource, statement.resources.contains(where: \.isARN)
        else { return }
        trace.noteUncertainty(
            "\(request.request.action) is requested on * (the action has no resource type); statement "
                + "\(statement.reference.sid ?? "#\(statement.reference.index)") of \(statement.reference.policyName) "
                + "names ARNs and is read as not matching")
    }
}
