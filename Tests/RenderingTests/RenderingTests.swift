import DeploymentModel
import Diagnostics
import PolicyModel
import PolicySynthesis
import Testing

@testable import Rendering

@Suite struct YAMLScalarTests {
    @Test(arguments: [
        ("s3:GetObject", "s3:GetObject"),
        ("*", "\"*\""),
        ("yes", "\"yes\""),
        ("2012-10-17", "\"2012-10-17\""),
        ("a: b", "\"a: b\""),
        ("line\nbreak", "\"line\\nbreak\""),
        ("quote\"d", "\"quote\\\"d\""),
        ("/aws/lambda/fn", "/aws/lambda/fn"),
        ("", "\"\""),
    ])
    func quotesWhenPlainWouldChangeMeaning(value: String, expected: String) {
        #expect(YAMLWriter.scalar(value) == expected)
    }

    @Test func placeholdersBecomeSub() {
        let pattern = PatternString([.literal("arn:"), .placeholder("AWS::Partition"), .literal(":s3:::b")])
        #expect(YAMLWriter.value(pattern) == "!Sub \"arn:${AWS::Partition}:s3:::b\"")
        #expect(YAMLWriter.value(PatternString(literal: "arn:aws:s3:::b")) == "arn:aws:s3:::b")
        #expect(YAMLWriter.value(.wildcard) == "\"*\"")
    }
}

@Suite struct CloudFormationPartitionTests {
    func explained(_ resource: PatternString) -> ExplainedStatement {
        ExplainedStatement(statement: Statement(actions: ["logs:PutLogEvents"], resources: [resource]), reasons: [])
    }

    @Test func statementsNamingTheFunctionAreSeparated() {
        let own = explained(PatternString([.literal("log-group:/aws/lambda/"), .placeholder("Fn"), .literal(":*")]))
        let attribute = explained(PatternString([.placeholder("Fn.Arn")]))
        let other = explained(PatternString([.placeholder("FnTable")]))
        let (kept, separated) = CloudFormationRendering.partition([own, attribute, other], functionId: "Fn")
        #expect(kept == [other])
        #expect(separated == [own, attribute])
    }
}

@Suite struct PolicyPlaceholderTests {
    @Test func wholeARNPlaceholderKeepsServiceRegionAndAccount() {
        let secret = PatternString([.placeholder("DbSecret")])
        let shaped = PolicyRendering.wholeARNShape(secret, types: ["DbSecret": "AWS::SecretsManager::Secret"])
        let (text, widened) = shaped.substituting([
            "AWS::Partition": "aws", "AWS::Region": "us-east-1", "AWS::AccountId": "123456789012",
        ])
        #expect(text == "arn:aws:secretsmanager:us-east-1:123456789012:secret:*")
        #expect(widened.isEmpty)
    }

    @Test func partOfAnARNIsNotReshaped() {
        let pattern = PatternString([.literal("arn:aws:s3:::"), .placeholder("Bucket")])
        #expect(PolicyRendering.wholeARNShape(pattern, types: ["Bucket": "AWS::S3::Bucket"]) == pattern)
    }

    @Test func unknownTypeIsLeftAlone() {
        let pattern = PatternString([.placeholder("Thing")])
        #expect(PolicyRendering.wholeARNShape(pattern, types: ["Thing": "Custom::Thing"]) == pattern)
    }
}

@Suite struct SAMExistingPolicyTests {
    @Test func managedPoliciesAreNamedForRemoval() {
        var function = FunctionModel(
            logicalId: "Fn", location: SourceLocation(file: "template.yaml", line: 3), templatePath: "template.yaml",
            resourceType: "AWS::Serverless::Function")
        function.role = .templateRole(logicalId: "FnRole")
        function.existingPolicies = [
            .managed(
                .literal("arn:aws:iam::aws:policy/AdministratorAccess"), location: SourceLocation(file: "template.yaml")
            )
        ]
        let notes = SAMRendering.existingPolicyNotes(function)
        #expect(notes.count == 1)
        #expect(notes.first?.contains("AdministratorAccess") == true)
    }
}
