import PolicyModel

/// A request read once for matching: the action split and lowercased, the resource as bytes
/// with its ARN parts found, and the accounts on both sides.
struct RequestView {
    /// The action as the request spells it, for messages.
    let actionText: String
    /// The account that owns the resource; `nil` means the principal's account.
    let resourceAccount: String?
    let context: [String: ContextValue]
    /// The action's service prefix, lowercased (`s3`); empty when the action has no colon.
    let service: String
    /// The whole action, lowercased, as UTF-8 bytes.
    let action: [UInt8]
    /// The offset in `action` at which the action name starts, after the colon.
    let actionNameStart: Int
    let resource: [UInt8]
    let resourceARN: ARNBounds?
    let principal: PrincipalIdentity

    /// Reads `request`. The principal's ARN is parsed only when `parsesPrincipal`, because only
    /// resource policies, RCPs and cross-account requests look at it.
    init(_ request: AuthorizationRequest, roleARN: String?, parsesPrincipal: Bool) {
        actionText = request.action
        context = request.context
        let action = request.action.utf8.map(\.foldedASCII)
        self.action = action
        if let colon = action.firstIndex(of: UInt8(ascii: ":")) {
            service = String(decoding: action[..<colon], as: UTF8.self)
            actionNameStart = colon + 1
        } else {
            service = ""
            actionNameStart = 0
        }
        resource = Array(request.resource.utf8)
        resourceARN = ARNBounds(resource)
        // The account field of the resource ARN names the owner when the request does not.
        resourceAccount = request.resourceAccount ?? Self.account(inARN: request.resource)
        principal =
            parsesPrincipal || resourceAccount != nil
            ? PrincipalIdentity(request.principal, roleARN: roleARN) : PrincipalIdentity(unparsed: request.principal)
    }

    /// Returns the 12-digit account of an ARN (`arn:aws:sqs:us-east-1:123456789012:q`), or `nil`
    /// when the ARN has none (S3 buckets, AWS managed policies).
    static func account(inARN arn: String) -> String? {
        guard arn.hasPrefix("arn:") else { return nil }
        let parts = arn.utf8.split(separator: UInt8(ascii: ":"), maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[4].count == 12, parts[4].allSatisfy({ $0 &- 48 < 10 }) else { return nil }
        return String(decoding: parts[4], as: UTF8.self)
    }

    /// Calls `body` with the action name after the colon, lowercased.
    func withActionName<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        action.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[actionNameStart...])) }
    }

    /// True when the resource belongs to another account than the principal.
    var isCrossAccount: Bool {
        guard let owner = resourceAccount, let account = principal.account else { return false }
        return owner != account
    }

    /// Looks up a context key case-insensitively without building a new map. The key as the
    /// policy spells it and its lowercase form are tried first.
    func contextValue(_ key: ContextKeyName) -> ContextValue? {
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
        var found = (0, 0, 0, 0, 0)
        var count = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ":") {
            switch count {
            case 0: found.0 = index
            case 1: found.1 = index
            case 2: found.2 = index
            case 3: found.3 = index
            default: found.4 = index
            }
            count += 1
            if count == 5 { break }
        }
        guard count == 5 else { return nil }
        colons = found
    }

    /// Returns the byte range of part `index` (0 is `arn`, 5 is the resource part) in a text
    /// of `length` bytes.
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

/// The caller of a request, in the forms a resource policy's `Principal` may name it.
struct PrincipalIdentity {
    /// The ARN the request carries: a role session, a user, or a service name.
    let arn: String
    /// The role behind a role session, given by the caller or derived from the session ARN
    /// (a derived ARN lacks the role's path).
    let roleARN: String?
    let account: String?

    /// Creates an identity of which only the ARN is known, for requests that need no other part.
    init(unparsed arn: String) {
        self.arn = arn
        roleARN = nil
        account = nil
    }

    init(_ arn: String, roleARN givenRoleARN: String?) {
        self.arn = arn
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn" {
            account = parts[4].isEmpty ? nil : String(parts[4])
            let resource = parts[5]
            if let givenRoleARN {
                roleARN = givenRoleARN
            } else if parts[2] == "sts", resource.hasPrefix("assumed-role/") {
                let roleName = resource.dropFirst("assumed-role/".count).prefix { $0 != "/" }
                roleARN = "arn:\(parts[1]):iam::\(parts[4]):role/\(roleName)"
            } else {
                roleARN = nil
            }
        } else {
            account = arn.utf8.count == 12 && arn.utf8.allSatisfy(\.isDigit) ? arn : nil
            roleARN = givenRoleARN
        }
    }
}
