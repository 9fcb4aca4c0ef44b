import Diagnostics
import Documents

extension PolicyReader {
    /// Reads one statement. A statement that cannot grant or deny anything as written is
    /// reported and left out.
    func statement(_ node: Node) -> Statement? {
        guard let pairs = node.mapping else {
            report(.invalidStatement, "a statement is a mapping with Effect, Action and Resource", node)
            return nil
        }
        var parts = StatementParts()
        let errorsBefore = errors.count
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            read(key: key, pair: pair, into: &parts)
        }
        // AWS rejects a policy with a malformed element, so such a statement is left out
        // rather than read as granting or denying less than it was written to.
        guard errors.count == errorsBefore else { return nil }
        return parts.statement(at: node, reader: self)
    }

    private func read(key: String, pair: Node.Pair, into parts: inout StatementParts) {
        switch key {
        case "Sid": parts.sid = pair.value.scalar
        case "Effect": parts.effect = pair.value
        case "Action", "NotAction":
            parts.actionKeys.append(key)
            parts.actions = strings(pair.value, element: key)
            parts.isNotAction = key == "NotAction"
        case "Resource", "NotResource":
            parts.resourceKeys.append(key)
            parts.resources = patterns(pair.value, element: key)
            parts.isNotResource = key == "NotResource"
        case "Principal", "NotPrincipal":
            parts.principal = principal(pair.value)
            parts.isNotPrincipal = key == "NotPrincipal"
        case "Condition": parts.conditions = conditions(pair.value)
        default:
            diagnostics.report(
                .warning, .unknownPolicyElement, "'\(key)' is not an element of a statement; it is ignored",
                at: pair.key.location, notes: ["check the spelling; IAM element names are case-sensitive"])
        }
    }

    /// Reads a string or a list of strings, as `Action` takes.
    func strings(_ node: Node, element: String) -> [String] {
        patterns(node, element: element).map(\.description)
    }

    func patterns(_ node: Node, element: String) -> [PatternString] {
        let items = node.sequence ?? [node]
        var result: [PatternString] = []
        for item in items {
            guard let pattern = value(item) else {
                report(.invalidStatement, "\(element) holds a string or a list of strings", item)
                continue
            }
            result.append(pattern)
        }
        return result
    }

    private func principal(_ node: Node) -> Principal? {
        if node.scalar == "*" { return .any }
        guard let pairs = node.mapping else {
            report(.invalidStatement, "Principal is \"*\" or a mapping such as {\"AWS\": \"arn:...\"}", node)
            return nil
        }
        var principal = Principal()
        for pair in pairs {
            guard let kind = pair.key.scalar else { continue }
            principal.entries[kind, default: []] += strings(pair.value, element: "Principal \(kind)")
        }
        return principal
    }

    private func conditions(_ node: Node) -> [Condition] {
        guard let operators = node.mapping else {
            report(.invalidStatement, "Condition is a mapping of operators to {key: value} mappings", node)
            return []
        }
        var result: [Condition] = []
        for entry in operators {
            guard let name = entry.key.scalar, let keys = entry.value.mapping else {
                report(.invalidStatement, "a condition operator maps condition keys to values", entry.value)
                continue
            }
            for key in keys {
                guard let keyName = key.key.scalar else { continue }
                let values = patterns(key.value, element: "condition \(keyName)")
                result.append(Condition(conditionOperator: name, key: keyName, values: values))
            }
        }
        return result
    }
}

/// The parts of a statement as they are read, checked once all keys are seen.
private struct StatementParts {
    var sid: String?
    var effect: Node?
    var actionKeys: [String] = []
    var actions: [String] = []
    var isNotAction = false
    var resourceKeys: [String] = []
    var resources: [PatternString] = []
    var isNotResource = false
    var principal: Principal?
    var isNotPrincipal = false
    var conditions: [Condition] = []

    func statement(at node: Node, reader: PolicyReader) -> Statement? {
        guard let effectNode = effect, let effectText = effectNode.scalar, let effect = Effect(rawValue: effectText)
        else {
            reader.report(.invalidStatement, "Effect must be \"Allow\" or \"Deny\"", effect ?? node)
            return nil
        }
        guard actionKeys.count == 1 else {
            let message =
                actionKeys.isEmpty
                ? "the statement has no Action or NotAction" : "the statement has both Action and NotAction"
            reader.report(.invalidStatement, message, node)
            return nil
        }
        guard resourceKeys.count <= 1 else {
            reader.report(.invalidStatement, "the statement has both Resource and NotResource", node)
            return nil
        }
        return Statement(
            sid: sid, effect: effect, actions: actions, isNotAction: isNotAction,
            resources: resources, isNotResource: isNotResource,
            conditions: conditions, principal: principal, isNotPrincipal: isNotPrincipal, location: node.location)
    }
}
