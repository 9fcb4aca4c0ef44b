import DeploymentModel
import Diagnostics
import Documents

/// A Lambda function of a template (`AWS::Serverless::Function` or `AWS::Lambda::Function`),
/// for the deployment limit rules. A class, so that rules share one copy of the template.
package final class LocatedFunction: Sendable {
    package let logicalId: String
    package let type: String
    package let location: SourceLocation
    package let template: Template
    /// The `Globals.Function` section for SAM functions; `nil` for CloudFormation functions.
    package let globals: Node?

    package init(logicalId: String, type: String, location: SourceLocation, template: Template, globals: Node?) {
        self.logicalId = logicalId
        self.type = type
        self.location = location
        self.template = template
        self.globals = globals
    }

    package var isServerless: Bool { type == "AWS::Serverless::Function" }

    /// Returns the function's property, or for SAM functions the `Globals.Function` value.
    package func property(_ name: String) -> Node? {
        template.resources[logicalId]?[property: name] ?? globals?[name]
    }

    /// Returns the text of a property after intrinsics, with parameters at their defaults; `nil` when
    /// it is absent or known only at deploy time.
    package func literal(_ node: Node) -> String? {
        if node.tag == nil, let text = node.scalar { return text }
        return template.literalText(of: template.evaluate(node, diagnostics: DiagnosticSink()))
    }

    /// The resource's `Metadata`.
    package var metadata: Node? { template.resources[logicalId]?.metadata }
}
