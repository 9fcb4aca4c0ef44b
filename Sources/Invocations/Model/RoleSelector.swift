/// Which recorded calls belong to the role under test. Each given field must match; with every
/// field `nil`, every call is kept.
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
    /// CloudTrail records for a role session, when known.
    package func matches(principal: String, sessionIssuer: String? = nil) -> Bool {
        let session = RoleSession(principal: principal)
        if let roleARN {
            if let sessionIssuer {
                guard Self.sameRoleARN(sessionIssuer, roleARN) else { return false }
            } else if Self.sameRoleARN(principal, roleARN) {
                // The principal is the role itself, as in a request line.
            } else {
                guard let session, session.account == Self.account(ofARN: roleARN),
                    session.roleName == Self.roleName(fromRoleARN: roleARN)
                else { return false }
            }
        }
        if let roleName {
            let issuerName = sessionIssuer.map(Self.roleName(fromRoleARN:))
            let principalName = session?.roleName ?? Self.iamRoleName(principal)
            guard issuerName == roleName || principalName == roleName else { return false }
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
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 ? String(parts[4]) : nil
    }

    private static func iamRoleName(_ arn: String) -> String? {
        arn.contains(":role/") ? roleName(fromRoleARN: arn) : nil
    }

    private static func sameRoleARN(_ first: String, _ second: String) -> Bool {
        first == second || (iamRoleName(first) != nil && first.lowercased() == second.lowercased())
    }
}

/// The parts of a role session ARN, `arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
struct RoleSession: Hashable {
    var partition: String
    var account: String
    var roleName: String
    var sessionName: String

    init?(principal: String) {
        let parts = principal.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "sts", parts[5].hasPrefix("assumed-role/") else {
            return nil
        }
        let names = parts[5].dropFirst("assumed-role/".count).split(
            separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty else { return nil }
        partition = String(parts[1])
        account = String(parts[4])
        roleName = String(names[0])
        sessionName = String(names[1])
    }

    /// The role's ARN without its path, which the session ARN does not record.
    var roleARNWithoutPath: String { "arn:\(partition):iam::\(account):role/\(roleName)" }
}
