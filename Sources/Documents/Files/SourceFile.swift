import Diagnostics

/// Reads files under a scanned root without following symbolic links out of it, without
/// reading more than a size limit, and with errors that name the path and what to do.
package struct SourceFileReader: Sendable {
    /// The scanned root, as an absolute, symlink-free path.
    package var root: String
    package var maximumFileSize: Int

    package init(root: String, maximumFileSize: Int = 64 * 1024 * 1024) {
        self.root = root
        self.maximumFileSize = maximumFileSize
    }

    /// Reads a file's bytes. `path` is absolute or relative to `root`. Throws when the file is
    /// missing, is not a regular file, resolves outside `root`, or is larger than the limit.
    package func read(_ path: String) throws(DocumentError) -> [UInt8] {
        throw DocumentError("not implemented", at: SourceLocation(file: path), code: DiagnosticCode("MR1000"))
    }

    /// The path relative to `root`, as diagnostics show it.
    package func displayPath(_ path: String) -> String { path }
}
