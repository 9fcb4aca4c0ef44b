import Diagnostics
import Documents

/// The rules that report, from the command line's `--rule` and `--disable` and the
/// configuration file.
package struct RuleSelection: Sendable, Equatable {
    /// When set, only these rule ids report.
    package var onlyRules: Set<String>?
    package var disabledRules: Set<String>

    package init(onlyRules: Set<String>? = nil, disabledRules: Set<String> = []) {
        self.onlyRules = onlyRules
        self.disabledRules = disabledRules
    }

    package func includes(_ ruleId: String) -> Bool {
        !disabledRules.contains(ruleId) && (onlyRules?.contains(ruleId) ?? true)
    }
}

/// Settles the raw findings of a run: drops rules that are turned off, applies configured
/// severities and suppressions, computes fingerprints, and matches the baseline.
package struct LintGate: Sendable {
    package var configuration: LintConfiguration
    package var selection: RuleSelection
    package var baseline: Baseline?
    package var failOn: Severity
    /// The ids of the rules that ran. A suppression of only these rules that covers no finding
    /// is reported as MR902; `nil` reports none, for callers that cannot tell which rules ran.
    package var rulesThatRan: Set<String>?

    package init(
        configuration: LintConfiguration = LintConfiguration(), selection: RuleSelection = RuleSelection(),
        baseline: Baseline? = nil, failOn: Severity = .error, rulesThatRan: Set<String>? = nil
    ) {
        self.configuration = configuration
        self.selection = selection
        self.baseline = baseline
        self.failOn = failOn
        self.rulesThatRan = rulesThatRan
    }

    /// The findings of one file, with the file's suppressions applied. `root` is the parsed
    /// document, for `Metadata` suppressions.
    package func settle(fileFindings findings: [Finding], text: [UInt8], root: Node?, displayPath: String)
        -> [Finding]
    {
        let (suppressions, problems) = Suppressions.find(in: text, root: root, displayPath: displayPath)
        let selected = (findings + problems).filter { selection.includes($0.ruleId) }
        let adjusted = selected.map { finding in
            var result = finding
            if let severity = configuration.severity(forRule: finding.ruleId) { result.severity = severity }
            return result
        }
        let review = Suppressions.review(suppressions, findings: adjusted, rulesThatRan: rulesThatRan)
        return Suppressions.apply(suppressions, to: adjusted) + review.filter { selection.includes($0.ruleId) }
    }

    /// Builds the report: fingerprints from the files' text, and the baseline match.
    package func report(
        findings: [Finding], sources: [String: [UInt8]], files: [String], diagnostics: [Diagnostic],
        descriptors: [RuleDescriptor] = GateRules.allDescriptors
    ) -> LintReport {
        let fingerprinted = FindingFingerprints.assign(to: findings) { sources[$0] }
        let baselined = Set(fingerprinted.filter { baseline?.contains($0) ?? false }.compactMap(\.fingerprint))
        return LintReport(
            findings: fingerprinted, baselinedFingerprints: baselined, failOn: failOn, descriptors: descriptors,
            files: files, diagnostics: diagnostics)
    }
}
