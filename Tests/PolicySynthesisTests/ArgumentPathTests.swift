import SourceAnalysis
import Testing

@testable import PolicySynthesis

@Suite struct ArgumentPathTests {
    let arguments: [String: SymbolicValue] = [
        "Bucket": .literal("b"),
        "Delete": .dictionary(["Objects": .list([.dictionary(["Key": .literal("k"), "VersionId": .literal("v")])])]),
        "TransactItems": .unknown(reason: "built at run time"),
    ]

    @Test(arguments: [
        ("Bucket", ArgumentPath.Presence.present),
        ("Missing", .absent),
        ("Delete.Objects[].VersionId", .present),
        ("Delete.Objects[].Other", .absent),
        ("TransactItems[].Put", .unknown),
        ("Bucket.Name", .absent),
    ])
    func presence(path: String, expected: ArgumentPath.Presence) {
        #expect(ArgumentPath(path).presence(in: arguments) == expected)
    }
}

@Suite struct TriggerTests {
    func generate(_ code: String) throws -> FunctionPolicy {
        try ProjectFixture(files: ["template.yaml": samTemplate(), "src/app.py": code]).generate().function("Fn")
    }

    @Test func unknownTransactionItemsGrantEveryItemAction() throws {
        let policy = try generate(
            """
            import boto3
            ddb = boto3.client("dynamodb")
            def handler(event, context):
                ddb.transact_write_items(TransactItems=build(event))
            """)
        #expect(policy.actions.isSuperset(of: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]))
        #expect(policy.diagnostics.contains { $0.code == .uncertainTrigger && $0.severity == .warning })
    }

    @Test func literalTransactionItemsGrantOnlyWhatTheyUse() throws {
        let policy = try generate(
            """
            import boto3
            ddb = boto3.client("dynamodb")
            def handler(event, context):
                ddb.transact_write_items(TransactItems=[{"Put": {"TableName": "orders", "Item": {}}}])
            """)
        #expect(policy.actions.contains("dynamodb:PutItem"))
        #expect(!policy.actions.contains("dynamodb:DeleteItem"))
        #expect(!policy.actions.contains("dynamodb:UpdateItem"))
    }

    @Test func versionedGetNeedsGetObjectVersion() throws {
        let policy = try generate(
            """
            import boto3
            s3 = boto3.client("s3")
            def handler(event, context):
                s3.get_object(Bucket="b", Key="k", VersionId=event["v"])
            """)
        #expect(policy.actions.contains("s3:GetObjectVersion"))
    }

    @Test func unknownDeleteEntriesDoNotGrantVersionDeletes() throws {
        let policy = try generate(
            """
            import boto3
            s3 = boto3.client("s3")
            def handler(event, context):
                s3.delete_objects(Bucket="b", Delete={"Objects": [{"Key": k} for k in event["keys"]]})
            """)
        #expect(policy.actions.contains("s3:DeleteObject"))
        #expect(!policy.actions.contains("s3:DeleteObjectVersion"))
    }
}
