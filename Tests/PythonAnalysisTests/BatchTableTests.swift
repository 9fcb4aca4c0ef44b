import SourceAnalysis
import Testing

@testable import PythonAnalysis

/// DynamoDB batches name their tables as the keys of `RequestItems`, which the analysis
/// reports as `TableName`, whether the keys are literals or expressions.
@Suite(.enabled(if: catalogIsAvailable, "needs the embedded SDK catalog"))
struct BatchTableTests {
    static let cases: [SDKCallCase] = [
        SDKCallCase(
            name: "module constant key",
            source:
                "TABLE = os.environ['TABLE']\nddb = boto3.client('dynamodb')\ndef handler(event, context):\n    ddb.batch_get_item(RequestItems={TABLE: {'Keys': []}})\n",
            expected: [
                ExpectedCall(client: "dynamodb", operation: "BatchGetItem", arguments: ["TableName": env("TABLE")])
            ]
        ),
        SDKCallCase(
            name: "environment read as key",
            source:
                "ddb = boto3.client('dynamodb')\ndef handler(event, context):\n    ddb.batch_write_item(RequestItems={os.environ['TABLE']: []})\n",
            expected: [
                ExpectedCall(client: "dynamodb", operation: "BatchWriteItem", arguments: ["TableName": env("TABLE")])
            ]),
        SDKCallCase(
            name: "literal and expression keys",
            source:
                "ddb = boto3.client('dynamodb')\ndef handler(event, context):\n    ddb.batch_get_item(RequestItems={'audit': {}, os.environ['TABLE']: {}})\n",
            expected: [
                ExpectedCall(
                    client: "dynamodb", operation: "BatchGetItem",
                    arguments: ["TableName": .list([.literal("audit"), env("TABLE")])])
            ]),
        SDKCallCase(
            name: "service resource batch",
            source:
                "ddb = boto3.resource('dynamodb')\ndef handler(event, context):\n    ddb.batch_get_item(RequestItems={os.environ['TABLE']: {}})\n",
            expected: [
                ExpectedCall(client: "dynamodb", operation: "BatchGetItem", arguments: ["TableName": env("TABLE")])
            ]
        ),
        SDKCallCase(
            name: "unpacked mapping key stays unknown",
            source:
                "ddb = boto3.client('dynamodb')\ndef handler(event, context):\n    ddb.batch_get_item(RequestItems={**event['items']})\n",
            expected: [
                ExpectedCall(
                    client: "dynamodb", operation: "BatchGetItem",
                    arguments: [
                        "TableName": .unknown(reason: "RequestItems unpacks a dictionary the analysis cannot read")
                    ])
            ]),
    ]

    @Test(arguments: cases)
    func batchTables(_ testCase: SDKCallCase) throws { try testCase.check() }

    @Test func itemsBuiltElsewhereNameNoTable() throws {
        let source =
            "import boto3\nddb = boto3.client('dynamodb')\ndef handler(event, context):\n    items = {'audit': {}}\n    ddb.batch_get_item(RequestItems=items)\n"
        let (result, _) = try Fixture(["app.py": source]).analyze()
        let call = try #require(result.calls.first { $0.operation == "BatchGetItem" })
        #expect(call.arguments["TableName"] == nil)
    }

    @Test func otherOperationsAreUnchanged() throws {
        let source =
            "import boto3\nddb = boto3.client('dynamodb')\ndef handler(event, context):\n    ddb.get_item(TableName='orders', Key={})\n"
        let (result, _) = try Fixture(["app.py": source]).analyze()
        let call = try #require(result.calls.first { $0.operation == "GetItem" })
        #expect(call.arguments["TableName"] == .literal("orders"))
    }
}
