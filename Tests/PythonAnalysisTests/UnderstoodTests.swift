import Diagnostics
import SourceAnalysis
import Testing

@testable import PythonAnalysis

/// What the analysis reports when it cannot follow the code, and what it notes on the side.
@Suite struct UnderstoodTests {
    @Test func serviceNameNotLiteralIsReported() throws {
        let source = "import os, boto3\ndef handler(event, context):\n    boto3.client(os.environ['SVC']).do_thing()\n"
        let (result, diagnostics) = try Fixture(app: source).analyze()
        #expect(result.calls.isEmpty)
        let warning = try #require(diagnostics.with(.pythonDynamicServiceName).first)
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "app.py", line: 3, column: 11))
        #expect(warning.message.contains("env[SVC]"))
    }

    @Test(.enabled(if: catalogIsAvailable)) func unknownClientMethodIsReportedWithClientAndMethod() throws {
        let source =
            "import boto3\ns3 = boto3.client('s3')\ndef handler(event, context):\n    s3.get_objekt(Bucket='b')\n"
        let (result, diagnostics) = try Fixture(app: source).analyze()
        #expect(result.calls.isEmpty)
        let warning = try #require(diagnostics.with(.pythonUnknownClientMethod).first)
        #expect(warning.message.contains("s3"))
        #expect(warning.message.contains("get_objekt"))
        #expect(warning.location == SourceLocation(file: "app.py", line: 4, column: 8))
    }

    @Test(.enabled(if: catalogIsAvailable)) func unknownServiceIsReported() throws {
        let source = "import boto3\ndef handler(event, context):\n    boto3.client('no-such-service').run()\n"
        let (result, diagnostics) = try Fixture(app: source).analyze()
        #expect(result.calls.isEmpty)
        #expect(!diagnostics.with(.pythonUnknownService).isEmpty)
    }

    @Test func dynamicGetattrIsReported() throws {
        let source =
            "import boto3\ns3 = boto3.client('s3')\ndef handler(event, context):\n    getattr(s3, event['op'])(Bucket='b')\n"
        let (result, diagnostics) = try Fixture(app: source).analyze()
        #expect(result.calls.isEmpty)
        #expect(diagnostics.with(.pythonDynamicAttribute).count == 1)
    }

    @Test(.enabled(if: catalogIsAvailable)) func unknownPaginatorIsReported() throws {
        let source =
            "import boto3\ns3 = boto3.client('s3')\ndef handler(event, context):\n    s3.get_paginator('list_everything').paginate()\n"
        let (result, diagnostics) = try Fixture(app: source).analyze()
        #expect(result.calls.isEmpty)
        #expect(diagnostics.with(.pythonUnknownOperationName).count == 1)
    }

    @Test(arguments: [
        ("from aws_lambda_powertools import Tracer\ntracer = Tracer()\n", true),
        ("from aws_xray_sdk.core import patch_all\npatch_all()\n", true),
        ("import aws_lambda_powertools\ntracer = aws_lambda_powertools.Tracer()\n", true),
        ("from aws_lambda_powertools import Logger\nlogger = Logger()\n", false),
    ])
    func xRaySamplingIsNoted(_ prelude: String, _ expected: Bool) throws {
        let (result, _) = try Fixture(app: prelude + "def handler(event, context):\n    pass\n").analyze()
        #expect(result.usesXRaySampling == expected)
    }

    @Test func invalidSourceIsReportedAsError() throws {
        let source = "def handler(event, context):\n    x = 'unterminated\n"
        let (_, diagnostics) = try Fixture(app: source).analyze()
        let error = try #require(diagnostics.with(.pythonInvalidSource).first)
        #expect(error.severity == .error)
        #expect(error.location == SourceLocation(file: "app.py", line: 2, column: 9))
    }
}

@Suite(.enabled(if: catalogIsAvailable, "needs the embedded SDK catalog"))
struct LaterPassTests {
    @Test func serviceNameFromLaterCallSiteIsNotReported() throws {
        let source = """
            import boto3
            def handler(event, context):
                read()
            def read():
                make("s3").get_object(Bucket="b", Key="k")
            def make(service):
                return boto3.client(service)
            """
        let (result, diagnostics) = try Fixture(app: source).analyze()
        #expect(result.calls.map(\.operation) == ["GetObject"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}

@Suite(.enabled(if: catalogIsAvailable, "needs the embedded SDK catalog"))
struct ExplicitCredentialsTests {
    @Test func clientWithAssumedRoleKeysIsNoted() throws {
        let source = """
            import boto3
            def handler(event, context):
                creds = boto3.client("sts").assume_role(RoleArn="arn:aws:iam::1:role/r", RoleSessionName="s")["Credentials"]
                s3 = boto3.client("s3", aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
                s3.get_object(Bucket="b", Key="k")
            """
        let (result, diagnostics) = try Fixture(app: source).analyze()
        #expect(Set(result.calls.map(\.operation)) == ["AssumeRole", "GetObject"])
        let note = try #require(diagnostics.with(.pythonExplicitCredentials).first)
        #expect(note.severity == .note)
        #expect(note.location?.line == 4)
    }
}
