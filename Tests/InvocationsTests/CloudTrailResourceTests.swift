import Documents
import TestSupport
import Testing

@testable import Invocations

/// One CloudTrail event and the requests it must produce.
struct ResourceCase: CustomTestStringConvertible, Sendable {
    var name: String
    var source: String
    var event: String
    var parameters: String
    var resources: String? = nil
    /// `action resource` per expected request, in catalog order.
    var expected: [String]

    var testDescription: String { name }
}

private let resourceCases: [ResourceCase] = [
    ResourceCase(
        name: "s3 object from parameters", source: "s3.amazonaws.com", event: "GetObject",
        parameters: #"{"bucketName":"orders-bucket","Host":"orders-bucket.s3.amazonaws.com","key":"in/a b.json"}"#,
        expected: ["s3:GetObject arn:aws:s3:::orders-bucket/in/a b.json"]),
    ResourceCase(
        name: "s3 object from resources", source: "s3.amazonaws.com", event: "PutObject",
        parameters: #"{"bucketName":"orders-bucket","key":"out/1.json"}"#,
        resources: #"[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::orders-bucket/out/1.json"},"#
            + #"{"accountId":"123456789012","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::orders-bucket"}]"#,
        expected: ["s3:PutObject arn:aws:s3:::orders-bucket/out/1.json"]),
    ResourceCase(
        name: "s3 object version", source: "s3.amazonaws.com", event: "GetObject",
        parameters: #"{"bucketName":"b","key":"k","versionId":"v1"}"#,
        expected: ["s3:GetObject arn:aws:s3:::b/k", "s3:GetObjectVersion arn:aws:s3:::b/k"]),
    ResourceCase(
        name: "s3 listing", source: "s3.amazonaws.com", event: "ListObjects",
        parameters: #"{"bucketName":"b","prefix":"in/","list-type":"2"}"#,
        expected: ["s3:ListBucket arn:aws:s3:::b"]),
    ResourceCase(
        name: "dynamodb table", source: "dynamodb.amazonaws.com", event: "GetItem",
        parameters: #"{"tableName":"Orders","key":{"pk":"1"}}"#,
        expected: ["dynamodb:GetItem arn:aws:dynamodb:us-east-1:123456789012:table/Orders"]),
    ResourceCase(
        name: "dynamodb index", source: "dynamodb.amazonaws.com", event: "Query",
        parameters: #"{"tableName":"Orders","indexName":"byCustomer"}"#,
        expected: ["dynamodb:Query arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/byCustomer"]),
    ResourceCase(
        name: "dynamodb table given as ARN", source: "dynamodb.amazonaws.com", event: "PutItem",
        parameters: #"{"tableName":"arn:aws:dynamodb:eu-west-1:210987654321:table/Shared"}"#,
        expected: ["dynamodb:PutItem arn:aws:dynamodb:eu-west-1:210987654321:table/Shared"]),
    ResourceCase(
        name: "sqs queue url", source: "sqs.amazonaws.com", event: "SendMessage",
        parameters: #"{"queueUrl":"https://sqs.eu-west-1.amazonaws.com/123456789012/jobs","messageBody":"x"}"#,
        expected: ["sqs:SendMessage arn:aws:sqs:eu-west-1:123456789012:jobs"]),
    ResourceCase(
        name: "sqs legacy queue url", source: "sqs.amazonaws.com", event: "DeleteMessage",
        parameters: #"{"queueUrl":"https://queue.amazonaws.com/123456789012/jobs"}"#,
        expected: ["sqs:DeleteMessage arn:aws:sqs:us-east-1:123456789012:jobs"]),
    ResourceCase(
        name: "sns topic", source: "sns.amazonaws.com", event: "Publish",
        parameters:
            #"{"topicArn":"arn:aws:sns:us-east-1:123456789012:alerts","message":"HIDDEN_DUE_TO_SECURITY_REASONS"}"#,
        expected: ["sns:Publish arn:aws:sns:us-east-1:123456789012:alerts"]),
    ResourceCase(
        name: "lambda function ARN", source: "lambda.amazonaws.com", event: "Invoke",
        parameters:
            #"{"functionName":"arn:aws:lambda:us-east-1:123456789012:function:worker","invocationType":"Event"}"#,
        expected: ["lambda:InvokeFunction arn:aws:lambda:us-east-1:123456789012:function:worker"]),
    ResourceCase(
        name: "lambda function name with API version", source: "lambda.amazonaws.com",
        event: "GetFunction20150331v2", parameters: #"{"functionName":"worker"}"#,
        expected: ["lambda:GetFunction arn:aws:lambda:us-east-1:123456789012:function:worker"]),
    ResourceCase(
        name: "secret by name", source: "secretsmanager.amazonaws.com", event: "GetSecretValue",
        parameters: #"{"secretId":"prod/db"}"#,
        expected: ["secretsmanager:GetSecretValue arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-??????"]
    ),
    ResourceCase(
        name: "secret by ARN", source: "secretsmanager.amazonaws.com", event: "GetSecretValue",
        parameters: #"{"secretId":"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"}"#,
        expected: ["secretsmanager:GetSecretValue arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"]
    ),
    ResourceCase(
        name: "ssm parameter", source: "ssm.amazonaws.com", event: "GetParameter",
        parameters: #"{"name":"/orders/api-key","withDecryption":true}"#,
        expected: ["ssm:GetParameter arn:aws:ssm:us-east-1:123456789012:parameter/orders/api-key"]),
    ResourceCase(
        name: "kms key from resources", source: "kms.amazonaws.com", event: "Decrypt",
        parameters: #"{"encryptionAlgorithm":"SYMMETRIC_DEFAULT"}"#,
        resources: #"[{"accountId":"123456789012","type":"AWS::KMS::Key","#
            + #""ARN":"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]"#,
        expected: ["kms:Decrypt arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"]),
    ResourceCase(
        name: "kms key id", source: "kms.amazonaws.com", event: "GenerateDataKey",
        parameters: #"{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","keySpec":"AES_256"}"#,
        expected: ["kms:GenerateDataKey arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"]),
    ResourceCase(
        name: "sts assume role", source: "sts.amazonaws.com", event: "AssumeRole",
        parameters: #"{"roleArn":"arn:aws:iam::210987654321:role/reader","roleSessionName":"s"}"#,
        expected: ["sts:AssumeRole arn:aws:iam::210987654321:role/reader"]),
    ResourceCase(
        name: "sts caller identity", source: "sts.amazonaws.com", event: "GetCallerIdentity", parameters: "null",
        expected: ["sts:GetCallerIdentity *"]),
    ResourceCase(
        name: "events bus", source: "events.amazonaws.com", event: "PutEvents",
        parameters: #"{"entries":[{"source":"orders","eventBusName":"orders-bus"},{"eventBusName":"orders-bus"}]}"#,
        expected: ["events:PutEvents arn:aws:events:us-east-1:123456789012:event-bus/orders-bus"]),
    ResourceCase(
        name: "events default bus", source: "events.amazonaws.com", event: "PutEvents",
        parameters: #"{"entries":[{"source":"orders","detailType":"x"}]}"#,
        expected: ["events:PutEvents arn:aws:events:us-east-1:123456789012:event-bus/default"]),
    ResourceCase(
        name: "step functions", source: "states.amazonaws.com", event: "StartExecution",
        parameters: #"{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:fulfil","name":"e1"}"#,
        expected: ["states:StartExecution arn:aws:states:us-east-1:123456789012:stateMachine:fulfil"]),
    ResourceCase(
        name: "cloudwatch metrics", source: "monitoring.amazonaws.com", event: "PutMetricData",
        parameters: #"{"namespace":"Orders"}"#, expected: ["cloudwatch:PutMetricData *"]),
]

@Suite struct CloudTrailResourceTests {
    @Test(arguments: resourceCases)
    func rebuildsResource(_ testCase: ResourceCase) {
        let event = Fixture.event(
            source: testCase.source, name: testCase.event, parameters: testCase.parameters,
            resources: testCase.resources)
        let project = TemporaryProject(files: ["trail.json": Fixture.logFile([event])])
        let result = readCalls([.cloudTrail(path: project.root + "/trail.json")])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let produced = result.calls.map { "\($0.request.action) \($0.request.resource)" }
        #expect(produced == testCase.expected)
        #expect(result.calls.allSatisfy { $0.notes.isEmpty || $0.request.resource.contains("??????") })
    }

    @Test func unresolvedResourceIsStarWithNote() throws {
        let event = Fixture.event(
            source: "kms.amazonaws.com", name: "Decrypt", parameters: #"{"keyId":"alias/orders"}"#)
        let project = TemporaryProject(files: ["trail.json": Fixture.logFile([event])])
        let result = readCalls([.cloudTrail(path: project.root + "/trail.json")])
        let call = try #require(result.calls.first)
        #expect(call.request.action == "kms:Decrypt")
        #expect(call.request.resource == "*")
        #expect(call.notes.contains { $0.contains("resource rebuilt as *") && $0.contains("alias/orders") })
    }

    @Test func crossAccountResourceNamesItsAccount() throws {
        let event = Fixture.event(
            source: "sns.amazonaws.com", name: "Publish",
            parameters: #"{"topicArn":"arn:aws:sns:us-east-1:210987654321:shared"}"#)
        let project = TemporaryProject(files: ["trail.json": Fixture.logFile([event])])
        let call = try #require(readCalls([.cloudTrail(path: project.root + "/trail.json")]).calls.first)
        #expect(call.request.resourceAccount == "210987654321")
    }

    @Test func unknownOperationIsWarnedOnce() {
        let events = (0..<3).map { _ in Fixture.event(source: "s3.amazonaws.com", name: "NoSuchOperation") }
        let project = TemporaryProject(files: ["trail.json": Fixture.logFile(events)])
        let result = readCalls([.cloudTrail(path: project.root + "/trail.json")])
        #expect(result.calls.isEmpty)
        #expect(result.summary.recordsUnmapped == 3)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.code == .unmappedCall)
    }
}
