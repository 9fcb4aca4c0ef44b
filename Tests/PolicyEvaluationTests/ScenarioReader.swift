import Diagnostics
import Documents
import PolicyModel

@testable import PolicyEvaluation

/// Turns one case of a scenario file into a `Scenario`. Policies go through `PolicyReader`, as
/// policy files do. A policy may be written as a bare list of statements, which reads as a
/// document with `Version: 2012-10-17`.
struct ScenarioReader {
    let file: String
    let defaults: Node?
    private var problems: [String] = []

    init(file: String, defaults: Node?) {
        self.file = file
        self.defaults = defaults
    }

    mutating func scenario(_ node: Node) -> Scenario {
        let name = node["name"]?.scalar ?? "line \(node.location.line)"
        let id = "\(file.replacingSuffix(".json")): \(name)"
        let fact = node["fact"]?.scalar ?? ""
        if fact.isEmpty { problems.append("the case has no fact") }
        let policies = policySet(node)
        let request = request(node["request"])
        let expectation = expectation(node["expect"])
        return Scenario(
            id: id, fact: fact, policies: policies, request: request, expectation: expectation,
            loadError: problems.isEmpty ? nil : problems.joined(separator: "; "))
    }

    private mutating func policySet(_ node: Node) -> PolicySet {
        var set = PolicySet(identity: policies(node["identity"], kind: .identity, label: "identity"))
        set.permissionsBoundary = node["boundary"].flatMap { policy($0, kind: .permissionsBoundary, label: "boundary") }
        set.sessionPolicies = node["session"].map { policies($0, kind: .session, label: "session") }
        set.resourcePolicies = policies(node["resource"], kind: .resource, label: "resource")
        set.serviceControlLevels = levels(node["scp"], kind: .serviceControl, label: "scp")
        set.resourceControlLevels = levels(node["rcp"], kind: .resourceControl, label: "rcp")
        set.roleARN = node["roleARN"]?.scalar ?? defaults?["roleARN"]?.scalar
        return set
    }

    private mutating func levels(_ node: Node?, kind: PolicyKind, label: String) -> [[NamedPolicy]] {
        guard let node else { return [] }
        return (node.sequence ?? []).enumerated().map { index, level in
            policies(level, kind: kind, label: "\(label)[\(index)]")
        }
    }

    /// Reads a list of policies, each a document or a bare list of statements.
    private mutating func policies(_ node: Node?, kind: PolicyKind, label: String) -> [NamedPolicy] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            problems.append("\(label) must be a list of policies")
            return []
        }
        return items.enumerated().compactMap { index, item in policy(item, kind: kind, label: "\(label)[\(index)]") }
    }

    private mutating func policy(_ node: Node, kind: PolicyKind, label: String) -> NamedPolicy? {
        let sink = DiagnosticSink()
        let reader = PolicyReader(diagnostics: sink)
        var documentNode = node
        if node.sequence != nil {
            let location = node.location
            let version = Node(.scalar(PolicyDocument.currentVersion, .doubleQuoted), location: location)
            documentNode = Node(
                .mapping([
                    .init(key: Node(.scalar("Version", .plain), location: location), value: version),
                    .init(key: Node(.scalar("Statement", .plain), location: location), value: node),
                ]), location: location)
        }
        let document = reader.document(documentNode)
        if !sink.diagnostics.isEmpty {
            problems.append("\(label): " + sink.diagnostics.map(\.message).joined(separator: "; "))
        }
        return document.map { NamedPolicy(name: label, kind: kind, document: $0) }
    }
}

extension ScenarioReader {
    /// Reads the request; `principal` falls back to the file's defaults.
    fileprivate mutating func request(_ node: Node?) -> AuthorizationRequest {
        guard let node, let action = node["action"]?.scalar else {
            problems.append("the case has no request with an action")
            return AuthorizationRequest(principal: "", action: "", resource: "")
        }
        let principal = node["principal"]?.scalar ?? defaults?["principal"]?.scalar ?? ""
        var context: [String: ContextValue] = [:]
        for pair in node["context"]?.mapping ?? [] {
            guard let key = pair.key.scalar else { continue }
            if let items = pair.value.sequence {
                context[key] = ContextValue(multivalued: items.compactMap(\.scalar))
            } else if let value = pair.value.scalar {
                context[key] = ContextValue(value)
            }
        }
        return AuthorizationRequest(
            principal: principal, action: action, resource: node["resource"]?.scalar ?? "*",
            resourceAccount: node["resourceAccount"]?.scalar, context: context)
    }

    /// Reads `"expect": "allowed"` or `{"decision": ..., "statements": [...], "deniedBy": ...,
    /// "missing": [...], "uncertain": true}`.
    fileprivate mutating func expectation(_ node: Node?) -> Scenario.Expectation {
        let decisionText = node?.scalar ?? node?["decision"]?.scalar ?? ""
        guard let decision = Decision(rawValue: decisionText) else {
            problems.append("expect names no decision ('\(decisionText)')")
            return .init(decision: .implicitDeny, isUncertain: false)
        }
        var expectation = Scenario.Expectation(decision: decision, isUncertain: false)
        guard let node, node.mapping != nil else { return expectation }
        expectation.statements = node["statements"]?.sequence?.compactMap(\.scalar).sorted()
        if let kind = node["deniedBy"]?.scalar {
            expectation.deniedBy = PolicyKind(rawValue: kind)
            if expectation.deniedBy == nil { problems.append("deniedBy names no policy kind ('\(kind)')") }
        }
        expectation.missingContextKeys = node["missing"]?.sequence?.compactMap { $0.scalar?.lowercased() }.sorted()
        expectation.isUncertain = node["uncertain"]?.scalar == "true"
        return expectation
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
