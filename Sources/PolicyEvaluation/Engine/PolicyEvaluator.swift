import PolicyModel
import Synchronization

/// Decides requests against one principal's policies as IAM does. Policies are read once at
/// creation; decisions are cached per distinct request. Safe to share between threads.
package final class PolicyEvaluator: Sendable {
    let identity: PolicyGroup
    let permissionsBoundary: PolicyGroup?
    let sessionPolicies: PolicyGroup?
    let resourcePolicies: PolicyGroup
    let serviceControlLevels: [PolicyGroup]
    let resourceControlLevels: [PolicyGroup]
    let roleARN: String?

    private let cache: Mutex<[RequestKey: EvaluationResult]>
    private let cacheCapacity: Int

    /// Reads `policies`. `cacheCapacity` bounds the decisions kept; the cache is emptied when
    /// it is full, and 0 turns caching off.
    package init(policies: PolicySet, cacheCapacity: Int = 4096) {
        identity = PolicyGroup(kind: .identity, policies: policies.identity)
        permissionsBoundary = policies.permissionsBoundary.map {
            PolicyGroup(kind: .permissionsBoundary, policies: [$0])
        }
        sessionPolicies = policies.sessionPolicies.map { PolicyGroup(kind: .session, policies: $0) }
        resourcePolicies = PolicyGroup(kind: .resource, policies: policies.resourcePolicies)
        serviceControlLevels = policies.serviceControlLevels.map { PolicyGroup(kind: .serviceControl, policies: $0) }
        resourceControlLevels = policies.resourceControlLevels.map {
            PolicyGroup(kind: .resourceControl, policies: $0)
        }
        roleARN = policies.roleARN
        cache = Mutex([:])
        self.cacheCapacity = cacheCapacity
    }

    package func evaluate(_ request: AuthorizationRequest) -> EvaluationResult {
        guard cacheCapacity > 0 else { return decide(view(of: request)) }
        let key = RequestKey(request)
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let result = decide(view(of: request))
        cache.withLock { entries in
            if entries.count >= cacheCapacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = result
        }
        return result
    }
}

extension PolicyEvaluator {
    fileprivate func view(of request: AuthorizationRequest) -> RequestView {
        let parsesPrincipal = !resourcePolicies.policies.isEmpty || !resourceControlLevels.isEmpty
        return RequestView(request, roleARN: roleARN, parsesPrincipal: parsesPrincipal)
    }
}

/// The parts of a request that decide it; where it was recorded does not.
private struct RequestKey: Hashable {
    let principal: String
    let action: String
    let resource: String
    let resourceAccount: String?
    let context: [String: ContextValue]

    init(_ request: AuthorizationRequest) {
        principal = request.principal
        action = request.action
        resource = request.resource
        resourceAccount = request.resourceAccount
        context = request.context
    }
}
