import Diagnostics
import PolicyModel
import PolicySynthesis
import Synchronization

/// `--format policy`: one function's IAM policy JSON, ready to paste. Placeholders are
/// replaced by `--region`, `--account` and `--partition`, or by `*` with a warning each.
package enum PolicyRendering {
    package static func render(_ policy: FunctionPolicy, values: PlaceholderValues) -> (
        text: String, warnings: [Diagnostic]
    ) {
        let substitutions = policy.parameterDefaults.merging(values.substitutions) { $1 }
        let widened = Mutex(Set<String>())
        let writer = PolicyJSONWriter { pattern in
            let (text, names) = pattern.substituting(substitutions)
            widened.withLock { $0.formUnion(names) }
            return text
        }
        let text = writer.json(policy.document) + "\n"
        let warnings = widened.withLock { $0 }.sorted().map { name in
            Diagnostic(
                .warning, .placeholderWidened,
                "\(policy.function.logicalId): ${\(name)} is not known before deploy and was written as *",
                at: policy.function.location,
                notes: [hint(for: name)])
        }
        return (text, warnings)
    }

    private static func hint(for name: String) -> String {
        switch name {
        case "AWS::Region": "pass --region REGION"
        case "AWS::AccountId": "pass --account ACCOUNT_ID"
        case "AWS::Partition": "pass --partition aws (or aws-cn, aws-us-gov)"
        default: "use --format sam or --format cloudformation to keep the reference, or give the resource a fixed name"
        }
    }
}
