import PolicyModel
import Testing

@testable import PolicyEvaluation

/// Resource policies of several resources in one policy set: each applies to requests on the
/// resource it is attached to.
@Suite struct AttachedPolicyTests {
    static let auditRole = "arn:aws:iam::111122223333:role/audit-reader"
    static let billingRole = "arn:aws:iam::111122223333:role/billing-reader"

    static func trustPolicy(of role: String, trusting principal: String) -> NamedPolicy {
        let statement = Statement(
            effect: .allow, actions: ["sts:AssumeRole"], resources: [],
            principal: Principal(entries: ["AWS": [principal]]))
        var policy = Fixtures.policy([statement], kind: .resource, name: "trust policy of \(role)")
        policy.attachedTo = role
        return policy
    }

    @Test func eachTrustPolicyDecidesOnlyForItsRole() {
        let caller = "arn:aws:iam::111122223333:role/orders-fn-role"
        let policies = PolicySet(
            identity: [Fixtures.policy([Fixtures.allow("sts:AssumeRole", "arn:aws:iam::111122223333:role/*")])],
            resourcePolicies: [
                Self.trustPolicy(of: Self.auditRole, trusting: caller),
                Self.trustPolicy(of: Self.billingRole, trusting: "arn:aws:iam::111122223333:role/someone-else"),
            ])
        let evaluator = PolicyEvaluator(policies: policies)
        #expect(evaluator.evaluate(Fixtures.request("sts:AssumeRole", Self.auditRole)).decision == .allowed)
        let billing = evaluator.evaluate(Fixtures.request("sts:AssumeRole", Self.billingRole))
        #expect(billing.decision == .implicitDeny)
        #expect(billing.deniedBy == .resource)
    }

    @Test func aRoleWithoutATrustPolicyGivenIsDecidedOnTheCallersSideAndSaysSo() {
        let policies = PolicySet(
            identity: [Fixtures.policy([Fixtures.allow("sts:AssumeRole", "*")])],
            resourcePolicies: [Self.trustPolicy(of: Self.auditRole, trusting: "arn:aws:iam::111122223333:root")])
        let result = PolicyEvaluator(policies: policies).evaluate(
            Fixtures.request("sts:AssumeRole", "arn:aws:iam::111122223333:role/unlisted"))
        #expect(result.decision == .allowed)
        #expect(result.uncertainties.contains { $0.contains("trust policy of the role was not given") })
    }
}

@Suite struct PermissionFreeActionTests {
    @Test func getCallerIdentityIsAllowedEvenUnderAnExplicitDeny() {
        let deny = Statement(effect: .deny, actions: ["sts:*"], resources: [PatternString(literal: "*")])
        let evaluator = PolicyEvaluator(policies: PolicySet(identity: [Fixtures.policy([deny])]))
        #expect(evaluator.evaluate(Fixtures.request("sts:GetCallerIdentity", "*")).decision == .allowed)
        #expect(evaluator.evaluate(Fixtures.request("sts:AssumeRole", "*")).decision == .explicitDeny)
    }
}

@Suite struct ResourceAccountTests {
    @Test func theAccountOfTheResourceARNMakesARequestCrossAccount() {
        let policies = PolicySet(identity: [Fixtures.policy([Fixtures.allow("sqs:*", "*")])])
        let result = PolicyEvaluator(policies: policies).evaluate(
            Fixtures.request("sqs:SendMessage", "arn:aws:sqs:us-east-1:999988887777:q"))
        #expect(result.decision == .allowed)
        #expect(result.uncertainties.contains { $0.contains("999988887777") })
        let own = PolicyEvaluator(policies: policies).evaluate(
            Fixtures.request("sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:q"))
        #expect(own.uncertainties.isEmpty)
    }

    @Test(
        arguments: [
            ("arn:aws:sqs:us-east-1:999988887777:q", "999988887777"),
            ("arn:aws:s3:::bucket/key", nil),
            ("arn:aws:iam::aws:policy/ReadOnlyAccess", nil),
            ("*", nil),
        ] as [(String, String?)])
    func readsTheAccountField(arn: String, account: String?) {
        #expect(RequestView.account(inARN: arn) == account)
    }
}
