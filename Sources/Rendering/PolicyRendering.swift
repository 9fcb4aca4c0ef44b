import DeploymentModel
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
        let shaped = Mutex(Set<String>())
        let types = policy.resourceTypes
        let writer = PolicyJSONWriter { pattern in
            let shape = wholeARNShape(pattern, types: types)
            if shape != pattern, case .placeholder(let name) = pattern.segments[0] {
                shaped.withLock { _ = $0.insert(name) }
            }
            let (text, names) = shape.substituting(substitutions)
            widened.withLock { $0.formUnion(names) }
            return text
        }
        let text = writer.json(policy.document) + "\n"
        let widenedWarnings = widened.withLock { $0 }.sorted().map { name in
            Diagnostic(
                .warning, .placeholderWidened,
                "\(policy.function.logicalId): ${\(name)} is not known before deploy and was written as *",
                at: policy.function.location,
                notes: [hint(for: name)])
        }
        let shapedWarnings = shaped.withLock { $0 }.sorted().map { name in
            shapeWarning(name, function: policy.function)
        }
        return (text, shapedWarnings + widenedWarnings)
    }

    /// Builds the warning for a whole-ARN placeholder written as its resource type's ARN shape,
    /// whose name part `*` matches every resource of that type in the account.
    private static func shapeWarning(_ name: String, function: FunctionModel) -> Diagnostic {
        Diagnostic(
            .warning, .placeholderWidened,
            "\(function.logicalId): ${\(name)} is not known before deploy and was written as the ARN shape of "
                + "its resource type, with * for the name",
            at: function.location,
            notes: [hint(for: name)])
    }

    /// A placeholder that stands for a whole ARN (`${Secret}`, `${Key.Arn}`) becomes the ARN
    /// shape of its resource type with the name left open, so that the service, region and
    /// account still narrow it once substituted.
    static func wholeARNShape(_ pattern: PatternString, types: [String: String]) -> PatternString {
        guard pattern.segments.count == 1, case .placeholder(let name) = pattern.segments[0] else { return pattern }
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard let type = types[parts[0]] else { return pattern }
        let attribute = parts.count > 1 ? parts[1] : "Ref"
        guard let shape = arnShapes["\(type) \(attribute)"] else { return pattern }
        return PatternString([
            .literal("arn:"), .placeholder("AWS::Partition"), .literal(":\(shape.service):"),
            .placeholder("AWS::Region"),
            .literal(":"), .placeholder("AWS::AccountId"), .literal(":\(shape.resource)"),
        ])
    }

    /// ARN shapes by resource type and the attribute (or `Ref`) that returns the ARN.
    private static let arnShapes: [String: (service: String, resource: String)] = [
        "AWS::SecretsManager::Secret Ref": ("secretsmanager", "secret:*"),
        "AWS::SNS::Topic Ref": ("sns", "*"),
        "AWS::StepFunctions::StateMachine Ref": ("states", "stateMachine:*"),
        "AWS::Serverless::StateMachine Ref": ("states", "stateMachine:*"),
        "AWS::KMS::Key Arn": ("kms", "key/*"),
        "AWS::SQS::Queue Arn": ("sqs", "*"),
        "AWS::DynamoDB::Table Arn": ("dynamodb", "table/*"),
        "AWS::DynamoDB::Table StreamArn": ("dynamodb", "table/*/stream/*"),
        "AWS::Serverless::SimpleTable Arn": ("dynamodb", "table/*"),
        "AWS::Lambda::Function Arn": ("lambda", "function:*"),
        "AWS::Serverless::Function Arn": ("lambda", "function:*"),
        "AWS::Kinesis::Stream Arn": ("kinesis", "stream/*"),
        "AWS::Events::EventBus Arn": ("events", "event-bus/*"),
        "AWS::Cognito::UserPool Arn": ("cognito-idp", "userpool/*"),
        "AWS::Logs::LogGroup Arn": ("logs", "log-group:*"),
    ]

    private static func hint(for name: String) -> String {
        switch name {
        case "AWS::Region": "pass --region REGION"
        case "AWS::AccountId": "pass --account ACCOUNT_ID"
        case "AWS::Partition": "pass --partition aws (or aws-cn, aws-us-gov)"
        default: "use --format sam or --format cloudformation to keep the reference, or give the resource a fixed name"
        }
    }
}
