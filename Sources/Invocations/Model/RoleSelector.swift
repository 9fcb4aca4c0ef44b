/// A filter for the recorded calls of the role under test. Each given field must match, and
/// with every field `nil`, every call is kept.
package struct RoleSelector: Sendable, Hashable {
    /// The role ARN (`arn:aws:iam::123456789012:role/path/name`), matched against a CloudTrail
    /// session issuer or, failing that, the account and role name of the session ARN.
    package var roleARN: String?
    /// The role name, without its path.
    package var roleName: String?
    /// The function name, which Lambda uses as the role session name.
    package var functionName: String?

    package init(roleARN: String? = nil, roleName: String? = nil, functionName: String? = nil) {
        self.roleARN = roleARN
        self.roleName = roleName
        self.functionName = functionName
    }

    package var keepsEverything: Bool { roleARN == nil && roleName == nil && functionName == nil }

    /// Byte strings every record of the role contains, so that other records can be skipped
    /// before they are parsed. The role ARN is searched by its role name because the session ARN
    /// (`assumed-role/NAME/SESSION`) leaves out the role's path.
    var requiredTexts: [[UInt8]] {
        var texts: [[UInt8]] = []
        for text in [roleARN.map(Self.roleName(fromRoleARN:)), roleName, functionName] {
            guard let text, !text.isEmpty, !texts.contains(Array(text.utf8)) else { continue }
            texts.append(Array(text.utf8))
        }
        return texts
    }

    /// Returns whether a call by `principal` belongs to the role. `sessionIssuer` is the role ARN
    /// CloudTrail records for a role session, when known. Roles compare by account and name,
    /// because a role name is unique in its account whatever its path, and users often give the
    /// ARN without the path. IAM role names are case-insensitive, so they compare that way.
    package func matches(principal: String, sessionIssuer: String? = nil) -> Bool {
        let session = RoleSession(principal: principal)
        let caller: RoleIdentity? =
            sessionIssuer.flatMap(RoleIdentity.init(roleARN:)) ?? session.map(RoleIdentity.init(session:))
            ?? RoleIdentity(roleARN: principal)
        if let roleARN {
            guard let caller, let selected = RoleIdentity(roleARN: roleARN), caller == selected else { return false }
        }
        if let roleName {
            guard caller?.lowercasedName == roleName.lowercased() else { return false }
        }
        if let functionName {
            guard session?.sessionName == functionName else { return false }
        }
        return true
    }

    static func roleName(fromRoleARN arn: String) -> String {
        String(arn.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    }

    static func account(ofARN arn: String) -> String? {
        guard arn.hasPrefix("arn:"), ARNScope.field(5, ofARN: arn) != nil else { return nil }
        return ARNScope.field(4, ofARN: arn).map(String.init)
    }
}

/// A role by its account and lowercased name, the parts that identify it.
struct RoleIdentity: Hashable {
    var account: String
    var lowercasedName: String

    /// Reads `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`; returns `nil` for other ARNs.
    init?(roleARN: String) {
        guard roleARN.hasPrefix("arn:"), ARNScope.field(2, ofARN: roleARN) == "iam",
            let account = ARNScope.field(4, ofARN: roleARN), let resource = ARNScope.field(5, ofARN: roleARN),
            resource.hasPrefix("role/")
        else { return nil }
        self.account = String(account)
        lowercasedName = RoleSelector.roleName(fromRoleARN: String(resource)).lowercased()
    }

    init(session: RoleSession) {
        account = session.account
        lowercasedName = session.roleName.lowercased()
    }
}

/// The parts of a role session ARN, `arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
struct RoleSession: Hashable {
    var partition: String
    var account: String
    var roleName: String
    var sessionName: String

    init?(principal: String) {
        guard principal.hasPrefix("arn:"), ARNScope.field(2, ofARN: principal) == "sts",
            let partition = ARNScope.field(1, ofARN: principal), let account = ARNScope.field(4, ofARN: principal),
            let resource = ARNScope.field(5, ofARN: principal), resource.hasPrefix("assumed-role/"),
            resource.endIndex == principal.endIndex
        else { return nil }
        let names = resource.dropFirst("assumed-role/".count)
        guard let slash = names.firstIndex(of: "/") else { return nil }
        let role = names[..<slash]
        let session = names[names.index(after: slash)...]
        guard !role.isEmpty, !session.isEmpty else { return nil }
        self.partition = String(partition)
        self.account = String(account)
        roleName = String(role)
        sessionName = String(session)
    }

    /// The role's ARN without its path, which the session ARN does not record.
    var roleARNWithoutPath: String { "arn:\(partition):iam::\(account):role/\(roleName)" }
}
