import Testing

/// DynamoDB through the v3 document client (`@aws-sdk/lib-dynamodb`), the v3 low-level client
/// and the v2 `DocumentClient`, from template to policy.
@Suite struct JavaScriptDynamoDBCaseTests {
    static let orders = regionalARN("dynamodb", "table/orders")
    static let inventory = regionalARN("dynamodb", "table/inventory")
    static let byStatus = regionalARN("dynamodb", "table/orders/index/by-status")

    static func project(_ code: String, file: String = "app.mjs") -> JavaScriptProject {
        JavaScriptProject(
            environment: ["ORDERS_TABLE": "!Ref Orders", "INVENTORY_TABLE": "!Ref Inventory"],
            resources: JavaScriptResources.ordersTable + "\n" + JavaScriptResources.inventoryTable,
            files: [file: code])
    }

    static let cases: [JavaScriptCase] = [
        JavaScriptCase(
            name: "document client item commands",
            project: project(
                """
                import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
                const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
                const TABLE = process.env.ORDERS_TABLE;
                export const handler = async (event) => {
                  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { id: event.id } }));
                  await doc.send(new PutCommand({ TableName: TABLE, Item: { ...Item, seen: true } }));
                  await doc.send(new UpdateCommand({ TableName: TABLE, Key: { id: event.id }, UpdateExpression: "SET n = :n" }));
                };
                """),
            granted: ["dynamodb:GetItem \(orders)", "dynamodb:PutItem \(orders)", "dynamodb:UpdateItem \(orders)"],
            notGranted: ["dynamodb:GetItem \(inventory)"],
            absentActions: ["dynamodb:DeleteItem", "dynamodb:Scan"]),
        JavaScriptCase(
            name: "document client index query",
            project: project(
                """
                import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
                const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
                export const handler = async () => doc.send(new QueryCommand({
                  TableName: process.env.ORDERS_TABLE,
                  IndexName: "by-status",
                  KeyConditionExpression: "#s = :s",
                  ExpressionAttributeNames: { "#s": "status" },
                  ExpressionAttributeValues: { ":s": "OPEN" },
                }));
                """),
            granted: ["dynamodb:Query \(byStatus)"],
            notGranted: ["dynamodb:Query \(orders)"]),
        JavaScriptCase(
            name: "document client write transaction",
            project: project(
                """
                import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                import { DynamoDBDocumentClient, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
                const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
                export async function handler(event) {
                  await doc.send(new TransactWriteCommand({
                    TransactItems: [
                      { Put: { TableName: process.env.ORDERS_TABLE, Item: { id: event.id } } },
                      { Update: { TableName: process.env.INVENTORY_TABLE, Key: { sku: event.sku }, UpdateExpression: "SET n = n - :one" } },
                      { ConditionCheck: { TableName: process.env.INVENTORY_TABLE, Key: { sku: "limit" }, ConditionExpression: "n > :zero" } },
                    ],
                  }));
                }
                """),
            granted: [
                "dynamodb:PutItem \(orders)", "dynamodb:UpdateItem \(inventory)",
                "dynamodb:ConditionCheckItem \(inventory)",
            ],
            notGranted: ["dynamodb:PutItem \(inventory)", "dynamodb:UpdateItem \(orders)"],
            absentActions: ["dynamodb:DeleteItem", "dynamodb:TransactWriteItems"]),
        JavaScriptCase(
            name: "document client read transaction",
            project: project(
                """
                import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                import { DynamoDBDocumentClient, TransactGetCommand } from "@aws-sdk/lib-dynamodb";
                const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
                export const handler = async (event) => doc.send(new TransactGetCommand({
                  TransactItems: [{ Get: { TableName: process.env.ORDERS_TABLE, Key: { id: event.id } } }],
                }));
                """),
            granted: ["dynamodb:GetItem \(orders)"],
            notGranted: ["dynamodb:GetItem \(inventory)"]),
        JavaScriptCase(
            name: "document client batches with computed table keys",
            project: project(
                """
                import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
                import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
                const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
                const { ORDERS_TABLE, INVENTORY_TABLE } = process.env;
                export const handler = async (event) => {
                  await doc.send(new BatchWriteCommand({
                    RequestItems: { [ORDERS_TABLE]: event.orders.map((Item) => ({ PutRequest: { Item } })) },
                  }));
                  return doc.send(new BatchGetCommand({
                    RequestItems: { [INVENTORY_TABLE]: { Keys: event.skus.map((sku) => ({ sku })) } },
                  }));
                };
                """),
            granted: ["dynamodb:BatchWriteItem \(orders)", "dynamodb:BatchGetItem \(inventory)"],
            notGranted: ["dynamodb:BatchWriteItem \(inventory)", "dynamodb:BatchGetItem \(orders)"]),
        JavaScriptCase(
            name: "batch items assigned by table key",
            project: project(
                """
                const { DynamoDBClient, BatchWriteItemCommand } = require("@aws-sdk/client-dynamodb");
                const ddb = new DynamoDBClient({});
                exports.handler = async (event) => {
                  const params = { RequestItems: {} };
                  params.RequestItems[process.env.INVENTORY_TABLE] = event.items.map((Item) => ({ PutRequest: { Item } }));
                  return ddb.send(new BatchWriteItemCommand(params));
                };
                """, file: "app.js"),
            granted: ["dynamodb:BatchWriteItem \(inventory)"],
            notGranted: ["dynamodb:BatchWriteItem \(regionalARN("dynamodb", "table/*"))"]),
        JavaScriptCase(
            name: "aggregated document client methods",
            project: project(
                """
                import { DynamoDB } from "@aws-sdk/client-dynamodb";
                import { DynamoDBDocument } from "@aws-sdk/lib-dynamodb";
                const doc = DynamoDBDocument.from(new DynamoDB({}));
                export const handler = async (event) => {
                  await doc.delete({ TableName: process.env.ORDERS_TABLE, Key: { id: event.id } });
                  return doc.scan({ TableName: process.env.INVENTORY_TABLE });
                };
                """),
            granted: ["dynamodb:DeleteItem \(orders)", "dynamodb:Scan \(inventory)"],
            notGranted: ["dynamodb:Scan \(orders)"]),
        JavaScriptCase(
            name: "low-level client query on index",
            project: project(
                """
                import { DynamoDBClient, QueryCommand } from "@aws-sdk/client-dynamodb";
                const ddb = new DynamoDBClient({});
                export const handler = async () => ddb.send(new QueryCommand({
                  TableName: process.env.ORDERS_TABLE,
                  IndexName: "by-status",
                  KeyConditionExpression: "#s = :s",
                }));
                """),
            granted: ["dynamodb:Query \(byStatus)"],
            notGranted: ["dynamodb:Query \(orders)"]),
        JavaScriptCase(
            name: "v2 DocumentClient with promise",
            project: project(
                """
                const AWS = require("aws-sdk");
                const doc = new AWS.DynamoDB.DocumentClient();
                exports.handler = async (event) => {
                  await doc.put({ TableName: process.env.ORDERS_TABLE, Item: event }).promise();
                  const params = { TableName: process.env.ORDERS_TABLE, IndexName: "by-status", KeyConditionExpression: "s = :s" };
                  return doc.query(params).promise();
                };
                """, file: "app.js"),
            granted: ["dynamodb:PutItem \(orders)", "dynamodb:Query \(byStatus)"],
            notGranted: ["dynamodb:Query \(orders)"]),
        JavaScriptCase(
            name: "v2 DocumentClient write transaction",
            project: project(
                """
                const DynamoDB = require("aws-sdk/clients/dynamodb");
                const doc = new DynamoDB.DocumentClient();
                exports.handler = async (event) => doc.transactWrite({
                  TransactItems: [
                    { Put: { TableName: process.env.ORDERS_TABLE, Item: event } },
                    { Delete: { TableName: process.env.INVENTORY_TABLE, Key: { sku: event.sku } } },
                  ],
                }).promise();
                """, file: "app.js"),
            granted: ["dynamodb:PutItem \(orders)", "dynamodb:DeleteItem \(inventory)"],
            notGranted: ["dynamodb:PutItem \(inventory)", "dynamodb:DeleteItem \(orders)"]),
    ]

    @Test(arguments: cases) func policyMatches(_ testCase: JavaScriptCase) throws {
        try testCase.check()
    }
}
