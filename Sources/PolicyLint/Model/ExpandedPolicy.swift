import DeploymentModel
import Diagnostics
import Documents
import IAMCatalog
import PolicyModel

/// Turns the statements of a SAM policy template or an AWS managed policy into a located
/// policy whose every element points at the name that brought it into the template.
struct ExpandedPolicy {
    let template: Template
    /// The policy template's name or the managed policy's ARN in the template.
    let reference: Node
    /// The policy template's parameters as written (`{BucketName: !Ref Bucket}`).
    let parameters: Node?

    func policy(_ statements: [PolicyStatementData], subject: String, origin: PolicyOrigin) -> LocatedPolicy {
        var policy = LocatedPolicy(
            subject: subject, origin: origin, location: reference.location,
            version: LocatedValue(text: PolicyDocument.currentVersion, location: reference.location))
        for (index, data) in statements.enumerated() {
            var statement = LocatedStatement(index: index, location: reference.location)
            statement.effect = Effect(rawValue: data.effect)
            statement.isNotAction = data.actions.isEmpty && !data.notActions.isEmpty
            statement.actions = (statement.isNotAction ? data.notActions : data.actions).map(located)
            statement.isNotResource = data.resources.isEmpty && !data.notResources.isEmpty
            statement.resources = (statement.isNotResource ? data.notResources : data.resources).map(resource)
            statement.hasResourceElement = !statement.resources.isEmpty
            statement.conditions = conditions(data.condition)
            policy.statements.append(statement)
        }
        return policy
    }

    private func located(_ text: String) -> LocatedValue {
        LocatedValue(text: text, location: reference.location, endLocation: reference.endLocationGuess)
    }

    /// Returns a resource as text. `Fn::Sub` variables and `Ref`s to a template parameter become the
    /// literal the function gives for that parameter, or `${Parameter}` when it gives none.
    private func resource(_ value: IAMCatalog.JSONValue) -> LocatedValue {
        var text = "*"
        var variables: [String: IAMCatalog.JSONValue] = [:]
        switch value {
        case .string(let plain):
            return located(plain)
        case .object(let members):
            if let sub = members["Fn::Sub"] {
                text = sub.stringValue ?? sub.arrayValue?.first?.stringValue ?? "*"
                variables = sub.arrayValue?.dropFirst().first?.objectValue ?? [:]
            } else if let name = members["Ref"]?.stringValue {
                text = "${\(name)}"
            }
        default:
            break
        }
        guard text.containsVariable else { return located(text) }
        for (variable, definition) in variables {
            guard let parameter = definition["Ref"]?.stringValue else { continue }
            text = text.replacingVariable(variable, with: parameterText(parameter))
        }
        for pair in parameters?.mapping ?? [] {
            guard let name = pair.key.scalar else { continue }
            text = text.replacingVariable(name, with: parameterText(name))
        }
        return LocatedValue(text: text, isLiteral: !text.containsVariable, location: reference.location)
    }

    /// The literal the function gives for a policy template parameter, or `${Name}`.
    private func parameterText(_ name: String) -> String {
        guard let node = parameters?[name], node.tag == nil, let literal = node.scalar else { return "${\(name)}" }
        return literal
    }

    private func conditions(_ value: IAMCatalog.JSONValue?) -> [LocatedCondition] {
        var result: [LocatedCondition] = []
        for (operatorName, keys) in value?.objectValue ?? [:] {
            for (key, values) in keys.objectValue ?? [:] {
                let texts = values.stringValue.map { [$0] } ?? values.strings
                result.append(
                    LocatedCondition(operatorName: located(operatorName), key: located(key), values: texts.map(located))
                )
            }
        }
        return result
    }
}

extension Node {
    /// The end of a one-line scalar, counted from its text.
    var endLocationGuess: SourceLocation? {
        guard case .scalar(let text, let style) = content else { return nil }
        return PolicyLocator.endLocation(of: self, text, style)
    }
}
