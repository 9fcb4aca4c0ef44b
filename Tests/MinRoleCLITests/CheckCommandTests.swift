import TestSupport
import Testing

@testable import MinRoleCLI

@Suite struct CheckCommandTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: orders
          ReadFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: src/
              Environment:
                Variables:
                  TABLE: !Ref Table
              Policies:
                - Statement:
                    - Effect: Allow
                      Action:
                        - dynamodb:GetItem
                        - dynamodb:DeleteItem
                      Resource: !GetAtt Table.Arn
        """
    static let code = """
        import os
        import boto3

        table = boto3.resource("dynamodb").Table(os.environ["TABLE"])

        def handler(event, context):
            table.get_item(Key={"id": event["id"]})
            boto3.client("sns").publish(TopicArn="arn:aws:sns:us-east-1:123456789012:t", Message="x")
        """

    func project(_ extra: [String: String] = [:]) -> TemporaryProject {
        var files = ["template.yaml": Self.template, "src/app.py": Self.code]
        for (path, text) in extra { files[path] = text }
        return TemporaryProject(files: files)
    }

    @Test func reportsExcessAndMissing() {
        let project = project()
        let result = runMinRole(["check", project.root])
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                "template.yaml:21:19: error: the role of ReadFunction grants dynamodb:DeleteItem, which the code of ReadFunction never needs"
            ))
        #expect(result.output.contains("[MR401]"))
        #expect(result.output.contains("src/app.py:8: error: ReadFunction needs sns:Publish"))
        #expect(result.output.contains("[MR402]"))
    }

    @Test func exitZeroKeepsFindings() {
        let project = project()
        let result = runMinRole(["check", project.root, "--exit-zero"])
        #expect(result.status == 0)
        #expect(result.output.contains("[MR402]"))
    }

    @Test func suppressionInCodeAndTemplate() {
        let code = Self.code.replacingLine(8, suffix: "  # minrole:ignore MR402 topic policy grants this")
        let template = Self.template.replacingLine(21, suffix: "  # minrole:ignore MR401 cleanup job runs here later")
        let project = project(["src/app.py": code, "template.yaml": template])
        let result = runMinRole(["check", project.root, "--format", "json"])
        #expect(result.output.contains("\"reason\": \"topic policy grants this\""))
        #expect(result.output.contains("\"reason\": \"cleanup job runs here later\""))
    }

    @Test func toleranceAcceptsExcess() {
        let project = project()
        let result = runMinRole(["check", project.root, "--tolerance", "50", "--disable", "MR402", "--format", "junit"])
        #expect(result.status == 0)
        #expect(result.output.contains("<testsuite name=\"ReadFunction\""))
        #expect(!result.output.contains("<failure"))
    }

    @Test(arguments: ["-1", "many", ""])
    func badToleranceExitsTwo(value: String) {
        let project = project()
        #expect(runMinRole(["check", project.root, "--tolerance", value]).status == 2)
    }

    @Test func sarifFormatIsAccepted() {
        let project = project()
        let result = runMinRole(["check", project.root, "--format", "sarif"])
        #expect(result.status == 1)
        #expect(result.output.contains("\"ruleId\": \"MR401\""))
    }
}

extension String {
    /// Returns the text with `suffix` appended to line `number` (1-based).
    fileprivate func replacingLine(_ number: Int, suffix: String) -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[number - 1] += suffix
        return lines.joined(separator: "\n")
    }
}
