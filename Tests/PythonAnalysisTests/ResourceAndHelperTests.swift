import SourceAnalysis
import Testing

@testable import PythonAnalysis

@Suite(.enabled(if: catalogIsAvailable, "needs the embedded SDK catalog"))
struct ResourceAndHelperTests {
    static let resourceCases: [SDKCallCase] = [
        SDKCallCase(
            name: "table query on an index",
            source:
                "from boto3.dynamodb.conditions import Key\ndynamodb = boto3.resource('dynamodb')\ntable = dynamodb.Table(os.environ[\"TABLE\"])\ndef handler(event, context):\n    table.query(IndexName=\"by-status\", KeyConditionExpression=Key(\"status\").eq(\"OPEN\"))\n",
            expected: [
                ExpectedCall(
                    client: "dynamodb", operation: "Query",
                    arguments: ["TableName": env("TABLE"), "IndexName": .literal("by-status")],
                    form: .resourceAPI("Table.query"))
            ]),
        SDKCallCase(
            name: "table put_item and get_item",
            source:
                "table = boto3.resource('dynamodb').Table('orders')\ndef handler(event, context):\n    table.put_item(Item={'pk': '1'})\n    table.get_item(Key={'pk': '1'})\n",
            expected: [
                ExpectedCall(client: "dynamodb", operation: "PutItem", arguments: ["TableName": .literal("orders")]),
                ExpectedCall(
                    client: "dynamodb", operation: "GetItem",
                    arguments: ["TableName": .literal("orders"), "Key": .dictionary(["pk": .literal("1")])]),
            ]),
        SDKCallCase(
            name: "bucket objects loop",
            source:
                "s3 = boto3.resource(\"s3\")\ndef handler(event, context):\n    for o in s3.Bucket(\"reports-bucket\").objects.filter(Prefix=\"2024/\"):\n        body = s3.Object(\"reports-bucket\", o.key).get()[\"Body\"].read()\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "ListObjects",
                    arguments: ["Bucket": .literal("reports-bucket"), "Prefix": .literal("2024/")],
                    form: .resourceAPI("Bucket.objects.filter")),
                ExpectedCall(
                    client: "s3", operation: "GetObject", arguments: ["Bucket": .literal("reports-bucket")],
                    form: .resourceAPI("Object.get")),
            ]),
        SDKCallCase(
            name: "bucket put_object and object put",
            source:
                "s3 = boto3.resource('s3')\nbucket = s3.Bucket('b')\ndef handler(event, context):\n    bucket.put_object(Key='k1', Body=b'')\n    s3.Object('b', 'k2').put(Body=b'')\n    bucket.Object('k3').delete()\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "PutObject", arguments: ["Bucket": .literal("b"), "Key": .literal("k1")]),
                ExpectedCall(
                    client: "s3", operation: "PutObject", arguments: ["Bucket": .literal("b"), "Key": .literal("k2")]),
                ExpectedCall(
                    client: "s3", operation: "DeleteObject",
                    arguments: ["Bucket": .literal("b"), "Key": .literal("k3")]),
            ]),
        SDKCallCase(
            name: "queue and topic resources",
            source:
                "def handler(event, context):\n    boto3.resource('sqs').Queue(os.environ['Q']).send_message(MessageBody='x')\n    boto3.resource('sns').Topic(os.environ['T']).publish(Message='m')\n",
            expected: [
                ExpectedCall(client: "sqs", operation: "SendMessage", arguments: ["QueueUrl": env("Q")]),
                ExpectedCall(client: "sns", operation: "Publish", arguments: ["TopicArn": env("T")]),
            ]),
        SDKCallCase(
            name: "paginator and waiter",
            source:
                "s3 = boto3.client('s3')\ndef handler(event, context):\n    for page in s3.get_paginator(\"list_objects_v2\").paginate(Bucket='b', Prefix='p/'):\n        pass\n    s3.get_waiter(\"bucket_exists\").wait(Bucket='b')\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "ListObjectsV2",
                    arguments: ["Bucket": .literal("b"), "Prefix": .literal("p/")], form: .paginator),
                ExpectedCall(
                    client: "s3", operation: "HeadBucket", arguments: ["Bucket": .literal("b")],
                    form: .waiter("bucket_exists")),
            ]),
        SDKCallCase(
            name: "presigned URL and POST",
            source:
                "s3 = boto3.client('s3')\ndef handler(event, context):\n    s3.generate_presigned_url(\"get_object\", Params={\"Bucket\": 'b', \"Key\": 'k'}, ExpiresIn=60)\n    s3.generate_presigned_post('up', 'k2')\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "GetObject", arguments: ["Bucket": .literal("b"), "Key": .literal("k")],
                    form: .presignedURL),
                ExpectedCall(
                    client: "s3", operation: "PutObject", arguments: ["Bucket": .literal("up"), "Key": .literal("k2")],
                    form: .presignedURL),
            ]),
    ]

    @Test(arguments: resourceCases)
    func resourceCall(_ testCase: SDKCallCase) throws { try testCase.check() }

    static let helperCases: [SDKCallCase] = [
        SDKCallCase(
            name: "client upload_file",
            source:
                "s3 = boto3.client('s3')\ndef handler(event, context):\n    s3.upload_file(\"/tmp/export.parquet\", \"exports-bucket\", \"daily/export.parquet\")\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "PutObject",
                    arguments: ["Bucket": .literal("exports-bucket"), "Key": .literal("daily/export.parquet")],
                    form: .helper("upload_file"))
            ],
            isExhaustive: false),
        SDKCallCase(
            name: "client download_fileobj with keywords",
            source:
                "s3 = boto3.client('s3')\ndef handler(event, context):\n    s3.download_fileobj(Bucket='b', Key='k', Fileobj=open('/tmp/x', 'wb'))\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "GetObject", arguments: ["Bucket": .literal("b"), "Key": .literal("k")])
            ],
            isExhaustive: false),
        SDKCallCase(
            name: "bucket and object transfers",
            source:
                "s3 = boto3.resource('s3')\ndef handler(event, context):\n    s3.Bucket('b').upload_file('/tmp/f', 'k')\n    s3.Object('b2', 'k2').download_file('/tmp/g')\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "PutObject", arguments: ["Bucket": .literal("b"), "Key": .literal("k")]),
                ExpectedCall(
                    client: "s3", operation: "GetObject", arguments: ["Bucket": .literal("b2"), "Key": .literal("k2")]),
            ],
            isExhaustive: false),
        SDKCallCase(
            name: "extra args reach the request",
            source:
                "s3 = boto3.client('s3')\ndef handler(event, context):\n    s3.upload_file('/tmp/f', 'b', 'k', ExtraArgs={'ServerSideEncryption': 'aws:kms'})\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "PutObject", arguments: ["ServerSideEncryption": .literal("aws:kms")])
            ],
            isExhaustive: false),
        SDKCallCase(
            name: "client copy with a source dictionary",
            source:
                "s3 = boto3.client('s3')\ndef handler(event, context):\n    s3.copy({'Bucket': 'src', 'Key': 'a'}, 'dst', 'b')\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "CopyObject",
                    arguments: [
                        "CopySource": .dictionary(["Bucket": .literal("src"), "Key": .literal("a")]),
                        "Bucket": .literal("dst"), "Key": .literal("b"),
                    ],
                    form: .helper("copy"))
            ],
            isExhaustive: false),
        SDKCallCase(
            name: "table batch_writer",
            source:
                "table = boto3.resource('dynamodb').Table(os.environ['TABLE'])\ndef handler(event, context):\n    with table.batch_writer() as batch:\n        batch.put_item(Item={})\n",
            expected: [
                ExpectedCall(client: "dynamodb", operation: "BatchWriteItem", arguments: ["TableName": env("TABLE")])
            ]),
        SDKCallCase(
            name: "powertools parameters functions",
            source:
                "from aws_lambda_powertools.utilities import parameters\ndef handler(event, context):\n    parameters.get_parameter(\"/x\")\n    parameters.get_secret(name='s')\n    parameters.get_parameters('/path/')\n",
            expected: [
                ExpectedCall(client: "ssm", operation: "GetParameter", arguments: ["Name": .literal("/x")]),
                ExpectedCall(
                    client: "secretsmanager", operation: "GetSecretValue", arguments: ["SecretId": .literal("s")]),
                ExpectedCall(client: "ssm", operation: "GetParametersByPath", arguments: ["Path": .literal("/path/")]),
            ]),
        SDKCallCase(
            name: "powertools providers",
            source:
                "from aws_lambda_powertools.utilities.parameters import SSMProvider, DynamoDBProvider\nssm = SSMProvider()\nddb = DynamoDBProvider(table_name='params')\ndef handler(event, context):\n    ssm.get('/a')\n    ddb.get('key')\n",
            expected: [
                ExpectedCall(client: "ssm", operation: "GetParameter", arguments: ["Name": .literal("/a")]),
                ExpectedCall(client: "dynamodb", operation: "GetItem", arguments: ["TableName": .literal("params")]),
            ]),
        SDKCallCase(
            name: "powertools idempotency table",
            source:
                "from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer, idempotent\nstore = DynamoDBPersistenceLayer(table_name=os.environ['IDEMPOTENCY_TABLE'])\n@idempotent(persistence_store=store)\ndef handler(event, context):\n    pass\n",
            expected: [
                ExpectedCall(
                    client: "dynamodb", operation: "GetItem", arguments: ["TableName": env("IDEMPOTENCY_TABLE")]),
                ExpectedCall(
                    client: "dynamodb", operation: "PutItem", arguments: ["TableName": env("IDEMPOTENCY_TABLE")]),
                ExpectedCall(
                    client: "dynamodb", operation: "UpdateItem", arguments: ["TableName": env("IDEMPOTENCY_TABLE")]),
                ExpectedCall(
                    client: "dynamodb", operation: "DeleteItem", arguments: ["TableName": env("IDEMPOTENCY_TABLE")]),
            ]),
        SDKCallCase(
            name: "powertools streaming object",
            source:
                "from aws_lambda_powertools.utilities.streaming.s3_object import S3Object\ndef handler(event, context):\n    for line in S3Object(bucket='b', key='k'):\n        pass\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "GetObject", arguments: ["Bucket": .literal("b"), "Key": .literal("k")]),
                ExpectedCall(
                    client: "s3", operation: "HeadObject", arguments: ["Bucket": .literal("b"), "Key": .literal("k")]),
            ]),
        SDKCallCase(
            name: "powertools app config",
            source:
                "from aws_lambda_powertools.utilities.parameters import get_app_config\ndef handler(event, context):\n    get_app_config(name='features', environment='prod', application='shop')\n",
            expected: [
                ExpectedCall(
                    client: "appconfigdata", operation: "StartConfigurationSession",
                    arguments: ["ConfigurationProfileIdentifier": .literal("features")])
            ],
            isExhaustive: false),
    ]

    @Test(arguments: helperCases)
    func helperCall(_ testCase: SDKCallCase) throws { try testCase.check() }
}

@Suite(.enabled(if: catalogIsAvailable, "needs the embedded SDK catalog"))
struct ResourceFactoryTests {
    static let cases: [SDKCallCase] = [
        SDKCallCase(
            name: "queue looked up by name",
            source:
                "sqs = boto3.resource('sqs')\ndef handler(event, context):\n    queue = sqs.get_queue_by_name(QueueName='jobs')\n    queue.send_message(MessageBody='x')\n",
            expected: [
                ExpectedCall(client: "sqs", operation: "GetQueueUrl", arguments: ["QueueName": .literal("jobs")]),
                ExpectedCall(client: "sqs", operation: "SendMessage"),
            ]),
        SDKCallCase(
            name: "collection manager iterated",
            source:
                "bucket = boto3.resource('s3').Bucket('b')\ndef handler(event, context):\n    for o in bucket.objects:\n        pass\n",
            expected: [ExpectedCall(client: "s3", operation: "ListObjects", arguments: ["Bucket": .literal("b")])]),
        SDKCallCase(
            name: "collection batch delete",
            source:
                "bucket = boto3.resource('s3').Bucket('b')\ndef handler(event, context):\n    bucket.objects.filter(Prefix='tmp/').delete()\n",
            expected: [
                ExpectedCall(
                    client: "s3", operation: "ListObjects",
                    arguments: ["Bucket": .literal("b"), "Prefix": .literal("tmp/")]),
                ExpectedCall(
                    client: "s3", operation: "DeleteObjects", arguments: ["Bucket": .literal("b")],
                    form: .resourceAPI("Bucket.objects.delete")),
            ]),
    ]

    @Test(arguments: cases)
    func resourceFactory(_ testCase: SDKCallCase) throws { try testCase.check() }
}
