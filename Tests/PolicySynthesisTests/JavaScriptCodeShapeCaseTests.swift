import Testing

/// Clients and commands that travel through local modules, variables, helper functions and
/// classes before they are sent, from template to policy.
@Suite struct JavaScriptCodeShapeCaseTests {
    static let orders = regionalARN("dynamodb", "table/orders")
    static let jobs = regionalARN("sqs", "jobs")

    static let cases: [JavaScriptCase] = [
        JavaScriptCase(
            name: "client exported by a local module",
            project: JavaScriptProject(
                environment: ["ORDERS_TABLE": "!Ref Orders"], resources: JavaScriptResources.ordersTable,
                files: [
                    "lib/clients.mjs": """
                    import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                    import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
                    export const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
                    export const ordersTable = process.env.ORDERS_TABLE;
                    """,
                    "app.mjs": """
                    import { GetCommand } from "@aws-sdk/lib-dynamodb";
                    import { documents, ordersTable } from "./lib/clients.mjs";
                    export const handler = async (event) => documents.send(new GetCommand({ TableName: ordersTable, Key: { id: event.id } }));
                    """,
                ]),
            granted: ["dynamodb:GetItem \(orders)"]),
        JavaScriptCase(
            name: "client passed to a repository class",
            project: JavaScriptProject(
                environment: ["ORDERS_TABLE": "!Ref Orders"], resources: JavaScriptResources.ordersTable,
                files: [
                    "repository.ts": """
                    import { DynamoDBDocumentClient, PutCommand, DeleteCommand } from "@aws-sdk/lib-dynamodb";
                    export class OrderRepository {
                      constructor(private readonly client: DynamoDBDocumentClient, private readonly table: string) {}
                      async save(order: Record<string, unknown>): Promise<void> {
                        await this.client.send(new PutCommand({ TableName: this.table, Item: order }));
                      }
                      async remove(id: string): Promise<void> {
                        await this.client.send(new DeleteCommand({ TableName: this.table, Key: { id } }));
                      }
                    }
                    """,
                    "app.ts": """
                    import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                    import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
                    import { OrderRepository } from "./repository";
                    const repository = new OrderRepository(DynamoDBDocumentClient.from(new DynamoDBClient({})), process.env.ORDERS_TABLE!);
                    export const handler = async (event: { id: string }) => {
                      await repository.save({ id: event.id });
                    };
                    """,
                ]),
            granted: ["dynamodb:PutItem \(orders)"],
            absentActions: ["dynamodb:GetItem"]),
        JavaScriptCase(
            name: "client passed as an argument from CommonJS",
            project: JavaScriptProject(
                environment: ["JOBS_URL": "!Ref Jobs"], resources: JavaScriptResources.encryptedQueue,
                files: [
                    "lib/queue.js": """
                    const { SendMessageCommand } = require("@aws-sdk/client-sqs");
                    async function enqueue(client, body) {
                      return client.send(new SendMessageCommand({ QueueUrl: process.env.JOBS_URL, MessageBody: body }));
                    }
                    module.exports = { enqueue };
                    """,
                    "app.js": """
                    const { SQSClient } = require("@aws-sdk/client-sqs");
                    const { enqueue } = require("./lib/queue");
                    const sqs = new SQSClient({});
                    exports.handler = async (event) => enqueue(sqs, JSON.stringify(event));
                    """,
                ]),
            granted: ["sqs:SendMessage \(jobs)"]),
        JavaScriptCase(
            name: "commands built before send",
            project: JavaScriptProject(
                environment: ["JOBS_URL": "!Ref Jobs"], resources: JavaScriptResources.encryptedQueue,
                files: [
                    "app.mjs": """
                    import { DeleteMessageCommand, SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
                    const sqs = new SQSClient({});
                    const QUEUE_URL = process.env.JOBS_URL;
                    function deleteCommand(handle) {
                      return new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: handle });
                    }
                    export const handler = async (event) => {
                      const sends = event.items.map((item) => new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: item }));
                      await Promise.all(sends.map((command) => sqs.send(command)));
                      const command = deleteCommand(event.handle);
                      await sqs.send(command);
                    };
                    """
                ]),
            granted: ["sqs:SendMessage \(jobs)", "sqs:DeleteMessage \(jobs)"],
            absentActions: ["sqs:ReceiveMessage"]),
        JavaScriptCase(
            name: "write on an error path",
            project: JavaScriptProject(files: [
                "app.mjs": """
                import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
                import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
                const lambda = new LambdaClient({});
                const s3 = new S3Client({});
                export const handler = async (event) => {
                  try {
                    await lambda.send(new InvokeCommand({ FunctionName: "resize", Payload: event.body }));
                  } catch (error) {
                    if (error.name !== "RequestEntityTooLargeException") throw error;
                    await s3.send(new PutObjectCommand({ Bucket: "fallback-bucket", Key: `large/${event.id}`, Body: event.body }));
                  }
                };
                """
            ]),
            granted: [
                "lambda:InvokeFunction \(regionalARN("lambda", "function:resize"))",
                "s3:PutObject \(s3ARN("fallback-bucket/large/*"))",
            ]),
    ]

    @Test(arguments: cases) func policyMatches(_ testCase: JavaScriptCase) throws {
        try testCase.check()
    }
}
