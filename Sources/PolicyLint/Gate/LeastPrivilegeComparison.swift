import Diagnostics
import IAMCatalog
import PolicyModel

/// One permission a function's code or configuration needs, from its generated policy.
package struct NeededPermission: Hashable, Sendable {
    package var action: String
    package var resource: PatternString
    /// The call site in the code, or the template entry for platform permissions.
    package var location: SourceLocation?
    package var why: String
    /// True for permissions the function's configuration implies (logs, event sources), which
    /// SAM grants on its own to the roles it creates.
    package var isPlatform: Bool

    package init(
        action: String, resource: PatternString, location: SourceLocation?, why: String, isPlatform: Bool = false
    ) {
        self.action = action
        self.resource = resource
        self.location = location
        self.why = why
        self.isPlatform = isPlatform
    }
}

/// Compares a function's existing role with what its code needs. `MR401` reports each grant
/// the code does not need: an unused action, or a resource broader than the one used. `MR402`
/// reports each needed permission the role does not grant.
package struct LeastPrivilegeComparison: Sendable {
    package var catalog: Catalog
    /// Excess grants each role may have before `MR401` findings count at their own severity;
    /// within it they are reported as notes.
    package var tolerance: Int

    package init(catalog: Catalog, tolerance: Int = 0) {
        self.catalog = catalog
        self.tolerance = tolerance
    }

    /// The findings for one function. `functionLocation` is where the function is declared,
    /// used when a needed permission has no location of its own.
    package func findings(
        functionId: String, functionLocation: SourceLocation, role: ExistingRole, needed: [NeededPermission]
    ) -> [Finding] {
        let matcher = GrantMatcher(role: role)
        var missing: [Finding] = []
        if role.isComplete {
            var reported = Set<String>()
            for need in needed where !(need.isPlatform && role.isCreatedBySAM) && !matcher.grants(need) {
                guard reported.insert(need.action + "\u{0}" + need.resource.description).inserted else { continue }
                missing.append(missingFinding(need, functionId: functionId, functionLocation: functionLocation))
            }
        }
        var excess = ExcessSearch(catalog: catalog, functionId: functionId, needed: needed)
        for statement in role.statements where statement.effect == .allow { excess.check(statement) }
        return missing + withinTolerance(excess.findings, count: excess.count)
    }

    private func missingFinding(_ need: NeededPermission, functionId: String, functionLocation: SourceLocation)
        -> Finding
    {
        let rule = GateRules.missingPermission
        let message =
            "\(functionId) needs \(need.action) on \(need.resource) (\(need.why)), but its role does not grant it"
        return Finding(
            ruleId: rule.id, severity: rule.severity, message: message, location: need.location ?? functionLocation,
            subject: functionId)
    }

    private func withinTolerance(_ findings: [Finding], count: Int) -> [Finding] {
        guard !findings.isEmpty, count <= tolerance else { return findings }
        return findings.map { finding in
            var result = finding
            result.severity = .note
            result.message += " (accepted: \(count) excess grants, within the tolerance of \(tolerance))"
            return result
        }
    }
}

/// Decides whether a role's statements allow one needed permission.
struct GrantMatcher {
    let allows: [GrantedStatement]
    let denies: [GrantedStatement]

    init(role: ExistingRole) {
        allows = role.statements.filter { $0.effect == .allow }
        // A Deny with conditions may not apply, so only unconditional ones take a grant away.
        denies = role.statements.filter { $0.effect == .deny && !$0.hasConditions }
    }

    func grants(_ need: NeededPermission) -> Bool {
        allows.contains { Self.covers($0, need, acceptingInstances: true) }
            && !denies.contains { Self.covers($0, need) }
    }

    /// `acceptingInstances` lets a resource that is one instance of a widened need count, as
    /// `satisfies` decides; a Deny must cover the need itself.
    static func covers(_ statement: GrantedStatement, _ need: NeededPermission, acceptingInstances: Bool = false)
        -> Bool
    {
        let actionMatches = statement.actions.contains { actionPattern($0).matches(need.action) }
        guard actionMatches != statement.isNotAction else { return false }
        let resourceMatches = statement.resources.contains {
            acceptingInstances ? satisfies($0, need.resource) : covers($0, need.resource)
        }
        return resourceMatches != statement.isNotResource
    }

    /// Action names are case-insensitive in IAM.
    static func actionPattern(_ text: String) -> GlobPattern {
        GlobPattern(text, isCaseSensitive: false)
    }

    /// True when every ARN the `needed` pattern stands for also matches `granted`. A `*` in
    /// `needed` (a widened part) is covered only by a `*` in `granted`.
    static func covers(_ granted: PatternString, _ needed: PatternString) -> Bool {
        GlobPattern(granted.description).matches(needed.description)
    }

    /// True when `granted` covers `needed`, or when `needed` has parts the analyzer could not
    /// resolve and widened to `*` and `granted` is one of the ARNs it stands for (`table/*`
    /// needed, `table/${TableName}` granted). The role's narrower resource is then most likely
    /// the one the code uses, so it is neither missing nor excess.
    static func satisfies(_ granted: PatternString, _ needed: PatternString) -> Bool {
        if covers(granted, needed) { return true }
        guard needed.containsWildcard, !needed.isWildcardOnly else { return false }
        return GlobPattern(needed.description).matches(granted.description)
    }
}
