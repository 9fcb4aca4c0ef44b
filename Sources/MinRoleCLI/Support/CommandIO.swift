import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output streams of a command: standard output and standard error, or strings in tests.
package struct CommandIO: Sendable {
    package var writeOutput: @Sendable (String) -> Void
    package var writeError: @Sendable (String) -> Void
    /// The reason the output could not be written in full (a full disk, a closed stream), or
    /// `nil` when every write succeeded.
    package var outputFailure: @Sendable () -> String?

    package init(
        writeOutput: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
        outputFailure: @escaping @Sendable () -> String? = { nil }
    ) {
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.outputFailure = outputFailure
    }

    /// The first failure writing standard output, kept so the command can report it.
    private static let standardOutputFailure = Mutex<String?>(nil)

    package static let standard = CommandIO(
        writeOutput: { text in
            guard let failure = writeAll(STDOUT_FILENO, text) else { return }
            standardOutputFailure.withLock { $0 = $0 ?? failure }
        },
        writeError: { text in _ = writeAll(STDERR_FILENO, text) },
        outputFailure: { standardOutputFailure.withLock { $0 } })

    /// Writes all of `text`; returns why it could not, or `nil` on success.
    private static func writeAll(_ descriptor: Int32, _ text: String) -> String? {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}

/// Writes a whole file or nothing: the text goes to a temporary file beside the target,
/// which is then renamed over it.
enum OutputFile {
    /// True when `path` names the same file as one of `inputs`, links resolved.
    static func isOneOf(_ path: String, _ inputs: [String]) -> Bool {
        guard let resolved = realpath(path, nil) else { return false }
        defer { free(resolved) }
        let target = String(cString: resolved)
        return inputs.contains { input in
            guard let real = realpath(input, nil) else { return false }
            defer { free(real) }
            return String(cString: real) == target
        }
    }

    struct WriteError: Error {
        var message: String
    }

    static func write(_ text: String, to path: String) throws(WriteError) {
        var existing = stat()
        if lstat(path, &existing) == 0, (existing.st_mode & S_IFMT) != S_IFREG {
            throw WriteError(
                message:
                    "cannot write \(path): it exists and is not a regular file (a folder, device, pipe or symbolic link); name a regular file"
            )
        }
        let temporary = path + ".minrole-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WriteError(
                message:
                    "cannot write \(path): \(String(cString: strerror(errno))); check that the folder exists and is writable"
            )
        }
        var bytes = Array(text.utf8)
        var offset = 0
        var failure: Int32 = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += written
        }
        bytes.removeAll()
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw WriteError(
                message: "cannot write \(path): \(String(cString: strerror(failure))); nothing was written")
        }
    }
}

/// `write(2)`, named apart from the methods called `write` above.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
