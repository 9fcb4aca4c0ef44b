import PolicyModel
import Testing

@testable import PolicyEvaluation

/// Inputs built to make a naive matcher or parser slow or crash; each must finish quickly with
/// a decision.
@Suite struct HostileInputTests {
    @Test func manyStarsAgainstLongTextIsLinear() {
        let pattern = String(repeating: "*a", count: 2_000) + "*b"
        let text = String(repeating: "a", count: 200_000)
        let clock = ContinuousClock()
        var matched = true
        let elapsed = clock.measure { matched = WildcardPattern.matches(pattern, text, caseInsensitive: false) }
        #expect(!matched)
        #expect(elapsed < .seconds(2))
    }

    @Test func longSegmentAgainstLongTextIsLinear() {
        let segment = String(repeating: "a", count: 1_000) + "b"
        let pattern = "*" + segment + "*"
        let text = String(repeating: "a", count: 200_000)
        let clock = ContinuousClock()
        var matched = true
        let elapsed = clock.measure { matched = WildcardPattern.matches(pattern, text, caseInsensitive: false) }
        #expect(!matched)
        #expect(elapsed < .seconds(2))
    }

    @Test func tenThousandStatementsDecide() {
        var statements = (0..<10_000).map { index in
            Fixtures.allow("s3:GetObject", "arn:aws:s3:::bucket-\(index)/*", sid: "S\(index)")
        }
        statements.append(
            Statement(sid: "Last", effect: .deny, actions: ["s3:*"], resources: [PatternString(literal: "*")]))
        let evaluator = PolicyEvaluator(policies: PolicySet(identity: [Fixtures.policy(statements)]))
        let result = evaluator.evaluate(Fixtures.request("s3:GetObject", "arn:aws:s3:::bucket-9999/k"))
        #expect(result.decision == .explicitDeny)
        #expect(result.matchedStatements.map(\.sid) == ["Last"])
    }

    @Test func deepVariableNestingIsRead() {
        let depth = 50_000
        let resource =
            "arn:aws:s3:::b/" + String(repeating: "${", count: depth) + "x" + String(repeating: "}", count: depth)
        let statement = Statement(actions: ["s3:GetObject"], resources: [PatternString(literal: resource)])
        let evaluator = PolicyEvaluator(policies: PolicySet(identity: [Fixtures.policy([statement])]))
        let result = evaluator.evaluate(
            Fixtures.request("s3:GetObject", "arn:aws:s3:::b/k", context: ["x": ContextValue("k")]))
        #expect(result.decision == .implicitDeny)
    }

    @Test(arguments: [
        ("NumericLessThan", "1e999"), ("NumericEquals", String(repeating: "9", count: 5_000)),
        ("DateLessThan", "9999-99-99"), ("DateEquals", "2026-12-05T10:00:00+99:99"),
        ("IpAddress", "999.999.999.999/99"), ("IpAddress", String(repeating: ":", count: 1_000)),
        ("BinaryEquals", "===="), ("Bool", ""), ("Null", "sometimes"),
    ])
    func invalidConditionValuesNeverMatch(_ conditionOperator: String, _ value: String) {
        let condition = Condition(
            conditionOperator: conditionOperator, key: "aws:Anything", values: [PatternString(literal: value)])
        let statement = Fixtures.allow("s3:GetObject", "*", conditions: [condition])
        let evaluator = PolicyEvaluator(policies: PolicySet(identity: [Fixtures.policy([statement])]))
        let result = evaluator.evaluate(
            Fixtures.request("s3:GetObject", "arn:aws:s3:::b/k", context: ["aws:Anything": ContextValue(value)]))
        #expect(result.decision == .implicitDeny)
        #expect(!result.uncertainties.isEmpty)
    }

    @Test func invalidRequestValuesNeverMatch() {
        let condition = Condition(
            conditionOperator: "ForAnyValue:IpAddress", key: "aws:SourceIp",
            values: [PatternString(literal: "10.0.0.0/8")])
        let statement = Fixtures.allow("s3:GetObject", "*", conditions: [condition])
        let evaluator = PolicyEvaluator(policies: PolicySet(identity: [Fixtures.policy([statement])]))
        let context = ["aws:SourceIp": ContextValue(multivalued: ["10.1.1.1", "not-an-ip"])]
        let result = evaluator.evaluate(Fixtures.request("s3:GetObject", "arn:aws:s3:::b/k", context: context))
        #expect(result.decision == .implicitDeny)
        #expect(!result.uncertainties.isEmpty)
    }

    @Test func hugeResourceAndActionDecide() {
        let resource = "arn:aws:s3:::b/" + String(repeating: "k/", count: 500_000)
        let action = "s3:" + String(repeating: "Get", count: 100_000)
        let statement = Fixtures.allow("s3:Get*", "arn:aws:s3:::b/*/k/*")
        let evaluator = PolicyEvaluator(policies: PolicySet(identity: [Fixtures.policy([statement])]))
        #expect(evaluator.evaluate(Fixtures.request(action, resource)).decision == .allowed)
    }

    @Test func contextValueWithoutValuesIsAbsent() {
        var value = ContextValue("x")
        value.values = []
        let condition = Condition(
            conditionOperator: "StringNotEquals", key: "aws:PrincipalTag/team", values: [PatternString(literal: "a")])
        let statement = Fixtures.allow("s3:GetObject", "*", conditions: [condition])
        let evaluator = PolicyEvaluator(policies: PolicySet(identity: [Fixtures.policy([statement])]))
        let context = ["aws:PrincipalTag/team": value]
        let result = evaluator.evaluate(Fixtures.request("s3:GetObject", "arn:aws:s3:::b/k", context: context))
        #expect(result.decision == .allowed)
        #expect(result.missingContextKeys == ["aws:PrincipalTag/team"])
    }

    @Test func emptyRequestDecides() {
        let evaluator = PolicyEvaluator(policies: PolicySet(identity: [Fixtures.policy([Fixtures.allow("*", "*")])]))
        let result = evaluator.evaluate(AuthorizationRequest(principal: "", action: "", resource: ""))
        #expect(result.decision == .allowed)
    }
}
