import Diagnostics
import Documents
import PolicyLint

/// `--format sarif`: one SARIF 2.1.0 run that GitHub code scanning accepts. Paths are relative
/// to the scanned folder under the `SRCROOT` base id. Fingerprints go to `partialFingerprints`
/// and suppressions to `suppressions`. With a baseline, each result gets a `baselineState`.
package enum SARIFReport {
    package static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    package static let rootBaseId = "SRCROOT"

    /// `root` is the absolute path of the scanned folder, written as the base id's file URI.
    package static func render(_ report: LintReport, tool: ToolInfo, root: String?, hasBaseline: Bool) -> String {
        let rules = SARIFRules(report: report)
        var run = JSONObject()
        run["tool"] = [
            "driver": [
                "name": .string(tool.name), "version": .string(tool.version), "semanticVersion": .string(tool.version),
                "informationUri": .string(tool.informationUri),
                "rules": .array(rules.descriptors.map(SARIFRules.value)),
            ]
        ]
        if let root, root.hasPrefix("/") {
            let folder = root.hasSuffix("/") ? root : root + "/"
            run["originalUriBaseIds"] = [rootBaseId: ["uri": .string("file://" + URIText.percentEncoded(folder))]]
        }
        run["columnKind"] = "unicodeCodePoints"
        run["results"] = .array(
            report.findings.map { result(for: $0, in: report, rules: rules, hasBaseline: hasBaseline) })
        let document: JSONValue = [
            "$schema": .string(schemaURI), "version": "2.1.0", "runs": [.object(run)],
        ]
        return document.jsonText() + "\n"
    }

    private static func result(for finding: Finding, in report: LintReport, rules: SARIFRules, hasBaseline: Bool)
        -> JSONValue
    {
        var result = JSONObject()
        result["ruleId"] = .string(finding.ruleId)
        result["ruleIndex"] = .integer(Int64(rules.index(of: finding.ruleId)))
        result["level"] = .string(level(finding.severity))
        result["message"] = ["text": .string(finding.message)]
        result["locations"] = [location(of: finding)]
        if let fingerprint = finding.fingerprint {
            result["partialFingerprints"] = [FindingFingerprints.sarifKey: .string(fingerprint)]
        }
        if let reason = finding.suppression {
            result["suppressions"] = [["kind": "inSource", "status": "accepted", "justification": .string(reason)]]
        }
        if hasBaseline { result["baselineState"] = report.isBaselined(finding) ? "unchanged" : "new" }
        if let subject = finding.subject { result["properties"] = ["subject": .string(subject)] }
        return .object(result)
    }

    private static func location(of finding: Finding) -> JSONValue {
        var physical = JSONObject()
        physical["artifactLocation"] = [
            "uri": .string(URIText.percentEncoded(finding.location.file)), "uriBaseId": .string(rootBaseId),
        ]
        if let region = region(of: finding) { physical["region"] = .object(region) }
        return ["physicalLocation": .object(physical)]
    }

    /// Returns the region, with the end clamped so it never precedes the start. A finding about a whole
    /// file points at its first line; one about a whole line gives no columns.
    private static func region(of finding: Finding) -> JSONObject? {
        let start = finding.location
        var region = JSONObject()
        let startLine = max(start.line, 1)
        region["startLine"] = .integer(Int64(startLine))
        if start.column > 0 { region["startColumn"] = .integer(Int64(start.column)) }
        var endLine = startLine
        if let end = finding.endLocation, end.line >= startLine { endLine = end.line }
        region["endLine"] = .integer(Int64(endLine))
        if start.column > 0, let end = finding.endLocation, end.column > 0 {
            let sameLine = endLine == startLine
            if !sameLine || end.column > start.column { region["endColumn"] = .integer(Int64(end.column)) }
        }
        return region
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}

/// Percent-encoding for URI paths: bytes other than unreserved characters and `/` become
/// `%XX`.
enum URIText {
    static func percentEncoded(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            let isUnreserved =
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
            if isUnreserved {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return output
    }
}
