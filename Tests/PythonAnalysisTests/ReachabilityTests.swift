import Diagnostics
import SourceAnalysis
import Testing

@testable import PythonAnalysis

/// These tests observe reachability through calls to the Parameters and Secrets extension,
/// which the analysis recognizes without the catalog.
@Suite struct ReachabilityTests {
    static let probe = "urllib.request.urlopen(\"http://localhost:2773/secretsmanager/get?secretId="

    @Test func relativeImportIsFollowedAndUnimportedModuleIsNot() throws {
        let fixture = try Fixture([
            "pkg/__init__.py": "",
            "pkg/app.py": """
            from .util import load
            from . import helpers

            def handler(event, context):
                return load()
            """,
            "pkg/util.py": """
            import urllib.request

            def load():
                return \(Self.probe)used")

            def unused():
                return \(Self.probe)unused")
            """,
            "pkg/helpers.py": "import urllib.request\nMODULE_LEVEL = \(Self.probe)module-level\")\n",
            "pkg/other.py": "import urllib.request\ndef f():\n    \(Self.probe)other\")\n",
        ])
        let (result, diagnostics) = fixture.analyze(handler: "pkg/app.handler")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let secrets = result.calls.compactMap { $0.arguments["SecretId"]?.literalValue }
        #expect(secrets.sorted() == ["module-level", "used"])
        #expect(result.filesRead.sorted() == ["pkg/__init__.py", "pkg/app.py", "pkg/helpers.py", "pkg/util.py"])
        #expect(result.bytesRead > 0)
        let location = try #require(result.calls.first { $0.arguments["SecretId"] == .literal("used") }?.location)
        #expect(location == SourceLocation(file: "pkg/util.py", line: 4, column: 27))
    }

    @Test func absoluteImportsAndStarImportsAreFollowed() throws {
        let fixture = try Fixture([
            "app.py": """
            import lib.tasks
            from lib.names import *

            def handler(event, context):
                lib.tasks.run(SECRET)
            """,
            "lib/__init__.py": "",
            "lib/names.py": "SECRET = 'from-star'\n",
            "lib/tasks.py": "import urllib.request\ndef run(name):\n    \(Self.probe)\" + name)\n",
        ])
        let (result, _) = fixture.analyze()
        #expect(result.calls.map { $0.arguments["SecretId"] } == [.literal("from-star")])
    }

    @Test func circularImportsTerminate() throws {
        let fixture = try Fixture([
            "app.py": "import a\ndef handler(event, context):\n    a.go()\n",
            "a.py": "import b\nimport urllib.request\ndef go():\n    b.back()\n",
            "b.py": "import a\nimport urllib.request\ndef back():\n    \(Self.probe)cycle\")\n    a.go()\n",
        ])
        let (result, _) = fixture.analyze()
        #expect(result.calls.map { $0.arguments["SecretId"] } == [.literal("cycle")])
    }

    @Test func callOnErrorPathIsFound() throws {
        let fixture = try Fixture(
            app: """
                import urllib.request

                def handler(event, context):
                    try:
                        pass
                    except ValueError as error:
                        \(Self.probe)on-error")
                """)
        let (result, _) = fixture.analyze()
        #expect(result.calls.count == 1)
    }

    @Test func registeredFunctionIsIncluded() throws {
        let fixture = try Fixture(
            app: """
                import urllib.request
                from aws_lambda_powertools.event_handler import APIGatewayRestResolver
                app = APIGatewayRestResolver()

                @app.get("/orders")
                def orders():
                    return \(Self.probe)registered")

                def handler(event, context):
                    return app.resolve(event, context)
                """)
        let (result, _) = fixture.analyze()
        #expect(result.calls.map { $0.arguments["SecretId"] } == [.literal("registered")])
    }

    @Test func methodsReachedThroughInstances() throws {
        let fixture = try Fixture(
            app: """
                import urllib.request

                class Base:
                    def fetch(self):
                        return urllib.request.urlopen(self.url)

                class Store(Base):
                    def __init__(self, name):
                        self.url = "http://localhost:2773/secretsmanager/get?secretId=" + name

                    def never_called(self):
                        \(Self.probe)never")

                def handler(event, context):
                    Store("through-self").fetch()
                """)
        let (result, _) = fixture.analyze()
        #expect(result.calls.map { $0.arguments["SecretId"] } == [.literal("through-self")])
    }

    @Test func missingHandlerFileIsAnError() throws {
        let fixture = try Fixture(["other.py": ""])
        let (result, diagnostics) = fixture.analyze(handler: "src/app.handler")
        #expect(result.calls.isEmpty)
        let error = try #require(diagnostics.with(.pythonHandlerFileNotFound).first)
        #expect(error.severity == .error)
        #expect(error.location == SourceLocation(file: "template.yaml", line: 7, column: 16))
        #expect(error.message.contains("src/app.py"))
    }

    @Test func missingHandlerFunctionIsAnError() throws {
        let fixture = try Fixture(app: "def main(event, context):\n    pass\n")
        let (_, diagnostics) = fixture.analyze()
        let error = try #require(diagnostics.with(.pythonHandlerFunctionNotFound).first)
        #expect(error.message.contains("'handler'"))
        #expect(error.location?.file == "template.yaml")
    }

    @Test(arguments: ["", "app", "app.", "../app.handler", "a//b.handler"])
    func invalidHandlerIsAnError(_ handler: String) throws {
        let fixture = try Fixture(app: "")
        let (_, diagnostics) = fixture.analyze(handler: handler)
        #expect(diagnostics.with(.pythonHandlerInvalid).count == 1)
    }

    @Test func symlinkOutOfRootIsNotRead() throws {
        let outside = try Fixture(["secret.py": "SECRET = 1\n"])
        let fixture = try Fixture(app: "import linked\ndef handler(event, context):\n    pass\n")
        try FileManagerLink.create(at: fixture.root + "/linked.py", pointingTo: outside.root + "/secret.py")
        let (result, diagnostics) = fixture.analyze()
        #expect(!result.filesRead.contains("linked.py"))
        let error = try #require(diagnostics.first { $0.location?.file == "linked.py" })
        #expect(error.severity == .error)
        #expect(error.message.contains("outside"))
    }

    /// The reader resolves each folder once, but a link in a folder already read is still resolved.
    @Test func symlinkInsideRootIsRead() throws {
        let fixture = try Fixture([
            "app.py": "import helpers\nimport alias\ndef handler(event, context):\n    pass\n",
            "helpers.py": "X = 1\n",
            "real/module.py": "Y = 2\n",
        ])
        try FileManagerLink.create(at: fixture.root + "/alias.py", pointingTo: fixture.root + "/real/module.py")
        let (result, diagnostics) = fixture.analyze()
        #expect(result.filesRead.contains("helpers.py"))
        #expect(result.filesRead.contains("alias.py"))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test func linkedFolderOutOfRootIsNotRead() throws {
        let outside = try Fixture(["secret.py": "SECRET = 1\n"])
        let fixture = try Fixture([
            "app.py": "import inner.first\nimport linked.secret\ndef handler(event, context):\n    pass\n",
            "inner/first.py": "A = 1\n",
        ])
        try FileManagerLink.create(at: fixture.root + "/linked", pointingTo: outside.root)
        let (result, diagnostics) = fixture.analyze()
        #expect(result.filesRead.contains("inner/first.py"))
        #expect(!result.filesRead.contains("linked/secret.py"))
        let error = try #require(diagnostics.first { $0.location?.file == "linked/secret.py" })
        #expect(error.severity == .error)
        #expect(error.message.contains("outside"))
    }

    @Test func syntaxErrorIsReportedAndRestIsRead() throws {
        let fixture = try Fixture(
            app: """
                import urllib.request
                x = = 1
                def handler(event, context):
                    \(Self.probe)after-error")
                """)
        let (result, diagnostics) = fixture.analyze()
        #expect(result.calls.count == 1)
        let warning = try #require(diagnostics.with(.pythonUnparsedStatement).first)
        #expect(warning.location == SourceLocation(file: "app.py", line: 2, column: 5))
    }
}

@Suite struct ModuleResolutionTests {
    @Test func packageWinsOverModuleFile() throws {
        let fixture = try Fixture([
            "app.py": "import shared\ndef handler(event, context):\n    pass\n",
            "shared.py": "",
            "shared/__init__.py": "",
            "nspkg/mod.py": "",
        ])
        let (result, _) = fixture.analyze()
        #expect(result.filesRead == ["app.py", "shared/__init__.py"])
    }

    @Test func namespacePackageModuleIsRead() throws {
        let fixture = try Fixture([
            "app.py": "from nspkg import mod\ndef handler(event, context):\n    pass\n",
            "nspkg/mod.py": "X = 1\n",
        ])
        let (result, diagnostics) = fixture.analyze()
        #expect(result.filesRead == ["app.py", "nspkg/mod.py"])
        #expect(diagnostics.isEmpty)
    }
}

@Suite struct RelativeImportTests {
    @Test func missingRelativeModuleIsReported() throws {
        let fixture = try Fixture([
            "pkg/__init__.py": "",
            "pkg/app.py":
                "from .missing import helper\nfrom . import present\ndef handler(event, context):\n    pass\n",
            "pkg/present.py": "",
        ])
        let (_, diagnostics) = fixture.analyze(handler: "pkg/app.handler")
        let warnings = diagnostics.with(.pythonRelativeImportNotFound)
        #expect(warnings.count == 1)
        #expect(warnings.first?.location == SourceLocation(file: "pkg/app.py", line: 1, column: 1))
        #expect(warnings.first?.message.contains("'.missing'") == true)
    }
}
