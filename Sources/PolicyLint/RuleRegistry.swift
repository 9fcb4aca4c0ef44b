/// The registry of every lint rule, in id order.
package enum RuleRegistry {
    package static var all: [any LintRule] { rules }

    package static var descriptors: [RuleDescriptor] { all.map(\.descriptor) }

    private static let rules: [any LintRule] = [
        // Validity
        UnknownActionRule(), ActionResourceMismatchRule(), MalformedARNRule(), UnknownConditionOperatorRule(),
        UnknownConditionKeyRule(), ConditionKeyNotApplicableRule(), ConditionTypeMismatchRule(),
        InvalidConditionValueRule(), PolicyVariableRule(), PolicyVersionRule(), DuplicateSidRule(), InvalidSidRule(),
        PrincipalInIdentityPolicyRule(), EmptyElementRule(), MissingResourceRule(), PolicyShapeRule(),
        // Security
        AllowAllActionsRule(), ServiceWildcardRule(), ScopableResourceWildcardRule(), AllowNotActionRule(),
        AllowNotResourceRule(), PassRoleRule(), PrivilegeEscalationRule(), CredentialExposureRule(),
        DataExfiltrationRule(), PermissionsManagementRule(), WriteOnAnyResourceRule(), ForAllValuesWithoutNullRule(),
        SetOperatorOnSingleValuedKeyRule(), WildcardInExactOperatorRule(),
        // Hygiene
        RedundantActionRule(), RedundantResourceRule(), RedundantStatementRule(), PolicySizeRule(),
        BroadExpandedPolicyRule(),
        // Lambda deployment limits
        MemorySizeRule(), TimeoutRule(), EphemeralStorageRule(), CodeSizeRule(), ImageRuntimeRule(),
    ]
}
