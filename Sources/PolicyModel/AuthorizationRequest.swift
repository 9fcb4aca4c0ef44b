import Diagnostics

/// The value of one request context key. IAM sends every value as text; a key is single-valued
/// (`aws:SourceIp`) or multivalued (`aws:TagKeys`), and set operators treat the two apart.
package struct ContextValue: Hashable, Sendable {
    package var values: [String]
    package var isMultivalued: Bool

    package init(_ value: String) {
        self.values = [value]
        self.isMultivalued = false
    }

    package init(multivalued values: [String]) {
        self.values = values
        self.isMultivalued = true
    }
}

/// One call a principal made, or would make, in the terms IAM decides on: who, which action, on which
/// resource, and the request context. Recorded invocations (CloudTrail events, AccessDenied
/// messages, JSON Lines) become these, and the decision engine takes them.
package struct AuthorizationRequest: Hashable, Sendable {
    /// The calling principal's ARN: a role session (`arn:aws:sts::123456789012:assumed-role/R/S`)
    /// or a role, user or service.
    package var principal: String
    /// `service:Action`, as IAM names it (`s3:GetObject`).
    package var action: String
    /// The resource ARN, or `*` for actions without a resource.
    package var resource: String
    /// The account that owns the resource, when known; `nil` means the principal's account.
    package var resourceAccount: String?
    /// Context keys as the request carries them (`aws:SourceIp`, `s3:prefix`, ...). Keys compare
    /// case-insensitively; the evaluator lowercases them.
    package var context: [String: ContextValue]
    /// The file and line (or record number) the call was recorded at, for reports.
    package var origin: SourceLocation?

    package init(
        principal: String,
        action: String,
        resource: String,
        resourceAccount: String? = nil,
        context: [String: ContextValue] = [:],
        origin: SourceLocation? = nil
    ) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.resourceAccount = resourceAccount
        self.context = context
        self.origin = origin
    }
}
