import PolicySynthesis
import Rendering
import Testing

/// Python DynamoDB batches whose `RequestItems` keys are expressions resolve to the tables the
/// template names, as a transaction in the same handler does.
@Suite struct PythonBatchTableTests {
    static let template = samTemplate(
        environment: ["TABLE": "!Ref Table"],
        resources: """
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """)

    static let code = """
        import os, boto3
        TABLE = os.environ["TABLE"]
        ddb = boto3.client("dynamodb")
        def handler(event, context):
            ddb.batch_get_item(RequestItems={TABLE: {"Keys": [{"id": {"S": "1"}}]}})
            ddb.batch_write_item(RequestItems={os.environ["TABLE"]: [{"PutRequest": {"Item": {}}}]})
            ddb.transact_write_items(TransactItems=[{"Put": {"TableName": TABLE, "Item": {}}}])
        """

    @Test func batchKeysResolveToTheTable() throws {
        let project = try ProjectFixture(files: ["template.yaml": Self.template, "src/app.py": Self.code]).generate()
        let policy = try project.function("Fn")
        let table = regionalARN("dynamodb", "table/${Table}")
        for action in ["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:PutItem"] {
            #expect(policy.grants.contains("\(action) \(table)"), "\(action) in \(policy.grants.sorted())")
        }
        #expect(!policy.grants.contains { $0.hasSuffix("table/*") }, "\(policy.grants.sorted())")
        #expect(!policy.diagnostics.contains { $0.code == .widenedResource }, "\(policy.diagnostics)")
    }
}

/// A batch over more tables than one value may expand to widens instead of dropping tables.
@Suite struct LongTableListTests {
    @Test func extraTablesWidenTheGrant() throws {
        let keys = (0..<10).map { "\"t\($0)\": {}" }.joined(separator: ", ")
        let code = """
            import boto3
            def handler(event, context):
                boto3.client("dynamodb").batch_get_item(RequestItems={\(keys)})
            """
        let project = try ProjectFixture(files: ["template.yaml": samTemplate(), "src/app.py": code]).generate()
        let policy = try project.function("Fn")
        #expect(
            policy.grants.contains("dynamodb:BatchGetItem \(regionalARN("dynamodb", "table/*"))"), "\(policy.grants)")
        #expect(policy.diagnostics.contains { $0.code == .widenedResource }, "\(policy.diagnostics)")
    }
}

/// `--format policy` writes a secret known only by `Ref` as the ARN shape of a secret, which
/// matches every secret in the account, so it warns as for any other widened placeholder.
@Suite struct PolicyFormatShapeTests {
    static let template = samTemplate(
        environment: ["SECRET_ARN": "!Ref DbSecret"],
        resources: """
              DbSecret:
                Type: AWS::SecretsManager::Secret
            """)

    static let code = """
        import os, boto3
        def handler(event, context):
            return boto3.client("secretsmanager").get_secret_value(SecretId=os.environ["SECRET_ARN"])
        """

    @Test func shapedPlaceholderIsWarned() throws {
        let project = try ProjectFixture(files: ["template.yaml": Self.template, "src/app.py": Self.code]).generate()
        let policy = try project.function("Fn")
        let values = PlaceholderValues(region: "eu-west-1", account: "123456789012", partition: "aws")
        let (text, warnings) = PolicyRendering.render(policy, values: values)

        #expect(text.contains(#""arn:aws:secretsmanager:eu-west-1:123456789012:secret:*""#), "\(text)")
        let warning = try #require(warnings.first { $0.message.contains("${DbSecret}") }, "\(warnings)")
        #expect(warning.code == .placeholderWidened)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("ARN shape"))
        #expect(!warnings.contains { $0.message.contains("${AWS::") }, "\(warnings)")
    }

    @Test func namedSecretIsNotWarned() throws {
        let template = Self.template.replacing(
            "Type: AWS::SecretsManager::Secret",
            with: "Type: AWS::SecretsManager::Secret\n    Properties: {Name: app/db}")
        let project = try ProjectFixture(files: ["template.yaml": template, "src/app.py": Self.code]).generate()
        let policy = try project.function("Fn")
        let values = PlaceholderValues(region: "eu-west-1", account: "123456789012", partition: "aws")
        let (text, warnings) = PolicyRendering.render(policy, values: values)

        #expect(text.contains("secret:app/db-??????"), "\(text)")
        #expect(!warnings.contains { $0.message.contains("ARN shape") }, "\(warnings)")
    }
}
