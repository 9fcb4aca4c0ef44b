/// MR303: a statement that another statement of the policy fully covers.
struct RedundantStatementRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR303", name: "redundant-statement", title: "Statement covered by another statement",
        rationale:
            "A statement whose actions and resources another statement with the same effect and conditions already grants adds nothing.",
        help: "Remove the covered statement, or merge the two.",
        severity: .warning, category: .hygiene)

    /// Statements compared with each statement, at most, so a policy of thousands of statements
    /// costs linear time; coverage by statements beyond them is not reported.
    static let maximumCandidates = 64

    let examples: [RuleExample] = [
        .passing(
            ExampleText.policy(
                ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::a/*\""),
                ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""))),
        .failing(
            ExampleText.policy(
                ExampleText.allow("\"s3:Get*\"", "\"arn:aws:s3:::a/*\""),
                ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::a/x/*\""))),
        .failing(
            ExampleText.policy(
                ExampleText.allow("\"s3:GetObject\"", "\"*\""), ExampleText.allow("\"s3:GetObject\"", "\"*\""))),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        let statements = policy.statements.filter { $0.effect != nil && !$0.isNotAction && !$0.isNotResource }
        let signatures = statements.map(signature)
        var byPrefix: [String: [Int]] = [:]
        for (position, statement) in statements.enumerated() {
            for prefix in Set(statement.actions.map { servicePrefix($0.text) }) {
                byPrefix[prefix, default: []].append(position)
            }
        }
        var findings: [Finding] = []
        for (position, statement) in statements.enumerated() {
            guard let first = statement.actions.first else { continue }
            // Only the first candidates of each list are taken: joining whole lists for every
            // statement would make a large policy quadratic.
            let candidates =
                Array((byPrefix[servicePrefix(first.text)] ?? []).prefix(Self.maximumCandidates))
                + Array((byPrefix["*"] ?? []).prefix(Self.maximumCandidates))
            for other in candidates.prefix(Self.maximumCandidates) where other != position {
                guard signatures[other] == signatures[position], covers(statements[other], statement),
                    !(covers(statement, statements[other]) && other > position)
                else { continue }
                findings.append(
                    finding(
                        "\(statement.label) grants nothing beyond \(statements[other].label); remove it or merge the two",
                        at: first, subject: policy.subject))
                break
            }
        }
        return findings
    }

    private func servicePrefix(_ action: String) -> String {
        let prefix = action.split(separator: ":").first.map { $0.lowercased() } ?? action
        return Wildcard.hasWildcard(prefix) ? "*" : prefix
    }

    /// True when `outer` allows or denies every action on every resource `inner` does; the
    /// caller compares effects and conditions.
    private func covers(_ outer: LocatedStatement, _ inner: LocatedStatement) -> Bool {
        guard !inner.actions.isEmpty, inner.hasResourceElement, outer.hasResourceElement else { return false }
        let actions = inner.actions.allSatisfy { action in
            outer.actions.contains { Wildcard.matches($0.text, action.text, ignoringCase: true) }
        }
        return actions
            && inner.resources.allSatisfy { resource in
                outer.resources.contains { Wildcard.matches($0.text, resource.text) }
            }
    }

    /// Returns the effect and the conditions as comparable text.
    private func signature(_ statement: LocatedStatement) -> [String] {
        let conditions = statement.conditions.map {
            "\($0.operatorName.text)|\($0.key.text.lowercased())|\($0.values.map(\.text).sorted())"
        }
        return [statement.effect?.rawValue ?? ""] + conditions.sorted()
    }
}
