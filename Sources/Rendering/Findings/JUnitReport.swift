import Diagnostics
import PolicyLint

/// `--format junit`: JUnit XML with one `testsuite` per file (or per function for `check`).
/// Each finding is a `testcase`: failing at or above `--fail-on`, skipped when suppressed or
/// in the baseline, passing otherwise. A suite without findings has one passing case, so CI
/// lists the clean files too.
package enum JUnitReport {
    package enum Grouping: Sendable {
        case file
        /// By the finding's subject (a function's logical id), and by file for findings without
        /// one.
        case subject
    }

    package static func render(_ report: LintReport, grouping: Grouping, suiteNames: [String] = []) -> String {
        var suites: [String: [Finding]] = [:]
        for name in suiteNames + (grouping == .file ? report.files : []) { suites[name] = suites[name] ?? [] }
        for finding in report.findings {
            let name = grouping == .subject ? (finding.subject ?? finding.location.file) : finding.location.file
            suites[name, default: []].append(finding)
        }
        let names = suites.keys.sorted()
        let failures = report.failingCount
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let total = names.reduce(0) { $0 + max(suites[$1]?.count ?? 0, 1) }
        xml += "<testsuites name=\"minrole\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"0\">\n"
        for name in names { xml += suite(name, findings: suites[name] ?? [], report: report) }
        xml += "</testsuites>\n"
        return xml
    }

    private static func suite(_ name: String, findings: [Finding], report: LintReport) -> String {
        let failures = findings.count(where: report.isFailing)
        let skipped = findings.count { $0.isSuppressed || report.isBaselined($0) }
        let escapedName = XMLText.escaped(name)
        var xml = "  <testsuite name=\"\(escapedName)\" tests=\"\(max(findings.count, 1))\""
        xml += " failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
        if findings.isEmpty {
            xml += "    <testcase classname=\"\(escapedName)\" name=\"no findings\"/>\n"
        }
        for finding in findings { xml += testCase(finding, suite: escapedName, report: report) }
        xml += "  </testsuite>\n"
        return xml
    }

    private static func testCase(_ finding: Finding, suite: String, report: LintReport) -> String {
        let name = "\(finding.ruleId) \(finding.location): \(finding.message)"
        var xml = "    <testcase classname=\"\(suite)\" name=\"\(XMLText.escaped(name))\""
        if let reason = finding.suppression {
            xml += ">\n      <skipped message=\"\(XMLText.escaped("suppressed: " + reason))\"/>\n    </testcase>\n"
        } else if report.isBaselined(finding) {
            xml += ">\n      <skipped message=\"in the baseline\"/>\n    </testcase>\n"
        } else if report.isFailing(finding) {
            let line = FindingsText.line(for: finding, in: report)
            xml += ">\n      <failure type=\"\(XMLText.escaped(finding.ruleId))\""
            xml += " message=\"\(XMLText.escaped(finding.message))\">\(XMLText.escaped(line))</failure>\n"
            xml += "    </testcase>\n"
        } else {
            xml += "/>\n"
        }
        return xml
    }
}

/// Escaping for XML 1.0 text and attribute values.
package enum XMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, writes tab, line feed and carriage return as
    /// character references (so attribute values keep them), and replaces characters XML 1.0
    /// cannot hold (other control characters, U+FFFE, U+FFFF) with U+FFFD.
    package static func escaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t": output += "&#9;"
            case "\n": output += "&#10;"
            case "\r": output += "&#13;"
            case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
