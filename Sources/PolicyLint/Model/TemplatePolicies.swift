import DeploymentModel
import Diagnostics
import Documents
import IAMCatalog
import PolicyModel

/// Finds the policies and functions of a SAM or CloudFormation template.
final class TemplatePolicies {
    let template: Template
    let catalog: Catalog
    let diagnostics: DiagnosticSink
    /// SAM policy templates by name, decoded once per template; `nil` for unknown names.
    private var samTemplates: [String: SAMPolicyTemplate?] = [:]

    init(template: Template, catalog: Catalog, diagnostics: DiagnosticSink) {
        self.template = template
        self.catalog = catalog
        self.diagnostics = diagnostics
    }

    /// Reads the resources of a parsed template; `nil` (reported) when it has no `Resources`
    /// mapping. Resources of the wrong shape are left out.
    static func template(path: String, displayPath: String, root: Node, diagnostics: DiagnosticSink) -> Template? {
        guard let section = root["Resources"]?.mapping else {
            diagnostics.report(
                .error, .missingResources, "the template has no Resources mapping", at: root.location,
                notes: ["a template declares its resources under Resources, keyed by logical id"])
            return nil
        }
        var resources: [String: TemplateResource] = [:]
        for pair in section {
            guard let logicalId = pair.key.scalar, let type = pair.value["Type"]?.scalar else { continue }
            let properties = pair.value["Properties"].flatMap { $0.mapping == nil ? nil : $0 }
            resources[logicalId] = TemplateResource(
                logicalId: logicalId, type: type, properties: properties, metadata: pair.value["Metadata"],
                location: pair.key.location)
        }
        var template = Template(
            path: path, displayPath: displayPath, root: root, resources: resources, parameterValues: [:])
        for pair in root["Parameters"]?.mapping ?? [] {
            if let name = pair.key.scalar, let value = pair.value["Default"]?.scalar {
                template.parameterDefaults[name] = value
            }
        }
        template.checkIntrinsics(diagnostics: diagnostics)
        return template
    }

    /// Returns every policy the template writes or attaches, in template order.
    func policies() -> [LocatedPolicy] {
        var result: [LocatedPolicy] = []
        for resource in template.resourcesInOrder {
            let start = result.count
            switch resource.type {
            case "AWS::IAM::Role":
                for entry in resource[property: "Policies"]?.sequence ?? [] {
                    let name = entry["PolicyName"]?.scalar.map { "\(resource.logicalId)/\($0)" }
                    result += written(entry["PolicyDocument"], subject: name ?? resource.logicalId, origin: .inline)
                }
                for arn in resource[property: "ManagedPolicyArns"]?.sequence ?? [] {
                    result += managed(arn, subject: resource.logicalId)
                }
            case "AWS::IAM::Policy":
                result += written(resource[property: "PolicyDocument"], subject: resource.logicalId, origin: .inline)
            case "AWS::IAM::ManagedPolicy":
                result += written(
                    resource[property: "PolicyDocument"], subject: resource.logicalId, origin: .customerManaged)
            case "AWS::Serverless::Function":
                result += samPolicies(resource[property: "Policies"], subject: resource.logicalId)
            default:
                continue
            }
            let principal = principalId(of: resource)
            for index in start..<result.count { result[index].principalId = principal }
        }
        return result
    }

    /// The role or function a resource's policies grant to: the resource itself for roles and
    /// functions, and the only role an `AWS::IAM::Policy` or `AWS::IAM::ManagedPolicy` names
    /// with `Ref`. `nil` when a policy names several roles or none.
    private func principalId(of resource: TemplateResource) -> String? {
        switch resource.type {
        case "AWS::IAM::Role", "AWS::Serverless::Function": return resource.logicalId
        default:
            guard let roles = resource[property: "Roles"]?.sequence, roles.count == 1 else { return nil }
            let role = roles[0]
            if role.tag == "!Ref" { return role.scalar }
            return role["Ref"]?.scalar
        }
    }

    /// Returns the Lambda functions, for the deployment limit rules.
    func functions() -> [LocatedFunction] {
        let globals = template.root["Globals"]?["Function"]
        return template.resourcesInOrder.compactMap { resource in
            guard resource.type == "AWS::Serverless::Function" || resource.type == "AWS::Lambda::Function" else {
                return nil
            }
            let isServerless = resource.type == "AWS::Serverless::Function"
            return LocatedFunction(
                logicalId: resource.logicalId, type: resource.type, location: resource.location, template: template,
                globals: isServerless ? globals : nil)
        }
    }

    /// SAM `Policies`: a managed policy name or ARN, a policy document, a policy template
    /// (`S3ReadPolicy: {BucketName: ...}`), or a list of these.
    private func samPolicies(_ node: Node?, subject: String) -> [LocatedPolicy] {
        guard let node else { return [] }
        if node.tag == nil, let items = node.sequence {
            return items.flatMap { samPolicies($0, subject: subject) }
        }
        if node.scalar != nil || node.tag != nil { return managed(node, subject: subject) }
        if node["Statement"] != nil { return written(node, subject: subject, origin: .inline) }
        guard let pairs = node.mapping, pairs.count == 1, let name = pairs[0].key.scalar,
            !name.hasPrefix("Fn::"), name != "Ref"
        else { return managed(node, subject: subject) }
        if samTemplates[name] == nil { samTemplates[name] = .some(catalog.samPolicyTemplate(named: name)) }
        guard case .some(.some(let samTemplate)) = samTemplates[name] else {
            reportUnknownTemplate(name, at: pairs[0].key)
            return []
        }
        let expander = ExpandedPolicy(template: template, reference: pairs[0].key, parameters: pairs[0].value)
        return [expander.policy(samTemplate.statements, subject: subject, origin: .samPolicyTemplate(name))]
    }

    private func reportUnknownTemplate(_ name: String, at node: Node) {
        let closest = NameSuggestion.closest(to: name, in: catalog.samPolicyTemplateNames)
        diagnostics.report(
            .error, .unknownPolicyTemplate,
            "'\(name.prefix(100))' is not a SAM policy template, so SAM rejects the template; correct the name",
            at: node.location,
            notes: closest.map { ["did you mean '\($0)'?"] } ?? [
                "the SAM policy templates are listed in the SAM developer guide"
            ])
    }

    private func written(_ node: Node?, subject: String, origin: PolicyOrigin) -> [LocatedPolicy] {
        guard let node else { return [] }
        let scratch = DiagnosticSink()
        let template = self.template
        let locator = PolicyLocator { node in
            if let literal = PolicyLocator.literal(node) { return literal }
            guard node.tag != nil || node.mapping != nil else { return nil }
            let pattern = template.pattern(for: template.evaluate(node, diagnostics: scratch))
            return LocatedValue(text: pattern.description, isLiteral: pattern.isLiteral, location: node.location)
        }
        guard var policy = locator.policy(node, subject: subject, origin: origin) else { return [] }
        (policy.document, policy.shapeProblems) = PolicyReader.document(node, diagnostics: diagnostics) { sink in
            PolicyReader(diagnostics: sink) { node in
                if node.tag == nil, let text = node.scalar { return PatternString(literal: text) }
                return template.pattern(for: template.evaluate(node, diagnostics: scratch))
            }
        }
        return [policy]
    }

    /// Returns an AWS managed policy named by name or ARN (`arn:${AWS::Partition}:iam::aws:policy/...`),
    /// when the catalog has its document.
    private func managed(_ node: Node, subject: String) -> [LocatedPolicy] {
        let text: String
        if node.tag == nil, let scalar = node.scalar {
            text = scalar
        } else {
            text = template.pattern(for: template.evaluate(node, diagnostics: DiagnosticSink())).description
        }
        guard text.hasPrefix("arn:") == false || text.contains(":iam::aws:policy/") else { return [] }
        let name = String(text.split(separator: "/").last ?? Substring(text))
        guard let policy = catalog.managedPolicy(named: name), let statements = policy.statements else { return [] }
        let expander = ExpandedPolicy(template: template, reference: node, parameters: nil)
        return [expander.policy(statements, subject: subject, origin: .awsManaged(name))]
    }
}
