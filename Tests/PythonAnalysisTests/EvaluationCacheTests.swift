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
        #expect(result.calls.count == 2)
        for call in result.calls {
            let secret = try #require(call.arguments["SecretId"])
            #expect("\(secret)".contains("\"first\""))
            #expect("\(secret)".contains("\"second\""))
        }
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
