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

/// Reads YAML and JSON files into `Node` trees with libyaml.
package enum DocumentReader {
    /// Parses the first document of a YAML or JSON file. `displayPath` is the path that
    /// locations carry (relative to the scanned root where there is one).
    package static func parse(
        contentsOf path: String,
        displayPath: String? = nil,
        limits: DocumentLimits = .default
    ) throws(DocumentError) -> Node {
        // Implemented in DocumentReader+YAML.swift.
        throw DocumentError(
            "not implemented", at: SourceLocation(file: displayPath ?? path), code: DiagnosticCode("MR1000"))
    }

    /// Parses YAML or JSON text held in memory.
    package static func parse(
        bytes: [UInt8],
        displayPath: String,
        limits: DocumentLimits = .default
    ) throws(DocumentError) -> Node {
        throw DocumentError("not implemented", at: SourceLocation(file: displayPath), code: DiagnosticCode("MR1000"))
    }
}
