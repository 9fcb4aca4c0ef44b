import DeploymentModel
import Diagnostics
import IAMCatalog
import PolicyModel

/// Expands the statements of a SAM policy template or a managed policy from the catalog, with
/// the template's parameter values put into `Ref` and `Fn::Sub`.
struct SAMTemplateExpansion {
    var template: Template
    var parameters: [String: TemplateValue]

    func statement(_ data: PolicyStatementData, location: SourceLocation, origin: String) -> GrantedStatement {
        let isNotAction = data.actions.isEmpty && !data.notActions.isEmpty
        let isNotResource = data.resources.isEmpty && !data.notResources.isEmpty
        let resources = (isNotResource ? data.notResources : data.resources).flatMap {
            template.patterns(for: value(of: $0, variables: [:]))
        }
        return GrantedStatement(
            effect: data.effect == "Deny" ? .deny : .allow, actions: isNotAction ? data.notActions : data.actions,
            isNotAction: isNotAction, resources: resources, isNotResource: isNotResource,
            hasConditions: data.condition != nil, location: location, origin: origin)
    }

    /// Converts a catalog JSON value written with `Ref`, `Fn::Sub` and `Fn::Join` into a
    /// template value; anything else is unknown.
    private func value(of json: IAMCatalog.JSONValue, variables: [String: TemplateValue]) -> TemplateValue {
        switch json {
        case .string(let text):
            return .literal(text)
        case .object(let members) where members.count == 1:
            if let name = members["Ref"]?.stringValue { return reference(name, variables: variables) }
            if let sub = members["Fn::Sub"] { return substitution(sub, variables: variables) }
            if let join = members["Fn::Join"]?.arrayValue, join.count == 2, let separator = join[0].stringValue,
                let parts = join[1].arrayValue
            {
                var joined: [TemplateValue] = []
                for (index, part) in parts.enumerated() {
                    if index > 0 { joined.append(.literal(separator)) }
                    joined.append(value(of: part, variables: variables))
                }
                return .joined(joined)
            }
            return .unknown("an intrinsic function in a policy from the catalog")
        default:
            return .unknown("a value in a policy from the catalog")
        }
    }

    private func reference(_ name: String, variables: [String: TemplateValue]) -> TemplateValue {
        if let value = variables[name] ?? parameters[name] { return value }
        if name.hasPrefix("AWS::") { return .pseudoParameter(name) }
        return .unknown("parameter \(name) is not set")
    }

    private func substitution(_ sub: IAMCatalog.JSONValue, variables: [String: TemplateValue]) -> TemplateValue {
        var local = variables
        let text: String
        if let plain = sub.stringValue {
            text = plain
        } else if let pair = sub.arrayValue, pair.count == 2, let format = pair[0].stringValue {
            text = format
            for (name, member) in pair[1].objectValue ?? [:] { local[name] = value(of: member, variables: variables) }
        } else {
            return .unknown("an Fn::Sub of an unexpected shape")
        }
        var parts: [TemplateValue] = []
        var rest = Substring(text)
        while let dollar = placeholderStart(in: rest) {
            parts.append(.literal(String(rest[..<dollar])))
            rest = rest[rest.index(dollar, offsetBy: 2)...]
            guard let end = rest.firstIndex(of: "}") else {
                parts.append(.literal("${" + rest))
                rest = ""
                break
            }
            let name = String(rest[..<end])
            rest = rest[rest.index(after: end)...]
            parts.append(
                name.hasPrefix("!") ? .literal("${" + name.dropFirst() + "}") : reference(name, variables: local))
        }
        parts.append(.literal(String(rest)))
        return .joined(parts)
    }

    /// Returns the index of the next `${` in `text`.
    private func placeholderStart(in text: Substring) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "$", next < text.endIndex, text[next] == "{" { return index }
            index = next
        }
        return nil
    }
}
