import DeploymentModel
import Diagnostics
import IAMCatalog
import PolicyModel
import SourceAnalysis

extension CallRequirements {
    /// Request parameters that name a customer-managed KMS key for the call itself.
    static let keyParameters = ["SSEKMSKeyId", "KmsKeyId", "KMSKeyId", "KmsMasterKeyId"]

    /// KMS actions the service performs with the role's credentials (SSE-KMS objects,
    /// encrypted queues and topics), granted on the customer-managed keys the call's resources
    /// use. A resource counts whether the call names it by `Ref` or by a literal name, ARN or
    /// URL that the template declares. AWS managed keys need no grant, and an unknown key is
    /// reported, not guessed.
    func forwardAccessRequirements(
        for call: SDKCall, arguments: [String: [ResolvedValue]], why: String
    ) -> [Requirement] {
        let forwarded = catalog.forwardAccess(client: call.client, operation: call.operation)
        guard !forwarded.isEmpty else { return [] }
        let keys = encryptionKeys(arguments: arguments, service: call.client)
        if keys.isEmpty {
            if !arguments.isEmpty,
                arguments.values.joined().allSatisfy({ resolver.resources(namedBy: $0, service: call.client).isEmpty })
            {
                let actions = forwarded.map(\.action.description).joined(separator: ", ")
                diagnostics.report(
                    .note, .cannotVerify,
                    "if the resource of this \(call.operation) call uses a customer-managed KMS key, the role also needs \(actions) on that key",
                    at: call.location)
            }
            return []
        }
        var requirements: [Requirement] = []
        for action in forwarded where action.action.prefix == "kms" {
            for key in keys {
                requirements.append(
                    Requirement(
                        action: action.action, resource: key,
                        reason: Reason(
                            at: call.location,
                            why: "\(why): the service uses the resource's KMS key on the role's behalf")))
            }
        }
        return requirements
    }

    private func encryptionKeys(arguments: [String: [ResolvedValue]], service: String) -> [PatternString] {
        var keys: [PatternString] = []
        for parameter in CallRequirements.keyParameters {
            for value in arguments[parameter] ?? [] where !value.pattern.isWildcardOnly {
                keys.append(keyARN(value))
            }
        }
        for value in arguments.values.joined() {
            for logicalId in resolver.resources(namedBy: value, service: service) {
                guard let key = resolver.template?.encryptionKeyARN(of: logicalId) else { continue }
                keys.append(key)
            }
        }
        return Array(Set(keys)).sorted()
    }

    /// Converts a key given as an id, alias or ARN to the ARN that IAM matches.
    private func keyARN(_ value: ResolvedValue) -> PatternString {
        if let reference = value.reference, let arn = resolver.template?.arn(of: reference.logicalId) { return arn }
        if ResourceBuilder.service(of: value.pattern) == "kms" { return value.pattern }
        let prefix = PatternString([
            .literal("arn:"), .placeholder("AWS::Partition"), .literal(":kms:"), .placeholder("AWS::Region"),
            .literal(":"), .placeholder("AWS::AccountId"), .literal(":"),
        ])
        if case .literal(let head)? = value.pattern.segments.first, head.hasPrefix("alias/") {
            return prefix + value.pattern
        }
        return prefix + PatternString(literal: "key/") + value.pattern
    }
}
