import PolicyModel

/// How a resource-policy statement names the caller, which decides what else must allow the
/// request (IAM User Guide, "Policy evaluation logic": resource-based policies and implicit
/// denies in other policy types). Ordered from the weakest grant to the strongest.
enum PrincipalGrant: Int, Comparable, Sendable {
    case none
    /// The caller's account: the account delegates to its own identity policies.
    case account
    /// `"*"`: everyone, which the engine reads like the role ARN (an open case).
    case wildcard
    /// The role behind the session: limited by the boundary and session policies.
    case role
    /// The session, user or service itself: not limited by identity policies, the boundary or
    /// session policies within the same account.
    case direct

    static func < (lhs: PrincipalGrant, rhs: PrincipalGrant) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The `Principal` or `NotPrincipal` element of a statement, read once.
struct PrincipalPattern: Sendable {
    let isWildcard: Bool
    let awsValues: Set<String>
    /// `Service`, `Federated` and `CanonicalUser` values, compared with the caller's name as is.
    let otherValues: Set<String>

    init(_ principal: Principal) {
        let aws = principal.entries["AWS"] ?? []
        isWildcard = principal.isWildcard || aws.contains("*")
        awsValues = Set(aws)
        otherValues = Set(principal.entries.filter { $0.key != "AWS" }.values.flatMap { $0 })
    }

    func grant(for caller: PrincipalIdentity) -> PrincipalGrant {
        if awsValues.contains(caller.arn) || otherValues.contains(caller.arn) { return .direct }
        if let role = caller.roleARN, awsValues.contains(role) { return .role }
        if isWildcard { return .wildcard }
        if let account = caller.account, namesAccount(account) { return .account }
        return .none
    }

    private func namesAccount(_ account: String) -> Bool {
        if awsValues.contains(account) { return true }
        let rootSuffix = ":iam::\(account):root"
        return awsValues.contains { $0.hasPrefix("arn:") && $0.hasSuffix(rootSuffix) }
    }
}
