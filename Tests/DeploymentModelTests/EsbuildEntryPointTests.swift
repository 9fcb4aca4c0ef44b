import Diagnostics
import Documents
import Testing

@testable import DeploymentModel

/// A handler module, the esbuild entry points, and the entry point it must match.
struct EntryPointCase: CustomTestStringConvertible, Sendable {
    var name: String
    var module: String
    var entryPoints: [String]
    var expected: EsbuildEntryPoints.Match

    var testDescription: String { name }
}

@Suite struct EsbuildEntryPointTests {
    static let cases: [EntryPointCase] = [
        EntryPointCase(name: "same base name", module: "app", entryPoints: ["app.ts"], expected: .matched("app.ts")),
        EntryPointCase(
            name: "entry point in a folder", module: "app", entryPoints: ["src/handlers/app.ts"],
            expected: .matched("src/handlers/app.ts")),
        EntryPointCase(
            name: "leading dot slash", module: "app", entryPoints: ["./src/app.mts"], expected: .matched("src/app.mts")),
        EntryPointCase(
            name: "one of several by name", module: "worker", entryPoints: ["src/api.ts", "src/worker.ts"],
            expected: .matched("src/worker.ts")),
        EntryPointCase(
            name: "module folder picks the entry point", module: "jobs/index",
            entryPoints: ["src/api/index.ts", "src/jobs/index.ts"], expected: .matched("src/jobs/index.ts")),
        EntryPointCase(
            name: "same base name twice", module: "index", entryPoints: ["src/api/index.ts", "src/jobs/index.ts"],
            expected: .ambiguous(["src/api/index.ts", "src/jobs/index.ts"])),
        EntryPointCase(
            name: "only entry point with another name", module: "index", entryPoints: ["src/app.ts"],
            expected: .onlyEntryPoint("src/app.ts")),
        EntryPointCase(
            name: "no match among several", module: "index", entryPoints: ["src/a.ts", "src/b.ts"],
            expected: .notFound),
        EntryPointCase(
            name: "dotted file name", module: "app", entryPoints: ["app.test.ts", "app.ts"],
            expected: .matched("app.ts")),
    ]

    @Test(arguments: cases) func matchesEntryPoint(_ testCase: EntryPointCase) {
        #expect(EsbuildEntryPoints(testCase.entryPoints).match(module: testCase.module) == testCase.expected)
    }

    @Test(arguments: [
        ("app.lambdaHandler", "src/handlers/app.ts", "src/handlers/app.lambdaHandler"),
        ("app.handlers.get", "app.ts", "app.handlers.get"),
        ("api/index.handler", "src/api/index.tsx", "src/api/index.handler"),
    ])
    func rewritesHandler(_ handler: String, _ entryPoint: String, _ expected: String) {
        #expect(EsbuildEntryPoints.handler(handler, entryPoint: entryPoint) == expected)
    }

    @Test(arguments: [("app.handler", "app"), ("./src/app.handlers.get", "src/app"), ("noDot", nil)])
    func readsHandlerModule(_ handler: String, _ expected: String?) {
        #expect(EsbuildEntryPoints.module(ofHandler: handler) == expected)
    }

    /// Loads a template with one esbuild function `Fn` and returns the handler the analysis
    /// reads, with the diagnostics.
    func sourceHandler(handler: String, metadata: String) throws -> (String?, [Diagnostic]) {
        let loaded = try LoadedTemplate(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Metadata:
            \(metadata)
                Properties:
                  CodeUri: src/
                  Runtime: nodejs20.x
                  Handler: \(handler)
            """)
        let resource = try #require(loaded.template.resources["Fn"])
        let reader = FunctionReader(template: loaded.template, diagnostics: loaded.diagnostics)
        return (reader.sourceHandler(handler, resource: resource), loaded.diagnostics.diagnostics)
    }

    @Test func entryPointNamesTheSource() throws {
        let (handler, diagnostics) = try sourceHandler(
            handler: "app.lambdaHandler",
            metadata: "      BuildMethod: esbuild\n      BuildProperties: {Minify: true, EntryPoints: [src/app.ts]}")
        #expect(handler == "src/app.lambdaHandler")
        #expect(diagnostics.isEmpty)
    }

    @Test func otherBuildMethodKeepsHandler() throws {
        let (handler, diagnostics) = try sourceHandler(
            handler: "app.lambdaHandler",
            metadata: "      BuildMethod: makefile\n      BuildProperties: {EntryPoints: [src/app.ts]}")
        #expect(handler == "app.lambdaHandler")
        #expect(diagnostics.isEmpty)
    }

    @Test func missingEntryPointsKeepHandler() throws {
        let (handler, diagnostics) = try sourceHandler(
            handler: "app.lambdaHandler", metadata: "      BuildMethod: esbuild")
        #expect(handler == "app.lambdaHandler")
        #expect(diagnostics.isEmpty)
    }

    @Test func unmatchedModuleIsAnError() throws {
        let (handler, diagnostics) = try sourceHandler(
            handler: "index.handler",
            metadata: "      BuildMethod: esbuild\n      BuildProperties:\n        EntryPoints: [src/a.ts, src/b.ts]")
        #expect(handler == "index.handler")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == .esbuildEntryPointNotFound)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.contains("module 'index'"))
        #expect(diagnostic.message.contains("src/a.ts, src/b.ts"))
        #expect(diagnostic.location?.line == 8)
    }

    @Test func onlyEntryPointWithOtherNameIsAWarning() throws {
        let (handler, diagnostics) = try sourceHandler(
            handler: "index.handler",
            metadata: "      BuildMethod: esbuild\n      BuildProperties: {EntryPoints: [app.ts]}")
        #expect(handler == "app.handler")
        #expect(diagnostics.map(\.code) == [.esbuildEntryPointNotFound])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func entryPointOutsideCodeIsRejected() throws {
        let (handler, diagnostics) = try sourceHandler(
            handler: "app.handler",
            metadata:
                "      BuildMethod: esbuild\n      BuildProperties: {EntryPoints: [../shared/app.ts, /etc/app.ts]}")
        #expect(handler == "app.handler")
        #expect(diagnostics.map(\.code) == [.invalidEsbuildEntryPoints, .invalidEsbuildEntryPoints])
    }

    @Test func entryPointsOfWrongShapeAreReported() throws {
        let (handler, diagnostics) = try sourceHandler(
            handler: "app.handler",
            metadata: "      BuildMethod: esbuild\n      BuildProperties: {EntryPoints: [{File: app.ts}]}")
        #expect(handler == "app.handler")
        #expect(diagnostics.map(\.code) == [.invalidFunctionProperty])
    }
}
