import Diagnostics
import Documents
import PolicyModel
import Testing

@testable import PolicyEvaluation

/// One case of the scenario corpus: the policies, one request and the expected decision.
struct Scenario: Sendable, CustomTestStringConvertible {
    struct Expectation: Sendable {
        var decision: Decision
        /// Sids (or `#index` for statements without one) of the deciding statements, sorted;
        /// `nil` when the case does not check them.
        var statements: [String]?
        var deniedBy: PolicyKind?
        /// Lowercased; `nil` when the case does not check them.
        var missingContextKeys: [String]?
        var isUncertain: Bool
    }

    var id: String
    var fact: String
    var policies: PolicySet
    var request: AuthorizationRequest
    var expectation: Expectation
    /// Set when the case itself could not be read; the test reports it.
    var loadError: String?

    var testDescription: String { id }
}

/// Reads the scenario files under `Scenarios/` next to this source file.
enum ScenarioCorpus {
    static let folder: String = {
        let file = #filePath
        let directory = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return directory + "/Scenarios"
    }()

    static let all: [Scenario] = load()

    static func load() -> [Scenario] {
        let listing: SourceTree.Listing
        do {
            listing = try SourceTree.walk(root: folder)
        } catch {
            return [failure(id: "Scenarios", "cannot list \(folder): \(error)")]
        }
        return listing.files.filter { $0.hasSuffix(".json") }.flatMap { loadFile(named: $0) }
    }

    static func loadFile(named name: String) -> [Scenario] {
        let root: Node
        do {
            root = try DocumentReader.parse(contentsOf: folder + "/" + name, displayPath: name)
        } catch {
            return [failure(id: name, "\(error)")]
        }
        let defaults = root["defaults"]
        guard let cases = root["cases"]?.sequence else { return [failure(id: name, "the file has no cases list")] }
        var seen: Set<String> = []
        return cases.map { node in
            var reader = ScenarioReader(file: name, defaults: defaults)
            let scenario = reader.scenario(node)
            guard seen.insert(scenario.id).inserted else {
                return failure(id: scenario.id + " (duplicate)", "the case name is used twice in \(name)")
            }
            return scenario
        }
    }

    static func failure(id: String, _ message: String) -> Scenario {
        Scenario(
            id: id, fact: "", policies: PolicySet(identity: []),
            request: AuthorizationRequest(principal: "", action: "", resource: ""),
            expectation: .init(decision: .implicitDeny, isUncertain: false), loadError: message)
    }
}
