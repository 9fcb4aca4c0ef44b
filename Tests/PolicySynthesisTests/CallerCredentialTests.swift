import PolicySynthesis
import Testing

/// Services that read or write other resources with the caller's credentials.
@Suite struct CallerCredentialTests {
    func generate(_ code: String) throws -> FunctionPolicy {
        try ProjectFixture(files: ["template.yaml": samTemplate(), "src/app.py": code]).generate().function("Fn")
    }

    @Test func rekognitionReadsTheImageObject() throws {
        let policy = try generate(
            """
            import boto3
            rek = boto3.client("rekognition")
            def handler(event, context):
                rek.detect_labels(Image={"S3Object": {"Bucket": "photos", "Name": "in/a.jpg"}})
            """)
        #expect(policy.grants.contains("rekognition:DetectLabels *"))
        #expect(policy.grants.contains("s3:GetObject arn:${AWS::Partition}:s3:::photos/in/a.jpg"))
    }

    @Test func imageBytesNeedNoS3() throws {
        let policy = try generate(
            """
            import boto3
            rek = boto3.client("rekognition")
            def handler(event, context):
                rek.detect_labels(Image={"Bytes": event["body"]})
            """)
        #expect(!policy.actions.contains("s3:GetObject"))
    }

    @Test func athenaQueryReadsTheCatalogAndWritesResults() throws {
        let policy = try generate(
            """
            import boto3
            athena = boto3.client("athena")
            def handler(event, context):
                athena.start_query_execution(
                    QueryString="select 1",
                    QueryExecutionContext={"Database": "ledger"},
                    ResultConfiguration={"OutputLocation": "s3://results-bucket/exports/"})
            """)
        #expect(policy.grants.contains("athena:StartQueryExecution \(regionalARN("athena", "workgroup/primary"))"))
        #expect(policy.grants.contains("glue:GetTable \(regionalARN("glue", "catalog"))"))
        #expect(policy.grants.contains("glue:GetTable \(regionalARN("glue", "database/ledger"))"))
        #expect(policy.grants.contains("glue:GetTable \(regionalARN("glue", "table/ledger/*"))"))
        #expect(policy.grants.contains("s3:PutObject arn:${AWS::Partition}:s3:::results-bucket/exports/*"))
        #expect(policy.grants.contains("s3:GetBucketLocation arn:${AWS::Partition}:s3:::results-bucket"))
    }

    @Test func timestreamNeedsEndpointDiscovery() throws {
        let policy = try generate(
            """
            import boto3
            tsw = boto3.client("timestream-write")
            def handler(event, context):
                tsw.write_records(DatabaseName="metrics", TableName="clicks", Records=[])
            """)
        #expect(policy.grants.contains("timestream:DescribeEndpoints *"))
        #expect(
            policy.grants.contains(
                "timestream:WriteRecords \(regionalARN("timestream", "database/metrics/table/clicks"))"))
    }
}
