import DeploymentModel
import Diagnostics
import Documents
import PolicyModel
import Testing

@Suite("Hostile templates")
struct HostileTemplateTests {
    @Test func deepNestingStopsWithError() {
        var value: TreeLiteral = "leaf"
        for _ in 0..<1_000 { value = ["Fn::Join": ["", [value]]] }
        let (template, diagnostics) = makeTemplate([
            "Resources": ["Probe": ["Type": "Custom::Probe", "Properties": ["Value": value]]]
        ])
        let node = template.resources["Probe"]!.properties!["Value"]!

        let result = template.evaluate(node, diagnostics: diagnostics)

        #expect(result == .unknown("nested too deeply"))
        #expect(diagnostics.diagnostics.map(\.code) == [.evaluationTooDeep])
    }

    @Test func deepConditionNestingStops() {
        var condition: TreeLiteral = ["Fn::Equals": ["a", "a"]]
        for _ in 0..<1_000 { condition = ["Fn::Not": [condition]] }
        let (template, diagnostics) = makeTemplate([
            "Conditions": ["Deep": condition],
            "Resources": ["Probe": ["Type": "Custom::Probe"]],
        ])

        let value = template.conditionValue(
            "Deep", at: SourceLocation(file: "template.yaml"), diagnostics: diagnostics)

        #expect(value == nil)
        #expect(diagnostics.diagnostics.map(\.code).contains(.evaluationTooDeep))
    }

    @Test func circularResourceNamesReported() {
        let (template, _) = makeTemplate([
            "Resources": [
                "First": [
                    "Type": "AWS::SQS::Queue", "Properties": ["QueueName": .tag("!Sub", "${Second.QueueName}-a")],
                ],
                "Second": [
                    "Type": "AWS::SQS::Queue", "Properties": ["QueueName": .tag("!Sub", "${First.QueueName}-b")],
                ],
            ]
        ])
        let diagnostics = DiagnosticSink()

        let name = template.physicalName(of: "First", diagnostics: diagnostics)

        #expect(name == .parse("*-b-a"))
        let cycle = diagnostics.diagnostics.filter { $0.code == .circularReference }
        #expect(cycle.count == 1)
        #expect(cycle.first?.message.contains("First -> Second -> First") == true)
    }

    @Test func longNameChainStops() {
        var resources: [(String, TreeLiteral)] = [("Queue0", ["Type": "AWS::SQS::Queue"])]
        for index in 1...200 {
            let name: TreeLiteral = .tag("!Sub", .scalar("${Queue\(index - 1).QueueName}-x"))
            resources.append(("Queue\(index)", ["Type": "AWS::SQS::Queue", "Properties": ["QueueName": name]]))
        }
        let (template, _) = makeTemplate(.map([("Resources", .map(resources))]))
        let diagnostics = DiagnosticSink()

        let name = template.physicalName(of: "Queue200", diagnostics: diagnostics)

        #expect(name?.containsWildcard == true)
        #expect(diagnostics.diagnostics.map(\.code).contains(.evaluationTooDeep))
    }

    @Test func tenThousandResourcesReadQuickly() throws {
        var resources: [(String, TreeLiteral)] = []
        for index in 0..<2_500 {
            resources.append(("Queue\(index)", ["Type": "AWS::SQS::Queue"]))
            resources.append(
                (
                    "Group\(index)",
                    [
                        "Type": "AWS::Logs::LogGroup",
                        "Properties": ["LogGroupName": .tag("!Sub", .scalar("/aws/lambda/${Function\(index)}"))],
                    ]
                ))
            resources.append(
                (
                    "Function\(index)",
                    [
                        "Type": "AWS::Serverless::Function",
                        "Properties": [
                            "Handler": "app.handler", "Runtime": "python3.12", "CodeUri": "src/",
                            "Environment": ["Variables": ["QUEUE_URL": .tag("!Ref", .scalar("Queue\(index)"))]],
                        ],
                    ]
                ))
            resources.append(
                (
                    "Mapping\(index)",
                    [
                        "Type": "AWS::Lambda::EventSourceMapping",
                        "Properties": [
                            "FunctionName": .tag("!Ref", .scalar("Function\(index)")),
                            "EventSourceArn": .tag("!GetAtt", .scalar("Queue\(index).Arn")),
                        ],
                    ]
                ))
        }
        let (template, diagnostics) = makeTemplate(.map([("Resources", .map(resources))]))
        let clock = ContinuousClock()

        var functions: [FunctionModel] = []
        let elapsed = clock.measure {
            functions = DeploymentLoader(root: "/project").functions(in: template, diagnostics: diagnostics)
        }

        #expect(functions.count == 2_500)
        #expect(elapsed < .seconds(20))
        let last = try #require(functions.first { $0.logicalId == "Function2499" })
        #expect(last.events.map(\.kind) == [.sqs])
        #expect(last.templateCreatesLogGroup)
        #expect(diagnostics.hasErrors == false)
    }

    @Test func unknownResourceTypeHasNoMeaning() {
        let (template, _) = makeTemplate(["Resources": ["Thing": ["Type": "Custom::Thing"]]])

        #expect(template.reference(for: .ref("Thing")) == nil)
        #expect(template.physicalName(of: "Thing") == nil)
        #expect(template.arn(of: "Thing") == nil)
        #expect(template.pattern(for: .ref("Thing")) == .parse("${Thing}"))
        #expect(template.pattern(for: .getAtt("Thing", "Endpoint")) == .parse("${Thing.Endpoint}"))
    }
}

@Suite("Hostile template files")
struct HostileTemplateFileTests {
    @Test func deepYAMLRejectedByReader() throws {
        var value = "leaf"
        for _ in 0..<1_000 { value = "{ \"Fn::Join\": [\"\", [\(value)]] }" }
        let folder = try TemporaryFolder()
        try folder.write(
            "Resources:\n  Probe:\n    Type: Custom::Probe\n    Properties:\n      Value: \(value)\n",
            to: "template.yaml")
        let diagnostics = DiagnosticSink()

        let template = DeploymentLoader(root: folder.path).loadTemplate(at: "template.yaml", diagnostics: diagnostics)

        #expect(template == nil)
        #expect(diagnostics.diagnostics.count == 1)
        #expect(diagnostics.diagnostics.first?.severity == .error)
        #expect(diagnostics.diagnostics.first?.location?.file == "template.yaml")
    }

    @Test func tenThousandResourcesFromYAML() throws {
        var text = "Transform: AWS::Serverless-2016-10-31\nResources:\n"
        for index in 0..<5_000 {
            text +=
                "  Queue\(index):\n    Type: AWS::SQS::Queue\n    Properties: { QueueName: !Sub \"jobs-\(index)\" }\n"
            text += "  Function\(index):\n    Type: AWS::Serverless::Function\n"
            text += "    Properties:\n      CodeUri: src\n      Environment:\n        Variables:\n"
            text += "          QUEUE_URL: !Ref Queue\(index)\n"
            text += "      Events:\n        Jobs: { Type: SQS, Properties: { Queue: !GetAtt Queue\(index).Arn } }\n"
        }
        let clock = ContinuousClock()
        var functions: [FunctionModel] = []

        let elapsed = try clock.measure {
            let loaded = try LoadedTemplate(text)
            functions = loaded.functions()
            #expect(loaded.diagnostics.hasErrors == false)
        }

        #expect(functions.count == 5_000)
        #expect(elapsed < .seconds(30))
        let last = try #require(functions.last)
        #expect(last.environment["QUEUE_URL"] == .ref("Queue4999"))
        #expect(last.events.first?.source == .getAtt("Queue4999", "Arn"))
    }
}
