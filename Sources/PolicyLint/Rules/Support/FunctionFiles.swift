import Diagnostics
import Documents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the files a function's template names, inside the template's folder only.
struct FunctionFiles {
    let function: LocatedFunction
    let diagnostics: DiagnosticSink

    /// Returns the path when it is relative and stays inside the template's folder; otherwise
    /// reports it and returns `nil`.
    func relativePath(_ path: String, at node: Node) -> String? {
        var depth = 0
        for part in path.split(separator: "/") {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 { break }
        }
        guard !path.hasPrefix("/"), depth >= 0 else {
            diagnostics.report(
                .warning, .lintFileUnreadable,
                "'\(path)' of \(function.logicalId) is outside the template's folder, so its size limit was not checked",
                at: node.location, notes: ["write the path relative to the template, inside its folder"])
            return nil
        }
        return path
    }

    /// Returns the bytes of the regular files under a folder, not following or counting
    /// symbolic links. Reports a folder that cannot be listed and returns `nil`.
    func folderSize(_ relativePath: String, at node: Node) -> Int? {
        let folder = function.template.folder + "/" + relativePath
        let listing: SourceTree.Listing
        do {
            listing = try SourceTree.walk(root: folder, skipping: [])
        } catch {
            diagnostics.report(
                .warning, .lintFileUnreadable,
                "the code folder of \(function.logicalId) could not be listed: \(error.message); its size was not checked",
                at: node.location)
            return nil
        }
        var total = 0
        for file in listing.files {
            var info = stat()
            guard lstat(listing.root + "/" + file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            total += Int(info.st_size)
        }
        return total
    }

    /// Returns the text of a file under the template's folder, or reports it and returns `nil`.
    func text(of relativePath: String, at node: Node) -> String? {
        let reader = SourceFileReader(root: function.template.folder, maximumFileSize: 1024 * 1024)
        do {
            return String(decoding: try reader.read(relativePath), as: UTF8.self)
        } catch {
            diagnostics.report(
                .warning, .lintFileUnreadable,
                "\(relativePath) of \(function.logicalId) could not be read: \(error.message); the image was not checked",
                at: node.location)
            return nil
        }
    }
}
