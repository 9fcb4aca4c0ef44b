import Diagnostics
import Documents
import PolicyLint

/// The `tool.driver.rules` of a SARIF run: every rule the report describes, plus a minimal entry
/// for any finding whose rule is not among them, so every `ruleIndex` is valid.
struct SARIFRules {
    let descriptors: [RuleDescriptor]
    private let indexById: [String: Int]

    init(report: LintReport) {
        var descriptors = report.descriptors
        for ruleId in Set(report.findings.map(\.ruleId)).sorted()
        where !descriptors.contains(where: { $0.id == ruleId }) {
            descriptors.append(
                RuleDescriptor(
                    id: ruleId, name: ruleId.lowercased(), title: "Rule \(ruleId)",
                    rationale: "This minrole build has no description of rule \(ruleId).",
                    help: "Run 'minrole lint --help' to list the rules.", severity: .warning, category: .hygiene))
        }
        self.descriptors = descriptors
        indexById = Dictionary(descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func index(of ruleId: String) -> Int { indexById[ruleId] ?? 0 }

    static func value(_ rule: RuleDescriptor) -> JSONValue {
        var properties = JSONObject()
        var tags: [JSONValue] = [.string(rule.category.rawValue)]
        if let score = rule.securitySeverity {
            // GitHub reads security-severity as a string holding a number from 0.0 to 10.0.
            properties["security-severity"] = .string(String(min(max(score, 0), 10)))
            if rule.category != .security { tags.insert("security", at: 0) }
        }
        properties["tags"] = .array(tags)
        properties["precision"] = "high"
        let markdown = "**\(rule.title)**\n\n\(rule.rationale)\n\n\(rule.help)"
        return [
            "id": .string(rule.id),
            "name": .string(rule.name),
            "shortDescription": ["text": .string(rule.title)],
            "fullDescription": ["text": .string(rule.rationale)],
            "help": ["text": .string(rule.help), "markdown": .string(markdown)],
            "defaultConfiguration": [
                "level": .string(SARIFReport.level(rule.severity)), "enabled": .bool(rule.isEnabledByDefault),
            ],
            "properties": .object(properties),
        ]
    }
}
