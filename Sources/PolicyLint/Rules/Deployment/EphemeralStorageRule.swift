/// MR503: `EphemeralStorage.Size` outside 512-10,240 MB.
struct EphemeralStorageRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR503", name: "ephemeral-storage-out-of-range", title: "EphemeralStorage outside Lambda's range",
        rationale: "Lambda gives /tmp 512 to 10,240 MB; the deployment fails outside that range.",
        help: "Set EphemeralStorage.Size between 512 and 10240.",
        severity: .error, category: .deployment, isEnabledByDefault: false)

    let examples: [RuleExample] = [
        .passing(ExampleText.samFunction("      EphemeralStorage:\n        Size: 2048"), kind: .template),
        .failing(ExampleText.samFunction("      EphemeralStorage:\n        Size: 256"), kind: .template),
    ]

    private let limit = RangeLimit(property: "EphemeralStorage", member: "Size", range: 512...10_240, unit: "MB")

    func check(_ function: LocatedFunction, in context: LintContext) -> [Finding] {
        guard let (value, node) = limit.violation(in: function) else { return [] }
        return [finding(limit.message(value, function), at: node, subject: function.logicalId)]
    }
}
