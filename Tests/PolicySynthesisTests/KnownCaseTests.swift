import IAMCatalog
import PolicySynthesis
import Testing

/// Small projects whose right answers are known from reports of wrong or missing permissions.
/// Each checks what must be granted, and what must not.
@Suite struct KnownCaseTests {
    func generate(_ template: String, code: String) throws -> FunctionPolicy {
        let project = try ProjectFixture(files: ["template.yaml": template, "src/app.py": code]).generate()
        return try project.function("Fn")
    }

    @Test func ssmParameterWithLeadingSlashHasOneSlash() throws {
        let policy = try generate(
            samTemplate(
                environment: ["DB_URL_PARAM": "/shop/prod/db-url"],
                properties: "Policies:\n  - SSMParameterReadPolicy: { ParameterName: /shop/prod/db-url }"),
            code: """
                import os, boto3
                def handler(event, context):
                    return boto3.client("ssm").get_parameter(Name=os.environ["DB_URL_PARAM"])
                """)
        #expect(policy.grants.contains("ssm:GetParameter \(regionalARN("ssm", "parameter/shop/prod/db-url"))"))
        #expect(!policy.grants.contains { $0.contains("parameter//") })
    }

    @Test func parametersByPathIsGrantedOnThePath() throws {
        let policy = try generate(
            samTemplate(),
            code: """
                import boto3
                ssm = boto3.client("ssm")
                def handler(event, context):
                    return ssm.get_parameters_by_path(Path="/shop/prod", Recursive=True, WithDecryption=True)
                """)
        #expect(policy.grants.contains("ssm:GetParametersByPath \(regionalARN("ssm", "parameter/shop/prod"))"))
        #expect(!policy.actions.contains("kms:Decrypt"))
    }

    @Test func synchronousExpressExecutionNeedsItsOwnAction() throws {
        let policy = try generate(
            samTemplate(
                environment: ["EXPRESS_SM_ARN": "!Ref Checkout"],
                resources: """
                      Checkout:
                        Type: AWS::Serverless::StateMachine
                        Properties:
                          Name: checkout-express
                          Type: EXPRESS
                          Definition: {StartAt: Done, States: {Done: {Type: Succeed}}}
                    """),
            code: """
                import os, boto3
                def handler(event, context):
                    boto3.client("stepfunctions").start_sync_execution(stateMachineArn=os.environ["EXPRESS_SM_ARN"], input="{}")
                """)
        #expect(
            policy.grants.contains(
                "states:StartSyncExecution \(regionalARN("states", "stateMachine:checkout-express"))"))
        #expect(!policy.actions.contains("states:StartExecution"))
    }

    @Test func indexQueryIsGrantedOnTheIndex() throws {
        let policy = try generate(
            samTemplate(
                environment: ["TABLE": "!Ref Orders"],
                resources: """
                      Orders:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          TableName: orders
                          BillingMode: PAY_PER_REQUEST
                          AttributeDefinitions: [{AttributeName: id, AttributeType: S}, {AttributeName: status, AttributeType: S}]
                          KeySchema: [{AttributeName: id, KeyType: HASH}]
                          GlobalSecondaryIndexes:
                            - IndexName: by-status
                              KeySchema: [{AttributeName: status, KeyType: HASH}]
                              Projection: {ProjectionType: ALL}
                    """),
            code: """
                import os, boto3
                from boto3.dynamodb.conditions import Key
                table = boto3.resource("dynamodb").Table(os.environ["TABLE"])
                def handler(event, context):
                    return table.query(IndexName="by-status", KeyConditionExpression=Key("status").eq("OPEN"))
                """)
        #expect(policy.grants.contains("dynamodb:Query \(regionalARN("dynamodb", "table/orders/index/by-status"))"))
        #expect(!policy.grants.contains("dynamodb:Query \(regionalARN("dynamodb", "table/orders"))"))
    }

    @Test func secretByNameGetsRandomSuffix() throws {
        let policy = try generate(
            samTemplate(),
            code: """
                import boto3
                sm = boto3.client("secretsmanager")
                def handler(event, context):
                    return sm.get_secret_value(SecretId="app-db-creds")
                """)
        #expect(
            policy.grants.contains(
                "secretsmanager:GetSecretValue \(regionalARN("secretsmanager", "secret:app-db-creds-??????"))"))
    }

    @Test func listObjectsIsListBucketOnTheBucket() throws {
        let policy = try generate(
            samTemplate(),
            code: """
                import boto3
                s3 = boto3.client("s3")
                def handler(event, context):
                    return s3.list_objects_v2(Bucket="orders-bucket", Prefix="incoming/")
                """)
        #expect(
            policy.grants.contains(
                "s3:ListBucket arn:${AWS::Partition}:s3:::orders-bucket if StringLike s3:prefix=incoming/*"))
        #expect(!policy.grants.contains { $0.contains("orders-bucket/") })
        #expect(!policy.actions.contains("s3:ListObjectsV2"))
        #expect(!policy.actions.contains("s3:GetObjectAcl"))
    }

    @Test func headCallsUseRealActions() throws {
        let policy = try generate(
            samTemplate(),
            code: """
                import boto3
                s3 = boto3.client("s3")
                def handler(event, context):
                    s3.head_bucket(Bucket="orders-bucket")
                    s3.head_object(Bucket="orders-bucket", Key="a.csv")
                """)
        #expect(policy.grants.contains("s3:ListBucket arn:${AWS::Partition}:s3:::orders-bucket"))
        #expect(policy.grants.contains("s3:GetObject arn:${AWS::Partition}:s3:::orders-bucket/a.csv"))
        #expect(!policy.actions.contains("s3:HeadObject"))
        #expect(!policy.actions.contains("s3:HeadBucket"))
    }

    @Test func managedUploadIsPutObjectOnTheKey() throws {
        let policy = try generate(
            samTemplate(),
            code: """
                import boto3
                s3 = boto3.client("s3")
                def handler(event, context):
                    s3.upload_file("/tmp/export.parquet", "exports-bucket", "daily/export.parquet")
                """)
        let object = "arn:${AWS::Partition}:s3:::exports-bucket/daily/export.parquet"
        #expect(policy.grants.contains("s3:PutObject \(object)"))
        #expect(policy.grants.contains("s3:AbortMultipartUpload \(object)"))
        #expect(!policy.actions.contains("s3:CreateMultipartUpload"))
        #expect(!policy.actions.contains("s3:UploadPart"))
    }

    @Test func encryptedBucketReadNeedsDecryptOnItsKey() throws {
        let policy = try generate(
            samTemplate(
                environment: ["BUCKET": "!Ref Logs"],
                resources: """
                      LogsKey:
                        Type: AWS::KMS::Key
                        Properties: {KeyPolicy: {Version: "2012-10-17", Statement: []}}
                      Logs:
                        Type: AWS::S3::Bucket
                        Properties:
                          BucketName: access-logs
                          BucketEncryption:
                            ServerSideEncryptionConfiguration:
                              - ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms", KMSMasterKeyID: !Ref LogsKey}
                    """),
            code: """
                import os, boto3
                s3 = boto3.client("s3")
                def handler(event, context):
                    key = event["Records"][0]["s3"]["object"]["key"]
                    return s3.get_object(Bucket=os.environ["BUCKET"], Key=key)
                """)
        #expect(policy.grants.contains("s3:GetObject arn:${AWS::Partition}:s3:::access-logs/*"))
        #expect(policy.grants.contains("kms:Decrypt \(regionalARN("kms", "key/${LogsKey}"))"))
    }

    @Test func encryptedQueueSendNeedsDataKeyPermissions() throws {
        let policy = try generate(
            samTemplate(
                environment: ["JOBS_URL": "!Ref Jobs"],
                resources: """
                      JobsKey:
                        Type: AWS::KMS::Key
                        Properties: {KeyPolicy: {Version: "2012-10-17", Statement: []}}
                      Jobs:
                        Type: AWS::SQS::Queue
                        Properties: {QueueName: jobs, KmsMasterKeyId: !Ref JobsKey}
                    """),
            code: """
                import os, boto3
                sqs = boto3.client("sqs")
                def handler(event, context):
                    sqs.send_message(QueueUrl=os.environ["JOBS_URL"], MessageBody="x")
                """)
        let key = regionalARN("kms", "key/${JobsKey}")
        #expect(policy.grants.contains("sqs:SendMessage \(regionalARN("sqs", "jobs"))"))
        #expect(policy.grants.contains("kms:GenerateDataKey \(key)"))
        #expect(policy.grants.contains("kms:Decrypt \(key)"))
    }

    @Test func encryptedQueueEventSourceNeedsDecrypt() throws {
        let policy = try generate(
            samTemplate(
                properties: "Events:\n  Jobs:\n    Type: SQS\n    Properties: {Queue: !GetAtt Jobs.Arn}",
                resources: """
                      JobsKey:
                        Type: AWS::KMS::Key
                        Properties: {KeyPolicy: {Version: "2012-10-17", Statement: []}}
                      Jobs:
                        Type: AWS::SQS::Queue
                        Properties: {QueueName: jobs, KmsMasterKeyId: !Ref JobsKey}
                    """),
            code: "def handler(event, context):\n    return len(event[\"Records\"])\n")
        let queue = regionalARN("sqs", "jobs")
        for action in ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"] {
            #expect(policy.grants.contains("\(action) \(queue)"), "\(action)")
        }
        #expect(policy.grants.contains("kms:Decrypt \(regionalARN("kms", "key/${JobsKey}"))"))
        #expect(!policy.actions.contains("sqs:*"))
    }

    @Test func encryptedTopicPublishNeedsDataKeyPermissions() throws {
        let policy = try generate(
            samTemplate(
                environment: ["ALERTS_TOPIC": "!Ref Alerts"],
                resources: """
                      AlertsKey:
                        Type: AWS::KMS::Key
                        Properties: {KeyPolicy: {Version: "2012-10-17", Statement: []}}
                      Alerts:
                        Type: AWS::SNS::Topic
                        Properties: {TopicName: alerts, KmsMasterKeyId: !GetAtt AlertsKey.Arn}
                    """),
            code: """
                import os, boto3
                sns = boto3.client("sns")
                def handler(event, context):
                    sns.publish(TopicArn=os.environ["ALERTS_TOPIC"], Message="m")
                """)
        #expect(policy.grants.contains("sns:Publish \(regionalARN("sns", "alerts"))"))
        #expect(policy.actions.isSuperset(of: ["kms:GenerateDataKey", "kms:Decrypt"]))
    }

    @Test func queueEventSourceByLiteralARN() throws {
        let policy = try generate(
            samTemplate(
                properties:
                    "Events:\n  Orders:\n    Type: SQS\n    Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:orders.fifo}"
            ),
            code: "def handler(event, context):\n    pass\n")
        for action in ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"] {
            #expect(policy.grants.contains("\(action) arn:aws:sqs:us-east-1:123456789012:orders.fifo"), "\(action)")
        }
    }

    @Test func kinesisEventSourceIncludesListShardsAndDescribeStream() throws {
        let policy = try generate(
            samTemplate(
                properties: """
                    Events:
                      Clicks:
                        Type: Kinesis
                        Properties: {Stream: arn:aws:kinesis:us-east-1:123456789012:stream/clicks, StartingPosition: LATEST}
                    """),
            code: "def handler(event, context):\n    pass\n")
        for action in [
            "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator",
            "kinesis:ListShards",
        ] {
            #expect(
                policy.grants.contains("\(action) arn:aws:kinesis:us-east-1:123456789012:stream/clicks"), "\(action)")
        }
        #expect(!policy.actions.contains("kinesis:SubscribeToShard"))
        #expect(!policy.actions.contains("kinesis:ListStreams"))
    }

    @Test func putMetricDataIsScopedByNamespace() throws {
        let policy = try generate(
            samTemplate(),
            code: """
                import boto3
                cw = boto3.client("cloudwatch")
                def handler(event, context):
                    cw.put_metric_data(Namespace="Shop/Checkout", MetricData=[{"MetricName": "Orders", "Value": 1}])
                """)
        #expect(policy.grants.contains("cloudwatch:PutMetricData * if StringEquals cloudwatch:namespace=Shop/Checkout"))
    }

    @Test func activeTracingOnCustomRoleGrantsXRay() throws {
        let policy = try generate(
            samTemplate(
                properties: "Role: !GetAtt FnRole.Arn",
                resources: """
                      FnRole:
                        Type: AWS::IAM::Role
                        Properties:
                          AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
                    """,
                globals: "Globals:\n  Function:\n    Tracing: Active"),
            code: "def handler(event, context):\n    pass\n")
        #expect(policy.grants.contains("xray:PutTraceSegments *"))
        #expect(policy.grants.contains("xray:PutTelemetryRecords *"))
    }

    @Test func vpcFunctionGetsNetworkInterfacePermissions() throws {
        let policy = try generate(
            samTemplate(properties: "VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}"),
            code: "def handler(event, context):\n    pass\n")
        for action in [
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
            "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
        ] {
            #expect(policy.grants.contains("\(action) *"), "\(action)")
        }
    }

    @Test func assumeRoleIsGrantedOnTheTargetRole() throws {
        let policy = try generate(
            samTemplate(environment: ["AUDIT_ROLE_ARN": "arn:aws:iam::111122223333:role/audit-reader"]),
            code: """
                import os, boto3
                def handler(event, context):
                    boto3.client("sts").assume_role(RoleArn=os.environ["AUDIT_ROLE_ARN"], RoleSessionName="audit")
                """)
        #expect(policy.grants.contains("sts:AssumeRole arn:aws:iam::111122223333:role/audit-reader"))
    }

    @Test func resourceAPIListingAndReading() throws {
        let policy = try generate(
            samTemplate(),
            code: """
                import boto3
                s3 = boto3.resource("s3")
                def handler(event, context):
                    for o in s3.Bucket("reports-bucket").objects.filter(Prefix="2024/"):
                        body = s3.Object("reports-bucket", o.key).get()["Body"].read()
                """)
        #expect(
            policy.grants.contains(
                "s3:ListBucket arn:${AWS::Partition}:s3:::reports-bucket if StringLike s3:prefix=2024/*"))
        #expect(policy.grants.contains("s3:GetObject arn:${AWS::Partition}:s3:::reports-bucket/2024/*"))
        #expect(!policy.grants.contains("s3:GetObject arn:${AWS::Partition}:s3:::reports-bucket/*"))
    }

    @Test func renamedActionsAndPrefixes() throws {
        let policy = try generate(
            samTemplate(),
            code: """
                import boto3
                s3 = boto3.client("s3")
                efs = boto3.client("efs")
                sfn = boto3.client("stepfunctions")
                def handler(event, context):
                    s3.put_bucket_lifecycle_configuration(Bucket="b", LifecycleConfiguration={})
                    efs.tag_resource(ResourceId="fs-1", Tags=[])
                    sfn.start_execution(stateMachineArn="arn:aws:states:us-east-1:123456789012:stateMachine:m")
                """)
        #expect(
            policy.actions.isSuperset(of: [
                "s3:PutLifecycleConfiguration", "elasticfilesystem:TagResource", "states:StartExecution",
            ]))
        #expect(!policy.actions.contains("s3:PutBucketLifecycleConfiguration"))
        #expect(!policy.actions.contains { $0.hasPrefix("efs:") || $0.hasPrefix("stepfunctions:") })
    }

    @Test func errorPathCallsAreGranted() throws {
        let policy = try generate(
            samTemplate(),
            code: """
                import boto3
                from botocore.exceptions import ClientError
                s3 = boto3.client("s3")
                lam = boto3.client("lambda")
                def handler(event, context):
                    try:
                        lam.invoke(FunctionName="resize", Payload=b"{}")
                    except ClientError:
                        s3.put_object(Bucket="fallback-bucket", Key="payloads/x.json", Body=b"{}")
                """)
        #expect(policy.grants.contains("s3:PutObject arn:${AWS::Partition}:s3:::fallback-bucket/payloads/x.json"))
        #expect(policy.grants.contains("lambda:InvokeFunction \(regionalARN("lambda", "function:resize"))"))
    }

    @Test func everyGrantedActionExistsInTheCatalog() throws {
        let policy = try generate(
            samTemplate(properties: "Tracing: Active"),
            code: """
                import boto3
                s3 = boto3.client("s3")
                def handler(event, context):
                    s3.head_object(Bucket="b", Key="k")
                    s3.list_objects_v2(Bucket="b")
                    s3.upload_file("/tmp/f", "b", "k")
                """)
        for action in policy.actions {
            let name = try #require(ActionName(action))
            #expect(Catalog.shared.action(name) != nil, "\(action) is not an IAM action")
        }
    }
}
