/// One boto3 resource class (`Table`, `Bucket`) as the catalog stores it.
struct ResourceRecord: Sendable {
    var identifiers: [String]
    var pythonIdentifiers: [String]
    var identifierParameters: [String: String]
    var isIdentifierMappingCurated: Bool
    var methods: [String: String]
    var collections: [String: String]
    var waiters: [String: String]
}

/// A decoded `Policies/sdk/<client>.json`: the client, its operations and its resource API.
struct ClientRecord: Sendable {
    var info: SDKClientInfo
    var operations: [String: OperationInfo]
    /// boto3 method name → operation (`list_objects_v2` → `ListObjectsV2`).
    var operationsByPythonMethod: [String: String]
    var resources: [String: ResourceRecord]
}
