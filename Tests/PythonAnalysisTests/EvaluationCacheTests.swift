import SourceAnalysis
import Testing

@testable import PythonAnalysis

/// Values the evaluator keeps across passes: those that read parameters must follow call
/// sites found later, and the others must stay right.
@Suite struct EvaluationCacheTests {
    @Test func returnValueFollowsLaterCallSites() throws {
        let fixture = try Fixture(
            app: """
                import urllib.request

                def url(name):
                    return "http://localhost:2773/secretsmanager/get?secretId=" + name

                def handler(event, context):
                    urllib.request.urlopen(url("first"))
                    urllib.request.urlopen(url("second"))
                """)
        let (result, diagnostics) = fixture.analyze()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        // Each call site's request names one of the two secrets; the helper's result covers both.
        let secrets = Set(result.calls.compactMap { $0.arguments["SecretId"]?.literalValue })
        #expect(secrets == ["first", "second"])
        #expect(Set(result.calls.map(\.location.line)).count == 2)
    }

    @Test func valueWithoutParametersStaysKnown() throws {
        let fixture = try Fixture(
            app: """
                import urllib.request

                BASE = "http://localhost:2773/secretsmanager/get?secretId="

                def url(name):
                    return BASE + "fixed"

                def note(value):
                    return value

                def handler(event, context):
                    note(1)
                    urllib.request.urlopen(url("a"))
                    note(2)
                    urllib.request.urlopen(BASE + "direct")
                """)
        let (result, diagnostics) = fixture.analyze()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let secrets = result.calls.compactMap { $0.arguments["SecretId"]?.literalValue }
        #expect(secrets.sorted() == ["direct", "fixed"])
    }
}
