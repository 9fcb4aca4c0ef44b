import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists the files of a project folder without following symbolic links to folders.
package enum SourceTree {
    /// Folders that hold build output, dependencies or version control data, not project sources.
    package static let skippedFolderNames: Set<String> = [
        ".aws-sam", "node_modules", ".venv", "venv", ".git", "__pycache__", "cdk.out", ".serverless",
    ]

    /// The files found, as paths relative to the root in byte order, and the entries that could
    /// not be listed.
    package struct Listing: Sendable {
        package var root: String
        package var files: [String]
        package var warnings: [Diagnostic]
    }

    /// Lists regular files and symbolic links to regular files under `root`, recursively.
    /// Skips folders named in `skipping`, folders that contain `pyvenv.cfg` (Python virtual
    /// environments) and symbolic links to folders. A link to a file outside `root` is listed,
    /// and `SourceFileReader` rejects it when it is read. Throws when `root` is not a folder or
    /// when `root` cannot be listed. Past `maximumFiles` files, or as many folders, the walk
    /// stops and the listing carries an error.
    package static func walk(
        root: String,
        skipping: Set<String> = skippedFolderNames,
        maximumFiles: Int = 100_000
    ) throws(DocumentError) -> Listing {
        guard let realRoot = FilePath.realPath(root) else { throw FileSystem.openError(errno, displayPath: root) }
        var walker = Walker(root: realRoot, displayRoot: root, skipping: skipping, maximumFiles: maximumFiles)
        try walker.run()
        let files = walker.files.sorted(by: precedesInByteOrder)
        return Listing(root: realRoot, files: files, warnings: walker.warnings)
    }

    /// True when `first` sorts before `second` in UTF-8 byte order. It compares the contiguous
    /// bytes with `memcmp` instead of one `UTF8View` element at a time.
    static func precedesInByteOrder(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        return first.withUTF8 { left in
            second.withUTF8 { right in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }
}

/// A depth-first walk with an explicit stack, so deep folder trees cannot exhaust the call stack.
private struct Walker {
    let root: String
    let displayRoot: String
    let skipping: Set<String>
    let maximumFiles: Int
    var files: [String] = []
    var warnings: [Diagnostic] = []
    private var folderCount = 0

    init(root: String, displayRoot: String, skipping: Set<String>, maximumFiles: Int) {
        self.root = root
        self.displayRoot = displayRoot
        self.skipping = skipping
        self.maximumFiles = maximumFiles
    }

    /// Lists folders breadth first, so the files nearest the root are found before a limit is
    /// reached. Reaching a limit stops the walk with an error; what was found is kept.
    mutating func run() throws(DocumentError) {
        var pending: [String] = [""]
        var next = 0
        while next < pending.count, !isStopped {
            let relativeFolder = pending[next]
            next += 1
            guard let entries = listFolder(relativeFolder, isRoot: next == 1) else {
                if next == 1 { throw FileSystem.openError(errno, displayPath: displayRoot) }
                continue
            }
            for (name, kind) in entries where !isStopped {
                let relativePath = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
                switch kind {
                case .folder where !shouldSkip(folder: relativePath, named: name):
                    addFolder(relativePath, to: &pending)
                case .file:
                    addFile(relativePath)
                default:
                    continue
                }
            }
        }
    }

    private var isStopped = false

    /// Queues a folder to list. Folders count against the same limit as files, so a tree of
    /// empty folders cannot make the walk unbounded.
    private mutating func addFolder(_ relativePath: String, to pending: inout [String]) {
        folderCount += 1
        guard folderCount <= maximumFiles else {
            stop("more than the limit of \(maximumFiles) folders")
            return
        }
        pending.append(relativePath)
    }

    private mutating func addFile(_ relativePath: String) {
        guard files.count < maximumFiles else {
            stop("more than the limit of \(maximumFiles) files")
            return
        }
        files.append(relativePath)
    }

    private mutating func stop(_ what: String) {
        isStopped = true
        warnings.append(
            Diagnostic(
                .error, .tooManyFiles,
                "folder contains \(what); the files nearest the root were scanned and the rest were not, so scan a smaller folder",
                at: SourceLocation(file: displayRoot)))
    }

    private func shouldSkip(folder relativePath: String, named name: String) -> Bool {
        if skipping.contains(name) { return true }
        var info = stat()
        return lstat(root + "/" + relativePath + "/pyvenv.cfg", &info) == 0
    }

    private enum Kind {
        case folder, file, other
    }

    /// Lists a folder's entries with their kinds, or returns `nil` with `errno` set. A folder
    /// other than the root that cannot be opened adds an error, because its files are input
    /// that was not read.
    private mutating func listFolder(_ relativeFolder: String, isRoot: Bool) -> [(String, Kind)]? {
        let path = relativeFolder.isEmpty ? root : root + "/" + relativeFolder
        guard let directory = opendir(path) else {
            if !isRoot {
                let reason = FileSystem.errorText(errno)
                warnings.append(
                    Diagnostic(
                        .error, .fileUnreadable,
                        "could not list the folder (\(reason)); its files are not scanned, so fix its permissions or remove it",
                        at: SourceLocation(file: relativeFolder)))
            }
            return nil
        }
        defer { closedir(directory) }
        var entries: [(String, Kind)] = []
        while let entry = readdir(directory) {
            // NOTE: a name that is not valid UTF-8 is repaired with U+FFFD, so reading that
            // path later fails with "file not found".
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            entries.append((name, kind(of: name, in: path, type: entry.pointee.d_type)))
        }
        return entries
    }

    /// Returns whether the entry `name` of `folder` is a folder (never through a link), a
    /// regular file (directly or through a link), or something else. The entry's type from
    /// `readdir` saves an `lstat` call; links, and file systems that leave the type unknown,
    /// are checked with `lstat`.
    private func kind(of name: String, in folder: String, type: UInt8) -> Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_LNK), Int32(DT_UNKNOWN): break
        default: return .other
        }
        let path = folder + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK:
            var target = stat()
            let isFile = stat(path, &target) == 0 && (target.st_mode & S_IFMT) == S_IFREG
            return isFile ? .file : .other
        default: return .other
        }
    }
}
