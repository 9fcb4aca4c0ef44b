import TestSupport
import Testing

@testable import Invocations

struct DenialCase: CustomTestStringConvertible, Sendable {
    var name: String
    var line: String
    var principal: String
    var action: String
    var resource: String
    var error: String
    var noteFragment: String? = nil

    var testDescription: String { name }
}

private let session = "arn:aws:sts::123456789012:assumed-role/orders-role/orders-fn"

private let denialCases: [DenialCase] = [
    DenialCase(
        name: "implicit deny",
        line: "User: \(session) is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::b/k\" "
            + "because no identity-based policy allows the s3:GetObject action",
        principal: session, action: "s3:GetObject", resource: "arn:aws:s3:::b/k", error: "AccessDenied",
        noteFragment: "no identity-based policy allows the s3:GetObject action"),
    DenialCase(
        name: "explicit deny",
        line: "User: \(session) is not authorized to perform: dynamodb:PutItem on resource: "
            + "arn:aws:dynamodb:us-east-1:123456789012:table/Orders with an explicit deny in a service control policy",
        principal: session, action: "dynamodb:PutItem",
        resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Orders", error: "AccessDenied",
        noteFragment: "with an explicit deny in a service control policy"),
    DenialCase(
        name: "without resource",
        line: "User: \(session) is not authorized to perform: sts:GetCallerIdentity because no identity-based "
            + "policy allows the sts:GetCallerIdentity action",
        principal: session, action: "sts:GetCallerIdentity", resource: "*", error: "AccessDenied",
        noteFragment: "names no resource"),
    DenialCase(
        name: "boto3 wrapped",
        line: "[ERROR] ClientError: An error occurred (AccessDeniedException) when calling the GetSecretValue "
            + "operation: User: \(session) is not authorized to perform: secretsmanager:GetSecretValue on resource: "
            + "prod/db because no identity-based policy allows the secretsmanager:GetSecretValue action",
        principal: session, action: "secretsmanager:GetSecretValue", resource: "prod/db",
        error: "AccessDeniedException", noteFragment: "without its ARN"),
    DenialCase(
        name: "javascript v3 in JSON log",
        line: "2026-11-30T10:15:30.123Z\tabc\tERROR\t" + #"{"errorType":"AccessDeniedException","errorMessage":"User: "#
            + session
            + #" is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/k1 "#
            + #"because no identity-based policy allows the kms:Decrypt action"}"#,
        principal: session, action: "kms:Decrypt", resource: "arn:aws:kms:us-east-1:123456789012:key/k1",
        error: "AccessDeniedException"),
    DenialCase(
        name: "s3 bare message",
        line: "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the PutObject operation: "
            + "Access Denied",
        principal: Fixture.roleARN, action: "s3:PutObject", resource: "*", error: "AccessDenied",
        noteFragment: "names no caller"),
]

@Suite struct AccessDeniedTests {
    @Test(arguments: denialCases)
    func readsMessage(_ testCase: DenialCase) throws {
        let project = TemporaryProject(files: [
            "app.log": "START RequestId: 1\n" + testCase.line + "\nEND RequestId: 1\n"
        ])
        let result = readCalls(
            [.accessDenied(path: project.root + "/app.log")], selector: RoleSelector(roleARN: Fixture.roleARN))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let call = try #require(result.calls.first)
        #expect(result.calls.count == 1)
        #expect(call.request.principal == testCase.principal)
        #expect(call.request.action == testCase.action)
        #expect(call.request.resource == testCase.resource)
        #expect(call.recordedError == testCase.error)
        #expect(call.request.origin?.line == 2)
        if let fragment = testCase.noteFragment {
            #expect(call.notes.contains { $0.contains(fragment) }, "\(call.notes)")
        }
    }

    @Test func readsLeadingTimestamp() throws {
        let line = denialCases[4].line
        let project = TemporaryProject(files: ["app.log": line])
        let call = try #require(readCalls([.accessDenied(path: project.root + "/app.log")]).calls.first)
        #expect(call.eventTime == "2026-11-30T10:15:30.123Z")
    }

    @Test func reportsEncodedMessage() {
        let line =
            "An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not "
            + "authorized to perform this operation. Encoded authorization failure message: AbCd"
        let project = TemporaryProject(files: ["app.log": line])
        let result = readCalls([.accessDenied(path: project.root + "/app.log")])
        #expect(result.calls.isEmpty)
        #expect(result.summary.recordsInvalid == 1)
        #expect(result.errors.first?.message.contains("decode-authorization-message") == true)
    }

    @Test func ignoresOtherLinesAndPrincipals() {
        let other = "User: arn:aws:sts::123456789012:assumed-role/other/fn is not authorized to perform: s3:GetObject"
        let project = TemporaryProject(files: ["app.log": "INFO all good\n" + other + "\n"])
        let result = readCalls(
            [.accessDenied(path: project.root + "/app.log")], selector: RoleSelector(roleName: "orders-role"))
        #expect(result.calls.isEmpty)
        #expect(result.summary.recordsSeen == 1)
        #expect(result.summary.recordsSkippedAsOtherPrincipal == 1)
    }
}
