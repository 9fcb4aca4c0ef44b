import Diagnostics
import Testing

@testable import PolicyLint

@Suite struct GateBaselineTests {
    func read(_ text: String) -> (Baseline?, [Diagnostic]) {
        let sink = DiagnosticSink()
        let baseline = Baseline.read(bytes: Array(text.utf8), displayPath: "baseline.json", diagnostics: sink)
        return (baseline, sink.diagnostics)
    }

    @Test func writtenBaselineReadsBack() throws {
        var findings = [
            Finding(ruleId: "MR101", severity: .error, message: "a", location: SourceLocation(file: "t.yaml", line: 3)),
            Finding(
                ruleId: "MR102", severity: .warning, message: "b", location: SourceLocation(file: "t.yaml", line: 9)),
            Finding(
                ruleId: "MR103", severity: .error, message: "c", location: SourceLocation(file: "t.yaml", line: 12),
                suppression: "accepted"),
        ]
        findings = FindingFingerprints.assign(to: findings) { _ in Array("x\ny\nz\n".utf8) }
        let text = Baseline.text(for: findings)
        #expect(text.contains("\"schemaVersion\": 1"))
        let (baseline, diagnostics) = read(text)
        #expect(diagnostics.isEmpty)
        let fingerprints = try #require(baseline?.fingerprints)
        #expect(fingerprints == Set(findings.prefix(2).compactMap(\.fingerprint)))
        #expect(baseline?.contains(findings[0]) == true)
        #expect(baseline?.contains(findings[2]) == false)
    }

    @Test(arguments: [
        "", "not json", "{\"schemaVersion\": 1, \"findings\": [", "[1, 2]", "{\"findings\": []}",
        "{\"schemaVersion\": \"1\", \"findings\": []}", "{\"schemaVersion\": 1}",
        "{\"schemaVersion\": 1, \"findings\": [{\"ruleId\": \"MR101\"}]}",
        "{\"schemaVersion\": 1, \"findings\": [{\"fingerprint\": 12}]}", "schemaVersion: 1\nfindings: []\n",
        "\u{FEFF}\u{0}\u{0}",
    ])
    func invalidBaselineIsError(text: String) throws {
        let (baseline, diagnostics) = read(text)
        #expect(baseline == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.code == .baselineUnreadable)
        #expect(diagnostic.message.contains("--write-baseline"))
    }

    @Test func newerVersionIsError() {
        let (baseline, diagnostics) = read("{\"schemaVersion\": 2, \"findings\": []}")
        #expect(baseline == nil)
        #expect(diagnostics.first?.code == .baselineVersionUnsupported)
    }

    @Test func gateFailsOnlyOnNewFindings() {
        let old = Finding(
            ruleId: "MR101", severity: .error, message: "old", location: SourceLocation(file: "a", line: 1))
        let new = Finding(
            ruleId: "MR101", severity: .error, message: "new", location: SourceLocation(file: "b", line: 1))
        let sources = ["a": Array("one\n".utf8), "b": Array("two\n".utf8)]
        let first = LintGate().report(findings: [old], sources: sources, files: ["a"], diagnostics: [])
        let baseline = Baseline(fingerprints: Set(first.findings.compactMap(\.fingerprint)))
        let report = LintGate(baseline: baseline).report(
            findings: [old, new], sources: sources, files: ["a", "b"], diagnostics: [])
        #expect(report.failingCount == 1)
        #expect(report.findings.filter(report.isFailing).map(\.message) == ["new"])
    }
}
