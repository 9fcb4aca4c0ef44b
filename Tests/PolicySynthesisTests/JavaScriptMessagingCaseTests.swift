import Testing

/// SQS, SNS, EventBridge, Kinesis and Step Functions calls from JavaScript, from template to
/// policy.
@Suite struct JavaScriptMessagingCaseTests {
    static let jobsKey = templateKeyARN("JobsKey")
    static let alertsKey = templateKeyARN("AlertsKey")

    static let cases: [JavaScriptCase] = [
        JavaScriptCase(
            name: "queue URL from the environment to an encrypted queue",
            project: JavaScriptProject(
                environment: ["JOBS_URL": "!Ref Jobs"], resources: JavaScriptResources.encryptedQueue,
                files: [
                    "app.mjs": """
                    import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
                    const sqs = new SQSClient({});
                    export const handler = async (event) => {
                      await sqs.send(new SendMessageCommand({ QueueUrl: process.env.JOBS_URL, MessageBody: JSON.stringify(event) }));
                    };
                    """
                ]),
            granted: [
                "sqs:SendMessage \(regionalARN("sqs", "jobs"))", "kms:GenerateDataKey \(jobsKey)",
                "kms:Decrypt \(jobsKey)",
            ],
            absentActions: ["sqs:ReceiveMessage", "sqs:GetQueueUrl"]),
        JavaScriptCase(
            name: "literal queue URL",
            project: JavaScriptProject(files: [
                "app.js": """
                const AWS = require("aws-sdk");
                const sqs = new AWS.SQS();
                const URL = "https://sqs.eu-west-1.amazonaws.com/111122223333/audit";
                exports.handler = async () => sqs.sendMessageBatch({ QueueUrl: URL, Entries: [] }).promise();
                """
            ]),
            granted: ["sqs:SendMessage arn:${AWS::Partition}:sqs:eu-west-1:111122223333:audit"],
            absentActions: ["sqs:SendMessageBatch"]),
        JavaScriptCase(
            name: "publish to an encrypted topic",
            project: JavaScriptProject(
                environment: ["ALERTS_TOPIC": "!Ref Alerts"], resources: JavaScriptResources.encryptedTopic,
                files: [
                    "app.ts": """
                    import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
                    const sns = new SNSClient({});
                    export const handler = async (event: { message: string }): Promise<void> => {
                      await sns.send(new PublishCommand({ TopicArn: process.env.ALERTS_TOPIC!, Message: event.message }));
                    };
                    """
                ]),
            granted: [
                "sns:Publish \(regionalARN("sns", "alerts"))", "kms:GenerateDataKey \(alertsKey)",
                "kms:Decrypt \(alertsKey)",
            ]),
        JavaScriptCase(
            name: "events to a named bus",
            project: JavaScriptProject(
                environment: ["BUS_NAME": "!Ref Bus"], resources: JavaScriptResources.ordersBus,
                files: [
                    "app.mjs": """
                    import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
                    const events = new EventBridgeClient({});
                    export const handler = async (event) => events.send(new PutEventsCommand({
                      Entries: [{ EventBusName: process.env.BUS_NAME, Source: "shop", DetailType: "order", Detail: JSON.stringify(event) }],
                    }));
                    """
                ]),
            granted: ["events:PutEvents \(regionalARN("events", "event-bus/orders"))"],
            notGranted: ["events:PutEvents \(regionalARN("events", "event-bus/default"))"]),
        JavaScriptCase(
            name: "events to the default bus",
            project: JavaScriptProject(files: [
                "app.js": """
                const AWS = require("aws-sdk");
                const events = new AWS.EventBridge();
                exports.handler = async () => events.putEvents({ Entries: [{ Source: "shop", DetailType: "x", Detail: "{}" }] }).promise();
                """
            ]),
            granted: ["events:PutEvents \(regionalARN("events", "event-bus/default"))"]),
        JavaScriptCase(
            name: "synchronous express execution",
            project: JavaScriptProject(
                environment: ["EXPRESS_SM_ARN": "!Ref Checkout"], resources: JavaScriptResources.expressStateMachine,
                files: [
                    "app.mjs": """
                    import { SFNClient, StartSyncExecutionCommand } from "@aws-sdk/client-sfn";
                    const sfn = new SFNClient({});
                    export const handler = async (event) => sfn.send(new StartSyncExecutionCommand({
                      stateMachineArn: process.env.EXPRESS_SM_ARN, input: JSON.stringify(event),
                    }));
                    """
                ]),
            granted: ["states:StartSyncExecution \(regionalARN("states", "stateMachine:checkout-express"))"],
            absentActions: ["states:StartExecution"]),
        JavaScriptCase(
            name: "kinesis records to a stream",
            project: JavaScriptProject(
                environment: ["STREAM": "!Ref Clicks"], resources: JavaScriptResources.clicksStream,
                files: [
                    "app.mjs": """
                    import { KinesisClient, PutRecordCommand, PutRecordsCommand } from "@aws-sdk/client-kinesis";
                    const kinesis = new KinesisClient({});
                    export const handler = async (event) => {
                      await kinesis.send(new PutRecordCommand({ StreamName: process.env.STREAM, PartitionKey: "k", Data: new Uint8Array() }));
                      await kinesis.send(new PutRecordsCommand({ StreamName: process.env.STREAM, Records: [] }));
                    };
                    """
                ]),
            granted: [
                "kinesis:PutRecord \(regionalARN("kinesis", "stream/clicks"))",
                "kinesis:PutRecords \(regionalARN("kinesis", "stream/clicks"))",
            ],
            absentActions: ["kinesis:GetRecords"]),
        JavaScriptCase(
            name: "kinesis event source",
            project: JavaScriptProject(
                properties: [
                    "Events:", "  Clicks:", "    Type: Kinesis",
                    "    Properties: {Stream: !GetAtt Clicks.Arn, StartingPosition: LATEST}",
                ],
                resources: JavaScriptResources.clicksStream,
                files: ["app.mjs": "export const handler = async (event) => event.Records.length;\n"]),
            granted: [
                "kinesis:DescribeStream \(regionalARN("kinesis", "stream/clicks"))",
                "kinesis:DescribeStreamSummary \(regionalARN("kinesis", "stream/clicks"))",
                "kinesis:GetRecords \(regionalARN("kinesis", "stream/clicks"))",
                "kinesis:GetShardIterator \(regionalARN("kinesis", "stream/clicks"))",
                "kinesis:ListShards \(regionalARN("kinesis", "stream/clicks"))",
            ],
            absentActions: ["kinesis:SubscribeToShard"]),
        JavaScriptCase(
            name: "encrypted queue event source",
            project: JavaScriptProject(
                properties: ["Events:", "  Jobs:", "    Type: SQS", "    Properties: {Queue: !GetAtt Jobs.Arn}"],
                resources: JavaScriptResources.encryptedQueue,
                files: ["app.mjs": "export const handler = async (event) => event.Records.length;\n"]),
            granted: [
                "sqs:ReceiveMessage \(regionalARN("sqs", "jobs"))", "sqs:DeleteMessage \(regionalARN("sqs", "jobs"))",
                "sqs:GetQueueAttributes \(regionalARN("sqs", "jobs"))", "kms:Decrypt \(jobsKey)",
            ],
            absentActions: ["sqs:SendMessage"]),
    ]

    @Test(arguments: cases) func policyMatches(_ testCase: JavaScriptCase) throws {
        try testCase.check()
    }
}
