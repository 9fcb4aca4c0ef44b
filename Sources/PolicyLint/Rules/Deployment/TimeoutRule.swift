/// MR502: `Timeout` over 900 seconds or under 1.
struct TimeoutRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR502", name: "timeout-out-of-range", title: "Timeout outside Lambda's range",
        rationale: "A Lambda function runs for 1 to 900 seconds; the deployment fails outside that range.",
        help: "Set Timeout between 1 and 900, or move longer work to Step Functions or a container task.",
        severity: .error, category: .deployment, isEnabledByDefault: false)

    let examples: [RuleExample] = [
        .passing(ExampleText.samFunction("      Timeout: 900"), kind: .template),
        .failing(ExampleText.samFunction("      Timeout: 3600"), kind: .template),
        .failing(
            ExampleText.samFunction("      Timeout: !Ref Seconds").replacing(
                "Resources:", with: "Parameters:\n  Seconds:\n    Type: Number\n    Default: 0\nResources:"),
            kind: .template),
    ]

    private let limit = RangeLimit(property: "Timeout", range: 1...900, unit: "seconds")

    func check(_ function: LocatedFunction, in context: LintContext) -> [Finding] {
        guard let (value, node) = limit.violation(in: function) else { return [] }
        return [finding(limit.message(value, function), at: node, subject: function.logicalId)]
    }
}
