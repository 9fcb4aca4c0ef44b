import Diagnostics
import Documents
import TestSupport
import Testing

@testable import Invocations

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct HostileInputTests {
    private static let event = Fixture.event(source: "sts.amazonaws.com", name: "GetCallerIdentity")
    private static let goodFile = Fixture.logFile([event])

    /// Reads `files` (written under a new folder, `good.json` last) and checks that the good
    /// file was still read.
    private func readWithGoodFile(_ project: TemporaryProject, _ paths: [String]) -> ReadResult {
        project.write(Self.goodFile, to: "zz-good.json")
        let sources = (paths + ["zz-good.json"]).map { InvocationSource.cloudTrail(path: project.root + "/" + $0) }
        let result = readCalls(sources)
        #expect(result.calls.last?.request.origin?.file.hasSuffix("zz-good.json record 1") == true)
        return result
    }

    @Test func truncatedGzipKeepsRecordsBeforeTheCut() throws {
        let project = TemporaryProject(files: [:])
        let text = Fixture.logFile(Array(repeating: Self.event, count: 2000))
        try writeGzip(project.root + "/full.json.gz", Array(text.utf8))
        let original = try #require(fopen(project.root + "/full.json.gz", "rb"))
        var bytes = [UInt8](repeating: 0, count: 1 << 20)
        let count = fread(&bytes, 1, bytes.count, original)
        fclose(original)
        project.write(Array(bytes[..<(count / 2)]), to: "cut.json.gz")
        let result = readWithGoodFile(project, ["cut.json.gz"])
        #expect(result.errors.first?.code == .gzipCorrupt)
        #expect(result.errors.first?.message.contains("truncated") == true)
        #expect(result.calls.count > 1)
        #expect(result.calls.count < 2001)
        #expect(result.summary.filesFailed == 1)
    }

    @Test func truncatedJSONKeepsWholeRecords() {
        let project = TemporaryProject(files: [:])
        let text = #"{"Records":["# + Self.event + "," + Self.event + #",{"eventVersion":"1.0","eventSo"#
        project.write(text, to: "cut.json")
        let result = readWithGoodFile(project, ["cut.json"])
        #expect(result.calls.count == 3)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.contains("truncated") == true)
        #expect(result.errors.first?.location?.file.hasSuffix("cut.json") == true)
    }

    @Test func invalidRecordIsSkippedAndCounted() {
        let project = TemporaryProject(files: [:])
        let nested = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let records = [Self.event, #"{"eventName": }"#, #"{"deep":\#(nested)}"#, "17", Self.event]
        project.write(#"{"Records":["# + records.joined(separator: ",") + "]}", to: "bad.json")
        project.write(
            [UInt8](#"{"Records":[{"eventName":""#.utf8) + [0xFF, 0xFE] + [UInt8](#""}]}"#.utf8), to: "bytes.json")
        let result = readWithGoodFile(project, ["bad.json", "bytes.json"])
        #expect(result.calls.count == 3)
        #expect(result.summary.recordsInvalid == 4)
        #expect(
            result.errors.map { $0.location?.file.split(separator: "/").last ?? "" } == [
                "bad.json record 2", "bad.json record 3", "bad.json record 4", "bytes.json record 1",
            ])
        #expect(result.errors[1].message.contains("depth limit"))
    }

    @Test func oversizedRecordIsSkippedWithFlatMemory() throws {
        let project = TemporaryProject(files: [:])
        let path = project.root + "/huge.json"
        let file = try #require(fopen(path, "wb"))
        let head = #"{"Records":["# + Self.event + #",{"eventName":"GetObject","padding":""#
        fputs(head, file)
        let block = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<50 { _ = block.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) } }
        fputs(#""},"# + Self.event + "]}", file)
        fclose(file)
        let result = readWithGoodFile(project, ["huge.json"])
        #expect(result.calls.count == 3)
        #expect(result.summary.recordsTooLarge == 1)
        let error = try #require(result.errors.first)
        #expect(error.code == .recordTooLarge)
        #expect(error.location?.file == path + " record 2")
        #expect(error.message.contains("larger than the record size limit of 16777216 bytes"))
    }

    @Test func overlongLineIsSkipped() {
        var limits = InvocationReader.Limits()
        limits.maximumRecordSize = 4096
        let long = #"{"action":"s3:GetObject","resource":"\#(String(repeating: "k", count: 10_000))"}"#
        let line = #"{"principal":"p","action":"s3:GetObject","resource":"*"}"#
        let project = TemporaryProject(files: ["r.jsonl": line + "\n" + long + "\n" + line])
        let result = readCalls([.requests(path: project.root + "/r.jsonl")], limits: limits)
        #expect(result.calls.count == 2)
        #expect(result.summary.recordsTooLarge == 1)
        #expect(result.errors.first?.location?.line == 2)
    }

    @Test func gzipBombIsStopped() throws {
        let project = TemporaryProject(files: [:])
        var bytes = Array(#"{"Records":["#.utf8)
        bytes += [UInt8](repeating: UInt8(ascii: " "), count: 20 << 20)
        try writeGzip(project.root + "/bomb.json.gz", bytes)
        let result = readWithGoodFile(project, ["bomb.json.gz"])
        #expect(result.errors.first?.code == .gzipLimitExceeded)
        #expect(result.summary.bytesRead < 4 << 20)
    }

    @Test func otherJSONIsReported() {
        let project = TemporaryProject(files: [
            "config.json": "{\n  \"name\": \"orders\",\n  \"items\": [1, 2]\n}\n",
            "lines.json": "{\"a\":1}\n{\"b\":2}\n",
            "text.json": "hello",
            "empty.json": "",
        ])
        let result = readWithGoodFile(project, ["config.json", "lines.json", "text.json", "empty.json"])
        #expect(result.calls.count == 1)
        let messages = result.errors.map(\.message)
        #expect(messages.count == 5)
        #expect(messages[0].contains("no 'Records' array found"))
        #expect(messages[1].contains("not a CloudTrail event"))
        #expect(messages[2].contains("not a CloudTrail event"))
        #expect(messages[3].contains("the file is not JSON"))
        #expect(messages[4].contains("the file is empty"))
    }

    @Test func unreadableFilesAreReported() throws {
        let project = TemporaryProject(files: [:])
        try #require(mkfifo(project.root + "/pipe.json", 0o600) == 0)
        let result = readWithGoodFile(project, ["missing.json", "pipe.json"])
        #expect(result.errors.map(\.code) == [.fileUnreadable, .notRegularFile])
        #expect(result.summary.filesFailed == 2)
        #expect(result.summary.filesRead == 1)
    }

    @Test func missingFolderIsReported() {
        let result = readCalls([.cloudTrail(path: "/nonexistent/minrole-trail/")])
        #expect(result.errors.count == 1)
        #expect(result.summary.filesFailed == 1)
    }
}
