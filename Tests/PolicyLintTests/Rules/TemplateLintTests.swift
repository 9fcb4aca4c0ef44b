import Diagnostics
import PolicyLint
import PolicyModel
import Testing

private let samTemplate = """
    Transform: AWS::Serverless-2016-10-31
    Globals:
      Function:
        Timeout: 1200
    Resources:
      Photos:
        Type: AWS::S3::Bucket
      Resize:
        Type: AWS::Serverless::Function
        Properties:
          Runtime: python3.12
          Handler: app.handler
          CodeUri: s3://artifacts/resize.zip
          Policies:
            - Statement:
                - Effect: Allow
                  Action: s3:*
                  Resource: !Sub "arn:${AWS::Partition}:s3:::${Photos}/*"
            - S3ReadPolicy:
                BucketName: !Ref Photos
            - AWSLambdaBasicExecutionRole
    """

@Test func samTemplateInlineStatement() throws {
    let findings = lint(samTemplate, kind: .template, path: "template.yaml").findings
    let wildcard = try #require(findings.first { $0.ruleId == "MR202" })
    #expect(wildcard.subject == "Resize")
    #expect(wildcard.location == SourceLocation(file: "template.yaml", line: 17, column: 23))
    #expect(wildcard.endLocation == SourceLocation(file: "template.yaml", line: 17, column: 27))
    #expect(wildcard.message.contains("s3:*"))
}

@Test func samTemplatePolicyTemplatesAndManagedPolicies() throws {
    let findings = lint(samTemplate, kind: .template, path: "template.yaml").findings
    let broad = findings.filter { $0.ruleId == "MR305" }
    #expect(broad.count == 1, "S3ReadPolicy names the bucket; only the managed policy grants on '*'")
    let managed = try #require(broad.first)
    #expect(managed.message.contains("AWSLambdaBasicExecutionRole"))
    #expect(managed.location.line == 21)
    #expect(managed.subject == "Resize")
    #expect(!findings.contains { $0.ruleId == "MR203" }, "rules on written text skip expanded statements")
}

@Test func samTemplateDeploymentLimitsFromGlobals() throws {
    let findings = lint(samTemplate, kind: .template, path: "template.yaml").findings
    let timeout = try #require(findings.first { $0.ruleId == "MR502" })
    #expect(timeout.location.line == 4)
    #expect(timeout.subject == "Resize")
    #expect(timeout.message.contains("1200"))
}

private let cloudFormationTemplate = """
    {
      "Resources": {
        "Table": {"Type": "AWS::DynamoDB::Table"},
        "WorkerRole": {
          "Type": "AWS::IAM::Role",
          "Properties": {
            "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
            "ManagedPolicyArns": [{"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}],
            "Policies": [{
              "PolicyName": "data",
              "PolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": {"Fn::GetAtt": ["Table", "Arn"]}},
                  {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}
                ]
              }
            }]
          }
        },
        "Deployer": {
          "Type": "AWS::IAM::ManagedPolicy",
          "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "lambda:UpdateFunctionCode", "Resource": "*"}]}}
        }
      }
    }
    """

@Test func cloudFormationRoleInlinePolicy() throws {
    let result = lint(cloudFormationTemplate, kind: .template, path: "stack.json")
    let mismatch = try #require(
        result.findings.first { $0.ruleId == "MR102" }, "\(result.findings.map(\.message)) \(result.diagnostics)")
    #expect(mismatch.subject == "WorkerRole/data")
    #expect(mismatch.location.line == 14)
    #expect(mismatch.message.contains("s3:GetObject"))
    let passRole = result.findings.filter { $0.ruleId == "MR206" }
    #expect(passRole.count == 2, "on '*' and without iam:PassedToService")
    #expect(!result.findings.contains { $0.ruleId == "MR113" }, "the trust policy is not an identity policy")
}

@Test func cloudFormationManagedPolicies() throws {
    let result = lint(cloudFormationTemplate, kind: .template, path: "stack.json")
    let broad = try #require(result.findings.first { $0.ruleId == "MR305" })
    #expect(broad.subject == "WorkerRole")
    #expect(broad.location.line == 8)
    let version = try #require(result.findings.first { $0.ruleId == "MR110" })
    #expect(version.subject == "Deployer")
    let escalation = try #require(result.findings.first { $0.ruleId == "MR207" })
    #expect(escalation.message.contains("lambda:UpdateFunctionCode"))
}

@Test func findingsAreInFileOrder() {
    let findings = lint(cloudFormationTemplate, kind: .template, path: "stack.json").findings
    #expect(!findings.isEmpty)
    #expect(findings.map(\.location) == findings.map(\.location).sorted())
}

@Test func deploymentRulesOffForPolicyFilesAndDisabledByOption() {
    let options = LintOptions(disabledRules: ["MR502"])
    let sink = DiagnosticSink()
    let findings = Linter(catalog: .shared, options: options).lintTemplate(
        path: "template.yaml", text: Array(samTemplate.utf8), diagnostics: sink)
    #expect(!findings.contains { $0.ruleId == "MR502" })
    #expect(!LintOptions().runs(timeoutRule, isTemplate: false))
    #expect(LintOptions().runs(timeoutRule, isTemplate: true))
    #expect(LintOptions(includeDeploymentRules: true).runs(timeoutRule, isTemplate: false))
}

@Test func templateWithoutResourcesIsReported() {
    let result = lint("Transform: AWS::Serverless-2016-10-31\n", kind: .template, path: "template.yaml")
    #expect(result.findings.isEmpty)
    #expect(result.diagnostics.map(\.code.rawValue) == ["MR2002"])
}

private var timeoutRule: RuleDescriptor {
    RuleRegistry.descriptors.first { $0.id == "MR502" }!
}

@Test(arguments: [
    "plain", "with \"quotes\" and \\ backslashes", "control \u{01}\u{02}\u{1F} characters", "ünïcödé ✓",
    String(repeating: "\u{7F}", count: 100),
])
func policySizeBoundIsAnUpperBound(_ text: String) {
    let statement = Statement(
        sid: "S1", actions: ["s3:GetObject", text], resources: [PatternString(literal: "arn:aws:s3:::\(text)")],
        conditions: [
            Condition(conditionOperator: "StringEquals", key: "aws:SourceVpc", values: [PatternString(literal: text)])
        ],
        principal: Principal(entries: ["AWS": [text]]))
    let document = PolicyDocument(id: text, statements: Array(repeating: statement, count: 3))
    #expect(document.sizeForLimitsUpperBound >= document.sizeForLimits())
}

@Test func unknownPolicyTemplateIsReported() throws {
    let text = """
        Resources:
          Reader:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              InlineCode: "def handler(event, context): pass"
              Policies:
                - S3ReedPolicy:
                    BucketName: photos
        """
    let result = lint(text, kind: .template, path: "template.yaml")
    let diagnostic = try #require(result.diagnostics.first { $0.code.rawValue == "MR2026" })
    #expect(diagnostic.location?.line == 9)
    #expect(diagnostic.notes == ["did you mean 'S3ReadPolicy'?"])
}

@Test func escalationAcrossOneRolesPolicies() throws {
    let text = """
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
              Policies:
                - PolicyName: pass
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement: [{Effect: Allow, Action: iam:PassRole, Resource: "*"}]
          Deploy:
            Type: AWS::IAM::Policy
            Properties:
              Roles: [!Ref Role]
              PolicyDocument:
                Version: "2012-10-17"
                Statement: [{Effect: Allow, Action: [lambda:CreateFunction, lambda:InvokeFunction], Resource: "*"}]
          Other:
            Type: AWS::IAM::Policy
            Properties:
              Roles: [!Ref SomeoneElse]
              PolicyDocument:
                Version: "2012-10-17"
                Statement: [{Effect: Allow, Action: [lambda:CreateFunction, lambda:InvokeFunction], Resource: "*"}]
        """
    let findings = lint(text, kind: .template, path: "template.yaml", only: "MR207").findings
    #expect(findings.count == 1, "only Role's two policies together make the combination")
    let escalation = try #require(findings.first)
    #expect(escalation.subject == "Role/pass")
    #expect(escalation.location.line == 10)
}
