import PolicyModel
import TestSupport
import Testing

@testable import Invocations

@Suite struct RequestLineTests {
    private static let lines = [
        "# requests recorded in staging",
        #"{"principal":"\#(Fixture.sessionARN)","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","#
            + #""context":{"aws:SourceIp":"10.0.0.1","aws:TagKeys":["team","cost"]},"recordedError":"AccessDenied"}"#,
        "",
        #"{"action":"dynamodb:Query","resource":"arn:aws:dynamodb:us-east-1:123456789012:table/T","#
            + #""resourceAccount":"123456789012","context":{"dynamodb:Select":"ALL_ATTRIBUTES","n":3}}"#,
        #"{"action":"s3:GetObject"}"#,
        #"{"action":"GetObject","resource":"*"}"#,
        #"{"action":"s3:GetObject","resource":"*","context":{"k":{"nested":1}}}"#,
        #"{"action":"s3:GetObject","resource":"*","colour":"red"}"#,
        #"{"action":"s3:GetObject","resource":"*""#,
        #"["s3:GetObject"]"#,
    ]

    @Test func readsRequestsAndSkipsBadLines() throws {
        let project = TemporaryProject(files: ["requests.jsonl": Self.lines.joined(separator: "\n")])
        let result = readCalls(
            [.requests(path: project.root + "/requests.jsonl")], selector: RoleSelector(roleARN: Fixture.roleARN))
        #expect(result.calls.count == 2)
        let first = try #require(result.calls.first)
        #expect(first.request.principal == Fixture.sessionARN)
        #expect(first.request.context["aws:SourceIp"] == ContextValue("10.0.0.1"))
        #expect(first.request.context["aws:TagKeys"] == ContextValue(multivalued: ["team", "cost"]))
        #expect(first.recordedError == "AccessDenied")
        #expect(first.request.origin?.line == 2)
        let second = try #require(result.calls.last)
        #expect(second.request.principal == Fixture.roleARN)
        #expect(second.request.resourceAccount == "123456789012")
        #expect(second.request.context["n"] == ContextValue("3"))
        #expect(result.summary.recordsSeen == 8)
        #expect(result.summary.recordsInvalid == 6)
        #expect(result.errors.map(\.location?.line) == [5, 6, 7, 8, 9, 10])
        #expect(result.errors.allSatisfy { $0.code == .invalidRecord })
        #expect(result.errors[2].message.contains("context key 'k'"))
        #expect(result.errors[3].message.contains("unknown member 'colour'"))
    }

    @Test func needsPrincipalWithoutRoleARN() {
        let project = TemporaryProject(files: ["r.jsonl": #"{"action":"s3:GetObject","resource":"*"}"#])
        let result = readCalls([.requests(path: project.root + "/r.jsonl")])
        #expect(result.calls.isEmpty)
        #expect(result.errors.first?.message.contains("'principal' is missing") == true)
    }

    @Test func skipsOtherPrincipals() {
        let line =
            #"{"principal":"arn:aws:sts::123456789012:assumed-role/other/fn","action":"s3:GetObject","resource":"*"}"#
        let project = TemporaryProject(files: ["r.jsonl": line])
        let result = readCalls(
            [.requests(path: project.root + "/r.jsonl")], selector: RoleSelector(roleName: "orders-role"))
        #expect(result.calls.isEmpty)
        #expect(result.summary.recordsSkippedAsOtherPrincipal == 1)
    }
}
