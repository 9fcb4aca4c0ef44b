import SourceAnalysis
import Testing

@testable import JavaScriptAnalysis

/// A module, the file it is written to, and the file writes it must record, as
/// `operation path` texts.
struct JavaScriptFileWriteCase: CustomTestStringConvertible, Sendable {
    var name: String
    var file = "app.mjs"
    var source: String
    var expected: [String]

    var testDescription: String { name }
}

@Suite struct JavaScriptFileWriteTests {
    static let cases: [JavaScriptFileWriteCase] = [
        JavaScriptFileWriteCase(
            name: "fs default import writeFileSync",
            source:
                "import fs from 'fs';\nexport const handler = async () => { fs.writeFileSync('/var/task/out.json', '{}'); };\n",
            expected: ["fs.writeFileSync \"/var/task/out.json\""]),
        JavaScriptFileWriteCase(
            name: "node:fs named import appendFile",
            source:
                "import { appendFile } from 'node:fs';\nexport const handler = async () => { appendFile('log.txt', 'x', () => {}); };\n",
            expected: ["fs.appendFile \"log.txt\""]),
        JavaScriptFileWriteCase(
            name: "require fs mkdirSync", file: "app.js",
            source:
                "const fs = require('fs');\nexports.handler = async () => { fs.mkdirSync('/opt/cache', { recursive: true }); };\n",
            expected: ["fs.mkdirSync \"/opt/cache\""]),
        JavaScriptFileWriteCase(
            name: "fs.promises.writeFile",
            source:
                "import * as fs from 'fs';\nexport const handler = async () => { await fs.promises.writeFile('/tmp/a', 'x'); };\n",
            expected: ["fs.promises.writeFile \"/tmp/a\""]),
        JavaScriptFileWriteCase(
            name: "fs/promises named mkdir",
            source:
                "import { mkdir, writeFile } from 'fs/promises';\nexport const handler = async () => { await mkdir('/data'); };\n",
            expected: ["fs.promises.mkdir \"/data\""]),
        JavaScriptFileWriteCase(
            name: "node:fs/promises default import",
            source:
                "import fsp from 'node:fs/promises';\nexport const handler = async () => { await fsp.appendFile('/etc/x', 'y'); };\n",
            expected: ["fs.promises.appendFile \"/etc/x\""]),
        JavaScriptFileWriteCase(
            name: "require fs promises destructured", file: "app.js",
            source:
                "const { writeFile } = require('fs').promises;\nexports.handler = async () => { await writeFile('out.txt', ''); };\n",
            expected: ["fs.promises.writeFile \"out.txt\""]),
        JavaScriptFileWriteCase(
            name: "createWriteStream with template literal",
            source:
                "import fs from 'fs';\nexport const handler = async (event) => { fs.createWriteStream(`/var/data/${event.id}.csv`); };\n",
            expected: ["fs.createWriteStream \"/var/data/\" + event[id] + \".csv\""]),
        JavaScriptFileWriteCase(
            name: "copyFileSync destination",
            source:
                "import fs from 'fs';\nexport const handler = async () => { fs.copyFileSync('/tmp/a', '/opt/b'); };\n",
            expected: ["fs.copyFileSync \"/opt/b\""]),
        JavaScriptFileWriteCase(
            name: "copyFile destination",
            source:
                "import { copyFile } from 'fs';\nexport const handler = async () => { copyFile('/tmp/a', 'b.txt', () => {}); };\n",
            expected: ["fs.copyFile \"b.txt\""]),
        JavaScriptFileWriteCase(
            name: "environment path",
            source:
                "import fs from 'fs';\nexport const handler = async () => { fs.writeFileSync(process.env.OUT, 'x'); };\n",
            expected: ["fs.writeFileSync env[OUT]"]),
        JavaScriptFileWriteCase(
            name: "reads are not writes",
            source:
                "import fs from 'fs';\nexport const handler = async () => { fs.readFileSync('/etc/hosts'); fs.existsSync('/opt'); };\n",
            expected: []),
        JavaScriptFileWriteCase(
            name: "another package's writeFile",
            source:
                "import fs from 'fs-extra';\nexport const handler = async () => { fs.writeFileSync('/opt/x', ''); };\n",
            expected: []),
    ]

    @Test(arguments: cases)
    func recordsWrites(_ testCase: JavaScriptFileWriteCase) {
        let (result, _) = Fixture(app: testCase.source, file: testCase.file).analyze()

        #expect(result.fileWrites.map { "\($0.operation) \($0.path)" } == testCase.expected)
        for write in result.fileWrites {
            #expect(write.location.file == testCase.file)
            #expect(write.location.line == 2)
        }
    }

    @Test func callbackOfWriteStillRuns() {
        let source = """
            import fs from 'fs';
            import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
            const s3 = new S3Client({});
            export const handler = async () => {
              fs.writeFile('/tmp/out', 'x', () => { s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k' })); });
            };
            """
        let (result, _) = Fixture(app: source).analyze()

        #expect(result.fileWrites.map(\.path) == [.literal("/tmp/out")])
        #expect(result.calls.map(\.operation) == ["PutObject"])
    }

    @Test func hostileArgumentsDoNotCrash() {
        let source = """
            import fs from 'fs';
            export const handler = async (event) => {
              fs.writeFileSync();
              fs.copyFileSync('/tmp/a');
              fs.writeFileSync(...event.args);
              fs.promises.nothing.deeper('/opt');
              fs['writeFileSync']('/opt/indexed', '');
            };
            """
        let (result, _) = Fixture(app: source).analyze()

        let known = result.fileWrites.filter { $0.knownPrefix != nil }
        #expect(known.map { "\($0.operation) \($0.path)" } == ["fs.writeFileSync \"/opt/indexed\""])
    }
}
