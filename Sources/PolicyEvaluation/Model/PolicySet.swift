import PolicyModel

/// The place a policy takes in IAM's decision: what it is attached to and how its statements
/// combine with the others.
package enum PolicyKind: String, Sendable, Hashable {
    case identity, permissionsBoundary, session, resource, serviceControl, resourceControl
}

/// A policy and where it came from.
package struct NamedPolicy: Sendable, Hashable {
    /// A file path, or a place in a template such as `Template.yaml: MyFunctionRole/Policies[0]`.
    package var name: String
    package var kind: PolicyKind
    package var document: PolicyDocument
    /// For a resource policy: the ARN of the resource it is attached to (IAM wildcards
    /// allowed), so one policy set can hold the policies of several resources. `nil` applies
    /// the policy to the resource of every request.
    package var attachedTo: String?

    package init(name: String, kind: PolicyKind, document: PolicyDocument, attachedTo: String? = nil) {
        self.name = name
        self.kind = kind
        self.document = document
        self.attachedTo = attachedTo
    }
}

/// Every policy that applies to the calls of one principal.
package struct PolicySet: Sendable {
    package var identity: [NamedPolicy]
    package var permissionsBoundary: NamedPolicy?
    /// Session policies passed when the session was created; `nil` when none was passed. An
    /// empty array means a session policy was passed and allows nothing.
    package var sessionPolicies: [NamedPolicy]?
    /// Policies attached to the resources the calls touch: bucket and queue policies, key
    /// policies, role trust policies. Each applies to the requests on the resource it is
    /// `attachedTo`, or to every request when it names none.
    package var resourcePolicies: [NamedPolicy]
    /// Service control policies of the principal's account, one array per level of the
    /// organization from the root to the account; empty when no SCPs apply.
    package var serviceControlLevels: [[NamedPolicy]]
    /// Resource control policies of the resource's account, root first; empty when none apply.
    package var resourceControlLevels: [[NamedPolicy]]
    /// The role whose sessions make the calls, for matching resource-policy principals that
    /// name the role rather than the session.
    package var roleARN: String?

    package init(
        identity: [NamedPolicy],
        permissionsBoundary: NamedPolicy? = nil,
        sessionPolicies: [NamedPolicy]? = nil,
        resourcePolicies: [NamedPolicy] = [],
        serviceControlLevels: [[NamedPolicy]] = [],
        resourceControlLevels: [[NamedPolicy]] = [],
        roleARN: String? = nil
    ) {
        self.identity = identity
        self.permissionsBoundary = permissionsBoundary
        self.sessionPolicies = sessionPolicies
        self.resourcePolicies = resourcePolicies
        self.serviceControlLevels = serviceControlLevels
        self.resourceControlLevels = resourceControlLevels
        self.roleARN = roleARN
    }
}
