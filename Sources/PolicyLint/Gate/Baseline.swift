import Diagnostics
import Documents

/// The findings a team has accepted, keyed by fingerprint, so a gate fails only on new ones.
///
/// ```json
/// {"schemaVersion": 1, "tool": "minrole", "findings": [
///   {"fingerprint": "9f0c…", "ruleId": "MR101", "path": "template.yaml", "message": "…"}]}
/// ```
/// Only `fingerprint` decides a match. The other members help people who review the file.
package struct Baseline: Sendable, Equatable {
    package static let schemaVersion: Int64 = 1

    package var fingerprints: Set<String>

    package init(fingerprints: Set<String> = []) {
        self.fingerprints = fingerprints
    }

    package func contains(_ finding: Finding) -> Bool {
        finding.fingerprint.map(fingerprints.contains) ?? false
    }

    /// Reads a baseline file's text. Returns `nil` after reporting an error when the text is not
    /// JSON or not a baseline.
    package static func read(bytes: [UInt8], displayPath: String, diagnostics: DiagnosticSink) -> Baseline? {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes: bytes, displayPath: displayPath)
        } catch {
            diagnostics.report(
                .error, .baselineUnreadable,
                "baseline is not valid JSON: \(error.message); write it again with --write-baseline",
                at: error.location)
            return nil
        }
        let location = SourceLocation(file: displayPath)
        guard let version = value["schemaVersion"]?.integer else {
            diagnostics.report(
                .error, .baselineUnreadable,
                "baseline has no integer 'schemaVersion'; it is not a minrole baseline, so write one with --write-baseline",
                at: location)
            return nil
        }
        guard version == schemaVersion else {
            diagnostics.report(
                .error, .baselineVersionUnsupported,
                "baseline has schemaVersion \(version), but this minrole reads version \(schemaVersion); write it again with --write-baseline",
                at: location)
            return nil
        }
        guard let entries = value["findings"]?.array else {
            diagnostics.report(
                .error, .baselineUnreadable, "baseline has no 'findings' array; write it again with --write-baseline",
                at: location)
            return nil
        }
        var fingerprints = Set<String>()
        for (index, entry) in entries.enumerated() {
            guard let fingerprint = entry["fingerprint"]?.string, !fingerprint.isEmpty else {
                diagnostics.report(
                    .error, .baselineUnreadable,
                    "baseline entry \(index) has no 'fingerprint' string; write the baseline again with --write-baseline",
                    at: location)
                return nil
            }
            fingerprints.insert(fingerprint)
        }
        return Baseline(fingerprints: fingerprints)
    }

    /// Writes the baseline text for `findings`: every finding that has a fingerprint and is not
    /// suppressed, sorted by fingerprint so the file diffs cleanly.
    package static func text(for findings: [Finding]) -> String {
        var seen = Set<String>()
        var entries: [(String, JSONValue)] = []
        for finding in findings where !finding.isSuppressed {
            guard let fingerprint = finding.fingerprint, seen.insert(fingerprint).inserted else { continue }
            let entry: JSONValue = [
                "fingerprint": .string(fingerprint), "ruleId": .string(finding.ruleId),
                "path": .string(finding.location.file), "message": .string(finding.message),
            ]
            entries.append((fingerprint, entry))
        }
        entries.sort { $0.0 < $1.0 }
        let document: JSONValue = [
            "schemaVersion": .integer(schemaVersion), "tool": "minrole", "findings": .array(entries.map(\.1)),
        ]
        return document.jsonText() + "\n"
    }
}
