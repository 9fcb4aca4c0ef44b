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
        location: SourceLocation? = nil
    ) {
        self.sid = sid
        self.effect = effect
        self.actions = actions
        self.isNotAction = isNotAction
        self.resources = resources
        self.isNotResource = isNotResource
        self.conditions = conditions
        self.location = location
    }
}

/// An IAM policy document.
package struct PolicyDocument: Hashable, Sendable {
    package static let currentVersion = "2012-10-17"

    package var version: String?
    package var statements: [Statement]

    package init(version: String? = PolicyDocument.currentVersion, statements: [Statement]) {
        self.version = version
        self.statements = statements
    }
}
