import Diagnostics
import Documents

/// One suppression written in a file: a `# minrole:ignore` comment or an entry of a
/// resource's `Metadata.minrole.suppress`.
package struct Suppression: Hashable, Sendable {
    package enum Scope: Hashable, Sendable {
        /// Findings that start on one of these lines.
        case lines(ClosedRange<Int>)
        /// Findings inside a resource: from its start up to its end, or with its logical id as
        /// the subject.
        case resource(logicalId: String, start: SourceLocation, end: SourceLocation?)
    }

    package var ruleIds: [String]
    package var reason: String
    package var location: SourceLocation
    package var scope: Scope

    func applies(to finding: Finding) -> Bool {
        guard finding.location.file == location.file, ruleIds.contains(finding.ruleId) else { return false }
        switch scope {
        case .lines(let lines):
            return lines.contains(finding.location.line)
        case .resource(let logicalId, let start, let end):
            if finding.subject == logicalId { return true }
            guard finding.location >= start else { return false }
            return end.map { finding.location < $0 } ?? (finding.location.line == start.line)
        }
    }
}

/// Finds suppressions in a file and applies them to the file's findings.
package enum Suppressions {
    /// Returns the suppressions written in a file, and a finding for each one that names no
    /// rule or gives no reason (those suppress nothing). `root` is the parsed document, when
    /// the file is YAML or JSON that parsed; only YAML files are scanned for comments.
    package static func find(
        in bytes: [UInt8], root: Node?, displayPath: String
    ) -> (suppressions: [Suppression], findings: [Finding]) {
        var result: [Suppression] = []
        var findings: [Finding] = []
        let isJSON = displayPath.lowercased().hasSuffix(".json")
        let comments = isJSON ? [] : SuppressionComment.scan(bytes, displayPath: displayPath)
        let spans = comments.contains { $0.coversNextLine } ? NodeSpans(root: root, text: bytes) : nil
        for comment in comments {
            if let problem = comment.problem {
                findings.append(invalidSuppression(problem, at: comment.location))
                continue
            }
            var suppression = comment.suppression
            // A comment alone on its line covers the whole node that starts on the next line.
            let next = comment.location.line + 1
            if comment.coversNextLine, let last = spans?.lastLine(ofNodeStartingOn: next) {
                suppression.scope = .lines(next...last)
            }
            result.append(suppression)
        }
        let (metadata, problems) = MetadataSuppressions.read(root, displayPath: displayPath)
        result += metadata
        findings += problems
        return (result, findings)
    }

    /// Marks each finding that a suppression covers with the suppression's reason.
    package static func apply(_ suppressions: [Suppression], to findings: [Finding]) -> [Finding] {
        guard !suppressions.isEmpty else { return findings }
        return findings.map { finding in
            var result = finding
            if result.suppression == nil, let match = suppressions.first(where: { $0.applies(to: finding) }) {
                result.suppression = match.reason
            }
            return result
        }
    }

    static func invalidSuppression(_ problem: String, at location: SourceLocation) -> Finding {
        let rule = GateRules.suppressionWithoutReason
        return Finding(
            ruleId: rule.id, severity: rule.severity,
            message: "\(problem); the suppression is ignored until it names a rule and gives a reason",
            location: location)
    }
}

/// `Metadata: {minrole: {suppress: [{rule: MR123, reason: "..."}]}}` on template resources.
enum MetadataSuppressions {
    static func read(_ root: Node?, displayPath: String) -> (suppressions: [Suppression], findings: [Finding]) {
        var suppressions: [Suppression] = []
        var findings: [Finding] = []
        for resource in root?["Resources"]?.mapping ?? [] {
            guard let logicalId = resource.key.scalar, let entries = resource.value["Metadata"]?["minrole"]?["suppress"]
            else { continue }
            let scope = Suppression.Scope.resource(
                logicalId: logicalId, start: resource.key.location, end: resource.value.endLocation)
            for entry in entries.sequence ?? [entries] {
                let rules = (entry["rule"]?.sequence ?? entry["rule"].map { [$0] } ?? []).compactMap(\.scalar)
                let reason = entry["reason"]?.scalar?.trimmingWhiteSpace ?? ""
                if rules.isEmpty || rules.contains(where: \.isEmpty) {
                    findings.append(
                        Suppressions.invalidSuppression(
                            "the suppression in the Metadata of \(logicalId) names no rule", at: entry.location))
                } else if reason.isEmpty {
                    findings.append(
                        Suppressions.invalidSuppression(
                            "the suppression of \(rules.joined(separator: ", ")) in the Metadata of \(logicalId) gives no reason",
                            at: entry.location))
                } else {
                    suppressions.append(
                        Suppression(ruleIds: rules, reason: reason, location: entry.location, scope: scope))
                }
            }
        }
        return (suppressions, findings)
    }
}

extension String {
    var trimmingWhiteSpace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
