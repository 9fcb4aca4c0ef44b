import Testing

@testable import PythonAnalysis

@Suite struct HostileInputTests {
    @Test func unterminatedStringIsReported() {
        let file = TokenizedFile(bytes: Array("x = 'abc\ny = 2\n".utf8))
        #expect(file.problems.map(\.kind) == [.unterminatedString])
        #expect(file.problems.first?.line == 1)
        #expect(file.tokens.contains { file.text(of: $0) == "y" })
    }

    @Test func unterminatedTripleQuotedStringEndsAtEndOfFile() {
        let file = TokenizedFile(bytes: Array("x = '''abc\ny = 2\n".utf8))
        #expect(file.problems.map(\.kind) == [.unterminatedTripleQuotedString])
        #expect(file.tokens.last?.kind == .endOfFile)
    }

    @Test func unterminatedFormattedStringIsReported() {
        let file = TokenizedFile(bytes: Array("x = f'{a['\ny = 2\n".utf8))
        #expect(!file.problems.isEmpty)
        #expect(file.tokens.last?.kind == .endOfFile)
    }

    @Test func nullBytesAreReportedOnce() {
        let source = [UInt8]("x = 1\n".utf8) + [UInt8](repeating: 0, count: 100_000) + [UInt8]("\ny = 2\n".utf8)
        let file = TokenizedFile(bytes: source)
        #expect(file.problems.first?.kind == .nullByte)
        #expect(file.problems.count <= Tokenizer.maximumReportedProblems + 1)
        #expect(file.problemCount >= 100_000)
    }

    @Test func invalidUTF8IsReported() {
        let source = [UInt8]("x = 'caf".utf8) + [0xC3, 0x28] + [UInt8]("'\n".utf8)
        let file = TokenizedFile(bytes: source)
        #expect(file.problems.map(\.kind) == [.invalidUTF8])
    }

    @Test func deepBracketsDoNotExhaustTheStack() {
        let depth = 50_000
        let source =
            "x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\ny = 2\n"
        let parsed = parse(source)
        #expect(parsed.problems.count == 1)
        #expect(parsed.problems.first?.message.contains("nesting is deeper than") == true)
        #expect(parsed.statements.count == 1)
    }

    @Test func deepIndentationDoesNotExhaustTheStack() {
        var source = ""
        for level in 0..<2_000 { source += String(repeating: " ", count: level) + "if x:\n" }
        source += String(repeating: " ", count: 2_000) + "pass\ny = 1\n"
        let parsed = parse(source)
        #expect(!parsed.problems.isEmpty)
    }

    @Test func longOperatorChainStaysFlat() {
        let source = "x = " + Array(repeating: "a", count: 200_000).joined(separator: " + ") + "\n"
        let parsed = parse(source)
        #expect(parsed.problems.isEmpty)
        guard case .assignment(_, .binary(_, let rest))? = parsed.statements.first else {
            Issue.record("expected a flat binary chain")
            return
        }
        #expect(rest.count == 199_999)
    }

    @Test func longAttributeChainIsLimited() {
        let source = "x = a" + String(repeating: ".b", count: 100_000) + "\ny = 1\n"
        let parsed = parse(source)
        #expect(parsed.problems.count == 1)
        #expect(parsed.statements.count == 1)
    }

    @Test func twentyMegabyteLineIsTokenized() {
        let line =
            "x = '" + String(repeating: "a", count: 20_000_000) + "'\ny = [" + String(repeating: "1,", count: 100_000)
            + "]\n"
        let file = TokenizedFile(bytes: Array(line.utf8))
        #expect(file.problems.isEmpty)
        #expect(file.tokens.count > 100_000)
        let parsed = parse(line)
        #expect(parsed.problems.isEmpty)
        #expect(parsed.statements.count == 2)
    }

    @Test(arguments: [
        "def f(:\n    pass\n", "x = = 1\n", "class\n", "f(a for)\n", "lambda: (\n", "}}}}\n", "x = 1 +\n",
        "@\n", "from import x\n", "with a as:\n  pass\n", "match x:\n  case {:\n    pass\n", "if x:\n",
        "\u{0}\u{0}", "'", "f'{", "\\", "else:\n  pass\n",
    ])
    func malformedInputIsReported(_ source: String) {
        let parsed = parse(source)
        let file = TokenizedFile(bytes: Array(source.utf8))
        #expect(file.tokens.last?.kind == .endOfFile)
        #expect(!parsed.problems.isEmpty || !file.problems.isEmpty)
    }
}

@Suite struct HostileProgramTests {
    @Test func doublingAssignmentsStayLinear() throws {
        var source = "import urllib.request\nv0 = 'x'\n"
        for index in 1...200 { source += "v\(index) = v\(index - 1) + v\(index - 1)\n" }
        source += "def handler(event, context):\n"
        source += "    urllib.request.urlopen('http://localhost:2773/secretsmanager/get?secretId=' + v200)\n"
        let start = ContinuousClock.now
        let (result, _) = try Fixture(app: source).analyze()
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(result.calls.count == 1)
    }

    @Test func selfReferentialValuesEnd() throws {
        let source = """
            import urllib.request
            a = b
            b = a + 'x'
            def f(n):
                return f(n + 1)
            def handler(event, context):
                urllib.request.urlopen('http://localhost:2773/secretsmanager/get?secretId=' + a + f(1))
            """
        let (result, _) = try Fixture(app: source).analyze()
        #expect(result.calls.count == 1)
    }

    @Test func oversizedFileIsReported() throws {
        let large = "x = 1\n" + String(repeating: "#", count: ModuleLoader.maximumFileSize) + "\n"
        let fixture = try Fixture(["app.py": "import big\ndef handler(event, context):\n    pass\n", "big.py": large])
        let (result, diagnostics) = fixture.analyze()
        #expect(!result.filesRead.contains("big.py"))
        let error = try #require(diagnostics.first { $0.location?.file == "big.py" })
        #expect(error.severity == .error)
    }

    @Test func deeplyNestedHandlerFileIsAnalyzed() throws {
        let nested = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        let source =
            "import urllib.request\nx = \(nested)\ndef handler(event, context):\n"
            + "    urllib.request.urlopen('http://localhost:2773/secretsmanager/get?secretId=s')\n"
        let (result, diagnostics) = try Fixture(app: source).analyze()
        #expect(result.calls.count == 1)
        #expect(diagnostics.with(.pythonUnparsedStatement).count == 1)
    }
}
