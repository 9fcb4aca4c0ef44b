import DeploymentModel
import Diagnostics
import JavaScriptAnalysis
import SourceAnalysis
import TestSupport
import Testing

/// TypeScript functions that SAM builds with esbuild, where `Handler` names the bundled
/// module and `Metadata.BuildProperties.EntryPoints` names its source.
@Suite struct JavaScriptEsbuildTests {
    static func template(entryPoints: String) -> String {
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Metadata:
              BuildMethod: esbuild
              BuildProperties:
                Minify: true
                Target: es2022
                EntryPoints: \(entryPoints)
            Properties:
              CodeUri: backend/
              Handler: app.lambdaHandler
              Runtime: nodejs20.x
              Environment:
                Variables: {ORDERS_TABLE: !Ref Orders}
        \(JavaScriptResources.ordersTable)
        """
    }

    static let files = [
        "backend/src/lib/orders.ts": """
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
        const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
        export const saveOrder = (order: { id: string }) =>
          documents.send(new PutCommand({ TableName: process.env.ORDERS_TABLE, Item: order }));
        """,
        "backend/src/handlers/app.ts": """
        import type { APIGatewayProxyEvent } from "aws-lambda";
        import { saveOrder } from "../lib/orders";
        export const lambdaHandler = async (event: APIGatewayProxyEvent) => {
          await saveOrder(JSON.parse(event.body ?? "{}"));
          return { statusCode: 201, body: "" };
        };
        """,
    ]

    @Test func entryPointAtCodeRootIsAnalyzed() throws {
        let project = try ProjectFixture(files: [
            "template.yaml": Self.template(entryPoints: "[app.ts]"),
            "backend/app.ts": Self.files["backend/src/handlers/app.ts"]!.replacing(
                "../lib/orders", with: "./src/lib/orders"),
            "backend/src/lib/orders.ts": Self.files["backend/src/lib/orders.ts"]!,
        ]).generate()
        let policy = try project.function("Fn")
        #expect(policy.grants.contains("dynamodb:PutItem \(regionalARN("dynamodb", "table/orders"))"))
    }

    @Test func rewrittenHandlerResolvesToEntryPoint() throws {
        let project = TemporaryProject(files: Self.files)
        let handler = EsbuildEntryPoints.handler(
            "app.lambdaHandler", entryPoint: "src/handlers/app.ts")
        let entry = HandlerEntry(
            codeRoot: project.root + "/backend", handler: handler, runtime: "nodejs20.x", declaredAt: nil)
        let sink = DiagnosticSink()
        let result = JavaScriptAnalyzer().analyze(entry, rootForDisplay: project.root, diagnostics: sink)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(result.filesRead == ["backend/src/handlers/app.ts", "backend/src/lib/orders.ts"])
        #expect(result.calls.map(\.operation) == ["PutItem"])
    }

    @Test func entryPointInAFolderIsAnalyzed() throws {
        var files = Self.files
        files["template.yaml"] = Self.template(entryPoints: "[src/handlers/app.ts]")
        let project = try ProjectFixture(files: files).generate()
        let policy = try project.function("Fn")
        #expect(policy.grants.contains("dynamodb:PutItem \(regionalARN("dynamodb", "table/orders"))"))
        #expect(!policy.diagnostics.contains { $0.severity == .error }, "\(policy.diagnostics)")
    }
}
