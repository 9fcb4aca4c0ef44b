import Documents
import TestSupport
import Testing

@testable import MinRoleCLI

@Suite("simulate")
struct SimulateCommandTests {
    static let role = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "ReadReports", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::reports/*"},
          {"Sid": "Queue", "Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:DeleteQueue"],
           "Resource": "arn:aws:sqs:eu-west-1:111122223333:jobs"},
          {"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/worker"},
          {"Sid": "NoSecrets", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/secret/*"}
        ]}
        """

    static func request(_ action: String, _ resource: String) -> String {
        #"{"principal": "arn:aws:sts::111122223333:assumed-role/fn-role/fn", "action": "\#(action)", "resource": "\#(resource)"}"#
    }

    @Test func reportsDeniedCallsWithTheStatementThatWouldAllowThem() {
        let project = TemporaryProject(files: [
            "role.json": Self.role,
            "calls.jsonl": [
                Self.request("s3:GetObject", "arn:aws:s3:::reports/2024/a.csv"),
                Self.request("s3:GetObject", "arn:aws:s3:::reports/2024/a.csv"),
                Self.request("s3:PutObject", "arn:aws:s3:::reports/2024/b.csv"),
                Self.request("s3:GetObject", "arn:aws:s3:::reports/secret/key"),
                Self.request("sqs:SendMessage", "arn:aws:sqs:eu-west-1:111122223333:jobs"),
            ].joined(separator: "\n"),
        ])
        let run = runMinRole([
            "simulate", "--policy", project.root + "/role.json", "--requests", project.root + "/calls.jsonl",
        ])
        #expect(run.status == 1, "\(run.error)")
        #expect(run.output.contains("5 calls: 3 allowed, 1 implicitly denied, 1 explicitly denied"))
        #expect(
            run.output.contains(
                #"{"Effect": "Allow", "Action": "s3:PutObject", "Resource": ["arn:aws:s3:::reports/2024/b.csv"]}"#))
        #expect(run.output.contains(#"statement "NoSecrets""#))
        #expect(run.output.contains("Unused (granted, no call used them):\n  sqs:DeleteQueue"))
        #expect(run.output.contains("Unobservable"))
        #expect(run.output.contains("iam:PassRole"))
    }

    @Test func writesOneJSONResultPerCallInInputOrder() throws {
        let project = TemporaryProject(files: [
            "role.json": Self.role,
            "calls.jsonl": [
                Self.request("s3:PutObject", "arn:aws:s3:::reports/x"),
                Self.request("s3:GetObject", "arn:aws:s3:::reports/x"),
            ].joined(separator: "\n"),
        ])
        let run = runMinRole([
            "simulate", "--policy", project.root + "/role.json", "--requests", project.root + "/calls.jsonl",
            "--format", "json", "--exit-zero",
        ])
        #expect(run.status == 0, "\(run.error)")
        let json = try JSONParser.parse(bytes: Array(run.output.utf8), displayPath: "output")
        #expect(json["schemaVersion"]?.integer == 1)
        let results = try #require(json["results"]?.array)
        #expect(results.map { $0["decision"]?.string } == ["implicitDeny", "allowed"])
        #expect(results[1]["matchedStatements"]?.array?.first?["sid"]?.string == "ReadReports")
        #expect(json["summary"]?["denied"]?.array?.count == 1)
    }

    @Test func simulatesTheRoleATemplateDefines() {
        let project = TemporaryProject(files: [
            "template.yaml": """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Reports:
                Type: AWS::S3::Bucket
                Properties: { BucketName: reports }
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: reader
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Policies:
                    - S3ReadPolicy: { BucketName: !Ref Reports }
            """,
            "src/app.py": "def handler(event, context):\n    return None\n",
            "calls.jsonl": [
                Self.request("s3:GetObject", "arn:aws:s3:::reports/a"),
                Self.request("s3:PutObject", "arn:aws:s3:::reports/a"),
            ].joined(separator: "\n"),
        ])
        let run = runMinRole([
            "simulate", "--template", project.root + "/template.yaml", "--function", "Reader", "--requests",
            project.root + "/calls.jsonl", "--partition", "aws",
        ])
        #expect(run.status == 1, "\(run.error)")
        #expect(run.output.contains("2 calls: 1 allowed, 1 implicitly denied"), "\(run.output)")
        #expect(run.output.contains("S3ReadPolicy"))
    }

    @Test(arguments: [
        (["simulate", "--requests", "x"], "no role to simulate"),
        (["simulate", "--policy", "a.json"], "no calls to simulate"),
        (["simulate", "--policy", "a.json", "--generated", ".", "--requests", "x"], "pass only one of them"),
        (["simulate", "--template", "t.yaml", "--requests", "x"], "--template needs --function"),
        (["simulate", "--policy", "a.json", "--requests", "x", "--format", "xml"], "unknown format"),
    ])
    func rejectsIncompleteCommandLines(arguments: [String], message: String) {
        let run = runMinRole(arguments)
        #expect(run.status == 2)
        #expect(run.error.contains(message), "\(run.error)")
    }

    @Test func unreadablePolicyFilesGiveExitStatusThree() {
        let project = TemporaryProject(files: [
            "broken.json": "{\"Statement\": [",
            "calls.jsonl": Self.request("s3:GetObject", "arn:aws:s3:::reports/a"),
        ])
        let run = runMinRole([
            "simulate", "--policy", project.root + "/broken.json", "--requests", project.root + "/calls.jsonl",
        ])
        #expect(run.status == 3)
        #expect(run.error.contains("broken.json"))
        #expect(run.error.contains("no call was simulated"))
        #expect(run.output.isEmpty)
        let missing = runMinRole([
            "simulate", "--policy", project.root + "/nope.json", "--requests", project.root + "/calls.jsonl",
        ])
        #expect(missing.status == 2)
        #expect(missing.error.contains("cannot read policy file"))
    }

    @Test func aWildcardUsedForSomeActionsIsReportedWiderThanTheCalls() {
        let project = TemporaryProject(files: [
            "role.json": """
            {"Statement": [
              {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
              {"Effect": "Allow", "Action": "sqs:*", "NotResource": "arn:aws:sqs:*:*:secret-*"}
            ]}
            """,
            "calls.jsonl": Self.request("s3:GetObject", "arn:aws:s3:::reports/a"),
        ])
        let run = runMinRole([
            "simulate", "--policy", project.root + "/role.json", "--requests", project.root + "/calls.jsonl",
        ])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("s3:* on * ("))
        #expect(run.output.contains("the calls used only s3:GetObject"))
        #expect(run.output.contains("sqs:* on every resource except arn:aws:sqs:*:*:secret-*"), "\(run.output)")
    }

    @Test func cloudTrailRecordsOfAnotherFunctionAreAnError() {
        let event = #"""
            {"Records": [{"eventVersion": "1.08", "eventSource": "s3.amazonaws.com", "eventName": "GetObject",
              "eventTime": "2026-11-01T00:00:00Z", "awsRegion": "us-east-1",
              "userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::111122223333:assumed-role/fn-role/deployed-name"},
              "requestParameters": {"bucketName": "reports", "key": "a"}}]}
            """#
        let project = TemporaryProject(files: ["role.json": Self.role, "trail/events.json": event])
        let run = runMinRole([
            "simulate", "--policy", project.root + "/role.json", "--cloudtrail", project.root + "/trail",
            "--function-name", "LogicalId",
        ])
        #expect(run.status == 2, "\(run.error)")
        #expect(run.error.contains("none of the 1 records belongs to function name 'LogicalId'"))
        let right = runMinRole([
            "simulate", "--policy", project.root + "/role.json", "--cloudtrail", project.root + "/trail",
            "--function-name", "deployed-name",
        ])
        #expect(right.status == 0, "\(right.error)")
    }

    @Test func anOutputThatCannotBeWrittenFailsTheRun() {
        let io = CommandIO(writeOutput: { _ in }, writeError: { _ in }, outputFailure: { "No space left on device" })
        #expect(MinRole.run(arguments: ["explain", "s3:GetObject"], io: io) == 3)
    }

    /// Lambda checks X-Ray, network interface and event source permissions when it creates
    /// the function and its mappings, so a custom role that lacks them fails the deploy.
    @Test func deployChecksFailForACustomRoleWithoutTracingOrQueuePermissions() {
        let project = TemporaryProject(files: [
            "template.yaml": """
            Transform: AWS::Serverless-2016-10-31
            Globals: { Function: { Tracing: Active } }
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Role: !GetAtt WorkerRole.Arn
                  Events:
                    Queue: { Type: SQS, Properties: { Queue: !GetAtt Jobs.Arn } }
              WorkerRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
                  Policies:
                    - PolicyName: queue
                      PolicyDocument:
                        Statement: [{Effect: Allow, Action: [sqs:ReceiveMessage, sqs:DeleteMessage], Resource: !GetAtt Jobs.Arn}]
            """,
            "src/app.py": "def handler(event, context):\n    return None\n",
        ])
        let run = runMinRole([
            "simulate", "--template", project.root + "/template.yaml", "--function", "Worker", "--deploy-checks",
            "--region", "eu-west-1", "--account", "111122223333", "--partition", "aws",
        ])
        #expect(run.status == 1, "\(run.error)")
        #expect(run.output.contains("xray:PutTraceSegments on *"), "\(run.output)")
        #expect(run.output.contains("sqs:GetQueueAttributes on arn:aws:sqs:eu-west-1:111122223333:"))
        #expect(!run.output.contains("implicitDeny  sqs:ReceiveMessage"))
        #expect(run.output.contains("Lambda checks this at deploy time"))
    }

    /// `sts:AssumeRole` needs the caller's grant and the target role's trust policy; with the
    /// target in the same template, both sides are decided.
    @Test func assumeRoleIsDecidedAgainstTheTrustPolicyInTheTemplate() {
        let project = TemporaryProject(files: [
            "template.yaml": """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Auditor:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: auditor
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Policies:
                    - Statement: [{Effect: Allow, Action: sts:AssumeRole, Resource: !GetAtt AuditReader.Arn}]
              AuditReader:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: audit-reader
                  AssumeRolePolicyDocument:
                    Statement: [{Effect: Allow, Principal: {AWS: "arn:aws:iam::111122223333:role/someone-else"}, Action: sts:AssumeRole}]
            """,
            "src/app.py": "def handler(event, context):\n    return None\n",
            "calls.jsonl": Self.request("sts:AssumeRole", "arn:aws:iam::111122223333:role/audit-reader"),
        ])
        let run = runMinRole([
            "simulate", "--template", project.root + "/template.yaml", "--function", "Auditor", "--requests",
            project.root + "/calls.jsonl", "--account", "111122223333", "--partition", "aws",
        ])
        #expect(run.status == 1, "\(run.error)")
        #expect(run.output.contains("no statement of the resource policy allows it"), "\(run.output)")
    }

    /// A long log of one action on many objects becomes one group with a prefix statement, so
    /// the report stays small whatever the number of distinct resources.
    @Test func manyDeniedResourcesBecomeOnePrefixStatement() {
        let lines = (0..<500).map { Self.request("s3:PutObject", "arn:aws:s3:::reports/out/\($0).csv") }
        let project = TemporaryProject(files: ["role.json": Self.role, "calls.jsonl": lines.joined(separator: "\n")])
        let run = runMinRole([
            "simulate", "--policy", project.root + "/role.json", "--requests", project.root + "/calls.jsonl",
        ])
        #expect(run.status == 1)
        #expect(run.output.contains(#""Resource": ["arn:aws:s3:::reports/out/*"]"#), "\(run.output)")
        #expect(run.output.contains("and others (500 calls)"))
        #expect(run.output.split(separator: "\n").count < 40)
    }

    @Test func longListsOfUnusedPermissionsAreCutInText() {
        let statements = (0..<300).map {
            #"{"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b\#($0)*"}"#
        }
        let project = TemporaryProject(files: [
            "role.json": #"{"Statement": [\#(statements.joined(separator: ","))]}"#,
            "calls.jsonl": Self.request("sqs:SendMessage", "arn:aws:sqs:eu-west-1:111122223333:jobs"),
        ])
        let run = runMinRole([
            "simulate", "--policy", project.root + "/role.json", "--requests", project.root + "/calls.jsonl",
        ])
        #expect(run.output.contains("and 100 more (--format json lists them all)"), "\(run.output.suffix(300))")
    }
}
