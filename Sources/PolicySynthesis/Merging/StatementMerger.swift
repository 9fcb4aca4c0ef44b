import IAMCatalog
import PolicyModel

/// A generated statement and the evidence for it.
package struct ExplainedStatement: Hashable, Sendable {
    package var statement: Statement
    package var reasons: [Reason]

    package init(statement: Statement, reasons: [Reason]) {
        self.statement = statement
        self.reasons = reasons
    }
}

/// Merges requirements into as few statements as keep every grant exact: actions of one
/// service that need the same resources under the same conditions share a statement.
/// Statements and their actions and resources are sorted, and `Sid`s are derived from the
/// content, so the same requirements always give the same policy.
package enum StatementMerger {
    private struct GrantKey: Hashable {
        var action: ActionName
        var conditions: [Condition]
    }

    private struct StatementKey: Hashable {
        var prefix: String
        var resources: [PatternString]
        var conditions: [Condition]
    }

    package static func merge(_ requirements: [Requirement]) -> [ExplainedStatement] {
        var resourcesByGrant: [GrantKey: Set<PatternString>] = [:]
        var reasonsByGrant: [GrantKey: Set<Reason>] = [:]
        for requirement in requirements {
            let key = GrantKey(action: requirement.action, conditions: requirement.conditions)
            resourcesByGrant[key, default: []].insert(requirement.resource)
            reasonsByGrant[key, default: []].insert(requirement.reason)
        }
        var actionsByStatement: [StatementKey: [ActionName]] = [:]
        var reasonsByStatement: [StatementKey: Set<Reason>] = [:]
        for (grant, resources) in resourcesByGrant {
            let key = StatementKey(
                prefix: grant.action.prefix, resources: collapse(resources), conditions: grant.conditions)
            actionsByStatement[key, default: []].append(grant.action)
            reasonsByStatement[key, default: []].formUnion(reasonsByGrant[grant] ?? [])
        }
        let statements = actionsByStatement.map { key, actions in
            ExplainedStatement(
                statement: Statement(
                    effect: .allow,
                    actions: Array(Set(actions)).sorted().map(\.description),
                    resources: key.resources,
                    conditions: key.conditions),
                reasons: reasonsByStatement[key, default: []].sorted())
        }
        return assignSids(sortedByContent(statements))
    }

    /// Drops resources that a wildcard resource of the same grant already covers.
    private static func collapse(_ resources: Set<PatternString>) -> [PatternString] {
        if resources.contains(where: \.isWildcardOnly) { return [.wildcard] }
        return resources.sorted()
    }

    /// Sorts statements by their actions, then their resources, then their conditions. The
    /// joined texts are built once per statement rather than once per comparison.
    private static func sortedByContent(_ statements: [ExplainedStatement]) -> [ExplainedStatement] {
        let keyed = statements.map { explained in
            (
                actions: explained.statement.actions.joined(separator: ","),
                resources: explained.statement.resources.map(\.description).joined(separator: ","),
                explained: explained
            )
        }
        return keyed.sorted { lhs, rhs in
            if (lhs.actions, lhs.resources) != (rhs.actions, rhs.resources) {
                return (lhs.actions, lhs.resources) < (rhs.actions, rhs.resources)
            }
            return lhs.explained.statement.conditions.lexicographicallyPrecedes(rhs.explained.statement.conditions)
        }.map(\.explained)
    }

    /// `Sid`s of letters and digits: the service, the action when there is one, and the last
    /// words of the first resource, numbered when two statements would share one.
    private static func assignSids(_ statements: [ExplainedStatement]) -> [ExplainedStatement] {
        var used: [String: Int] = [:]
        return statements.map { explained in
            var result = explained
            let base = sidBase(for: explained.statement)
            let count = used[base, default: 0] + 1
            used[base] = count
            result.statement.sid = count == 1 ? base : "\(base)\(count)"
            return result
        }
    }

    static func sidBase(for statement: Statement) -> String {
        guard let first = statement.actions.first, let action = ActionName(first) else { return "Statement" }
        var sid = words(in: action.prefix).joined()
        if statement.actions.count == 1 { sid += action.name.filter { $0.isLetter || $0.isNumber } }
        sid += resourceWords(statement.resources.first ?? .wildcard, service: action.prefix).joined()
        return String(sid.prefix(100))
    }

    private static func resourceWords(_ resource: PatternString, service: String) -> [String] {
        if resource.isWildcardOnly { return ["All", "Resources"] }
        var text = ""
        for segment in resource.segments {
            switch segment {
            case .literal(let literal): text += literal + " "
            case .placeholder(let name) where name.hasPrefix("AWS::"): text += " "
            case .placeholder(let name): text += name + " "
            case .wildcard: text += " "
            }
        }
        let ignored: Set<String> = ["Arn", service.capitalized, "Aws", "Lambda"]
        let all = words(in: text).filter { !ignored.contains($0) }
        return Array(all.suffix(3))
    }

    /// Splits text into capitalized words of ASCII letters and digits. Every other byte
    /// separates words, and so does every non-ASCII character, whose bytes are all 0x80 or more.
    private static func words(in text: String) -> [String] {
        text.utf8.split(whereSeparator: { byte in
            !(byte.isASCIILetter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte))
        }).map { word in
            var bytes = Array(word)
            if bytes[0] >= UInt8(ascii: "a") && bytes[0] <= UInt8(ascii: "z") { bytes[0] -= 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

extension UInt8 {
    fileprivate var isASCIILetter: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }
}
