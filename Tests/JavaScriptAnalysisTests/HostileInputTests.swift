import Diagnostics
import SourceAnalysis
import Testing

@testable import JavaScriptAnalysis

@Suite struct HostileInputTests {
    private static let publish = """
        import { SNSClient, PublishCommand } from "@aws-sdk/client-sns";
        const sns = new SNSClient({});
        export const handler = async () => sns.send(new PublishCommand({ TopicArn: "t", Message: "m" }));
        """

    @Test(arguments: [
        ("unterminated template", "const a = `abc ${ x } def\n\n", "unterminated template literal"),
        ("unterminated regex", "const a = /abc\nconst b = 1;", "unterminated regular expression"),
        ("unterminated string", "const a = 'abc\nconst b = 1;", "unterminated string literal"),
        ("unterminated comment", "const a = 1; /* never closed", "unterminated block comment"),
        ("unterminated JSX", "const a = <div><span>text", "unterminated JSX element"),
        ("stray brace", "}}} const a = 1;", "'}' closes no open brace"),
    ])
    func reportsTokenProblem(name: String, source: String, message: String) throws {
        let (_, diagnostics) = Fixture(app: source, file: "app.jsx").analyze()
        let problem = try #require(diagnostics.with(.javaScriptInvalidSource).first, "\(diagnostics)")
        #expect(problem.message.hasPrefix(message))
        #expect(problem.location?.file == "app.jsx")
        #expect(problem.location?.line == 1)
    }

    @Test func deeplyNestedBracesEnd() {
        let depth = 100_000
        let source =
            "const a = " + String(repeating: "{a:[(", count: depth) + String(repeating: ")]}", count: depth)
            + ";\n" + Self.publish
        let (result, diagnostics) = Fixture(app: source).analyze()
        #expect(diagnostics.contains { $0.message.contains("nested too deeply") })
        #expect(result.summary == (catalogIsAvailable ? ["sns:Publish"] : []))
    }

    @Test func unclosedNestingEnds() {
        let source = String(repeating: "f(`${[{", count: 50_000)
        let (_, diagnostics) = Fixture(app: source).analyze()
        #expect(!diagnostics.isEmpty)
    }

    @Test func minifiedMultiMegabyteLineIsLinear() {
        let source = JavaScriptTokenizerThroughput.generatedSingleLine(bytes: 4 * 1024 * 1024)
        let start = ContinuousClock.now
        let file = TokenizedFile(bytes: source, allowsJSX: false)
        var parser = Parser(file: file, isTypeScript: true)
        _ = parser.parseProgram()
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(file.lineStarts.count == 1)
        #expect(file.tokens.count > source.count / 16)
    }

    @Test func invalidUTF8AndNulAreReported() {
        let project = Fixture(["app.js": ""])
        project.project.write(
            Array("exports.handler = () => '".utf8) + [0xFF, 0xFE] + Array("';\u{0}\n".utf8), to: "app.js")
        let (_, diagnostics) = project.analyze()
        let messages = diagnostics.with(.javaScriptInvalidSource).map(\.message)
        #expect(messages.contains { $0.contains("not valid UTF-8") })
        #expect(messages.contains { $0.contains("NUL byte") })
    }

    @Test(arguments: [
        ("ASCII", Array("const a = 'plain text';".utf8), false),
        ("two-byte and four-byte characters", Array("const a = 'café 😀 ü';".utf8), false),
        ("lone continuation byte after a long ASCII run", Array("const abcdefghijk = '".utf8) + [0x80, 0x27], true),
        ("truncated sequence at the end", Array("const a = 'é".utf8) + [0xC3], true),
        ("overlong encoding", Array("const a = '".utf8) + [0xC0, 0xAF, 0x27], true),
        ("encoded surrogate", Array("const a = '".utf8) + [0xED, 0xA0, 0x80, 0x27], true),
    ])
    func checksUTF8(name: String, bytes: [UInt8], isInvalid: Bool) {
        let file = TokenizedFile(bytes: bytes)
        #expect(file.problems.contains { $0.kind == .invalidUTF8 } == isInvalid)
    }

    @Test func syntaxErrorInCalledFunctionIsReported() throws {
        let source = """
            function broken() {
              const x = ;
            }
            function unused() {
              const y = ;
            }
            export const handler = async () => broken();
            """
        let (_, diagnostics) = Fixture(app: source).analyze()
        let problems = diagnostics.with(.javaScriptUnparsedCode)
        let problem = try #require(problems.first, "\(diagnostics)")
        #expect(problem.location?.line == 2)
        // A body is parsed when the function first runs, so code that never runs is not checked.
        #expect(problems.count == 1)
    }

    @Test func deeplyNestedFunctionBodiesEnd() {
        let depth = 20_000
        let source =
            "export const handler = async () => "
            + String(repeating: "(() => { return ", count: depth) + "1" + String(repeating: "; })()", count: depth)
            + ";\n"
        let start = ContinuousClock.now
        let (_, diagnostics) = Fixture(app: source).analyze()
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(diagnostics.errors.isEmpty)
    }

    @Test func minifiedBundleIsAnalyzed() {
        let bytes = JavaScriptTokenizerThroughput.generatedSingleLine(bytes: 4 * 1024 * 1024)
        let fixture = Fixture(["app.ts": ""])
        fixture.project.write(bytes, to: "app.ts")
        let start = ContinuousClock.now
        let (result, _) = fixture.analyze()
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(result.summary.contains("dynamodb:PutItem") == catalogIsAvailable)
    }

    @Test func byteOrderMarkIsAccepted() {
        let (result, diagnostics) = Fixture(app: "\u{FEFF}" + Self.publish).analyze()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(result.calls.count == (catalogIsAvailable ? 1 : 0))
    }

    @Test func recursionEnds() {
        let source = """
            const f = (n) => g(n + 1);
            const g = (n) => f(n * 2);
            function h() { return h(); }
            export const handler = async () => { f(1); h(); };
            """
        let (result, diagnostics) = Fixture(app: source).analyze()
        #expect(result.calls.isEmpty)
        #expect(diagnostics.errors.isEmpty)
    }

    @Test func exponentialCallFanOutHitsTheLimit() {
        var source = "const f0 = (x) => x;\n"
        for level in 1...30 {
            source += "const f\(level) = (x) => { f\(level - 1)(x); f\(level - 1)(x); f\(level - 1)(x); };\n"
        }
        source += "export const handler = async () => f30(1);"
        let start = ContinuousClock.now
        let (_, diagnostics) = Fixture(app: source).analyze()
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(diagnostics.errors.isEmpty)
        #expect(diagnostics.with(.javaScriptAnalysisLimit).count == 1)
    }

    @Test func deepCallsOfDeepExpressionsEnd() {
        let nested = String(repeating: "[", count: 95) + "next()" + String(repeating: "]", count: 95)
        var source = ""
        for level in 0..<40 {
            source +=
                "function f\(level)(next) { return [\(nested.replacing("next()", with: "f\(level + 1)(next)"))]; }\n"
        }
        source += "export const handler = async () => f0(() => 1);"
        let (_, diagnostics) = Fixture(app: source).analyze()
        #expect(diagnostics.errors.isEmpty)
    }

    @Test func nestedMethodCallsStayLinear() {
        let nested = String(repeating: "logger.info(", count: 150) + "1" + String(repeating: ")", count: 150)
        let source = "const logger = makeLogger();\nexport const handler = async () => { \(nested); };"
        let start = ContinuousClock.now
        let (_, diagnostics) = Fixture(app: source).analyze()
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(diagnostics.with(.javaScriptAnalysisLimit).isEmpty)
    }

    @Test func everyTruncatedHandlerIsAnalyzed() {
        let source =
            ParserTests.typeScriptSample + """

                import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
                class Store { private client = new S3Client({}); get(key: string) { return this.client.send(new GetObjectCommand({ Bucket: process.env.B, Key: key })); } }
                export const handler2 = async (event: any) => { for (const r of event.Records) await new Store().get(r.s3.object.key); };
                """
        let bytes = Array(source.utf8)
        let fixture = Fixture(["app.ts": "", "lib.ts": "export const helper = () => 1;"])
        for length in stride(from: 0, through: bytes.count, by: 11) {
            fixture.project.write(Array(bytes[0..<length]), to: "app.ts")
            _ = fixture.analyze(handler: "app.handler2")
        }
        fixture.project.write(bytes, to: "app.ts")
        let (result, diagnostics) = fixture.analyze(handler: "app.handler2")
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(result.summary == (catalogIsAvailable ? ["s3:GetObject"] : []))
    }

    @Test func symbolicLinkOutOfTheRootIsRejected() {
        let fixture = Fixture(["app.js": "require('./outside');\nexports.handler = () => 1;"])
        fixture.project.link("outside.js", to: "/etc/hostname")
        let (_, diagnostics) = fixture.analyze()
        #expect(diagnostics.errors.contains { $0.message.contains("outside the scanned folder") }, "\(diagnostics)")
    }

    @Test func garbageSourceEnds() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let fixture = Fixture(["app.js": ""])
        fixture.project.write(bytes, to: "app.js")
        let (_, diagnostics) = fixture.analyze()
        #expect(!diagnostics.isEmpty)
    }
}
