import SourceAnalysis
import Testing

@testable import PythonAnalysis

/// One handler body line and the file writes it must record, as `operation path` texts.
struct FileWriteCase: CustomTestStringConvertible, Sendable {
    var name: String
    var body: String
    var expected: [String]

    var testDescription: String { name }

    /// A module with the imports every case uses, and the body on line 8 inside the handler.
    var source: String {
        """
        import os
        import io
        import shutil
        import pathlib
        from pathlib import Path

        def handler(event, context):
        \(body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        """
    }
}

@Suite struct PythonFileWriteTests {
    static let cases: [FileWriteCase] = [
        FileWriteCase(
            name: "open with w", body: "open('/var/log/out.txt', 'w')", expected: ["open \"/var/log/out.txt\""]),
        FileWriteCase(
            name: "open with mode keyword", body: "open('out.txt', mode='a')", expected: ["open \"out.txt\""]),
        FileWriteCase(name: "open with x", body: "open(file='/opt/x', mode='xb')", expected: ["open \"/opt/x\""]),
        FileWriteCase(name: "open with r+", body: "open('/etc/hosts', 'r+')", expected: ["open \"/etc/hosts\""]),
        FileWriteCase(name: "io.open with w", body: "io.open('/opt/y', 'w')", expected: ["open \"/opt/y\""]),
        FileWriteCase(name: "open for reading", body: "open('/etc/hosts')", expected: []),
        FileWriteCase(name: "open with rb", body: "open('/etc/hosts', 'rb')", expected: []),
        FileWriteCase(name: "open with unknown mode", body: "open('/etc/hosts', event['mode'])", expected: []),
        FileWriteCase(
            name: "os.makedirs", body: "os.makedirs('/opt/cache', exist_ok=True)",
            expected: ["os.makedirs \"/opt/cache\""]),
        FileWriteCase(
            name: "os.mkdir with f-string", body: "os.mkdir(f\"/data/{event['id']}\")",
            expected: ["os.mkdir \"/data/\" + event[id]"]),
        FileWriteCase(
            name: "Path.write_text inline", body: "Path('/var/task/out.json').write_text('{}')",
            expected: ["Path.write_text \"/var/task/out.json\""]),
        FileWriteCase(
            name: "Path in a variable", body: "folder = pathlib.Path('/opt')\nfolder.mkdir()",
            expected: ["Path.mkdir \"/opt\""]),
        FileWriteCase(
            name: "Path with parts", body: "Path('/tmp', 'marker').touch()", expected: ["Path.touch \"/tmp/marker\""]),
        FileWriteCase(
            name: "Path.write_bytes", body: "Path('cache.bin').write_bytes(b'')",
            expected: ["Path.write_bytes \"cache.bin\""]),
        FileWriteCase(name: "Path.open with w", body: "Path('/opt/z').open('w')", expected: ["Path.open \"/opt/z\""]),
        FileWriteCase(name: "Path.read_text", body: "Path('/opt/z').read_text()", expected: []),
        FileWriteCase(
            name: "shutil.copy destination", body: "shutil.copy('/tmp/a', '/opt/b')",
            expected: ["shutil.copy \"/opt/b\""]
        ),
        FileWriteCase(
            name: "shutil.copyfile keyword", body: "shutil.copyfile(src='/tmp/a', dst='out.txt')",
            expected: ["shutil.copyfile \"out.txt\""]),
        FileWriteCase(
            name: "shutil.copy2", body: "shutil.copy2('/tmp/a', '/tmp/b')", expected: ["shutil.copy2 \"/tmp/b\""]),
        FileWriteCase(
            name: "open on an environment path", body: "open(os.environ['OUT'], 'w')", expected: ["open env[OUT]"]),
        FileWriteCase(
            name: "os.path.join path", body: "open(os.path.join('/opt', 'log.txt'), 'a')",
            expected: ["open \"/opt/log.txt\""]),
    ]

    @Test(arguments: cases)
    func recordsWrites(_ testCase: FileWriteCase) throws {
        let (result, _) = try Fixture(app: testCase.source).analyze()

        #expect(result.fileWrites.map { "\($0.operation) \($0.path)" } == testCase.expected)
        for write in result.fileWrites {
            #expect(write.location.file == "app.py")
            #expect(write.location.line >= 8)
        }
    }

    @Test func writeInHelperPointsAtCall() throws {
        let source = """
            def save(path):
                with open(path, "w") as output:
                    output.write("x")

            def handler(event, context):
                save("/var/task/result.txt")
            """
        let (result, _) = try Fixture(app: source).analyze()

        let write = try #require(result.fileWrites.first)
        #expect(result.fileWrites.count == 1)
        #expect(write.path == .literal("/var/task/result.txt"))
        #expect(write.location.line == 2)
    }

    @Test func unreachableWriteIsIgnored() throws {
        let source = """
            def unused():
                open("/opt/never", "w")

            def handler(event, context):
                return 1
            """
        let (result, _) = try Fixture(app: source).analyze()

        #expect(result.fileWrites.isEmpty)
    }

    @Test func hostileArgumentsDoNotCrash() throws {
        let source = """
            def handler(event, context):
                open()
                open(mode="w")
                os.makedirs()
                shutil.copy("/tmp/a")
                Path().write_text("x")
                open(*event["args"], **event["kwargs"])
            """
        let (result, _) = try Fixture(app: "import os\nimport shutil\nfrom pathlib import Path\n" + source).analyze()

        #expect(result.fileWrites.map { "\($0.operation) \($0.path)" } == ["Path.write_text \".\""])
    }
}
