#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads source files under a code root with POSIX calls: no symbolic link may lead out of the
/// root, and no file may be larger than the limit.
struct SourceFiles {
    enum Failure: Error {
        case missing
        case outsideRoot(String)
        case tooLarge(Int)
        case unreadable(String)
    }

    static let maximumFileSize = 16 * 1024 * 1024

    /// The root with symbolic links resolved, or `nil` when it does not exist.
    let resolvedRoot: String?

    init(root: String) {
        resolvedRoot = Self.realPath(root)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Returns true for a directory, false for another file, and `nil` when the path is missing.
    static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    func read(_ path: String) -> Result<[UInt8], Failure> {
        guard let resolved = Self.realPath(path) else { return .failure(.missing) }
        guard let resolvedRoot, resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/") else {
            return .failure(.outsideRoot(resolved))
        }
        let descriptor = open(resolved, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(.unreadable("not a regular file"))
        }
        let size = Int(info.st_size)
        guard size <= Self.maximumFileSize else { return .failure(.tooLarge(size)) }
        return readAll(descriptor, expectedSize: size)
    }

    private func readAll(_ descriptor: Int32, expectedSize: Int) -> Result<[UInt8], Failure> {
        var bytes = [UInt8](repeating: 0, count: expectedSize)
        var total = 0
        while total < expectedSize {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + total, expectedSize - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            total += count
        }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }
}
