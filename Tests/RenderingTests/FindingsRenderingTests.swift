import Diagnostics
import Documents
import PolicyLint
import Testing

@testable import Rendering

@Suite struct FindingsRenderingTests {
    static let rule = RuleDescriptor(
        id: "MR201", name: "star-resource", title: "Star resource", rationale: "Too broad.", help: "Narrow it.",
        severity: .error, category: .security, securitySeverity: 7.5)
    static let tool = ToolInfo(version: "9.9.9", informationUri: "https://example.com/minrole")

    static func report(failOn: Severity = .error, baselined: Set<String> = []) -> LintReport {
        let findings = [
            Finding(
                ruleId: "MR201", severity: .error, message: "grants <everything> & \"more\"",
                location: SourceLocation(file: "my templates/t.yaml", line: 4, column: 7),
                endLocation: SourceLocation(file: "my templates/t.yaml", line: 4, column: 20), subject: "Fn",
                fingerprint: "aaaa"),
            Finding(
                ruleId: "MR201", severity: .error, message: "accepted one",
                location: SourceLocation(file: "my templates/t.yaml", line: 9, column: 3), suppression: "reviewed",
                fingerprint: "bbbb"),
            Finding(
                ruleId: "MR777", severity: .warning, message: "unknown rule\u{1}",
                location: SourceLocation(file: "p.json"), fingerprint: "cccc"),
        ]
        return LintReport(
            findings: findings, baselinedFingerprints: baselined, failOn: failOn, descriptors: [rule],
            files: ["clean.json", "my templates/t.yaml", "p.json"])
    }

    func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(bytes: Array(text.utf8))
    }

    @Test func textLinesAndSummary() {
        let text = FindingsText.render(Self.report(), command: "lint")
        #expect(text.contains("my templates/t.yaml:4:7: error: grants <everything> & \"more\" [MR201]\n"))
        #expect(text.contains("[MR201] (suppressed: reviewed)"))
        #expect(
            text.hasSuffix(
                "minrole lint: 2 findings (1 error, 1 warning, 0 notes), 1 suppressed, 0 in the baseline; 1 at or above error\n"
            ))
    }

    @Test func jsonCarriesEveryField() throws {
        let json = try parse(FindingsJSON.render(Self.report(failOn: .warning), tool: Self.tool))
        #expect(json["schemaVersion"]?.integer == 1)
        #expect(json["summary"]?["failing"]?.integer == 2)
        let first = try #require(json["findings"]?.array?.first)
        #expect(first["ruleId"]?.string == "MR201")
        #expect(first["ruleName"]?.string == "star-resource")
        #expect(first["span"]?["end"]?["column"]?.integer == 20)
        #expect(first["subject"]?.string == "Fn")
        #expect(first["fingerprint"]?.string == "aaaa")
        #expect(first["suppression"]?.isNull == true)
        let second = try #require(json["findings"]?.array?[1])
        #expect(second["suppression"]?["reason"]?.string == "reviewed")
    }

    @Test func sarifRunShape() throws {
        let text = SARIFReport.render(Self.report(), tool: Self.tool, root: "/work/proj", hasBaseline: true)
        let json = try parse(text)
        #expect(json["version"]?.string == "2.1.0")
        let run = try #require(json["runs"]?.array?.first)
        let driver = try #require(run["tool"]?["driver"])
        #expect(driver["informationUri"]?.string == "https://example.com/minrole")
        let rules = try #require(driver["rules"]?.array)
        #expect(rules.map { $0["id"]?.string } == ["MR201", "MR777"])
        #expect(rules[0]["properties"]?["security-severity"]?.string == "7.5")
        #expect(rules[0]["properties"]?["tags"]?.array?.first?.string == "security")
        // The SARIF schema requires the tags of a rule to be unique.
        #expect(rules[0]["properties"]?["tags"]?.array?.compactMap(\.string) == ["security"])
        #expect(rules[0]["defaultConfiguration"]?["level"]?.string == "error")
        #expect(rules[0]["help"]?["markdown"]?.string?.contains("**Star resource**") == true)
        #expect(run["originalUriBaseIds"]?["SRCROOT"]?["uri"]?.string == "file:///work/proj/")
    }

    @Test func sarifResultFields() throws {
        let text = SARIFReport.render(Self.report(), tool: Self.tool, root: "/work/proj", hasBaseline: true)
        let results = try #require(try parse(text)["runs"]?.array?.first?["results"]?.array)
        #expect(results.count == 3)
        let first = results[0]
        #expect(first["ruleIndex"]?.integer == 0)
        #expect(first["level"]?.string == "error")
        #expect(first["baselineState"]?.string == "new")
        let physical = try #require(first["locations"]?.array?.first?["physicalLocation"])
        #expect(physical["artifactLocation"]?["uri"]?.string == "my%20templates/t.yaml")
        #expect(physical["artifactLocation"]?["uriBaseId"]?.string == "SRCROOT")
        #expect(physical["region"]?["startLine"]?.integer == 4)
        #expect(physical["region"]?["startColumn"]?.integer == 7)
        #expect(physical["region"]?["endLine"]?.integer == 4)
        #expect(physical["region"]?["endColumn"]?.integer == 20)
        #expect(first["partialFingerprints"]?["minrole/v1"]?.string == "aaaa")
        #expect(results[1]["suppressions"]?.array?.first?["justification"]?.string == "reviewed")
        #expect(results[2]["ruleIndex"]?.integer == 1)
        let wholeFile = try #require(results[2]["locations"]?.array?.first?["physicalLocation"]?["region"])
        #expect(wholeFile["startLine"]?.integer == 1)
        #expect(wholeFile["startColumn"] == nil)
    }

    @Test func junitEscapesAndCounts() {
        let xml = JUnitReport.render(Self.report(), grouping: .file)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        #expect(xml.contains("<testsuites name=\"minrole\" tests=\"4\" failures=\"1\" errors=\"0\">"))
        #expect(xml.contains("<testsuite name=\"clean.json\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">"))
        #expect(xml.contains("message=\"grants &lt;everything&gt; &amp; &quot;more&quot;\""))
        #expect(xml.contains("<skipped message=\"suppressed: reviewed\"/>"))
        #expect(xml.contains("unknown rule\u{FFFD}"))
        #expect(!xml.contains("\u{1}"))
        #expect(!xml.contains("<everything>"))
    }

    @Test func junitGroupsBySubject() {
        let xml = JUnitReport.render(Self.report(), grouping: .subject, suiteNames: ["Fn", "Other"])
        #expect(xml.contains("<testsuite name=\"Fn\" tests=\"1\" failures=\"1\""))
        #expect(xml.contains("<testsuite name=\"Other\" tests=\"1\" failures=\"0\""))
    }

    @Test(arguments: [
        ("a&b", "a&amp;b"), ("<x y='1'>", "&lt;x y=&apos;1&apos;&gt;"), ("tab\tnew\nline", "tab&#9;new&#10;line"),
        ("\u{0}\u{7}\u{FFFE}", "\u{FFFD}\u{FFFD}\u{FFFD}"), ("ünïcödé 🚫", "ünïcödé 🚫"),
    ])
    func xmlEscaping(input: String, expected: String) {
        #expect(XMLText.escaped(input) == expected)
    }
}
