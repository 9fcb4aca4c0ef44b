import SourceAnalysis

extension Evaluator {
    /// Packages of type stubs for boto3 and aiobotocore, whose module names carry the service:
    /// `mypy_boto3_s3.client.S3Client`, `types_aiobotocore_sqs.SQSClient`.
    private static let stubPrefixes = ["mypy_boto3_", "types_boto3_", "types_aiobotocore_"]

    /// Returns the SDK object a type annotation names, such as `s3: S3Client`, or `nil`.
    func typeValue(_ annotation: Expression, in scope: Int) -> Value? {
        switch annotation {
        case .string(let parts):
            guard parts.count == 1, case .text(let text) = parts[0] else { return nil }
            let names = text.split(separator: ".").map(String.init)
            guard let first = names.first else { return nil }
            var value = value(ofName: first, in: scope)
            for name in names.dropFirst() { value = attribute(name, of: value) }
            return stubType(value)
        case .subscript(_, let indexes):
            return indexes.lazy.compactMap { self.typeValue($0, in: scope) }.first
        case .binary(let first, let rest):
            return ([first] + rest.map(\.1)).lazy.compactMap { self.typeValue($0, in: scope) }.first
        default:
            return stubType(evaluate(annotation, in: scope))
        }
    }

    private func stubType(_ value: Value) -> Value? {
        guard case .external(let path) = value else { return nil }
        let components = path.split(separator: ".").map(String.init)
        guard let module = components.first, let typeName = components.last,
            let prefix = Self.stubPrefixes.first(where: { module.hasPrefix($0) })
        else { return nil }
        let service = String(module.dropFirst(prefix.count))
        let candidates = [service.replacingOccurrences(of: "_", with: "-"), service]
        let client = candidates.first { catalog.client(named: $0) != nil } ?? candidates[0]
        if typeName.hasSuffix("ServiceResource") { return .serviceResource(client) }
        if typeName.hasSuffix("Client") { return .client(client) }
        if catalog.resourceIdentifiers(client: client, resource: typeName) != nil {
            return .resourceObject(ResourceReference(client: client, resource: typeName, identifiers: [:]))
        }
        return nil
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// Walks statements without entering nested functions and classes, whose bodies run only
/// when they are called.
enum StatementWalker {
    static func forEachReturn(in statements: [Statement], _ visit: (Expression?) -> Void) {
        for statement in statements {
            switch statement {
            case .returnValue(let value): visit(value)
            case .forLoop(_, _, let body), .with(_, let body), .exceptHandler(_, _, let body), .block(_, let body):
                forEachReturn(in: body, visit)
            default: break
            }
        }
    }
}
