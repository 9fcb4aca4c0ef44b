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

    /// Reports each granted resource that no use matches, or that is broader than the uses it
    /// matches.
    private mutating func checkResources(_ statement: GrantedStatement, uses: [NeededPermission]) {
        for resource in statement.resources {
            let span = statement.resourceSpans[resource.description]
            let covered = uses.filter { GrantMatcher.covers(resource, $0.resource) }
            let actions = Set(uses.map(\.action)).sorted().joined(separator: ", ")
            if covered.isEmpty {
                add(
                    "grants \(actions) on \(resource), which the code of \(functionId) never uses", statement, 1,
                    span: span)
                continue
            }
            let narrower = Set(covered.map(\.resource).filter { !GrantMatcher.covers($0, resource) })
            guard !narrower.isEmpty else { continue }
            let shown = narrower.map(\.description).sorted()
            let list = shown.prefix(5).joined(separator: ", ") + (shown.count > 5 ? " and \(shown.count - 5) more" : "")
            add(
                "grants \(actions) on \(resource); the code of \(functionId) needs only \(list)", statement, 1,
                span: span)
        }
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
