import Invocations
import PolicyModel
import PolicySynthesis

/// The calls Lambda makes with the execution role before the function runs: when it creates
/// the function (X-Ray, network interfaces) and its event source mappings (reading the queue
/// or stream). A role that lacks them fails the deploy, not the first invocation.
enum DeployChecks {
    /// Platform permissions Lambda checks at deploy time, by their id in the platform templates.
    static let checkedAtDeploy: Set<String> = [
        "tracing", "vpc-describe", "vpc-network-interfaces", "sqs-event-source", "kinesis-event-source",
        "kinesis-fan-out", "dynamodb-stream-event-source", "dynamodb-list-streams", "msk-event-source",
        "msk-event-source-network",
    ]

    static func calls(for policy: FunctionPolicy, filler: inout PlaceholderFiller) -> [RecordedCall] {
        let account = filler.values["AWS::AccountId"] ?? "123456789012"
        let partition = filler.values["AWS::Partition"] ?? "aws"
        let principal = "arn:\(partition):iam::\(account):role/\(policy.function.logicalId)Role"
        var calls: [RecordedCall] = []
        for requirement in policy.requirements {
            guard case .platform(let id) = requirement.origin, checkedAtDeploy.contains(id) else { continue }
            let resource = filler.fill(requirement.resource).description
            let request = AuthorizationRequest(
                principal: principal, action: requirement.action.description, resource: resource,
                origin: .init(file: requirement.reason.file, line: requirement.reason.line))
            calls.append(
                RecordedCall(
                    request: request, eventTime: nil, recordedError: nil, isDataEvent: false,
                    notes: ["Lambda checks this at deploy time: \(requirement.reason.why)"]))
        }
        return calls
    }
}
