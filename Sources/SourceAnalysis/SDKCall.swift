import Diagnostics

/// The handler language an analyzer reads.
package enum SourceLanguage: String, Sendable, Hashable, CaseIterable {
    case python, javascript, go, java
}

/// How a call reaches the AWS API: directly, or through a helper that calls it on the code's
/// behalf. Synthesis names this in the statement's reason.
package enum CallForm: Hashable, Sendable {
    /// `client.get_object(...)`.
    case direct
    /// `client.get_paginator("list_objects_v2")`.
    case paginator
    /// `client.get_waiter("bucket_exists")`.
    case waiter(String)
    /// `client.generate_presigned_url("get_object", ...)`: the URL is signed with the role's
    /// credentials, so whoever uses it needs the role to hold the signed operation's permission.
    case presignedURL
    /// A resource-API method such as `Table.query` or `Bucket.objects.filter`.
    case resourceAPI(String)
    /// A helper library method such as `upload_file`, `batch_writer` or a Powertools function.
    case helper(String)
    /// The AWS Parameters and Secrets Lambda extension called over HTTP on localhost:2773.
    case parametersAndSecretsExtension
}

/// One AWS API operation the handler code can call, with what is known about its arguments.
package struct SDKCall: Hashable, Sendable {
    /// The SDK's service client name as boto3 spells it (`s3`, `stepfunctions`, `dynamodb`).
    /// Analyzers of other languages map their client names to this one through the catalog.
    package var client: String
    /// The API operation in PascalCase, the same in every SDK (`ListObjectsV2`).
    package var operation: String
    /// Request parameters by their API name (`Bucket`, `Key`, `TableName`, `IndexName`).
    /// A parameter that is present but unknown maps to `.unknown`; one that is absent is missing.
    package var arguments: [String: SymbolicValue]
    package var form: CallForm
    package var location: SourceLocation
    /// True when some keyword arguments could not be seen (`**kwargs`), so argument-triggered
    /// actions may be missing; synthesis warns.
    package var hasOpaqueArguments: Bool

    package init(
        client: String,
        operation: String,
        arguments: [String: SymbolicValue] = [:],
        form: CallForm = .direct,
        location: SourceLocation,
        hasOpaqueArguments: Bool = false
    ) {
        self.client = client
        self.operation = operation
        self.arguments = arguments
        self.form = form
        self.location = location
        self.hasOpaqueArguments = hasOpaqueArguments
    }
}
