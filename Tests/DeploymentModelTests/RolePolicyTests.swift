import DeploymentModel
import Diagnostics
import IAMCatalog
import PolicyModel
import Testing

@Suite("Role policies")
struct RolePolicyTests {
    private static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Reports:
            Type: AWS::S3::Bucket
          Reader:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: src/
              Tracing: Active
              Policies:
                - S3ReadPolicy: { BucketName: !Ref Reports }
                - Statement:
                    - Effect: Allow
                      Action: sqs:SendMessage
                      Resource: !Sub arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs
                - AWSLambdaSQSQueueExecutionRole
                - NoSuchTemplate: {}
          Writer:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: src/
              Role: !GetAtt WriterRole.Arn
          WriterRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
              ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
              Policies:
                - PolicyName: write
                  PolicyDocument:
                    Statement: [{Effect: Allow, Action: [s3:PutObject], Resource: !Sub "${Reports.Arn}/*"}]
        """

    @Test func expandsPolicyTemplatesInlineStatementsAndManagedPolicies() throws {
        let loaded = try LoadedTemplate(Self.template)
        let reader = try #require(loaded.function("Reader"))
        let policies = loaded.template.rolePolicies(of: reader, catalog: .shared, diagnostics: loaded.diagnostics)
        let origins = policies.map(\.origin)
        #expect(
            origins == [
                .samPolicyTemplate("S3ReadPolicy"), .inline, .managed("AWSLambdaSQSQueueExecutionRole"),
                .samPolicyTemplate("NoSuchTemplate"), .addedBySAM("AWSLambdaBasicExecutionRole"),
                .addedBySAM("AWSXrayWriteOnlyAccess"),
            ])
        let s3Read = try #require(policies[0].document?.statements.first)
        #expect(s3Read.actions.contains("s3:GetObject"))
        #expect(
            s3Read.resources.map(\.description) == [
                "arn:${AWS::Partition}:s3:::${Reports}", "arn:${AWS::Partition}:s3:::${Reports}/*",
            ])
        let inline = try #require(policies[1].document?.statements.first)
        #expect(
            inline.resources.map(\.description) == ["arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs"])
        #expect(inline.location?.line == 15)
        #expect(policies[2].document?.statements.first?.actions.contains("sqs:ReceiveMessage") == true)
        #expect(policies[3].document == nil)
        #expect(loaded.diagnostics.diagnostics.contains { $0.code == .unknownPolicyTemplate })
        #expect(policies[4].document?.statements.first?.actions.contains("logs:PutLogEvents") == true)
    }

    @Test func readsTheTemplateRoleWithoutSAMAdditions() throws {
        let loaded = try LoadedTemplate(Self.template)
        let writer = try #require(loaded.function("Writer"))
        let policies = loaded.template.rolePolicies(of: writer, catalog: .shared, diagnostics: loaded.diagnostics)
        #expect(policies.map(\.origin) == [.inline, .managed("AWSLambdaBasicExecutionRole")])
        let statement = try #require(policies[0].document?.statements.first)
        #expect(statement.resources.map(\.description) == ["arn:${AWS::Partition}:s3:::${Reports}/*"])
    }
}
