import Diagnostics
import IAMCatalog
import PolicyModel

/// One `Action` (or `NotAction`) entry of an `Allow` statement of the role, the unit in which
/// the report counts permissions as used, unused or unobservable.
package struct GrantedPermission: Sendable, Hashable {
    package var statement: StatementReference
    /// The entry as written (`s3:Get*`); for a `NotAction` statement, `NotAction: a, b`.
    package var action: String
    package var resources: [String]
    /// The statement names the resources it leaves out (`NotResource`).
    package var isNotResource: Bool

    /// True for an entry that covers more than one action: a wildcard or a `NotAction`.
    package var coversSeveralActions: Bool {
        action.hasPrefix("NotAction: ") || action.contains("*") || action.contains("?")
    }

    /// The resources for reports: `every resource except ...` for a `NotResource` statement.
    package var resourceText: String {
        let list = resources.joined(separator: ", ")
        return isNotResource ? "every resource except \(list)" : list
    }
}

/// A wildcard or `NotAction` entry that calls used for only some of the actions it covers.
package struct PartlyUsedPermission: Sendable, Hashable {
    package var permission: GrantedPermission
    /// The actions the calls used, sorted; at most `ReplayTally.usedActionLimit` are kept.
    package var usedActions: [String]
}

/// Calls of one action that were denied the same way, with the resources they named.
package struct DeniedCalls: Sendable, Hashable {
    /// The distinct resources kept per group; the rest are counted, not kept.
    package static let resourceLimit = 20

    package var action: String
    /// The first distinct resources the calls named, in the order seen.
    package var resources: [String]
    /// True when the calls named more distinct resources than `resourceLimit`.
    package var hasMoreResources: Bool
    package var decision: Decision
    package var deniedBy: PolicyKind?
    package var denyingStatements: [StatementReference]
    package var count: Int
    package var firstOrigin: SourceLocation?
    /// The call was denied in the recorded log as well (`AccessDenied`).
    package var deniedWhenRecorded: Bool

    /// Returns the resources of the smallest statement that allows these calls: the resources
    /// themselves, or their common beginning with `*` once there are too many to list.
    package var suggestedResources: [String] {
        guard hasMoreResources || resources.count > 5 else { return resources }
        guard var prefix = resources.first else { return ["*"] }
        for resource in resources.dropFirst() {
            let common = zip(prefix.utf8, resource.utf8).prefix { $0 == $1 }.map(\.0)
            prefix = String(decoding: common, as: UTF8.self)
        }
        if let cut = prefix.lastIndex(where: { $0 == "/" || $0 == ":" }) {
            prefix = String(prefix[...cut])
        }
        return [prefix + "*"]
    }
}

/// Counts decisions over a stream of calls in memory that grows with the distinct calls,
/// not with the number of calls.
package struct ReplayTally: Sendable {
    package private(set) var callCount = 0
    package private(set) var decisionCounts: [Decision: Int] = [:]
    private var denied: [String: DeniedCalls] = [:]
    private var deniedOrder: [String] = []
    private var used: Set<GrantedPermission> = []
    /// For entries that cover several actions: the actions calls used, up to a limit.
    private var usedActions: [GrantedPermission: Set<String>] = [:]
    private var dataEventServices: Set<String> = []
    private var dataEventActions: [String: Bool] = [:]
    /// The distinct actions kept per wildcard entry.
    package static let usedActionLimit = 50
    private let permissions: [GrantedPermission]
    private let permissionsByStatement: [StatementReference: [GrantedPermission]]
    private let catalog: Catalog

    package init(identityPolicies: [NamedPolicy], catalog: Catalog) {
        self.catalog = catalog
        var permissions: [GrantedPermission] = []
        for policy in identityPolicies {
            for (index, statement) in policy.document.statements.enumerated() where statement.effect == .allow {
                let reference = StatementReference(
                    policyName: policy.name, kind: policy.kind, sid: statement.sid, index: index,
                    location: statement.location)
                let resources = statement.resources.map(\.description)
                let entries =
                    statement.isNotAction
                    ? ["NotAction: " + statement.actions.joined(separator: ", ")] : statement.actions
                for entry in entries {
                    permissions.append(
                        GrantedPermission(
                            statement: reference, action: entry, resources: resources,
                            isNotResource: statement.isNotResource))
                }
            }
        }
        self.permissions = permissions
        self.permissionsByStatement = Dictionary(grouping: permissions, by: \.statement)
    }

    /// Counts one call and its decision.
    package mutating func record(
        _ request: AuthorizationRequest, result: EvaluationResult, isDataEvent: Bool, recordedError: String?
    ) {
        callCount += 1
        decisionCounts[result.decision, default: 0] += 1
        // A data event in the input shows that the log records that service's data events.
        if isDataEvent || isDataEventAction(request.action), let service = request.action.split(separator: ":").first {
            dataEventServices.insert(service.lowercased())
        }
        switch result.decision {
        case .allowed: markUsed(request.action, statements: result.matchedStatements)
        case .implicitDeny, .explicitDeny: countDenied(request, result: result, recordedError: recordedError)
        }
    }

    /// Classifies an action once; a log repeats few actions.
    private mutating func isDataEventAction(_ action: String) -> Bool {
        if let known = dataEventActions[action] { return known }
        let isDataEvent = LogVisibility.of(action: action) == .dataEvent
        if dataEventActions.count < 10_000 { dataEventActions[action] = isDataEvent }
        return isDataEvent
    }

    private mutating func markUsed(_ action: String, statements: [StatementReference]) {
        for statement in statements {
            for permission in permissionsByStatement[statement] ?? []
            where permission.action.hasPrefix("NotAction: ")
                || WildcardPattern.matches(permission.action, action, caseInsensitive: true)
            {
                used.insert(permission)
                if permission.coversSeveralActions, usedActions[permission, default: []].count < Self.usedActionLimit {
                    usedActions[permission, default: []].insert(action)
                }
            }
        }
    }

    private mutating func countDenied(_ request: AuthorizationRequest, result: EvaluationResult, recordedError: String?)
    {
        let deciding =
            result.decision == .explicitDeny
            ? result.matchedStatements.map { "\($0.policyName)#\($0.index)" }.joined(separator: ",") : ""
        let key =
            "\(result.decision.rawValue)\u{0}\(request.action)\u{0}\(result.deniedBy?.rawValue ?? "")\u{0}\(deciding)"
        let deniedWhenRecorded = recordedError.map { $0.lowercased().contains("denied") || $0.contains("Unauthorized") }
        if denied[key] == nil {
            deniedOrder.append(key)
            denied[key] = DeniedCalls(
                action: request.action, resources: [], hasMoreResources: false, decision: result.decision,
                deniedBy: result.deniedBy,
                denyingStatements: result.decision == .explicitDeny ? result.matchedStatements : [], count: 0,
                firstOrigin: request.origin, deniedWhenRecorded: false)
        }
        denied[key]?.count += 1
        if let group = denied[key], !group.resources.contains(request.resource) {
            if group.resources.count < DeniedCalls.resourceLimit {
                denied[key]?.resources.append(request.resource)
            } else {
                denied[key]?.hasMoreResources = true
            }
        }
        if deniedWhenRecorded == true { denied[key]?.deniedWhenRecorded = true }
    }

    /// The denied calls, in the order first seen.
    package var deniedCalls: [DeniedCalls] { deniedOrder.compactMap { denied[$0] } }

    /// Splits the role's permissions that no call used into those a log could have shown
    /// (unused) and those it cannot (unobservable, with the reason).
    package func unexercised() -> (unused: [GrantedPermission], unobservable: [(GrantedPermission, String)]) {
        var unused: [GrantedPermission] = []
        var unobservable: [(GrantedPermission, String)] = []
        var reasons: [String: String?] = [:]
        for permission in permissions where !used.contains(permission) {
            let reason = reasons[permission.action] ?? hiddenReason(permission.action)
            reasons[permission.action] = .some(reason)
            if let reason {
                unobservable.append((permission, reason))
            } else {
                unused.append(permission)
            }
        }
        return (unused, unobservable)
    }

    /// Lists the wildcard and `NotAction` entries that calls used, with the actions they used,
    /// so a report can suggest naming only those.
    package func partlyUsed() -> [PartlyUsedPermission] {
        permissions.compactMap { permission in
            guard let actions = usedActions[permission] else { return nil }
            return PartlyUsedPermission(permission: permission, usedActions: actions.sorted())
        }
    }

    /// The share of the observable permissions that some call used, from 0 to 1; `nil` when
    /// the role grants nothing a log can show.
    package var coverage: Double? {
        var reasons: [String: String?] = [:]
        let observable = permissions.filter { permission in
            if used.contains(permission) { return true }
            let reason = reasons[permission.action] ?? hiddenReason(permission.action)
            reasons[permission.action] = .some(reason)
            return reason == nil
        }
        guard !observable.isEmpty else { return nil }
        return Double(observable.count { used.contains($0) }) / Double(observable.count)
    }

    /// Says why no log can show `action`; for a wildcard entry, only when that holds for every
    /// action of the catalog it covers.
    private func hiddenReason(_ action: String) -> String? {
        guard !action.hasPrefix("NotAction") else { return nil }
        guard action.contains("*") || action.contains("?") else { return hiddenReason(ofAction: action) }
        let parts = action.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, !parts[0].contains("*"), let service = catalog.service(prefix: String(parts[0]))
        else { return nil }
        let covered = service.actions.values.map { "\(service.prefix):\($0.name.name)" }.filter {
            WildcardPattern.matches(action, $0, caseInsensitive: true)
        }
        let reasons = covered.map { hiddenReason(ofAction: $0) }
        guard !reasons.isEmpty, reasons.allSatisfy({ $0 != nil }) else { return nil }
        return reasons.first ?? nil
    }

    private func hiddenReason(ofAction action: String) -> String? {
        switch LogVisibility.of(action: action) {
        case .recorded: return nil
        case .neverRecorded(let reason): return reason
        case .dataEvent:
            let service = action.split(separator: ":").first.map { $0.lowercased() } ?? ""
            if dataEventServices.contains(service) { return nil }
            return "a data event; the input holds no data event of \(service), so it cannot show whether this was used"
        }
    }
}
