import Diagnostics
import Documents
import IAMCatalog
import PolicyModel

extension Template {
    /// Expands a SAM policy template with the parameters the function gives it.
    func samPolicy(
        _ templateName: String, parameters: [String: TemplateValue], name: String, location: SourceLocation,
        catalog: Catalog, diagnostics: DiagnosticSink
    ) -> RolePolicy {
        let label = "\(name) (\(templateName))"
        guard let template = catalog.samPolicyTemplate(named: templateName) else {
            diagnostics.report(
                .warning, .unknownPolicyTemplate, "'\(templateName)' is not a SAM policy template", at: location,
                notes: ["check the name against the SAM policy template list; its permissions are not known"])
            return RolePolicy(name: label, origin: .samPolicyTemplate(templateName), document: nil, location: location)
        }
        let statements = template.statements.map { statement(from: $0, parameters: parameters) }
        var document = PolicyDocument(statements: statements, location: location)
        for index in document.statements.indices { document.statements[index].location = location }
        return RolePolicy(name: label, origin: .samPolicyTemplate(templateName), document: document, location: location)
    }

    /// Returns a managed policy named by ARN or name, with its document when the catalog has it.
    func managedPolicy(
        _ value: TemplateValue, location: SourceLocation, catalog: Catalog, diagnostics: DiagnosticSink
    ) -> RolePolicy {
        let text = pattern(for: value, diagnostics: diagnostics).description
        let policyName = String(text.split(separator: "/").last ?? Substring(text))
        let statements = catalog.managedPolicy(named: policyName)?.statements
        let document = statements.map { list in
            var document = PolicyDocument(
                statements: list.map { statement(from: $0, parameters: [:]) }, location: location)
            for index in document.statements.indices { document.statements[index].location = location }
            return document
        }
        return RolePolicy(name: policyName, origin: .managed(policyName), document: document, location: location)
    }

    /// Converts a statement of a catalog policy, evaluating its `Fn::Sub` and `Ref` values with
    /// the parameters given.
    package func statement(from data: PolicyStatementData, parameters: [String: TemplateValue]) -> Statement {
        let isNotAction = data.actions.isEmpty && !data.notActions.isEmpty
        let isNotResource = data.resources.isEmpty && !data.notResources.isEmpty
        let resources = (isNotResource ? data.notResources : data.resources).map { catalogValue($0, parameters) }
        var conditions: [Condition] = []
        for (conditionOperator, keys) in (data.condition?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (key, value) in (keys.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                let values = value.arrayValue ?? [value]
                conditions.append(
                    Condition(
                        conditionOperator: conditionOperator, key: key,
                        values: values.map { catalogValue($0, parameters) }))
            }
        }
        return Statement(
            effect: Effect(rawValue: data.effect) ?? .allow, actions: isNotAction ? data.notActions : data.actions,
            isNotAction: isNotAction, resources: resources, isNotResource: isNotResource, conditions: conditions)
    }

    /// Evaluates the `Fn::Sub`, `Ref` and literal values SAM policy templates are written with.
    private func catalogValue(_ value: IAMCatalog.JSONValue, _ parameters: [String: TemplateValue]) -> PatternString {
        switch value {
        case .string(let text): return PatternString(literal: text)
        case .bool(let flag): return PatternString(literal: flag ? "true" : "false")
        case .number(let number):
            return PatternString(literal: number == number.rounded() ? String(Int64(number)) : String(number))
        default: break
        }
        if let name = value["Ref"]?.stringValue { return reference(name, parameters) }
        guard let sub = value["Fn::Sub"] else { return .wildcard }
        let text = sub.stringValue ?? sub.arrayValue?.first?.stringValue ?? ""
        var variables: [String: PatternString] = [:]
        for (name, variable) in sub.arrayValue?.dropFirst().first?.objectValue ?? [:] {
            variables[name] = catalogValue(variable, parameters)
        }
        return substitute(text, variables: variables, parameters: parameters)
    }

    private func reference(_ name: String, _ parameters: [String: TemplateValue]) -> PatternString {
        if name.hasPrefix("AWS::") { return PatternString([.placeholder(name)]) }
        guard let value = parameters[name] else { return .wildcard }
        return pattern(for: value)
    }

    /// Replaces `${name}` in a `Fn::Sub` string; `${!x}` stays literal text.
    private func substitute(
        _ text: String, variables: [String: PatternString], parameters: [String: TemplateValue]
    ) -> PatternString {
        var result = PatternString()
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            result.append(.literal(String(rest[..<open.lowerBound])))
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                result.append(.literal(String(rest[open.lowerBound...])))
                return result
            }
            let name = String(rest[open.upperBound..<close])
            if name.hasPrefix("!") {
                result.append(.literal("${" + name.dropFirst() + "}"))
            } else {
                result.append(variables[name] ?? reference(name, parameters))
            }
            rest = rest[rest.index(after: close)...]
        }
        result.append(.literal(String(rest)))
        return result
    }
}
