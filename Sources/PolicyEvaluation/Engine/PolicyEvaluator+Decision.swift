/// The decision order of the IAM User Guide ("Policy evaluation logic", "Cross-account policy
/// evaluation logic"): an explicit Deny anywhere is final; every SCP level must allow; then a
/// resource-policy Allow or the identity policies decide, limited by the permissions boundary
/// and the session policies as the way the resource policy names the caller requires.
extension PolicyEvaluator {
    /// Which resource policy a request needs besides the identity side: role trust policies
    /// and KMS key policies must allow the caller themselves.
    enum ResourceRule {
        case ordinary, trustPolicy, keyPolicy

        init(_ request: RequestView) {
            let resource = request.request.resource
            if request.service == "sts", resource.contains(":iam::"), resource.contains(":role/") {
                self = .trustPolicy
            } else if request.service == "kms", resource.contains(":key/") {
                self = .keyPolicy
            } else {
                self = .ordinary
            }
        }
    }

    struct Matches {
        var identity: PolicyGroup.Match
        var boundary: PolicyGroup.Match?
        var session: PolicyGroup.Match?
        var resource: PolicyGroup.Match
    }

    func decide(_ request: RequestView) -> EvaluationResult {
        var trace = EvaluationTrace()
        let serviceControl = serviceControlLevels.map { $0.match(request, trace: &trace) }
        // RCPFullAWSAccess is attached to every level and cannot be detached, so RCP levels
        // always allow and only their Deny statements count.
        let resourceControl = resourceControlLevels.map { $0.match(request, trace: &trace) }
        let matches = Matches(
            identity: identity.match(request, trace: &trace),
            boundary: permissionsBoundary?.match(request, trace: &trace),
            session: sessionPolicies?.match(request, trace: &trace),
            resource: resourcePolicies.match(request, trace: &trace))

        var denies = serviceControl.flatMap(\.denies) + resourceControl.flatMap(\.denies)
        denies += matches.resource.denies + matches.identity.denies
        denies += (matches.boundary?.denies ?? []) + (matches.session?.denies ?? [])
        if !denies.isEmpty { return finish(.explicitDeny, denies, nil, trace) }
        if serviceControl.contains(where: { !$0.hasAllow }) {
            return finish(.implicitDeny, [], .serviceControl, trace)
        }

        let lacking =
            request.isCrossAccount
            ? crossAccountLack(matches, request, &trace) : sameAccountLack(matches, request, &trace)
        if let lacking { return finish(.implicitDeny, [], lacking, trace) }
        return finish(.allowed, matches.identity.allows + matches.resource.allows, nil, trace)
    }

    /// The level that lacks an Allow for a request within one account, or `nil` when allowed.
    private func sameAccountLack(_ matches: Matches, _ request: RequestView, _ trace: inout EvaluationTrace)
        -> PolicyKind?
    {
        let rule = ResourceRule(request)
        if rule != .ordinary && resourcePolicies.policies.isEmpty {
            let policy = rule == .trustPolicy ? "trust policy of the role" : "key policy of the KMS key"
            trace.noteUncertainty("the \(policy) was not given, so only the caller's side was evaluated")
            return identitySideLack(matches)
        }
        switch matches.resource.strongestGrant {
        case .direct:
            return nil
        case .role, .wildcard:
            if matches.resource.strongestGrant == .wildcard, matches.boundary != nil || matches.session != nil {
                trace.noteUncertainty(
                    "a resource policy grants to Principal \"*\"; it is read like a grant to the role, "
                        + "so the permissions boundary and session policies still limit it")
            }
            return limitLack(matches)
        case .account:
            return identitySideLack(matches)
        case .none:
            return rule == .ordinary ? identitySideLack(matches) : .resource
        }
    }

    /// For a resource in another account both sides must allow: the caller's identity side,
    /// and the resource policy naming the caller, its role or its account.
    private func crossAccountLack(_ matches: Matches, _ request: RequestView, _ trace: inout EvaluationTrace)
        -> PolicyKind?
    {
        if let lacking = identitySideLack(matches) { return lacking }
        if resourcePolicies.policies.isEmpty {
            trace.noteUncertainty(
                "the resource is in account \(request.request.resourceAccount ?? "?") and its policy was not given, "
                    + "so only the caller's side was evaluated")
            return nil
        }
        return matches.resource.strongestGrant == .none ? .resource : nil
    }

    private func identitySideLack(_ matches: Matches) -> PolicyKind? {
        guard matches.identity.hasAllow else { return .identity }
        return limitLack(matches)
    }

    /// The permissions boundary and the session policies each must allow, when present.
    private func limitLack(_ matches: Matches) -> PolicyKind? {
        if let boundary = matches.boundary, !boundary.hasAllow { return .permissionsBoundary }
        if let session = matches.session, !session.hasAllow { return .session }
        return nil
    }

    private func finish(
        _ decision: Decision, _ statements: [StatementReference], _ deniedBy: PolicyKind?, _ trace: EvaluationTrace
    ) -> EvaluationResult {
        EvaluationResult(
            decision: decision, matchedStatements: statements, deniedBy: deniedBy,
            missingContextKeys: trace.missingContextKeys, uncertainties: trace.uncertainties)
    }
}
