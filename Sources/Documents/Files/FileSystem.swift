import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// POSIX file access with errors in plain words. Only this type and `SourceFileReader` call
/// the C library for files.
enum FileSystem {
    /// Reads a whole regular file. The size is checked with `fstat` before any byte is read, and
    /// reading stops as soon as a file that grows while being read passes the limit.
    static func readRegularFile(
        atPath path: String,
        displayPath: String,
        maximumSize: Int,
        followsLinks: Bool = true
    ) throws(DocumentError) -> [UInt8] {
        let (descriptor, size) = try openRegularFile(atPath: path, displayPath: displayPath, followsLinks: followsLinks)
        defer { close(descriptor) }
        guard size <= maximumSize else {
            throw sizeError(size: size, limit: maximumSize, displayPath: displayPath)
        }
        return try readAll(descriptor, expectedSize: size, maximumSize: maximumSize, displayPath: displayPath)
    }

    /// Opens a regular file for reading and returns its descriptor, which the caller closes,
    /// and its size in bytes.
    static func openRegularFile(
        atPath path: String,
        displayPath: String,
        followsLinks: Bool
    ) throws(DocumentError) -> (descriptor: Int32, size: Int) {
        // O_NONBLOCK keeps `open` from waiting on a named pipe; it does not affect regular files.
        // O_NOFOLLOW rejects a path whose last component was replaced by a link after it was
        // resolved.
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followsLinks ? 0 : O_NOFOLLOW)
        let descriptor = open(path, flags)
        guard descriptor >= 0 else { throw openError(errno, displayPath: displayPath) }

        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let error = openError(errno, displayPath: displayPath)
            close(descriptor)
            throw error
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw DocumentError(
                "not a regular file (\(kindName(of: info.st_mode))); give the path of a file",
                at: SourceLocation(file: displayPath), code: .notRegularFile)
        }
        return (descriptor, Int(info.st_size))
    }

    /// Reads into one buffer sized from `fstat`, with a spare byte that shows whether the file
    /// grew after `fstat`. The buffer doubles, up to one byte past the limit, while it grows.
    private static func readAll(
        _ descriptor: Int32,
        expectedSize: Int,
        maximumSize: Int,
        displayPath: String
    ) throws(DocumentError) -> [UInt8] {
        var (bytes, count) = try readUpTo(
            min(expectedSize, maximumSize) + 1, from: descriptor, displayPath: displayPath)
        if count < bytes.count {
            bytes.removeLast(bytes.count - count)
            return bytes
        }
        if count > maximumSize {
            throw sizeError(size: count, limit: maximumSize, displayPath: displayPath)
        }
        // The file grew after `fstat`.
        while true {
            if count == bytes.count {
                let grownSize = min(2 * bytes.count, maximumSize + 1)
                bytes.append(contentsOf: repeatElement(0, count: grownSize - bytes.count))
            }
            let result = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw DocumentError(
                    "could not read the file: \(errorText(errno))", at: SourceLocation(file: displayPath),
                    code: .fileUnreadable)
            }
            if result == 0 {
                bytes.removeLast(bytes.count - count)
                return bytes
            }
            count += result
            if count > maximumSize {
                throw sizeError(size: count, limit: maximumSize, displayPath: displayPath)
            }
        }
    }

    /// Reads until `capacity` bytes or the end of the file into a new array, without first
    /// filling it with zeros. Returns the array, whose count is `capacity`, and how many of
    /// its bytes were read; the bytes after those are zero.
    private static func readUpTo(
        _ capacity: Int, from descriptor: Int32, displayPath: String
    ) throws(DocumentError) -> (bytes: [UInt8], count: Int) {
        var failure: Int32?
        var count = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initializedCount in
            while count < capacity {
                // `read` writes at most `capacity - count` bytes from `count` on, inside `buffer`.
                let result = read(descriptor, buffer.baseAddress! + count, capacity - count)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { failure = errno }
                if result <= 0 { break }
                count += result
            }
            // The rest is zeroed so that every element of the array is initialized.
            (buffer.baseAddress! + count).initialize(repeating: 0, count: capacity - count)
            initializedCount = capacity
        }
        if let failure {
            throw DocumentError(
                "could not read the file: \(errorText(failure))", at: SourceLocation(file: displayPath),
                code: .fileUnreadable)
        }
        return (bytes, count)
    }

    static func sizeError(size: Int, limit: Int, displayPath: String) -> DocumentError {
        DocumentError(
            "file is \(size) bytes, larger than the file size limit of \(limit) bytes; "
                + "remove it from the scanned folder or split it",
            at: SourceLocation(file: displayPath), code: .fileTooLarge)
    }

    static func openError(_ number: Int32, displayPath: String) -> DocumentError {
        let location = SourceLocation(file: displayPath)
        switch number {
        case ENOENT, ENOTDIR:
            return DocumentError("file not found; check the path", at: location, code: .fileUnreadable)
        case EACCES, EPERM:
            return DocumentError(
                "permission denied; make the file readable by this user", at: location, code: .fileUnreadable)
        case ELOOP:
            return DocumentError(
                "symbolic links form a loop or a chain too long to resolve; fix or remove the link",
                at: location, code: .symbolicLinkLoop)
        case EISDIR:
            return DocumentError(
                "is a directory, not a file; give the path of a file", at: location, code: .notRegularFile)
        default:
            return DocumentError("could not open the file: \(errorText(number))", at: location, code: .fileUnreadable)
        }
    }

    static func errorText(_ number: Int32) -> String {
        guard let text = strerror(number) else { return "error \(number)" }
        return String(cString: text)
    }

    static func kindName(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }
}
