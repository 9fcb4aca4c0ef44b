import DeploymentModel
import Diagnostics
import IAMCatalog
import PolicyModel
import TestSupport
import Testing

@testable import PolicyLint

@Suite struct GateLeastPrivilegeTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: orders
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: docs
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: src/
              Policies:
                - DynamoDBReadPolicy:
                    TableName: !Ref Table
                - Statement:
                    - Effect: Allow
                      Action: s3:*
                      Resource: "*"
                    - Effect: Allow
                      Action: sqs:SendMessage
                      Resource: "*"
        """

    func role() throws -> (ExistingRole, FunctionModel) {
        let project = TemporaryProject(files: [
            "template.yaml": Self.template, "src/app.py": "def handler(e, c): pass\n",
        ])
        let loader = DeploymentLoader(root: project.root)
        let sink = DiagnosticSink()
        let template = try #require(loader.loadTemplate(at: "template.yaml", diagnostics: sink))
        let function = try #require(loader.functions(in: template, diagnostics: sink).first)
        return (ExistingRoleReader(catalog: .shared, template: template).role(of: function), function)
    }

    func need(_ action: String, _ resource: String, line: Int = 7) -> NeededPermission {
        NeededPermission(
            action: action, resource: PatternString(literal: resource),
            location: SourceLocation(file: "src/app.py", line: line), why: "a call")
    }

    @Test func samTemplateExpandsWithParameters() throws {
        let (role, _) = try role()
        #expect(role.isComplete)
        #expect(role.isCreatedBySAM)
        let dynamo = try #require(role.statements.first { $0.actions.contains("dynamodb:GetItem") })
        #expect(
            dynamo.resources.map(\.description).contains(
                "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders"))
        #expect(dynamo.origin == "SAM policy template DynamoDBReadPolicy")
        #expect(role.statements.contains { $0.origin == "managed policy AWSLambdaBasicExecutionRole" })
    }

    @Test func reportsExcessAndMissing() throws {
        let (role, function) = try role()
        let table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders"
        let needed = [
            need("dynamodb:GetItem", table), need("s3:GetObject", "arn:${AWS::Partition}:s3:::docs/*"),
            need("sns:Publish", "arn:aws:sns:us-east-1:123456789012:topic", line: 9),
        ]
        let findings = LeastPrivilegeComparison(catalog: .shared).findings(
            functionId: "Fn", functionLocation: function.location, role: role, needed: needed)
        let missing = findings.filter { $0.ruleId == "MR402" }
        #expect(missing.count == 1)
        #expect(missing.first?.location == SourceLocation(file: "src/app.py", line: 9))
        #expect(missing.first?.message.contains("sns:Publish") == true)
        let excess = findings.filter { $0.ruleId == "MR401" }.map(\.message)
        #expect(excess.contains { $0.contains("grants s3:* (") })
        #expect(excess.contains { $0.hasSuffix("the code of Fn needs only s3:GetObject (an inline policy)") })
        #expect(
            excess.contains {
                $0.contains("on *, but the code of Fn needs s3:GetObject only on arn:${AWS::Partition}:s3:::docs/*")
            })
        #expect(excess.contains { $0.contains("grants sqs:SendMessage, which the code of Fn never needs") })
        #expect(excess.contains { $0.contains("grants dynamodb:Scan, which the code of Fn never needs") })
        #expect(findings.allSatisfy { $0.subject == "Fn" })
    }

    @Test func toleranceTurnsExcessIntoNotes() throws {
        let (role, function) = try role()
        let findings = LeastPrivilegeComparison(catalog: .shared, tolerance: 100_000).findings(
            functionId: "Fn", functionLocation: function.location, role: role, needed: [])
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.severity == .note })
        #expect(findings.allSatisfy { $0.message.contains("within the tolerance of 100000") })
    }

    @Test func denyTakesGrantAway() {
        let location = SourceLocation(file: "t.yaml", line: 1)
        let role = ExistingRole(
            statements: [
                GrantedStatement(
                    actions: ["s3:*"], resources: [PatternString(literal: "*")], location: location, origin: "x"),
                GrantedStatement(
                    effect: .deny, actions: ["s3:DeleteObject"], resources: [PatternString(literal: "*")],
                    location: location, origin: "x"),
            ], isComplete: true, isCreatedBySAM: false, notes: [])
        let matcher = GrantMatcher(role: role)
        #expect(matcher.grants(need("s3:GetObject", "arn:aws:s3:::b/k")))
        #expect(!matcher.grants(need("s3:DeleteObject", "arn:aws:s3:::b/k")))
    }

    @Test func widenedNeedIsCoveredOnlyByWildcard() {
        let wide = PatternString([.literal("arn:aws:s3:::b/"), .wildcard])
        #expect(GrantMatcher.covers(PatternString(literal: "arn:aws:s3:::b/*"), wide))
        #expect(!GrantMatcher.covers(PatternString(literal: "arn:aws:s3:::b/key"), wide))
    }

    @Test func tenThousandStatementsFinish() {
        let location = SourceLocation(file: "t.yaml", line: 1)
        let statements = (0..<10_000).map { index in
            GrantedStatement(
                actions: ["s3:GetObject"], resources: [PatternString(literal: "arn:aws:s3:::b\(index)/*")],
                location: location, origin: "an inline policy")
        }
        let role = ExistingRole(statements: statements, isComplete: true, isCreatedBySAM: false, notes: [])
        let findings = LeastPrivilegeComparison(catalog: .shared).findings(
            functionId: "Fn", functionLocation: location, role: role,
            needed: [need("s3:GetObject", "arn:aws:s3:::b7/key")])
        // Every bucket but b7 is never used, and b7/* is broader than the one key the code reads.
        #expect(findings.filter { $0.ruleId == "MR401" }.count == 10_000)
        #expect(
            findings.contains {
                $0.message.contains(
                    "on arn:aws:s3:::b7/*, but the code of Fn needs s3:GetObject only on arn:aws:s3:::b7/key")
            })
        #expect(!findings.contains { $0.ruleId == "MR402" })
    }
}
