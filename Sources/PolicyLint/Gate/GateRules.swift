import Diagnostics

/// The rules the gate itself reports: the two least-privilege comparisons of `minrole check`
/// and the check on suppressions.
package enum GateRules {
    package static let excessPermission = RuleDescriptor(
        id: "MR401", name: "excess-permission",
        title: "The role grants a permission the function's code does not need",
        rationale:
            "Every permission a role grants and the code never uses widens what an attacker who controls the function can do.",
        help:
            "Remove the action, or narrow the resource to the one in the message. Run 'minrole generate' to see the policy the code needs.",
        severity: .error, category: .leastPrivilege, securitySeverity: 5.0)

    package static let missingPermission = RuleDescriptor(
        id: "MR402", name: "missing-permission",
        title: "The function's code needs a permission the role does not grant",
        rationale: "A call the role does not allow fails at run time with AccessDenied.",
        help:
            "Add the action on the resource in the message to the role, or run 'minrole generate' and use the policy it writes.",
        severity: .error, category: .leastPrivilege)

    package static let suppressionWithoutReason = RuleDescriptor(
        id: "MR901", name: "suppression-without-reason",
        title: "A suppression gives no rule id, an unknown rule id or no reason",
        rationale:
            "A reviewer cannot judge a suppression that does not say why the finding is acceptable, so such a suppression is ignored.",
        help:
            "Write the rule id and a reason: '# minrole:ignore MR123 the bucket is public by design', or add 'reason' to the Metadata entry.",
        severity: .warning, category: .hygiene)

    package static let unusedSuppression = RuleDescriptor(
        id: "MR902", name: "unused-suppression", title: "A suppression covers no finding",
        rationale:
            "A suppression that matches nothing is left over from a fixed finding or written on the wrong line, and it would hide a later finding without review.",
        help:
            "Remove the suppression, or move the comment onto the line of the finding or the line before it.",
        severity: .note, category: .hygiene)

    package static let descriptors = [excessPermission, missingPermission, suppressionWithoutReason, unusedSuppression]

    /// Every rule, registered and gate-owned, sorted by id.
    package static var allDescriptors: [RuleDescriptor] {
        var byId: [String: RuleDescriptor] = [:]
        for descriptor in RuleRegistry.descriptors + descriptors + [FileWriteRule.descriptor]
        where byId[descriptor.id] == nil {
            byId[descriptor.id] = descriptor
        }
        return byId.values.sorted { $0.id < $1.id }
    }
}
