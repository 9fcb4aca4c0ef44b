/// The decision order of the IAM User Guide ("Policy evaluation logic", "Cross-account policy
/// evaluation logic"). An explicit Deny anywhere is final, and every SCP level must allow. Then a
/// resource-policy Allow or the identity policies decide, and the permissions boundary and the
/// session policies limit them as the way the resource policy names the caller requires.
extension PolicyEvaluator {
    /// The resource policy a request needs besides the identity side. Role trust policies and
    /// KMS key policies must allow the caller themselves.
    enum ResourceRule {
        case ordinary, trustPolicy, keyPolicy

        init(_ request: RequestView) {
            let resource = request.resource
            if request.service == "sts", resource.containsBytes(of: ":iam::"), resource.containsBytes(of: ":role/") {
                self = .trustPolicy
            } else if request.service == "kms", resource.containsBytes(of: ":key/") {
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

        var hasDeny: Bool {
            !resource.denies.isEmpty || !identity.denies.isEmpty || boundary?.denies.isEmpty == false
                || session?.denies.isEmpty == false
        }

        /// The matching Deny statements of these groups, resource policies first.
        var denies: [StatementReference] {
            resource.denies + identity.denies + (boundary?.denies ?? []) + (session?.denies ?? [])
        }
    }

    func decide(_ request: RequestView) -> EvaluationResult {
        var trace = EvaluationTrace()
        // The STS API Reference: GetCallerIdentity needs no permission, and an explicit Deny
        // does not stop it.
        if request.service == "sts", request.actionText.lowercased() == "sts:getcalleridentity" {
            return finish(.allowed, [], nil, trace)
        }
        let serviceControl = serviceControlLevels.map { $0.match(request, trace: &trace) }
        // RCPFullAWSAccess is attached to every level and cannot be detached, so RCP levels
        // always allow and only their Deny statements count.
        let resourceControl = resourceControlLevels.map { $0.match(request, trace: &trace) }
        let matches = Matches(
            identity: identity.match(request, trace: &trace),
            boundary: permissionsBoundary?.match(request, trace: &trace),
            session: sessionPolicies?.match(request, trace: &trace),
            resource: resourcePolicies.match(request, trace: &trace))

        let hasDeny =
            matches.hasDeny || serviceControl.contains { !$0.denies.isEmpty }
            || resourceControl.contains { !$0.denies.isEmpty }
        if hasDeny {
            let denies = (serviceControl + resourceControl).flatMap(\.denies) + matches.denies
            return finish(.explicitDeny, denies, nil, trace)
        }
        if serviceControl.contains(where: { !$0.hasAllow }) {
            return finish(.implicitDeny, [], .serviceControl, trace)
        }

        let lacking =
            request.isCrossAccount
            ? crossAccountLack(matches, request, &trace) : sameAccountLack(matches, request, &trace)
        if let lacking { return finish(.implicitDeny, [], lacking, trace) }
        let allows =
            matches.resource.allows.isEmpty
            ? matches.identity.allows : matches.identity.allows + matches.resource.allows
        return finish(.allowed, allows, nil, trace)
    }

    /// Returns the level that lacks an Allow for a request within one account, or `nil` when
    /// allowed.
    private func sameAccountLack(_ matches: Matches, _ request: RequestView, _ trace: inout EvaluationTrace)
        -> PolicyKind?
    {
        let rule = ResourceRule(request)
        if rule != .ordinary && !resourcePolicies.hasPolicy(for: request) {
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

    /// Returns the level that lacks an Allow for a resource in another account. Both sides must
    /// allow there: the caller's identity side, and a resource policy naming the caller, its role
    /// or its account.
    private func crossAccountLack(_ matches: Matches, _ request: RequestView, _ trace: inout EvaluationTrace)
        -> PolicyKind?
    {
        if let lacking = identitySideLack(matches) { return lacking }
        if !resourcePolicies.hasPolicy(for: request) {
            trace.noteUncertainty(
                "the resource is in account \(request.resourceAccount ?? "?") and its policy was not given, "
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

extension [UInt8] {
    /// True when the UTF-8 bytes of `text` occur in the array. A plain byte search is used
    /// because the generic string search cost more than a whole decision in a profile.
    fileprivate func containsBytes(of text: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        guard needle.count <= count else { return false }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            if self[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }
}
