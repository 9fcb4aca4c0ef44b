/// Leaves out findings that a broader finding on the same statement implies. MR201 (every
/// action) implies the escalation, credential, data-read, write and wildcard findings of its
/// statement. MR202 (`service:*`) implies the data-read, permissions-management and write
/// findings of that service. Folding applies only when the broader rule runs, so disabling
/// MR201 or MR202 brings the detailed findings back.
extension LintContext {
    /// True when MR201 reports the statement, so other security rules skip it.
    func isFoldedIntoAllowAll(_ statement: LocatedStatement) -> Bool {
        enabledRuleIds.contains(Self.allowAllRuleId) && statement.allActionsValue != nil
    }

    /// True when MR202 reports `service:*` in the statement for the service of `action`
    /// (`s3:GetObject` or `s3:Get*`).
    func isFoldedIntoServiceWildcard(_ action: String, in statement: LocatedStatement) -> Bool {
        guard enabledRuleIds.contains(Self.serviceWildcardRuleId), statement.isPlainAllow else { return false }
        let prefix = action.prefix { $0 != ":" }.lowercased()
        return statement.actions.contains { value in
            value.isLiteral && serviceOfWildcard(value.text)?.lowercased() == prefix
        }
    }

    static let allowAllRuleId = "MR201"
    static let serviceWildcardRuleId = "MR202"
}

extension LocatedStatement {
    /// The literal `Action` value of an `Allow` that matches every action of every service.
    var allActionsValue: LocatedValue? {
        guard isPlainAllow else { return nil }
        return actions.first { $0.isLiteral && isAllActions($0.text) }
    }
}

/// True for `*`, `**` or `*:*`: patterns that match every action of every service.
func isAllActions(_ text: String) -> Bool {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    return parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 == "*" } }
}

/// Returns the service prefix of a pattern such as `s3:*` that matches every action of one
/// service, or `nil` for other patterns.
func serviceOfWildcard(_ text: String) -> Substring? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !Wildcard.hasWildcard(String(parts[0])), !parts[1].isEmpty,
        parts[1].allSatisfy({ $0 == "*" })
    else { return nil }
    return parts[0]
}
