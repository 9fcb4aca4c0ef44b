import SourceAnalysis
import Testing

@testable import JavaScriptAnalysis

/// A handler whose one `s3.send(new GetObjectCommand({ Bucket: ... }))` call is checked for
/// the value of `Bucket`.
struct ValueCase: CustomTestStringConvertible, Sendable {
    var name: String
    var setup: String
    var bucket: String
    var expected: SymbolicValue

    var testDescription: String { name }
}

@Suite(.enabled(if: catalogIsAvailable)) struct ValueTests {
    static let cases: [ValueCase] = [
        ValueCase(
            name: "member", setup: "", bucket: "process.env.BUCKET",
            expected: .environment(name: "BUCKET", defaultValue: nil)),
        ValueCase(
            name: "subscript", setup: "", bucket: "process.env['BUCKET']",
            expected: .environment(name: "BUCKET", defaultValue: nil)),
        ValueCase(
            name: "destructuring with default", setup: "const { BUCKET = 'fallback' } = process.env;", bucket: "BUCKET",
            expected: .environment(name: "BUCKET", defaultValue: "fallback")),
        ValueCase(
            name: "renamed destructuring", setup: "const { BUCKET_NAME: bucketName } = process.env;",
            bucket: "bucketName",
            expected: .environment(name: "BUCKET_NAME", defaultValue: nil)),
        ValueCase(
            name: "logical or default", setup: "", bucket: "process.env.BUCKET || 'dev-bucket'",
            expected: .environment(name: "BUCKET", defaultValue: "dev-bucket")),
        ValueCase(name: "constant", setup: "const BUCKET = 'assets';", bucket: "BUCKET", expected: .literal("assets")),
        ValueCase(
            name: "template with a known and an unknown part", setup: "const stage = process.env.STAGE;",
            bucket: "`orders-${stage}-${Date.now()}`",
            expected: .concatenation([
                .literal("orders-"), .environment(name: "STAGE", defaultValue: nil), .literal("-"),
                .unknown(reason: "the result of a call the analysis does not follow"),
            ])),
        ValueCase(
            name: "concatenation", setup: "const prefix = 'logs-';", bucket: "prefix + process.env.ACCOUNT",
            expected: .concatenation([.literal("logs-"), .environment(name: "ACCOUNT", defaultValue: nil)])),
        ValueCase(
            name: "through a function parameter and return",
            setup: "function bucketFor(name) { return `${name}-archive`; }", bucket: "bucketFor('orders')",
            expected: .literal("orders-archive")),
        ValueCase(
            name: "from the event", setup: "", bucket: "event.Records[0].s3.bucket.name",
            expected: .event(path: ["Records", "*", "s3", "bucket", "name"])),
        ValueCase(
            name: "optional chaining on the event", setup: "", bucket: "event?.detail?.bucket",
            expected: .event(path: ["detail", "bucket"])),
        ValueCase(
            name: "decodeURIComponent of the event", setup: "",
            bucket: "decodeURIComponent(event.queryStringParameters.b)",
            expected: .event(path: ["queryStringParameters", "b"])),
        ValueCase(
            name: "config object", setup: "const config = { storage: { bucket: process.env.DATA } };",
            bucket: "config.storage.bucket", expected: .environment(name: "DATA", defaultValue: nil)),
        ValueCase(
            name: "TypeScript enum member", setup: "export enum Buckets { Raw = 'raw-data', Clean = `clean-${'x'}` }",
            bucket: "Buckets.Raw", expected: .literal("raw-data")),
        ValueCase(
            name: "static class field", setup: "class Config { static readonly BUCKET = process.env.ASSETS; }",
            bucket: "Config.BUCKET", expected: .environment(name: "ASSETS", defaultValue: nil)),
        ValueCase(
            name: "getter of a class instance",
            setup:
                "class Settings { get bucket(): string { return `${process.env.STAGE}-data`; } }\nconst settings = new Settings();",
            bucket: "settings.bucket",
            expected: .concatenation([.environment(name: "STAGE", defaultValue: nil), .literal("-data")])),
        ValueCase(
            name: "getter of an object literal",
            setup: "const env = { get bucket() { return process.env.B; }, set bucket(value) {} };",
            bucket: "env.bucket", expected: .environment(name: "B", defaultValue: nil)),
        ValueCase(
            name: "one of two buckets", setup: "", bucket: "event.archive ? 'archive' : 'live'",
            expected: .unknown(reason: "one of several values: \"archive\", \"live\"")),
        ValueCase(
            name: "TypeScript parameter property",
            setup:
                "class Store { constructor(private readonly name: string, public count = 0) {} get bucket() { return this.name; } }\nconst store = new Store(process.env.B!);",
            bucket: "store.bucket", expected: .environment(name: "B", defaultValue: nil)),
        ValueCase(
            name: "TypeScript cast and non-null", setup: "const b = process.env.BUCKET as string;", bucket: "b!",
            expected: .environment(name: "BUCKET", defaultValue: nil)),
    ]

    @Test(arguments: cases) func bucketValue(_ testCase: ValueCase) throws {
        let source = """
            import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
            const s3 = new S3Client({});
            \(testCase.setup)
            export const handler = async (event) => {
              await s3.send(new GetObjectCommand({ Bucket: \(testCase.bucket), Key: "k" }));
            };
            """
        let (result, diagnostics) = Fixture(app: source, file: "app.ts").analyze()
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        let call = try #require(result.calls("GetObject").first)
        #expect(call.arguments["Bucket"] == testCase.expected)
    }

    @Test func inputBuiltBeforeTheCallWithSpread() throws {
        let source = """
            import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
            const sqs = new SQSClient({});
            const base = { QueueUrl: process.env.QUEUE_URL };
            export const handler = async (event) => {
              const input = { ...base, MessageBody: "x" };
              input.DelaySeconds = 5;
              input.MessageGroupId = undefined;
              const command = new SendMessageCommand(input);
              await sqs.send(command);
            };
            """
        let call = try #require(Fixture(app: source).analyze().result.calls.first)
        #expect(call.arguments["QueueUrl"] == .environment(name: "QUEUE_URL", defaultValue: nil))
        #expect(call.arguments["DelaySeconds"] == .literal("5"))
        #expect(call.arguments["MessageGroupId"] == nil)
        #expect(!call.hasOpaqueArguments)
    }

    @Test func batchTablesFromComputedKeys() throws {
        let source = """
            import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
            import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
            const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
            export const handler = async (event) => {
              await doc.send(new BatchGetCommand({ RequestItems: { [process.env.A]: { Keys: [] }, audit: { Keys: [] } } }));
              await doc.send(new BatchWriteCommand({ RequestItems: { ...event.items } }));
            };
            """
        let result = Fixture(app: source).analyze().result
        let read = try #require(result.calls("BatchGetItem").first)
        #expect(read.arguments["TableName"] == .list([.literal("audit"), .environment(name: "A", defaultValue: nil)]))
        let write = try #require(result.calls("BatchWriteItem").first)
        guard case .unknown? = write.arguments["TableName"] else {
            Issue.record(
                "a spread of the event names no known table: \(String(describing: write.arguments["TableName"]))")
            return
        }
    }

    @Test func recordsOfEventInLoopAndMap() throws {
        let source = """
            import { SQSClient, DeleteMessageCommand } from "@aws-sdk/client-sqs";
            const sqs = new SQSClient({});
            const remove = (record) => sqs.send(new DeleteMessageCommand({ QueueUrl: record.eventSourceARN, ReceiptHandle: record.receiptHandle }));
            export const handler = async (event) => {
              await Promise.all(event.Records.filter((record) => record.body).map(remove));
            };
            """
        let call = try #require(Fixture(app: source).analyze().result.calls.first)
        #expect(call.arguments["QueueUrl"] == .event(path: ["Records", "*", "eventSourceARN"]))
    }

    @Test func helperCalledFromManyPlacesKeepsEachValue() {
        var source = """
            import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
            let client;
            const sqs = () => { client ??= new SQSClient({}); return client; };
            const send = (queue) => sqs().send(new SendMessageCommand({ QueueUrl: queue, MessageBody: "x" }));
            export const handler = async () => {

            """
        for queue in 0..<60 { source += "  await send(process.env.QUEUE_\(queue));\n" }
        source += "};"
        let (result, diagnostics) = Fixture(app: source).analyze()
        let queues = Set(result.calls.compactMap { $0.arguments["QueueUrl"] })
        #expect(queues.count == Interpreter.maximumInvocationsPerFunction)
        #expect(diagnostics.with(.javaScriptAnalysisLimit).count == 1)
    }

    @Test func loopOverKnownListCallsOncePerItem() {
        let source = """
            import { DynamoDBClient, DescribeTableCommand } from "@aws-sdk/client-dynamodb";
            const db = new DynamoDBClient({});
            const tables = ["orders", process.env.AUDIT_TABLE];
            export const handler = async () => {
              for (const TableName of tables) await db.send(new DescribeTableCommand({ TableName }));
            };
            """
        let names = Fixture(app: source).analyze().result.calls.compactMap { $0.arguments["TableName"] }
        #expect(Set(names) == [.literal("orders"), .environment(name: "AUDIT_TABLE", defaultValue: nil)])
    }

    @Test func conditionalInputGivesACallPerBranch() {
        let source = """
            import { DynamoDBClient, QueryCommand } from "@aws-sdk/client-dynamodb";
            const db = new DynamoDBClient({});
            export const handler = async (event) => {
              const input = event.byDate ? { TableName: "orders", IndexName: "byDate" } : { TableName: "orders" };
              await db.send(new QueryCommand(input));
            };
            """
        let calls = Fixture(app: source).analyze().result.calls
        #expect(calls.count == 2)
        #expect(calls.contains { $0.arguments["IndexName"] == nil && !$0.hasOpaqueArguments })
        #expect(calls.contains { $0.arguments["IndexName"] == .literal("byDate") })
    }

    @Test func unknownSpreadMarksArgumentsOpaque() throws {
        let source = """
            import { SNSClient, PublishCommand } from "@aws-sdk/client-sns";
            const sns = new SNSClient({});
            export const handler = async (event, context) => sns.send(new PublishCommand({ ...context.options, TopicArn: "arn:aws:sns:us-east-1:123456789012:t" }));
            """
        let call = try #require(Fixture(app: source).analyze().result.calls.first)
        #expect(call.hasOpaqueArguments)
        #expect(call.arguments["TopicArn"] == .literal("arn:aws:sns:us-east-1:123456789012:t"))
    }
}
