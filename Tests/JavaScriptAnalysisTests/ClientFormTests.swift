import SourceAnalysis
import Testing

@testable import JavaScriptAnalysis

/// A handler and every call it must produce, as `client:Operation`.
struct FormCase: CustomTestStringConvertible, Sendable {
    var name: String
    var source: String
    var expected: [String]
    var file = "app.mjs"

    var testDescription: String { name }
}

@Suite(.enabled(if: catalogIsAvailable)) struct ClientFormTests {
    static let version3: [FormCase] = [
        FormCase(
            name: "namespace import",
            source: """
                import * as sqs from "@aws-sdk/client-sqs";
                const client = new sqs.SQSClient({});
                export const handler = async () => client.send(new sqs.DeleteMessageCommand({ QueueUrl: "q", ReceiptHandle: "r" }));
                """,
            expected: ["sqs:DeleteMessage"]),
        FormCase(
            name: "default import",
            source: """
                import s3 from "@aws-sdk/client-s3";
                const client = new s3.S3Client();
                export const handler = async () => client.send(new s3.GetObjectCommand({ Bucket: "b", Key: "k" }));
                """,
            expected: ["s3:GetObject"]),
        FormCase(
            name: "require with a command in a variable",
            source: """
                const sdk = require("@aws-sdk/client-kinesis");
                const { KinesisClient } = sdk;
                const kinesis = new KinesisClient({});
                module.exports.handler = async (event) => {
                  const put = new sdk.PutRecordCommand({ StreamName: process.env.STREAM, Data: Buffer.from("x"), PartitionKey: "p" });
                  const response = await kinesis.send(put);
                  return response;
                };
                """,
            expected: ["kinesis:PutRecord"], file: "app.js"),
        FormCase(
            name: "aggregated DynamoDB client",
            source: """
                import { DynamoDB } from "@aws-sdk/client-dynamodb";
                export const handler = async () => new DynamoDB({}).describeTable({ TableName: "t" });
                """,
            expected: ["dynamodb:DescribeTable"]),
        FormCase(
            name: "every lib-dynamodb command",
            source: """
                import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                import * as lib from "@aws-sdk/lib-dynamodb";
                const doc = lib.DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: {} });
                const TableName = process.env.TABLE;
                export const handler = async () => {
                  await doc.send(new lib.GetCommand({ TableName, Key: { id: "1" } }));
                  await doc.send(new lib.PutCommand({ TableName, Item: {} }));
                  await doc.send(new lib.UpdateCommand({ TableName, Key: {} }));
                  await doc.send(new lib.DeleteCommand({ TableName, Key: {} }));
                  await doc.send(new lib.QueryCommand({ TableName }));
                  await doc.send(new lib.ScanCommand({ TableName }));
                  await doc.send(new lib.BatchGetCommand({ RequestItems: {} }));
                  await doc.send(new lib.BatchWriteCommand({ RequestItems: {} }));
                  await doc.send(new lib.TransactGetCommand({ TransactItems: [] }));
                  await doc.send(new lib.TransactWriteCommand({ TransactItems: [] }));
                };
                """,
            expected: [
                "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:GetItem",
                "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:TransactGetItems",
                "dynamodb:TransactWriteItems", "dynamodb:UpdateItem",
            ]),
        FormCase(
            name: "lib-storage Upload",
            source: """
                import { S3Client } from "@aws-sdk/client-s3";
                import { Upload } from "@aws-sdk/lib-storage";
                export const handler = async (event) => {
                  const upload = new Upload({ client: new S3Client({}), params: { Bucket: process.env.EXPORT_BUCKET, Key: "out.csv", Body: event.body } });
                  await upload.done();
                };
                """,
            expected: [
                "s3:AbortMultipartUpload", "s3:CompleteMultipartUpload", "s3:CreateMultipartUpload", "s3:PutObject",
                "s3:UploadPart",
            ]),
        FormCase(
            name: "presigned URL",
            source: """
                import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";
                import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
                const s3 = new S3Client({});
                export const handler = async () => getSignedUrl(s3, new PutObjectCommand({ Bucket: "uploads", Key: "a" }), { expiresIn: 60 });
                """,
            expected: ["s3:PutObject"]),
        FormCase(
            name: "paginator and waiter",
            source: """
                import { S3Client, paginateListObjectsV2, waitUntilObjectExists } from "@aws-sdk/client-s3";
                const client = new S3Client({});
                export const handler = async () => {
                  for await (const page of paginateListObjectsV2({ client }, { Bucket: "b" })) { console.log(page); }
                  await waitUntilObjectExists({ client, maxWaitTime: 30 }, { Bucket: "b", Key: "k" });
                };
                """,
            expected: ["s3:HeadObject", "s3:ListObjectsV2"]),
        FormCase(
            name: "client kept on this by a class",
            source: """
                import { SNSClient, PublishCommand } from "@aws-sdk/client-sns";
                class Notifier {
                  private readonly client: SNSClient;
                  constructor(private topic: string) { this.client = new SNSClient({}); }
                  async notify(message: string): Promise<void> {
                    await this.client.send(new PublishCommand({ TopicArn: this.topic, Message: message }));
                  }
                }
                const notifier = new Notifier(process.env.TOPIC_ARN!);
                export const handler = async (event: unknown): Promise<void> => notifier.notify("hi");
                """,
            expected: ["sns:Publish"], file: "app.ts"),
    ]

    static let version2: [FormCase] = [
        FormCase(
            name: "v2 require with promise",
            source: """
                const AWS = require("aws-sdk");
                const s3 = new AWS.S3({ apiVersion: "2006-03-01" });
                exports.handler = async (event) => {
                  const data = await s3.getObject({ Bucket: process.env.BUCKET, Key: event.key }).promise();
                  return data.Body.toString();
                };
                """,
            expected: ["s3:GetObject"], file: "app.js"),
        FormCase(
            name: "v2 client module with a callback",
            source: """
                const SQS = require("aws-sdk/clients/sqs");
                const sqs = new SQS();
                exports.handler = (event, context, callback) => {
                  sqs.sendMessage({ QueueUrl: process.env.QUEUE_URL, MessageBody: "x" }, (err, data) => {
                    if (err) { sqs.deleteQueue({ QueueUrl: "never" }, () => {}); }
                    callback(err, data);
                  });
                };
                """,
            expected: ["sqs:DeleteQueue", "sqs:SendMessage"], file: "app.js"),
        FormCase(
            name: "v2 DocumentClient methods",
            source: """
                const AWS = require("aws-sdk");
                const db = new AWS.DynamoDB.DocumentClient();
                const params = { TableName: process.env.TABLE };
                exports.handler = async () => {
                  await db.get({ ...params, Key: { id: 1 } }).promise();
                  await db.put({ ...params, Item: {} }).promise();
                  await db.update(params).promise();
                  await db.delete(params).promise();
                  await db.query(params).promise();
                  await db.scan(params).promise();
                  await db.batchGet({ RequestItems: {} }).promise();
                  await db.batchWrite({ RequestItems: {} }).promise();
                  await db.transactGet({ TransactItems: [] }).promise();
                  await db.transactWrite({ TransactItems: [] }).promise();
                };
                """,
            expected: [
                "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:GetItem",
                "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:TransactGetItems",
                "dynamodb:TransactWriteItems", "dynamodb:UpdateItem",
            ], file: "app.js"),
        FormCase(
            name: "v2 getSignedUrl and managed upload",
            source: """
                import AWS from "aws-sdk";
                const s3 = new AWS.S3();
                export const handler = async () => {
                  const url = s3.getSignedUrl("getObject", { Bucket: "b", Key: "k", Expires: 60 });
                  await s3.upload({ Bucket: "b", Key: "k2", Body: "x" }).promise();
                  return url;
                };
                """,
            expected: [
                "s3:AbortMultipartUpload", "s3:CompleteMultipartUpload", "s3:CreateMultipartUpload", "s3:GetObject",
                "s3:PutObject", "s3:UploadPart",
            ]),
        FormCase(
            name: "v2 ManagedUpload",
            source: """
                const AWS = require("aws-sdk");
                exports.handler = async () => new AWS.S3.ManagedUpload({ params: { Bucket: "b", Key: "k", Body: "x" } }).promise();
                """,
            expected: [
                "s3:AbortMultipartUpload", "s3:CompleteMultipartUpload", "s3:CreateMultipartUpload", "s3:PutObject",
                "s3:UploadPart",
            ], file: "app.js"),
    ]

    static let helpers: [FormCase] = [
        FormCase(
            name: "Powertools parameters functions",
            source: """
                import { getParameter, getParameters } from "@aws-lambda-powertools/parameters/ssm";
                import { getSecret } from "@aws-lambda-powertools/parameters/secrets";
                export const handler = async () => {
                  await getParameter(process.env.PARAM, { decrypt: true });
                  await getParameters("/app/config");
                  await getSecret("db-password");
                };
                """,
            expected: ["secretsmanager:GetSecretValue", "ssm:GetParameter", "ssm:GetParametersByPath"]),
        FormCase(
            name: "Powertools providers",
            source: """
                import { SSMProvider } from "@aws-lambda-powertools/parameters/ssm";
                import { DynamoDBProvider } from "@aws-lambda-powertools/parameters/dynamodb";
                const ssm = new SSMProvider();
                const table = new DynamoDBProvider({ tableName: process.env.CONFIG_TABLE });
                export const handler = async () => [await ssm.get("/a"), await table.get("k"), await ssm.getMultiple("/p")];
                """,
            expected: ["dynamodb:GetItem", "ssm:GetParameter", "ssm:GetParametersByPath"]),
        FormCase(
            name: "presigned POST, temporary credentials and idempotency",
            source: """
                import { S3Client } from "@aws-sdk/client-s3";
                import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
                import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
                import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
                const persistence = new DynamoDBPersistenceLayer({ tableName: process.env.IDEMPOTENCY_TABLE });
                const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.UPLOAD_ROLE_ARN } }) });
                export const handler = async () => createPresignedPost(s3, { Bucket: "uploads", Key: "a", Expires: 60 });
                """,
            expected: [
                "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "s3:PutObject",
                "sts:AssumeRole",
            ]),
        FormCase(
            name: "Parameters and Secrets extension over fetch",
            source: """
                const port = 2773;
                export const handler = async () => {
                  const headers = { "X-Aws-Parameters-Secrets-Token": process.env.AWS_SESSION_TOKEN };
                  const parameter = await fetch(`http://localhost:${port}/systemsmanager/parameters/get?name=${encodeURIComponent(process.env.PARAM)}&withDecryption=true`, { headers });
                  const secret = await fetch("http://localhost:2773/secretsmanager/get?secretId=prod%2Fdb", { headers });
                  return [parameter, secret];
                };
                """,
            expected: ["secretsmanager:GetSecretValue", "ssm:GetParameter"]),
        FormCase(
            name: "Parameters and Secrets extension over http.get",
            source: """
                const http = require("http");
                exports.handler = (event, context) => new Promise((resolve) => {
                  http.get({ hostname: "localhost", port: 2773, path: "/secretsmanager/get?secretId=" + process.env.SECRET_ID }, resolve);
                });
                """,
            expected: ["secretsmanager:GetSecretValue"], file: "app.js"),
    ]

    @Test(arguments: version3 + version2 + helpers) func recognizesForm(_ testCase: FormCase) {
        let (result, diagnostics) = Fixture(app: testCase.source, file: testCase.file).analyze()
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(result.summary == testCase.expected)
    }

    @Test func paginatorAndWaiterForms() throws {
        let source = Self.version3.first { $0.name == "paginator and waiter" }!.source
        let result = Fixture(app: source).analyze().result
        let listing = try #require(result.calls("ListObjectsV2").first)
        #expect(listing.form == .paginator)
        #expect(listing.arguments["Bucket"] == .literal("b"))
        let waited = try #require(result.calls("HeadObject").first)
        #expect(waited.form == .waiter("ObjectExists"))
        #expect(waited.arguments["Key"] == .literal("k"))
    }

    @Test func documentClientFromClientModule() throws {
        let source = """
            const DynamoDB = require("aws-sdk/clients/dynamodb");
            const { DynamoDBDocumentClient, paginateQuery } = require("@aws-sdk/lib-dynamodb");
            const docClient = new DynamoDB.DocumentClient();
            exports.handler = async () => {
              await docClient.put({ TableName: "orders", Item: {} }).promise();
              for await (const page of paginateQuery({ client: DynamoDBDocumentClient.from(null) }, { TableName: "orders", IndexName: "byDate" })) {}
            };
            """
        let result = Fixture(app: source, file: "app.js").analyze().result
        #expect(result.summary == ["dynamodb:PutItem", "dynamodb:Query"])
        let put = try #require(result.calls("PutItem").first)
        #expect(put.form == .helper("DocumentClient"))
        let query = try #require(result.calls("Query").first)
        #expect(query.form == .paginator)
        #expect(query.arguments["IndexName"] == .literal("byDate"))
    }

    @Test func presignedFormAndArguments() throws {
        let source = Self.version3.first { $0.name == "presigned URL" }!.source
        let call = try #require(Fixture(app: source).analyze().result.calls.first)
        #expect(call.form == .presignedURL)
        #expect(call.arguments["Bucket"] == .literal("uploads"))
    }

    @Test func uploadCarriesEncryptionParameters() throws {
        let source = """
            import { S3Client } from "@aws-sdk/client-s3";
            import { Upload } from "@aws-sdk/lib-storage";
            const s3 = new S3Client({});
            export const handler = async (event) => {
              const params = { Bucket: process.env.EXPORT_BUCKET, Key: `exports/${event.id}.csv`, Body: "x" };
              await new Upload({ client: s3, params: { ...params, ServerSideEncryption: "aws:kms", SSEKMSKeyId: process.env.EXPORT_KEY_ARN } }).done();
            };
            """
        let result = Fixture(app: source).analyze().result
        for operation in ["PutObject", "CreateMultipartUpload"] {
            let call = try #require(result.calls(operation).first)
            #expect(call.form == .helper("Upload"))
            #expect(call.arguments["ServerSideEncryption"] == .literal("aws:kms"))
            #expect(call.arguments["SSEKMSKeyId"] == .environment(name: "EXPORT_KEY_ARN", defaultValue: nil))
            #expect(call.arguments["Bucket"] == .environment(name: "EXPORT_BUCKET", defaultValue: nil))
            #expect(call.arguments["Body"] == nil)
        }
        let part = try #require(result.calls("UploadPart").first)
        // Parts are encrypted with the upload's key, which `UploadPart` needs `kms:Decrypt` on.
        #expect(part.arguments["SSEKMSKeyId"] == .environment(name: "EXPORT_KEY_ARN", defaultValue: nil))
        #expect(part.arguments["ServerSideEncryption"] == nil)
        #expect(
            part.arguments["Key"] == .concatenation([.literal("exports/"), .event(path: ["id"]), .literal(".csv")]))
    }

    @Test func extensionNamesTheParameter() throws {
        let source = Self.helpers.first { $0.name == "Parameters and Secrets extension over fetch" }!.source
        let result = Fixture(app: source).analyze().result
        let parameter = try #require(result.calls("GetParameter").first)
        #expect(parameter.arguments["Name"] == .environment(name: "PARAM", defaultValue: nil))
        #expect(parameter.form == .parametersAndSecretsExtension)
        let secret = try #require(result.calls("GetSecretValue").first)
        #expect(secret.arguments["SecretId"] == .literal("prod/db"))
    }

    @Test func extensionQueryFromAxiosParams() throws {
        let source = """
            import axios from "axios";
            export const handler = async () => axios.get("http://localhost:2773/secretsmanager/get", { params: { secretId: process.env.SECRET_ARN } });
            """
        let call = try #require(Fixture(app: source).analyze().result.calls.first)
        #expect(call.operation == "GetSecretValue")
        #expect(call.arguments["SecretId"] == .environment(name: "SECRET_ARN", defaultValue: nil))
    }

    @Test func unknownClientPackageIsReported() {
        let source = "import { FooClient } from '@aws-sdk/client-not-a-service';\nexport const handler = async () => 1;"
        let (_, diagnostics) = Fixture(app: source).analyze()
        #expect(diagnostics.with(.javaScriptUnknownService).first?.location?.line == 1)
    }

    @Test func unknownCommandIsReported() {
        let source = """
            import { S3Client, FrobnicateCommand } from "@aws-sdk/client-s3";
            const s3 = new S3Client({});
            export const handler = async (event) => { await s3.send(new FrobnicateCommand({})); await s3.send(event.command); };
            """
        let (result, diagnostics) = Fixture(app: source).analyze()
        #expect(result.calls.isEmpty)
        #expect(diagnostics.with(.javaScriptUnknownOperation).count == 1)
        #expect(diagnostics.with(.javaScriptUnknownCommand).count == 1)
    }
}

@Suite(.enabled(if: catalogIsAvailable)) struct ClientNameTests {
    @Test(arguments: [
        ("@aws-sdk/client-cloudwatch-logs", "CloudWatchLogsClient", "PutLogEventsCommand", "logs"),
        ("@aws-sdk/client-eventbridge", "EventBridgeClient", "PutEventsCommand", "events"),
        ("@aws-sdk/client-lambda", "LambdaClient", "InvokeCommand", "lambda"),
        ("@aws-sdk/client-kms", "KMSClient", "DecryptCommand", "kms"),
    ])
    func version3PackageMapsToBoto3Name(package: String, client: String, command: String, expected: String) throws {
        let source = """
            import { \(client), \(command) } from "\(package)";
            const c = new \(client)({});
            export const handler = async () => c.send(new \(command)({}));
            """
        let call = try #require(Fixture(app: source).analyze().result.calls.first)
        #expect(call.client == expected)
        #expect(call.operation == String(command.dropLast("Command".count)))
    }

    @Test(arguments: [
        ("CloudWatchLogs", "putLogEvents", "logs", "PutLogEvents"),
        ("EventBridge", "putEvents", "events", "PutEvents"),
        ("StepFunctions", "startExecution", "stepfunctions", "StartExecution"),
        ("Lambda", "invoke", "lambda", "Invoke"),
    ])
    func version2ClassMapsToBoto3Name(className: String, method: String, expected: String, operation: String) throws {
        let source = """
            const AWS = require("aws-sdk");
            const c = new AWS.\(className)();
            exports.handler = async () => c.\(method)({}).promise();
            """
        let call = try #require(Fixture(app: source, file: "app.js").analyze().result.calls.first)
        #expect(call.client == expected)
        #expect(call.operation == operation)
    }
}
