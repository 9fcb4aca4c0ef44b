import Diagnostics
import Synchronization

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
    /// Real paths of the folders this reader has read from, shared by its copies.
    private let folders = ResolvedFolders()

    /// Creates a reader for the folder `root`, which is resolved to an absolute, symlink-free
    /// path. A root that cannot be resolved is kept as given, and every read then fails with
    /// the reason.
    package init(root: String, maximumFileSize: Int = 64 * 1024 * 1024) {
        let realRoot = FilePath.realPath(root)
        self.root = realRoot ?? root
        self.maximumFileSize = maximumFileSize
        // A real path is its own real path, so files directly in the root need no `realpath`.
        if let realRoot { folders.add(realRoot, realPath: realRoot) }
    }

    /// Reads a file's bytes. `path` is absolute or relative to `root`. Throws when the file is
    /// missing, is not a regular file, resolves outside `root`, or is larger than the limit.
    package func read(_ path: String) throws(DocumentError) -> [UInt8] {
        let absolute = FilePath.join(root, path)
        let resolved = try resolve(absolute: absolute, path: path)
        return try FileSystem.readRegularFile(
            atPath: resolved, displayPath: displayPath(absolute: absolute, path: path), maximumSize: maximumFileSize,
            followsLinks: false)
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
        try resolve(absolute: FilePath.join(root, path), path: path)
    }

    /// Resolves a path already joined to the root, as `resolve(_:)` does.
    private func resolve(absolute: String, path: String) throws(DocumentError) -> String {
        if let resolved = folders.resolveFile(absolute), FilePath.isInside(resolved, folder: root) {
            return resolved
        }
        let location = SourceLocation(file: displayPath(absolute: absolute, path: path))
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
        displayPath(absolute: FilePath.join(root, path), path: path)
    }

    private func displayPath(absolute: String, path: String) -> String {
        FilePath.relative(absolute, to: root) ?? path
    }
}

/// The real paths of folders already resolved, so that resolving a file in a known folder
/// costs one `lstat` instead of a `realpath` that reads every component of the path.
// NOTE: a folder replaced by a symbolic link after it was first resolved is still read
// through its old real path, much as a replacement between `realpath` and `open` would be.
private final class ResolvedFolders: Sendable {
    private let realPaths = Mutex<[String: String]>([:])

    /// Returns the real path of an absolute, normalized file path whose last component is not
    /// a symbolic link, or `nil` when `realpath` must resolve the whole path.
    func resolveFile(_ absolute: String) -> String? {
        guard let slash = absolute.utf8.lastIndex(of: UInt8(ascii: "/")), slash != absolute.startIndex else {
            return nil
        }
        let folder = String(absolute[..<slash])
        let name = absolute[absolute.index(after: slash)...]
        guard !name.isEmpty, name != ".", name != ".." else { return nil }
        guard let realFolder = realPath(ofFolder: folder) else { return nil }
        let candidate = realFolder == "/" ? "/" + name : realFolder + "/" + name
        var info = stat()
        guard lstat(candidate, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { return nil }
        return candidate
    }

    /// Records the real path of a folder that is known without calling `realpath`.
    func add(_ folder: String, realPath: String) {
        realPaths.withLock { $0[folder] = realPath }
    }

    private func realPath(ofFolder folder: String) -> String? {
        if let known = realPaths.withLock({ $0[folder] }) { return known }
        guard let resolved = FilePath.realPath(folder) else { return nil }
        realPaths.withLock { $0[folder] = resolved }
        return resolved
    }
}

/// Path strings handled as text, with `realpath` for the one step that needs the file system.
enum FilePath {
    /// `path` itself when absolute, otherwise `path` under `folder`, with `.` components and
    /// repeated slashes removed.
    static func join(_ folder: String, _ path: String) -> String {
        let full = path.hasPrefix("/") ? path : folder + "/" + path
        if let joined = joinASCII(full) { return joined }
        let components = full.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        return "/" + components.joined(separator: "/")
    }

    /// `join` on the bytes of an ASCII path. In ASCII text `/` and `.` are always characters of
    /// their own, so the result is the same without splitting the text into grapheme clusters.
    /// Returns `nil` for other paths.
    private static func joinASCII(_ path: String) -> String? {
        if isNormalizedASCII(path) { return path }
        let slash = UInt8(ascii: "/")
        var joined: [UInt8] = []
        joined.reserveCapacity(path.utf8.count + 1)
        for component in path.utf8.split(separator: slash, omittingEmptySubsequences: true) {
            if component.count == 1 && component.first == UInt8(ascii: ".") { continue }
            joined.append(slash)
            for byte in component {
                guard byte < 0x80 else { return nil }
                joined.append(byte)
            }
        }
        if joined.isEmpty { return "/" }
        return String(decoding: joined, as: UTF8.self)
    }

    /// True for an absolute ASCII path that `joinASCII` returns unchanged: no empty or `.`
    /// component and no slash at the end, except in `/` itself.
    static func isNormalizedASCII(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            let slash = UInt8(ascii: "/")
            let dot = UInt8(ascii: ".")
            guard bytes.first == slash, isASCII(bytes) else { return false }
            if bytes.count == 1 { return true }
            // The two bytes before the current one.
            var previous: UInt8 = 0
            var beforePrevious: UInt8 = 0
            for byte in bytes {
                // `//` is an empty component, and `/./` a `.` component.
                if byte == slash && (previous == slash || (previous == dot && beforePrevious == slash)) {
                    return false
                }
                beforePrevious = previous
                previous = byte
            }
            // A slash at the end, or a `.` component at the end.
            return previous != slash && !(previous == dot && beforePrevious == slash)
        }
    }

    /// `path` relative to `folder`, or `nil` when `path` is not inside it.
    static func relative(_ path: String, to folder: String) -> String? {
        if isASCII(path) && isASCII(folder) { return relativeASCII(path, to: folder) }
        if path == folder { return "." }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        guard path.hasPrefix(prefix) else { return nil }
        if prefix.utf8.allSatisfy({ $0 < 0x80 }) {
            // The characters that match an ASCII prefix are its own bytes, so the rest of `path`
            // starts right after them.
            return String(decoding: path.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
        }
        return String(path.dropFirst(prefix.count))
    }

    /// Computes `relative` on the bytes of ASCII paths, where equal text means equal bytes.
    private static func relativeASCII(_ path: String, to folder: String) -> String? {
        var path = path
        var folder = folder
        return path.withUTF8 { pathBytes in
            folder.withUTF8 { folderBytes in
                guard pathBytes.count >= folderBytes.count,
                    folderBytes.isEmpty
                        || memcmp(pathBytes.baseAddress!, folderBytes.baseAddress!, folderBytes.count) == 0
                else { return nil }
                var start = folderBytes.count
                if start == pathBytes.count { return "." }
                if folderBytes.last != UInt8(ascii: "/") {
                    guard pathBytes[start] == UInt8(ascii: "/") else { return nil }
                    start += 1
                }
                return String(decoding: UnsafeBufferPointer(rebasing: pathBytes[start...]), as: UTF8.self)
            }
        }
    }

    private static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isASCII)
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // One test of all the bytes combined, with no branch per byte.
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
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
