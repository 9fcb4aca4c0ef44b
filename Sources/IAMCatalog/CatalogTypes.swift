/// An IAM access level, as the Service Authorization Reference lists it.
package enum AccessLevel: String, Sendable, Hashable, CaseIterable {
    case list = "List"
    case read = "Read"
    case write = "Write"
    case permissionsManagement = "Permissions management"
    case tagging = "Tagging"
}

/// An IAM action name such as `s3:GetObject`. The prefix is stored lowercased; the name keeps
/// the catalog's spelling.
package struct ActionName: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var prefix: String
    package var name: String

    package init(prefix: String, name: String) {
        self.prefix = prefix.lowercased()
        self.name = name
    }

    /// Parses `prefix:Name`; `nil` when there is no single colon or either side is empty.
    package init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(prefix: String(parts[0]), name: String(parts[1]))
    }

    package var description: String { "\(prefix):\(name)" }

    package static func < (lhs: ActionName, rhs: ActionName) -> Bool {
        (lhs.prefix, lhs.name.lowercased()) < (rhs.prefix, rhs.name.lowercased())
    }
}

/// A resource type an action can apply to.
package struct ActionResourceType: Sendable, Hashable {
    package var name: String
    /// True when the action always acts on this resource type (marked with `*` in the
    /// Service Authorization Reference).
    package var isRequired: Bool
    package var conditionKeys: [String]
    package var dependentActions: [ActionName]

    package init(name: String, isRequired: Bool, conditionKeys: [String] = [], dependentActions: [ActionName] = []) {
        self.name = name
        self.isRequired = isRequired
        self.conditionKeys = conditionKeys
        self.dependentActions = dependentActions
    }
}

package struct ActionInfo: Sendable, Hashable {
    package var name: ActionName
    package var accessLevel: AccessLevel
    package var resourceTypes: [ActionResourceType]
    package var conditionKeys: [String]
    package var dependentActions: [ActionName]

    package init(
        name: ActionName,
        accessLevel: AccessLevel,
        resourceTypes: [ActionResourceType],
        conditionKeys: [String],
        dependentActions: [ActionName]
    ) {
        self.name = name
        self.accessLevel = accessLevel
        self.resourceTypes = resourceTypes
        self.conditionKeys = conditionKeys
        self.dependentActions = dependentActions
    }

    /// True when the action can be scoped to a resource ARN. Actions without resource types are
    /// requested on `*`.
    package var supportsResources: Bool { !resourceTypes.isEmpty }
}

package struct ResourceTypeInfo: Sendable, Hashable {
    package var name: String
    /// ARN formats with `${Partition}`, `${Region}`, `${Account}` and resource variables.
    package var arnFormats: [String]
    package var conditionKeys: [String]

    package init(name: String, arnFormats: [String], conditionKeys: [String]) {
        self.name = name
        self.arnFormats = arnFormats
        self.conditionKeys = conditionKeys
    }
}

package struct ConditionKeyInfo: Sendable, Hashable {
    package var name: String
    /// `String`, `ARN`, `Numeric`, `Date`, `Bool`, `IPAddress`, `Binary`, `ArrayOfString`, ...
    package var types: [String]

    package init(name: String, types: [String]) {
        self.name = name
        self.types = types
    }
}

/// One IAM service prefix with its actions, resource types and condition keys.
package struct ServiceInfo: Sendable {
    package var prefix: String
    package var name: String
    /// Keyed by the lowercased action name.
    package var actions: [String: ActionInfo]
    /// Keyed by the resource type name as the catalog spells it.
    package var resourceTypes: [String: ResourceTypeInfo]
    /// Keyed by the lowercased condition key.
    package var conditionKeys: [String: ConditionKeyInfo]

    package init(
        prefix: String,
        name: String,
        actions: [String: ActionInfo],
        resourceTypes: [String: ResourceTypeInfo],
        conditionKeys: [String: ConditionKeyInfo]
    ) {
        self.prefix = prefix
        self.name = name
        self.actions = actions
        self.resourceTypes = resourceTypes
        self.conditionKeys = conditionKeys
    }

    package func action(named name: String) -> ActionInfo? { actions[name.lowercased()] }
}
