/// The values that importing a package gives: AWS SDK packages, helper libraries and HTTP
/// clients the analysis models. Other packages are not analyzed.
// NOTE: SDK calls are recognized only through these package names. A bundle that inlines the
// SDK's own code instead of requiring `@aws-sdk/*` or `aws-sdk` yields no calls.
enum PackageExports {
    static let libDynamoDB = "@aws-sdk/lib-dynamodb"
    static let libStorage = "@aws-sdk/lib-storage"
    static let presigner = "@aws-sdk/s3-request-presigner"
    static let powertoolsParameters = "@aws-lambda-powertools/parameters"
    static let http = "http"
    static let presignedPost = "@aws-sdk/s3-presigned-post"
    static let credentialProviders = "@aws-sdk/credential-providers"
    static let powertoolsIdempotency = "@aws-lambda-powertools/idempotency"

    static let httpPackages: Set<String> = [
        "http", "https", "node:http", "node:https", "axios", "node-fetch", "undici", "got", "cross-fetch",
    ]
    static let tracingPackages: Set<String> = [
        "@aws-lambda-powertools/tracer", "aws-xray-sdk", "aws-xray-sdk-core", "aws-xray-sdk-node",
    ]

    static func value(ofPackage source: String, interpreter: Interpreter) -> Value {
        if source.hasPrefix("@aws-sdk/client-")
            || [libDynamoDB, libStorage, presigner, presignedPost, credentialProviders].contains(source)
        {
            return .sdk(.package(source))
        }
        if source == "aws-sdk" || source == "aws-sdk/global" || source == "aws-sdk/lib/core" {
            return .sdk(.version2Namespace)
        }
        if source.hasPrefix("aws-sdk/clients/") {
            let name = String(source.dropFirst("aws-sdk/clients/".count))
            let catalog = interpreter.catalog
            guard let client = catalog.client(named: name) ?? catalog.client(sdkName: name, language: "javascript")
            else { return .unknown("package '\(source)', whose service the catalog does not know") }
            return .sdk(.clientClass(client: client.boto3Name, isAggregated: true))
        }
        if source == powertoolsParameters || source.hasPrefix(powertoolsParameters + "/") {
            return .sdk(.package(powertoolsParameters))
        }
        if source == powertoolsIdempotency || source.hasPrefix(powertoolsIdempotency + "/") {
            return .sdk(.package(powertoolsIdempotency))
        }
        if tracingPackages.contains(source) || source.hasPrefix("@aws-lambda-powertools/tracer/") {
            interpreter.usesXRaySampling = true
            return .unknown("a tracing library")
        }
        if httpPackages.contains(source) { return .sdk(.package(http)) }
        if let module = FileSystemModule.module(ofPackage: source) { return .builtin(module) }
        return .unknown("package '\(source)', which is not analyzed")
    }
}
