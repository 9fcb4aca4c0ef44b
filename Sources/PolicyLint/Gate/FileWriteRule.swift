import Diagnostics

/// MR506: handler code that writes a file or makes a folder outside `/tmp`. Lambda's file
/// system is read-only except `/tmp` and the mount paths of attached EFS file systems, so such
/// a write fails at run time. A relative path resolves against the working directory
/// `/var/task`, which is read-only too.
package struct FileWriteRule: Sendable {
    package static let descriptor = RuleDescriptor(
        id: "MR506", name: "file-write-outside-tmp",
        title: "The function's code writes a file outside /tmp",
        rationale:
            "Lambda's file system is read-only except /tmp and EFS mount paths, so the write fails at run time with a read-only file system error.",
        help: "Write under /tmp (or an EFS mount path of the function), for example with tempfile or os.tmpdir().",
        severity: .error, category: .deployment)

    package static let workingDirectory = "/var/task"
    /// Device files that accept writes on a read-only file system: the null device and the
    /// standard streams.
    static let writableDevices: Set<String> = ["/dev/null", "/dev/stdout", "/dev/stderr"]

    /// Folders the function may write under: `/tmp` and its EFS mount paths.
    package var writableFolders: [String]

    /// Lambda accepts only a `LocalMountPath` under `/mnt/`, so other mount paths (an empty or
    /// unresolved value) are left out rather than making every path writable.
    package init(mountPaths: [String] = []) {
        let mounts = mountPaths.map { Self.normalized($0) }.filter { $0.hasPrefix("/mnt/") }
        writableFolders = ["/tmp"] + mounts
    }

    /// Returns the finding for a write whose path starts with `knownPath`, or nil when the path
    /// is or may be under a writable folder. `isWholePath` is false when an unknown part follows.
    // NOTE: an unknown part is taken to contain no `..`, so `"/opt/" + name` is reported even
    // though `name` could climb back into /tmp.
    package func finding(
        forWriteTo knownPath: String, isWholePath: Bool, operation: String, at location: SourceLocation,
        functionId: String
    ) -> Finding? {
        guard !knownPath.isEmpty else { return nil }
        let isRelative = !knownPath.hasPrefix("/")
        let absolute = isRelative ? Self.workingDirectory + "/" + knownPath : knownPath
        let resolved = isWholePath ? Self.normalized(absolute) : Self.normalizedPrefix(absolute)
        guard !isWritable(resolved, isWholePath: isWholePath) else { return nil }

        let pathDescription = isWholePath ? "'\(knownPath)'" : "starting with '\(knownPath)'"
        var message = "\(functionId) writes to the path \(pathDescription) with \(operation)"
        if isRelative {
            let ending = isWholePath ? "" : "..."
            message +=
                ", a relative path that resolves against the working directory \(Self.workingDirectory) to '\(resolved)\(ending)'"
        }
        message += "; Lambda's file system is read-only outside /tmp, so this write fails at run time"
        let rule = Self.descriptor
        return Finding(
            ruleId: rule.id, severity: rule.severity, message: message, location: location, subject: functionId)
    }

    private func isWritable(_ path: String, isWholePath: Bool) -> Bool {
        if isWholePath && Self.writableDevices.contains(path) { return true }
        for folder in writableFolders {
            if path == folder || path.hasPrefix(folder + "/") { return true }
            // An unknown part may still complete a prefix of the folder's path.
            if !isWholePath && (folder + "/").hasPrefix(path) { return true }
        }
        return false
    }

    /// Resolves `.`, `..` and repeated slashes of an absolute path.
    static func normalized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// Resolves the complete components of a path's known start and keeps the last, possibly
    /// partial, component as it is, with the slash before it.
    static func normalizedPrefix(_ prefix: String) -> String {
        guard let slash = prefix.lastIndex(of: "/") else { return prefix }
        let folder = normalized(String(prefix[..<slash]))
        let rest = prefix[prefix.index(after: slash)...]
        return (folder == "/" ? "" : folder) + "/" + rest
    }
}
