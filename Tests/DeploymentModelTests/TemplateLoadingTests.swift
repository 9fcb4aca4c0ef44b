import DeploymentModel
import Diagnostics
import Documents
import Testing

@Suite("Template discovery and loading")
struct TemplateLoadingTests {
    static let samTemplate = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Worker: { Type: AWS::Serverless::Function, Properties: { CodeUri: src } }
        """

    @Test func discoversTemplatesAndSkipsBuildOutput() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.samTemplate, to: "template.yaml")
        try folder.write(Self.samTemplate, to: "services/orders/template.yml")
        try folder.write("{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}", to: "infra/queues.json")
        try folder.write("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", to: "infra/empty-stack.yaml")
        try folder.write("version: 0.1\nResources: nothing\n", to: "config.yaml")
        try folder.write("services:\n  web: { image: nginx }\n", to: "docker-compose.yml")
        try folder.write("resources:\n  Resources:\n    Q: { Type: AWS::SQS::Queue }\n", to: "serverless.yml")
        for skipped in [".aws-sam/build", "node_modules/pkg", ".git", "cdk.out", "env-folder"] {
            try folder.write(Self.samTemplate, to: "\(skipped)/template.yaml")
        }
        try folder.write("home = /usr\n", to: "env-folder/pyvenv.cfg")
        let loader = DeploymentLoader(root: folder.path)
        let diagnostics = DiagnosticSink()

        let found = loader.discoverTemplates(diagnostics: diagnostics).map { loader.relativePath($0) }

        #expect(
            found == [
                "infra/empty-stack.yaml", "infra/queues.json", "services/orders/template.yml", "template.yaml",
            ])
        #expect(diagnostics.diagnostics.isEmpty)
    }

    @Test func discoveryIsDeterministic() throws {
        let folder = try TemporaryFolder()
        for name in ["b", "a", "C", "a-b", "a_b"] { try folder.write(Self.samTemplate, to: "\(name)/template.yaml") }
        let loader = DeploymentLoader(root: folder.path)

        let first = loader.discoverTemplates(diagnostics: DiagnosticSink())
        let second = loader.discoverTemplates(diagnostics: DiagnosticSink())

        #expect(first == second)
        #expect(
            first.map { loader.relativePath($0) } == [
                "C/template.yaml", "a-b/template.yaml", "a/template.yaml", "a_b/template.yaml", "b/template.yaml",
            ])
    }

    @Test func brokenTemplateReportedOthersLoad() throws {
        let folder = try TemporaryFolder()
        try folder.write("Resources:\n  Worker: [unclosed\n", to: "broken/template.yaml")
        try folder.write(Self.samTemplate, to: "good/template.yaml")
        let loader = DeploymentLoader(root: folder.path)
        let diagnostics = DiagnosticSink()

        let templates = loader.discoverTemplates(diagnostics: diagnostics).compactMap {
            loader.loadTemplate(at: $0, diagnostics: diagnostics)
        }

        #expect(templates.map(\.displayPath) == ["good/template.yaml"])
        let errors = diagnostics.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location?.file == "broken/template.yaml")
        #expect((errors.first?.location?.line ?? 0) > 0)
    }

    @Test func projectLoadsEveryTemplate() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.samTemplate, to: "orders/template.yaml")
        try folder.write("Resources: [broken", to: "payments/template.yaml")
        try folder.write(Self.samTemplate.replacingWorker(with: "Shipper"), to: "shipping/template.yaml")
        let diagnostics = DiagnosticSink()

        let project = DeploymentLoader(root: folder.path).loadProject(diagnostics: diagnostics)

        #expect(project.map(\.template.displayPath) == ["orders/template.yaml", "shipping/template.yaml"])
        #expect(project.map { $0.functions.map(\.logicalId) } == [["Worker"], ["Shipper"]])
        #expect(project.last?.functions.first?.codeRoot == project.last.map { $0.template.folder + "/src" })
        #expect(diagnostics.diagnostics.filter { $0.severity == .error }.count == 1)
    }

    @Test func missingFileReported() throws {
        let folder = try TemporaryFolder()
        let diagnostics = DiagnosticSink()

        let template = DeploymentLoader(root: folder.path).loadTemplate(at: "nothing.yaml", diagnostics: diagnostics)

        #expect(template == nil)
        #expect(diagnostics.hasErrors)
    }

    @Test(arguments: [
        ("- a\n- b\n", DiagnosticCode.invalidTemplate),
        ("Resources: just-text\n", .missingResources),
        ("Parameters: {}\n", .missingResources),
    ])
    func invalidShapesRejected(_ text: String, _ code: DiagnosticCode) throws {
        #expect(throws: FixtureError.self) { try LoadedTemplate(text) }
        let folder = try TemporaryFolder()
        try folder.write(text, to: "template.yaml")
        let diagnostics = DiagnosticSink()

        let template = DeploymentLoader(root: folder.path).loadTemplate(at: "template.yaml", diagnostics: diagnostics)

        #expect(template == nil)
        #expect(diagnostics.diagnostics.map(\.code) == [code])
        #expect(diagnostics.diagnostics.first?.location?.file == "template.yaml")
    }

    @Test func badResourcesReportedOthersKept() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              NoType: { Properties: {} }
              Scalar: just-text
              ListProperties:
                Type: AWS::Serverless::Function
                Properties: [CodeUri, src]
              Unknown:
                Type: Vendor::Widget::Thing
                Properties: { Anything: !Ref Good }
              Good: { Type: AWS::SQS::Queue }
            """)

        #expect(loaded.template.resources.keys.sorted() == ["Good", "ListProperties", "Unknown"])
        #expect(loaded.template.resources["ListProperties"]?.properties == nil)
        #expect(loaded.codes(.error) == [.invalidResource, .invalidResource, .invalidResource])
        #expect(loaded.messages(.error)[2] == "Properties of resource 'ListProperties' must be a mapping")
        let functions = loaded.functions()
        #expect(functions.map(\.logicalId) == ["ListProperties"])
    }

    @Test func badSectionsReportedAndRead() throws {
        let loaded = try LoadedTemplate(
            """
            Parameters: [Stage]
            Conditions: yes
            Resources:
              Listed: { Type: [AWS::SQS::Queue] }
              Worker:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: src, Environment: { Variables: [A, B] } }
            """)

        #expect(
            loaded.messages(.error) == [
                "Type of resource 'Listed' must be a string", "Parameters must be a mapping",
                "Conditions must be a mapping",
            ])
        #expect(loaded.template.parameterDeclarations.isEmpty)
        let worker = try #require(loaded.function("Worker"))
        #expect(worker.environment.isEmpty)
        #expect(loaded.messages(.warning) == ["Environment.Variables must be a mapping of names to values"])
    }

    @Test func duplicateKeyWarningPassedOn() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              Queue: { Type: AWS::SQS::Queue }
              Queue: { Type: AWS::SNS::Topic }
            """)

        #expect(loaded.template.resources["Queue"]?.type == "AWS::SNS::Topic")
        #expect(loaded.codes(.warning).isEmpty == false)
    }
}

extension String {
    fileprivate func replacingWorker(with name: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("  Worker:") ? "  \(name):" + line.dropFirst("  Worker:".count) : String(line)
        }.joined(separator: "\n")
    }
}
