/// The global condition keys (`aws:` prefix) with their types, from the IAM User Guide page
/// "AWS global condition context keys". Keys ending in `/` take a tag key or a similar suffix.
// NOTE: The list is written by hand, so a global key AWS adds later is reported as unknown
// (MR105) until it is added here.
package enum GlobalConditionKeys {
    /// Lowercased key → type (`String`, `ArrayOfString`, `ARN`, `Bool`, `Date`, `Numeric`, `IPAddress`).
    package static var types: [String: String] {
        Dictionary(uniqueKeysWithValues: typesByName.map { ($0.key.lowercased(), $0.value) })
    }

    /// Key as IAM spells it → type.
    package static let typesByName: [String: String] = {
        var table: [String: String] = [:]
        let strings = [
            "aws:CalledViaFirst", "aws:CalledViaLast", "aws:FederatedProvider", "aws:PrincipalAccount",
            "aws:PrincipalOrgID", "aws:PrincipalServiceName", "aws:PrincipalType", "aws:Referer",
            "aws:RequestedRegion", "aws:ResourceAccount", "aws:ResourceOrgID", "aws:SourceAccount",
            "aws:SourceIdentity", "aws:SourceOrgID", "aws:SourceVpc", "aws:SourceVpce", "aws:UserAgent",
            "aws:userid", "aws:username", "aws:Ec2InstanceSourceVpc", "aws:VpceAccount", "aws:VpceOrgID",
            "aws:RoleSessionName",
        ]
        for key in strings { table[key] = "String" }
        let arrays = [
            "aws:CalledVia", "aws:PrincipalOrgPaths", "aws:PrincipalServiceNamesList", "aws:ResourceOrgPaths",
            "aws:SourceOrgPaths", "aws:TagKeys", "aws:VpceOrgPaths",
        ]
        for key in arrays { table[key] = "ArrayOfString" }
        let others: [String: String] = [
            "aws:PrincipalArn": "ARN", "aws:SourceArn": "ARN", "aws:SourceVpcArn": "ARN",
            "aws:MultiFactorAuthPresent": "Bool", "aws:PrincipalIsAWSService": "Bool", "aws:SecureTransport": "Bool",
            "aws:ViaAWSService": "Bool", "aws:IsMcpServiceAction": "Bool",
            "aws:CurrentTime": "Date", "aws:TokenIssueTime": "Date", "aws:EpochTime": "Date",
            "aws:MultiFactorAuthAge": "Numeric",
            "aws:SourceIp": "IPAddress", "aws:VpcSourceIp": "IPAddress",
            "aws:Ec2InstanceSourcePrivateIPv4": "IPAddress",
        ]
        for (key, type) in others { table[key] = type }
        return table
    }()

    private static let lowercasedTypes = types

    /// Prefixes of keys that take a suffix, lowercased.
    package static let prefixes: [String: String] = [
        "aws:principaltag/": "String", "aws:requesttag/": "String", "aws:resourcetag/": "String",
    ]

    /// Returns the type of a global key, or `nil` when IAM defines no such key.
    package static func type(of key: String) -> String? {
        let lowered = key.lowercased()
        if let type = lowercasedTypes[lowered] { return type }
        for (prefix, type) in prefixes where lowered.hasPrefix(prefix) && lowered.count > prefix.count {
            return type
        }
        return nil
    }
}
