import Testing

@testable import IAMCatalog

@Suite struct ResourceAndHelperTests {
    let catalog = Catalog.shared

    @Test func tableQuery() throws {
        let method = try #require(catalog.resourceMethod(client: "dynamodb", resource: "Table", method: "query"))
        #expect(method.operation == "Query")
        #expect(method.identifierParameters == ["Name": "TableName"])
        #expect(!method.isCollection)
        #expect(method.isIdentifierMappingCurated)
    }

    @Test func bucketObjectsCollection() throws {
        let method = try #require(catalog.resourceMethod(client: "s3", resource: "Bucket", method: "objects"))
        #expect(method.operation == "ListObjects")
        #expect(method.isCollection)
        #expect(method.identifierParameters == ["Name": "Bucket"])
    }

    @Test func objectIdentifiers() throws {
        #expect(catalog.resourceIdentifiers(client: "s3", resource: "Object") == ["bucket_name", "key"])
        #expect(catalog.resourceIdentifiers(client: "dynamodb", resource: "Table") == ["name"])
        let get = try #require(catalog.resourceMethod(client: "s3", resource: "ObjectSummary", method: "get"))
        #expect(get.identifierParameters == ["BucketName": "Bucket", "Key": "Key"])
    }

    @Test func queueAndTopic() {
        #expect(
            catalog.resourceMethod(client: "sqs", resource: "Queue", method: "send_message")?.identifierParameters == [
                "Url": "QueueUrl"
            ])
        #expect(
            catalog.resourceMethod(client: "sns", resource: "Topic", method: "publish")?.identifierParameters == [
                "Arn": "TopicArn"
            ])
    }

    @Test func derivedIdentifierMapping() throws {
        let method = try #require(catalog.resourceMethod(client: "iam", resource: "Role", method: "delete"))
        #expect(method.identifierParameters == ["Name": "RoleName"])
        #expect(!method.isIdentifierMappingCurated)
    }

    @Test func resourceWaiter() throws {
        let method = try #require(
            catalog.resourceMethod(client: "dynamodb", resource: "Table", method: "wait_until_exists"))
        #expect(method.waiter == "TableExists")
        #expect(method.operation == "DescribeTable")
    }

    @Test func serviceResourceMethods() {
        #expect(
            catalog.resourceMethod(client: "dynamodb", resource: "ServiceResource", method: "batch_get_item")?.operation
                == "BatchGetItem")
        #expect(catalog.resourceMethod(client: "dynamodb", resource: "Table", method: "no_such_method") == nil)
    }

    @Test func uploadFile() throws {
        let helper = try #require(catalog.helperMethod(client: "s3", method: "upload_file"))
        #expect(helper.parameters.prefix(3) == ["Filename", "Bucket", "Key"])
        #expect(helper.operations.map(\.operation).contains("PutObject"))
        #expect(helper.operations.map(\.operation).contains("CreateMultipartUpload"))
        #expect(helper.operations.allSatisfy { $0.client == "s3" })
        #expect(helper.operations.first?.parameterMap == ["Bucket": "Bucket", "Key": "Key"])
    }

    @Test func bucketUploadFileLeavesOutBucket() throws {
        let helper = try #require(catalog.helperMethod(client: "s3", resource: "Bucket", method: "upload_file"))
        #expect(helper.parameters.prefix(2) == ["Filename", "Key"])
        #expect(helper.operations.map(\.operation).contains("PutObject"))
    }

    @Test func tableBatchWriter() throws {
        let helper = try #require(catalog.helperMethod(client: "dynamodb", resource: "Table", method: "batch_writer"))
        #expect(helper.name == "Table.batch_writer")
        #expect(helper.operations.map(\.operation) == ["BatchWriteItem"])
        #expect(catalog.helperMethod(client: "dynamodb", method: "Table.batch_writer") == helper)
        #expect(catalog.helperMethod(client: "dynamodb", method: "batch_writer") == nil)
    }

    @Test func databaseAuthTokenNeedsConnect() throws {
        let helper = try #require(catalog.helperMethod(client: "rds", method: "generate_db_auth_token"))
        #expect(helper.operations.isEmpty)
        let action = try #require(helper.actions.first)
        #expect(action.action == ActionName(prefix: "rds-db", name: "connect"))
        #expect(action.arnBindings == [ARNVariableBinding(variable: "DbUserName", template: "${DBUsername}")])
        #expect(
            catalog.helperMethod(client: "dsql", method: "generate_db_connect_admin_auth_token")?.actions.first?.action
                .name == "DbConnectAdmin")
    }

    @Test func powertoolsGetParameter() throws {
        let module = "aws_lambda_powertools.utilities.parameters"
        let helper = try #require(catalog.powertoolsFunction(module: module, name: "get_parameter"))
        #expect(helper.parameters.first == "name")
        #expect(
            helper.operations == [
                HelperOperation(client: "ssm", operation: "GetParameter", parameterMap: ["name": "Name"])
            ])
        let byPath = try #require(catalog.powertoolsFunction(module: module, name: "get_parameters"))
        #expect(byPath.operations.map(\.operation) == ["GetParametersByPath"])
        let appConfig = try #require(catalog.powertoolsFunction(module: module + ".appconfig", name: "get_app_config"))
        #expect(appConfig.operations.map(\.operation) == ["StartConfigurationSession", "GetLatestConfiguration"])
        #expect(
            catalog.powertoolsFunction(module: module, name: "SSMProvider.get")?.operations.first?.operation
                == "GetParameter")
        #expect(catalog.powertoolsFunction(module: "other_library", name: "get_parameter") == nil)
    }

    @Test func powertoolsIdempotencyTable() throws {
        let layer = try #require(
            catalog.powertoolsFunction(
                module: "aws_lambda_powertools.utilities.idempotency", name: "DynamoDBPersistenceLayer"))
        #expect(layer.parameters.first == "table_name")
        #expect(layer.operations.map(\.operation) == ["GetItem", "PutItem", "UpdateItem", "DeleteItem"])
        #expect(layer.operations.allSatisfy { $0.parameterMap == ["table_name": "TableName"] })
    }

    @Test func forwardAccessForSSEKMS() {
        let actions = catalog.forwardAccess(client: "s3", operation: "GetObject")
        #expect(actions.map(\.action) == [ActionName(prefix: "kms", name: "Decrypt")])
        #expect(actions.first?.context["kms:ViaService"] == "s3.${region}.amazonaws.com")
        #expect(catalog.forwardAccess(client: "s3", operation: "ListBuckets").isEmpty)
    }

    @Test func samPolicyTemplate() throws {
        let template = try #require(catalog.samPolicyTemplate(named: "S3ReadPolicy"))
        #expect(template.parameters.keys.contains("BucketName"))
        #expect(template.statements.flatMap(\.actions).contains("s3:GetObject"))
        #expect(catalog.samPolicyTemplateNames.count == 81)
    }

    @Test func managedPolicies() throws {
        let basic = try #require(catalog.managedPolicy(named: "AWSLambdaBasicExecutionRole"))
        #expect(basic.arns["aws"] == "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
        #expect(basic.statements?.first?.actions.contains("logs:PutLogEvents") == true)
        let other = try #require(catalog.managedPolicy(named: "ReadOnlyAccess"))
        #expect(other.statements == nil)
        #expect(catalog.managedPolicy(named: "NoSuchPolicy") == nil)
    }

    @Test func connectorProfile() {
        #expect(catalog.connectorProfile(source: "AWS::Lambda::Function", destination: "AWS::DynamoDB::Table") != nil)
    }
}
