import SourceAnalysis

/// AWS SDK for JavaScript (v2 and v3), its helper libraries, Powertools for AWS Lambda
/// (TypeScript) and HTTP clients, as the analysis tracks them. `client` is always the boto3
/// client name.
enum SDKValue {
    /// A package's module object: `@aws-sdk/client-s3`, `aws-sdk`, `https`.
    case package(String)
    /// A v3 bare client class (`S3Client`), or an aggregated one (`S3`) whose methods are operations.
    case clientClass(client: String, isAggregated: Bool)
    case client(client: String, isAggregated: Bool)
    /// A v3 command class (`GetObjectCommand`) or lib-dynamodb command (`GetCommand`).
    case commandClass(client: String, operation: String, helper: String?)
    case command(client: String, operation: String, input: Value, helper: String?)
    /// `DynamoDBDocumentClient` (v3, `isV3`) or `AWS.DynamoDB.DocumentClient` (v2).
    case documentClientClass(isV3: Bool, isAggregated: Bool)
    case documentClient(isV3: Bool, isAggregated: Bool)
    /// `paginateListObjectsV2` and `waitUntilBucketExists` from a v3 client package.
    case paginator(client: String, operation: String)
    case waiter(client: String, waiter: String)
    /// `getSignedUrl` from `@aws-sdk/s3-request-presigner`.
    case presigner
    /// `Upload` from `@aws-sdk/lib-storage`, and an upload, whose calls are recorded where it is made.
    case uploadClass
    case upload
    /// The v2 `AWS` namespace, a v2 service class (`AWS.S3`) and a request it returned.
    case version2Namespace
    case version2Request
    /// A Powertools parameters function (`getParameter`) or provider class and instance.
    case powertoolsFunction(String)
    case powertoolsProviderClass(String)
    case powertoolsProvider(String, Value)
    /// A function of another AWS library that calls AWS itself: `createPresignedPost` of
    /// `@aws-sdk/s3-presigned-post`, `fromTemporaryCredentials` of `@aws-sdk/credential-providers`.
    case libraryFunction(String)
    /// A class of another AWS library whose instances call AWS: Powertools'
    /// `DynamoDBPersistenceLayer` for idempotency.
    case libraryClass(String)
    /// `fetch`, `http.get`, `axios.get`: HTTP calls that may reach the Parameters and Secrets extension.
    case httpFunction
}
