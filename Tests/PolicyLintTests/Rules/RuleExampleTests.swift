import Diagnostics
import IAMCatalog
import PolicyLint
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One example of one rule, named for the test output.
struct RuleExampleCase: CustomTestStringConvertible, Sendable {
    var rule: any LintRule
    var index: Int
    var example: RuleExample

    var testDescription: String { "\(rule.descriptor.id) #\(index) \(example)" }

    static var all: [RuleExampleCase] {
        RuleRegistry.all.flatMap { rule in
            rule.examples.enumerated().map { RuleExampleCase(rule: rule, index: $0.offset, example: $0.element) }
        }
    }
}

/// Lints text with only `ruleId` enabled and returns its findings and the diagnostics.
func lint(_ text: String, kind: RuleExample.Kind, path: String = "policy.json", only ruleId: String? = nil)
    -> (findings: [Finding], diagnostics: [Diagnostic])
{
    let options = LintOptions(enabledRules: ruleId.map { [$0] })
    let linter = Linter(catalog: .shared, options: options)
    let sink = DiagnosticSink()
    let findings =
        switch kind {
        case .policy: linter.lintPolicyFile(path: path, text: Array(text.utf8), diagnostics: sink)
        case .template: linter.lintTemplate(path: path, text: Array(text.utf8), diagnostics: sink)
        }
    return (findings, sink.diagnostics)
}

/// Writes an example's files into a temporary folder and returns it with the template's path.
func exampleProject(_ example: RuleExample) -> (project: TemporaryProject?, path: String) {
    guard !example.files.isEmpty else { return (nil, "policy.json") }
    let project = TemporaryProject(files: [:])
    for (path, file) in example.files {
        switch file {
        case .text(let text): project.write(text, to: path)
        case .sparse(let bytes):
            project.write("", to: path)
            #expect(truncate(project.root + "/" + path, off_t(bytes)) == 0, "sparse file \(path)")
        }
    }
    return (project, project.root + "/template.yaml")
}

@Test(arguments: RuleExampleCase.all)
func ruleExample(_ testCase: RuleExampleCase) {
    let id = testCase.rule.descriptor.id
    let (project, path) = exampleProject(testCase.example)
    defer { withExtendedLifetime(project) {} }
    let result = lint(testCase.example.text, kind: testCase.example.kind, path: path, only: id)
    #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "diagnostics: \(result.diagnostics)")
    let own = result.findings.filter { $0.ruleId == id }
    #expect(own.count == testCase.example.expectedFindings, "findings: \(own.map(\.message))")
    #expect(result.findings.count == own.count, "only the enabled rule reports")
    for finding in own {
        #expect(finding.location.line > 0, "\(finding.message) has a line")
    }
}

@Test func everyRuleHasPassingAndFailingExamples() {
    for rule in RuleRegistry.all {
        #expect(rule.examples.contains { $0.expectedFindings == 0 }, "\(rule.descriptor.id) passing example")
        #expect(rule.examples.contains { $0.expectedFindings > 0 }, "\(rule.descriptor.id) failing example")
    }
}

@Test func ruleIdsAndNamesAreUnique() {
    let ids = RuleRegistry.descriptors.map(\.id)
    let names = RuleRegistry.descriptors.map(\.name)
    #expect(Set(ids).count == ids.count)
    #expect(Set(names).count == names.count)
    #expect(ids == ids.sorted(), "the registry lists rules in id order")
}

@Test func idsMatchCategories() {
    for descriptor in RuleRegistry.descriptors {
        let digit = descriptor.id.dropFirst(2).first
        switch descriptor.category {
        case .validity: #expect(digit == "1", "\(descriptor.id)")
        case .security:
            #expect(digit == "2", "\(descriptor.id)")
            #expect(descriptor.securitySeverity != nil, "\(descriptor.id) has a security severity")
        case .hygiene: #expect(digit == "3", "\(descriptor.id)")
        case .deployment:
            #expect(digit == "5", "\(descriptor.id)")
            #expect(!descriptor.isEnabledByDefault, "\(descriptor.id) is off for policy files")
        case .leastPrivilege: Issue.record("\(descriptor.id): least-privilege rules belong to the gate")
        }
    }
}

@Test func ruleDocumentListsEveryRule() throws {
    let testFile = #filePath
    let marker = try #require(testFile.firstRange(of: "/Tests/PolicyLintTests/"))
    let root = String(testFile[..<marker.lowerBound])
    let text = try #require(readTextFile(root + "/docs/lint-rules.md"), "docs/lint-rules.md is readable")
    for descriptor in RuleRegistry.descriptors {
        #expect(
            text.contains("| \(descriptor.id) | `\(descriptor.name)` | \(descriptor.severity.rawValue) |"),
            "docs/lint-rules.md lists \(descriptor.id) \(descriptor.name) as \(descriptor.severity.rawValue)")
    }
}

/// Reads a small text file; returns `nil` when it cannot be read.
func readTextFile(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count == 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}
