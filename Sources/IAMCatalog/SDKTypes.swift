/// When an operation needs one of the actions it can authorize.
package enum ActionTrigger: Sendable, Hashable {
    /// Every call needs it (the same-named action, or the curated action of a renamed one).
    case always
    /// Needed when the request carries this parameter (`VersionId` → `s3:GetObjectVersion`).
    /// The name may be a path into the request: `Delete.Objects[].VersionId` is present when
    /// some element of the `Delete.Objects` list has a `VersionId` member. When the list is
    /// unknown, synthesis should grant the action and warn.
    case whenArgumentPresent(String)
    /// Needed when the request does not carry this parameter (DynamoDB `Query` acts on the
    /// table unless `IndexName` names an index).
    case whenArgumentAbsent(String)
    /// Needed when the parameter has this value (`ServerSideEncryption` = `aws:kms`).
    case whenArgumentEquals(String, String)
    /// Listed by the service reference as possibly authorized, with no known trigger. Not
    /// granted; `--explain` can list it.
    case possible
}

/// How one variable of a resource type's ARN format is filled from the request.
/// The template uses `${Param}` and `${Param.Sub}` from request parameters; anything else in it
/// is literal text. A variable with no binding is left open (`*`) and synthesis warns.
package struct ARNVariableBinding: Sendable, Hashable {
    package var variable: String
    package var template: String

    package init(variable: String, template: String) {
        self.variable = variable
        self.template = template
    }
}

/// A condition that scopes an action granted on `*` or narrows one granted on a resource,
/// filled from a request parameter (`cloudwatch:namespace` ← `${Namespace}`).
package struct ConditionBinding: Sendable, Hashable {
    package var conditionOperator: String
    package var key: String
    package var template: String

    package init(conditionOperator: String, key: String, template: String) {
        self.conditionOperator = conditionOperator
        self.key = key
        self.template = template
    }
}

/// One action an API operation authorizes, and how to build the resource it is granted on.
package struct OperationAction: Sendable, Hashable {
    package var action: ActionName
    package var trigger: ActionTrigger
    /// The action's resource type this operation acts on, or `nil` for `*`.
    package var resourceType: String?
    package var arnBindings: [ARNVariableBinding]
    /// The whole resource ARN built from the request, used instead of the resource type's ARN
    /// format (`${RoleArn}`, `arn:${Partition}:s3:::${CopySource}`). `${Partition}`, `${Region}`
    /// and `${Account}` are the deployment's; every other `${Name}` is a request parameter.
    package var arnTemplate: String?
    /// Request parameters that name the resource in a form the binding templates cannot turn
    /// into the ARN: a queue URL, a function or secret given by name or ARN, a key id or alias.
    /// Synthesis can match their values to template resources; the ARN variables stay open.
    package var resourceParameters: [String]
    package var conditions: [ConditionBinding]

    package init(
        action: ActionName,
        trigger: ActionTrigger,
        resourceType: String?,
        arnBindings: [ARNVariableBinding] = [],
        arnTemplate: String? = nil,
        resourceParameters: [String] = [],
        conditions: [ConditionBinding] = []
    ) {
        self.action = action
        self.trigger = trigger
        self.resourceType = resourceType
        self.arnBindings = arnBindings
        self.arnTemplate = arnTemplate
        self.resourceParameters = resourceParameters
        self.conditions = conditions
    }
}

/// An API operation of one SDK client, with the actions it authorizes.
package struct OperationInfo: Sendable, Hashable {
    package var client: String
    package var name: String
    package var actions: [OperationAction]
    /// The mapping's origin: `service-reference`, `iam-dataset`, `correction`,
    /// `service-reference-same-name` (the operation lists no action and the service has one of
    /// the same name), or `none` (no action is known, so `actions` is empty).
    package var source: String
    /// The correction's reason, when a curated correction decided the mapping.
    package var correctionReason: String?

    package init(
        client: String, name: String, actions: [OperationAction], source: String, correctionReason: String? = nil
    ) {
        self.client = client
        self.name = name
        self.actions = actions
        self.source = source
        self.correctionReason = correctionReason
    }
}

/// An extra action a service performs with the caller's credentials while serving a request
/// (forward access), such as `kms:Decrypt` when S3 reads an SSE-KMS object.
package struct ForwardAccessAction: Sendable, Hashable {
    package var action: ActionName
    /// Context the request carries, such as `kms:ViaService` = `s3.${region}.amazonaws.com`.
    package var context: [String: String]

    package init(action: ActionName, context: [String: String]) {
        self.action = action
        self.context = context
    }
}

/// An SDK service client and its names across SDKs.
package struct SDKClientInfo: Sendable, Hashable {
    /// The boto3 client name, which every analyzer uses as the client's identity.
    package var boto3Name: String
    package var serviceId: String
    /// The IAM prefix most of its operations authorize (`stepfunctions` → `states`).
    package var iamPrefix: String
    package var operations: [String]
    /// Waiter name (PascalCase, `BucketExists`) → the operation it polls.
    package var waiters: [String: String]
    /// Operations that have a paginator.
    package var paginators: [String]
    package var jsV3Package: String?
    package var jsV3Client: String?
    package var jsV2Class: String?
    package var goPackage: String?
    package var javaClient: String?

    package init(
        boto3Name: String,
        serviceId: String,
        iamPrefix: String,
        operations: [String],
        waiters: [String: String],
        paginators: [String],
        jsV3Package: String? = nil,
        jsV3Client: String? = nil,
        jsV2Class: String? = nil,
        goPackage: String? = nil,
        javaClient: String? = nil
    ) {
        self.boto3Name = boto3Name
        self.serviceId = serviceId
        self.iamPrefix = iamPrefix
        self.operations = operations
        self.waiters = waiters
        self.paginators = paginators
        self.jsV3Package = jsV3Package
        self.jsV3Client = jsV3Client
        self.jsV2Class = jsV2Class
        self.goPackage = goPackage
        self.javaClient = javaClient
    }
}

/// A boto3 resource-API method or collection and the operation it calls.
package struct ResourceAPIMethod: Sendable, Hashable {
    package var operation: String
    /// The resource's identifiers and the request parameter each fills
    /// (`Table.Name` → `TableName`, `Object.BucketName` → `Bucket`).
    package var identifierParameters: [String: String]
    package var isCollection: Bool
    /// True when `identifierParameters` was curated by hand, false when the build script
    /// derived it by rule. The rule maps `Name`, `Arn`, `Id` and `Url` to
    /// `<Resource><Identifier>` and any other identifier to the parameter of the same name.
    package var isIdentifierMappingCurated: Bool
    /// The waiter the method runs (`wait_until_exists` → `TableExists`), when it is one.
    package var waiter: String?

    package init(
        operation: String, identifierParameters: [String: String], isCollection: Bool,
        isIdentifierMappingCurated: Bool = false, waiter: String? = nil
    ) {
        self.operation = operation
        self.identifierParameters = identifierParameters
        self.isCollection = isCollection
        self.isIdentifierMappingCurated = isIdentifierMappingCurated
        self.waiter = waiter
    }
}

/// One operation a helper-library method calls, and which of the helper's arguments it uses.
package struct HelperOperation: Sendable, Hashable {
    package var client: String
    package var operation: String
    /// Helper argument name → request parameter (`Bucket` → `Bucket`); unnamed ones pass through.
    package var parameterMap: [String: String]

    package init(client: String, operation: String, parameterMap: [String: String] = [:]) {
        self.client = client
        self.operation = operation
        self.parameterMap = parameterMap
    }
}

/// A helper-library method: its positional parameter names and the operations it calls.
package struct HelperMethod: Sendable, Hashable {
    package var name: String
    /// The helper's parameters in positional order (`upload_file(Filename, Bucket, Key, ...)`).
    package var parameters: [String]
    package var operations: [HelperOperation]
    /// Actions the helper needs without calling an API operation, such as `rds-db:connect` for
    /// `rds.generate_db_auth_token`, which signs a token locally. Bindings use the helper's
    /// parameter names.
    package var actions: [OperationAction]
    /// The mapping's source: a document title and address, or the upstream file.
    package var source: String
    /// A fact the analyzer or synthesis needs beyond the operations, if any.
    package var note: String?

    package init(
        name: String, parameters: [String], operations: [HelperOperation], actions: [OperationAction] = [],
        source: String = "", note: String? = nil
    ) {
        self.name = name
        self.parameters = parameters
        self.operations = operations
        self.actions = actions
        self.source = source
        self.note = note
    }
}
