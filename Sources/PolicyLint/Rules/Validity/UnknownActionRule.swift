import IAMCatalog

/// MR101: an action whose service or name the catalog does not list.
struct UnknownActionRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR101", name: "unknown-action", title: "Unknown service or action",
        rationale:
            "IAM accepts any action name, so a misspelled action grants nothing and the call it was meant for fails.",
        help: "Correct the action name; the message names the closest one the catalog lists.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("[\"s3:GetObject\", \"s3:List*\"]", "\"*\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"s3:GetObjekt\"", "\"*\""))),
        .failing(ExampleText.policy(ExampleText.allow("[\"dynamo:GetItem\", \"s3:Foo*\"]", "\"*\"")), findings: 2),
        .failing(ExampleText.policy(ExampleText.allow("\"s3 GetObject\"", "\"*\""))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for statement in policy.statements {
            for action in statement.actions where action.isLiteral {
                guard let message = problem(with: action.text, context: context) else { continue }
                findings.append(finding(message, at: action, subject: policy.subject))
            }
        }
        return findings
    }

    private func problem(with text: String, context: LintContext) -> String? {
        switch context.match(action: text) {
        case .any:
            return nil
        case .malformed:
            return "'\(text.prefix(200))' is not an action: write 'service:ActionName' without spaces or commas"
        case .unknownService(let prefix):
            let suggestion = NameSuggestion.closest(to: prefix, in: context.catalog.servicePrefixes)
            return "the service prefix '\(prefix.prefix(100))' is not in the catalog"
                + (suggestion.map { "; did you mean '\($0)'?" }
                    ?? "; check the prefix in the Service Authorization Reference")
        case .actions(let matched):
            guard matched.isEmpty else { return nil }
            return unknownName(text, context: context)
        }
    }

    private func unknownName(_ text: String, context: LintContext) -> String {
        let parts = text.split(separator: ":", maxSplits: 1)
        let prefix = String(parts[0])
        let name = String(parts[1])
        if Wildcard.hasWildcard(name) {
            return "'\(text)' matches no action of the service '\(prefix)'; correct the pattern"
        }
        let names = context.catalog.service(prefix: prefix)?.actions.values.map(\.name.name) ?? []
        guard let suggestion = NameSuggestion.closest(to: name, in: names) else {
            return
                "'\(text)' is not an action of the service '\(prefix)'; check the name in the Service Authorization Reference"
        }
        return "'\(text)' is not an action of the service '\(prefix)'; did you mean '\(prefix):\(suggestion)'?"
    }
}
