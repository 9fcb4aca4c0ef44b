import DeploymentModel
import Diagnostics
import Documents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file to lint: its path as reports show it, and how to read it.
package struct LintInputFile: Sendable {
    package var displayPath: String
    /// The folder the file is read under; symbolic links do not lead out of it.
    package var readerRoot: String
    package var relativePath: String
    package var isTemplate: Bool
}

/// A command-line path that cannot be opened.
package struct LintInputError: Error, Sendable {
    package var message: String
}

/// The files under the command line's paths. The report root is the one folder given, or the
/// current folder; paths in reports are relative to it.
package struct LintInputs: Sendable {
    package var root: String
    package var paths: [(absolute: String, isFolder: Bool)]

    package init(paths: [String]) throws(LintInputError) {
        self.paths = []
        for path in paths {
            guard let resolved = realpath(path, nil) else {
                throw LintInputError(message: "cannot open '\(path)': \(String(cString: strerror(errno)))")
            }
            let absolute = String(cString: resolved)
            free(resolved)
            var info = stat()
            let isFolder = stat(absolute, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            self.paths.append((absolute, isFolder))
        }
        if self.paths.count == 1, self.paths[0].isFolder {
            root = self.paths[0].absolute
        } else {
            root = FilePathText.currentFolder()
        }
    }

    package func files(diagnostics: DiagnosticSink) -> [LintInputFile] {
        var files: [LintInputFile] = []
        for path in paths {
            if path.isFolder {
                files += folderFiles(path.absolute, diagnostics: diagnostics)
            } else {
                let folder = FilePathText.folder(of: path.absolute)
                let name = String(path.absolute.dropFirst(folder.count + (folder == "/" ? 0 : 1)))
                let isTemplate = !(name.hasSuffix(".json") && PolicyFileDetection.isPolicyFile(path.absolute))
                files.append(
                    LintInputFile(
                        displayPath: FilePathText.display(path.absolute, root: root), readerRoot: folder,
                        relativePath: name, isTemplate: isTemplate))
            }
        }
        var seen = Set<String>()
        return files.filter { seen.insert($0.displayPath).inserted }
    }

    private func folderFiles(_ folder: String, diagnostics: DiagnosticSink) -> [LintInputFile] {
        let templates = DeploymentLoader(root: folder).discoverTemplates(diagnostics: diagnostics)
        var files = templates.map { path in
            LintInputFile(
                displayPath: FilePathText.display(path, root: root), readerRoot: folder,
                relativePath: String(path.dropFirst(folder.count + 1)), isTemplate: true)
        }
        let templateSet = Set(templates)
        guard let listing = try? SourceTree.walk(root: folder) else { return files }
        for relative in listing.files where relative.hasSuffix(".json") {
            let absolute = listing.root + "/" + relative
            guard !templateSet.contains(absolute), PolicyFileDetection.isPolicyFile(absolute) else { continue }
            files.append(
                LintInputFile(
                    displayPath: FilePathText.display(absolute, root: root), readerRoot: listing.root,
                    relativePath: relative, isTemplate: false))
        }
        return files.sorted { $0.displayPath.utf8.lexicographicallyPrecedes($1.displayPath.utf8) }
    }

    /// Reads a file, reporting an error when it cannot be read.
    package func read(_ file: LintInputFile, diagnostics: DiagnosticSink) -> [UInt8]? {
        do {
            return try SourceFileReader(root: file.readerRoot).read(file.relativePath)
        } catch {
            var diagnostic = error.diagnostic
            diagnostic.location = SourceLocation(file: file.displayPath)
            diagnostics.report(diagnostic)
            return nil
        }
    }
}

/// Policy JSON files among a folder's `*.json` files.
package enum PolicyFileDetection {
    /// True when the file parses and contains a policy document: `Statement` at the top, in
    /// each item of a top-level array, or under `PolicyDocument`.
    package static func isPolicyFile(_ path: String) -> Bool {
        let folder = FilePathText.folder(of: path)
        let reader = SourceFileReader(root: folder, maximumFileSize: 64 * 1024 * 1024)
        guard let bytes = try? reader.read(path),
            bytes.contains(subsequence: Array("Statement".utf8)),
            let root = try? DocumentReader.parse(bytes: bytes, displayPath: path)
        else { return false }
        if root["Resources"] != nil || root["AWSTemplateFormatVersion"] != nil { return false }
        let documents = root.sequence ?? [root]
        return documents.contains { $0["Statement"] != nil || $0["PolicyDocument"]?["Statement"] != nil }
    }
}

/// Path text helpers for the lint and check commands.
package enum FilePathText {
    package static func currentFolder() -> String {
        guard let resolved = realpath(".", nil) else { return "." }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// `path` relative to `root` when it lies inside it, otherwise unchanged.
    package static func display(_ path: String, root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

extension [UInt8] {
    fileprivate func contains(subsequence: [UInt8]) -> Bool {
        guard let first = subsequence.first, count >= subsequence.count else { return subsequence.isEmpty }
        var index = 0
        while index + subsequence.count <= count {
            if self[index] == first, self[index..<index + subsequence.count].elementsEqual(subsequence) { return true }
            index += 1
        }
        return false
    }
}
