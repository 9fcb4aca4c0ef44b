extension Catalog {
    /// A helper method of the SDK library itself: a client method (`s3`, `upload_file`), or a
    /// resource method written `Resource.method` (`dynamodb`, `Table.batch_writer`).
    package func helperMethod(client: String, method: String) -> HelperMethod? {
        let parts = method.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2 {
            return helperMethod(client: client, resource: String(parts[0]), method: String(parts[1]))
        }
        guard let helper = document(at: Self.helpersPath)?["boto3"]?[client]?["client"]?[method] else { return nil }
        return Self.decodeHelper(helper, name: method, defaultClient: client)
    }

    /// A helper method of a boto3 resource class (`s3`, `Bucket`, `upload_file`), whose
    /// parameters leave out what the resource's identifiers fill.
    package func helperMethod(client: String, resource: String, method: String) -> HelperMethod? {
        guard let helper = document(at: Self.helpersPath)?["boto3"]?[client]?["resources"]?[resource]?[method] else {
            return nil
        }
        return Self.decodeHelper(helper, name: "\(resource).\(method)", defaultClient: client)
    }

    /// A Lambda Powertools function (`get_parameter`, `get_secret`) or provider method
    /// (`SSMProvider.get`) by module and name. A submodule of a known module
    /// (`aws_lambda_powertools.utilities.parameters.ssm`) finds the parent's functions.
    package func powertoolsFunction(module: String, name: String) -> HelperMethod? {
        guard let modules = document(at: Self.helpersPath)?["powertools"]?.objectValue else { return nil }
        let candidates = modules.keys.filter { module == $0 || module.hasPrefix($0 + ".") }.sorted {
            $0.count > $1.count
        }
        for candidate in candidates {
            if let helper = modules[candidate]?[name] {
                return Self.decodeHelper(helper, name: name, defaultClient: "")
            }
        }
        return nil
    }

    /// Actions the service performs with the caller's credentials for this operation.
    package func forwardAccess(client: String, operation: String) -> [ForwardAccessAction] {
        guard let entries = document(at: Self.forwardAccessPath)?[client]?[operation]?.arrayValue else { return [] }
        return entries.compactMap { entry in
            guard let text = entry["action"].stringValue, let action = ActionName(text) else { return nil }
            return ForwardAccessAction(action: action, context: entry["context"].stringMap)
        }
    }

    private static func decodeHelper(_ json: JSONValue, name: String, defaultClient: String) -> HelperMethod {
        let operations = (json["operations"]?.arrayValue ?? []).compactMap { entry -> HelperOperation? in
            guard let operation = entry["operation"].stringValue else { return nil }
            let client = entry["client"].stringValue ?? defaultClient
            return HelperOperation(client: client, operation: operation, parameterMap: entry["parameterMap"].stringMap)
        }
        let actions = (json["actions"]?.arrayValue ?? []).compactMap { try? OperationActionDecoder.decode($0) }
        return HelperMethod(
            name: name, parameters: json["parameters"].strings, operations: operations, actions: actions,
            source: json["source"].stringValue ?? "", note: json["note"].stringValue)
    }

    static let helpersPath = "Policies/helpers.json"
    static let forwardAccessPath = "Policies/forward-access.json"
}
