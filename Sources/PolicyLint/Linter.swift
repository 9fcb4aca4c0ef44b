import Diagnostics
import IAMCatalog

/// Runs the rules over policy files and templates.
package struct Linter: Sendable {
    package let catalog: Catalog
    package let options: LintOptions

    package init(catalog: Catalog, options: LintOptions) {
        self.catalog = catalog
        self.options = options
    }

    /// A policy JSON or YAML file: one policy document, an array of documents, or
    /// `{"PolicyDocument": ...}` wrappers.
    package func lintPolicyFile(path: String, text: [UInt8], diagnostics: DiagnosticSink) -> [Finding] {
        []
    }

    /// A SAM or CloudFormation template: inline and managed policies, IAM resources, SAM
    /// `Policies`.
    package func lintTemplate(path: String, text: [UInt8], diagnostics: DiagnosticSink) -> [Finding] {
        []
    }
}
