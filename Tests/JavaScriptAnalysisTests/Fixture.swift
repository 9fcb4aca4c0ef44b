import Diagnostics
import IAMCatalog
import SourceAnalysis
import TestSupport
import Testing

@testable import JavaScriptAnalysis

/// A Node.js project written to a fresh temporary folder, analyzed from one handler.
struct Fixture {
    let project: TemporaryProject

    init(_ files: [String: String]) { project = TemporaryProject(files: files) }

    init(app source: String, file: String = "app.mjs") { self.init([file: source]) }

    func analyze(handler: String = "app.handler") -> (result: AnalysisResult, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        let entry = HandlerEntry(
            codeRoot: project.root, handler: handler, runtime: "nodejs20.x",
            declaredAt: SourceLocation(file: "template.yaml", line: 7, column: 16))
        let result = JavaScriptAnalyzer().analyze(entry, rootForDisplay: project.root, diagnostics: sink)
        return (result, sink.diagnostics)
    }
}

/// True when the embedded catalog has SDK data, which the SDK recognition tests need.
let catalogIsAvailable = Catalog.shared.client(named: "s3") != nil

extension AnalysisResult {
    func calls(_ operation: String) -> [SDKCall] { calls.filter { $0.operation == operation } }

    /// Calls as `client:Operation`, sorted, for compact expectations.
    var summary: [String] { calls.map { "\($0.client):\($0.operation)" }.sorted() }
}

extension [Diagnostic] {
    func with(_ code: DiagnosticCode) -> [Diagnostic] { filter { $0.code == code } }
    var errors: [Diagnostic] { filter { $0.severity == .error } }
}

/// Tokens of a source text as kind and text pairs, for compact expectations.
func tokens(of source: String, allowsJSX: Bool = true) -> [(TokenKind, String)] {
    let file = TokenizedFile(bytes: Array(source.utf8), allowsJSX: allowsJSX)
    return file.tokens.dropLast().map { ($0.kind, file.text(of: $0)) }
}
