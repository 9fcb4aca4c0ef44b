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
    /// The lowercased context keys the policies' conditions name. The cache key leaves out the
    /// others, which cannot change a decision (such as the time of each CloudTrail event). It is
    /// `nil` when a policy variable may read any key.
    private let decidingKeys: Set<String>?

    /// The lowercased context keys that can change a decision, or `nil` when any key can (a
    /// policy variable reads one). A reader of recorded calls need build no others.
    package var decidingContextKeys: Set<String>? { decidingKeys }

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
        decidingKeys = Self.decidingKeys(of: policies)
        cache = Mutex([:])
        self.cacheCapacity = cacheCapacity
    }

    package func evaluate(_ request: AuthorizationRequest) -> EvaluationResult {
        guard cacheCapacity > 0 else { return decide(view(of: request)) }
        let key = RequestKey(request, keeping: decidingKeys)
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
    /// Lists the context keys that the conditions of every policy in the set name. A policy
    /// variable (`${...}`) in any value may read other keys, so then every key counts.
    fileprivate static func decidingKeys(of policies: PolicySet) -> Set<String>? {
        var all = policies.identity + policies.resourcePolicies
        all += [policies.permissionsBoundary].compactMap { $0 } + (policies.sessionPolicies ?? [])
        all += (policies.serviceControlLevels + policies.resourceControlLevels).flatMap { $0 }
        var keys: Set<String> = []
        for statement in all.flatMap(\.document.statements) {
            let texts =
                statement.resources.map(\.description) + statement.conditions.flatMap { $0.values.map(\.description) }
            if texts.contains(where: { $0.contains("${") }) { return nil }
            keys.formUnion(statement.conditions.map { $0.key.lowercased() })
        }
        return keys
    }

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

    init(_ request: AuthorizationRequest, keeping keys: Set<String>?) {
        principal = request.principal
        action = request.action
        resource = request.resource
        resourceAccount = request.resourceAccount
        guard let keys else {
            context = request.context
            return
        }
        context = request.context.filter { keys.contains($0.key.lowercased()) }
    }
}
