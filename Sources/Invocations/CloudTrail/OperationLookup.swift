import IAMCatalog
import Synchronization

/// Finds the SDK operation a CloudTrail event records, from its `eventSource` host and
/// `eventName`. The host is usually the SDK client's name or IAM prefix; the exceptions are listed
/// in `clientsByHost`. Results are cached, so each pair is looked up in the catalog once.
final class OperationLookup: Sendable {
    enum Result: Sendable {
        case found(OperationInfo)
        /// Why no operation was found, for a diagnostic.
        case notFound(String)
    }

    /// Event source hosts that differ from the SDK client name and from its IAM prefix.
    private static let clientsByHost: [String: [String]] = [
        "monitoring": ["cloudwatch"],
        "email": ["ses", "sesv2"],
        "ses": ["ses", "sesv2"],
        "elasticloadbalancing": ["elbv2", "elb"],
        "es": ["opensearch", "es"],
        "execute-api": ["apigatewaymanagementapi"],
        "bedrock": ["bedrock-runtime", "bedrock", "bedrock-agent-runtime", "bedrock-agent"],
        "lex": ["lexv2-runtime", "lex-runtime"],
        "iot": ["iot", "iot-data"],
    ]

    private let catalog: Catalog
    private let cache = Mutex<[String: Result]>([:])
    private let index = Mutex<ClientIndex?>(nil)

    init(catalog: Catalog) {
        self.catalog = catalog
    }

    func operation(eventSource: String, eventName: String) -> Result {
        let key = eventSource + " " + eventName
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let result = findOperation(eventSource: eventSource, eventName: eventName)
        cache.withLock { $0[key] = result }
        return result
    }

    private func findOperation(eventSource: String, eventName: String) -> Result {
        var host = Substring(eventSource)
        for suffix in [".amazonaws.com", ".amazonaws.com.cn"] where host.hasSuffix(suffix) {
            host = host.dropLast(suffix.count)
        }
        let names = operationNames(for: eventName)
        var candidates = Self.clientsByHost[String(host)] ?? []
        candidates.append(String(host))
        for client in candidates {
            if let found = operation(in: client, names: names) { return .found(found) }
        }
        for client in clients(withIAMPrefix: String(host)) where !candidates.contains(client) {
            if let found = operation(in: client, names: names) { return .found(found) }
        }
        return .notFound("the catalog has no operation \(eventName) for the event source \(eventSource)")
    }

    private func operation(in client: String, names: [String]) -> OperationInfo? {
        for name in names {
            if let found = catalog.operation(client: client, name: name) { return found }
        }
        return nil
    }

    /// The event name, and without the API version Lambda appends to some of its event names
    /// (`GetFunction20150331v2` is the `GetFunction` operation).
    private func operationNames(for eventName: String) -> [String] {
        var trimmed = Substring(eventName)
        if let last = trimmed.last, last.isNumber, let v = trimmed.lastIndex(of: "v"),
            trimmed[trimmed.index(after: v)...].allSatisfy(\.isNumber)
        {
            trimmed = trimmed[..<v]
        }
        let digits = trimmed.reversed().prefix { $0.isNumber }.count
        guard digits == 8, trimmed.count > 8 else { return [eventName] }
        return [eventName, String(trimmed.dropLast(8))]
    }

    /// Clients that have an operation named `operation`, sorted. The first call decodes every
    /// client of the catalog.
    func clients(havingOperation operation: String) -> [String] {
        clientIndex().byOperation[operation] ?? []
    }

    /// Clients whose IAM prefix is `prefix` (`states` → `stepfunctions`). The first call decodes
    /// every client of the catalog, so it runs only for hosts the fast paths miss.
    private func clients(withIAMPrefix prefix: String) -> [String] {
        clientIndex().byIAMPrefix[prefix] ?? []
    }

    private struct ClientIndex: Sendable {
        var byIAMPrefix: [String: [String]] = [:]
        var byOperation: [String: [String]] = [:]
    }

    private func clientIndex() -> ClientIndex {
        index.withLock { index in
            if let index { return index }
            var built = ClientIndex()
            for name in catalog.clientNames {
                guard let client = catalog.client(named: name) else { continue }
                built.byIAMPrefix[client.iamPrefix, default: []].append(name)
                for operation in client.operations { built.byOperation[operation, default: []].append(name) }
            }
            index = built
            return built
        }
    }
}
