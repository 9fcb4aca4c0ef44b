import Diagnostics
import Documents
import PolicyModel

/// A resource of a template, with its properties left as written.
package struct TemplateResource: Sendable {
    package var logicalId: String
    package var type: String
    package var properties: Node?
    package var metadata: Node?
    package var location: SourceLocation

    package init(logicalId: String, type: String, properties: Node?, metadata: Node?, location: SourceLocation) {
        self.logicalId = logicalId
        self.type = type
        self.properties = properties
        self.metadata = metadata
        self.location = location
    }
}

/// A parsed SAM or CloudFormation template, with parameters, mappings and conditions, able to
/// evaluate intrinsic functions and to say what a reference means.
package struct Template: Sendable {
    package var path: String
    package var displayPath: String
    package var root: Node
    package var resources: [String: TemplateResource]
    /// Parameter values after defaults and `--parameter` overrides.
    package var parameterValues: [String: String]

    package init(
        path: String, displayPath: String, root: Node, resources: [String: TemplateResource],
        parameterValues: [String: String]
    ) {
        self.path = path
        self.displayPath = displayPath
        self.root = root
        self.resources = resources
        self.parameterValues = parameterValues
    }

    /// Evaluates a property value, reporting unknown intrinsics and cycles to the sink.
    package func evaluate(_ node: Node, diagnostics: DiagnosticSink) -> TemplateValue { .unknown("not implemented") }

    /// What a `Ref` or `Fn::GetAtt` names, per resource type; `nil` for other values.
    package func reference(for value: TemplateValue) -> ResourceReference? { nil }

    /// The physical name of a resource: its name property when the template sets one, else a
    /// placeholder for the name CloudFormation generates.
    package func physicalName(of logicalId: String) -> PatternString? { nil }

    /// The resource's ARN built from its properties, with placeholders for what is known only
    /// at deploy time.
    package func arn(of logicalId: String) -> PatternString? { nil }

    /// The customer-managed KMS key that encrypts a resource (bucket default encryption, queue
    /// or topic `KmsMasterKeyId`, stream encryption, secret `KmsKeyId`), as an ARN pattern.
    package func encryptionKeyARN(of logicalId: String) -> PatternString? { nil }

    /// A value turned into a string pattern: literals and pseudo parameters are kept,
    /// references become their physical name, ARN or URL, and unknown parts become wildcards.
    package func pattern(for value: TemplateValue) -> PatternString { .wildcard }
}

/// Reads every function from the templates under a project folder.
package struct DeploymentLoader: Sendable {
    package var root: String
    package var parameterOverrides: [String: String]

    package init(root: String, parameterOverrides: [String: String] = [:]) {
        self.root = root
        self.parameterOverrides = parameterOverrides
    }

    /// Finds templates (`template.yaml|yml|json` and other CloudFormation templates), skipping
    /// build output (`.aws-sam/`, `node_modules/`, virtual environments).
    package func discoverTemplates(diagnostics: DiagnosticSink) -> [String] { [] }

    /// Parses one template; returns `nil` and reports an error when it cannot be read.
    package func loadTemplate(at path: String, diagnostics: DiagnosticSink) -> Template? { nil }

    /// The functions a template defines, with `Globals` applied.
    package func functions(in template: Template, diagnostics: DiagnosticSink) -> [FunctionModel] { [] }
}
