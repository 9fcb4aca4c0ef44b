import IAMCatalog

/// `minrole explain NAME`: the catalog's entry for an IAM action or an SDK operation.
enum ExplainCommand {
    static let spec = CommandSpec(
        name: "explain",
        summary: "Show the catalog's entry for an IAM action or an SDK operation.",
        usage: "minrole explain ACTION | CLIENT.OPERATION",
        details: """
            ACTION is an IAM action such as s3:GetObject: its access level, resource types with
            their ARN formats, and condition keys. CLIENT.OPERATION is an SDK operation such as
            s3.ListObjectsV2 or s3.list_objects_v2 (boto3 client names): the actions it needs.
            """,
        options: [],
        maximumPositionals: 1)

    static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> MinRole.ExitStatus {
        guard let name = arguments.positionals.first else {
            throw UsageError("name an action (s3:GetObject) or an operation (s3.ListObjectsV2)", command: spec.name)
        }
        let catalog = Catalog.shared
        if let action = ActionName(name) {
            guard let info = catalog.action(action) else {
                throw UsageError(unknownAction(action, catalog: catalog), command: spec.name)
            }
            io.writeOutput(describe(info, catalog: catalog))
            return .success
        }
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw UsageError(
                "'\(name)' is neither an action (prefix:Name) nor an operation (client.Operation)", command: spec.name)
        }
        let operationName = catalog.operationName(client: parts[0], pythonMethod: parts[1]) ?? parts[1]
        guard let operation = catalog.operation(client: parts[0], name: operationName) else {
            throw UsageError("the catalog has no operation '\(parts[1])' for client '\(parts[0])'", command: spec.name)
        }
        io.writeOutput(describe(operation))
        return .success
    }

    private static func unknownAction(_ action: ActionName, catalog: Catalog) -> String {
        guard let service = catalog.service(prefix: action.prefix) else {
            return "no IAM service has the prefix '\(action.prefix)'"
        }
        var message = "\(service.name) has no action '\(action.name)'"
        let names = service.actions.values.map(\.name.name)
        if let suggestion = Suggestions.closest(to: action.name, among: names) {
            message += "; did you mean '\(action.prefix):\(suggestion)'?"
        }
        return message
    }

    private static func describe(_ info: ActionInfo, catalog: Catalog) -> String {
        var text = "\(info.name)\n  access level: \(info.accessLevel.rawValue)\n"
        if info.resourceTypes.isEmpty {
            text += "  resource types: none (granted on \"*\")\n"
        } else {
            text += "  resource types:\n"
            for type in info.resourceTypes {
                let formats = catalog.resourceType(prefix: info.name.prefix, name: type.name)?.arnFormats ?? []
                text += "    \(type.name)\(type.isRequired ? " (required)" : ""): \(formats.joined(separator: ", "))\n"
            }
        }
        if !info.conditionKeys.isEmpty { text += "  condition keys: \(info.conditionKeys.joined(separator: ", "))\n" }
        if !info.dependentActions.isEmpty {
            text += "  dependent actions: \(info.dependentActions.map(\.description).joined(separator: ", "))\n"
        }
        return text
    }

    private static func describe(_ operation: OperationInfo) -> String {
        var text = "\(operation.client).\(operation.name) (from \(operation.source))\n"
        if let reason = operation.correctionReason { text += "  correction: \(reason)\n" }
        if operation.actions.isEmpty { text += "  no IAM action is known for this operation\n" }
        for action in operation.actions {
            let trigger: String
            switch action.trigger {
            case .always: trigger = "always"
            case .possible: trigger = "possible, not granted"
            case .whenArgumentPresent(let name): trigger = "when \(name) is given"
            case .whenArgumentAbsent(let name): trigger = "when \(name) is not given"
            case .whenArgumentEquals(let name, let value): trigger = "when \(name) is \(value)"
            }
            text += "  \(action.action) on \(action.resourceType ?? "*") (\(trigger))\n"
        }
        return text
    }
}
