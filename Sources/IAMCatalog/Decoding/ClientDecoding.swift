/// Turns a `Policies/sdk/<client>.json` document into a `ClientRecord`, collecting what does
/// not fit the expected shape in `problems`.
struct ClientDecoder {
    var problems: [String] = []

    mutating func decode(_ json: JSONValue, path: String) -> ClientRecord? {
        guard let client = json["client"].stringValue, let iamPrefix = json["iamPrefix"].stringValue else {
            problems.append("\(path): missing 'client' or 'iamPrefix'")
            return nil
        }
        var operations: [String: OperationInfo] = [:]
        var methods: [String: String] = [:]
        for (name, entry) in json["operations"]?.objectValue ?? [:] {
            operations[name] = decodeOperation(entry, client: client, name: name, path: path)
            if let method = entry["pythonMethod"].stringValue { methods[method] = name }
        }
        let names = json["names"].stringMap
        let info = SDKClientInfo(
            boto3Name: client, serviceId: json["serviceId"].stringValue ?? client, iamPrefix: iamPrefix,
            operations: operations.keys.sorted(), waiters: json["waiters"].stringMap,
            paginators: json["paginators"].strings, jsV3Package: names["jsV3Package"],
            jsV3Client: names["jsV3Client"], jsV2Class: names["jsV2Class"], goPackage: names["goPackage"],
            javaClient: names["javaClient"])
        var resources: [String: ResourceRecord] = [:]
        for (name, entry) in json["resources"]?.objectValue ?? [:] {
            resources[name] = ResourceRecord(
                identifiers: entry["identifiers"].strings, pythonIdentifiers: entry["pythonIdentifiers"].strings,
                identifierParameters: entry["identifierParameters"].stringMap,
                isIdentifierMappingCurated: entry["identifierParametersSource"].stringValue == "curated",
                methods: entry["methods"].stringMap, collections: entry["collections"].stringMap,
                waiters: entry["waiters"].stringMap)
        }
        return ClientRecord(info: info, operations: operations, operationsByPythonMethod: methods, resources: resources)
    }

    private mutating func decodeOperation(_ entry: JSONValue, client: String, name: String, path: String)
        -> OperationInfo
    {
        var actions: [OperationAction] = []
        for item in entry["actions"]?.arrayValue ?? [] {
            do {
                actions.append(try OperationActionDecoder.decode(item))
            } catch {
                problems.append("\(path): \(name) \(error.message)")
            }
        }
        return OperationInfo(
            client: client, name: name, actions: actions, source: entry["source"].stringValue ?? "none",
            correctionReason: entry["correctionReason"].stringValue)
    }
}
