import TestSupport
import Testing

@testable import Invocations

@Suite struct InputFormTests {
    private static let events = [
        Fixture.event(source: "dynamodb.amazonaws.com", name: "GetItem", parameters: #"{"tableName":"Orders"}"#),
        Fixture.event(
            source: "sqs.amazonaws.com", name: "SendMessage",
            parameters: #"{"queueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/jobs"}"#),
    ]
    private static let actions = ["dynamodb:GetItem", "sqs:SendMessage"]

    @Test func readsGzipLogFile() throws {
        let project = TemporaryProject(files: [:])
        try writeGzip(project.root + "/trail.json.gz", Array(Fixture.logFile(Self.events).utf8))
        let result = readCalls([.cloudTrail(path: project.root + "/trail.json.gz")])
        #expect(result.calls.map(\.request.action) == Self.actions)
        #expect(result.calls.first?.request.origin?.description == project.root + "/trail.json.gz record 1")
        #expect(result.summary.bytesRead == Fixture.logFile(Self.events).utf8.count)
    }

    @Test func readsGzipContentUnderPlainName() throws {
        let project = TemporaryProject(files: [:])
        try writeGzip(project.root + "/trail.json", Array(Fixture.logFile(Self.events).utf8))
        #expect(
            readCalls([.cloudTrail(path: project.root + "/trail.json")]).calls.map(\.request.action) == Self.actions)
    }

    @Test func readsPrettyPrintedLogFile() {
        let text = "{\n  \"Records\": [\n    " + Self.events.joined(separator: ",\n    ") + "\n  ]\n}\n"
        let project = TemporaryProject(files: ["trail.json": text])
        #expect(
            readCalls([.cloudTrail(path: project.root + "/trail.json")]).calls.map(\.request.action) == Self.actions)
    }

    @Test func readsOneEventPerLine() throws {
        let project = TemporaryProject(files: ["lake.jsonl": Self.events.joined(separator: "\n") + "\n\n"])
        let result = readCalls([.cloudTrail(path: project.root + "/lake.jsonl")])
        #expect(result.calls.map(\.request.action) == Self.actions)
        #expect(result.calls.last?.request.origin?.description == project.root + "/lake.jsonl:2")
    }

    @Test func readsLookupEventsOutput() {
        let entries = Self.events.enumerated().map { index, event in
            let escaped = event.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
            return #"{"EventId":"e\#(index)","EventName":"x","CloudTrailEvent":"\#(escaped)"}"#
        }
        let project = TemporaryProject(files: ["events.json": #"{"Events":["# + entries.joined(separator: ",") + "]}"])
        #expect(
            readCalls([.cloudTrail(path: project.root + "/events.json")]).calls.map(\.request.action) == Self.actions)
    }

    @Test func readsArrayOfEvents() {
        let project = TemporaryProject(files: ["events.json": "[" + Self.events.joined(separator: ",") + "]"])
        #expect(
            readCalls([.cloudTrail(path: project.root + "/events.json")]).calls.map(\.request.action) == Self.actions)
    }

    @Test func skipsDigestFiles() {
        let digest =
            #"{"awsAccountId":"123456789012","digestStartTime":"2026-11-30T09:00:00Z","#
            + #""digestEndTime":"2026-11-30T10:00:00Z","logFiles":[]}"#
        let project = TemporaryProject(files: [
            "AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2026/11/30/d_CloudTrail-Digest_x.json.gz": digest,
            "AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/30/a_CloudTrail_x.json": Fixture.logFile(Self.events),
            "copied-digest.json": digest,
        ])
        let result = readCalls([
            .cloudTrail(path: project.root + "/AWSLogs"), .cloudTrail(path: project.root + "/copied-digest.json"),
        ])
        #expect(result.calls.map(\.request.action) == Self.actions)
        #expect(result.summary.filesSkippedAsDigest == 2)
        #expect(result.errors.isEmpty)
        #expect(result.diagnostics.filter { $0.code == .digestFileSkipped }.count == 2)
    }
}
