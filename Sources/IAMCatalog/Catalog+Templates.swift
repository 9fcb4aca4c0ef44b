extension Catalog {
    /// Returns a SAM policy template (`S3ReadPolicy`) with its parameters and statements.
    package func samPolicyTemplate(named name: String) -> SAMPolicyTemplate? {
        guard let template = document(at: Self.samTemplatesPath)?["Templates"]?[name] else { return nil }
        var parameters: [String: String] = [:]
        for (parameter, spec) in template["Parameters"]?.objectValue ?? [:] {
            parameters[parameter] = spec["Description"].stringValue ?? ""
        }
        let statements = Self.statements(template["Definition"]?["Statement"])
        return SAMPolicyTemplate(
            name: name, description: template["Description"].stringValue ?? "", parameters: parameters,
            statements: statements)
    }

    /// The names of every SAM policy template, sorted.
    package var samPolicyTemplateNames: [String] {
        (document(at: Self.samTemplatesPath)?["Templates"]?.objectValue ?? [:]).keys.sorted()
    }

    /// Returns an AWS managed policy by name (`AWSLambdaBasicExecutionRole`) with its ARN per
    /// partition and, for the Lambda-related policies, its statements.
    package func managedPolicy(named name: String) -> ManagedPolicy? {
        guard let json = document(at: Self.managedPoliciesPath) else { return nil }
        var arns: [String: String] = [:]
        for (partition, policies) in json["partitions"]?.objectValue ?? [:] {
            if let arn = policies[name].stringValue { arns[partition] = arn }
        }
        let document = json["lambdaPolicies"]?[name]
        if let arn = document?["arn"].stringValue, arns["aws"] == nil { arns["aws"] = arn }
        guard !arns.isEmpty else { return nil }
        let statements = document.map { Self.statements($0["document"]?["Statement"]) }
        return ManagedPolicy(name: name, arns: arns, version: document?["version"].stringValue, statements: statements)
    }

    /// Returns the `AWS::Serverless::Connector` profile for a source and destination resource
    /// type as JSON (`Type`, `Properties.AccessCategories.Read.Statement`, ...).
    package func connectorProfile(source: String, destination: String) -> JSONValue? {
        document(at: Self.connectorProfilesPath)?["Permissions"]?[source]?[destination]
    }

    /// Statements from a policy's `Statement`, which IAM allows as one object or an array.
    static func statements(_ value: JSONValue?) -> [PolicyStatementData] {
        let items: [JSONValue]
        switch value {
        case .array(let array): items = array
        case .object: items = [value!]
        default: items = []
        }
        return items.map { item in
            PolicyStatementData(
                effect: item["Effect"].stringValue ?? "Allow", actions: stringOrList(item["Action"]),
                notActions: stringOrList(item["NotAction"]), resources: valueOrList(item["Resource"]),
                notResources: valueOrList(item["NotResource"]), condition: item["Condition"])
        }
    }

    private static func stringOrList(_ value: JSONValue?) -> [String] {
        if let text = value.stringValue { return [text] }
        return value.strings
    }

    private static func valueOrList(_ value: JSONValue?) -> [JSONValue] {
        switch value {
        case .array(let items): return items
        case .none, .null?: return []
        case .some(let single): return [single]
        }
    }

    static let samTemplatesPath = "Templates/sam/policy-templates.json"
    static let managedPoliciesPath = "Templates/sam/managed-policies.json"
    static let connectorProfilesPath = "Templates/sam/connector-profiles.json"
}
