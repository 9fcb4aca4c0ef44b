import Diagnostics
import Testing

@testable import PolicyLint

@Suite struct GateConfigurationTests {
    let known: Set<String> = ["MR101", "MR205", "MR401"]

    func read(_ text: String) -> (LintConfiguration, [Diagnostic]) {
        let sink = DiagnosticSink()
        let configuration = LintConfiguration.read(
            bytes: Array(text.utf8), displayPath: ".minrole.yaml", knownRuleIds: known, diagnostics: sink)
        return (configuration, sink.diagnostics)
    }

    @Test func readsEverySection() {
        let (configuration, diagnostics) = read(
            """
            rules:
              MR101: off
              MR205: warning
              MR401: on
            ignore:
              - generated/**
              - "*.bak.json"
            fail-on: note
            check:
              tolerance: 3
            """)
        #expect(diagnostics.isEmpty)
        #expect(configuration.rules["MR101"] == .off)
        #expect(configuration.severity(forRule: "MR205") == .warning)
        #expect(configuration.enabledRules == ["MR205", "MR401"])
        #expect(configuration.disabledRules == ["MR101"])
        #expect(configuration.ignoredPaths == ["generated/**", "*.bak.json"])
        #expect(configuration.failOn == .note)
        #expect(configuration.checkTolerance == 3)
    }

    @Test func emptyFileIsDefault() {
        let (configuration, diagnostics) = read("# nothing set yet\n")
        #expect(configuration == LintConfiguration())
        #expect(diagnostics.isEmpty)
    }

    @Test func unknownKeyNamesLineAndSuggestion() throws {
        let (_, diagnostics) = read("rules: {}\nfail_on: error\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.code == .unknownConfigurationKey)
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.message.contains("did you mean 'fail-on'"))
    }

    @Test(arguments: [
        ("rules: [MR101]\n", 1),
        ("rules:\n  MR101: sometimes\n", 2),
        ("fail-on: fatal\n", 1),
        ("check:\n  tolerance: -1\n", 2),
        ("check:\n  tolerance: \"2\"\n", 2),
        ("check:\n  tolerance: 99999999999999999999\n", 2),
        ("ignore: {a: b}\n", 1),
        ("ignore:\n  - ''\n", 2),
    ])
    func invalidValueIsError(text: String, line: Int) throws {
        let (_, diagnostics) = read(text)
        let diagnostic = try #require(diagnostics.first { $0.severity == .error })
        #expect(diagnostic.code == .invalidConfigurationValue)
        #expect(diagnostic.location?.line == line)
    }

    @Test func unknownRuleIdIsWarning() throws {
        let (configuration, diagnostics) = read("rules:\n  MR102: off\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.code == .unknownRuleId)
        #expect(diagnostic.message.contains("MR101"))
        #expect(configuration.disabledRules == ["MR102"])
    }

    @Test(arguments: [
        "{{{{ not yaml", "rules: [unclosed\n", "\u{0}\u{1}binary", "- just\n- a list\n", "\"a string\"\n",
        "key: \"\u{FFFF}tab\there\n",
    ])
    func notAConfigurationIsError(text: String) throws {
        let (configuration, diagnostics) = read(text)
        #expect(diagnostics.contains { $0.severity == .error })
        #expect(configuration == LintConfiguration())
    }

    @Test(arguments: [
        ("generated/**", "generated/a/policy.json", true),
        ("generated/**", "src/generated/policy.json", false),
        ("*.bak.json", "deep/folder/x.bak.json", true),
        ("*.bak.json", "x.json", false),
        ("/policies/*.json", "policies/a.json", true),
        ("policies/*.json", "policies/sub/a.json", false),
        ("policies/**/*.json", "policies/sub/deeper/a.json", true),
        ("vendor", "vendor/lib/template.yaml", true),
        ("**/tmp/**", "a/tmp/b/c.json", true),
    ])
    func ignoreGlobMatches(glob: String, path: String, isIgnored: Bool) {
        #expect(LintConfiguration(ignoredPaths: [glob]).isIgnored(path) == isIgnored)
    }
}
