import Diagnostics
import SourceAnalysis

extension SDKRecognizer {
    /// Client methods that call no API operation themselves.
    static let localMethods: Set<String> = [
        "destroy", "middlewareStack", "config", "promise", "on", "done", "abort", "createSet", "constructor",
        "makeRequest", "makeUnauthenticatedRequest", "setupRequestListeners",
    ]

    /// A method call on an SDK value: `client.send(command)`, `s3.getObject(params)`,
    /// `docClient.put(params)`, `provider.get(name)`.
    func call(_ sdk: SDKValue, _ method: String, _ site: CallSite) -> Value {
        escapeCallbacks(site)
        switch sdk {
        case .client(let client, let isAggregated):
            if method == "send" { return send(site.argument(0), at: site) }
            guard isAggregated, !Self.localMethods.contains(method) else { return .notFollowed }
            return aggregatedCall(client, method, site)
        case .documentClient(let isV3, let isAggregated):
            if method == "send" { return send(site.argument(0), at: site) }
            guard isAggregated, let operation = Self.documentClientOperations[method] else { return .notFollowed }
            record(
                "dynamodb", operation, input: site.argument(0),
                form: .helper(isV3 ? "DynamoDBDocument" : "DocumentClient"), at: site)
            return .sdk(.version2Request)
        case .documentClientClass(let isV3, let isAggregated) where method == "from":
            return .sdk(.documentClient(isV3: isV3, isAggregated: isAggregated))
        case .powertoolsProvider(let provider, let configuration):
            HelperCalls(recognizer: self).powertoolsProvider(provider, configuration, method, at: site)
            return .unknown("a parameter value")
        default:
            return .notFollowed
        }
    }

    /// A call of an SDK function: `getSignedUrl`, `paginateX`, `waitUntilX`, Powertools
    /// functions, `fetch`.
    func callFunction(_ sdk: SDKValue, _ site: CallSite) -> Value {
        escapeCallbacks(site)
        switch sdk {
        case .presigner:
            for command in site.argument(1).alternatives {
                guard case .sdk(.command(let client, let operation, let input, _)) = command else {
                    reportUnknownCommand("the command of this presigned URL", at: site)
                    continue
                }
                record(client, operation, input: input, form: .presignedURL, at: site)
            }
            return .symbolic(.unknown(reason: "a presigned URL"))
        case .paginator(let client, let operation):
            guard interpreter.catalog.operation(client: client, name: operation) != nil else {
                reportUnknownOperation(client, operation, at: site)
                return .notFollowed
            }
            record(client, operation, input: site.argument(1), form: .paginator, at: site)
            return .notFollowed
        case .waiter(let client, let waiter):
            guard let operation = interpreter.catalog.waiterOperation(client: client, waiter: waiter) else {
                reportUnknownCommand("the \(client) waiter '\(waiter)'", at: site)
                return .notFollowed
            }
            record(client, operation, input: site.argument(1), form: .waiter(waiter), at: site)
            return .notFollowed
        case .powertoolsFunction(let name):
            HelperCalls(recognizer: self).powertoolsFunction(name, at: site)
            return .unknown("a parameter value")
        case .libraryFunction(let name):
            HelperCalls(recognizer: self).libraryFunction(name, at: site)
            return name == "fromTemporaryCredentials" ? .unknown("credentials") : .unknown("a presigned POST")
        case .httpFunction, .package(PackageExports.http):
            for call in ExtensionRecognizer.calls(site) { interpreter.record(call) }
            return .notFollowed
        default:
            return .notFollowed
        }
    }

    private func send(_ command: Value, at site: CallSite) -> Value {
        var sent = false
        for alternative in command.alternatives {
            if case .unknown(Self.unknownCommandReason) = alternative { sent = true }
            guard case .sdk(.command(let client, let operation, let input, let helper)) = alternative else { continue }
            record(client, operation, input: input, form: helper.map { .helper($0) } ?? .direct, at: site)
            sent = true
        }
        if !sent { reportUnknownCommand("the command sent here", at: site) }
        return .unknown("the response of an SDK call")
    }

    private func aggregatedCall(_ client: String, _ method: String, _ site: CallSite) -> Value {
        switch method {
        case "getSignedUrl", "getSignedUrlPromise":
            guard let name = site.argument(0).symbolic.literalValue, let operation = operationName(client, method: name)
            else {
                reportUnknownCommand("the operation of this presigned URL", at: site)
                return .notFollowed
            }
            record(client, operation, input: site.argument(1), form: .presignedURL, at: site)
            return .symbolic(.unknown(reason: "a presigned URL"))
        case "createPresignedPost" where client == "s3":
            record(client, "PutObject", input: site.argument(0), form: .presignedURL, at: site)
            return .notFollowed
        case "upload" where client == "s3":
            HelperCalls(recognizer: self).upload(.object(ObjectBox(["params": site.argument(0)])), at: site)
            return .sdk(.upload)
        case "waitFor":
            guard let waiter = site.argument(0).symbolic.literalValue,
                let operation = interpreter.catalog.waiterOperation(client: client, waiter: waiter)
            else {
                reportUnknownCommand("the waiter of this waitFor call", at: site)
                return .notFollowed
            }
            record(client, operation, input: site.argument(1), form: .waiter(waiter), at: site)
            return .sdk(.version2Request)
        default:
            guard let operation = operationName(client, method: method) else {
                reportUnknownOperation(client, method, at: site)
                return .notFollowed
            }
            record(client, operation, input: site.argument(0), form: .direct, at: site)
            return .sdk(.version2Request)
        }
    }

    /// Records a call whose request parameters are the input object's properties.
    func record(_ client: String, _ operation: String, input: Value, form: CallForm, at site: CallSite) {
        if case .union(let alternatives) = input {
            // Each input the call may get (`cond ? { A } : { B }`) is a call of its own.
            for alternative in alternatives { record(client, operation, input: alternative, form: form, at: site) }
            return
        }
        var arguments: [String: SymbolicValue] = [:]
        var isOpaque = false
        switch input {
        case .object(let box):
            for (name, value) in box.properties {
                if case .unknown(Value.absentReason) = value { continue }
                arguments[name] = value.symbolic
            }
            isOpaque = box.hasUnknownProperties
            if client == "dynamodb", operation == "BatchGetItem" || operation == "BatchWriteItem",
                arguments["TableName"] == nil, let tables = batchTableNames(box)
            {
                arguments["TableName"] = tables
            }
        case .unknown(let reason) where reason == "a missing argument" || reason == Value.absentReason:
            break
        case .function:
            break
        default:
            isOpaque = true
        }
        interpreter.record(
            SDKCall(
                client: client, operation: operation, arguments: arguments, form: form, location: site.location,
                hasOpaqueArguments: isOpaque))
    }

    /// Returns the tables a DynamoDB batch names: the keys of its `RequestItems`, which are table names
    /// or ARNs. Keys the analysis cannot read stay unknown, so the table widens.
    private func batchTableNames(_ input: ObjectBox) -> SymbolicValue? {
        guard case .object(let items)? = input.properties["RequestItems"] else { return nil }
        var tables = items.properties.keys.sorted().map { SymbolicValue.literal($0) }
        tables += items.computedProperties.map(\.key)
        if items.hasUnknownProperties && items.computedProperties.isEmpty {
            tables.append(.unknown(reason: "a key of RequestItems the analysis cannot read"))
        }
        if tables.isEmpty { return nil }
        return tables.count == 1 ? tables[0] : .list(tables)
    }

    /// Functions passed to SDK methods (v2 callbacks) run later with unknown arguments.
    private func escapeCallbacks(_ site: CallSite) {
        for case .function(let closure) in site.arguments { interpreter.escapedFunctions.append(closure) }
    }

    func reportUnknownCommand(_ what: String, at site: CallSite) {
        interpreter.warn(
            .javaScriptUnknownCommand, "cannot tell which operation \(what) calls; the call is not analyzed",
            at: site.location,
            notes: [
                "build the command with 'new XCommand(...)' in the same function or a variable the analysis can follow"
            ])
    }
}
