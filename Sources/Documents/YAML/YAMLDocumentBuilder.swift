import Diagnostics

/// Builds the first document of a YAML stream from libyaml events: expands aliases, keeps local
/// tags, enforces the depth and node limits, and collects warnings.
struct YAMLDocumentBuilder {
    private let parser: LibYAMLParser
    private let displayPath: String
    private var tree: NodeTree

    init(input: UnsafeBufferPointer<UInt8>, displayPath: String, limits: DocumentLimits) throws(DocumentError) {
        parser = try LibYAMLParser(input: input, displayPath: displayPath)
        self.displayPath = displayPath
        tree = NodeTree(limits: limits)
    }

    /// Reads events up to the end of the first document, then looks one event further to warn
    /// about any second document without parsing it.
    mutating func readFirstDocument() throws(DocumentError) -> ParsedDocument {
        while true {
            switch try parser.next() {
            case .streamStart, .documentStart: continue
            case .documentEnd: return try finish()
            case .streamEnd:
                throw DocumentError(
                    "file contains no YAML or JSON document, only comments or blank lines; write a document or remove the file",
                    at: SourceLocation(file: displayPath), code: .emptyDocument)
            case .scalar(let text, let style, let tag, let anchor, let location, let end):
                try tree.addScalar(text, style: style, tag: tag, anchor: anchor, at: location, end: end)
            case .sequenceStart(let tag, let anchor, let location):
                try tree.startCollection(isMapping: false, tag: tag, anchor: anchor, at: location)
            case .mappingStart(let tag, let anchor, let location):
                try tree.startCollection(isMapping: true, tag: tag, anchor: anchor, at: location)
            case .sequenceEnd(let end), .mappingEnd(let end):
                try tree.endCollection(end: end)
            case .alias(let name, let location, let end):
                try tree.addAlias(name, at: location, end: end)
            }
        }
    }

    private mutating func finish() throws(DocumentError) -> ParsedDocument {
        guard let root = tree.root else {
            throw DocumentError(
                "file contains no YAML or JSON document; write a document or remove the file",
                at: SourceLocation(file: displayPath), code: .emptyDocument)
        }
        var warnings = tree.warnings
        do {
            if case .documentStart(let location) = try parser.next() {
                warnings.append(
                    Diagnostic(
                        .warning, .extraDocuments,
                        "file contains more than one YAML document; only the first is read, "
                            + "so move the others to their own files",
                        at: location))
            }
        } catch {
            warnings.append(
                Diagnostic(
                    .warning, .extraDocuments,
                    "file continues after the first document with text that is not valid YAML (\(error.message)); "
                        + "only the first document is read",
                    at: error.location))
        }
        return ParsedDocument(root: root, warnings: warnings)
    }
}
