import IAMCatalog
import SourceAnalysis

extension SDKCallRecognizer {
    /// Helper methods of the SDK that resource objects also have, under the same name.
    static let resourceHelperMethods: Set<String> = [
        "upload_file", "upload_fileobj", "download_file", "download_fileobj", "copy", "batch_writer",
    ]

    func resourceCalls(_ reference: ResourceReference, _ method: String, at site: CallSite) -> [SDKCall] {
        let client = reference.client
        if catalog.resourceIdentifiers(client: client, resource: method) != nil { return [] }
        let helper =
            catalog.helperMethod(client: client, resource: reference.resource, method: method)
            ?? (Self.resourceHelperMethods.contains(method)
                ? catalog.helperMethod(client: client, method: method) : nil)
        if let helper {
            let known = helperIdentifiers(reference, helper: helper)
            return HelperRecognizer(recognizer: self).calls(helper, at: site, known: known)
        }
        guard let resourceMethod = catalog.resourceMethod(client: client, resource: reference.resource, method: method),
            !resourceMethod.isCollection
        else {
            reportUnknownResourceMethod(client, reference.resource, method, at: site)
            return []
        }
        let form: CallForm =
            resourceMethod.waiter.map { .waiter($0) } ?? .resourceAPI("\(reference.resource).\(method)")
        var resourceCall = call(client, resourceMethod.operation, at: site, form: form)
        for (identifier, parameter) in resourceMethod.identifierParameters {
            if let value = reference.identifiers[Naming.snakeCase(identifier)] {
                resourceCall.arguments[parameter] = value
            }
        }
        return [resourceCall]
    }

    func collectionCalls(
        _ reference: ResourceReference, _ collection: String, _ method: String, at site: CallSite
    ) -> [SDKCall] {
        guard
            let listing = catalog.resourceMethod(
                client: reference.client, resource: reference.resource, method: collection)
        else {
            reportUnknownResourceMethod(reference.client, reference.resource, collection, at: site)
            return []
        }
        let form = CallForm.resourceAPI("\(reference.resource).\(collection).\(method)")
        var listed = call(reference.client, listing.operation, at: site, form: form)
        if method != "filter" { listed.arguments = [:] }
        for (identifier, parameter) in listing.identifierParameters {
            if let value = reference.identifiers[Naming.snakeCase(identifier)] { listed.arguments[parameter] = value }
        }
        return [listed]
    }

    /// Builds the calls of `collection.delete()`: the listing, then the batch delete the
    /// catalog names for the collection's items (`(batch) delete`), when it names exactly one.
    func batchDeleteCalls(_ reference: ResourceReference, _ collection: String, at site: CallSite) -> [SDKCall] {
        var calls = collectionCalls(reference, collection, "all", at: site)
        guard let listed = calls.first else { return [] }
        let operations = Set(
            catalog.resourceNames(client: reference.client).compactMap {
                catalog.resourceMethod(client: reference.client, resource: $0, method: "(batch) delete")?.operation
            })
        guard operations.count == 1, let operation = operations.first else {
            reportUnknownResourceMethod(reference.client, reference.resource, "\(collection).delete", at: site)
            return calls
        }
        var deletion = listed
        deletion.operation = operation
        deletion.form = .resourceAPI("\(reference.resource).\(collection).delete")
        calls.append(deletion)
        return calls
    }

    /// Renames a resource's identifiers to the helper's parameters. `Bucket.name` and
    /// `Object.bucket_name` fill `Bucket`, `Object.key` fills `Key`, `Table.name` fills `TableName`.
    private func helperIdentifiers(_ reference: ResourceReference, helper: HelperMethod) -> [String: SymbolicValue] {
        var accepted = Set(helper.parameters)
        for operation in helper.operations { accepted.formUnion(operation.parameterMap.keys) }
        var known: [String: SymbolicValue] = [:]
        for (snakeIdentifier, value) in reference.identifiers {
            let identifier = Naming.pascalCase(snakeIdentifier)
            var candidates = [identifier]
            if identifier == "Name" { candidates = [reference.resource, reference.resource + "Name"] }
            if identifier.hasSuffix("Name") && identifier != "Name" {
                candidates = [String(identifier.dropLast(4)), identifier]
            }
            let name = candidates.first(where: accepted.contains) ?? candidates[candidates.count - 1]
            known[name] = value
        }
        return known
    }
}

/// Calls made by SDK helper methods (`upload_file`, `batch_writer`, Powertools functions):
/// positional arguments fill the helper's parameters in order, `ExtraArgs` entries become
/// request parameters, and each operation receives the arguments its parameter map names.
struct HelperRecognizer {
    let recognizer: SDKCallRecognizer

    static let helperOnlyParameters: Set<String> = ["ExtraArgs", "Callback", "Config", "Fileobj", "Filename"]

    func calls(_ helper: HelperMethod, at site: CallSite, known: [String: SymbolicValue]) -> [SDKCall] {
        let evaluator = recognizer.evaluator
        var values = known
        var remaining = helper.parameters.filter { values[$0] == nil }[...]
        for expression in site.positional {
            guard let name = remaining.popFirst() else { break }
            values[name] = evaluator.evaluate(expression, in: site.scope).symbolic
        }
        let keywords = evaluator.keywordArguments(site.arguments, in: site.scope)
        values.merge(keywords.values) { _, new in new }
        var extra: [String: SymbolicValue] = [:]
        if case .dictionary(let entries)? = values["ExtraArgs"] { extra = entries }
        return helper.operations.map { operation in
            var arguments: [String: SymbolicValue] = [:]
            if operation.parameterMap.isEmpty {
                arguments = values.filter { !Self.helperOnlyParameters.contains($0.key) }
            } else {
                for (helperName, requestName) in operation.parameterMap {
                    if let value = values[helperName] { arguments[requestName] = value }
                }
            }
            arguments.merge(extra) { current, _ in current }
            return SDKCall(
                client: operation.client, operation: operation.operation, arguments: arguments,
                form: .helper(helper.name), location: site.location, hasOpaqueArguments: keywords.isOpaque)
        }
    }
}
