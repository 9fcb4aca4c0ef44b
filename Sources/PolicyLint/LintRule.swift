import Diagnostics

/// A lint rule: what it is, and the check it runs over a policy.
package protocol LintRule: Sendable {
    var descriptor: RuleDescriptor { get }
}

/// Which rules run.
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
}
