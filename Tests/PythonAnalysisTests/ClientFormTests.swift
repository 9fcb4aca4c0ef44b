import SourceAnalysis
import Testing

@testable import PythonAnalysis

@Suite(.enabled(if: catalogIsAvailable, "needs the embedded SDK catalog"))
struct ClientFormTests {
    static let getObject = ExpectedCall(
        client: "s3", operation: "GetObject", arguments: ["Bucket": .literal("b"), "Key": .literal("k")])

    static let cases: [SDKCallCase] = [
        SDKCallCase(
            name: "session from boto3.session",
            source:
                "session = boto3.session.Session()\ndef handler(event, context):\n    session.client('s3').get_object(Bucket='b', Key='k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "boto3.Session().client",
            source:
                "s3 = boto3.Session(region_name='eu-west-1').client('s3')\ndef handler(event, context):\n    s3.get_object(Bucket='b', Key='k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "from boto3 import client",
            source:
                "from boto3 import client\ns3 = client(service_name='s3')\ndef handler(event, context):\n    s3.get_object(Bucket='b', Key='k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "import boto3 as alias",
            source:
                "import boto3 as b3\ndef handler(event, context):\n    b3.client('s3').get_object(Bucket='b', Key='k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "botocore session create_client",
            source:
                "import botocore.session\ns3 = botocore.session.get_session().create_client('s3')\ndef handler(event, context):\n    s3.get_object(Bucket='b', Key='k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "aioboto3 async with",
            source:
                "import aioboto3\nasync def handler(event, context):\n    session = aioboto3.Session()\n    async with session.client('s3') as s3:\n        await s3.get_object(Bucket='b', Key='k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "aioboto3 resource with await",
            source:
                "from aioboto3 import Session\nasync def handler(event, context):\n    async with Session().resource('dynamodb') as ddb:\n        table = await ddb.Table('orders')\n        await table.put_item(Item={})\n",
            expected: [
                ExpectedCall(client: "dynamodb", operation: "PutItem", arguments: ["TableName": .literal("orders")])
            ]),
        SDKCallCase(
            name: "client as a class attribute",
            source:
                "class Repo:\n    s3 = boto3.client('s3')\n    def read(self):\n        return self.s3.get_object(Bucket='b', Key='k')\ndef handler(event, context):\n    Repo().read()\n",
            expected: [getObject]),
        SDKCallCase(
            name: "client from another module",
            source: "import clients\ndef handler(event, context):\n    clients.s3.get_object(Bucket='b', Key='k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "instance attribute set in __init__",
            source:
                "class Store:\n    def __init__(self):\n        self.s3 = boto3.client('s3')\n    def read(self, key):\n        return self.s3.get_object(Bucket='b', Key=key)\nstore = Store()\ndef handler(event, context):\n    store.read('k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "client passed as a parameter",
            source:
                "def read(client, key):\n    return client.get_object(Bucket='b', Key=key)\ndef handler(event, context):\n    read(boto3.client('s3'), 'k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "client from a cached factory",
            source:
                "import functools\n@functools.lru_cache(maxsize=None)\ndef get_client():\n    return boto3.client('sqs')\ndef handler(event, context):\n    get_client().send_message(QueueUrl=os.environ['Q'], MessageBody='x')\n",
            expected: [ExpectedCall(client: "sqs", operation: "SendMessage", arguments: ["QueueUrl": env("Q")])]),
        SDKCallCase(
            name: "lazy global client",
            source:
                "_s3 = None\ndef s3():\n    global _s3\n    if _s3 is None:\n        _s3 = boto3.client('s3')\n    return _s3\ndef handler(event, context):\n    s3().get_object(Bucket='b', Key='k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "typed parameter from the stubs",
            source:
                "from mypy_boto3_s3 import S3Client\ndef read(s3: S3Client):\n    s3.get_object(Bucket='b', Key='k')\ndef handler(event, context):\n    read(make())\n",
            expected: [getObject]),
        SDKCallCase(
            name: "string annotation from the stubs module",
            source:
                "from mypy_boto3_s3.client import S3Client\nclass Reader:\n    client: 'S3Client'\n    def read(self):\n        self.client.get_object(Bucket='b', Key='k')\ndef handler(event, context):\n    Reader().read()\n",
            expected: [getObject]),
        SDKCallCase(
            name: "getattr with a literal name",
            source:
                "s3 = boto3.client('s3')\ndef handler(event, context):\n    getattr(s3, 'get_object')(Bucket='b', Key='k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "method stored in a variable",
            source:
                "s3 = boto3.client('s3')\nread = s3.get_object\ndef handler(event, context):\n    read(Bucket='b', Key='k')\n",
            expected: [getObject]),
        SDKCallCase(
            name: "resource meta client",
            source:
                "ddb = boto3.resource('dynamodb')\ndef handler(event, context):\n    ddb.meta.client.batch_get_item(RequestItems={})\n",
            expected: [ExpectedCall(client: "dynamodb", operation: "BatchGetItem")]),
    ]

    @Test(arguments: cases)
    func clientForm(_ testCase: SDKCallCase) throws { try testCase.check() }
}
