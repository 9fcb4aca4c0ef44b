import Diagnostics
import Documents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file to read, and how.
struct FileTask: Sendable {
    enum Kind: Sendable {
        case requests, cloudTrail, accessDenied
    }

    var kind: Kind
    /// The path to open.
    var path: String
    /// The path as the user wrote it, or the folder they gave joined with the path inside it.
    var displayPath: String

    /// The files of `sources` in reading order: sources as given, and the files of a folder in
    /// byte order of their paths. In a CloudTrail folder, files other than `.json`, `.json.gz`,
    /// `.jsonl`, `.ndjson` and `.gz` are left out, and digest files are skipped with one note
    /// per folder. A path that cannot be listed gets an error.
    static func list(
        _ sources: [InvocationSource], limits: InvocationReader.Limits, summary: inout InvocationSummary,
        diagnostics: DiagnosticSink
    ) -> [FileTask] {
        var tasks: [FileTask] = []
        for source in sources {
            let kind: Kind =
                switch source {
                case .requests: .requests
                case .cloudTrail: .cloudTrail
                case .accessDenied: .accessDenied
                }
            guard isFolder(source.path) else {
                if kind == .cloudTrail && isDigestPath(source.path) {
                    summary.filesSkippedAsDigest += 1
                    diagnostics.report(
                        .note, .digestFileSkipped, "skipped a CloudTrail digest file, which holds no events",
                        at: SourceLocation(file: source.path))
                } else {
                    tasks.append(FileTask(kind: kind, path: source.path, displayPath: source.path))
                }
                continue
            }
            tasks += folderTasks(kind, source.path, limits: limits, summary: &summary, diagnostics: diagnostics)
        }
        return tasks
    }

    private static func folderTasks(
        _ kind: Kind, _ folder: String, limits: InvocationReader.Limits, summary: inout InvocationSummary,
        diagnostics: DiagnosticSink
    ) -> [FileTask] {
        let listing: SourceTree.Listing
        do {
            listing = try SourceTree.walk(root: folder, skipping: [], maximumFiles: limits.maximumFiles)
        } catch {
            summary.filesFailed += 1
            diagnostics.report(error.diagnostic)
            return []
        }
        for warning in listing.warnings { diagnostics.report(warning) }
        let shownFolder = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var tasks: [FileTask] = []
        var digestCount = 0
        for relative in listing.files {
            if kind == .cloudTrail {
                if isDigestPath(relative) {
                    digestCount += 1
                    continue
                }
                guard hasLogExtension(relative) else { continue }
            }
            tasks.append(
                FileTask(kind: kind, path: listing.root + "/" + relative, displayPath: shownFolder + "/" + relative))
        }
        if digestCount > 0 {
            summary.filesSkippedAsDigest += digestCount
            diagnostics.report(
                .note, .digestFileSkipped, "skipped \(digestCount) CloudTrail digest files, which hold no events",
                at: SourceLocation(file: folder))
        }
        return tasks
    }

    /// CloudTrail writes digest files under `CloudTrail-Digest/` and names them `..._CloudTrail-Digest_...`.
    static func isDigestPath(_ path: String) -> Bool {
        path.contains("CloudTrail-Digest")
    }

    private static func hasLogExtension(_ path: String) -> Bool {
        [".json", ".json.gz", ".jsonl", ".ndjson", ".gz"].contains { path.hasSuffix($0) }
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
