import Diagnostics
import Documents
import IAMCatalog
import PolicyModel

/// One policy of a function's execution role, as the template defines the role.
package struct RolePolicy: Sendable, Hashable {
    package enum Origin: Sendable, Hashable {
        /// A statement list written in the template.
        case inline
        /// A SAM policy template, expanded with the parameters the template gives it.
        case samPolicyTemplate(String)
        /// A managed policy named by the template.
        case managed(String)
        /// A managed policy SAM attaches to the role it creates (`AWSLambdaBasicExecutionRole`).
        case addedBySAM(String)
    }

    /// A name for reports: `template.yaml: Orders/Policies[1] (S3ReadPolicy)`.
    package var name: String
    package var origin: Origin
    /// The policy's statements; `nil` for a managed policy whose document the catalog lacks.
    package var document: PolicyDocument?
    package var location: SourceLocation

    package init(name: String, origin: Origin, document: PolicyDocument?, location: SourceLocation) {
        self.name = name
        self.origin = origin
        self.document = document
        self.location = location
    }
}

extension Template {
    /// Lists the policies of the function's execution role as the template defines it.
    ///
    /// These are the inline statements, the SAM policy templates expanded, and the managed
    /// policies the template names, with their documents where the catalog has them. For a
    /// role SAM creates, the managed policies SAM adds come last.
    package func rolePolicies(
        of function: FunctionModel, catalog: Catalog, diagnostics: DiagnosticSink
    ) -> [RolePolicy] {
        var result: [RolePolicy] = []
        for (index, policy) in function.existingPolicies.enumerated() {
            let name = "\(function.templatePath): \(function.logicalId) policy \(index + 1)"
            switch policy {
            case .inline(let node, let location):
                let reader = PolicyReader(diagnostics: diagnostics) { self.policyValue($0, diagnostics: diagnostics) }
                let document = reader.document(node)
                result.append(RolePolicy(name: name, origin: .inline, document: document, location: location))
            case .samTemplate(let templateName, let parameters, let location):
                result.append(
                    samPolicy(
                        templateName, parameters: parameters, name: name, location: location, catalog: catalog,
                        diagnostics: diagnostics))
            case .managed(let value, let location):
                result.append(managedPolicy(value, location: location, catalog: catalog, diagnostics: diagnostics))
            }
        }
        if function.role == .generatedBySAM {
            for policyName in Self.samAddedPolicies(for: function) {
                let document = catalog.managedPolicy(named: policyName)?.statements.map {
                    PolicyDocument(statements: $0.map { statement(from: $0, parameters: [:]) })
                }
                result.append(
                    RolePolicy(
                        name: policyName, origin: .addedBySAM(policyName), document: document,
                        location: function.location))
            }
        }
        return result
    }

    /// Names the managed policies SAM attaches to a role it creates for the function.
    package static func samAddedPolicies(for function: FunctionModel) -> [String] {
        var names = ["AWSLambdaBasicExecutionRole"]
        if function.tracingActive { names.append("AWSXrayWriteOnlyAccess") }
        if function.hasVPC || !function.fileSystems.isEmpty { names.append("AWSLambdaVPCAccessExecutionRole") }
        let kinds = Set(function.events.map(\.kind))
        if kinds.contains(.dynamoDBStream) { names.append("AWSLambdaDynamoDBExecutionRole") }
        if kinds.contains(.kinesis) { names.append("AWSLambdaKinesisExecutionRole") }
        if kinds.contains(.msk) { names.append("AWSLambdaMSKExecutionRole") }
        if kinds.contains(.sqs) { names.append("AWSLambdaSQSQueueExecutionRole") }
        return names
    }

    /// Evaluates one value of a policy written in the template to a pattern.
    func policyValue(_ node: Node, diagnostics: DiagnosticSink) -> PatternString? {
        guard IntrinsicName.call(in: node) != nil || node.scalar != nil else { return nil }
        return pattern(for: evaluate(node, diagnostics: diagnostics), diagnostics: diagnostics)
    }
}

extension Template {
    /// Lists the trust policies (`AssumeRolePolicyDocument`) of the template's IAM roles with
    /// each role's ARN, so that an `sts:AssumeRole` of one of them is decided on both sides.
    package func trustPolicies(diagnostics: DiagnosticSink) -> [(roleARN: PatternString, document: PolicyDocument)] {
        var result: [(roleARN: PatternString, document: PolicyDocument)] = []
        for logicalId in resources.keys.sorted() {
            guard let resource = resources[logicalId], resource.type == "AWS::IAM::Role",
                let node = resource[property: "AssumeRolePolicyDocument"], let arn = arn(of: logicalId)
            else { continue }
            let reader = PolicyReader(diagnostics: diagnostics) { self.policyValue($0, diagnostics: diagnostics) }
            if let document = reader.document(node) { result.append((arn, document)) }
        }
        return result
    }
}
