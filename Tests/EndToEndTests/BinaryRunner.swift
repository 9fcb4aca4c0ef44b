import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the built `minrole` binary as a user would, and collects its output and exit status.
enum BinaryRunner {
    /// The repository root, found from this file's path.
    static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The binary beside the test bundle (`.build/<triple>/debug/minrole`).
    static var binaryPath: String {
        let bundle = CommandLine.arguments[0]
        let folder = bundle.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return (folder.isEmpty ? "." : folder) + "/minrole"
    }

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs the binary; relative paths in `arguments` are relative to `workingDirectory`, or
    /// to the current folder.
    static func run(_ arguments: [String], workingDirectory: String? = nil) throws -> Result {
        let outputPath = "/tmp/minrole-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
        let errorPath = outputPath + ".err"
        defer {
            unlink(outputPath)
            unlink(errorPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // `env -C` starts the binary in another folder without changing this process's.
        let program = workingDirectory == nil ? binaryPath : "/usr/bin/env"
        let prefix = workingDirectory.map { ["/usr/bin/env", "-C", $0, binaryPath] } ?? [binaryPath]
        let argv = (prefix + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        try #require(spawned == 0, "cannot start \(binaryPath): \(String(cString: strerror(spawned)))")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, output: read(outputPath), error: read(errorPath))
    }

    static func read(_ path: String) -> String { readFile(path) }
}
