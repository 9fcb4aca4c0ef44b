import Diagnostics
import SourceAnalysis
import Testing

@testable import JavaScriptAnalysis

/// Function bodies and parameter lists are parsed when a function first runs; these check that
/// what they hold still reaches the analysis.
@Suite(.enabled(if: catalogIsAvailable)) struct LazyParseTests {
    @Test func defaultParameterReadsOuterScope() throws {
        let source = """
            import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
            const sqs = new SQSClient({});
            const QUEUE = process.env.QUEUE_URL;
            class Sender {
              send({ body }, queue = QUEUE) {
                return sqs.send(new SendMessageCommand({ QueueUrl: queue, MessageBody: body }));
              }
            }
            export const handler = async (event) => new Sender().send({ body: "x" });
            """
        let call = try #require(Fixture(app: source).analyze().result.calls.first)
        #expect(call.arguments["QueueUrl"] == .environment(name: "QUEUE_URL", defaultValue: nil))
    }

    @Test func typedParametersOfMethodAndFunction() throws {
        let source = """
            import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
            const s3 = new S3Client({});
            const helpers = {
              read(bucket: string, key: string = "a.txt"): Promise<unknown> {
                return s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
              },
            };
            function pick<T extends { name: string }>(items: T[], { first }: { first: boolean } = { first: true }): string {
              return first ? items[0].name : "archive";
            }
            export const handler = async (event: { Records: { name: string }[] }) =>
              helpers.read(pick(event.Records));
            """
        let (result, diagnostics) = Fixture(app: source, file: "app.ts").analyze()
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        let call = try #require(result.calls.first)
        #expect(call.arguments["Key"] == .literal("a.txt"))
        #expect(call.arguments["Bucket"] != nil)
    }

    @Test func parameterListProblemIsReportedOnCall() throws {
        let source = """
            function broken(a, ?) { return a; }
            export const handler = async () => broken(1);
            """
        let (_, diagnostics) = Fixture(app: source).analyze()
        let problem = try #require(diagnostics.with(.javaScriptUnparsedCode).first, "\(diagnostics)")
        #expect(problem.location?.line == 1)
    }

    @Test func nestedFunctionRunsFromLazyBody() throws {
        let source = """
            import { SNSClient, PublishCommand } from "@aws-sdk/client-sns";
            export const handler = async () => {
              function inner(topic) {
                const sns = new SNSClient({});
                return sns.send(new PublishCommand({ TopicArn: topic, Message: "m" }));
              }
              return inner(process.env.TOPIC_ARN);
            };
            """
        let call = try #require(Fixture(app: source).analyze().result.calls.first)
        #expect(call.arguments["TopicArn"] == .environment(name: "TOPIC_ARN", defaultValue: nil))
    }
}
