import Testing

@testable import PolicyModel

@Suite struct PatternStringTests {
    @Test func adjacentLiteralsMerge() {
        let pattern = PatternString([.literal("arn:"), .literal("aws"), .wildcard, .wildcard, .literal("")])
        #expect(pattern.segments == [.literal("arn:aws"), .wildcard])
    }

    @Test func descriptionKeepsPlaceholders() {
        let pattern = PatternString([
            .literal("arn:"), .placeholder("AWS::Partition"), .literal(":s3:::"), .placeholder("Bucket"),
        ])
        #expect(pattern.description == "arn:${AWS::Partition}:s3:::${Bucket}")
        #expect(pattern.placeholders == ["AWS::Partition", "Bucket"])
        #expect(!pattern.isLiteral)
    }

    @Test func subStringEscapesLiteralDollarBrace() {
        let pattern = PatternString([.literal("a${b}"), .placeholder("AWS::Region"), .wildcard])
        #expect(pattern.subString == "a${!b}${AWS::Region}*")
    }

    @Test func substitutionWidensUnknownPlaceholders() {
        let pattern = PatternString([
            .literal("arn:"), .placeholder("AWS::Partition"), .literal(":sqs:"), .placeholder("AWS::Region"),
            .literal(":"), .placeholder("AWS::AccountId"), .literal(":"), .placeholder("Jobs.QueueName"),
        ])
        let (text, widened) = pattern.substituting(["AWS::Partition": "aws", "AWS::Region": "eu-west-1"])
        #expect(text == "arn:aws:sqs:eu-west-1:*:*")
        #expect(widened == ["AWS::AccountId", "Jobs.QueueName"])
    }

    @Test func literalValueOnlyWhenFullyKnown() {
        #expect(PatternString(literal: "orders").literalValue == "orders")
        #expect(PatternString([.literal("orders-"), .wildcard]).literalValue == nil)
        #expect(PatternString.wildcard.isWildcardOnly)
    }
}

@Suite struct CoveringPatternTests {
    @Test func commonBeginningAndEndAreKept() {
        let covering = PatternString.covering([
            PatternString(literal: "acme-ledger-reports"),
            PatternString([.literal("acme-ledger-reports-"), .placeholder("Env")]),
        ])
        #expect(covering.description == "acme-ledger-reports*")
    }

    @Test func suffixIsKeptToo() {
        let covering = PatternString.covering([
            PatternString(literal: "orders-prod.fifo"), PatternString(literal: "orders-dev.fifo"),
        ])
        #expect(covering.description == "orders-*.fifo")
    }

    @Test func identicalOptionsStayExact() {
        let option = PatternString(literal: "orders")
        #expect(PatternString.covering([option, option]) == option)
    }

    @Test func nothingInCommonIsWildcard() {
        #expect(PatternString.covering([PatternString(literal: "a"), PatternString(literal: "b")]).isWildcardOnly)
    }
}
