import Diagnostics
import IAMCatalog
import SourceAnalysis

/// Turns calls on SDK objects into `SDKCall`s through the catalog, and reports calls it
/// cannot map. It never makes up an operation the catalog does not list.
struct SDKCallRecognizer {
    let evaluator: Evaluator
    let catalog: Catalog
    let diagnostics: DiagnosticSink

    /// Client methods that call no API operation themselves.
    static let localClientMethods: Set<String> = ["get_paginator", "get_waiter", "can_paginate", "close"]
    static let collectionMethods: Set<String> = ["all", "filter", "limit", "page_size", "pages"]

    /// True for a method of a client that the client has, as an operation or a helper.
    private func knowsMethod(_ callee: Value) -> Bool {
        guard case .boundMethod(.client(let client), let method) = callee else { return false }
        return catalog.operationName(client: client, pythonMethod: method) != nil
            || catalog.helperMethod(client: client, method: method) != nil
            || ["get_paginator", "get_waiter", "generate_presigned_url", "generate_presigned_post"].contains(method)
    }

    func calls(for callee: Value, at site: CallSite) -> [SDKCall] {
        switch callee {
        case .boundMethod(.client(let client), let method):
            return clientCalls(client, method, at: site)
        case .boundMethod(.paginator(let client, let operation), "paginate"):
            return [call(client, operation, at: site, form: .paginator)]
        case .boundMethod(.waiter(let client, let name, let operation), "wait"):
            var waited = call(client, operation, at: site, form: .waiter(name))
            waited.arguments["WaiterConfig"] = nil
            return [waited]
        case .boundMethod(.serviceResource(let client), let method):
            return serviceResourceCalls(client, method, at: site)
        case .boundMethod(.resourceObject(let reference), let method):
            return resourceCalls(reference, method, at: site)
        case .boundMethod(.collection(let reference, let collection), let method)
        where Self.collectionMethods.contains(method):
            return collectionCalls(reference, collection, method, at: site)
        case .boundMethod(.collection(let reference, let collection), "delete"),
            .boundMethod(.collectionResult(let reference, let collection), "delete"):
            return batchDeleteCalls(reference, collection, at: site)
        case .boundMethod(.externalInstance(let path, let constructorArguments), let method):
            return PowertoolsRecognizer(recognizer: self).providerCalls(path, constructorArguments, method, at: site)
        case .external(let path):
            return PowertoolsRecognizer(recognizer: self).functionCalls(path, at: site)
        case .union(let members):
            // A client made for one of several services: the method belongs to the ones that
            // have it, and the others are not reported as unknown.
            let owners = members.filter(knowsMethod)
            return (owners.isEmpty ? members : owners).flatMap { calls(for: $0, at: site) }
        default:
            return []
        }
    }

    /// Builds a call whose arguments are the site's keyword arguments.
    func call(_ client: String, _ operation: String, at site: CallSite, form: CallForm) -> SDKCall {
        var keywords = evaluator.keywordArguments(site.arguments, in: site.scope)
        if let tables = batchTableNames(client, operation, known: keywords.values, at: site) {
            keywords.values["TableName"] = tables
        }
        return SDKCall(
            client: client, operation: operation, arguments: keywords.values, form: form, location: site.location,
            hasOpaqueArguments: keywords.isOpaque)
    }

    private func clientCalls(_ client: String, _ method: String, at site: CallSite) -> [SDKCall] {
        if Self.localClientMethods.contains(method) {
            if method == "get_paginator" || method == "get_waiter" { checkOperationName(client, method, at: site) }
            return []
        }
        if method == "generate_presigned_url" { return presignedURLCalls(client, at: site) }
        if method == "generate_presigned_post" {
            return helperCalls(client, method, parameters: ["Bucket", "Key"], at: site) { values in
                guard let operation = catalog.operationName(client: client, pythonMethod: "put_object") else {
                    return []
                }
                return [
                    SDKCall(
                        client: client, operation: operation, arguments: values, form: .presignedURL,
                        location: site.location)
                ]
            }
        }
        if let helper = catalog.helperMethod(client: client, method: method) {
            return HelperRecognizer(recognizer: self).calls(helper, at: site, known: [:])
        }
        if let operation = catalog.operationName(client: client, pythonMethod: method) {
            return [call(client, operation, at: site, form: .direct)]
        }
        reportUnknownMethod(client, method, at: site)
        return []
    }

    private func reportUnknownMethod(_ client: String, _ method: String, at site: CallSite) {
        guard catalog.client(named: client) != nil else {
            diagnostics.report(
                .warning, .pythonUnknownService,
                "the catalog does not know the service '\(client)'; the call to '\(method)' is not analyzed",
                at: site.location, notes: ["check the service name passed to boto3.client or boto3.resource"])
            return
        }
        diagnostics.report(
            .warning, .pythonUnknownClientMethod,
            "the \(client) client has no method '\(method)' in the catalog; it is not analyzed",
            at: site.location, notes: ["check the method name, or add the permission it needs by hand"])
    }

    /// Reports a paginator or waiter whose operation cannot be known.
    private func checkOperationName(_ client: String, _ method: String, at site: CallSite) {
        let name = site.positional.first.flatMap { evaluator.evaluate($0, in: site.scope).symbolic.literalValue }
        let kind = method == "get_paginator" ? "paginator" : "waiter"
        guard let name else {
            diagnostics.report(
                .warning, .pythonUnknownOperationName,
                "the \(kind) name is not a literal string; the calls it makes are not analyzed", at: site.location)
            return
        }
        let isKnown =
            method == "get_paginator"
            ? catalog.operationName(client: client, pythonMethod: name) != nil
            : catalog.waiterOperation(client: client, waiter: name) != nil
        if !isKnown && catalog.client(named: client) != nil {
            diagnostics.report(
                .warning, .pythonUnknownOperationName,
                "the \(client) client has no \(kind) '\(name)' in the catalog; the calls it makes are not analyzed",
                at: site.location)
        }
    }

    private func presignedURLCalls(_ client: String, at site: CallSite) -> [SDKCall] {
        let methodExpression = site.keyword("ClientMethod") ?? site.positional.first
        let method = methodExpression.flatMap { evaluator.evaluate($0, in: site.scope).symbolic.literalValue }
        guard let method, let operation = catalog.operationName(client: client, pythonMethod: method) else {
            diagnostics.report(
                .warning, .pythonUnknownOperationName,
                "the operation of this presigned URL is not a known \(client) method; it is not analyzed",
                at: site.location)
            return []
        }
        let parameters = (site.keyword("Params") ?? (site.positional.count > 1 ? site.positional[1] : nil))
            .map { evaluator.evaluate($0, in: site.scope).symbolic }
        var arguments: [String: SymbolicValue] = [:]
        var isOpaque = false
        if case .dictionary(let entries)? = parameters {
            arguments = entries
        } else if parameters != nil {
            isOpaque = true
        }
        return [
            SDKCall(
                client: client, operation: operation, arguments: arguments, form: .presignedURL,
                location: site.location, hasOpaqueArguments: isOpaque)
        ]
    }

    /// Maps positional arguments to parameter names, adds keyword arguments, and builds calls.
    func helperCalls(
        _ client: String, _ method: String, parameters: [String], at site: CallSite,
        build: ([String: SymbolicValue]) -> [SDKCall]
    ) -> [SDKCall] {
        var values = evaluator.keywordArguments(site.arguments, in: site.scope).values
        for (name, expression) in zip(parameters, site.positional) {
            values[name] = evaluator.evaluate(expression, in: site.scope).symbolic
        }
        return build(values)
    }

    private func serviceResourceCalls(_ client: String, _ method: String, at site: CallSite) -> [SDKCall] {
        if catalog.resourceIdentifiers(client: client, resource: method) != nil { return [] }
        if let resourceMethod = catalog.resourceMethod(client: client, resource: "ServiceResource", method: method) {
            return [call(client, resourceMethod.operation, at: site, form: .resourceAPI("ServiceResource.\(method)"))]
        }
        if let operation = catalog.operationName(client: client, pythonMethod: method) {
            return [call(client, operation, at: site, form: .resourceAPI("ServiceResource.\(method)"))]
        }
        reportUnknownResourceMethod(client, "ServiceResource", method, at: site)
        return []
    }

    func reportUnknownResourceMethod(_ client: String, _ resource: String, _ method: String, at site: CallSite) {
        diagnostics.report(
            .warning, .pythonUnknownResourceMethod,
            "the \(client) resource \(resource) has no method '\(method)' in the catalog; it is not analyzed",
            at: site.location, notes: ["check the method name, or add the permission it needs by hand"])
    }
}
