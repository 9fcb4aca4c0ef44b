import Diagnostics
import Documents

extension FunctionReader {
    /// Reads `Policies` of a SAM function: a managed policy name or ARN, an inline policy document,
    /// a SAM policy template, or a list of these.
    func policies(_ node: Node?) -> [ExistingPolicy] {
        guard let node = structure(node) else { return [] }
        let entries = IntrinsicName.call(in: node) == nil ? (node.sequence ?? [node]) : [node]
        return entries.compactMap { policy($0) }
    }

    private func policy(_ entry: Node) -> ExistingPolicy? {
        if IntrinsicName.call(in: entry) != nil || entry.scalar != nil {
            guard let policy = value(entry) else { return nil }
            if let document = managedPolicyDocument(policy) {
                return .inline(document: document, location: entry.location)
            }
            return .managed(policy, location: entry.location)
        }
        guard let pairs = entry.mapping else {
            invalidPolicy(entry)
            return nil
        }
        if entry["Statement"] != nil { return .inline(document: entry, location: entry.location) }
        guard pairs.count == 1, let name = pairs[0].key.scalar else {
            invalidPolicy(entry)
            return nil
        }
        var parameters: [String: TemplateValue] = [:]
        for pair in pairs[0].value.mapping ?? [] {
            guard let parameter = pair.key.scalar, let value = value(pair.value) else { continue }
            parameters[parameter] = value
        }
        return .samTemplate(name: name, parameters: parameters, location: entry.location)
    }

    private func invalidPolicy(_ entry: Node) {
        diagnostics.report(
            .warning, .invalidPolicyEntry,
            "Policies entry is not a policy name or ARN, a policy document or a SAM policy template",
            at: entry.location,
            notes: ["write a managed policy name, {Statement: [...]}, or {TemplateName: {Parameter: value}}"])
    }

    /// Reads the inline documents and managed policies of an `AWS::IAM::Role`.
    func rolePolicies(_ role: TemplateResource) -> [ExistingPolicy] {
        var policies: [ExistingPolicy] = []
        for inline in items(role[property: "Policies"]) {
            guard let document = structure(inline["PolicyDocument"]) else { continue }
            policies.append(.inline(document: document, location: document.location))
        }
        for managed in items(role[property: "ManagedPolicyArns"]) {
            guard let arn = value(managed) else { continue }
            if let document = managedPolicyDocument(arn) {
                policies.append(.inline(document: document, location: document.location))
            } else {
                policies.append(.managed(arn, location: managed.location))
            }
        }
        return policies
    }

    /// Returns the document of the template's `AWS::IAM::ManagedPolicy` that `value` refers to.
    private func managedPolicyDocument(_ value: TemplateValue) -> Node? {
        guard case .ref(let logicalId) = value, let policy = template.resources[logicalId],
            policy.type == "AWS::IAM::ManagedPolicy"
        else { return nil }
        return structure(policy[property: "PolicyDocument"])
    }
}
