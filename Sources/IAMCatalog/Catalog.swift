/// The IAM and SDK knowledge minrole ships, embedded in the binary and decoded lazily, one
/// service at a time. All lookups are safe from any thread.
package final class Catalog: Sendable {
    /// The catalog built from `Policies/` and embedded at build time.
    package static let shared = Catalog()

    private init() {}

    /// Every IAM service prefix in the catalog, sorted.
    package var servicePrefixes: [String] { [] }

    package func service(prefix: String) -> ServiceInfo? { nil }

    package func action(_ name: ActionName) -> ActionInfo? { nil }

    package func resourceType(prefix: String, name: String) -> ResourceTypeInfo? { nil }

    /// The SDK client by its boto3 name (`s3`, `stepfunctions`).
    package func client(named boto3Name: String) -> SDKClientInfo? { nil }

    /// The client whose JavaScript v3 package, JavaScript v2 class, Go package or Java client
    /// has this name.
    package func client(sdkName: String, language: String) -> SDKClientInfo? { nil }

    /// The operation with its actions, after curated corrections.
    package func operation(client: String, name: String) -> OperationInfo? { nil }

    /// The operation a boto3 snake_case method calls (`list_objects_v2` → `ListObjectsV2`),
    /// including the irregular names.
    package func operationName(client: String, pythonMethod: String) -> String? { nil }

    /// A boto3 resource-API method (`dynamodb`, `Table`, `query`) or collection
    /// (`s3`, `Bucket`, `objects`).
    package func resourceMethod(client: String, resource: String, method: String) -> ResourceAPIMethod? { nil }

    /// The resource classes a boto3 service resource can create, with their identifier names
    /// in constructor order (`Table(name)`, `Object(bucket_name, key)`).
    package func resourceIdentifiers(client: String, resource: String) -> [String]? { nil }

    /// A helper method of the SDK library itself (`s3.upload_file`, `Table.batch_writer`).
    package func helperMethod(client: String, method: String) -> HelperMethod? { nil }

    /// A Lambda Powertools function (`get_parameter`, `get_secret`) by module and name.
    package func powertoolsFunction(module: String, name: String) -> HelperMethod? { nil }

    /// Actions the service performs with the caller's credentials for this operation.
    package func forwardAccess(client: String, operation: String) -> [ForwardAccessAction] { [] }
}
