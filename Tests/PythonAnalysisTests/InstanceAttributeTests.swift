import SourceAnalysis
import Testing

@testable import PythonAnalysis

/// Instance attributes are bound from method bodies when a class's attributes are first read,
/// whether the method's body was parsed before that read or not.
@Suite struct InstanceAttributeTests {
    static let getObject = ExpectedCall(client: "s3", operation: "GetObject", arguments: ["Bucket": .literal("b")])
    static let putItem = ExpectedCall(
        client: "dynamodb", operation: "PutItem", arguments: ["TableName": .literal("orders")])

    static let cases: [SDKCallCase] = [
        SDKCallCase(
            name: "attribute set in a one-line if",
            source:
                "class Store:\n    def __init__(self, on):\n        if on: self.s3 = boto3.client('s3')\n    def read(self):\n        return self.s3.get_object(Bucket='b', Key='k')\ndef handler(event, context):\n    Store(True).read()\n",
            expected: [getObject]),
        SDKCallCase(
            name: "attribute set in nested blocks of a method walked first",
            source:
                "class Store:\n    def setup(self, names):\n        for name in names:\n            with open(name) as f:\n                try:\n                    self.table = boto3.resource('dynamodb').Table('orders')\n                except KeyError:\n                    pass\n        return names\n    def save(self):\n        self.table.put_item(Item={})\ndef handler(event, context):\n    store = Store()\n    store.setup(['a'])\n    store.save()\n",
            expected: [putItem]),
        SDKCallCase(
            name: "attribute read before the method that sets it is walked",
            source:
                "class Store:\n    def save(self):\n        self.table.put_item(Item={})\n    def setup(self):\n        self.table = boto3.resource('dynamodb').Table('orders')\ndef handler(event, context):\n    store = Store()\n    store.save()\n    store.setup()\n",
            expected: [putItem]),
        SDKCallCase(
            name: "attribute set by a subclass and read in the base class",
            source:
                "class Base:\n    def read(self):\n        return self.s3.get_object(Bucket='b', Key='k')\nclass Reader(Base):\n    def __init__(self):\n        self.s3 = boto3.client('s3')\ndef handler(event, context):\n    Reader().read()\n",
            expected: [getObject]),
    ]

    @Test(arguments: cases)
    func instanceAttribute(_ testCase: SDKCallCase) throws { try testCase.check() }

    @Test func attributeOfClassInAnotherModule() throws {
        let files = [
            "app.py": "from stores import Store\ndef handler(event, context):\n    Store().read()\n",
            "stores.py":
                "import boto3\nclass Store:\n    def __init__(self):\n        self.s3 = boto3.client('s3')\n        self.count = 0\n    def read(self):\n        self.count += 1\n        return self.s3.get_object(Bucket='b', Key='k')\n",
        ]
        let (result, _) = try Fixture(files).analyze()
        #expect(result.calls.map(\.operation) == ["GetObject"])
    }
}
