import DeploymentModel
import Diagnostics
import Testing

/// One `Value:` expression and what it evaluates to, in a template that declares the names
/// the expressions use.
struct IntrinsicCase: CustomTestStringConvertible, Sendable {
    let expression: String
    let expected: TemplateValue
    var testDescription: String { expression }

    init(_ expression: String, _ expected: TemplateValue) {
        self.expression = expression
        self.expected = expected
    }
}

private func template(value expression: String) -> String {
    """
    AWSTemplateFormatVersion: "2010-09-09"
    Transform: AWS::Serverless-2016-10-31
    Parameters:
      Stage:
        Type: String
        Default: prod
      Secret:
        Type: String
      Zones:
        Type: CommaDelimitedList
        Default: "a,b,c"
    Conditions:
      IsProd: !Equals [!Ref Stage, prod]
    Mappings:
      Sizes:
        prod: { Memory: "1024", Names: [x, y] }
        dev: { Memory: "128", Names: [x, y] }
    Resources:
      Queue:
        Type: AWS::SQS::Queue
      Table:
        Type: AWS::DynamoDB::Table
      Probe:
        Type: Custom::Probe
        Properties:
          Value: \(expression)
    """
}

private let ref = TemplateValue.ref
private let literal = TemplateValue.literal

@Suite("Intrinsic functions")
struct IntrinsicTests {
    static let cases: [IntrinsicCase] = [
        IntrinsicCase("!Ref Queue", ref("Queue")),
        IntrinsicCase("{ Ref: Queue }", ref("Queue")),
        IntrinsicCase("!Ref Stage", literal("prod")),
        IntrinsicCase("!Ref Secret", .parameter("Secret")),
        IntrinsicCase("!Ref Zones", .list([literal("a"), literal("b"), literal("c")])),
        IntrinsicCase("!Ref AWS::Region", .pseudoParameter("AWS::Region")),
        IntrinsicCase("!GetAtt Queue.Arn", .getAtt("Queue", "Arn")),
        IntrinsicCase("!GetAtt [Queue, Arn]", .getAtt("Queue", "Arn")),
        IntrinsicCase("{ 'Fn::GetAtt': [Table, StreamArn] }", .getAtt("Table", "StreamArn")),
        IntrinsicCase("{ 'Fn::GetAtt': Table.Arn }", .getAtt("Table", "Arn")),
        IntrinsicCase(
            "!Sub 'arn:${AWS::Partition}:s3:::${Stage}-bucket'",
            .concatenation([literal("arn:"), .pseudoParameter("AWS::Partition"), literal(":s3:::prod-bucket")])),
        IntrinsicCase("{ 'Fn::Sub': '${Queue.QueueName}' }", .getAtt("Queue", "QueueName")),
        IntrinsicCase("!Sub '${!Literal}-${Stage}'", literal("${Literal}-prod")),
        IntrinsicCase("!Sub 'a-${ Stage }-${Stage'", literal("a-prod-${Stage")),
        IntrinsicCase(
            "!Sub '${AWS::StackName}-${AWS::Region}'",
            .concatenation([.pseudoParameter("AWS::StackName"), literal("-"), .pseudoParameter("AWS::Region")])),
        IntrinsicCase(
            "!Sub ['${Name}/${Table}', { Name: !GetAtt Queue.Arn }]",
            .concatenation([.getAtt("Queue", "Arn"), literal("/"), ref("Table")])),
        IntrinsicCase(
            "{ 'Fn::Sub': ['x-${Env}', { Env: !Ref Stage }] }", literal("x-prod")),
        IntrinsicCase("!Join ['-', [a, !Ref Stage, c]]", literal("a-prod-c")),
        IntrinsicCase("{ 'Fn::Join': [':', !Ref Zones] }", literal("a:b:c")),
        IntrinsicCase("!Join ['', [q-, !Ref Queue]]", .concatenation([literal("q-"), ref("Queue")])),
        IntrinsicCase("!Select [1, [a, b, c]]", literal("b")),
        IntrinsicCase("{ 'Fn::Select': ['2', !Ref Zones] }", literal("c")),
        IntrinsicCase("!Split [',', 'x,,y']", .list([literal("x"), literal(""), literal("y")])),
        IntrinsicCase("{ 'Fn::Split': ['/', 'a/b'] }", .list([literal("a"), literal("b")])),
        IntrinsicCase("!Select [0, !Split ['/', !Sub '${Stage}/rest']]", literal("prod")),
        IntrinsicCase(
            "!If [IsProd, !Ref Queue, none]",
            .choice(condition: "IsProd", whenTrue: ref("Queue"), whenFalse: literal("none"))),
        IntrinsicCase(
            "{ 'Fn::If': [IsProd, a, b] }",
            .choice(condition: "IsProd", whenTrue: literal("a"), whenFalse: literal("b"))),
        IntrinsicCase("!FindInMap [Sizes, prod, Memory]", literal("1024")),
        IntrinsicCase("{ 'Fn::FindInMap': [Sizes, !Ref Stage, Memory] }", literal("1024")),
        IntrinsicCase("!FindInMap [Sizes, !Ref AWS::Region, Names]", .list([literal("x"), literal("y")])),
        IntrinsicCase("!ImportValue shared-queue-arn", .importValue(literal("shared-queue-arn"))),
        IntrinsicCase(
            "{ 'Fn::ImportValue': !Sub '${Stage}-arn' }", .importValue(literal("prod-arn"))),
        IntrinsicCase("!Base64 hello", literal("aGVsbG8=")),
        IntrinsicCase("{ 'Fn::Base64': ab }", literal("YWI=")),
        IntrinsicCase("!Condition IsProd", literal("true")),
        IntrinsicCase("{ Condition: IsProd }", literal("true")),
        IntrinsicCase("!Equals [!Ref Secret, x]", .unknown("Fn::Equals depends on values known only at deploy time")),
        IntrinsicCase("!GetAZs ''", .unknown("Fn::GetAZs returns Availability Zones known only at deploy time")),
        IntrinsicCase(
            "{ 'Fn::GetAZs': !Ref AWS::Region }",
            .unknown("Fn::GetAZs returns Availability Zones known only at deploy time")),
        IntrinsicCase("[a, !Ref Stage]", .list([literal("a"), literal("prod")])),
        IntrinsicCase("42", literal("42")),
    ]

    @Test(arguments: cases)
    func evaluates(_ testCase: IntrinsicCase) throws {
        let loaded = try LoadedTemplate(template(value: testCase.expression), overrides: ["Stage": "prod"])

        #expect(loaded.probe() == testCase.expected)
        #expect(loaded.codes(.error) == [])
    }

    @Test func ifReportsConditionNote() throws {
        let loaded = try LoadedTemplate(template(value: "!If [IsProd, a, b]"))

        _ = loaded.probe()

        let notes = loaded.diagnostics.diagnostics.filter { $0.code == .conditionalValue }
        #expect(notes.count == 1)
        #expect(notes.first?.severity == .note)
        #expect(notes.first?.message.contains("'IsProd'") == true)
        #expect(notes.first?.location?.line == 26)
    }

    @Test func importValueWarnsUnknown() throws {
        let loaded = try LoadedTemplate(template(value: "!ImportValue shared-queue-arn"))

        _ = loaded.probe()

        let warnings = loaded.diagnostics.diagnostics.filter { $0.code == .importedValue }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.contains("'shared-queue-arn'") == true)
        #expect(warnings.first?.message.contains("unknown here") == true)
    }

    @Test(arguments: ["!Frobnicate x", "{ 'Fn::Frobnicate': x }"])
    func unknownIntrinsicReported(_ expression: String) throws {
        let loaded = try LoadedTemplate(template(value: expression))

        let value = loaded.probe()

        #expect(
            value
                == .unknown(
                    expression.hasPrefix("!")
                        ? "unknown intrinsic function !Frobnicate" : "unknown intrinsic function Fn::Frobnicate"))
        let errors = loaded.diagnostics.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.unknownIntrinsic])
        #expect(errors.first?.location?.file == "template.yaml")
        #expect(errors.first?.location?.line == 26)
        #expect(errors.first?.description.hasPrefix("template.yaml:26:") == true)
    }

    @Test(arguments: ["!Ref Missing", "!GetAtt Missing.Arn", "!Sub '${Missing}'", "!Sub '${Missing.Arn}'"])
    func undefinedNameReported(_ expression: String) throws {
        let loaded = try LoadedTemplate(template(value: expression))

        _ = loaded.probe()

        #expect(loaded.codes(.error) == [.undefinedName])
        #expect(loaded.messages(.error).first?.contains("'Missing'") == true)
    }

    @Test(arguments: [
        "!Select [5, [a]]", "!Select [x, [a]]", "!Join [',']", "!Split ['', a]", "!If [IsProd, a]",
        "!GetAtt Queue", "!Sub [a, b, c]", "!FindInMap [Sizes, prod]",
    ])
    func invalidArgumentsReported(_ expression: String) throws {
        let loaded = try LoadedTemplate(template(value: expression))

        let value = loaded.probe()

        #expect(value.map { if case .unknown = $0 { true } else { false } } == true)
        #expect(loaded.codes(.error) == [.invalidIntrinsicArguments])
    }

    @Test func loadingReportsUnreadProperties() throws {
        let loaded = try LoadedTemplate(
            """
            Conditions:
              Always: !Equals [a, a]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Tags:
                    - { Key: owner, Value: !Frobnicate team }
                    - { Key: stage, Value: !If [Always, a, b] }
                    - { Key: stack, Value: !Ref Nowhere }
            """)

        #expect(loaded.codes(.error) == [.unknownIntrinsic, .undefinedName])
        #expect(loaded.diagnostics.diagnostics.filter { $0.severity == .error }.map { $0.location?.line } == [8, 10])
        #expect(loaded.codes(.note) == [])
    }

    @Test func findInMapMissingKeyReported() throws {
        let loaded = try LoadedTemplate(template(value: "!FindInMap [Sizes, test, Memory]"))

        #expect(loaded.probe() == .unknown("mapping Sizes has no such entry"))
        #expect(loaded.codes(.error) == [.mappingKeyNotFound])
    }

    @Test func findInMapUnknownKeyKeepsReason() throws {
        let loaded = try LoadedTemplate(template(value: "!FindInMap [Sizes, !Ref AWS::Region, Memory]"))

        #expect(loaded.probe() == .unknown("Fn::FindInMap in 'Sizes' with a key known only at deploy time"))
        #expect(loaded.codes(.error) == [])
    }

    @Test func deployTimeIntrinsicWarns() throws {
        let loaded = try LoadedTemplate(template(value: "!Cidr [10.0.0.0/16, 4, 8]"))

        #expect(loaded.probe() == .unknown("Fn::Cidr is evaluated only at deploy time"))
        #expect(loaded.codes(.warning) == [.unevaluatedIntrinsic])
    }
}
