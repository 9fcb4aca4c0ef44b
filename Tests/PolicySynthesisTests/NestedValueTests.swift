import PolicySynthesis
import Testing

/// Resources named inside lists and mappings of the request.
@Suite struct NestedValueTests {
    func generate(_ code: String) throws -> FunctionPolicy {
        try ProjectFixture(files: ["template.yaml": samTemplate(), "src/app.py": code]).generate().function("Fn")
    }

    @Test func transactionItemsNameTheirTables() throws {
        let policy = try generate(
            """
            import boto3
            ddb = boto3.client("dynamodb")
            def handler(event, context):
                ddb.transact_write_items(TransactItems=[
                    {"Put": {"TableName": "jobs", "Item": {}}},
                    {"Delete": {"TableName": "jobs", "Key": {}}},
                ])
            """)
        let table = regionalARN("dynamodb", "table/jobs")
        #expect(policy.grants.contains("dynamodb:PutItem \(table)"))
        #expect(policy.grants.contains("dynamodb:DeleteItem \(table)"))
        #expect(!policy.actions.contains("dynamodb:UpdateItem"))
    }

    @Test func copyReadsTheSourceAndWritesTheDestination() throws {
        let policy = try generate(
            """
            import boto3
            s3 = boto3.client("s3")
            B = "media-bucket"
            def handler(event, context):
                s3.copy_object(Bucket=B, Key="dst/a.txt", CopySource=f"{B}/src/a.txt")
                s3.copy({"Bucket": B, "Key": "src/b.txt"}, B, "dst/b.txt")
            """)
        let prefix = "arn:${AWS::Partition}:s3:::media-bucket/"
        #expect(policy.grants.contains("s3:GetObject \(prefix)src/a.txt"))
        #expect(policy.grants.contains("s3:GetObject \(prefix)src/b.txt"))
        #expect(policy.grants.contains("s3:PutObject \(prefix)dst/a.txt"))
        #expect(policy.grants.contains("s3:PutObject \(prefix)dst/b.txt"))
        #expect(!policy.grants.contains("s3:GetObject \(prefix)dst/a.txt"))
        #expect(!policy.grants.contains("s3:GetObject \(prefix)dst/b.txt"))
    }

    @Test func listOfNamesGivesOneResourceEach() throws {
        let policy = try generate(
            """
            import boto3
            ssm = boto3.client("ssm")
            def handler(event, context):
                ssm.get_parameters(Names=["/app/a", "/app/b"])
            """)
        #expect(policy.grants.contains("ssm:GetParameters \(regionalARN("ssm", "parameter/app/a"))"))
        #expect(policy.grants.contains("ssm:GetParameters \(regionalARN("ssm", "parameter/app/b"))"))
    }

    @Test func literalDeleteKeysAreScoped() throws {
        let policy = try generate(
            """
            import boto3
            s3 = boto3.client("s3")
            def handler(event, context):
                s3.delete_objects(Bucket="b", Delete={"Objects": [{"Key": "tmp/a"}, {"Key": "tmp/b"}]})
            """)
        #expect(policy.grants.contains("s3:DeleteObject arn:${AWS::Partition}:s3:::b/tmp/a"))
        #expect(policy.grants.contains("s3:DeleteObject arn:${AWS::Partition}:s3:::b/tmp/b"))
    }

    @Test func eventsWithoutBusGoToTheDefaultBus() throws {
        let policy = try generate(
            """
            import boto3
            events = boto3.client("events")
            def handler(event, context):
                events.put_events(Entries=[{"Source": "shop", "DetailType": "order", "Detail": "{}"}])
            """)
        #expect(policy.grants.contains("events:PutEvents \(regionalARN("events", "event-bus/default"))"))
    }

    @Test func eventsOnNamedBus() throws {
        let policy = try generate(
            """
            import boto3
            events = boto3.client("events")
            def handler(event, context):
                events.put_events(Entries=[{"Source": "shop", "EventBusName": "orders", "Detail": "{}"}])
            """)
        #expect(policy.grants.contains("events:PutEvents \(regionalARN("events", "event-bus/orders"))"))
    }
}

@Suite struct TransactionPairingTests {
    @Test func eachItemActionGoesToItsOwnTable() throws {
        let project = try ProjectFixture(files: [
            "template.yaml": samTemplate(),
            "src/app.py": """
            import boto3
            ddb = boto3.client("dynamodb")
            def handler(event, context):
                ddb.transact_write_items(TransactItems=[
                    {"Put": {"TableName": "orders", "Item": {}}},
                    {"Update": {"TableName": "inventory", "Key": {}, "UpdateExpression": "SET n = n - 1"}},
                ])
            """,
        ]).generate()
        let policy = try project.function("Fn")
        #expect(policy.grants.contains("dynamodb:PutItem \(regionalARN("dynamodb", "table/orders"))"))
        #expect(policy.grants.contains("dynamodb:UpdateItem \(regionalARN("dynamodb", "table/inventory"))"))
        #expect(!policy.grants.contains("dynamodb:PutItem \(regionalARN("dynamodb", "table/inventory"))"))
        #expect(!policy.grants.contains("dynamodb:UpdateItem \(regionalARN("dynamodb", "table/orders"))"))
    }
}

@Suite struct EmailIdentityTests {
    @Test func senderAddressAndItsDomainAreGranted() throws {
        let project = try ProjectFixture(files: [
            "template.yaml": samTemplate(),
            "src/app.py": """
            import boto3
            ses = boto3.client("sesv2")
            def handler(event, context):
                ses.send_email(FromEmailAddress="ops@example.com", Destination={}, Content={})
            """,
        ]).generate()
        let policy = try project.function("Fn")
        #expect(policy.grants.contains("ses:SendEmail \(regionalARN("ses", "identity/ops@example.com"))"))
        #expect(policy.grants.contains("ses:SendEmail \(regionalARN("ses", "identity/example.com"))"))
        #expect(!policy.grants.contains("ses:SendEmail \(regionalARN("ses", "identity/*"))"))
    }
}

/// Node.js handlers go through the same resolution as Python ones.
@Suite struct JavaScriptHandlerTests {
    @Test func documentClientQueryAndQueueSend() throws {
        let template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/
                  Handler: app.handler
                  Runtime: nodejs20.x
                  Environment:
                    Variables:
                      TABLE: !Ref Orders
                      JOBS_URL: !Ref Jobs
              Orders:
                Type: AWS::DynamoDB::Table
                Properties: {TableName: orders}
              Jobs:
                Type: AWS::SQS::Queue
            """
        let code = """
            import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
            import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
            import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
            const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
            const sqs = new SQSClient({});
            export const handler = async (event) => {
              await ddb.send(new QueryCommand({ TableName: process.env.TABLE, IndexName: "by-status" }));
              await sqs.send(new SendMessageCommand({ QueueUrl: process.env.JOBS_URL, MessageBody: "x" }));
            };
            """
        let project = try ProjectFixture(files: ["template.yaml": template, "src/app.mjs": code]).generate()
        let policy = try project.function("Fn")
        #expect(policy.grants.contains("dynamodb:Query \(regionalARN("dynamodb", "table/orders/index/by-status"))"))
        #expect(policy.grants.contains("sqs:SendMessage \(regionalARN("sqs", "${Jobs.QueueName}"))"))
        #expect(!policy.actions.contains("dynamodb:Scan"))
    }
}

@Suite struct JavaScriptFallbackTests {
    @Test func unseenPropertyWithFallbackStaysOpen() throws {
        let template = samTemplate().split(separator: "python3.12").joined(separator: "nodejs20.x")
        let code = """
            import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
            const s3 = new S3Client({});
            export const handler = async (event) => {
              const request = { ...event, kind: "doc" };
              const name = String(request.reference ?? "latest");
              await s3.send(new GetObjectCommand({ Bucket: "docs-bucket", Key: `docs/${name}.json` }));
            };
            """
        let project = try ProjectFixture(files: ["template.yaml": template, "src/app.mjs": code]).generate()
        let policy = try project.function("Fn")
        #expect(policy.grants.contains("s3:GetObject arn:${AWS::Partition}:s3:::docs-bucket/docs/*.json"))
        #expect(!policy.grants.contains("s3:GetObject arn:${AWS::Partition}:s3:::docs-bucket/docs/latest.json"))
    }
}
