#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A project folder under /tmp with the given files, removed when the value is released.
package final class TemporaryProject {
    package let root: String

    /// Writes `files` (relative path → contents) into a new folder.
    package init(files: [String: String]) {
        var pattern = Array("/tmp/minrole-test-XXXXXX".utf8CString)
        let created = pattern.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "cannot create a temporary folder: \(String(cString: strerror(errno)))")
        root = String(cString: created!)
        for (path, contents) in files { write(contents, to: path) }
    }

    deinit { TemporaryProject.removeTree(root) }

    /// Writes a file, creating its folders.
    package func write(_ contents: String, to relativePath: String) {
        write(Array(contents.utf8), to: relativePath)
    }

    package func write(_ bytes: [UInt8], to relativePath: String) {
        let path = root + "/" + relativePath
        makeFolders(for: path)
        guard let file = fopen(path, "wb") else { preconditionFailure("cannot write \(path)") }
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }

    /// Creates a symbolic link at `relativePath` pointing to `target` as given.
    package func link(_ relativePath: String, to target: String) {
        let path = root + "/" + relativePath
        makeFolders(for: path)
        symlink(target, path)
    }

    private func makeFolders(for path: String) {
        var folder = ""
        for component in path.split(separator: "/").dropLast() {
            folder += "/" + component
            mkdir(folder, 0o755)
        }
    }

    private static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR, let directory = opendir(path) else {
            unlink(path)
            return
        }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { removeTree(path + "/" + name) }
        }
        closedir(directory)
        rmdir(path)
    }
}
