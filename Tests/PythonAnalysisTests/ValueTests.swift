import SourceAnalysis
import Testing

@testable import PythonAnalysis

struct ValueCase: CustomTestStringConvertible, Sendable {
    var name: String
    /// Module code; the handler passes `url` to the extension.
    var source: String
    var expected: SymbolicValue
    var testDescription: String { name }
}

/// Values reach the call through the extension's URL, so the catalog is not needed.
@Suite struct ValueTests {
    static let base = "http://localhost:2773/systemsmanager/parameters/get?name="

    static let cases: [ValueCase] = [
        ValueCase(name: "literal", source: "url = '\(base)%2Fshop%2Fdb'", expected: .literal("/shop/db")),
        ValueCase(
            name: "environment subscript", source: "url = '\(base)' + os.environ['PARAM']",
            expected: .environment(name: "PARAM", defaultValue: nil)),
        ValueCase(
            name: "environment get with default", source: "url = '\(base)' + os.environ.get('PARAM', '/d')",
            expected: .environment(name: "PARAM", defaultValue: "/d")),
        ValueCase(
            name: "getenv", source: "url = '\(base)' + os.getenv('PARAM')",
            expected: .environment(name: "PARAM", defaultValue: nil)),
        ValueCase(
            name: "from os import environ", source: "from os import environ\nurl = '\(base)' + environ['P']",
            expected: .environment(name: "P", defaultValue: nil)),
        ValueCase(
            name: "or default", source: "url = '\(base)' + (os.environ.get('P') or '/fallback')",
            expected: .environment(name: "P", defaultValue: "/fallback")),
        ValueCase(
            name: "f-string with unknown part", source: "env = os.environ['STAGE']\nurl = f'\(base)/orders-{env}/db'",
            expected: .concatenation([
                .literal("/orders-"), .environment(name: "STAGE", defaultValue: nil), .literal("/db"),
            ])),
        ValueCase(
            name: "percent format", source: "url = '\(base)/%s/%s' % ('shop', 'db')", expected: .literal("/shop/db")),
        ValueCase(
            name: "str.format", source: "url = '\(base){}/{name}'.format('/shop', name='db')",
            expected: .literal("/shop/db")),
        ValueCase(
            name: "join", source: "url = '\(base)' + '/'.join(['', 'shop', 'db'])", expected: .literal("/shop/db")),
        ValueCase(
            name: "class constant", source: "class Config:\n    NAME = '/c'\nurl = '\(base)' + Config.NAME",
            expected: .literal("/c")),
        ValueCase(
            name: "dictionary item", source: "NAMES = {'db': '/db'}\nurl = '\(base)' + NAMES['db']",
            expected: .literal("/db")),
        ValueCase(
            name: "event value keeps its path", source: "url = None",
            expected: .event(path: ["name"])),
    ]

    @Test(arguments: cases)
    func valueReachesArgument(_ testCase: ValueCase) throws {
        var source = "import os\nimport urllib.request\n" + testCase.source + "\n"
        if testCase.name == "event value keeps its path" {
            source += "def handler(event, context):\n    urllib.request.urlopen('\(Self.base)' + event['name'])\n"
        } else {
            source += "def handler(event, context):\n    urllib.request.urlopen(url)\n"
        }
        let (result, _) = try Fixture(app: source).analyze()
        let call = try #require(result.calls.first)
        #expect(result.calls.count == 1)
        #expect(call.client == "ssm")
        #expect(call.operation == "GetParameter")
        #expect(call.form == .parametersAndSecretsExtension)
        if case .unknown = testCase.expected {
            guard case .unknown? = call.arguments["Name"] else {
                Issue.record("expected an unknown value, got \(String(describing: call.arguments["Name"]))")
                return
            }
        } else {
            #expect(call.arguments["Name"] == testCase.expected)
        }
    }

    @Test func parameterFromUniqueCallSite() throws {
        let source = """
            import requests
            def fetch(name):
                return requests.get("http://localhost:2773/secretsmanager/get?secretId=" + name)
            def handler(event, context):
                return fetch("app-db-creds")
            """
        let (result, _) = try Fixture(app: source).analyze()
        #expect(result.calls.map { $0.arguments["SecretId"] } == [.literal("app-db-creds")])
        #expect(result.calls.first?.client == "secretsmanager")
        #expect(result.calls.first?.operation == "GetSecretValue")
    }

    @Test func parameterFromSeveralCallSitesGivesEachValue() throws {
        let source = """
            import requests
            def fetch(name):
                return requests.get("http://localhost:2773/secretsmanager/get?secretId=" + name)
            def handler(event, context):
                fetch("first")
                fetch("second")
            """
        let (result, _) = try Fixture(app: source).analyze()
        let secrets = Set(result.calls.compactMap { $0.arguments["SecretId"]?.literalValue })
        #expect(secrets == ["first", "second"])
    }

    @Test func valueFromFactoryFunctionAndModuleGlobalOfAnotherModule() throws {
        let fixture = try Fixture([
            "app.py": """
            import http.client
            from config import secret_path
            def handler(event, context):
                connection = http.client.HTTPConnection("localhost", 2773)
                connection.request("GET", secret_path())
            """,
            "config.py": """
            import os
            PREFIX = "/secretsmanager/get?secretId="
            def secret_path():
                return PREFIX + os.environ["SECRET_ARN"]
            """,
        ])
        let (result, _) = fixture.analyze()
        #expect(result.calls.map { $0.arguments["SecretId"] } == [.environment(name: "SECRET_ARN", defaultValue: nil)])
    }

    @Test func lazyGlobalClientPatternResolves() throws {
        let source = """
            import os
            import urllib.request
            _url = None
            def url():
                global _url
                if _url is None:
                    _url = "http://localhost:2773/secretsmanager/get?secretId=" + os.environ["S"]
                return _url
            def handler(event, context):
                urllib.request.urlopen(url())
            """
        let (result, _) = try Fixture(app: source).analyze()
        #expect(result.calls.map { $0.arguments["SecretId"] } == [.environment(name: "S", defaultValue: nil)])
    }
}

@Suite struct BindingTests {
    static let url = "http://localhost:2773/secretsmanager/get?secretId="

    @Test func comprehensionTargetTakesListItems() throws {
        let source = """
            import urllib.request
            def handler(event, context):
                [urllib.request.urlopen("\(Self.url)" + name) for name in ["one"]]
            """
        let (result, _) = try Fixture(app: source).analyze()
        #expect(result.calls.map { $0.arguments["SecretId"] } == [.literal("one")])
    }

    @Test func walrusBindsName() throws {
        let source = """
            import urllib.request
            def handler(event, context):
                if (path := "\(Self.url)walrus"):
                    urllib.request.urlopen(path)
            """
        let (result, _) = try Fixture(app: source).analyze()
        #expect(result.calls.map { $0.arguments["SecretId"] } == [.literal("walrus")])
    }

    @Test func undefinedNameIsUnknownWithReason() throws {
        let source =
            "import urllib.request\ndef handler(event, context):\n    urllib.request.urlopen(\"\(Self.url)\" + missing)\n"
        let (result, _) = try Fixture(app: source).analyze()
        let value = try #require(result.calls.first?.arguments["SecretId"])
        #expect(value == .unknown(reason: "'missing' is not defined where it is used"))
    }
}
