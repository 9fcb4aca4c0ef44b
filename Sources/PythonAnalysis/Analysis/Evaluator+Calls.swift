import SourceAnalysis

extension Evaluator {
    static let sessionFactories: Set<String> = [
        "boto3.Session", "boto3.session.Session", "aioboto3.Session", "aioboto3.session.Session",
        "botocore.session.get_session", "botocore.session.Session", "aiobotocore.session.get_session",
        "aiobotocore.session.AioSession", "aiobotocore.session.get_session",
    ]

    /// Methods of a session that make a client or a service resource.
    static let clientFactoryMethods: Set<String> = ["client", "create_client"]

    /// Functions that return their first argument's text unchanged for the analysis.
    static let passThroughFunctions: Set<String> = [
        "builtins.str", "urllib.parse.quote", "urllib.parse.quote_plus", "urllib.parse.unquote",
        "urllib.parse.unquote_plus",
    ]

    func result(ofCalling callee: Value, with arguments: [Argument], in scope: Int) -> Value {
        switch callee {
        case .external(let path): return externalResult(path, arguments, in: scope)
        case .boundMethod(let receiver, let name): return methodResult(receiver, name, arguments, in: scope)
        case .function(let id): return returnValue(of: id)
        case .classObject(let id): return .instance(id)
        case .union(let members): return .union(of: members.map { result(ofCalling: $0, with: arguments, in: scope) })
        default: return .unknown("the result of a call")
        }
    }

    private func externalResult(_ path: String, _ arguments: [Argument], in scope: Int) -> Value {
        switch path {
        case "boto3.client": return client(arguments, in: scope)
        case "boto3.resource": return serviceResource(arguments, in: scope)
        case "os.getenv", "os.environ.get": return environmentValue(arguments, in: scope)
        case "os.path.join", "posixpath.join":
            return .data(joined(arguments.map { $0.value }, separator: "/", in: scope))
        case "builtins.getattr": return dynamicAttribute(arguments, in: scope)
        case _ where Self.sessionFactories.contains(path): return .session
        case _ where Self.pathTypes.contains(path): return pathObject(path, arguments, in: scope)
        case _ where Self.passThroughFunctions.contains(path):
            guard let first = arguments.first else { return .unknown("an empty call") }
            return evaluate(first.value, in: scope)
        default:
            return .externalInstance(path, keywordArguments(arguments, in: scope).values)
        }
    }

    private func methodResult(_ receiver: Value, _ name: String, _ arguments: [Argument], in scope: Int) -> Value {
        switch receiver {
        case .session:
            if Self.clientFactoryMethods.contains(name) { return client(arguments, in: scope) }
            if name == "resource" { return serviceResource(arguments, in: scope) }
        case .client(let client):
            return clientMethodResult(client, name, arguments, in: scope)
        case .serviceResource(let client):
            if catalog.resourceIdentifiers(client: client, resource: name) != nil {
                return .resourceObject(resource(client, name, parent: [:], arguments, in: scope))
            }
            if let created = createdResource(client, name, arguments, in: scope) { return .resourceObject(created) }
        case .resourceObject(let parent):
            if catalog.resourceIdentifiers(client: parent.client, resource: name) != nil {
                let inherited = inheritedIdentifiers(of: parent)
                return .resourceObject(resource(parent.client, name, parent: inherited, arguments, in: scope))
            }
        case .collection(var reference, let collection), .collectionResult(var reference, let collection):
            // `objects.filter(Prefix=...)` lists keys under the prefix; items keep it.
            if name == "filter", let prefix = keywordArguments(arguments, in: scope).values["Prefix"] {
                reference.identifiers[Self.listingPrefixIdentifier] = prefix
            }
            return .collectionResult(reference, collection)
        case .instance(let id):
            if let method = program.method(named: name, inClass: id, bases: baseClasses) {
                return returnValue(of: method)
            }
        case .data(.dictionary(let entries)) where name == "get":
            // `response.get("Contents", [])`: the member when the mapping has it, else the default.
            guard let key = arguments.first.flatMap({ evaluate($0.value, in: scope).symbolic.literalValue }) else {
                return .unknown("a member chosen at run time")
            }
            if let member = entries[key] { return .data(member) }
            return arguments.count > 1 ? evaluate(arguments[1].value, in: scope) : .none
        case .paginator(let client, let operation) where name == "paginate":
            guard let page = listingPage(client: client, operation: operation, arguments, in: scope) else {
                return .unknown("the pages of \(client) \(operation)")
            }
            return .data(.list([page]))
        case .data(.event(let path)) where name == "get":
            // `event.get("Records", [])` reads the same member as `event["Records"]`.
            guard let key = arguments.first.flatMap({ evaluate($0.value, in: scope).symbolic.literalValue }) else {
                return .data(.event(path: path + ["*"]))
            }
            return .data(.event(path: path + [key]))
        case .data(let text):
            let positional = arguments.filter { if case .positional = $0.kind { true } else { false } }
            return StringMethods.result(
                of: name, on: text, arguments: positional.map { evaluate($0.value, in: scope) },
                named: keywordArguments(arguments, in: scope).values)
        default:
            break
        }
        return .unknown("the result of '\(name)'")
    }

    private func clientMethodResult(_ client: String, _ name: String, _ arguments: [Argument], in scope: Int) -> Value {
        let firstArgument = arguments.first.map { evaluate($0.value, in: scope).symbolic.literalValue } ?? nil
        switch name {
        case "get_paginator":
            guard let method = firstArgument,
                let operation = catalog.operationName(client: client, pythonMethod: method)
            else { return .unknown("a paginator whose operation is not known") }
            return .paginator(client: client, operation: operation)
        case "get_waiter":
            guard let waiter = firstArgument else { return .unknown("a waiter whose name is not known") }
            guard let operation = catalog.waiterOperation(client: client, waiter: waiter) else {
                return .unknown("waiter '\(waiter)' is not known for \(client)")
            }
            return .waiter(client: client, name: waiter, operation: operation)
        default:
            if let operation = catalog.operationName(client: client, pythonMethod: name),
                let page = listingPage(client: client, operation: operation, arguments, in: scope)
            {
                return .data(page)
            }
            return .unknown("the response of \(client).\(name)")
        }
    }

    /// The shape of an S3 listing response that later calls read keys from: `Contents` items
    /// whose `Key` starts with the request's `Prefix`. Other responses stay unknown.
    private func listingPage(client: String, operation: String, _ arguments: [Argument], in scope: Int)
        -> SymbolicValue?
    {
        guard client == "s3", operation == "ListObjectsV2" || operation == "ListObjects" else { return nil }
        let key: SymbolicValue =
            keywordArguments(arguments, in: scope).values["Prefix"].map {
                .concatenation([$0, .unknown(reason: SymbolicValue.listedKeyReason)])
            } ?? .unknown(reason: "a key listed from the bucket")
        return .dictionary(["Contents": .list([.dictionary(["Key": key])])])
    }

    /// Service-resource actions that return a resource object, with the request parameter
    /// that names it and the identifier it fills (or `nil` when the request does not carry it).
    private static let resourceFactories: [String: (resource: String, parameter: String, identifier: String?)] = [
        "sqs.get_queue_by_name": ("Queue", "QueueName", nil),
        "sqs.create_queue": ("Queue", "QueueName", nil),
        "sns.create_topic": ("Topic", "Name", nil),
        "dynamodb.create_table": ("Table", "TableName", "name"),
        "s3.create_bucket": ("Bucket", "Bucket", "name"),
    ]

    private func createdResource(
        _ client: String, _ method: String, _ arguments: [Argument], in scope: Int
    ) -> ResourceReference? {
        guard let factory = Self.resourceFactories["\(client).\(method)"] else { return nil }
        let name = keywordArguments(arguments, in: scope).values[factory.parameter]
        var identifiers: [String: SymbolicValue] = [:]
        for identifier in catalog.resourceIdentifiers(client: client, resource: factory.resource) ?? [] {
            if identifier == factory.identifier, let name {
                identifiers[identifier] = name
            } else {
                let named = name.map { " for \(factory.parameter) \($0)" } ?? ""
                identifiers[identifier] = .unknown(reason: "returned by \(method)\(named)")
            }
        }
        return ResourceReference(client: client, resource: factory.resource, identifiers: identifiers)
    }

    /// Evaluates the service name of `boto3.client(...)`, `session.client(...)` and the like.
    func serviceName(_ arguments: [Argument], in scope: Int) -> SymbolicValue? {
        for argument in arguments {
            if case .keyword("service_name") = argument.kind { return evaluate(argument.value, in: scope).symbolic }
        }
        guard let first = arguments.first, case .positional = first.kind else { return nil }
        return evaluate(first.value, in: scope).symbolic
    }

    /// The service names a client factory can receive: one literal, or every literal of a
    /// value that differs between call sites (`make_client("s3")`, `make_client("sqs")`).
    func serviceNames(_ arguments: [Argument], in scope: Int) -> [String]? {
        var argument: Expression?
        for candidate in arguments {
            if case .keyword("service_name") = candidate.kind { argument = candidate.value }
        }
        if argument == nil, let first = arguments.first, case .positional = first.kind { argument = first.value }
        guard let argument else { return nil }
        var names: [String] = []
        for alternative in evaluate(argument, in: scope).alternatives {
            guard let name = alternative.symbolic.literalValue else { return nil }
            if !names.contains(name) { names.append(name) }
        }
        return names.isEmpty ? nil : names
    }

    private func client(_ arguments: [Argument], in scope: Int) -> Value {
        guard let names = serviceNames(arguments, in: scope) else {
            return .unknown("a client whose service name is not known")
        }
        return .union(of: names.map { .client($0) })
    }

    private func serviceResource(_ arguments: [Argument], in scope: Int) -> Value {
        guard let name = serviceName(arguments, in: scope)?.literalValue else {
            return .unknown("a resource whose service name is not known")
        }
        return .serviceResource(name)
    }

    /// Builds a resource object. Identifiers come from the parent first, then positional
    /// arguments fill the remaining ones in order, then keyword arguments by identifier name.
    private func resource(
        _ client: String, _ name: String, parent: [String: SymbolicValue], _ arguments: [Argument], in scope: Int
    ) -> ResourceReference {
        let identifierNames = catalog.resourceIdentifiers(client: client, resource: name) ?? []
        var identifiers = parent.filter { identifierNames.contains($0.key) }
        var remaining = identifierNames.filter { identifiers[$0] == nil }[...]
        for argument in arguments {
            switch argument.kind {
            case .positional:
                guard let next = remaining.popFirst() else { continue }
                identifiers[next] = evaluate(argument.value, in: scope).symbolic
            case .keyword(let keyword):
                let match = identifierNames.first { $0 == keyword }
                if let match { identifiers[match] = evaluate(argument.value, in: scope).symbolic }
            default:
                continue
            }
        }
        return ResourceReference(client: client, resource: name, identifiers: identifiers)
    }

    /// Renames a parent's identifiers as a sub-resource names them: `Bucket.name` → `bucket_name`.
    private func inheritedIdentifiers(of parent: ResourceReference) -> [String: SymbolicValue] {
        var inherited: [String: SymbolicValue] = [:]
        for (name, value) in parent.identifiers {
            inherited[name == "name" ? Naming.snakeCase(parent.resource) + "_name" : name] = value
            inherited[name] = value
        }
        return inherited
    }

    private func environmentValue(_ arguments: [Argument], in scope: Int) -> Value {
        let values = arguments.map { evaluate($0.value, in: scope).symbolic }
        guard let name = values.first?.literalValue else {
            return .data(.unknown(reason: "an environment variable name computed at run time"))
        }
        let defaultValue = values.count > 1 ? values[1].literalValue : nil
        return .data(.environment(name: name, defaultValue: defaultValue))
    }

    /// `getattr(object, "name")` is the attribute; a computed name is unknown.
    private func dynamicAttribute(_ arguments: [Argument], in scope: Int) -> Value {
        guard arguments.count >= 2 else { return .unknown("getattr without a name") }
        let object = evaluate(arguments[0].value, in: scope)
        guard let name = evaluate(arguments[1].value, in: scope).symbolic.literalValue else {
            return .unknown("getattr with a name computed at run time")
        }
        return attribute(name, of: object)
    }

    /// Evaluates keyword arguments. A `**mapping` with known keys is merged, and any other `**`
    /// or `*` argument makes the arguments opaque.
    func keywordArguments(_ arguments: [Argument], in scope: Int) -> (values: [String: SymbolicValue], isOpaque: Bool) {
        var values: [String: SymbolicValue] = [:]
        var isOpaque = false
        for argument in arguments {
            switch argument.kind {
            case .keyword(let name):
                values[name] = evaluate(argument.value, in: scope).symbolic
            case .unpackedMapping:
                // Each possible dictionary adds its keys, because any of them may be passed.
                for alternative in evaluate(argument.value, in: scope).alternatives {
                    if case .data(.dictionary(let entries)) = alternative {
                        values.merge(entries) { current, _ in current }
                    } else {
                        isOpaque = true
                    }
                }
            case .unpackedIterable:
                isOpaque = true
            case .positional:
                continue
            }
        }
        return (values, isOpaque)
    }
}
