/// MR504: a zip code folder larger than Lambda's unpacked limit.
struct CodeSizeRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR504", name: "code-size-over-limit", title: "Code folder over Lambda's unpacked size limit",
        rationale:
            "Lambda rejects a zip deployment whose unpacked code, layers included, exceeds 250 MB; the folder alone is already over it.",
        help:
            "Remove build output, tests and dependencies the handler does not import, move large dependencies to a container image, or load data from S3 at run time.",
        severity: .error, category: .deployment, isEnabledByDefault: false)

    /// 250 MB, read as 250 × 1,048,576 bytes.
    // NOTE: The Lambda quotas page gives "250 MB" without stating whether it means 10^6 or
    // 2^20 bytes. The larger reading is used so that no folder under the quota is reported.
    static let limit = 250 * 1_048_576

    let examples: [RuleExample] = [
        .passing(
            ExampleText.samFunction("      CodeUri: src/").replacing(
                "      InlineCode: \"def handler(event, context): pass\"\n", with: ""),
            kind: .template, files: ["src/app.py": .text("def handler(event, context):\n    return 1\n")]),
        .failing(
            ExampleText.samFunction("      CodeUri: src/").replacing(
                "      InlineCode: \"def handler(event, context): pass\"\n", with: ""),
            kind: .template,
            files: [
                "src/app.py": .text("def handler(event, context): pass\n"),
                "src/model.bin": .sparse(bytes: 300_000_000),
            ]),
    ]

    func check(_ function: LocatedFunction, in context: LintContext) -> [Finding] {
        guard function.property("PackageType").flatMap(function.literal) != "Image" else { return [] }
        let name = function.isServerless ? "CodeUri" : "Code"
        guard let node = function.property(name), let path = function.literal(node), !path.hasPrefix("s3://") else {
            return []
        }
        let files = FunctionFiles(function: function, diagnostics: context.diagnostics)
        guard let relative = files.relativePath(path, at: node), let size = files.folderSize(relative, at: node),
            size > Self.limit
        else { return [] }
        let megabytes = size / 1_048_576
        return [
            finding(
                "the code folder '\(path)' of \(function.logicalId) holds \(megabytes) MB, over the 250 MB Lambda accepts unpacked; remove files or use a container image",
                at: node, subject: function.logicalId)
        ]
    }
}
