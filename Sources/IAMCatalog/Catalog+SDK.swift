extension Catalog {
    /// The SDK client by its boto3 name (`s3`, `stepfunctions`).
    package func client(named boto3Name: String) -> SDKClientInfo? {
        clientRecord(boto3Name)?.info
    }

    /// The client whose JavaScript v3 package or client class, JavaScript v2 class, Go package
    /// or Java client has this name. `language` is `javascript`, `go`, `java` or `python`
    /// (the boto3 name).
    package func client(sdkName: String, language: String) -> SDKClientInfo? {
        guard let index = document(at: Self.sdkIndexPath) else { return nil }
        let fields: [String]
        switch language.lowercased() {
        case "javascript", "js", "typescript": fields = ["jsV3Package", "jsV3Client", "jsV2Class"]
        case "go": fields = ["goPackage"]
        case "java": fields = ["javaClient"]
        case "python": return client(named: sdkName)
        default: return nil
        }
        for field in fields {
            if let boto3Name = index["byName"]?[field]?[sdkName].stringValue { return client(named: boto3Name) }
        }
        return nil
    }

    /// The operation with its actions, after curated corrections.
    package func operation(client: String, name: String) -> OperationInfo? {
        clientRecord(client)?.operations[name]
    }

    /// The operation a boto3 snake_case method calls (`list_objects_v2` → `ListObjectsV2`),
    /// including the irregular names.
    package func operationName(client: String, pythonMethod: String) -> String? {
        clientRecord(client)?.operationsByPythonMethod[pythonMethod]
    }

    /// Returns the operation a waiter polls, by its PascalCase (`BucketExists`) or boto3 snake_case
    /// (`bucket_exists`) name.
    package func waiterOperation(client: String, waiter: String) -> String? {
        guard let waiters = clientRecord(client)?.info.waiters else { return nil }
        if let operation = waiters[waiter] { return operation }
        let key = waiter.replacing("_", with: "").lowercased()
        return waiters.first { $0.key.lowercased() == key }?.value
    }

    /// True when the client has a paginator for the operation (by PascalCase name).
    package func hasPaginator(client: String, operation: String) -> Bool {
        clientRecord(client)?.info.paginators.contains(operation) ?? false
    }

    /// A boto3 resource-API method (`dynamodb`, `Table`, `query`), collection (`s3`, `Bucket`,
    /// `objects`) or waiter (`wait_until_exists`). The service resource itself is `ServiceResource`.
    package func resourceMethod(client: String, resource: String, method: String) -> ResourceAPIMethod? {
        guard let record = clientRecord(client), let entry = record.resources[resource] else { return nil }
        let identifiers = entry.identifierParameters
        let curated = entry.isIdentifierMappingCurated
        if let operation = entry.methods[method] {
            return ResourceAPIMethod(
                operation: operation, identifierParameters: identifiers, isCollection: false,
                isIdentifierMappingCurated: curated)
        }
        if let operation = entry.collections[method] {
            return ResourceAPIMethod(
                operation: operation, identifierParameters: identifiers, isCollection: true,
                isIdentifierMappingCurated: curated)
        }
        if let waiter = entry.waiters[method], let operation = record.info.waiters[waiter] {
            return ResourceAPIMethod(
                operation: operation, identifierParameters: identifiers, isCollection: false,
                isIdentifierMappingCurated: curated, waiter: waiter)
        }
        return nil
    }

    /// The resource classes a boto3 service resource can create, with their identifier names
    /// in constructor order (`Table(name)`, `Object(bucket_name, key)`).
    package func resourceIdentifiers(client: String, resource: String) -> [String]? {
        clientRecord(client)?.resources[resource]?.pythonIdentifiers
    }

    /// Returns the boto3 resource class names of a client, sorted (`Bucket`, `Object`, ..., `ServiceResource`).
    package func resourceNames(client: String) -> [String] {
        clientRecord(client)?.resources.keys.sorted() ?? []
    }

    /// Returns every operation that can authorize the action (with any trigger), sorted by
    /// client and operation, for `minrole explain`. This decodes every client file, about
    /// 4.7 MB minified, on first use.
    package func operations(authorizing action: ActionName) -> [OperationInfo] {
        var found: [OperationInfo] = []
        for name in clientNames {
            guard let record = clientRecord(name) else { continue }
            for operation in record.operations.keys.sorted() {
                guard let info = record.operations[operation] else { continue }
                if info.actions.contains(where: { $0.action == action }) { found.append(info) }
            }
        }
        return found
    }

    func clientRecord(_ name: String) -> ClientRecord? {
        state.withLock { state in
            if let cached = state.clients[name] { return cached }
            let path = Self.clientsFolder + name + ".json"
            guard !name.contains("/"), let json = parse(path, in: &state) else {
                state.clients[name] = .some(nil)
                return nil
            }
            var decoder = ClientDecoder()
            let record = decoder.decode(json, path: path)
            state.problems += decoder.problems
            state.clients[name] = record
            return record
        }
    }

    static let sdkIndexPath = "Policies/sdk-index.json"
}
