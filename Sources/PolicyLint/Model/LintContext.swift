import Diagnostics
import IAMCatalog

/// The catalog actions that an action pattern from a policy matches.
package enum ActionMatch: Sendable {
    /// `*`, or a pattern with a wildcard in the service prefix: it may name any action.
    case any
    /// Not `prefix:name`.
    case malformed
    case unknownService(String)
    /// The catalog actions the pattern matches; empty when it names none.
    case actions([ActionInfo])

    /// The matched actions, or `nil` when the pattern may name any action or none is known.
    package var knownActions: [ActionInfo]? {
        if case .actions(let list) = self, !list.isEmpty { return list }
        return nil
    }
}

/// The catalog and caches that rules share while linting one input. Not shared across threads.
package final class LintContext {
    package let catalog: Catalog
    /// The sink for files that rules could not read (a Dockerfile, a code folder).
    package let diagnostics: DiagnosticSink
    /// The ids of the rules that run, so a rule can leave out what a broader finding implies.
    package var enabledRuleIds: Set<String> = []
    private var actionCache: [String: ActionMatch] = [:]
    private var formatCache: [FormatKey: Bool] = [:]
    private var formatsCache: [ActionName: [String]] = [:]
    private var prefixesCache: [ActionName: [String]] = [:]
    private var scopeCache: [ScopeKey: Bool] = [:]

    private struct FormatKey: Hashable {
        var resource: String
        var format: String
    }

    private struct ScopeKey: Hashable {
        var resource: String
        var action: ActionName
    }

    package init(catalog: Catalog, diagnostics: DiagnosticSink = DiagnosticSink()) {
        self.catalog = catalog
        self.diagnostics = diagnostics
    }

    /// Matches an action pattern (`s3:Get*`) against the catalog, ignoring case as IAM does.
    package func match(action text: String) -> ActionMatch {
        if let cached = actionCache[text] { return cached }
        let result = computeMatch(text)
        actionCache[text] = result
        return result
    }

    private func computeMatch(_ text: String) -> ActionMatch {
        if text.utf8.allSatisfy({ $0 == UInt8(ascii: "*") }) && !text.isEmpty { return .any }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.utf8.count <= Wildcard.maximumLength,
            !text.contains(where: { $0 == " " || $0 == "," })
        else { return .malformed }
        let prefix = String(parts[0])
        if Wildcard.hasWildcard(prefix) { return .any }
        guard let service = catalog.service(prefix: prefix) else { return .unknownService(prefix) }
        let name = String(parts[1])
        if !Wildcard.hasWildcard(name) { return .actions(service.action(named: name).map { [$0] } ?? []) }
        let lowered = name.lowercased()
        let matched = service.actions.values.filter { Wildcard.matches(lowered, $0.name.name.lowercased()) }
        return .actions(matched.sorted { $0.name < $1.name })
    }

    /// Returns the actions a list of patterns names, without duplicates. Returns `nil` when a
    /// pattern may name any action or is not in the catalog, because then the set is not known.
    package func knownActions(_ patterns: [LocatedValue]) -> [ActionInfo]? {
        var seen = Set<ActionName>()
        var result: [ActionInfo] = []
        for pattern in patterns {
            guard pattern.isLiteral, let actions = match(action: pattern.text).knownActions else { return nil }
            for action in actions where seen.insert(action.name).inserted { result.append(action) }
        }
        return result
    }

    /// Returns the ARN formats of an action's resource types, cached per action.
    package func arnFormats(of action: ActionInfo) -> [String] {
        if let cached = formatsCache[action.name] { return cached }
        var formats: [String] = []
        if let service = catalog.service(prefix: action.name.prefix) {
            formats = action.resourceTypes.flatMap { type -> [String] in
                service.resourceTypes[type.name]?.arnFormats
                    ?? catalog.resourceType(prefix: action.name.prefix, name: type.name)?.arnFormats ?? []
            }
        }
        formatsCache[action.name] = formats
        return formats
    }

    /// Returns the fixed start of the resource part of each of the action's ARN formats, up to the first
    /// variable (`table/` for DynamoDB tables, empty for S3 objects), cached per action.
    package func resourcePrefixes(of action: ActionInfo) -> [String] {
        if let cached = prefixesCache[action.name] { return cached }
        let prefixes = arnFormats(of: action).compactMap { format in
            ResourceARN(format).map { String($0.resource.prefix { $0 != "$" }) }
        }
        prefixesCache[action.name] = prefixes
        return prefixes
    }

    /// Returns whether a resource pattern can name a resource of the ARN format, cached.
    package func canMatch(resource: String, format: String) -> Bool {
        let key = FormatKey(resource: resource, format: format)
        if let cached = formatCache[key] { return cached }
        let result = ARNFormatMatch.canMatch(resource: resource, format: format)
        formatCache[key] = result
        return result
    }

    /// Returns the type of a condition key (`String`, `ArrayOfString`, ...), from the global keys or the
    /// service's catalog; `nil` when the key is unknown.
    package func conditionKeyType(_ key: String) -> String? {
        if key.lowercased().hasPrefix("aws:") { return GlobalConditionKeys.type(of: key) }
        return serviceConditionKey(key)?.types.first
    }

    /// Returns the catalog entry of a service condition key, matching keys with a suffix such as
    /// `s3:ExistingObjectTag/<key>` or `ec2:ResourceTag/${TagKey}` by the part before the `/`.
    package func serviceConditionKey(_ key: String) -> ConditionKeyInfo? {
        guard let colon = key.firstIndex(of: ":"), let service = catalog.service(prefix: String(key[..<colon])) else {
            return nil
        }
        let lowered = key.lowercased()
        if let exact = service.conditionKeys[lowered] { return exact }
        guard let slash = lowered.firstIndex(of: "/") else { return nil }
        let head = lowered[...slash]
        return service.conditionKeys.first { $0.key.hasPrefix(head) && $0.key.contains("/") }?.value
    }

    /// Returns the cached result for a resource and an action, computing it on first use.
    func cachedScope(resource: String, action: ActionName, compute: () -> Bool) -> Bool {
        let key = ScopeKey(resource: resource, action: action)
        if let cached = scopeCache[key] { return cached }
        let result = compute()
        scopeCache[key] = result
        return result
    }

    /// True when IAM defines the key's service prefix.
    package func isKnownService(_ prefix: String) -> Bool {
        catalog.service(prefix: prefix) != nil
    }
}
