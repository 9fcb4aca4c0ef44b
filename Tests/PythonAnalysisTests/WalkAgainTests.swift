import SourceAnalysis
import Testing

@testable import PythonAnalysis

/// Bodies walked before the state they read changed must be walked again, because calls found
/// only on the later walk count.
@Suite(.enabled(if: catalogIsAvailable, "needs the embedded SDK catalog"))
struct WalkAgainTests {
    @Test func walkSeesClassLoadedAfterIt() throws {
        let fixture = try Fixture([
            "app.py": """
            def sweep():
                mystery.upload()

            def touch(value):
                return value

            def loader():
                import late
                touch("x")

            def handler(event, context):
                sweep()
                loader()
            """,
            "late.py": """
            import boto3

            class Uploader:
                def upload(self):
                    boto3.client("s3").put_object(Bucket="reports", Key="daily", Body=b"")
            """,
        ])
        let (result, _) = fixture.analyze()
        // `sweep` is walked before `late` defines `upload`, so a later walk must find the method.
        let puts = result.calls("PutObject")
        #expect(puts.count == 1)
        #expect(puts.first?.location.file.hasSuffix("late.py") == true)
    }

    @Test func walkSeesParameterChangedAfterIt() throws {
        let fixture = try Fixture(
            app: """
                import boto3

                def key_of(value):
                    return value

                def archive():
                    boto3.client("s3").put_object(Bucket="reports", Key=key_of("first"), Body=b"")

                def unrelated(value):
                    return value

                def second():
                    unrelated(1)
                    key_of("second")

                def handler(event, context):
                    archive()
                    second()
                """)
        let (result, _) = fixture.analyze()
        // `archive` reads the result of `key_of`, whose parameter gains a value after that walk.
        let keys = result.calls("PutObject").map { "\($0.arguments["Key"].map { "\($0)" } ?? "none")" }
        #expect(keys.count >= 1)
        #expect(keys.contains { $0.contains("second") }, "\(keys)")
        #expect(keys.contains { $0.contains("first") }, "\(keys)")
    }

    @Test func repeatedReadsOfWideResultStayFast() throws {
        // `pick` reads the parameters of 2,000 functions, and the tuple reads its result 20,000
        // times, so logging every function for every read would take 40 million entries.
        let functionCount = 2000
        var lines = ["import boto3", ""]
        for index in 0..<functionCount { lines.append("def f\(index)(a):\n    return a\n") }
        let operands = (0..<functionCount).map { "f\($0)(\"k\($0)\")" }
        lines.append("def pick():\n    return " + operands.joined(separator: " or ") + "\n")
        lines.append("def handler(event, context):")
        lines.append("    s3 = boto3.client(\"s3\")")
        lines.append("    keys = (" + Array(repeating: "pick()", count: 20_000).joined(separator: ", ") + ")")
        lines.append("    s3.get_object(Bucket=\"reports\", Key=keys)")
        let fixture = try Fixture(app: lines.joined(separator: "\n") + "\n")

        let start = ContinuousClock.now
        let (result, _) = fixture.analyze()
        let elapsed = ContinuousClock.now - start

        #expect(result.calls("GetObject").count >= 1)
        #expect(elapsed < .seconds(20), "analysis took \(elapsed)")
    }
}
