import Diagnostics

/// Codes for problems found while reading files: `MR10xx` opening and decoding files,
/// `MR11xx` YAML, `MR12xx` JSON, `MR13xx` gzip.
extension DiagnosticCode {
    /// The file does not exist or cannot be opened.
    package static let fileUnreadable = DiagnosticCode("MR1001")
    /// The path is a directory, device, socket or pipe instead of a regular file.
    package static let notRegularFile = DiagnosticCode("MR1002")
    /// The file is larger than the size limit.
    package static let fileTooLarge = DiagnosticCode("MR1003")
    /// The path, after resolving symbolic links, lies outside the scanned root.
    package static let pathOutsideRoot = DiagnosticCode("MR1004")
    /// Symbolic links form a loop or a chain too long to resolve.
    package static let symbolicLinkLoop = DiagnosticCode("MR1005")
    /// The file is empty or contains no document.
    package static let emptyDocument = DiagnosticCode("MR1006")
    /// The file contains NUL bytes, so it is binary, not text.
    package static let binaryFile = DiagnosticCode("MR1007")
    /// The file is not valid UTF-8 (or UTF-16 with a byte-order mark).
    package static let invalidEncoding = DiagnosticCode("MR1008")
    /// A directory walk found more files than its limit.
    package static let tooManyFiles = DiagnosticCode("MR1009")

    /// The YAML text is malformed.
    package static let yamlSyntax = DiagnosticCode("MR1101")
    /// Sequences and mappings nest deeper than the depth limit.
    package static let nestingTooDeep = DiagnosticCode("MR1102")
    /// The document expands to more nodes than the node limit, usually through aliases.
    package static let tooManyNodes = DiagnosticCode("MR1103")
    /// An alias names an anchor that is not defined before it.
    package static let undefinedAlias = DiagnosticCode("MR1104")
    /// A mapping repeats a key (warning); the last value is used.
    package static let duplicateKey = DiagnosticCode("MR1105")
    /// A YAML stream contains more than one document (warning); only the first is read.
    package static let extraDocuments = DiagnosticCode("MR1106")

    /// JSON that libyaml cannot read was read without positions (warning).
    package static let positionsUnavailable = DiagnosticCode("MR1107")

    /// The JSON text is malformed.
    package static let jsonSyntax = DiagnosticCode("MR1201")

    /// A gzip stream is truncated or corrupt.
    package static let gzipCorrupt = DiagnosticCode("MR1301")
    /// A gzip stream inflates past its ratio or output limit.
    package static let gzipLimitExceeded = DiagnosticCode("MR1302")
}
