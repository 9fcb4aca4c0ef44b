import Diagnostics
import IAMCatalog
import PolicyModel

/// Finds the grants of a role's Allow statements that the code does not need, and counts them.
struct ExcessSearch {
    let catalog: Catalog
    let functionId: String
    let needed: [NeededPermission]
    private(set) var findings: [Finding] = []
    /// Excess actions, plus one for each resource broader than needed.
    private(set) var count = 0

    init(catalog: Catalog, functionId: String, needed: [NeededPermission]) {
        self.catalog = catalog
        self.functionId = functionId
        self.needed = needed
    }

    mutating func check(_ statement: GrantedStatement) {
        if statement.isNotAction {
            add(
                "grants every action except \(statement.actions.joined(separator: ", ")) through NotAction", statement,
                1)
            return
        }
        var matched: [NeededPermission] = []
        for action in statement.actions {
            let pattern = GrantMatcher.actionPattern(action)
            let uses = needed.filter { pattern.matches($0.action) }
            matched += uses
            checkAction(action, pattern: pattern, uses: uses, statement)
        }
        if !statement.isNotResource, !matched.isEmpty { checkResources(statement, uses: matched) }
    }

    private mutating func checkAction(
        _ action: String, pattern: GlobPattern, uses: [NeededPermission], _ statement: GrantedStatement
    ) {
        let usedActions = Set(uses.map { $0.action.lowercased() })
        guard pattern.hasWildcard else {
            if uses.isEmpty {
                add(
                    "grants \(action), which the code of \(functionId) never needs", statement, 1,
                    span: statement.actionSpans[action])
            }
            return
        }
        guard let expanded = expand(action) else {
            add(
                "grants \(action), every action of every service\(needs(usedActions))", statement, 1000,
                span: statement.actionSpans[action])
            return
        }
        let unused = expanded.filter { !usedActions.contains($0.lowercased()) }
        guard !unused.isEmpty else { return }
        add(
            "grants \(action) (\(expanded.count) actions)\(needs(usedActions))", statement, unused.count,
            span: statement.actionSpans[action])
    }

    private func needs(_ used: Set<String>) -> String {
        guard !used.isEmpty else { return ", none of which the code of \(functionId) needs" }
        let names = needed.map(\.action).filter { used.contains($0.lowercased()) }
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        return "; the code of \(functionId) needs only \(unique.sorted().joined(separator: ", "))"
    }

    /// Reports each granted resource that no use matches, and each action granted on a resource
    /// broader than that action's own uses of it. Actions are compared one by one, because one
    /// statement often grants actions that need different resources (ec2 network interfaces on
    /// `*` beside log streams, s3:ListBucket on the bucket beside object actions).
    private mutating func checkResources(_ statement: GrantedStatement, uses: [NeededPermission]) {
        for resource in statement.resources {
            let span = statement.resourceSpans[resource.description]
            let covered = uses.filter { GrantMatcher.satisfies(resource, $0.resource) }
            if covered.isEmpty {
                let actions = Set(uses.map(\.action)).sorted().joined(separator: ", ")
                add(
                    "grants \(actions) on \(resource), which the code of \(functionId) never uses", statement, 1,
                    span: span)
                continue
            }
            let broader = actionsBroaderThanNeeded(on: resource, uses: covered)
            guard !broader.isEmpty else { continue }
            // Actions that need the same narrower resources are named together.
            var groups: [(actions: [String], narrower: [String])] = []
            for (action, narrower) in broader {
                if let index = groups.firstIndex(where: { $0.narrower == narrower }) {
                    groups[index].actions.append(action)
                } else {
                    groups.append(([action], narrower))
                }
            }
            let needs = groups.map { "\($0.actions.joined(separator: ", ")) only on \(listed($0.narrower))" }
            add(
                "grants \(broader.map(\.action).joined(separator: ", ")) on \(resource), but the code of "
                    + "\(functionId) needs \(needs.joined(separator: ", and "))",
                statement, 1, span: span)
        }
    }

    /// Returns each action, in name order, whose uses lie inside `resource` but none of which
    /// needs all of it, with those narrower resources.
    private func actionsBroaderThanNeeded(on resource: PatternString, uses: [NeededPermission])
        -> [(action: String, narrower: [String])]
    {
        var byAction: [String: [NeededPermission]] = [:]
        for use in uses { byAction[use.action, default: []].append(use) }
        var result: [(action: String, narrower: [String])] = []
        for (action, actionUses) in byAction.sorted(by: { $0.key < $1.key }) {
            guard !actionUses.contains(where: { GrantMatcher.satisfies($0.resource, resource) }) else { continue }
            result.append((action, Set(actionUses.map(\.resource.description)).sorted()))
        }
        return result
    }

    private func listed(_ names: [String]) -> String {
        names.prefix(5).joined(separator: ", ") + (names.count > 5 ? " and \(names.count - 5) more" : "")
    }

    /// Returns the catalog's actions that a pattern with a service prefix matches, or `nil` when the
    /// prefix itself has a wildcard.
    private func expand(_ action: String) -> [String]? {
        let parts = action.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, !parts[0].contains("*"), !parts[0].contains("?") else { return nil }
        let prefix = String(parts[0])
        let pattern = GlobPattern(String(parts[1]), isCaseSensitive: false)
        guard let service = catalog.service(prefix: prefix) else { return [] }
        return service.actions.values.map(\.name.name).filter(pattern.matches).sorted().map { "\(prefix):\($0)" }
    }

    /// Adds a finding at `span`, or at the whole statement when the span is not known.
    private mutating func add(_ text: String, _ statement: GrantedStatement, _ weight: Int, span: SourceSpan? = nil) {
        let rule = GateRules.excessPermission
        count += weight
        findings.append(
            Finding(
                ruleId: rule.id, severity: rule.severity,
                message: "the role of \(functionId) \(text) (\(statement.origin))",
                location: span?.start ?? statement.location, endLocation: span?.end ?? statement.endLocation,
                subject: functionId))
    }
}
