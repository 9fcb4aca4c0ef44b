import SourceAnalysis
import Testing

@testable import JavaScriptAnalysis

/// One handler and the call it must produce, with the arguments that matter.
struct SDKCallCase: CustomTestStringConvertible, Sendable {
    var name: String
    var source: String
    var client: String
    var operation: String
    var arguments: [String: SymbolicValue] = [:]
    var form: CallForm = .direct

    var testDescription: String { name }
}

@Suite(.enabled(if: catalogIsAvailable)) struct SDKCallTests {
    static let cases: [SDKCallCase] = [
        SDKCallCase(
            name: "SSM GetParameter with an environment name",
            source: """
                import { SSMClient, GetParameterCommand } from "@aws-sdk/client-ssm";
                const ssm = new SSMClient({});
                export const handler = async () => {
                  const out = await ssm.send(new GetParameterCommand({ Name: process.env.PARAM_NAME, WithDecryption: true }));
                  return out.Parameter?.Value;
                };
                """,
            client: "ssm", operation: "GetParameter",
            arguments: [
                "Name": .environment(name: "PARAM_NAME", defaultValue: nil),
                "WithDecryption": .literal("true"),
            ]),
        SDKCallCase(
            name: "SSM GetParametersByPath",
            source: """
                const { SSMClient, GetParametersByPathCommand } = require("@aws-sdk/client-ssm");
                const client = new SSMClient();
                exports.handler = async () => client.send(new GetParametersByPathCommand({ Path: `/${process.env.STAGE}/app/`, Recursive: true }));
                """,
            client: "ssm", operation: "GetParametersByPath",
            arguments: [
                "Path": .concatenation([
                    .literal("/"), .environment(name: "STAGE", defaultValue: nil), .literal("/app/"),
                ])
            ]),
        SDKCallCase(
            name: "Step Functions StartSyncExecution",
            source: """
                import { SFNClient, StartSyncExecutionCommand } from "@aws-sdk/client-sfn";
                const sfn = new SFNClient({});
                export async function handler(event) {
                  const command = new StartSyncExecutionCommand({ stateMachineArn: process.env.STATE_MACHINE_ARN, input: JSON.stringify(event) });
                  return sfn.send(command);
                }
                """,
            client: "stepfunctions", operation: "StartSyncExecution",
            arguments: ["stateMachineArn": .environment(name: "STATE_MACHINE_ARN", defaultValue: nil)]),
        SDKCallCase(
            name: "DynamoDB Query with IndexName through lib-dynamodb",
            source: """
                import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
                const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
                export const handler = async (event) => {
                  const result = await db.send(new QueryCommand({
                    TableName: process.env.TABLE_NAME,
                    IndexName: "byCustomer",
                    KeyConditionExpression: "customerId = :c",
                    ExpressionAttributeValues: { ":c": event.pathParameters.customerId },
                  }));
                  return result.Items;
                };
                """,
            client: "dynamodb", operation: "Query",
            arguments: [
                "TableName": .environment(name: "TABLE_NAME", defaultValue: nil), "IndexName": .literal("byCustomer"),
            ],
            form: .helper("DynamoDBDocumentClient")),
        SDKCallCase(
            name: "Secrets Manager by name",
            source: """
                import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
                const secrets = new SecretsManagerClient({});
                const SECRET_NAME = "prod/orders/api-key";
                export const handler = async () => {
                  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: SECRET_NAME }));
                  return SecretString;
                };
                """,
            client: "secretsmanager", operation: "GetSecretValue",
            arguments: ["SecretId": .literal("prod/orders/api-key")]),
        SDKCallCase(
            name: "S3 ListObjectsV2 on the aggregated client",
            source: """
                import { S3 } from "@aws-sdk/client-s3";
                const s3 = new S3({});
                export const handler = async () => s3.listObjectsV2({ Bucket: process.env.BUCKET, Prefix: "in/" });
                """,
            client: "s3", operation: "ListObjectsV2",
            arguments: ["Bucket": .environment(name: "BUCKET", defaultValue: nil)]),
        SDKCallCase(
            name: "S3 HeadBucket",
            source: """
                import * as s3sdk from "@aws-sdk/client-s3";
                const s3 = new s3sdk.S3Client({});
                export const handler = async () => s3.send(new s3sdk.HeadBucketCommand({ Bucket: "reports-bucket" }));
                """,
            client: "s3", operation: "HeadBucket", arguments: ["Bucket": .literal("reports-bucket")]),
        SDKCallCase(
            name: "S3 HeadObject with the key from the event",
            source: """
                import { S3Client, HeadObjectCommand } from "@aws-sdk/client-s3";
                const s3 = new S3Client({});
                export const handler = async (event) => {
                  for (const record of event.Records) {
                    const key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, " "));
                    await s3.send(new HeadObjectCommand({ Bucket: record.s3.bucket.name, Key: key }));
                  }
                };
                """,
            client: "s3", operation: "HeadObject",
            arguments: [
                "Bucket": .event(path: ["Records", "*", "s3", "bucket", "name"]),
                "Key": .event(path: ["Records", "*", "s3", "object", "key"]),
            ]),
        SDKCallCase(
            name: "SQS SendMessage with QueueUrl from env",
            source: """
                import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
                const sqs = new SQSClient({});
                const { QUEUE_URL } = process.env;
                export const handler = async (event) => {
                  await sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: event.body }));
                };
                """,
            client: "sqs", operation: "SendMessage",
            arguments: [
                "QueueUrl": .environment(name: "QUEUE_URL", defaultValue: nil), "MessageBody": .event(path: ["body"]),
            ]),
        SDKCallCase(
            name: "SNS Publish",
            source: """
                import { SNSClient, PublishCommand } from "@aws-sdk/client-sns";
                const sns = new SNSClient({});
                export const handler = async () => {
                  await sns.send(new PublishCommand({ TopicArn: process.env["TOPIC_ARN"], Message: "done" }));
                };
                """,
            client: "sns", operation: "Publish",
            arguments: ["TopicArn": .environment(name: "TOPIC_ARN", defaultValue: nil)]),
        SDKCallCase(
            name: "CloudWatch PutMetricData with a literal Namespace",
            source: """
                import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
                const cw = new CloudWatchClient({});
                export const handler = async () => {
                  await cw.send(new PutMetricDataCommand({ Namespace: "Orders", MetricData: [{ MetricName: "Placed", Value: 1 }] }));
                };
                """,
            client: "cloudwatch", operation: "PutMetricData", arguments: ["Namespace": .literal("Orders")]),
        SDKCallCase(
            name: "STS AssumeRole",
            source: """
                import { STSClient, AssumeRoleCommand } from "@aws-sdk/client-sts";
                const sts = new STSClient({});
                export const handler = async () => sts.send(new AssumeRoleCommand({ RoleArn: process.env.TARGET_ROLE_ARN ?? "arn:aws:iam::123456789012:role/x", RoleSessionName: "job" }));
                """,
            client: "sts", operation: "AssumeRole",
            arguments: [
                "RoleArn": .environment(name: "TARGET_ROLE_ARN", defaultValue: "arn:aws:iam::123456789012:role/x")
            ]),
        SDKCallCase(
            name: "an error-path call in catch",
            source: """
                import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
                const sqs = new SQSClient({});
                export const handler = async (event) => {
                  try {
                    JSON.parse(event.body);
                  } catch (error) {
                    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.DLQ_URL, MessageBody: String(error) }));
                    throw error;
                  }
                };
                """,
            client: "sqs", operation: "SendMessage",
            arguments: ["QueueUrl": .environment(name: "DLQ_URL", defaultValue: nil)]),
    ]

    @Test(arguments: cases) func recognizesCall(_ testCase: SDKCallCase) throws {
        let (result, diagnostics) = Fixture(app: testCase.source).analyze()
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        let call = try #require(result.calls(testCase.operation).first, "calls found: \(result.summary)")
        #expect(call.client == testCase.client)
        #expect(call.form == testCase.form)
        for (name, value) in testCase.arguments {
            if case .unknown = value {
                #expect(call.arguments[name] != nil, "missing \(name)")
            } else {
                #expect(call.arguments[name] == value, "argument \(name)")
            }
        }
        #expect(result.calls.count == 1, "\(result.summary)")
        #expect(call.location.file == "app.mjs")
        #expect(call.location.line > 1)
    }

    @Test func callLocationIsTheExpressionStart() throws {
        let source =
            "import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';\nconst sns = new SNSClient({});\n"
            + "export const handler = async () => {\n  await sns.send(new PublishCommand({ TopicArn: 't' }));\n};"
        let call = try #require(Fixture(app: source).analyze().result.calls.first)
        #expect(call.location.line == 4)
        #expect(call.location.column == 9)
    }
}
