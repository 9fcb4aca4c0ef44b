/// Turns a `Policies/services/<prefix>.json` document into a `ServiceInfo`, collecting what
/// does not fit the expected shape in `problems`.
struct ServiceDecoder {
    var problems: [String] = []

    mutating func decode(_ json: JSONValue, path: String) -> ServiceInfo? {
        guard let prefix = json["prefix"].stringValue, let members = json.objectValue else {
            problems.append("\(path): missing 'prefix'")
            return nil
        }
        var actions: [String: ActionInfo] = [:]
        for (name, entry) in members["actions"]?.objectValue ?? [:] {
            actions[name.lowercased()] = decodeAction(entry, name: ActionName(prefix: prefix, name: name), path: path)
        }
        var resourceTypes: [String: ResourceTypeInfo] = [:]
        for (name, entry) in members["resourceTypes"]?.objectValue ?? [:] {
            resourceTypes[name] = ResourceTypeInfo(
                name: name, arnFormats: entry["arnFormats"].strings, conditionKeys: entry["conditionKeys"].strings)
        }
        var conditionKeys: [String: ConditionKeyInfo] = [:]
        for (name, types) in members["conditionKeys"]?.objectValue ?? [:] {
            conditionKeys[name.lowercased()] = ConditionKeyInfo(name: name, types: types.strings)
        }
        return ServiceInfo(
            prefix: prefix, name: json["name"].stringValue ?? prefix, actions: actions,
            resourceTypes: resourceTypes, conditionKeys: conditionKeys)
    }

    private mutating func decodeAction(_ entry: JSONValue, name: ActionName, path: String) -> ActionInfo {
        let levelText = entry["accessLevel"].stringValue ?? ""
        let accessLevel = AccessLevel(rawValue: levelText)
        if accessLevel == nil {
            problems.append("\(path): \(name) has unknown access level '\(levelText)'")
        }
        let resourceTypes = (entry["resourceTypes"]?.arrayValue ?? []).map { type in
            ActionResourceType(
                name: type["name"].stringValue ?? "",
                isRequired: type["required"]?.boolValue ?? false,
                conditionKeys: type["conditionKeys"].strings,
                dependentActions: actionNames(type["dependentActions"].strings, path: path))
        }
        return ActionInfo(
            name: name, accessLevel: accessLevel ?? .write, resourceTypes: resourceTypes,
            conditionKeys: entry["conditionKeys"].strings,
            dependentActions: actionNames(entry["dependentActions"].strings, path: path))
    }

    private mutating func actionNames(_ texts: [String], path: String) -> [ActionName] {
        texts.compactMap { text in
            guard let name = ActionName(text) else {
                problems.append("\(path): invalid action name '\(text)'")
                return nil
            }
            return name
        }
    }
}
