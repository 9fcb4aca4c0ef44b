import IAMCatalog
import PolicyModel
import Testing

@testable import PolicySynthesis

@Suite struct StatementMergerTests {
    func requirement(_ action: String, _ resource: String, line: Int = 1) -> Requirement {
        Requirement(
            action: ActionName(action)!, resource: PatternString(literal: resource),
            reason: Reason(file: "app.py", line: line, why: "call"))
    }

    @Test func actionsOnSameResourcesShareStatement() {
        let statements = StatementMerger.merge([
            requirement("sqs:ReceiveMessage", "arn:aws:sqs:r:1:q"),
            requirement("sqs:DeleteMessage", "arn:aws:sqs:r:1:q", line: 2),
            requirement("s3:GetObject", "arn:aws:s3:::b/*"),
        ])
        #expect(statements.count == 2)
        let sqs = try! #require(statements.first { $0.statement.actions.contains("sqs:ReceiveMessage") })
        #expect(sqs.statement.actions == ["sqs:DeleteMessage", "sqs:ReceiveMessage"])
        #expect(sqs.reasons.map(\.line) == [1, 2])
    }

    @Test func differentResourceSetsStaySeparate() {
        let statements = StatementMerger.merge([
            requirement("s3:GetObject", "arn:aws:s3:::b/*"),
            requirement("s3:ListBucket", "arn:aws:s3:::b"),
        ])
        #expect(statements.count == 2)
        #expect(statements.allSatisfy { $0.statement.actions.count == 1 })
    }

    @Test func wildcardResourceAbsorbsNarrowerOnes() {
        let statements = StatementMerger.merge([
            requirement("xray:PutTraceSegments", "*"),
            Requirement(
                action: ActionName("xray:PutTraceSegments")!, resource: .wildcard,
                reason: Reason(file: "t", line: 3, why: "w")),
        ])
        #expect(statements.count == 1)
        #expect(statements[0].statement.resources == [.wildcard])
    }

    @Test func outputDoesNotDependOnInputOrder() {
        let requirements = [
            requirement("sqs:SendMessage", "arn:aws:sqs:r:1:q"),
            requirement("s3:GetObject", "arn:aws:s3:::b/*"),
            requirement("s3:PutObject", "arn:aws:s3:::b/*"),
            requirement("dynamodb:Query", "arn:aws:dynamodb:r:1:table/t/index/i"),
        ]
        let forward = StatementMerger.merge(requirements)
        let backward = StatementMerger.merge(requirements.reversed())
        #expect(forward == backward)
    }

    @Test func sidsAreAlphanumericAndUnique() {
        let statements = StatementMerger.merge([
            requirement("s3:GetObject", "arn:aws:s3:::orders-bucket/*"),
            requirement("s3:GetObject", "arn:aws:s3:::orders-bucket/*", line: 9),
            requirement("s3:PutObject", "arn:aws:s3:::orders_bucket/in/*"),
            requirement("logs:PutLogEvents", "arn:aws:logs:r:1:log-group:/aws/lambda/f:*"),
        ])
        let sids = statements.compactMap(\.statement.sid)
        #expect(sids.count == statements.count)
        #expect(Set(sids).count == sids.count)
        for sid in sids { #expect(sid.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, "\(sid)") }
    }
}

@Suite struct ARNFormatTests {
    @Test func parsesVariablesAndLiterals() {
        let format = ARNFormat("arn:${Partition}:s3:::${BucketName}/${ObjectName}")
        #expect(format.resourceVariables == ["BucketName", "ObjectName"])
        #expect(
            format.parts == [
                .literal("arn:"), .variable("Partition"), .literal(":s3:::"), .variable("BucketName"), .literal("/"),
                .variable("ObjectName"),
            ])
    }

    @Test func fillsAccountLevelVariablesWithPlaceholders() {
        let format = ARNFormat("arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}")
        let arn = format.fill(["TableName": PatternString(literal: "orders")])
        #expect(arn.description == "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders")
    }

    @Test func missingVariableBecomesWildcard() {
        let arn = ARNFormat("arn:${Partition}:sqs:${Region}:${Account}:${QueueName}").fill([:])
        #expect(arn.description.hasSuffix(":*"))
        #expect(arn.containsWildcard)
    }

    @Test func unterminatedVariableStaysLiteral() {
        #expect(ARNFormat.parseTemplate("a${b") == [.literal("a${b")])
        #expect(ARNFormat.parseTemplate("$x${y}") == [.literal("$x"), .variable("y")])
        #expect(
            ARNFormat.parseTemplate("${}${a}${b}c") == [.variable(""), .variable("a"), .variable("b"), .literal("c")])
        #expect(ARNFormat.parseTemplate("x}${a}\u{E9}$") == [.literal("x}"), .variable("a"), .literal("\u{E9}$")])
        #expect(ARNFormat.parseTemplate("") == [])
    }
}

@Suite struct QueueURLTests {
    @Test func regionalURLGivesQueueARN() throws {
        let arn = try #require(
            SQSQueueURL.arn(fromURL: PatternString(literal: "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs")))
        #expect(arn.description == "arn:${AWS::Partition}:sqs:eu-west-1:123456789012:jobs")
    }

    @Test func otherURLsAreNotQueues() {
        #expect(SQSQueueURL.arn(fromURL: PatternString(literal: "https://example.com/a/b")) == nil)
        #expect(SQSQueueURL.arn(fromURL: PatternString(literal: "jobs")) == nil)
    }
}
