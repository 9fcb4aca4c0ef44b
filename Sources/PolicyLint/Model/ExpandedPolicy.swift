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
        let values = parameterValues()
        for (index, data) in statements.enumerated() {
            let expanded = template.statement(from: data, parameters: values)
            var statement = LocatedStatement(index: index, location: reference.location)
            statement.effect = expanded.effect
            statement.isNotAction = expanded.isNotAction
            statement.actions = expanded.actions.map(located)
            statement.isNotResource = expanded.isNotResource
            statement.resources = expanded.resources.map(located)
            statement.hasResourceElement = !statement.resources.isEmpty
            statement.conditions = expanded.conditions.map { condition in
                LocatedCondition(
                    operatorName: located(condition.conditionOperator), key: located(condition.key),
                    values: condition.values.map(located))
            }
            policy.statements.append(statement)
        }
        return policy
    }

    /// Evaluates the policy template's parameters to template values (`BucketName` → `Ref Bucket`).
    private func parameterValues() -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        for pair in parameters?.mapping ?? [] {
            guard let name = pair.key.scalar else { continue }
            values[name] = template.evaluate(pair.value, diagnostics: DiagnosticSink())
        }
        return values
    }

    private func located(_ text: String) -> LocatedValue {
        LocatedValue(text: text, location: reference.location, endLocation: reference.endLocationGuess)
    }

    /// Locates a value of the expanded statement: literal text, or a pattern with parts known only
    /// at deploy time.
    private func located(_ pattern: PatternString) -> LocatedValue {
        LocatedValue(
            text: pattern.description, isLiteral: pattern.isLiteral, location: reference.location,
            endLocation: reference.endLocationGuess)
    }
}

extension Node {
    /// The end of a one-line scalar, counted from its text.
    var endLocationGuess: SourceLocation? {
        guard case .scalar(let text, let style) = content else { return nil }
        return PolicyLocator.endLocation(of: self, text, style)
    }
}
