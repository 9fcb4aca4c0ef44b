import Diagnostics
import Documents
import PolicyModel

/// Builds `LocatedPolicy` values from a node tree. Parts of the wrong shape are skipped here:
/// `PolicyReader` reports them, and the rules see only what could be read.
package struct PolicyLocator {
    /// Turns a scalar or a template intrinsic into a located value; `nil` when it is neither.
    package typealias ValueReader = (Node) -> LocatedValue?

    package let value: ValueReader

    package init(value: @escaping ValueReader = PolicyLocator.literal) {
        self.value = value
    }

    /// Returns a scalar's text as written, with its end where the scalar fits on one line.
    package static func literal(_ node: Node) -> LocatedValue? {
        guard case .scalar(let text, let style) = node.content, node.tag == nil else { return nil }
        return LocatedValue(text: text, location: node.location, endLocation: endLocation(of: node, text, style))
    }

    /// Returns the column after a one-line scalar, counted from its text: quotes add two
    /// columns. Escapes make the written span longer than the text, so then the end is left out.
    // NOTE: Counting characters is a stand-in until the parser records where each node ends.
    // A tab or a wide character in the scalar can shift the column an editor shows.
    static func endLocation(of node: Node, _ text: String, _ style: Node.ScalarStyle) -> SourceLocation? {
        let start = node.location
        guard start.line > 0, start.column > 0, !text.contains("\n") else { return nil }
        switch style {
        case .plain: break
        case .singleQuoted, .doubleQuoted:
            if text.contains("\\") || text.contains("'") || text.contains("\"") { return nil }
        case .literal, .folded: return nil
        }
        let quotes = style == .plain ? 0 : 2
        return SourceLocation(
            file: start.file, line: start.line, column: start.column + text.unicodeScalars.count + quotes)
    }

    /// Reads one policy document node.
    package func policy(_ node: Node, subject: String?, origin: PolicyOrigin) -> LocatedPolicy? {
        guard let pairs = node.mapping else { return nil }
        var policy = LocatedPolicy(subject: subject, origin: origin, location: node.location)
        for pair in pairs {
            switch pair.key.scalar {
            case "Version":
                policy.version = value(pair.value)
            case "Statement":
                if isEmptyCollection(pair.value) { policy.emptyElements.append(keyValue(pair.key)) }
                let items = pair.value.sequence ?? [pair.value]
                for item in items where item.mapping != nil {
                    policy.statements.append(statement(item, index: policy.statements.count, into: &policy))
                }
            default:
                continue
            }
        }
        return policy
    }

    private func statement(_ node: Node, index: Int, into policy: inout LocatedPolicy) -> LocatedStatement {
        var statement = LocatedStatement(index: index, location: node.location)
        for pair in node.mapping ?? [] {
            guard let key = pair.key.scalar else { continue }
            if isEmptyCollection(pair.value) { policy.emptyElements.append(keyValue(pair.key)) }
            switch key {
            case "Sid": statement.sid = value(pair.value)
            case "Effect": statement.effect = pair.value.scalar.flatMap(Effect.init(rawValue:))
            case "Action", "NotAction":
                statement.actions = values(pair.value)
                statement.isNotAction = key == "NotAction"
            case "Resource", "NotResource":
                statement.resources = values(pair.value)
                statement.isNotResource = key == "NotResource"
                statement.hasResourceElement = true
            case "Principal", "NotPrincipal": statement.principalKey = keyValue(pair.key)
            case "Condition": statement.conditions = conditions(pair.value, emptyElements: &policy.emptyElements)
            default: continue
            }
        }
        return statement
    }

    private func conditions(_ node: Node, emptyElements: inout [LocatedValue]) -> [LocatedCondition] {
        var result: [LocatedCondition] = []
        for entry in node.mapping ?? [] {
            guard let operatorName = LocatedValue.key(entry.key) else { continue }
            if isEmptyCollection(entry.value) { emptyElements.append(operatorName) }
            for pair in entry.value.mapping ?? [] {
                guard let key = LocatedValue.key(pair.key) else { continue }
                if isEmptyCollection(pair.value) { emptyElements.append(key) }
                result.append(LocatedCondition(operatorName: operatorName, key: key, values: values(pair.value)))
            }
        }
        return result
    }

    private func values(_ node: Node) -> [LocatedValue] {
        if node.tag == nil, let items = node.sequence { return items.compactMap(value) }
        return value(node).map { [$0] } ?? []
    }

    private func keyValue(_ node: Node) -> LocatedValue {
        LocatedValue.key(node) ?? LocatedValue(text: "", location: node.location)
    }

    private func isEmptyCollection(_ node: Node) -> Bool {
        guard node.tag == nil else { return false }
        if let items = node.sequence { return items.isEmpty }
        if let pairs = node.mapping { return pairs.isEmpty }
        return false
    }
}

extension LocatedValue {
    /// Returns a mapping key as a located value.
    static func key(_ node: Node) -> LocatedValue? {
        PolicyLocator.literal(node)
    }
}
