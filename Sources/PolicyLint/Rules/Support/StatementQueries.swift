import IAMCatalog
import PolicyModel

extension LocatedStatement {
    /// True when the statement is an `Allow` that names its actions (not `NotAction`).
    var isPlainAllow: Bool { effect == .allow && !isNotAction }

    /// The values of `Resource` that are `*` as written; empty for `NotResource`.
    var wildcardResources: [LocatedValue] {
        isNotResource ? [] : resources.filter { $0.isLiteral && $0.isWildcardOnly }
    }

    /// True when `Resource` is `*` or a list containing `*`.
    var grantsOnAnyResource: Bool { !wildcardResources.isEmpty }

    /// Returns the first located action pattern that matches `action`, ignoring case.
    func actionValue(matching action: String) -> LocatedValue? {
        actions.first { $0.isLiteral && Wildcard.matches($0.text, action, ignoringCase: true) }
    }

    /// True when some condition uses the key, ignoring case as IAM does.
    func hasCondition(key: String) -> Bool {
        conditions.contains { $0.key.text.lowercased() == key.lowercased() }
    }
}

extension LintContext {
    /// True when a resource names every resource of the action's types: `*`, or an ARN whose
    /// resource part after the format's fixed prefix (`table/`, `parameter/`) is only wildcards.
    /// A template value that is only `*` stands for something unresolved, not for every resource.
    func isUnscoped(_ resource: LocatedValue, for action: ActionInfo) -> Bool {
        if resource.isWildcardOnly { return resource.isLiteral }
        return cachedScope(resource: resource.text, action: action.name) {
            computeIsUnscoped(resource.text, for: action)
        }
    }

    private func computeIsUnscoped(_ resource: String, for action: ActionInfo) -> Bool {
        guard let arn = ResourceARN(resource) else { return false }
        for fixed in resourcePrefixes(of: action) where arn.resource.hasPrefix(fixed) {
            let rest = arn.resource.utf8.dropFirst(fixed.utf8.count)
            let wildcardsOnly = rest.allSatisfy { byte in
                byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "/")
                    || byte == UInt8(ascii: ":")
            }
            if !rest.isEmpty && wildcardsOnly { return true }
        }
        return false
    }
}

/// Joins up to `limit` names for a message, saying how many more there are.
func listForMessage(_ names: [String], limit: Int = 3) -> String {
    let shown = names.prefix(limit).joined(separator: ", ")
    return names.count > limit ? "\(shown) and \(names.count - limit) more" : shown
}

extension LocatedStatement {
    /// Returns the value through which this statement allows `action`: the first matching `Action`
    /// pattern, or for `Allow` with `NotAction` the first `NotAction` value when none of them
    /// excludes the action. Returns `nil` when the statement does not allow it. That includes an
    /// action of a service other than the one all its resources name. With `context`, it also
    /// includes an action without resource types when every resource is an ARN, because such
    /// actions apply only to `*`.
    func valueAllowing(_ action: String, in context: LintContext? = nil) -> LocatedValue? {
        guard effect == .allow else { return nil }
        if let services = resourceServices {
            guard services.contains(action.prefix { $0 != ":" }.lowercased()) else { return nil }
            if let context, case .actions(let infos) = context.match(action: action),
                let info = infos.first, info.resourceTypes.isEmpty
            {
                return nil
            }
        }
        if !isNotAction { return actionValue(matching: action) }
        let excluded = actions.contains { $0.isLiteral && Wildcard.matches($0.text, action, ignoringCase: true) }
        return excluded ? nil : actions.first
    }

    /// The lowercased services of the statement's resources, when every resource is an ARN whose
    /// service field has no wildcard or placeholder. It is `nil` for `*`, `NotResource` and others.
    var resourceServices: Set<String>? {
        guard !isNotResource, !resources.isEmpty else { return nil }
        var services: Set<String> = []
        for resource in resources {
            guard let arn = ResourceARN(resource.text), !arn.service.isEmpty, !arn.service.containsVariable,
                !Wildcard.hasWildcard(arn.service)
            else { return nil }
            services.insert(arn.service.lowercased())
        }
        return services
    }
}

/// The services whose actions a policy's `Allow` statements may grant, so that rules looking
/// for particular actions can skip policies that cannot grant them.
struct AllowedServices {
    private var prefixes: Set<String> = []
    /// True when some `Allow` uses `NotAction` or a wildcard in the service prefix.
    private var allowsAnyService = false

    init(_ policy: LocatedPolicy) {
        for statement in policy.statements where statement.effect == .allow {
            if statement.isNotAction {
                allowsAnyService = true
                continue
            }
            for action in statement.actions {
                let prefix = action.text.prefix { $0 != ":" }
                if Wildcard.hasWildcard(String(prefix)) || !action.isLiteral {
                    allowsAnyService = true
                } else {
                    prefixes.insert(prefix.lowercased())
                }
            }
        }
    }

    /// False when no `Allow` statement can grant the action (`iam:PassRole`).
    func mayAllow(_ action: String) -> Bool {
        allowsAnyService || prefixes.contains(action.prefix { $0 != ":" }.lowercased())
    }
}

extension ActionInfo {
    /// True when every request of the action names a resource, so `*` grants more than needed.
    /// An action whose only resource type is optional (cloudwatch:PutMetricData with its
    /// `dataset` type) also has requests without a resource, which IAM checks against `*`.
    /// Several optional types are alternatives (an S3 object or an access point object), one of
    /// which each request names.
    var needsResourceARN: Bool {
        guard resourceTypes.count == 1 else { return !resourceTypes.isEmpty }
        return resourceTypes[0].isRequired
    }
}
