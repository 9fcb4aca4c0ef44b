import Testing

/// S3 through v3 commands, `@aws-sdk/lib-storage`, presigned URLs and v2 clients, from
/// template to policy.
@Suite struct JavaScriptS3CaseTests {
    static let encryptedLogsBucket = """
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
        """

    static let cases: [JavaScriptCase] = [
        JavaScriptCase(
            name: "lib-storage upload with SSE-KMS",
            project: JavaScriptProject(
                environment: ["EXPORT_KEY_ARN": "!GetAtt ExportKey.Arn"], resources: JavaScriptResources.exportKey,
                files: [
                    "app.mjs": """
                    import { S3Client } from "@aws-sdk/client-s3";
                    import { Upload } from "@aws-sdk/lib-storage";
                    const s3 = new S3Client({});
                    export const handler = async (event) => {
                      const k = `exports/${event.id}.csv`;
                      await new Upload({ client: s3, params: { Bucket: "exports-bucket", Key: k, Body: event.body,
                        ServerSideEncryption: "aws:kms", SSEKMSKeyId: process.env.EXPORT_KEY_ARN } }).done();
                    };
                    """
                ]),
            granted: [
                "s3:PutObject \(s3ARN("exports-bucket/exports/*.csv"))",
                "s3:AbortMultipartUpload \(s3ARN("exports-bucket/exports/*.csv"))",
                "kms:GenerateDataKey \(templateKeyARN("ExportKey"))", "kms:Decrypt \(templateKeyARN("ExportKey"))",
            ],
            absentActions: ["s3:CreateMultipartUpload", "s3:UploadPart", "s3:CompleteMultipartUpload"]),
        JavaScriptCase(
            name: "v2 managed upload of a literal key",
            project: JavaScriptProject(files: [
                "app.js": """
                const AWS = require("aws-sdk");
                const s3 = new AWS.S3();
                exports.handler = async (event) => {
                  await s3.upload({ Bucket: "exports-bucket", Key: "daily/export.parquet", Body: event.body }).promise();
                };
                """
            ]),
            granted: [
                "s3:PutObject \(s3ARN("exports-bucket/daily/export.parquet"))",
                "s3:AbortMultipartUpload \(s3ARN("exports-bucket/daily/export.parquet"))",
            ],
            notGranted: ["s3:PutObject \(s3ARN("exports-bucket/*"))"]),
        JavaScriptCase(
            name: "v3 presigned GET URL",
            project: JavaScriptProject(files: [
                "app.mjs": """
                import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
                import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
                const s3 = new S3Client({});
                export const handler = async (event) => {
                  const command = new GetObjectCommand({ Bucket: "reports-bucket", Key: `reports/${event.id}.pdf` });
                  return { url: await getSignedUrl(s3, command, { expiresIn: 300 }) };
                };
                """
            ]),
            granted: ["s3:GetObject \(s3ARN("reports-bucket/reports/*.pdf"))"],
            absentActions: ["s3:PutObject"]),
        JavaScriptCase(
            name: "v2 presigned PUT URL",
            project: JavaScriptProject(files: [
                "app.js": """
                const S3 = require("aws-sdk/clients/s3");
                const s3 = new S3({ signatureVersion: "v4" });
                exports.handler = async (event) => ({
                  url: await s3.getSignedUrlPromise("putObject", { Bucket: "uploads-bucket", Key: "incoming/" + event.name }),
                });
                """
            ]),
            granted: ["s3:PutObject \(s3ARN("uploads-bucket/incoming/*"))"],
            absentActions: ["s3:GetObject"]),
        JavaScriptCase(
            name: "v2 getObject promise on an encrypted bucket",
            project: JavaScriptProject(
                environment: ["BUCKET": "!Ref Logs"], resources: encryptedLogsBucket,
                files: [
                    "app.js": """
                    const AWS = require("aws-sdk");
                    exports.handler = async (event) => {
                      const record = event.Records[0].s3;
                      const object = await new AWS.S3().getObject({ Bucket: process.env.BUCKET, Key: record.object.key }).promise();
                      return object.Body.toString();
                    };
                    """
                ]),
            granted: ["s3:GetObject \(s3ARN("access-logs/*"))", "kms:Decrypt \(templateKeyARN("LogsKey"))"]),
        JavaScriptCase(
            name: "listing is ListBucket on the bucket",
            project: JavaScriptProject(files: [
                "app.mjs": """
                import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
                const s3 = new S3Client({});
                export const handler = async () => s3.send(new ListObjectsV2Command({ Bucket: "orders-bucket", Prefix: "incoming/" }));
                """
            ]),
            granted: ["s3:ListBucket \(s3ARN("orders-bucket")) if StringLike s3:prefix=incoming/*"],
            notGranted: ["s3:ListBucket \(s3ARN("orders-bucket/*"))"],
            absentActions: ["s3:ListObjectsV2"]),
        JavaScriptCase(
            name: "head commands use real actions",
            project: JavaScriptProject(files: [
                "app.mjs": """
                import { HeadBucketCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
                const s3 = new S3Client({});
                export const handler = async () => {
                  await s3.send(new HeadBucketCommand({ Bucket: "orders-bucket" }));
                  await s3.send(new HeadObjectCommand({ Bucket: "orders-bucket", Key: "a.csv" }));
                };
                """
            ]),
            granted: ["s3:ListBucket \(s3ARN("orders-bucket"))", "s3:GetObject \(s3ARN("orders-bucket/a.csv"))"],
            absentActions: ["s3:HeadObject", "s3:HeadBucket"]),
        JavaScriptCase(
            name: "operation names that differ from actions",
            project: JavaScriptProject(files: [
                "app.mjs": """
                import { PutBucketLifecycleConfigurationCommand, S3Client } from "@aws-sdk/client-s3";
                import { EFSClient, TagResourceCommand } from "@aws-sdk/client-efs";
                import { SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
                export const handler = async (event) => {
                  await new S3Client({}).send(new PutBucketLifecycleConfigurationCommand({ Bucket: "logs-bucket", LifecycleConfiguration: { Rules: [] } }));
                  await new EFSClient({}).send(new TagResourceCommand({ ResourceId: event.fileSystemId, Tags: [] }));
                  await new SFNClient({}).send(new StartExecutionCommand({ stateMachineArn: event.machine, input: "{}" }));
                };
                """
            ]),
            granted: ["s3:PutLifecycleConfiguration \(s3ARN("logs-bucket"))"],
            absentActions: ["s3:PutBucketLifecycleConfiguration", "efs:TagResource", "sfn:StartExecution"]),
    ]

    @Test(arguments: cases) func policyMatches(_ testCase: JavaScriptCase) throws {
        try testCase.check()
    }

    @Test func renamedActionsArePresent() throws {
        let renamed = try #require(Self.cases.first { $0.name == "operation names that differ from actions" })
        let policy = try renamed.project.policy()
        #expect(policy.actions.contains("elasticfilesystem:TagResource"))
        #expect(policy.actions.contains("states:StartExecution"))
    }
}
