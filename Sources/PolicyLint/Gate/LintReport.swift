import Diagnostics

/// The findings of one `lint` or `check` run after the gate settled them: configured
/// severities, suppressions, fingerprints and the baseline. Renderers and the exit status read
/// this.
package struct LintReport: Sendable {
    /// Sorted by file, line and column.
    package var findings: [Finding]
    /// Fingerprints of the findings the baseline already holds.
    package var baselinedFingerprints: Set<String>
    package var failOn: Severity
    /// The rules that ran, for SARIF `rules` and the summary.
    package var descriptors: [RuleDescriptor]
    /// The files linted, relative to the scanned folder, so formats that list files (JUnit)
    /// include the clean ones.
    package var files: [String]
    /// Diagnostics about the input, reported beside the findings.
    package var diagnostics: [Diagnostic]

    package init(
        findings: [Finding], baselinedFingerprints: Set<String> = [], failOn: Severity = .error,
        descriptors: [RuleDescriptor], files: [String], diagnostics: [Diagnostic] = []
    ) {
        self.findings = findings.sorted { ($0.location, $0.ruleId, $0.message) < ($1.location, $1.ruleId, $1.message) }
        self.baselinedFingerprints = baselinedFingerprints
        self.failOn = failOn
        self.descriptors = descriptors
        self.files = files
        self.diagnostics = diagnostics
    }

    /// True when the baseline contains the finding, so it does not fail the gate.
    package func isBaselined(_ finding: Finding) -> Bool {
        finding.fingerprint.map(baselinedFingerprints.contains) ?? false
    }

    /// True for a finding that fails the gate: not suppressed, not in the baseline, and at or
    /// above `failOn`.
    package func isFailing(_ finding: Finding) -> Bool {
        !finding.isSuppressed && !isBaselined(finding) && finding.severity >= failOn
    }

    package var failingCount: Int { findings.count(where: isFailing) }

    package func descriptor(forRule id: String) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }

    /// `N findings (E errors, W warnings, N notes), S suppressed, B in the baseline; F at or above <fail-on>`.
    package var summary: String {
        let active = findings.filter { !$0.isSuppressed }
        let bySeverity = Severity.allCases.reversed().map { severity in
            Self.counted(active.count(where: { $0.severity == severity }), severity.rawValue)
        }
        var text = "\(Self.counted(active.count, "finding")) (\(bySeverity.joined(separator: ", ")))"
        text += ", \(findings.count(where: \.isSuppressed)) suppressed"
        text += ", \(active.count(where: isBaselined)) in the baseline"
        text += "; \(failingCount) at or above \(failOn.rawValue)"
        return text
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
