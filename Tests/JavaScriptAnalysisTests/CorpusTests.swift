import Diagnostics
import SourceAnalysis
import Testing

@testable import JavaScriptAnalysis

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Analyzes every JavaScript or TypeScript file named in the list file at
/// `MINROLE_JAVASCRIPT_CORPUS` (one absolute path a line) as a handler module, to check that
/// real code of any kind ends without a crash. It runs only when the variable is set.
@Suite struct CorpusTests {
    static let listPath = getenv("MINROLE_JAVASCRIPT_CORPUS").map { String(cString: $0) }

    @Test(.enabled(if: listPath != nil)) func corpusAnalysisEnds() {
        let paths = readList(CorpusTests.listPath ?? "")
        var calls = 0
        var diagnosticCount = 0
        var codes: [String: Int] = [:]
        let start = ContinuousClock.now
        for path in paths {
            guard let slash = path.lastIndex(of: "/"), let dot = path.lastIndex(of: "."), dot > slash else { continue }
            let folder = String(path[..<slash])
            let name = String(path[path.index(after: slash)..<dot])
            let sink = DiagnosticSink()
            let entry = HandlerEntry(
                codeRoot: folder, handler: name + ".handler", runtime: "nodejs20.x", declaredAt: nil)
            calls += JavaScriptAnalyzer().analyze(entry, rootForDisplay: folder, diagnostics: sink).calls.count
            diagnosticCount += sink.diagnostics.count
            for diagnostic in sink.diagnostics { codes[diagnostic.code.rawValue, default: 0] += 1 }
        }
        print(
            "analyzed \(paths.count) files: \(calls) calls, \(diagnosticCount) diagnostics in \(ContinuousClock.now - start)"
        )
        print("diagnostics by code: \(codes.sorted { $0.key < $1.key })")
        #expect(!paths.isEmpty)
    }

    private func readList(_ path: String) -> [String] {
        guard let file = fopen(path, "r") else { return [] }
        defer { fclose(file) }
        var lines: [String] = []
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let trimmed = line.hasSuffix("\n") ? String(line.dropLast()) : line
            if !trimmed.isEmpty { lines.append(trimmed) }
        }
        return lines
    }
}
