import Diagnostics

/// The decision IAM makes on one request, with its explanation.
package enum Decision: String, Sendable {
    case allowed, implicitDeny, explicitDeny
}

/// One statement of one policy, as a report names it.
package struct StatementReference: Sendable, Hashable {
    package var policyName: String
    package var kind: PolicyKind
    package var sid: String?
    /// The statement's position in its policy, from 0.
    package var index: Int
    package var location: SourceLocation?

    package init(policyName: String, kind: PolicyKind, sid: String?, index: Int, location: SourceLocation?) {
        self.policyName = policyName
        self.kind = kind
        self.sid = sid
        self.index = index
        self.location = location
    }
}

/// The decision on one request and the statements behind it.
package struct EvaluationResult: Sendable, Hashable {
    package var decision: Decision
    /// Explicit deny: the matching Deny statements. Allowed: every identity and resource-policy
    /// Allow statement that matched. Implicit deny: empty.
    package var matchedStatements: [StatementReference]
    /// Implicit deny: the level that lacked an Allow (identity, boundary, session, an SCP level,
    /// or the resource policy where one is required).
    package var deniedBy: PolicyKind?
    /// Context keys that a condition of a statement matching by action and resource used and
    /// the request lacked, as the policy spells them.
    package var missingContextKeys: [String]
    /// Cases the documentation leaves open that affected this decision, and policy text that
    /// IAM would reject (see docs/evaluation.md).
    package var uncertainties: [String]

    package init(
        decision: Decision,
        matchedStatements: [StatementReference] = [],
        deniedBy: PolicyKind? = nil,
        missingContextKeys: [String] = [],
        uncertainties: [String] = []
    ) {
        self.decision = decision
        self.matchedStatements = matchedStatements
        self.deniedBy = deniedBy
        self.missingContextKeys = missingContextKeys
        self.uncertainties = uncertainties
    }
}
