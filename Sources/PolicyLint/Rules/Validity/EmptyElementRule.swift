/// MR114: an element written as an empty list or mapping.
struct EmptyElementRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR114", name: "empty-element", title: "Empty list or mapping in a policy",
        rationale:
            "An empty Action, Resource or Statement grants nothing, and IAM rejects some empty elements; an empty Condition or key hides what was meant.",
        help: "Fill in the element or remove it.",
        severity: .error, category: .validity)

    let examples: [RuleExample] = [
        .passing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""))),
        .failing(ExampleText.policy(ExampleText.allow("[]", "\"arn:aws:s3:::b/*\""))),
        .failing(ExampleText.policy(ExampleText.allow("\"s3:GetObject\"", "[]", condition: "{}")), findings: 2),
        .failing("{\"Version\": \"2012-10-17\", \"Statement\": []}"),
    ]

    func check(_ policy: LocatedPolicy, in context: LintContext) -> [Finding] {
        policy.emptyElements.map { element in
            finding(
                "'\(element.text.prefix(100))' is empty; fill it in or remove it", at: element, subject: policy.subject)
        }
    }
}
