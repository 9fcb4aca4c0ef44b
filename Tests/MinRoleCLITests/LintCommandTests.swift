import TestSupport
import Testing

@testable import MinRoleCLI

@Suite struct LintCommandTests {
    static let policy = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}
        """
    static let risky = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
        """

    @Test func lintsFolderAndPrintsSummary() {
        let project = TemporaryProject(files: ["policies/read.json": Self.policy, "package.json": "{\"name\": \"x\"}"])
        let result = runMinRole(["lint", project.root])
        #expect(result.status == 0)
        #expect(result.output.contains("minrole lint: 0 findings"))
    }

    @Test func riskyPolicyFailsTheGate() {
        let project = TemporaryProject(files: ["policies/read.json": Self.risky])
        let result = runMinRole(["lint", project.root])
        #expect(result.status == 1)
        #expect(result.output.contains("policies/read.json:1:"))
        #expect(result.output.contains("[MR209]"))
        #expect(runMinRole(["lint", project.root, "--exit-zero"]).status == 0)
    }

    /// Reports show paths relative to the folder linted, but the files a template names are
    /// found beside the template wherever minrole runs from.
    @Test func codeFoldersAreFoundBesideTheTemplate() {
        let project = TemporaryProject(files: [
            "app/template.yaml": """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/, MemorySize: 64}
            """,
            "app/src/app.py": "def handler(event, context):\n    return None\n",
        ])
        let result = runMinRole(["lint", project.root])
        #expect(!result.error.contains("MR2701"), "\(result.error)")
        #expect(result.output.contains("app/template.yaml:5:"), "\(result.output)")
    }

    @Test func refusesToWriteOverAFileItRead() {
        let project = TemporaryProject(files: ["policies/read.json": Self.risky])
        let target = project.root + "/policies/read.json"
        for option in ["--output", "--write-baseline"] {
            let result = runMinRole(["lint", project.root, option, target])
            #expect(result.status == 2, "\(option): \(result.error)")
            #expect(result.error.contains("write elsewhere"))
            #expect(readFile(target) == Self.risky)
        }
    }

    @Test func handlerWritesOutsideTmpAreFoundFromTheTemplate() {
        let project = TemporaryProject(files: [
            "app/template.yaml": """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
            """,
            "app/src/app.py": """
            def handler(event, context):
                with open("/var/task/out.json", "w") as f:
                    f.write("{}")
                with open("/tmp/ok.json", "w") as f:
                    f.write("{}")
            """,
        ])
        let result = runMinRole(["lint", project.root])
        #expect(result.status == 1, "\(result.error)")
        #expect(result.output.contains("app/src/app.py:2:"), "\(result.output)")
        #expect(result.output.contains("[MR506]"))
        #expect(!result.output.contains("/tmp/ok.json"))
        #expect(runMinRole(["lint", project.root, "--disable", "MR506"]).status == 0)
    }

    @Test func sarifOutputIsJSONWithRun() {
        let project = TemporaryProject(files: ["read.json": Self.risky])
        let result = runMinRole(["lint", project.root, "--format", "sarif"])
        #expect(result.status == 1)
        #expect(result.output.contains("\"ruleId\": \"MR209\""))
        #expect(result.output.contains("\"version\": \"2.1.0\""))
        #expect(result.output.contains("\"SRCROOT\""))
    }

    @Test(arguments: [
        ("rules: [unclosed", "configuration is not valid YAML"),
        ("fail_on: error\n", "unknown key 'fail_on'"),
        ("\u{0}\u{0}\u{0}", "error"),
    ])
    func badConfigurationExitsTwo(config: String, message: String) {
        let project = TemporaryProject(files: ["read.json": Self.policy, ".minrole.yaml": config])
        let result = runMinRole(["lint", project.root])
        #expect(result.status == 2)
        #expect(result.error.contains(message))
        #expect(result.error.contains(".minrole.yaml"))
    }

    @Test func badBaselineExitsTwo() {
        let project = TemporaryProject(files: ["read.json": Self.policy, "baseline.json": "not json at all"])
        let result = runMinRole(["lint", project.root, "--baseline", project.root + "/baseline.json"])
        #expect(result.status == 2)
        #expect(result.error.contains("baseline is not valid JSON"))
    }

    @Test func missingConfigFileExitsTwo() {
        let project = TemporaryProject(files: ["read.json": Self.policy])
        let result = runMinRole(["lint", project.root, "--config", project.root + "/nope.yaml"])
        #expect(result.status == 2)
    }

    @Test(arguments: [["--format", "xml"], ["--fail-on", "fatal"], ["--output", ""]])
    func badOptionExitsTwo(options: [String]) {
        let project = TemporaryProject(files: ["read.json": Self.policy])
        #expect(runMinRole(["lint", project.root] + options).status == 2)
    }

    @Test func missingPathExitsTwo() {
        let result = runMinRole(["lint", "/nonexistent/minrole/path"])
        #expect(result.status == 2)
        #expect(result.error.contains("cannot open"))
    }

    @Test(arguments: [("broken.json", "invalid JSON: "), ("broken.yaml", "invalid YAML: ")])
    func brokenFileNamesItsLanguage(file: String, expected: String) {
        let text = file.hasSuffix(".json") ? "{\"Statement\": [{\"Effect\": \"Allow\",, }]}" : "Statement: [a, b\n"
        let project = TemporaryProject(files: [file: text])
        let result = runMinRole(["lint", project.root + "/" + file])
        #expect(result.status == 3)
        #expect(result.error.contains(expected), "\(result.error)")
    }

    @Test func shapeErrorIsFindingThatFailsGate() {
        let text = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
            """
        let project = TemporaryProject(files: ["shape.json": text])
        let result = runMinRole(["lint", project.root])
        #expect(result.status == 1, "\(result.error)")
        #expect(result.output.contains("shape.json:1:"))
        #expect(result.output.contains("Effect must be \"Allow\" or \"Deny\" [MR116]"))
        #expect(!result.error.contains("MR1502"))
        let sarif = runMinRole(["lint", project.root, "--format", "sarif"])
        #expect(sarif.output.contains("\"ruleId\": \"MR116\""))
    }

    @Test func writesBaselineAndJUnit() {
        let project = TemporaryProject(files: ["read.json": Self.policy])
        let baseline = project.root + "/out/baseline.json"
        project.write("", to: "out/.keep")
        let written = runMinRole(["lint", project.root, "--write-baseline", baseline, "--format", "junit"])
        #expect(written.status == 0)
        #expect(readFile(baseline).contains("\"schemaVersion\": 1"))
        #expect(written.output.contains("<testsuite name=\"read.json\""))
        #expect(runMinRole(["lint", project.root, "--baseline", baseline]).status == 0)
    }

    @Test func tenMegabytePolicyIsRead() {
        var statements: [String] = []
        let statement =
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::bucket-%d/*\"}"
        var size = 0
        var index = 0
        while size < 10 * 1024 * 1024 {
            let text = statement.replacingPercentD(with: index)
            statements.append(text)
            size += text.utf8.count + 1
            index += 1
        }
        let text = "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements.joined(separator: ",") + "]}"
        let project = TemporaryProject(files: ["big.json": text])
        let result = runMinRole(["lint", project.root, "--format", "json"])
        #expect(result.status == 1, "\(result.error)")
        #expect(result.output.contains("\"schemaVersion\": 1"))
        #expect(result.output.contains("\"MR304\""))
    }
}

extension String {
    fileprivate func replacingPercentD(with number: Int) -> String {
        split(separator: "%d", omittingEmptySubsequences: false).joined(separator: String(number))
    }
}
