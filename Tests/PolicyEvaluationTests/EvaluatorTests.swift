import Diagnostics
import PolicyModel
import Testing

@testable import PolicyEvaluation

/// Builds policies and requests in code for the tests that the scenario files cannot express.
enum Fixtures {
    static let session = "arn:aws:sts::111122223333:assumed-role/orders-fn-role/orders-fn"

    static func policy(_ statements: [Statement], kind: PolicyKind = .identity, name: String = "inline")
        -> NamedPolicy
    {
        NamedPolicy(name: name, kind: kind, document: PolicyDocument(statements: statements))
    }

    static func allow(_ action: String, _ resource: String, sid: String? = nil, conditions: [Condition] = [])
        -> Statement
    {
        Statement(
            sid: sid, effect: .allow, actions: [action], resources: [PatternString(literal: resource)],
            conditions: conditions)
    }

    static func request(_ action: String, _ resource: String, context: [String: ContextValue] = [:])
        -> AuthorizationRequest
    {
        AuthorizationRequest(principal: session, action: action, resource: resource, context: context)
    }
}

@Suite struct EvaluatorTests {
    @Test func cachedDecisionEqualsFreshOne() {
        let policies = PolicySet(identity: [Fixtures.policy([Fixtures.allow("s3:GetObject", "*", sid: "Read")])])
        let cached = PolicyEvaluator(policies: policies)
        let uncached = PolicyEvaluator(policies: policies, cacheCapacity: 0)
        let request = Fixtures.request("s3:GetObject", "arn:aws:s3:::b/k")
        let first = cached.evaluate(request)
        #expect(cached.evaluate(request) == first)
        #expect(uncached.evaluate(request) == first)
        #expect(first.decision == .allowed)
    }

    @Test func originDoesNotSplitCache() {
        let evaluator = PolicyEvaluator(
            policies: PolicySet(identity: [Fixtures.policy([Fixtures.allow("s3:*", "*")])]), cacheCapacity: 1)
        var request = Fixtures.request("s3:GetObject", "arn:aws:s3:::b/k")
        request.origin = SourceLocation(file: "trail.json", line: 3)
        let first = evaluator.evaluate(request)
        request.origin = SourceLocation(file: "trail.json", line: 9)
        #expect(evaluator.evaluate(request) == first)
    }

    @Test func fullCacheStillDecides() {
        let evaluator = PolicyEvaluator(
            policies: PolicySet(identity: [Fixtures.policy([Fixtures.allow("s3:GetObject", "arn:aws:s3:::b/*")])]),
            cacheCapacity: 4)
        for index in 0..<20 {
            let result = evaluator.evaluate(Fixtures.request("s3:GetObject", "arn:aws:s3:::b/\(index)"))
            #expect(result.decision == .allowed)
        }
        #expect(evaluator.evaluate(Fixtures.request("s3:GetObject", "arn:aws:s3:::c/1")).decision == .implicitDeny)
    }

    @Test func concurrentEvaluationsAgree() async {
        let evaluator = PolicyEvaluator(
            policies: PolicySet(identity: [Fixtures.policy([Fixtures.allow("s3:Get*", "arn:aws:s3:::b/*")])]),
            cacheCapacity: 16)
        let decisions = await withTaskGroup(of: Decision.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let action = index.isMultiple(of: 2) ? "s3:GetObject" : "s3:PutObject"
                    return evaluator.evaluate(Fixtures.request(action, "arn:aws:s3:::b/\(index % 7)")).decision
                }
            }
            var collected: [Decision] = []
            for await decision in group { collected.append(decision) }
            return collected
        }
        #expect(decisions.count(where: { $0 == .allowed }) == 100)
        #expect(decisions.count(where: { $0 == .implicitDeny }) == 100)
    }

    @Test func placeholderReadAsWildcardIsReported() {
        let resource = PatternString([.literal("arn:aws:s3:::"), .placeholder("OrdersBucket"), .literal("/*")])
        let statement = Statement(actions: ["s3:GetObject"], resources: [resource])
        let evaluator = PolicyEvaluator(policies: PolicySet(identity: [Fixtures.policy([statement])]))
        let result = evaluator.evaluate(Fixtures.request("s3:GetObject", "arn:aws:s3:::orders-123/a"))
        #expect(result.decision == .allowed)
        #expect(result.uncertainties.contains { $0.contains("${OrdersBucket}") })
    }

    @Test func statementReferenceCarriesLocation() throws {
        var statement = Fixtures.allow("s3:GetObject", "*", sid: "Read")
        statement.location = SourceLocation(file: "role.json", line: 4, column: 7)
        let evaluator = PolicyEvaluator(
            policies: PolicySet(identity: [Fixtures.policy([statement], name: "role.json")]))
        let result = evaluator.evaluate(Fixtures.request("s3:GetObject", "arn:aws:s3:::b/k"))
        let reference = try #require(result.matchedStatements.first)
        #expect(reference.policyName == "role.json")
        #expect(reference.kind == .identity)
        #expect(reference.sid == "Read")
        #expect(reference.index == 0)
        #expect(reference.location == SourceLocation(file: "role.json", line: 4, column: 7))
    }

    @Test func missingKeysKeepPolicySpelling() {
        let condition = Condition(
            conditionOperator: "StringEquals", key: "aws:PrincipalTag/Team", values: [PatternString(literal: "pay")])
        let other = Condition(
            conditionOperator: "StringLike", key: "AWS:PRINCIPALTAG/TEAM", values: [PatternString(literal: "p*")])
        let evaluator = PolicyEvaluator(
            policies: PolicySet(identity: [
                Fixtures.policy([Fixtures.allow("s3:*", "*", conditions: [condition, other])])
            ]))
        let result = evaluator.evaluate(Fixtures.request("s3:GetObject", "arn:aws:s3:::b/k"))
        #expect(result.missingContextKeys == ["aws:PrincipalTag/Team"])
    }
}
