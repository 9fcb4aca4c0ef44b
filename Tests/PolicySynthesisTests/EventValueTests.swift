import PolicySynthesis
import Testing

/// Values the handler reads from the invocation event, resolved through its event sources.
@Suite struct EventValueTests {
    static let template = samTemplate(
        properties: """
            Events:
              Upload:
                Type: S3
                Properties:
                  Bucket: !Ref Uploads
                  Events: s3:ObjectCreated:*
                  Filter: {S3Key: {Rules: [{Name: prefix, Value: incoming/}, {Name: suffix, Value: .csv}]}}
            """,
        resources: """
              Uploads:
                Type: AWS::S3::Bucket
            """)

    func generate(_ code: String) throws -> FunctionPolicy {
        try ProjectFixture(files: ["template.yaml": Self.template, "src/app.py": code]).generate().function("Fn")
    }

    @Test func notificationBucketAndKeyComeFromTheEvent() throws {
        let policy = try generate(
            """
            import boto3
            from urllib.parse import unquote_plus
            s3 = boto3.client("s3")
            def handler(event, context):
                for record in event["Records"]:
                    bucket = record["s3"]["bucket"]["name"]
                    key = unquote_plus(record["s3"]["object"]["key"])
                    s3.get_object(Bucket=bucket, Key=key)
            """)
        #expect(policy.grants.contains("s3:GetObject arn:${AWS::Partition}:s3:::${Uploads}/incoming/*.csv"))
        #expect(!policy.grants.contains { $0.contains(":::*") })
    }

    @Test func getAndIndexReadTheSameMember() throws {
        let policy = try generate(
            """
            import boto3
            s3 = boto3.client("s3")
            def handler(event, context):
                s3.head_bucket(Bucket=event.get("Records")[0]["s3"]["bucket"]["name"])
            """)
        #expect(policy.grants.contains("s3:ListBucket arn:${AWS::Partition}:s3:::${Uploads}"))
    }

    @Test func otherEventValuesStayUnknown() throws {
        let policy = try generate(
            """
            import boto3
            sqs = boto3.client("sqs")
            def handler(event, context):
                sqs.send_message(QueueUrl=event["queue"], MessageBody="x")
            """)
        #expect(policy.grants.contains("sqs:SendMessage \(regionalARN("sqs", "*"))"))
    }

    @Test func triggerBucketStaysOutOfTheRoleInCloudFormationOutput() throws {
        let project = TemporaryProjectRunner(
            files: [
                "template.yaml": Self.template,
                "src/app.py":
                    "import boto3\ns3 = boto3.client('s3')\ndef handler(event, context):\n    s3.get_object(Bucket=event['Records'][0]['s3']['bucket']['name'], Key='k')\n",
            ])
        let output = try project.cloudFormation()
        let role = try #require(output.split(separator: "FnOwnResourcesPolicy:").first)
        #expect(!role.contains("${Uploads}"))
        #expect(output.contains("FnOwnResourcesPolicy:"))
    }
}

/// Code shapes that once made the analysis lose a call or grow without bound.
@Suite struct AnalysisRobustnessTests {
    func generate(_ files: [String: String]) throws -> FunctionPolicy {
        try ProjectFixture(files: ["template.yaml": samTemplate()].merging(files) { $1 }).generate().function("Fn")
    }

    @Test func chainedStarImportsKeepTheCall() throws {
        let policy = try generate([
            "src/app.py": "from m0 import *\ndef handler(event, context):\n    g()\n",
            "src/m0.py": "from m1 import *\n",
            "src/m1.py": "import boto3\ns3 = boto3.client('s3')\ndef g():\n    s3.get_object(Bucket='b', Key='k')\n",
        ])
        #expect(policy.grants.contains("s3:GetObject arn:${AWS::Partition}:s3:::b/k"))
    }

    @Test func doublingCallChainsStayBounded() throws {
        var lines = ["import boto3", "s3 = boto3.client('s3')"]
        for index in 0..<30 {
            lines.append("def f\(index)(k):\n    f\(index + 1)(k + 'a')\n    f\(index + 1)(k + 'b')")
        }
        lines.append("def f30(k):\n    s3.get_object(Bucket='b', Key=k)")
        lines.append("def handler(event, context):\n    f0('x')")
        let policy = try generate(["src/app.py": lines.joined(separator: "\n") + "\n"])
        #expect(policy.actions.contains("s3:GetObject"))
        #expect(policy.diagnostics.allSatisfy { $0.message.count < 2_000 })
    }
}

/// Keys read from an S3 listing keep the listing's prefix.
@Suite struct ListedKeyTests {
    @Test func paginatedAndDirectListingsScopeLaterCalls() throws {
        let project = try ProjectFixture(files: [
            "template.yaml": samTemplate(),
            "src/app.py": """
            import boto3
            s3 = boto3.client("s3")
            def handler(event, context):
                paginator = s3.get_paginator("list_objects_v2")
                for page in paginator.paginate(Bucket="b", Prefix="in/"):
                    for obj in page.get("Contents", []):
                        s3.delete_object(Bucket="b", Key=obj["Key"])
                response = s3.list_objects_v2(Bucket="b", Prefix="out/")
                for item in response["Contents"]:
                    s3.get_object(Bucket="b", Key=item["Key"])
            """,
        ]).generate()
        let policy = try project.function("Fn")
        #expect(policy.grants.contains("s3:DeleteObject arn:${AWS::Partition}:s3:::b/in/*"))
        #expect(policy.grants.contains("s3:GetObject arn:${AWS::Partition}:s3:::b/out/*"))
        #expect(!policy.diagnostics.contains { $0.code == .widenedResource && $0.severity == .warning })
    }
}

/// A client factory called with different service names.
@Suite struct ClientFactoryTests {
    @Test func eachServiceNameGivesItsClient() throws {
        let project = try ProjectFixture(files: [
            "template.yaml": samTemplate(),
            "src/app.py": """
            import boto3
            def make_client(service):
                return boto3.client(service, region_name="eu-west-1")
            class Ledger:
                def __init__(self):
                    self._ddb = make_client("dynamodb")
                    self._s3 = make_client("s3")
                def record(self):
                    self._ddb.put_item(TableName="ledger", Item={})
                    self._s3.put_object(Bucket="reports", Key="r.json", Body=b"{}")
            def handler(event, context):
                Ledger().record()
            """,
        ]).generate()
        let policy = try project.function("Fn")
        #expect(policy.grants.contains("dynamodb:PutItem \(regionalARN("dynamodb", "table/ledger"))"))
        #expect(policy.grants.contains("s3:PutObject arn:${AWS::Partition}:s3:::reports/r.json"))
        #expect(!policy.diagnostics.contains { $0.severity == .warning })
    }
}
