import Testing

@testable import PolicyEvaluation

/// Runs every case of the scenario corpus; a failure names the case and the fact it checks.
@Suite struct ScenarioTests {
    @Test func corpusHasEnoughCases() {
        #expect(ScenarioCorpus.all.count >= 300)
    }

    @Test(arguments: ScenarioCorpus.all)
    func scenario(_ scenario: Scenario) throws {
        if let loadError = scenario.loadError {
            Issue.record("\(scenario.id): the case cannot be read: \(loadError)")
            return
        }
        let result = PolicyEvaluator(policies: scenario.policies).evaluate(scenario.request)
        let expected = scenario.expectation
        let context = Comment(rawValue: "\(scenario.fact)\nresult: \(result)")
        #expect(result.decision == expected.decision, context)
        if let statements = expected.statements {
            let names = result.matchedStatements.map { $0.sid ?? "#\($0.index)" }.sorted()
            #expect(names == statements, context)
        }
        if expected.decision == .implicitDeny, let deniedBy = expected.deniedBy {
            #expect(result.deniedBy == deniedBy, context)
        }
        if let missing = expected.missingContextKeys {
            #expect(result.missingContextKeys.map { $0.lowercased() }.sorted() == missing, context)
        }
        #expect(!result.uncertainties.isEmpty == expected.isUncertain, context)
    }
}
