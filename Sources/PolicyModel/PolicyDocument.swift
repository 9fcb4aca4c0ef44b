import Diagnostics

/// `Allow` or `Deny`; IAM spells them case-sensitively.
package enum Effect: String, Sendable, Hashable {
    case allow = "Allow"
    case deny = "Deny"
}

/// One condition of a statement: `"StringEquals": {"cloudwatch:namespace": ["Shop"]}`.
package struct Condition: Hashable, Sendable, Comparable {
    package var conditionOperator: String
    package var key: String
    package var values: [PatternString]

    package init(conditionOperator: String, key: String, values: [PatternString]) {
        self.conditionOperator = conditionOperator
        self.key = key
        self.values = values.sorted()
    }

    package static func < (lhs: Condition, rhs: Condition) -> Bool {
        (lhs.conditionOperator, lhs.key, lhs.values.map(\.description).joined(separator: "\n"))
            < (rhs.conditionOperator, rhs.key, rhs.values.map(\.description).joined(separator: "\n"))
    }
}

/// The `Principal` or `NotPrincipal` of a resource-policy statement: `"*"`, or principals by
/// kind (`AWS`, `Service`, `Federated`, `CanonicalUser`) with their values as written.
package struct Principal: Hashable, Sendable {
    package var isWildcard: Bool
    package var entries: [String: [String]]

    package init(isWildcard: Bool = false, entries: [String: [String]] = [:]) {
        self.isWildcard = isWildcard
        self.entries = entries
    }

    package static let any = Principal(isWildcard: true)
}

/// A policy statement. Generated statements name actions and resources; statements read from
/// an existing policy may use `NotAction` and `NotResource` instead.
package struct Statement: Hashable, Sendable {
    package var sid: String?
    package var effect: Effect
    package var actions: [String]
    package var isNotAction: Bool
    package var resources: [PatternString]
    package var isNotResource: Bool
    package var conditions: [Condition]
    /// The principal of a resource-policy statement; identity policies have none.
    package var principal: Principal?
    package var isNotPrincipal: Bool
    /// Where the statement was written, for statements read from a file.
    package var location: SourceLocation?

    package init(
        sid: String? = nil,
        effect: Effect = .allow,
        actions: [String],
        isNotAction: Bool = false,
        resources: [PatternString],
        isNotResource: Bool = false,
        conditions: [Condition] = [],
        principal: Principal? = nil,
        isNotPrincipal: Bool = false,
        location: SourceLocation? = nil
    ) {
        self.sid = sid
        self.effect = effect
        self.actions = actions
        self.isNotAction = isNotAction
        self.resources = resources
        self.isNotResource = isNotResource
        self.conditions = conditions
        self.principal = principal
        self.isNotPrincipal = isNotPrincipal
        self.location = location
    }
}

/// An IAM policy document.
package struct PolicyDocument: Hashable, Sendable {
    package static let currentVersion = "2012-10-17"

    package var version: String?
    package var id: String?
    package var statements: [Statement]
    /// The start of the document, for documents read from a file.
    package var location: SourceLocation?

    package init(
        version: String? = PolicyDocument.currentVersion,
        id: String? = nil,
        statements: [Statement],
        location: SourceLocation? = nil
    ) {
        self.version = version
        self.id = id
        self.statements = statements
        self.location = location
    }
}
