import Diagnostics
import Documents
import PolicyLint

/// `--format json`: `{"schemaVersion": 1, "tool": ..., "failOn": ..., "summary": ...,
/// "findings": [...], "diagnostics": [...]}`. A span's end is `null` when it is not known.
package enum FindingsJSON {
    package static let schemaVersion: Int64 = 1

    package static func render(_ report: LintReport, tool: ToolInfo) -> String {
        let active = report.findings.filter { !$0.isSuppressed }
        var counts = JSONObject()
        for severity in Severity.allCases.reversed() {
            counts[severity.rawValue] = .integer(Int64(active.count(where: { $0.severity == severity })))
        }
        counts["suppressed"] = .integer(Int64(report.findings.count(where: \.isSuppressed)))
        counts["inBaseline"] = .integer(Int64(active.count(where: report.isBaselined)))
        counts["failing"] = .integer(Int64(report.failingCount))
        let document: JSONValue = [
            "schemaVersion": .integer(schemaVersion),
            "tool": ["name": .string(tool.name), "version": .string(tool.version)],
            "failOn": .string(report.failOn.rawValue),
            "summary": .object(counts),
            "findings": .array(report.findings.map { value(for: $0, in: report) }),
            "diagnostics": .array(report.diagnostics.map(value(for:))),
        ]
        return document.jsonText() + "\n"
    }

    private static func value(for finding: Finding, in report: LintReport) -> JSONValue {
        let suppression: JSONValue = finding.suppression.map { ["reason": .string($0)] } ?? .null
        return [
            "ruleId": .string(finding.ruleId),
            "ruleName": report.descriptor(forRule: finding.ruleId).map { .string($0.name) } ?? .null,
            "severity": .string(finding.severity.rawValue),
            "message": .string(finding.message),
            "span": span(finding),
            "subject": finding.subject.map(JSONValue.string) ?? .null,
            "fingerprint": finding.fingerprint.map(JSONValue.string) ?? .null,
            "suppression": suppression,
            "inBaseline": .bool(report.isBaselined(finding)),
            "failing": .bool(report.isFailing(finding)),
        ]
    }

    private static func span(_ finding: Finding) -> JSONValue {
        let end: JSONValue =
            finding.endLocation.map { ["line": .integer(Int64($0.line)), "column": .integer(Int64($0.column))] }
            ?? .null
        return [
            "path": .string(finding.location.file),
            "start": [
                "line": .integer(Int64(finding.location.line)), "column": .integer(Int64(finding.location.column)),
            ],
            "end": end,
        ]
    }

    private static func value(for diagnostic: Diagnostic) -> JSONValue {
        var object = JSONObject([
            ("severity", .string(diagnostic.severity.rawValue)), ("code", .string(diagnostic.code.rawValue)),
            ("message", .string(diagnostic.message)),
        ])
        if let location = diagnostic.location {
            object["path"] = .string(location.file)
            object["line"] = .integer(Int64(location.line))
            object["column"] = .integer(Int64(location.column))
        }
        if !diagnostic.notes.isEmpty { object["notes"] = .array(diagnostic.notes.map(JSONValue.string)) }
        return .object(object)
    }
}
