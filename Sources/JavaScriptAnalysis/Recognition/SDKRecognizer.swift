import Diagnostics
import IAMCatalog
import SourceAnalysis

/// Turns uses of SDK values into SDK values and `SDKCall`s through the catalog. It never
/// makes up an operation the catalog does not list.
struct SDKRecognizer {
    let interpreter: Interpreter
    var catalog: Catalog { interpreter.catalog }

    static let documentClientOperations: [String: String] = [
        "get": "GetItem", "put": "PutItem", "update": "UpdateItem", "delete": "DeleteItem", "query": "Query",
        "scan": "Scan", "batchGet": "BatchGetItem", "batchWrite": "BatchWriteItem", "transactGet": "TransactGetItems",
        "transactWrite": "TransactWriteItems",
    ]
    /// The reason of the value `new` gives for a command the catalog does not list, which was
    /// reported where it was made.
    static let unknownCommandReason = "a command the catalog does not know"
    static let powertoolsFunctions: Set<String> = [
        "getParameter", "getParameters", "getParametersByName", "setParameter", "getSecret", "getAppConfig",
    ]
    static let powertoolsProviders: Set<String> = [
        "SSMProvider", "SecretsProvider", "DynamoDBProvider", "AppConfigProvider",
    ]

    func member(of sdk: SDKValue, _ name: String) -> Value {
        switch sdk {
        case .package(let package):
            return packageMember(package, name)
        case .version2Namespace:
            if let client = catalog.client(sdkName: name, language: "javascript") {
                return .sdk(.clientClass(client: client.boto3Name, isAggregated: true))
            }
            return .unknown("'AWS.\(name)', which is not a service client")
        case .clientClass("dynamodb", true) where name == "DocumentClient":
            return .sdk(.documentClientClass(isV3: false, isAggregated: true))
        case .clientClass("s3", true) where name == "ManagedUpload":
            // `new AWS.S3.ManagedUpload({ params })` takes the options `Upload` takes.
            return .sdk(.uploadClass)
        case .command(_, _, let input, _) where name == "input":
            return input
        case .documentClientClass, .client, .documentClient, .version2Request, .upload, .powertoolsProvider:
            return .sdkMethod(sdk, name)
        default:
            return .unknown("'\(name)' of an SDK value")
        }
    }

    private func packageMember(_ package: String, _ name: String) -> Value {
        if name == "default" { return .sdk(.package(package)) }
        switch package {
        case PackageExports.libDynamoDB:
            if name == "DynamoDBDocumentClient" { return .sdk(.documentClientClass(isV3: true, isAggregated: false)) }
            if name == "DynamoDBDocument" { return .sdk(.documentClientClass(isV3: true, isAggregated: true)) }
            if name.hasSuffix("Command"),
                let operation = Self.documentClientOperations[Self.lowerFirst(String(name.dropLast(7)))]
            {
                return .sdk(.commandClass(client: "dynamodb", operation: operation, helper: "DynamoDBDocumentClient"))
            }
            if name.hasPrefix("paginate") {
                return .sdk(.paginator(client: "dynamodb", operation: String(name.dropFirst(8))))
            }
            return .unknown("'\(name)' of \(package)")
        case PackageExports.libStorage:
            return name == "Upload" ? .sdk(.uploadClass) : .unknown("'\(name)' of \(package)")
        case PackageExports.presigner:
            return name == "getSignedUrl" ? .sdk(.presigner) : .unknown("'\(name)' of \(package)")
        case PackageExports.presignedPost where name == "createPresignedPost",
            PackageExports.credentialProviders where name == "fromTemporaryCredentials":
            return .sdk(.libraryFunction(name))
        case PackageExports.powertoolsIdempotency where name == "DynamoDBPersistenceLayer":
            return .sdk(.libraryClass(name))
        case PackageExports.presignedPost, PackageExports.credentialProviders, PackageExports.powertoolsIdempotency:
            return .unknown("'\(name)' of \(package)")
        case PackageExports.powertoolsParameters:
            if Self.powertoolsFunctions.contains(name) { return .sdk(.powertoolsFunction(name)) }
            if Self.powertoolsProviders.contains(name) { return .sdk(.powertoolsProviderClass(name)) }
            return .unknown("'\(name)' of \(package)")
        case PackageExports.http:
            return .sdk(.httpFunction)
        default:
            return clientPackageMember(package, name)
        }
    }

    private func clientPackageMember(_ package: String, _ name: String) -> Value {
        guard let client = catalog.client(sdkName: package, language: "javascript")?.boto3Name else {
            return .unknown("'\(name)' of \(package), a package the catalog does not know")
        }
        if name.hasSuffix("Command") && name.count > 7 {
            return .sdk(.commandClass(client: client, operation: String(name.dropLast(7)), helper: nil))
        }
        if name.hasPrefix("paginate") && name.count > 8 {
            return .sdk(.paginator(client: client, operation: String(name.dropFirst(8))))
        }
        for prefix in ["waitUntil", "waitFor"] where name.hasPrefix(prefix) && name.count > prefix.count {
            return .sdk(.waiter(client: client, waiter: String(name.dropFirst(prefix.count))))
        }
        if let named = catalog.client(sdkName: name, language: "javascript"), named.boto3Name == client {
            return .sdk(.clientClass(client: client, isAggregated: !name.hasSuffix("Client")))
        }
        return .unknown("'\(name)' of \(package)")
    }

    func construct(_ sdk: SDKValue, _ site: CallSite) -> Value {
        switch sdk {
        case .clientClass(let client, let isAggregated):
            checkCredentials(site.argument(0), at: site)
            return .sdk(.client(client: client, isAggregated: isAggregated))
        case .commandClass(let client, let operation, let helper):
            guard catalog.operation(client: client, name: operation) != nil else {
                reportUnknownOperation(client, operation, at: site)
                return .unknown(Self.unknownCommandReason)
            }
            return .sdk(.command(client: client, operation: operation, input: site.argument(0), helper: helper))
        case .documentClientClass(let isV3, let isAggregated):
            return .sdk(.documentClient(isV3: isV3, isAggregated: isAggregated || !isV3))
        case .uploadClass:
            HelperCalls(recognizer: self).upload(site.argument(0), at: site)
            return .sdk(.upload)
        case .powertoolsProviderClass(let name):
            return .sdk(.powertoolsProvider(name, site.argument(0)))
        case .libraryClass(let name):
            HelperCalls(recognizer: self).libraryClass(name, at: site)
            return .unknown("an instance of \(name)")
        default:
            return .unknown("an SDK value made with 'new'")
        }
    }

    /// The operation a JavaScript method name calls: `listObjectsV2` → `ListObjectsV2`.
    func operationName(_ client: String, method: String) -> String? {
        guard let first = method.first else { return nil }
        let pascal = first.uppercased() + method.dropFirst()
        if catalog.operation(client: client, name: pascal) != nil { return pascal }
        return catalog.operationName(client: client, pythonMethod: Self.snakeCase(method))
    }

    static func snakeCase(_ name: String) -> String {
        var result = ""
        var previous: Character?
        for character in name {
            if character.isUppercase, let before = previous, before.isLowercase || before.isNumber { result += "_" }
            result += character.lowercased()
            previous = character
        }
        return result
    }

    static func lowerFirst(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }

    /// Notes a client configured with credentials in code: `credentials` (v3, v2) or
    /// `accessKeyId` (v2). Its calls may be made as another identity than the execution role.
    private func checkCredentials(_ configuration: Value, at site: CallSite) {
        guard case .object(let box) = configuration,
            box.properties["credentials"] != nil || box.properties["accessKeyId"] != nil
        else { return }
        interpreter.diagnostics.report(
            .note, .javaScriptExplicitCredentials,
            "this client signs with credentials passed in code; if they belong to another role, its calls do not "
                + "need the execution role's permissions", at: site.location,
            notes: ["remove the permissions of this client's calls from the policy when another role makes them"])
    }

    func reportUnknownOperation(_ client: String, _ operation: String, at site: CallSite) {
        interpreter.warn(
            .javaScriptUnknownOperation,
            "the \(client) client has no operation '\(operation)' in the catalog; the call is not analyzed",
            at: site.location, notes: ["check the command or method name, or add the permission it needs by hand"])
    }
}
