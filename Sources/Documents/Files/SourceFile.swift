import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads files under a scanned root without following symbolic links out of it, without
/// reading more than a size limit, and with errors that name the path and what to do.
package struct SourceFileReader: Sendable {
    /// The scanned root, as an absolute, symlink-free path.
    package var root: String
    package var maximumFileSize: Int

    /// Creates a reader for the folder `root`, which is resolved to an absolute, symlink-free
    /// path. A root that cannot be resolved is kept as given, and every read then fails with
    /// the reason.
    package init(root: String, maximumFileSize: Int = 64 * 1024 * 1024) {
        self.root = FilePath.realPath(root) ?? root
        self.maximumFileSize = maximumFileSize
    }

    /// Reads a file's bytes. `path` is absolute or relative to `root`. Throws when the file is
    /// missing, is not a regular file, resolves outside `root`, or is larger than the limit.
    package func read(_ path: String) throws(DocumentError) -> [UInt8] {
        let resolved = try resolve(path)
        return try FileSystem.readRegularFile(
            atPath: resolved, displayPath: displayPath(path), maximumSize: maximumFileSize, followsLinks: false)
    }

    /// Reads and parses the first YAML or JSON document of a file under the root, with the
    /// file size limit of this reader and the other limits from `limits`.
    package func readDocument(_ path: String, limits: DocumentLimits = .default) throws(DocumentError) -> ParsedDocument
    {
        var fileLimits = limits
        fileLimits.maximumFileSize = min(limits.maximumFileSize, maximumFileSize)
        let bytes = try read(path)
        return try DocumentReader.read(bytes: bytes, displayPath: displayPath(path), limits: fileLimits)
    }

    /// Opens a gzip or plain file under the root for reading in chunks.
    package func gzipReader(for path: String, limits: GzipReader.Limits = .default) throws(DocumentError) -> GzipReader
    {
        let resolved = try resolve(path)
        return try GzipReader(path: resolved, displayPath: displayPath(path), limits: limits, followsLinks: false)
    }

    /// Resolves symbolic links in `path` and returns the real path, which lies inside `root`.
    package func resolve(_ path: String) throws(DocumentError) -> String {
        let absolute = FilePath.join(root, path)
        let location = SourceLocation(file: displayPath(path))
        guard let resolved = FilePath.realPath(absolute) else {
            let number = errno
            if number == ENOENT && FilePath.isSymbolicLink(absolute) {
                throw DocumentError(
                    "symbolic link points to a missing file; fix or remove the link", at: location,
                    code: .fileUnreadable)
            }
            throw FileSystem.openError(number, displayPath: location.file)
        }
        guard FilePath.isInside(resolved, folder: root) else {
            throw DocumentError(
                "path resolves to '\(resolved)', outside the scanned folder '\(root)'; symbolic links and '..' are "
                    + "not followed out of the scanned folder, so copy the file into it or scan a folder that contains both",
                at: location, code: .pathOutsideRoot)
        }
        return resolved
    }

    /// Returns the path relative to `root`, as diagnostics show it, or an absolute path outside
    /// `root` unchanged.
    package func displayPath(_ path: String) -> String {
        FilePath.relative(FilePath.join(root, path), to: root) ?? path
    }
}

/// Path strings handled as text, with `realpath` for the one step that needs the file system.
enum FilePath {
    /// `path` itself when absolute, otherwise `path` under `folder`, with `.` components and
    /// repeated slashes removed.
    static func join(_ folder: String, _ path: String) -> String {
        let full = path.hasPrefix("/") ? path : folder + "/" + path
        let components = full.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        return "/" + components.joined(separator: "/")
    }

    /// `path` relative to `folder`, or `nil` when `path` is not inside it.
    static func relative(_ path: String, to folder: String) -> String? {
        if path == folder { return "." }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }

    static func isInside(_ path: String, folder: String) -> Bool {
        relative(path, to: folder) != nil
    }

    /// Returns the absolute path with every symbolic link, `.` and `..` resolved, or `nil` with `errno`
    /// set (`ENOENT`, `ELOOP`, `EACCES`, ...).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
