import Diagnostics
import Documents

/// Reads IAM policy documents from parsed YAML or JSON into `PolicyDocument` values, keeping
/// where each statement was written. Values go through `value`, which lets a template turn
/// `!Sub arn:...:${Bucket}` into a pattern.
///
/// Plain files keep their text as written, IAM wildcards and policy variables included.
package struct PolicyReader {
    /// Turns one scalar (or intrinsic) value into a pattern; `nil` when the value cannot be
    /// read, which the reader reports.
    package typealias ValueReader = (Node) -> PatternString?

    package let diagnostics: DiagnosticSink
    package let value: ValueReader
    /// Errors this reader reported, so a statement can tell whether its parts were readable.
    let errors = ErrorCount()

    package init(diagnostics: DiagnosticSink, value: @escaping ValueReader = PolicyReader.literal) {
        self.diagnostics = diagnostics
        self.value = value
    }

    /// Returns the text of a scalar as written, booleans and numbers included.
    package static func literal(_ node: Node) -> PatternString? {
        node.scalar.map { PatternString(literal: $0) }
    }

    /// Reads the policies of a policy file: one document, an array of documents, or the
    /// wrappers the AWS CLI prints (`{"PolicyDocument": ...}`, `{"PolicyVersion": {"Document":
    /// ...}}`, `{"Policy": ...}`).
    package func policies(inFile root: Node) -> [PolicyDocument] {
        if let items = root.sequence {
            return items.flatMap { policies(inFile: $0) }
        }
        guard root.mapping != nil else {
            report(
                .invalidPolicyDocument,
                "a policy file holds a policy document (a mapping with Statement) or a list of them", root)
            return []
        }
        if root["Statement"] != nil { return document(root).map { [$0] } ?? [] }
        for wrapper in ["PolicyDocument", "Document", "Policy", "PolicyVersion"] {
            if let inner = root[wrapper] { return policies(inFile: inner) }
        }
        report(.invalidPolicyDocument, "the document has no Statement", root)
        return []
    }

    /// Reads one policy document: `{"Version": ..., "Id": ..., "Statement": ...}`.
    package func document(_ node: Node) -> PolicyDocument? {
        guard let pairs = node.mapping else {
            report(.invalidPolicyDocument, "a policy document is a mapping with Version and Statement", node)
            return nil
        }
        var version: String?
        var id: String?
        var statementNode: Node?
        for pair in pairs {
            switch pair.key.scalar {
            case "Version": version = pair.value.scalar
            case "Id": id = pair.value.scalar
            case "Statement": statementNode = pair.value
            default: unknownElement(pair.key, in: "policy document")
            }
        }
        guard let statementNode else {
            report(.invalidPolicyDocument, "the policy document has no Statement", node)
            return nil
        }
        let items = statementNode.sequence ?? [statementNode]
        return PolicyDocument(
            version: version, id: id, statements: items.compactMap { statement($0) }, location: node.location)
    }

    private func unknownElement(_ key: Node, in place: String) {
        diagnostics.report(
            .warning, .unknownPolicyElement, "'\(key.scalar ?? "?")' is not an element of a \(place); it is ignored",
            at: key.location, notes: ["check the spelling; IAM element names are case-sensitive"])
    }

    func report(_ code: DiagnosticCode, _ message: String, _ node: Node, notes: [String] = []) {
        errors.count += 1
        diagnostics.report(.error, code, message, at: node.location, notes: notes)
    }
}

final class ErrorCount {
    var count = 0
}
