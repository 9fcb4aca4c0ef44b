/// One statement of a policy the catalog ships (a SAM policy template or an AWS managed
/// policy). Resources and conditions keep their JSON form because SAM templates write them
/// with `Fn::Sub` and `Ref`.
package struct PolicyStatementData: Sendable, Hashable {
    package var effect: String
    package var actions: [String]
    package var notActions: [String]
    package var resources: [JSONValue]
    package var notResources: [JSONValue]
    package var condition: JSONValue?

    package init(
        effect: String, actions: [String], notActions: [String] = [], resources: [JSONValue],
        notResources: [JSONValue] = [], condition: JSONValue? = nil
    ) {
        self.effect = effect
        self.actions = actions
        self.notActions = notActions
        self.resources = resources
        self.notResources = notResources
        self.condition = condition
    }
}

/// A SAM policy template (`S3ReadPolicy`, `DynamoDBCrudPolicy`) with its parameters.
package struct SAMPolicyTemplate: Sendable, Hashable {
    package var name: String
    package var description: String
    /// Parameter name → its description (`BucketName` → "Name of the S3 Bucket ...").
    package var parameters: [String: String]
    package var statements: [PolicyStatementData]

    package init(name: String, description: String, parameters: [String: String], statements: [PolicyStatementData]) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.statements = statements
    }
}

/// An AWS managed policy: its ARN per partition and, for the Lambda-related ones the catalog
/// carries, its document.
package struct ManagedPolicy: Sendable, Hashable {
    package var name: String
    /// Partition (`aws`, `aws-cn`, `aws-us-gov`) → ARN.
    package var arns: [String: String]
    package var version: String?
    /// The document's statements, or `nil` when the catalog has only the policy's ARN.
    package var statements: [PolicyStatementData]?

    package init(name: String, arns: [String: String], version: String? = nil, statements: [PolicyStatementData]? = nil)
    {
        self.name = name
        self.arns = arns
        self.version = version
        self.statements = statements
    }
}
