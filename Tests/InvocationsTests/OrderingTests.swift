import TestSupport
import Testing

@testable import Invocations

@Suite struct OrderingTests {
    /// A log file whose events read the tables `T-<file>-0` to `T-<file>-<count - 1>`.
    private static func logFile(_ file: String, count: Int) -> String {
        Fixture.logFile(
            (0..<count).map { index in
                Fixture.event(
                    source: "dynamodb.amazonaws.com", name: "GetItem",
                    parameters: #"{"tableName":"T-\#(file)-\#(index)"}"#)
            })
    }

    @Test func deliversInInputOrderAcrossThreads() throws {
        // Sorted paths: 2026/11/29/z, 2026/11/30/a, 2026/11/30/b, 2026/12/01/c; the largest file
        // comes first, so later files finish first when read in parallel.
        let files: [(path: String, name: String, count: Int)] = [
            ("2026/11/29/z.json", "z", 400), ("2026/11/30/a.json", "a", 3), ("2026/11/30/b.json", "b", 50),
            ("2026/12/01/c.json", "c", 9),
        ]
        let project = TemporaryProject(files: [:])
        for file in files.reversed() {
            project.write(Self.logFile(file.name, count: file.count), to: "trail/" + file.path)
        }
        project.write(Self.logFile("single", count: 2), to: "single.json")
        var limits = InvocationReader.Limits()
        limits.threadCount = 3
        limits.batchSize = 7
        limits.maximumPendingBatches = 1
        let result = readCalls(
            [.cloudTrail(path: project.root + "/single.json"), .cloudTrail(path: project.root + "/trail")],
            limits: limits)
        var expected = (0..<2).map { "T-single-\($0)" }
        for file in files { expected += (0..<file.count).map { "T-\(file.name)-\($0)" } }
        let tables = result.calls.map { $0.request.resource.split(separator: "/").last.map(String.init) ?? "" }
        #expect(tables == expected)
        #expect(result.summary.filesRead == 5)
        #expect(result.summary.callsDelivered == expected.count)
        #expect(result.batches >= expected.count / 7)
    }

    @Test func reportsProblemsInFileOrder() {
        let project = TemporaryProject(files: [
            "logs/1.json": #"{"Records":[{"eventSource":"s3.amazonaws.com"}]}"#,
            "logs/2.json": "not json",
            "logs/3.json": #"{"Records":[{"eventName":"GetObject"}]}"#,
        ])
        var limits = InvocationReader.Limits()
        limits.threadCount = 3
        let result = readCalls([.cloudTrail(path: project.root + "/logs")], limits: limits)
        let files = result.errors.map { $0.location?.file ?? "" }
        #expect(files.count == 3)
        #expect(files[0].hasSuffix("logs/1.json record 1"))
        #expect(files[1].hasSuffix("logs/2.json"))
        #expect(files[2].hasSuffix("logs/3.json record 1"))
    }

    @Test func limitsProblemsPerFile() {
        let bad = Array(repeating: #"{"eventSource":"s3.amazonaws.com"}"#, count: 30).joined(separator: ",")
        let project = TemporaryProject(files: ["trail.json": #"{"Records":["# + bad + "]}"])
        var limits = InvocationReader.Limits()
        limits.maximumProblemsPerFile = 5
        let result = readCalls([.cloudTrail(path: project.root + "/trail.json")], limits: limits)
        #expect(result.errors.count == 5)
        #expect(result.summary.recordsInvalid == 30)
        #expect(result.diagnostics.last?.code == .problemsNotListed)
        #expect(result.diagnostics.last?.message.hasPrefix("25 more problems") == true)
    }

    @Test func readsNothingWithoutSources() {
        let result = readCalls([])
        #expect(result.calls.isEmpty)
        #expect(result.summary == InvocationSummary())
    }
}
