import Testing

@testable import IAMCatalog

@Suite struct SDKLookupTests {
    let catalog = Catalog.shared

    func actions(_ client: String, _ operation: String) throws -> [OperationAction] {
        try #require(catalog.operation(client: client, name: operation)).actions
    }

    func always(_ client: String, _ operation: String) throws -> [String] {
        try actions(client, operation).filter { $0.trigger == .always }.map(\.action.description)
    }

    @Test func listObjectsV2ListsTheBucket() throws {
        let operation = try #require(catalog.operation(client: "s3", name: "ListObjectsV2"))
        #expect(operation.actions.count == 1)
        let action = try #require(operation.actions.first)
        #expect(action.action == ActionName(prefix: "s3", name: "ListBucket"))
        #expect(action.trigger == .always)
        #expect(action.resourceType == "bucket")
        #expect(action.arnBindings == [ARNVariableBinding(variable: "BucketName", template: "${Bucket}")])
        #expect(operation.source == "correction")
        #expect(operation.correctionReason != nil)
    }

    @Test(arguments: [
        ("HeadObject", "s3:GetObject"),
        ("CreateMultipartUpload", "s3:PutObject"),
        ("UploadPart", "s3:PutObject"),
        ("CompleteMultipartUpload", "s3:PutObject"),
        ("PutBucketLifecycleConfiguration", "s3:PutLifecycleConfiguration"),
        ("HeadBucket", "s3:ListBucket"),
        ("AbortMultipartUpload", "s3:AbortMultipartUpload"),
        ("WriteGetObjectResponse", "s3-object-lambda:WriteGetObjectResponse"),
    ])
    func s3Corrections(operation: String, action: String) throws {
        #expect(try always("s3", operation) == [action])
    }

    @Test func headObjectVersionNeedsGetObjectVersion() throws {
        let version = try actions("s3", "HeadObject").first { $0.action.name == "GetObjectVersion" }
        #expect(version?.trigger == .whenArgumentPresent("VersionId"))
    }

    @Test func putObjectArgumentTriggers() throws {
        let putActions = try actions("s3", "PutObject")
        let acl = putActions.first { $0.action.name == "PutObjectAcl" }
        let tagging = putActions.first { $0.action.name == "PutObjectTagging" }
        #expect(acl?.trigger == .whenArgumentPresent("ACL"))
        #expect(tagging?.trigger == .whenArgumentPresent("Tagging"))
    }

    @Test func copyObjectReadsTheSource() throws {
        let read = try #require(try actions("s3", "CopyObject").first { $0.action.name == "GetObject" })
        #expect(read.trigger == .always)
        #expect(read.arnTemplate == "arn:${Partition}:s3:::${CopySource}")
    }

    @Test func getObjectAttributesByVersion() throws {
        let byVersion = try actions("s3", "GetObjectAttributes").filter {
            $0.trigger == .whenArgumentPresent("VersionId")
        }
        #expect(Set(byVersion.map(\.action.name)) == ["GetObjectVersion", "GetObjectVersionAttributes"])
    }

    @Test(arguments: [
        ("stepfunctions", "states"), ("dynamodbstreams", "dynamodb"), ("efs", "elasticfilesystem"),
        ("apigatewaymanagementapi", "execute-api"), ("events", "events"), ("opensearch", "es"),
    ])
    func iamPrefixes(client: String, prefix: String) {
        #expect(catalog.client(named: client)?.iamPrefix == prefix)
    }

    @Test func postToConnectionManagesConnections() throws {
        let action = try #require(try actions("apigatewaymanagementapi", "PostToConnection").first)
        #expect(action.action == ActionName(prefix: "execute-api", name: "ManageConnections"))
        #expect(action.resourceType == "execute-api-general")
        #expect(action.arnBindings.contains(ARNVariableBinding(variable: "Method", template: "POST")))
        #expect(
            action.arnBindings.contains(
                ARNVariableBinding(variable: "ApiSpecificResourcePath", template: "@connections/${ConnectionId}")))
    }

    @Test func putEventsOnEventBus() throws {
        let action = try #require(try actions("events", "PutEvents").first)
        #expect(action.action == ActionName(prefix: "events", name: "PutEvents"))
        #expect(action.resourceType == "event-bus")
        #expect(action.arnBindings.isEmpty)
    }

    @Test func putMetricDataScopedByNamespace() throws {
        let action = try #require(try actions("cloudwatch", "PutMetricData").first)
        #expect(action.resourceType == nil)
        #expect(
            action.conditions == [
                ConditionBinding(
                    conditionOperator: "StringEquals", key: "cloudwatch:namespace", template: "${Namespace}")
            ])
    }

    @Test func queryWithIndexUsesIndexResource() throws {
        let query = try actions("dynamodb", "Query")
        let onIndex = try #require(query.first { $0.trigger == .whenArgumentPresent("IndexName") })
        let onTable = try #require(query.first { $0.trigger == .whenArgumentAbsent("IndexName") })
        #expect(onIndex.resourceType == "index")
        #expect(onIndex.arnBindings.contains(ARNVariableBinding(variable: "IndexName", template: "${IndexName}")))
        #expect(onTable.resourceType == "table")
    }

    @Test func startSyncExecutionOnly() throws {
        #expect(
            try actions("stepfunctions", "StartSyncExecution").map(\.action.description) == [
                "states:StartSyncExecution"
            ])
    }

    @Test func assumeRoleOnRoleARN() throws {
        let action = try #require(try actions("sts", "AssumeRole").first { $0.trigger == .always })
        #expect(action.resourceType == "role")
        #expect(action.arnTemplate == "${RoleArn}")
    }

    @Test func getParametersByPathOnPath() throws {
        let action = try #require(try actions("ssm", "GetParametersByPath").first)
        #expect(action.arnTemplate == "arn:${Partition}:ssm:${Region}:${Account}:parameter${Path}")
    }

    @Test func transactWriteItemsPerItemKind() throws {
        let triggers = try actions("dynamodb", "TransactWriteItems").map { "\($0.action) \($0.trigger)" }
        #expect(triggers.contains("dynamodb:PutItem whenArgumentPresent(\"TransactItems[].Put\")"))
        #expect(
            triggers.contains("dynamodb:ConditionCheckItem whenArgumentPresent(\"TransactItems[].ConditionCheck\")"))
    }

    @Test func deleteObjectsVersionsByPath() throws {
        let version = try actions("s3", "DeleteObjects").first { $0.action.name == "DeleteObjectVersion" }
        #expect(version?.trigger == .whenArgumentPresent("Delete.Objects[].VersionId"))
    }

    @Test func invokeModelOnFoundationModel() throws {
        let action = try #require(try actions("bedrock-runtime", "InvokeModel").first { $0.trigger == .always })
        #expect(action.action == ActionName(prefix: "bedrock", name: "InvokeModel"))
        #expect(action.resourceType == "foundation-model")
        #expect(action.arnBindings == [ARNVariableBinding(variable: "ResourceId", template: "${modelId}")])
    }

    @Test(arguments: [
        ("sqs", "SendMessage", "QueueUrl"), ("lambda", "Invoke", "FunctionName"),
        ("secretsmanager", "GetSecretValue", "SecretId"),
    ])
    func resourceNamedByParameter(client: String, operation: String, parameter: String) throws {
        let action = try #require(try actions(client, operation).first { $0.trigger == .always })
        #expect(action.resourceParameters == [parameter])
        #expect(action.arnBindings.isEmpty)
    }

    @Test func passRoleWhenRoleIsGiven() throws {
        let passRole = try #require(try actions("lambda", "CreateFunction").first { $0.action.name == "PassRole" })
        #expect(passRole.trigger == .whenArgumentPresent("Role"))
        #expect(passRole.arnTemplate == "${Role}")
        #expect(passRole.conditions.first?.key == "iam:PassedToService")
    }

    @Test func expressCreateSession() throws {
        #expect(try always("s3", "CreateSession") == ["s3express:CreateSession"])
    }

    @Test(arguments: [
        ("s3", "list_objects_v2", "ListObjectsV2"),
        ("s3", "get_object", "GetObject"),
        ("memorydb", "describe_acls", "DescribeACLs"),
        ("storagegateway", "create_cached_iscsi_volume", "CreateCachediSCSIVolume"),
        ("signin", "create_oauth2_token", "CreateOAuth2Token"),
    ])
    func pythonMethodNames(client: String, method: String, operation: String) {
        #expect(catalog.operationName(client: client, pythonMethod: method) == operation)
    }

    @Test func clientNamesAcrossSDKs() throws {
        let client = try #require(catalog.client(named: "stepfunctions"))
        #expect(client.jsV3Package == "@aws-sdk/client-sfn")
        #expect(client.jsV2Class == "StepFunctions")
        #expect(catalog.client(sdkName: "@aws-sdk/client-sfn", language: "javascript")?.boto3Name == "stepfunctions")
        #expect(catalog.client(sdkName: "SFNClient", language: "javascript")?.boto3Name == "stepfunctions")
        #expect(catalog.client(sdkName: "StepFunctions", language: "javascript")?.boto3Name == "stepfunctions")
        #expect(catalog.client(sdkName: "sfn", language: "go")?.boto3Name == "stepfunctions")
        #expect(catalog.client(sdkName: "SfnClient", language: "java")?.boto3Name == "stepfunctions")
        #expect(catalog.client(sdkName: "sfn", language: "cobol") == nil)
    }

    @Test func operationsAuthorizingAnAction() {
        let operations = catalog.operations(authorizing: ActionName(prefix: "s3", name: "ListBucket"))
        let names = operations.filter { $0.client == "s3" }.map(\.name)
        #expect(names.contains("ListObjectsV2"))
        #expect(names.contains("HeadBucket"))
        #expect(!names.contains("GetObject"))
    }

    @Test func waiters() {
        #expect(catalog.client(named: "s3")?.waiters["BucketExists"] == "HeadBucket")
        #expect(catalog.waiterOperation(client: "s3", waiter: "bucket_exists") == "HeadBucket")
        #expect(catalog.waiterOperation(client: "s3", waiter: "BucketExists") == "HeadBucket")
        #expect(catalog.waiterOperation(client: "s3", waiter: "no_such_waiter") == nil)
    }

    @Test func paginators() {
        #expect(catalog.hasPaginator(client: "s3", operation: "ListObjectsV2"))
        #expect(!catalog.hasPaginator(client: "s3", operation: "GetObject"))
    }

    @Test func unknownClientAndOperation() {
        #expect(catalog.client(named: "no-such-client") == nil)
        #expect(catalog.operation(client: "s3", name: "NoSuchOperation") == nil)
        #expect(catalog.operationName(client: "s3", pythonMethod: "no_such_method") == nil)
    }
}
