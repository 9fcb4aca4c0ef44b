import Diagnostics
import FoundationEssentials
import IAMCatalog
import SourceAnalysis
import Testing

@testable import PythonAnalysis

/// A Python project written to a fresh temporary folder, analyzed from one handler.
struct Fixture {
    let root: String

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.path + "/minrole-python-" + UUID().uuidString
        for (path, contents) in files {
            let full = root + "/" + path
            let folder = String(full[..<full.lastIndex(of: "/")!])
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    init(app source: String) throws { try self.init(["app.py": source]) }

    func analyze(handler: String = "app.handler") -> (result: AnalysisResult, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        let entry = HandlerEntry(
            codeRoot: root, handler: handler, runtime: "python3.12",
            declaredAt: SourceLocation(file: "template.yaml", line: 7, column: 16))
        let result = PythonAnalyzer().analyze(entry, rootForDisplay: root, diagnostics: sink)
        try? FileManager.default.removeItem(atPath: root)
        return (result, sink.diagnostics)
    }
}

/// True when the embedded catalog has SDK data, which the SDK recognition tests need.
let catalogIsAvailable = Catalog.shared.client(named: "s3") != nil

extension AnalysisResult {
    func calls(_ operation: String) -> [SDKCall] { calls.filter { $0.operation == operation } }
}

extension [Diagnostic] {
    func with(_ code: DiagnosticCode) -> [Diagnostic] { filter { $0.code == code } }
}

/// Tokens of a source text as kind and text pairs, for compact expectations.
func tokens(of source: String) -> [(TokenKind, String)] {
    let file = TokenizedFile(bytes: Array(source.utf8))
    return file.tokens.map { ($0.kind, file.text(of: $0)) }
}

/// The value of `v = source`, which must parse without problems.
func assignedValue(_ source: String) throws -> PythonAnalysis.Expression {
    let parsed = parse("v = \(source)\n")
    #expect(parsed.problems.isEmpty)
    let statement = try #require(parsed.statements.first)
    guard case .assignment(_, let value) = statement else {
        Issue.record("expected an assignment, got \(statement)")
        return .unparsed
    }
    return value
}

func parse(_ source: String) -> (statements: [Statement], problems: [SyntaxProblem]) {
    var parser = Parser(file: TokenizedFile(bytes: Array(source.utf8)))
    let statements = parser.parseModule()
    return (statements, parser.problems)
}

enum FileManagerLink {
    static func create(at path: String, pointingTo target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }
}
