import Diagnostics
import PolicyLint

/// `--format text`: one line per finding in compiler form, suppressed and baselined findings
/// marked, then a summary line.
package enum FindingsText {
    package static func render(_ report: LintReport, command: String) -> String {
        var text = ""
        for finding in report.findings { text += line(for: finding, in: report) + "\n" }
        text += "minrole \(command): \(report.summary)\n"
        return text
    }

    package static func line(for finding: Finding, in report: LintReport) -> String {
        var line = "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleId)]"
        if let reason = finding.suppression {
            line += " (suppressed: \(reason))"
        } else if report.isBaselined(finding) {
            line += " (in the baseline)"
        }
        return line
    }
}
