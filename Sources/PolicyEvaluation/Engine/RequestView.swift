import PolicyModel

/// A request read once for matching: the action split and lowercased, the resource as bytes
/// with its ARN parts found, and the accounts on both sides.
struct RequestView {
    let request: AuthorizationRequest
    /// The action's service prefix, lowercased (`s3`); empty when the action has no colon.
    let service: String
    /// The whole action, lowercased, as UTF-8 bytes.
    let action: [UInt8]
    /// The action name after the colon, lowercased.
    let actionName: [UInt8]
    let resource: [UInt8]
    let resourceARN: ARNBounds?
    let principal: PrincipalIdentity

    init(_ request: AuthorizationRequest, roleARN: String?) {
        self.request = request
        let action = request.action.utf8.map(\.foldedASCII)
        self.action = action
        if let colon = action.firstIndex(of: UInt8(ascii: ":")) {
            service = String(decoding: action[..<colon], as: UTF8.self)
            actionName = Array(action[(colon + 1)...])
        } else {
            service = ""
            actionName = action
        }
        resource = Array(request.resource.utf8)
        resourceARN = ARNBounds(resource)
        principal = PrincipalIdentity(request.principal, roleARN: roleARN)
    }

    /// True when the resource belongs to another account than the principal.
    var isCrossAccount: Bool {
        guard let owner = request.resourceAccount, let account = principal.account else { return false }
        return owner != account
    }

    /// The value of a context key, compared case-insensitively without building a new map:
    /// the key as the policy spells it and its lowercase form are tried first.
    func contextValue(_ key: ContextKeyName) -> ContextValue? {
        let context = request.context
        if context.isEmpty { return nil }
        if let value = context[key.spelled] ?? context[key.lowercased] { return value }
        for (name, value) in context where name.utf8.count == key.lowercased.utf8.count {
            if name.utf8.lazy.map(\.foldedASCII).elementsEqual(key.lowercased.utf8) { return value }
            if name.lowercased() == key.lowercased { return value }
        }
        return nil
    }
}

/// The positions of the first five colons of an ARN, which split it into partition, service,
/// region, account and resource after the leading `arn`.
struct ARNBounds: Hashable, Sendable {
    private let colons: (Int, Int, Int, Int, Int)

    init?(_ bytes: [UInt8]) {
        var found: [Int] = []
        found.reserveCapacity(5)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ":") {
            found.append(index)
            if found.count == 5 { break }
        }
        guard found.count == 5 else { return nil }
        colons = (found[0], found[1], found[2], found[3], found[4])
    }

    /// The byte range of part `index` (0 is `arn`, 5 is the resource part), within a text of
    /// `length` bytes.
    func part(_ index: Int, length: Int) -> Range<Int> {
        switch index {
        case 0: 0..<colons.0
        case 1: colons.0 + 1..<colons.1
        case 2: colons.1 + 1..<colons.2
        case 3: colons.2 + 1..<colons.3
        case 4: colons.3 + 1..<colons.4
        default: colons.4 + 1..<length
        }
    }

    static func == (lhs: ARNBounds, rhs: ARNBounds) -> Bool { lhs.colons == rhs.colons }

    func hash(into hasher: inout Hasher) {
        hasher.combine(colons.0)
        hasher.combine(colons.4)
    }
}

/// Who makes a request, in the forms a resource policy's `Principal` may name it.
struct PrincipalIdentity {
    /// The ARN the request carries: a role session, a user, or a service name.
    let arn: String
    /// The role behind a role session, given by the caller or derived from the session ARN
    /// (a derived ARN lacks the role's path).
    let roleARN: String?
    let account: String?
    /// True for role sessions and federated-user sessions, the principals session policies apply to.
    let isSession: Bool

    init(_ arn: String, roleARN givenRoleARN: String?) {
        self.arn = arn
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn" {
            account = parts[4].isEmpty ? nil : String(parts[4])
            let resource = parts[5]
            isSession = parts[2] == "sts" && (resource.hasPrefix("assumed-role/") || resource.hasPrefix("federated-user/"))
            if let givenRoleARN {
                roleARN = givenRoleARN
            } else if parts[2] == "sts", resource.hasPrefix("assumed-role/") {
                let roleName = resource.dropFirst("assumed-role/".count).prefix { $0 != "/" }
                roleARN = "arn:\(parts[1]):iam::\(parts[4]):role/\(roleName)"
            } else {
                roleARN = nil
            }
        } else {
            account = arn.utf8.count == 12 && arn.utf8.allSatisfy { $0 &- 48 < 10 } ? arn : nil
            isSession = false
            roleARN = givenRoleARN
        }
    }
}
