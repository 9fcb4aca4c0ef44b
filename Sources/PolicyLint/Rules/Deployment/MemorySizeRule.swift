/// MR501: `MemorySize` outside 128-10,240 MB.
struct MemorySizeRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR501", name: "memory-size-out-of-range", title: "MemorySize outside Lambda's range",
        rationale: "Lambda accepts 128 to 10,240 MB of memory; the deployment fails outside that range.",
        help: "Set MemorySize between 128 and 10240.",
        severity: .error, category: .deployment, isEnabledByDefault: false)

    let examples: [RuleExample] = [
        .passing(ExampleText.samFunction("      MemorySize: 1024"), kind: .template),
        .failing(ExampleText.samFunction("      MemorySize: 64"), kind: .template),
        .failing(
            ExampleText.samFunction("").replacing(
                "Resources:", with: "Globals:\n  Function:\n    MemorySize: 20480\nResources:"), kind: .template),
    ]

    private let limit = RangeLimit(property: "MemorySize", range: 128...10_240, unit: "MB")

    func check(_ function: LocatedFunction, in context: LintContext) -> [Finding] {
        guard let (value, node) = limit.violation(in: function) else { return [] }
        return [finding(limit.message(value, function), at: node, subject: function.logicalId)]
    }
}
