import Diagnostics
import Documents

/// Reads the properties that `AWS::Serverless::Function` and `AWS::Lambda::Function` share,
/// and the helpers both use to read values and structures.
struct FunctionReader {
    let template: Template
    let diagnostics: DiagnosticSink

    /// Evaluates a property, returning `nil` when it is absent or `AWS::NoValue`.
    func value(_ node: Node?) -> TemplateValue? {
        guard let node else { return nil }
        let value = template.evaluate(node, diagnostics: diagnostics)
        return value.isNoValue ? nil : value
    }

    /// A property that must be literal text (a runtime, a handler).
    func text(_ node: Node?) -> String? {
        guard let value = value(node) else { return nil }
        return template.literalText(of: value) ?? template.pattern(for: value).literalValue
    }

    /// Returns a structured property (a mapping or a list). For an `Fn::If`, it returns the
    /// first branch that is not `AWS::NoValue` and reports a note naming the condition.
    func structure(_ node: Node?, depth: Int = 0) -> Node? {
        guard let node else { return nil }
        guard let (name, argument) = IntrinsicName.call(in: node) else { return node }
        guard name == "Fn::If", let items = argument.sequence, items.count == 3,
            depth < Template.maximumEvaluationDepth
        else {
            return value(node) == nil ? nil : node
        }
        let isNoValue = { (branch: Node) in
            IntrinsicName.call(in: branch).map { $0.name == "Ref" && $0.argument.scalar == "AWS::NoValue" } ?? false
        }
        // NOTE: only one branch is read, so settings that exist only in the other branch (a
        // second VPC configuration, other event sources) do not reach the function model.
        guard let position = items[1...].firstIndex(where: { !isNoValue($0) }) else { return nil }
        diagnostics.report(
            .note, .conditionalValue,
            "property depends on condition '\(items[0].scalar ?? "")'; its \(position == 1 ? "true" : "false") branch is read",
            at: node.location)
        return structure(items[position], depth: depth + 1)
    }

    /// Returns the items of a list property, treating a single value as a list of one.
    func items(_ node: Node?) -> [Node] {
        guard let node = structure(node) else { return [] }
        return node.sequence ?? [node]
    }

    /// The longest handler Lambda accepts, in characters.
    static let maximumHandlerLength = 128

    /// The handler string, rejected with a warning when it is not text or is longer than
    /// Lambda allows.
    func handler(_ node: Node?) -> String? {
        guard let node else { return nil }
        guard let handler = text(node) else {
            report("Handler must be a string such as app.lambda_handler", at: node)
            return nil
        }
        guard handler.count <= FunctionReader.maximumHandlerLength else {
            report(
                "Handler is \(handler.count) characters long; Lambda accepts at most \(FunctionReader.maximumHandlerLength)",
                at: node, fix: "name the handler as module.function")
            return nil
        }
        return handler
    }

    /// Reads the properties common to both function types into `model`.
    func readCommon(_ properties: Node, into model: inout FunctionModel) {
        model.functionName = value(properties["FunctionName"])
        model.runtime = text(properties["Runtime"])
        model.handler = handler(properties["Handler"])
        model.packageType = text(properties["PackageType"])
        model.environmentKey = value(properties["KmsKeyArn"])
        model.logGroup = value(structure(properties["LoggingConfig"])?["LogGroup"])
        model.layers = items(properties["Layers"]).compactMap { value($0) }.flatMap { layer -> [TemplateValue] in
            if case .list(let layers) = layer { return layers }
            return [layer]
        }
        model.environment = environment(properties)
        if let vpc = structure(properties["VpcConfig"]), vpc.mapping != nil {
            model.hasVPC = true
            model.vpcSubnets = value(vpc["SubnetIds"])
            model.vpcSecurityGroups = value(vpc["SecurityGroupIds"])
        }
        for mount in items(properties["FileSystemConfigs"]) {
            guard let accessPoint = value(mount["Arn"]) else {
                report("FileSystemConfigs entry has no Arn", at: mount)
                continue
            }
            model.fileSystems.append(
                FileSystemMount(
                    accessPoint: accessPoint, localMountPath: text(mount["LocalMountPath"]), location: mount.location))
        }
    }

    /// Reads `Environment.Variables`, leaving out variables set to `AWS::NoValue`.
    func environment(_ properties: Node) -> [String: TemplateValue] {
        guard let variablesNode = structure(structure(properties["Environment"])?["Variables"]) else { return [:] }
        guard let variables = variablesNode.mapping else {
            report("Environment.Variables must be a mapping of names to values", at: variablesNode)
            return [:]
        }
        var environment: [String: TemplateValue] = [:]
        for pair in variables {
            guard let name = pair.key.scalar, let value = value(pair.value) else { continue }
            environment[name] = value
        }
        return environment
    }

    /// Determines where `Role` points: a role of this template, or a value from outside it.
    func roleSource(_ node: Node?, whenAbsent: RoleSource) -> RoleSource {
        guard let role = value(node) else { return whenAbsent }
        for alternative in role.alternatives() {
            switch alternative {
            case .getAtt(let logicalId, _), .ref(let logicalId):
                if template.resources[logicalId]?.type == "AWS::IAM::Role" {
                    return .templateRole(logicalId: logicalId)
                }
            default:
                continue
            }
        }
        return .external(role)
    }

    /// Makes a code path that is relative to the template's folder absolute.
    func localFolder(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : template.folder + "/" + path
        return joined.normalizedPath
    }

    func report(_ message: String, at node: Node, fix: String? = nil) {
        diagnostics.report(
            .warning, .invalidFunctionProperty, message, at: node.location, notes: fix.map { [$0] } ?? [])
    }
}
