import Diagnostics
import DeploymentModel
import Documents

/// A Lambda function of a template (`AWS::Serverless::Function` or `AWS::Lambda::Function`),
/// for the deployment limit rules.
package struct LocatedFunction: Sendable {
    package var logicalId: String
    package var type: String
    package var location: SourceLocation
    package var template: Template
    /// The `Globals.Function` section for SAM functions; `nil` for CloudFormation functions.
    package var globals: Node?

    package init(logicalId: String, type: String, location: SourceLocation, template: Template, globals: Node?) {
        self.logicalId = logicalId
        self.type = type
        self.location = location
        self.template = template
        self.globals = globals
    }

    package var isServerless: Bool { type == "AWS::Serverless::Function" }

    /// The function's property, or for SAM functions the `Globals.Function` value.
    package func property(_ name: String) -> Node? {
        template.resources[logicalId]?[property: name] ?? globals?[name]
    }

    /// The text of a property after intrinsics, with parameters at their defaults; `nil` when
    /// it is absent or known only at deploy time.
    package func literal(_ node: Node) -> String? {
        if node.tag == nil, let text = node.scalar { return text }
        return template.literalText(of: template.evaluate(node, diagnostics: DiagnosticSink()))
    }

    /// A property's integer value with its location, when it is written as a whole number.
    package func integer(_ name: String) -> (value: Int, node: Node)? {
        guard let node = property(name), let text = literal(node), let value = Int(text) else { return nil }
        return (value, node)
    }

    /// The resource's `Metadata`.
    package var metadata: Node? { template.resources[logicalId]?.metadata }
}
