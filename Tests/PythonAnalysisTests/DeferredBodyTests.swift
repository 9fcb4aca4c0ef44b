import Diagnostics
import Testing

@testable import PythonAnalysis

/// The function definitions at the top level and in top-level classes, in source order.
func definitions(in statements: [Statement]) -> [FunctionDefinition] {
    statements.flatMap { statement -> [FunctionDefinition] in
        switch statement {
        case .function(let definition): return [definition]
        case .classDefinition(let definition): return definitions(in: definition.body)
        default: return []
        }
    }
}

func parseDeferring(_ source: String) -> (statements: [Statement], problems: [SyntaxProblem]) {
    var parser = Parser(file: TokenizedFile(bytes: Array(source.utf8)), defersFunctionBodies: true)
    let statements = parser.parseModule()
    return (statements, parser.problems)
}

@Suite struct DeferredBodyTests {
    @Test(arguments: [
        "def f(a):\n    x = a + 1\n    if x:\n        return [i for i in x]\n    return g(x)\ny = 2\n",
        "class A:\n    def m(self, n):\n        for i in n:\n            with o() as c:\n                c.x(i)\n",
        "def f():\n    try:\n        a()\n    except E as e:\n        b(e)\n\n# comment\n\ndef g(): return 1\n",
        "def f():\n    x = = 1\n    y = 2\n    @dec\nz = 3\n",
        "def f():\n    if x:\n    y = 1\nw = 2\n",
        "def f():\n    x = (1,\n  2)\n    return x\n",
    ])
    func deferredBodyMatchesBodyParsedAtOnce(_ source: String) {
        let eager = parse(source)
        let deferred = parseDeferring(source)
        #expect(eager.statements.count == deferred.statements.count)
        let eagerDefinitions = definitions(in: eager.statements)
        let deferredDefinitions = definitions(in: deferred.statements)
        #expect(eagerDefinitions.count == deferredDefinitions.count)
        for (expected, actual) in zip(eagerDefinitions, deferredDefinitions) {
            #expect("\(expected.body)" == "\(actual.body)")
        }
    }

    @Test(arguments: [
        ("def f():\n    return 1\n", true),
        ("def f(): return 1\n", false),
        ("def f():\n    global g\n    g = 1\n", false),
        ("def f():\n    x = 1\n    def g():\n        nonlocal x\n", false),
        ("def f():\n    class C:\n        pass\n", false),
        ("def f():\n    match x:\n        case 1:\n            pass\n", false),
        ("def f():\n    return re.match(p, s)\n", true),
    ])
    func bodyIsDeferredOnlyWhenSafe(_ source: String, deferred: Bool) throws {
        let definition = try #require(definitions(in: parseDeferring(source).statements).first)
        #expect((definition.deferredBody != nil) == deferred)
    }

    @Test(arguments: [
        ("self.x = 1", true),
        ("a, self.b = 1, 2", true),
        ("if c: self.x = 1", true),
        ("self.x: int = 1", true),
        ("(self).x = 1", true),
        ("f(self.x)", false),
        ("y = self.x", false),
        ("f(a=self.x)", false),
        ("other.x = 1", false),
    ])
    func selfAttributeAssignmentIsNoticed(_ line: String, assigns: Bool) throws {
        let source = "class A:\n    def m(self):\n        \(line)\n"
        let definition = try #require(definitions(in: parseDeferring(source).statements).first)
        let deferred = try #require(definition.deferredBody)
        #expect(deferred.mayAssignFirstParameterAttribute == assigns)
    }

    @Test func blockEndErrorKeepsBlocksPaired() {
        let parsed = parse("def f():\n    x = 1\n    @dec\ny = 2\n")
        #expect(parsed.problems.count == 1)
        #expect(parsed.statements.count == 2)
    }

    @Test func deepBlocksInBodyAreParsedAtOnce() throws {
        var source = "def f():\n"
        for level in 1...120 { source += String(repeating: " ", count: level) + "if x:\n" }
        source += String(repeating: " ", count: 121) + "pass\n"
        let parsed = parseDeferring(source)
        #expect(!parsed.problems.isEmpty)
        let definition = try #require(definitions(in: parsed.statements).first)
        #expect(definition.deferredBody == nil)
    }
}

/// Deferred bodies seen through the analysis: their names, problems and attributes.
@Suite struct DeferredBodyAnalysisTests {
    static let probe = ReachabilityTests.probe

    @Test func deferredReturnValueReadsLocals() throws {
        let fixture = try Fixture(
            app: """
                import urllib.request
                def secret_name():
                    prefix = "app-"
                    return prefix + "token"
                def handler(event, context):
                    \(Self.probe)" + secret_name())
                """)
        let (result, diagnostics) = fixture.analyze()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(result.calls.compactMap { $0.arguments["SecretId"]?.literalValue } == ["app-token"])
    }

    @Test func syntaxProblemInReachedBodyIsReported() throws {
        let fixture = try Fixture(
            app: """
                import urllib.request
                def helper():
                    x = = 1
                    \(Self.probe)after")
                def handler(event, context):
                    helper()
                """)
        let (result, diagnostics) = fixture.analyze()
        #expect(result.calls.count == 1)
        let warning = try #require(diagnostics.with(.pythonUnparsedStatement).first)
        #expect(warning.location == SourceLocation(file: "app.py", line: 3, column: 9))
    }

    @Test(arguments: ["self.name", "(self).name"])
    func uncalledMethodSetsInstanceAttribute(_ target: String) throws {
        let fixture = try Fixture(
            app: """
                import urllib.request
                class Store:
                    def configure(self):
                        \(target) = "configured"
                    def read(self):
                        return \(Self.probe)" + self.name)
                def handler(event, context):
                    Store().read()
                """)
        let (result, _) = fixture.analyze()
        #expect(result.calls.compactMap { $0.arguments["SecretId"]?.literalValue } == ["configured"])
    }
}

@Suite struct AttributeLineTests {
    private func method(_ body: String) throws -> DeferredBody {
        let source = "class A:\n    def m(self):\n" + body
        let definition = try #require(definitions(in: parseDeferring(source).statements).first)
        return try #require(definition.deferredBody)
    }

    @Test func attributeLinesAreParsedAlone() throws {
        let body = try method("        x = 1\n        self.a = x\n        if x:\n            self.b, y = 2, 3\n")
        let statements = try #require(body.attributeAssignments())
        #expect(statements.count == 2)
        #expect(!body.isParsed)
    }

    @Test(arguments: [
        "        if c: self.x = 1\n",
        "        if c:\n            pass\n        else: self.x = 1\n",
        "        if c:\n        self.x = 1\n",
        "        @decorator\n        self.x = 1\n",
    ])
    func lineInCompoundStatementNeedsWholeBody(_ body: String) throws {
        #expect(try method(body).attributeAssignments() == nil)
    }

    @Test func attributeValueReadsLocalsOfUncalledMethod() throws {
        let fixture = try Fixture(
            app: """
                import urllib.request
                class Store:
                    def configure(self):
                        prefix = "app-"
                        self.name = prefix + "token"
                    def read(self):
                        return \(ReachabilityTests.probe)" + self.name)
                def handler(event, context):
                    Store().read()
                """)
        let (result, _) = fixture.analyze()
        #expect(result.calls.compactMap { $0.arguments["SecretId"]?.literalValue } == ["app-token"])
    }
}

@Suite struct DeferredBodyHostileTests {
    @Test func deepBlocksInFunctionAreReported() throws {
        var source = "def helper():\n"
        for level in 1...2_000 { source += String(repeating: " ", count: level) + "if x:\n" }
        source += String(repeating: " ", count: 2_001) + "pass\n"
        source += "def handler(event, context):\n    helper()\n"
        let (_, diagnostics) = try Fixture(app: source).analyze()
        #expect(!diagnostics.with(.pythonUnparsedStatement).isEmpty)
    }

    @Test func problemsInReachedBodiesAreCappedPerFile() throws {
        var source = ""
        var calls = ""
        for index in 0..<30 {
            source += "def f\(index)():\n    x = = 1\n"
            calls += "    f\(index)()\n"
        }
        source += "def handler(event, context):\n" + calls
        let (_, diagnostics) = try Fixture(app: source).analyze()
        #expect(diagnostics.with(.pythonUnparsedStatement).count == Parser.maximumReportedProblems)
    }

    @Test func manyUnreachedFunctionsStayFast() throws {
        var source = "import urllib.request\n"
        for index in 0..<20_000 { source += "def f\(index)(a, b=1):\n    x = a + b\n    return g(x)\n" }
        source += "def handler(event, context):\n    \(ReachabilityTests.probe)s\")\n"
        let start = ContinuousClock.now
        let (result, diagnostics) = try Fixture(app: source).analyze()
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(result.calls.count == 1)
    }
}
