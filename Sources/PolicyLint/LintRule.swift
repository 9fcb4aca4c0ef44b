import Diagnostics

/// A lint rule: what it is, the checks it runs over policies and functions, and the examples
/// that show what it accepts and reports.
package protocol LintRule: Sendable {
    var descriptor: RuleDescriptor { get }
    /// Inputs the rule must accept and inputs it must report; a table-driven test runs them.
    var examples: [RuleExample] { get }
    /// True for rules that read the statements the catalog expands (SAM policy templates, AWS
    /// managed policies); other rules read only statements the user wrote.
    var readsExpandedPolicies: Bool { get }
    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding]
    func check(_ function: LocatedFunction, in context: LintContext) -> [Finding]
    /// Checks all written policies of one role or function together: the policies of a
    /// template with the same `principalId`, or one document of a policy file.
    func check(principal policies: [LocatedPolicy], in context: LintContext) -> [Finding]
}

extension LintRule {
    package var readsExpandedPolicies: Bool { false }
    package func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] { [] }
    package func check(_ function: LocatedFunction, in context: LintContext) -> [Finding] { [] }
    package func check(principal policies: [LocatedPolicy], in context: LintContext) -> [Finding] { [] }

    /// Returns a finding of this rule at a located value.
    package func finding(_ message: String, at value: LocatedValue, subject: String?) -> Finding {
        Finding(
            ruleId: descriptor.id, severity: descriptor.severity, message: message, location: value.location,
            endLocation: value.endLocation, subject: subject)
    }

    /// Returns a finding of this rule at a position without a known end.
    package func finding(_ message: String, at location: SourceLocation, subject: String?) -> Finding {
        Finding(
            ruleId: descriptor.id, severity: descriptor.severity, message: message, location: location,
            subject: subject)
    }
}

/// An input for a rule's examples: a policy file or a template, and how many findings of the
/// rule it must produce (0 for a passing example).
package struct RuleExample: Sendable, CustomStringConvertible {
    package enum Kind: Sendable {
        case policy
        case template
    }

    /// A file written beside the example's template before it is linted.
    package enum File: Sendable {
        case text(String)
        /// A file of this many bytes that takes no disk space (a sparse file).
        case sparse(bytes: Int)
    }

    package var kind: Kind
    package var text: String
    package var expectedFindings: Int
    /// Files by path relative to the template's folder.
    package var files: [String: File] = [:]

    package static func passing(_ text: String, kind: Kind = .policy, files: [String: File] = [:]) -> RuleExample {
        RuleExample(kind: kind, text: text, expectedFindings: 0, files: files)
    }

    package static func failing(
        _ text: String, findings: Int = 1, kind: Kind = .policy, files: [String: File] = [:]
    ) -> RuleExample {
        RuleExample(kind: kind, text: text, expectedFindings: findings, files: files)
    }

    package var description: String {
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
        return "\(expectedFindings == 0 ? "passing" : "failing"): \(firstLine.prefix(60))"
    }
}

/// The selection of rules that run.
package struct LintOptions: Sendable {
    /// When set, only these rule ids run.
    package var enabledRules: Set<String>?
    package var disabledRules: Set<String>
    /// The Lambda deployment limits; off by default for bare policy files.
    package var includeDeploymentRules: Bool

    package init(
        enabledRules: Set<String>? = nil, disabledRules: Set<String> = [], includeDeploymentRules: Bool = false
    ) {
        self.enabledRules = enabledRules
        self.disabledRules = disabledRules
        self.includeDeploymentRules = includeDeploymentRules
    }

    /// True when the rule runs: named in `enabledRules` when that is set, never when disabled,
    /// and rules off by default only for templates or with `includeDeploymentRules`.
    package func runs(_ descriptor: RuleDescriptor, isTemplate: Bool) -> Bool {
        if disabledRules.contains(descriptor.id) { return false }
        if let enabledRules { return enabledRules.contains(descriptor.id) }
        return descriptor.isEnabledByDefault || includeDeploymentRules || isTemplate
    }
}
