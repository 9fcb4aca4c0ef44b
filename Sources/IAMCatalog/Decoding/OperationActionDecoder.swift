/// A catalog entry that does not have the expected shape.
struct CatalogDecodingError: Error {
    var message: String
}

/// Decodes one action entry of an operation or helper:
/// `{"action", "trigger", "resourceType", "arnBindings", "arnTemplate", "resourceParameters",
/// "conditions"}`.
enum OperationActionDecoder {
    static func decode(_ item: JSONValue) throws(CatalogDecodingError) -> OperationAction {
        guard let text = item["action"].stringValue, let action = ActionName(text) else {
            throw CatalogDecodingError(message: "has an action without a valid name")
        }
        guard let trigger = decodeTrigger(item["trigger"]) else {
            throw CatalogDecodingError(message: "\(text) has an invalid trigger")
        }
        let bindings = item["arnBindings"].stringMap.sorted { $0.key < $1.key }.map {
            ARNVariableBinding(variable: $0.key, template: $0.value)
        }
        let conditions = (item["conditions"]?.arrayValue ?? []).map {
            ConditionBinding(
                conditionOperator: $0["operator"].stringValue ?? "StringEquals",
                key: $0["key"].stringValue ?? "", template: $0["template"].stringValue ?? "")
        }
        return OperationAction(
            action: action, trigger: trigger, resourceType: item["resourceType"].stringValue,
            arnBindings: bindings, arnTemplate: item["arnTemplate"].stringValue,
            resourceParameters: item["resourceParameters"].strings, conditions: conditions)
    }

    /// `"always"`, `"possible"`, `{"argumentPresent": P}`, `{"argumentAbsent": P}` or
    /// `{"argumentEquals": [P, value]}`.
    static func decodeTrigger(_ value: JSONValue?) -> ActionTrigger? {
        switch value {
        case .string("always"): return .always
        case .string("possible"): return .possible
        case .object(let members) where members.count == 1:
            if let parameter = members["argumentPresent"]?.stringValue { return .whenArgumentPresent(parameter) }
            if let parameter = members["argumentAbsent"]?.stringValue { return .whenArgumentAbsent(parameter) }
            let pair = members["argumentEquals"].strings
            if pair.count == 2 { return .whenArgumentEquals(pair[0], pair[1]) }
            return nil
        default: return nil
        }
    }
}
