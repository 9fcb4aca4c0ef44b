import Diagnostics

/// What a rule is, for reports and SARIF `rules`: a stable id, a one-line title, why it
/// matters, what to do, and the default severity.
package struct RuleDescriptor: Hashable, Sendable {
    /// A stable id such as `MR101`; findings, suppressions and baselines name rules by it.
    package var id: String
    /// A short readable name in kebab case, such as `pass-role-on-any-resource`.
    package var name: String
    package var title: String
    package var rationale: String
    package var help: String
    package var severity: Severity
    package var category: RuleCategory
    /// For SARIF `security-severity`: 0.0 to 10.0, `nil` for rules that are not about security.
    package var securitySeverity: Double?
    /// Rules off by default (the Lambda deployment limits on bare policy files) run only when
    /// the configuration turns them on or the input is a template.
    package var isEnabledByDefault: Bool

    package init(
        id: String, name: String, title: String, rationale: String, help: String, severity: Severity,
        category: RuleCategory, securitySeverity: Double? = nil, isEnabledByDefault: Bool = true
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.rationale = rationale
        self.help = help
        self.severity = severity
        self.category = category
        self.securitySeverity = securitySeverity
        self.isEnabledByDefault = isEnabledByDefault
    }
}

package enum RuleCategory: String, Hashable, Sendable, CaseIterable {
    case validity
    case security
    case hygiene
    case leastPrivilege = "least-privilege"
    case deployment
}

/// One problem a rule found, pointing at the exact span of the file the user wrote.
package struct Finding: Hashable, Sendable {
    package var ruleId: String
    package var severity: Severity
    package var message: String
    package var location: SourceLocation
    /// The end of the span (inclusive line, exclusive column), when known.
    package var endLocation: SourceLocation?
    /// The function's logical id or the policy's name the finding belongs to, beyond the file.
    package var subject: String?
    /// Suppressed findings stay in the output, marked, with the reason the suppression gave.
    package var suppression: String?
    /// Stable across commits: computed from the rule, the file, the subject and the text the
    /// finding points at, never from line numbers.
    package var fingerprint: String?

    package init(
        ruleId: String, severity: Severity, message: String, location: SourceLocation,
        endLocation: SourceLocation? = nil, subject: String? = nil, suppression: String? = nil,
        fingerprint: String? = nil
    ) {
        self.ruleId = ruleId
        self.severity = severity
        self.message = message
        self.location = location
        self.endLocation = endLocation
        self.subject = subject
        self.suppression = suppression
        self.fingerprint = fingerprint
    }

    package var isSuppressed: Bool { suppression != nil }
}
