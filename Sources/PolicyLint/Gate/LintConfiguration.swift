import Diagnostics

/// The settings of `.minrole.yaml`: which rules run and at what severity, which paths are not
/// linted, and how much excess `check` accepts.
///
/// ```yaml
/// rules:
///   MR101: off        # off, on, error, warning or note
///   MR205: warning    # a severity also turns the rule on
/// ignore:
///   - "generated/**"  # globs relative to the scanned folder
/// fail-on: warning
/// check:
///   tolerance: 2      # excess actions accepted per role
/// ```
package struct LintConfiguration: Sendable, Equatable {
    package enum RuleSetting: Sendable, Equatable {
        case off
        case on
        case severity(Severity)
    }

    package static let fileName = ".minrole.yaml"

    /// Settings by rule id, in file order.
    package var rules: [String: RuleSetting]
    /// Globs of paths, relative to the scanned folder, whose files are not linted.
    package var ignoredPaths: [String]
    package var failOn: Severity?
    /// Excess actions each role may grant before `check` fails.
    package var checkTolerance: Int?

    package init(
        rules: [String: RuleSetting] = [:], ignoredPaths: [String] = [], failOn: Severity? = nil,
        checkTolerance: Int? = nil
    ) {
        self.rules = rules
        self.ignoredPaths = ignoredPaths
        self.failOn = failOn
        self.checkTolerance = checkTolerance
    }

    /// The rule ids the file turns off.
    package var disabledRules: Set<String> { Set(rules.filter { $0.value == .off }.keys) }

    /// The rule ids the file turns on, for rules that are off by default.
    package var enabledRules: Set<String> { Set(rules.filter { $0.value != .off }.keys) }

    /// Returns the severity the file gives a rule, or `nil` to keep the rule's own.
    package func severity(forRule id: String) -> Severity? {
        if case .severity(let severity)? = rules[id] { return severity }
        return nil
    }

    /// True when `path` (relative to the scanned folder) matches an ignore glob. A glob
    /// without `/` matches a file or folder name at any depth, as in `.gitignore`.
    package func isIgnored(_ path: String) -> Bool {
        ignoredPaths.contains { glob in
            let anchored = glob.hasPrefix("/") ? String(glob.dropFirst()) : glob
            let pattern = anchored.contains("/") ? anchored : "**/" + anchored
            let matcher = GlobPattern(pattern, isPathGlob: true)
            return matcher.matches(path) || GlobPattern(pattern + "/**", isPathGlob: true).matches(path)
        }
    }
}
