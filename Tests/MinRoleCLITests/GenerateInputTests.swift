import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `generate` on broken and hostile projects: a clear error naming the file, exit status 3,
/// and every function that could be read still written.
@Suite struct GenerateInputTests {
    static let goodTemplate = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Good:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.handler
              Runtime: python3.12
        """
    static let goodCode =
        "import boto3\ns3 = boto3.client('s3')\ndef handler(event, context):\n    s3.get_object(Bucket='b', Key='k')\n"

    func project(_ extra: [String: String] = [:]) -> TemporaryProject {
        TemporaryProject(
            files: ["good/template.yaml": Self.goodTemplate, "good/src/app.py": Self.goodCode].merging(extra) { $1 })
    }

    @Test func malformedTemplateDoesNotStopOthers() {
        let folder = project(["broken/template.yaml": "Resources:\n  Fn:\n    Type: [unclosed\n"])
        let result = runMinRole(["generate", folder.root, "--format", "json"])
        #expect(result.status == 3)
        #expect(result.error.contains("broken/template.yaml:"))
        #expect(result.output.contains("\"logicalId\": \"Good\""))
        #expect(result.output.contains("arn:${AWS::Partition}:s3:::b/k"))
    }

    @Test func binaryTemplateIsRejected() {
        let folder = project()
        folder.write([0x00, 0xFF, 0x13, 0x37, 0x00], to: "bin/template.yaml")
        let result = runMinRole(["generate", folder.root])
        #expect(result.status == 3)
        #expect(result.error.contains("bin/template.yaml"))
        #expect(result.output.contains("Good"))
    }

    @Test func aliasBombIsRejectedQuickly() {
        var bomb = "Resources:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...30 {
            bomb +=
                "  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let folder = project(["bomb/template.yaml": bomb])
        let result = runMinRole(["generate", folder.root])
        #expect(result.status == 3)
        #expect(result.error.contains("bomb/template.yaml"))
        #expect(result.output.contains("Good"))
    }

    @Test func missingHandlerFileIsReported() {
        let folder = project(["missing/template.yaml": Self.goodTemplate.replacingOccurrences("Good:", "Missing:")])
        let result = runMinRole(["generate", folder.root])
        #expect(result.error.contains("Missing") || result.error.contains("app.py"))
        #expect(result.output.contains("Good"))
        #expect(result.status == 3 || result.status == 0)
    }

    @Test func symlinkLoopAndLinkOutOfRootAreNotFollowed() {
        let folder = project()
        folder.link("loop/a", to: "../loop")
        folder.link("outside/template.yaml", to: "/etc/passwd")
        let result = runMinRole(["generate", folder.root])
        #expect(result.output.contains("Good"))
        #expect(!result.output.contains("root:"))
        #expect(result.status == 0 || result.status == 3)
    }

    @Test(arguments: ["../outside/", "/tmp", "linked/"])
    func codeOutsideTheRootIsNotRead(codeUri: String) {
        let outside = TemporaryProject(files: ["app.py": Self.goodCode.replacingOccurrences("'b'", "'secret-outside'")])
        let folder = TemporaryProject(files: [
            "project/template.yaml": Self.goodTemplate.replacingOccurrences("src/", codeUri)
        ])
        folder.link("outside", to: outside.root)
        folder.link("project/linked", to: outside.root)
        let result = runMinRole(["generate", folder.root + "/project", "--format", "json"])
        #expect(result.status == 3)
        #expect(!result.output.contains("secret-outside"))
        #expect(result.error.contains("outside the scanned folder"))
    }

    @Test func outputFileIsWrittenWhole() {
        let folder = project()
        let path = folder.root + "/out/policy.json"
        mkdir(folder.root + "/out", 0o755)
        let result = runMinRole(["generate", folder.root, "--format", "json", "--output", path])
        #expect(result.status == 0)
        #expect(result.output.isEmpty)
        let written = readFile(path)
        #expect(written.hasPrefix("{\n  \"schemaVersion\": 1"))
        #expect(listFolder(folder.root + "/out") == ["policy.json"])
    }

    @Test func outputOverNonRegularFileIsRefused() {
        let folder = project()
        folder.link("out.json", to: "/dev/null")
        let result = runMinRole(["generate", folder.root, "--output", folder.root + "/out.json"])
        #expect(result.status != 0)
        #expect(result.error.contains("is not a regular file"))
        #expect(listFolder(folder.root).contains("out.json"))
    }

    @Test func outputOverTheTemplateIsRefused() {
        let folder = project()
        let template = folder.root + "/good/template.yaml"
        let result = runMinRole(["generate", folder.root, "--output", template])
        #expect(result.status == 2)
        #expect(readFile(template) == Self.goodTemplate)
    }

    @Test func emptyOutputNameIsUsageError() {
        let result = runMinRole(["generate", project().root, "--output", ""])
        #expect(result.status == 2)
    }

    @Test func unwritableOutputLeavesNothing() {
        let folder = project()
        let result = runMinRole(["generate", folder.root, "--output", folder.root + "/no/such/folder/out.json"])
        #expect(result.status != 0)
        #expect(result.error.contains("cannot write"))
    }

    @Test func policyFormatNeedsOneFunction() {
        let folder = project([
            "second/template.yaml": Self.goodTemplate.replacingOccurrences("Good:", "Second:"),
            "second/src/app.py": Self.goodCode,
        ])
        let result = runMinRole(["generate", folder.root, "--format", "policy"])
        #expect(result.status == 2)
        #expect(result.error.contains("pass --function ID"))
        #expect(result.error.contains("Good"))
        #expect(result.error.contains("Second"))
    }

    @Test func unknownFunctionIsUsageError() {
        let folder = project()
        let result = runMinRole(["generate", folder.root, "--function", "Nope"])
        #expect(result.status == 2)
        #expect(result.error.contains("no function 'Nope'"))
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

@Suite struct GenerateOutputGuardTests {
    @Test(arguments: ["template.yaml", "src/app.py", "src/helpers.py"])
    func refusesToWriteOverAFileItRead(target: String) {
        let project = TemporaryProject(files: [
            "template.yaml": """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
            """,
            "src/app.py": "import helpers\n\ndef handler(event, context):\n    return helpers.go()\n",
            "src/helpers.py": "def go():\n    return 1\n",
        ])
        let before = readFile(project.root + "/" + target)
        let run = runMinRole(["generate", project.root, "--output", project.root + "/" + target])
        #expect(run.status == 2)
        #expect(run.error.contains("write elsewhere"))
        #expect(readFile(project.root + "/" + target) == before)
    }
}
