import Synchronization

/// The IAM and SDK knowledge minrole ships, embedded in the binary and decoded lazily, one
/// service at a time. All lookups are safe from any thread.
package final class Catalog: Sendable {
    /// The catalog built from `Policies/` and embedded at build time.
    package static let shared = Catalog()

    /// Reads one catalog file by its path relative to the repository root.
    package typealias FileSource = @Sendable (String) -> [UInt8]?

    private let source: FileSource
    private let filePaths: [String]
    let state = Mutex(CatalogState())

    private init() {
        self.source = { EmbeddedData.bytes(of: $0) }
        self.filePaths = EmbeddedData.paths
    }

    /// Creates a catalog over other files, for tests. `paths` lists the files and `source` reads one.
    package init(paths: [String], source: @escaping FileSource) {
        self.source = source
        self.filePaths = paths.sorted()
    }

    /// Every IAM service prefix in the catalog, sorted.
    package var servicePrefixes: [String] {
        filePaths.compactMap { path in
            guard path.hasPrefix(Self.servicesFolder), path.hasSuffix(".json") else { return nil }
            return String(path.dropFirst(Self.servicesFolder.count).dropLast(5))
        }.sorted()
    }

    /// Every boto3 client name in the catalog, sorted.
    package var clientNames: [String] {
        filePaths.compactMap { path in
            guard path.hasPrefix(Self.clientsFolder), path.hasSuffix(".json") else { return nil }
            return String(path.dropFirst(Self.clientsFolder.count).dropLast(5))
        }.sorted()
    }

    /// The problems found so far while decoding files, such as invalid JSON or an unknown
    /// access level. Lookups that need an invalid file return `nil`.
    package var loadProblems: [String] { state.withLock { $0.problems } }

    package func service(prefix: String) -> ServiceInfo? {
        let key = prefix.lowercased()
        return state.withLock { state in
            if let cached = state.services[key] { return cached }
            let path = Self.servicesFolder + key + ".json"
            guard let json = parse(path, in: &state) else {
                state.services[key] = .some(nil)
                return nil
            }
            var decoder = ServiceDecoder()
            let service = decoder.decode(json, path: path)
            state.problems += decoder.problems
            state.services[key] = service
            return service
        }
    }

    package func action(_ name: ActionName) -> ActionInfo? {
        service(prefix: name.prefix)?.action(named: name.name)
    }

    package func resourceType(prefix: String, name: String) -> ResourceTypeInfo? {
        guard let service = service(prefix: prefix) else { return nil }
        if let exact = service.resourceTypes[name] { return exact }
        return service.resourceTypes.values.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Reads and parses a file without keeping it; an invalid file is reported in `problems`.
    func parse(_ path: String, in state: inout CatalogState) -> JSONValue? {
        guard let bytes = source(path) else { return nil }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            state.problems.append("\(path): \(error)")
            return nil
        }
    }

    /// Reads and parses a file once and keeps it; a missing or invalid file is remembered as absent.
    func document(at path: String, in state: inout CatalogState) -> JSONValue? {
        if let cached = state.documents[path] { return cached }
        if state.absentPaths.contains(path) { return nil }
        guard let json = parse(path, in: &state) else {
            state.absentPaths.insert(path)
            return nil
        }
        state.documents[path] = json
        return json
    }

    /// Reads and parses a file once, under the lock.
    func document(at path: String) -> JSONValue? {
        state.withLock { state in document(at: path, in: &state) }
    }

    static let servicesFolder = "Policies/services/"
    static let clientsFolder = "Policies/sdk/"
}

/// The services, clients and files the catalog has decoded so far.
struct CatalogState {
    var services: [String: ServiceInfo?] = [:]
    var clients: [String: ClientRecord?] = [:]
    /// Parsed files other than services and clients, which are kept decoded instead.
    var documents: [String: JSONValue] = [:]
    var absentPaths: Set<String> = []
    var problems: [String] = []
}
