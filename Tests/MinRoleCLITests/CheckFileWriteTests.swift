import Diagnostics
import PolicyLint
import TestSupport
import Testing

@testable import MinRoleCLI

@Suite struct CheckFileWriteTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          PythonFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: py/
              FileSystemConfigs:
                - Arn: arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0
                  LocalMountPath: /mnt/data
          NodeFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              CodeUri: js/
        """
    static let python = """
        import os

        def handler(event, context):
            open("/var/task/out.json", "w")
            open("cache/result.txt", "a")
            os.makedirs("/tmp/cache", exist_ok=True)
            open("/mnt/data/shared.txt", "w")
            open(os.environ["OUT"], "w")
            os.mkdir(f"/opt/{event['id']}")
            open("/etc/hosts")
        """
    static let javaScript = """
        import fs from 'node:fs';
        export const handler = async () => {
          fs.writeFileSync('/tmp/ok.txt', 'x');
          fs.mkdirSync('logs');
        };
        """

    func project(python: String = python) -> TemporaryProject {
        TemporaryProject(files: [
            "template.yaml": Self.template, "py/app.py": python, "js/index.mjs": Self.javaScript,
        ])
    }

    @Test func reportsWritesOutsideTmp() {
        let project = project()
        let result = runMinRole(["check", project.root, "--rule", "MR506"])

        #expect(result.status == 1, "\(result.error)")
        #expect(
            result.output.contains(
                "py/app.py:4:9: error: PythonFunction writes to the path '/var/task/out.json' with open; Lambda's file system is read-only outside /tmp, so this write fails at run time [MR506]"
            ))
        #expect(
            result.output.contains(
                "py/app.py:5:9: error: PythonFunction writes to the path 'cache/result.txt' with open, a relative path that resolves against the working directory /var/task to '/var/task/cache/result.txt'"
            ))
        #expect(result.output.contains("py/app.py:9:8: error: PythonFunction writes to the path starting with '/opt/'"))
        #expect(result.output.contains("js/index.mjs:4:"))
        #expect(result.output.contains("with fs.mkdirSync, a relative path"))
    }

    @Test func writesUnderTmpOrMountAreNotReported() {
        let project = project()
        let result = runMinRole(["check", project.root, "--rule", "MR506"])

        for line in [6, 7, 8, 10] {
            #expect(!result.output.contains("py/app.py:\(line):"))
        }
        #expect(!result.output.contains("js/index.mjs:3:"))
        let findingLines = result.output.split(separator: "\n").filter { $0.contains("[MR506]") }
        #expect(findingLines.count == 4)
    }

    @Test func suppressionSilencesWrite() {
        var lines = Self.python.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[3] += "  # minrole:ignore MR506 the image mounts a writable overlay here"
        let project = project(python: lines.joined(separator: "\n"))
        let result = runMinRole(["check", project.root, "--rule", "MR506", "--format", "json"])

        #expect(result.output.contains("\"reason\": \"the image mounts a writable overlay here\""))
    }

    @Test func ruleIsListed() {
        let rule = GateRules.allDescriptors.first { $0.id == "MR506" }
        #expect(rule?.name == "file-write-outside-tmp")
        #expect(rule?.category == .deployment)
    }
}

/// A path's known text and whether MR506 reports a write to it.
struct FileWritePathCase: CustomTestStringConvertible, Sendable {
    var path: String
    var isWholePath = true
    var isReported: Bool

    var testDescription: String { "\(path)\(isWholePath ? "" : "…")" }
}

@Suite struct FileWriteRuleTests {
    static let cases: [FileWritePathCase] = [
        FileWritePathCase(path: "/tmp/out.json", isReported: false),
        FileWritePathCase(path: "/tmp", isReported: false),
        FileWritePathCase(path: "//tmp//./a", isReported: false),
        FileWritePathCase(path: "/tmpfile", isReported: true),
        FileWritePathCase(path: "/tmp/../etc/passwd", isReported: true),
        FileWritePathCase(path: "/var/task/out.json", isReported: true),
        FileWritePathCase(path: "/dev/null", isReported: false),
        FileWritePathCase(path: "/mnt/data/shared.txt", isReported: false),
        FileWritePathCase(path: "/mnt/database/x", isReported: true),
        FileWritePathCase(path: "out.txt", isReported: true),
        FileWritePathCase(path: "../../tmp/x", isReported: false),
        FileWritePathCase(path: "../x", isReported: true),
        FileWritePathCase(path: "", isReported: false),
        FileWritePathCase(path: "/tm", isWholePath: false, isReported: false),
        FileWritePathCase(path: "/tmp", isWholePath: false, isReported: false),
        FileWritePathCase(path: "/tmp/cache-", isWholePath: false, isReported: false),
        FileWritePathCase(path: "/opt/", isWholePath: false, isReported: true),
        FileWritePathCase(path: "/", isWholePath: false, isReported: false),
        FileWritePathCase(path: "logs/", isWholePath: false, isReported: true),
    ]

    @Test(arguments: cases)
    func decidesReport(_ testCase: FileWritePathCase) {
        let rule = FileWriteRule(mountPaths: ["/mnt/data/"])
        let finding = rule.finding(
            forWriteTo: testCase.path, isWholePath: testCase.isWholePath, operation: "open",
            at: SourceLocation(file: "app.py", line: 3, column: 5), functionId: "Function")

        #expect((finding != nil) == testCase.isReported)
        #expect(finding.map(\.location.line) ?? 3 == 3)
    }

    @Test(arguments: ["", "/", "relative", "/mnt"])
    func invalidMountPathIsIgnored(_ mountPath: String) {
        let rule = FileWriteRule(mountPaths: [mountPath])
        let finding = rule.finding(
            forWriteTo: "/var/task/out.json", isWholePath: true, operation: "open",
            at: SourceLocation(file: "app.py", line: 3, column: 5), functionId: "Function")

        #expect(rule.writableFolders == ["/tmp"])
        #expect(finding != nil)
    }
}
