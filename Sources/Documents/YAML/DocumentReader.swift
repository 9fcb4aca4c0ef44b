import Diagnostics

/// Limits that keep hostile input from exhausting memory or time. Every limit names itself in
/// the error it causes.
package struct DocumentLimits: Sendable {
    /// Largest file read, in bytes.
    package var maximumFileSize: Int = 64 * 1024 * 1024
    /// Deepest nesting of sequences and mappings.
    package var maximumDepth: Int = 256
    /// Most nodes one document may expand to, counting every alias expansion.
    package var maximumNodes: Int = 2_000_000
    /// Most bytes of scalar text that alias expansions may add to a document.
    package var maximumAliasTextBytes: Int = 16 * 1024 * 1024

    package init() {}
    package static let `default` = DocumentLimits()
}

/// A file that could not be read or parsed. The location points at the offending byte where
/// the parser knows it.
package struct DocumentError: Error, Sendable, CustomStringConvertible {
    package var location: SourceLocation
    package var message: String
    package var code: DiagnosticCode

    package init(_ message: String, at location: SourceLocation, code: DiagnosticCode) {
        self.message = message
        self.location = location
        self.code = code
    }

    package var description: String { "\(location): error: \(message) [\(code.rawValue)]" }
    package var diagnostic: Diagnostic { Diagnostic(.error, code, message, at: location) }
}

/// The first document of a YAML or JSON file, with the warnings found while reading it
/// (duplicate keys, further documents).
package struct ParsedDocument: Sendable {
    package var root: Node
    package var warnings: [Diagnostic]

    package init(root: Node, warnings: [Diagnostic] = []) {
        self.root = root
        self.warnings = warnings
    }
}

/// Reads YAML and JSON files into `Node` trees with libyaml. JSON goes through the same parser
/// (JSON is YAML flow syntax), so positions and error messages are the same for both.
package enum DocumentReader {
    /// Parses the first document of a YAML or JSON file. `displayPath` is the path that
    /// locations carry (relative to the scanned root where there is one). Warnings are dropped;
    /// call `read(contentsOf:displayPath:limits:)` to get them.
    package static func parse(
        contentsOf path: String,
        displayPath: String? = nil,
        limits: DocumentLimits = .default
    ) throws(DocumentError) -> Node {
        try read(contentsOf: path, displayPath: displayPath, limits: limits).root
    }

    /// Parses YAML or JSON text held in memory. Warnings are dropped; call
    /// `read(bytes:displayPath:limits:)` to get them.
    package static func parse(
        bytes: [UInt8],
        displayPath: String,
        limits: DocumentLimits = .default
    ) throws(DocumentError) -> Node {
        try read(bytes: bytes, displayPath: displayPath, limits: limits).root
    }

    /// Parses the first document of a YAML or JSON file and returns it with its warnings.
    package static func read(
        contentsOf path: String,
        displayPath: String? = nil,
        limits: DocumentLimits = .default
    ) throws(DocumentError) -> ParsedDocument {
        let shownPath = displayPath ?? path
        let bytes = try FileSystem.readRegularFile(
            atPath: path, displayPath: shownPath, maximumSize: limits.maximumFileSize)
        return try read(bytes: bytes, displayPath: shownPath, limits: limits)
    }

    /// Parses YAML or JSON text held in memory and returns it with its warnings.
    package static func read(
        bytes: [UInt8],
        displayPath: String,
        limits: DocumentLimits = .default
    ) throws(DocumentError) -> ParsedDocument {
        guard bytes.count <= limits.maximumFileSize else {
            throw FileSystem.sizeError(size: bytes.count, limit: limits.maximumFileSize, displayPath: displayPath)
        }
        let decoded = try TextInput.decode(bytes, displayPath: displayPath)
        var prepared = TextInput.preparedForLibYAML(decoded)
        // libyaml 0.2.5 ends the first mapping after its first key when the text starts with a
        // byte-order mark, so the mark is dropped here. Editors give it no column either.
        if prepared.starts(with: [0xEF, 0xBB, 0xBF]) { prepared.removeFirst(3) }
        let result = prepared.withUnsafeBufferPointer { buffer in
            Result { () throws(DocumentError) -> ParsedDocument in
                var reader = try YAMLDocumentBuilder(input: buffer, displayPath: displayPath, limits: limits)
                return try reader.readFirstDocument()
            }
        }
        switch result {
        case .success(let document):
            return document
        case .failure(let error):
            guard error.code == .yamlSyntax,
                let document = readValidJSON(decoded, displayPath: displayPath, limits: limits)
            else { throw error }
            return document
        }
    }

    /// Reads JSON that libyaml rejects although it is valid: libyaml requires a mapping key to
    /// end within 1024 characters and on the line where it starts. json-c reads it instead,
    /// without positions. Returns `nil` when the text is not valid JSON either.
    private static func readValidJSON(_ text: [UInt8], displayPath: String, limits: DocumentLimits) -> ParsedDocument? {
        let start = TextInput.hasUTF8ByteOrderMark(text) ? 3 : 0
        guard TextInput.startsLikeJSON(text[start...]),
            let value = try? JSONParser.parse(bytes: text[start...], maximumDepth: limits.maximumDepth)
        else { return nil }
        let location = SourceLocation(file: displayPath)
        let warning = Diagnostic(
            .warning, .positionsUnavailable,
            "JSON read without line numbers because a key is longer than 1024 characters or split across lines; "
                + "diagnostics for this file name no line",
            at: location)
        return ParsedDocument(root: Node(value, location: location), warnings: [warning])
    }
}
