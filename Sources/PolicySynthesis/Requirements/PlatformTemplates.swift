import FoundationEssentials
import IAMCatalog
import PolicyModel

/// The permissions a function's configuration implies, read from
/// `Templates/platform/lambda-platform.json`.
package struct PlatformTemplates: Sendable {
    package struct Entry: Sendable, Decodable {
        package var id: String
        package var why: String
        package var actions: [String]
        package var resource: String
        package var condition: [String: [String: String]]?
    }

    private struct File: Decodable {
        var permissions: [Entry]
    }

    package var entries: [String: Entry]

    package init(json: [UInt8]) throws {
        let file = try JSONDecoder().decode(File.self, from: Data(json))
        entries = Dictionary(file.permissions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The templates embedded in the binary.
    package static let bundled: PlatformTemplates = {
        guard let bytes = EmbeddedData.bytes(of: "Templates/platform/lambda-platform.json"),
            let templates = try? PlatformTemplates(json: bytes)
        else {
            preconditionFailure(
                "the embedded Templates/platform/lambda-platform.json is missing or invalid; rebuild with scripts/embed-data.py"
            )
        }
        return templates
    }()

    /// Fills an entry's resource and condition templates. `values` gives each `${Name}` used;
    /// account-level names become placeholders.
    package func resource(_ entry: Entry, values: [String: PatternString]) -> PatternString {
        fill(entry.resource, values: values)
    }

    package func conditions(_ entry: Entry, values: [String: PatternString]) -> [Condition] {
        guard let condition = entry.condition else { return [] }
        var result: [Condition] = []
        for (conditionOperator, keys) in condition {
            for (key, template) in keys {
                let value = fill(template, values: values)
                if value.isWildcardOnly { continue }
                result.append(Condition(conditionOperator: conditionOperator, key: key, values: [value]))
            }
        }
        return result.sorted()
    }

    private func fill(_ template: String, values: [String: PatternString]) -> PatternString {
        if template == "*" { return .wildcard }
        var result = PatternString()
        for part in ARNFormat.parseTemplate(template) {
            switch part {
            case .literal(let text): result.append(.literal(text))
            case .variable(let name):
                if name.hasPrefix("AWS::") {
                    result.append(.placeholder(name))
                } else {
                    result.append(values[name] ?? .wildcard)
                }
            }
        }
        return result
    }
}
