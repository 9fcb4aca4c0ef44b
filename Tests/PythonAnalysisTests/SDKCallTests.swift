import SourceAnalysis
import Testing

@testable import PythonAnalysis

@Suite(.enabled(if: catalogIsAvailable, "needs the embedded SDK catalog"))
struct SDKCallTests {
    static let directCalls: [SDKCallCase] = [
        SDKCallCase(
            name: "ssm get_parameter on an inline client",
            source:
                "def handler(event, context):\n    boto3.client(\"ssm\").get_parameter(Name=os.environ[\"DB_URL_PARAM\"])\n",
            expected: [
                ExpectedCall(
                    client: "ssm", operation: "GetParameter", arguments: ["Name": env("DB_URL_PARAM")], form: .direct,
                    line: 4)
            ]),
        SDKCallCase(
            name: "ssm get_parameters_by_path on a module client",
            source:
                "ssm = boto3.client('ssm')\ndef handler(event, context):\n    ssm.get_parameters_by_path(Path=\"/shop/prod\", Recursive=True, WithDecryption=True)\n",
            expected: [
                ExpectedCall(
                    client: "ssm", operation: "GetParametersByPath",
                    arguments: [
                        "Path": .literal("/shop/prod"), "Recursive": .literal("True"),
                        "WithDecryption": .literal("True"),
                    ])
            ]),
        SDKCallCase(
            name: "stepfunctions start_sync_execution",
            source:
                "def handler(event, context):\n    boto3.client(\"stepfunctions\").start_sync_execution(stateMachineArn=os.environ[\"EXPRESS_SM_ARN\"], input=\"{}\")\n",
            expected: [
                ExpectedCall(
                    client: "stepfunctions", operation: "StartSyncExecution",
                    arguments: ["stateMachineArn": env("EXPRESS_SM_ARN"), "input": .literal("{}")])
            ]),
        SDKCallCase(
            name: "secretsmanager get_secret_value",
            source:
                "sm = boto3.client('secretsmanager')\ndef handler(event, context):\n    return sm.get_secret_value(SecretId=\"app-db-creds\")\n",
            expected: [
                ExpectedCall(
                    client: "secretsmanager", operation: "GetSecretValue",
                    arguments: ["SecretId": .literal("app-db-creds")])
            ]),
        SDKCallCase(
            name: "s3 list_objects_v2 and head calls",
            source:
                "s3 = boto3.client('s3')\ndef handler(event, context):\n    s3.list_objects_v2(Bucket=\"orders-bucket\", Prefix=\"incoming/\")\n    s3.head_bucket(Bucket=\"orders-bucket\")\n    s3.head_object(Bucket=\"orders-bucket\", Key=\"a.csv\")\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "ListObjectsV2",
                    arguments: ["Bucket": .literal("orders-bucket"), "Prefix": .literal("incoming/")]),
                ExpectedCall(client: "s3", operation: "HeadBucket", arguments: ["Bucket": .literal("orders-bucket")]),
                ExpectedCall(
                    client: "s3", operation: "HeadObject",
                    arguments: ["Bucket": .literal("orders-bucket"), "Key": .literal("a.csv")]),
            ]),
        SDKCallCase(
            name: "sqs send_message and sns publish",
            source:
                "sqs = boto3.client('sqs')\nsns = boto3.client('sns')\ndef handler(event, context):\n    body = event['body']\n    m = 'alert'\n    sqs.send_message(QueueUrl=os.environ[\"JOBS_URL\"], MessageBody=body)\n    sns.publish(TopicArn=os.environ[\"ALERTS_TOPIC\"], Message=m)\n",
            expected: [
                ExpectedCall(client: "sqs", operation: "SendMessage", arguments: ["QueueUrl": env("JOBS_URL")]),
                ExpectedCall(
                    client: "sns", operation: "Publish",
                    arguments: ["TopicArn": env("ALERTS_TOPIC"), "Message": .literal("alert")]),
            ]),
        SDKCallCase(
            name: "cloudwatch put_metric_data and sts assume_role",
            source:
                "cw = boto3.client('cloudwatch')\nsts = boto3.client('sts')\ndef handler(event, context):\n    cw.put_metric_data(Namespace=\"Shop/Checkout\", MetricData=[{\"MetricName\": \"Orders\", \"Value\": 1}])\n    sts.assume_role(RoleArn=os.environ[\"AUDIT_ROLE_ARN\"], RoleSessionName=\"audit\")\n",
            expected: [
                ExpectedCall(
                    client: "cloudwatch", operation: "PutMetricData",
                    arguments: [
                        "Namespace": .literal("Shop/Checkout"),
                        "MetricData": .list([.dictionary(["MetricName": .literal("Orders"), "Value": .literal("1")])]),
                    ]),
                ExpectedCall(
                    client: "sts", operation: "AssumeRole",
                    arguments: ["RoleArn": env("AUDIT_ROLE_ARN"), "RoleSessionName": .literal("audit")]),
            ]),
        SDKCallCase(
            name: "renamed operations and prefixes",
            source:
                "s3 = boto3.client('s3')\nefs = boto3.client('efs')\nsfn = boto3.client('stepfunctions')\ndef handler(event, context):\n    s3.put_bucket_lifecycle_configuration(Bucket='b', LifecycleConfiguration={})\n    efs.tag_resource(ResourceId='fs-1', Tags=[])\n    sfn.start_execution(stateMachineArn=os.environ['SM'])\n",
            expected: [
                ExpectedCall(client: "s3", operation: "PutBucketLifecycleConfiguration"),
                ExpectedCall(client: "efs", operation: "TagResource", arguments: ["ResourceId": .literal("fs-1")]),
                ExpectedCall(
                    client: "stepfunctions", operation: "StartExecution", arguments: ["stateMachineArn": env("SM")]),
            ]),
        SDKCallCase(
            name: "call only on the error path",
            source:
                "from botocore.exceptions import ClientError\ns3 = boto3.client('s3')\ndef handler(event, context):\n    try:\n        pass\n    except ClientError:\n        s3.put_object(Bucket='errors', Key='e.json', Body=b'{}')\n",
            expected: [ExpectedCall(client: "s3", operation: "PutObject", arguments: ["Bucket": .literal("errors")])]),
        SDKCallCase(
            name: "dictionary arguments",
            source:
                "s3 = boto3.client('s3')\ndef handler(event, context):\n    b = 'src'\n    s3.copy_object(CopySource={\"Bucket\": b, \"Key\": 'k'}, Bucket='dst', Key='k2')\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "CopyObject",
                    arguments: [
                        "CopySource": .dictionary(["Bucket": .literal("src"), "Key": .literal("k")]),
                        "Bucket": .literal("dst"),
                    ])
            ]),
        SDKCallCase(
            name: "known keyword mapping is merged",
            source:
                "s3 = boto3.client('s3')\ndef handler(event, context):\n    params = {'Bucket': 'b', 'Key': 'k'}\n    s3.get_object(**params)\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "GetObject", arguments: ["Bucket": .literal("b"), "Key": .literal("k")])
            ]),
    ]

    @Test(arguments: directCalls)
    func directCall(_ testCase: SDKCallCase) throws { try testCase.check() }

    @Test func unknownKeywordMappingIsOpaque() throws {
        let (result, _) = try Fixture(
            app: "import boto3\ns3 = boto3.client('s3')\ndef handler(event, context):\n    s3.get_object(**event)\n"
        ).analyze()
        let call = try #require(result.calls.first)
        #expect(call.hasOpaqueArguments)
    }
}

@Suite(.enabled(if: catalogIsAvailable, "needs the embedded SDK catalog"))
struct KeywordMappingTests {
    @Test func optionalMappingAddsItsKeys() throws {
        let source = """
            import boto3
            table = boto3.resource("dynamodb").Table("orders")
            def handler(event, context):
                last = event.get("last")
                options = {"ExclusiveStartKey": last} if last else {}
                table.query(IndexName="by-status", **options)
            """
        let (result, _) = try Fixture(app: source).analyze()
        let call = try #require(result.calls.first)
        #expect(!call.hasOpaqueArguments)
        #expect(call.arguments["ExclusiveStartKey"] != nil)
        #expect(call.arguments["IndexName"] == .literal("by-status"))
    }
}
