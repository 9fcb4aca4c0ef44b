import PolicySynthesis
import PythonAnalysis
import Rendering
import TestSupport
import Testing

/// `ProjectGeneration.renderFunction` renders each function in the parallel loop; the report
/// built from those parts must equal the one rendered after the loop.
@Suite struct RenderedFunctionTests {
    private static let files = [
        "template.yaml": """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Zeta:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.handler
              Runtime: python3.12
              Environment:
                Variables:
                  TABLE: !Ref Orders
          Alpha:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: other.handler
              Runtime: python3.12
          Orders:
            Type: AWS::DynamoDB::Table
        """,
        "src/app.py": """
        import os
        import boto3
        table = boto3.resource("dynamodb").Table(os.environ["TABLE"])
        def handler(event, context):
            table.get_item(Key={"id": "a\\tb\\n"})
            boto3.client("s3").get_object(Bucket=event["bucket"], Key="k")
        """,
        "src/other.py": "def handler(event, context):\n    x = = 1\n",
    ]

    private func generate(renderFunction: (@Sendable (FunctionPolicy) -> String)?) -> ProjectPolicies {
        let project = TemporaryProject(files: Self.files)
        let synthesizer = PolicySynthesizer(catalog: .shared, analyzers: [PythonAnalyzer()], platform: .bundled)
        return ProjectGeneration(
            root: project.root, parameterOverrides: [:], functionFilter: [], synthesizer: synthesizer,
            renderFunction: renderFunction
        ).run()
    }

    @Test func partsMatchWholeReport() throws {
        let whole = generate(renderFunction: nil)
        let parts = generate(renderFunction: { JSONReport.renderFunction($0) })
        #expect(whole.renderedFunctions == nil)
        let rendered = try #require(parts.renderedFunctions)
        #expect(rendered.count == 2)
        #expect(parts.functions.map(\.function.logicalId) == ["Alpha", "Zeta"])
        #expect(rendered.first?.contains("\"logicalId\": \"Alpha\"") == true)
        #expect(JSONReport.render(parts) == JSONReport.render(whole))
    }

    @Test func partIsIndentedForFunctionsArray() throws {
        let parts = generate(renderFunction: { JSONReport.renderFunction($0) })
        let text = try #require(parts.renderedFunctions?.last)
        #expect(text.hasPrefix("{\n      \"logicalId\": \"Zeta\""))
        #expect(text.hasSuffix("\n    }"))
    }
}
