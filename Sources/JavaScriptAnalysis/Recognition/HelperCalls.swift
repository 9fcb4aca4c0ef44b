import SourceAnalysis

/// Calls made on the code's behalf by `@aws-sdk/lib-storage`, the v2 managed upload and
/// Powertools for AWS Lambda (TypeScript) parameters.
struct HelperCalls {
    let recognizer: SDKRecognizer

    /// Parameters of `Upload` that configure the upload itself, not the request.
    private static let uploadOnlyParameters: Set<String> = ["Body"]
    /// Parameters the part calls share with the upload. `SSEKMSKeyId` is not a parameter of
    /// `UploadPart`, but S3 encrypts every part with the key `CreateMultipartUpload` named, so the
    /// part calls carry it for the KMS permissions they need (`kms:Decrypt` for `UploadPart`).
    private static let partParameters: Set<String> = [
        "Bucket", "Key", "SSECustomerAlgorithm", "SSECustomerKey", "SSECustomerKeyMD5", "ExpectedBucketOwner",
        "RequestPayer", "SSEKMSKeyId",
    ]

    /// `new Upload({ client, params })` sends the object in one `PutObject` or in parts, and
    /// aborts a failed multipart upload.
    func upload(_ options: Value, at site: CallSite) {
        let parameters = recognizer.interpreter.member(of: options, "params")
        var all: [String: SymbolicValue] = [:]
        var isOpaque = true
        if case .object(let box) = parameters {
            for (name, value) in box.properties where !Self.uploadOnlyParameters.contains(name) {
                all[name] = value.symbolic
            }
            isOpaque = box.hasUnknownProperties
        }
        let parts = all.filter { Self.partParameters.contains($0.key) }
        let operations: [(String, [String: SymbolicValue])] = [
            ("PutObject", all), ("CreateMultipartUpload", all), ("UploadPart", parts),
            ("CompleteMultipartUpload", parts), ("AbortMultipartUpload", parts),
        ]
        for (operation, arguments) in operations {
            recognizer.interpreter.record(
                SDKCall(
                    client: "s3", operation: operation, arguments: arguments, form: .helper("Upload"),
                    location: site.location, hasOpaqueArguments: isOpaque))
        }
    }

    func powertoolsFunction(_ name: String, at site: CallSite) {
        let first = site.argument(0)
        switch name {
        case "getParameter": emit("ssm", "GetParameter", ["Name": first.symbolic], name, site)
        case "setParameter": emit("ssm", "PutParameter", ["Name": first.symbolic], name, site)
        case "getParameters": emit("ssm", "GetParametersByPath", ["Path": first.symbolic], name, site)
        case "getParametersByName":
            var names: [SymbolicValue] = []
            if case .object(let box) = first { names = box.properties.keys.sorted().map { .literal($0) } }
            emit("ssm", "GetParameters", ["Names": .list(names)], name, site)
        case "getSecret": emit("secretsmanager", "GetSecretValue", ["SecretId": first.symbolic], name, site)
        case "getAppConfig": appConfig(profile: first, options: site.argument(1), helper: name, site)
        default: break
        }
    }

    func powertoolsProvider(_ provider: String, _ configuration: Value, _ method: String, at site: CallSite) {
        let first = site.argument(0)
        let helper = "\(provider).\(method)"
        switch (provider, method) {
        case ("SSMProvider", "get"): emit("ssm", "GetParameter", ["Name": first.symbolic], helper, site)
        case ("SSMProvider", "getMultiple"): emit("ssm", "GetParametersByPath", ["Path": first.symbolic], helper, site)
        case ("SSMProvider", "getParametersByName"): emit("ssm", "GetParameters", [:], helper, site)
        case ("SSMProvider", "set"): emit("ssm", "PutParameter", ["Name": first.symbolic], helper, site)
        case ("SecretsProvider", "get"):
            emit("secretsmanager", "GetSecretValue", ["SecretId": first.symbolic], helper, site)
        case ("DynamoDBProvider", "get"), ("DynamoDBProvider", "getMultiple"):
            let table = recognizer.interpreter.member(of: configuration, "tableName").symbolic
            emit("dynamodb", method == "get" ? "GetItem" : "Query", ["TableName": table], helper, site)
        case ("AppConfigProvider", "get"):
            appConfig(profile: first, options: configuration, helper: helper, site)
        default: break
        }
    }

    /// `createPresignedPost(client, { Bucket, Key })` signs a `PutObject` form, and
    /// `fromTemporaryCredentials({ params: { RoleArn } })` assumes the role when used.
    func libraryFunction(_ name: String, at site: CallSite) {
        let interpreter = recognizer.interpreter
        switch name {
        case "createPresignedPost":
            let options = site.argument(1)
            let arguments: [String: SymbolicValue] = [
                "Bucket": interpreter.member(of: options, "Bucket").symbolic,
                "Key": interpreter.member(of: options, "Key").symbolic,
            ]
            recognizer.interpreter.record(
                SDKCall(
                    client: "s3", operation: "PutObject", arguments: arguments, form: .presignedURL,
                    location: site.location))
        case "fromTemporaryCredentials":
            let parameters = interpreter.member(of: site.argument(0), "params")
            recognizer.record("sts", "AssumeRole", input: parameters, form: .helper(name), at: site)
        default: break
        }
    }

    /// `new DynamoDBPersistenceLayer({ tableName })`: the idempotency utility reads, writes,
    /// updates and deletes records in the table on every invocation.
    func libraryClass(_ name: String, at site: CallSite) {
        guard name == "DynamoDBPersistenceLayer" else { return }
        let table = recognizer.interpreter.member(of: site.argument(0), "tableName").symbolic
        for operation in ["GetItem", "PutItem", "UpdateItem", "DeleteItem"] {
            emit("dynamodb", operation, ["TableName": table], name, site)
        }
    }

    private func appConfig(profile: Value, options: Value, helper: String, _ site: CallSite) {
        let interpreter = recognizer.interpreter
        let session: [String: SymbolicValue] = [
            "ConfigurationProfileIdentifier": profile.symbolic,
            "EnvironmentIdentifier": interpreter.member(of: options, "environment").symbolic,
            "ApplicationIdentifier": interpreter.member(of: options, "application").symbolic,
        ]
        emit("appconfigdata", "StartConfigurationSession", session, helper, site)
        emit("appconfigdata", "GetLatestConfiguration", [:], helper, site)
    }

    private func emit(
        _ client: String, _ operation: String, _ arguments: [String: SymbolicValue], _ helper: String, _ site: CallSite
    ) {
        recognizer.interpreter.record(
            SDKCall(
                client: client, operation: operation, arguments: arguments, form: .helper(helper),
                location: site.location))
    }
}
