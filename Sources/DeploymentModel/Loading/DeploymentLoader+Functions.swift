import Diagnostics
import Documents
import PolicyModel

extension DeploymentLoader {
    /// Discovers, loads and reads every template under the root. A template that cannot be
    /// read is reported and left out, and the others are still returned, in path order.
    package func loadProject(diagnostics: DiagnosticSink) -> [(template: Template, functions: [FunctionModel])] {
        discoverTemplates(diagnostics: diagnostics).compactMap { path in
            guard let template = loadTemplate(at: path, diagnostics: diagnostics) else { return nil }
            return (template, functions(in: template, diagnostics: diagnostics))
        }
    }

    /// Reads the functions a template defines, applies `Globals`, and adds what event source
    /// mappings, invoke configurations, IAM policies and log groups of the same template give them.
    /// Functions are in the order the template declares them.
    package func functions(in template: Template, diagnostics: DiagnosticSink) -> [FunctionModel] {
        let reader = FunctionReader(template: template, diagnostics: diagnostics)
        let index = FunctionIndex(reader: reader)
        let globals = reader.globalFunctionProperties()
        var models: [FunctionModel] = []
        for resource in template.resourcesInOrder {
            var model: FunctionModel
            switch resource.type {
            case "AWS::Serverless::Function": model = reader.samFunction(resource, globals: globals)
            case "AWS::Lambda::Function": model = reader.lambdaFunction(resource)
            default: continue
            }
            model.events += index.eventMappings[resource.logicalId] ?? []
            model.deliveryTargets += index.invokeTargets[resource.logicalId] ?? []
            // SAM names the role it generates `<Function>Role`; policies may attach to it by that name.
            let roleId: String? =
                switch model.role {
                case .templateRole(let logicalId): logicalId
                case .generatedBySAM: resource.logicalId + "Role"
                case .external: nil
                }
            for policy in roleId.flatMap({ index.rolePolicies[$0] }) ?? []
            where !model.existingPolicies.contains(policy) {
                model.existingPolicies.append(policy)
            }
            model.templateCreatesLogGroup = createsLogGroup(model, template: template, index: index)
            models.append(model)
        }
        return models
    }

    /// True when the template creates the group the function logs to: `LoggingConfig.LogGroup`
    /// when set, else `/aws/lambda/<function name>`.
    private func createsLogGroup(_ model: FunctionModel, template: Template, index: FunctionIndex) -> Bool {
        if let logGroup = model.logGroup {
            for case .ref(let logicalId) in logGroup.alternatives() where index.logGroupIds.contains(logicalId) {
                return true
            }
            return index.logGroupNames.contains(template.pattern(for: logGroup))
        }
        let name =
            model.functionName.map { template.pattern(for: $0) } ?? PatternString([.placeholder(model.logicalId)])
        return index.logGroupNames.contains(PatternString(literal: "/aws/lambda/") + name)
    }
}
