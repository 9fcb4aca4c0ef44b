import Diagnostics
import Documents

/// Finds deployment templates among a project's files. The walk itself (no symbolic links to
/// folders, byte order, a file count limit) is `SourceTree`'s.
struct TemplateDiscovery {
    /// Folders that hold build output, dependencies or tool state, never the project's templates.
    static let skippedFolders: Set<String> = SourceTree.skippedFolderNames.union([
        ".terraform", ".tox", ".mypy_cache", ".pytest_cache", "site-packages",
    ])
    static let templateNames: Set<String> = ["template.yaml", "template.yml", "template.json"]
    static let templateExtensions = [".yaml", ".yml", ".json", ".template"]
    /// Larger files with other names are not opened to check whether they are templates.
    static let maximumCandidateSize = 16 * 1024 * 1024

    let root: String
    let diagnostics: DiagnosticSink

    /// Lists the templates under `root` as absolute paths in byte order.
    func templates() -> [String] {
        let listing: SourceTree.Listing
        do {
            listing = try SourceTree.walk(root: root, skipping: Self.skippedFolders)
        } catch {
            diagnostics.report(error.diagnostic)
            return []
        }
        for warning in listing.warnings { diagnostics.report(warning) }
        let reader = SourceFileReader(root: listing.root, maximumFileSize: Self.maximumCandidateSize)
        return listing.files.filter { isTemplate($0, reader: reader) }.map { listing.root + "/" + $0 }
    }

    private func isTemplate(_ relativePath: String, reader: SourceFileReader) -> Bool {
        let name = Self.fileName(relativePath)
        if Self.templateNames.contains(name) { return true }
        guard Self.templateExtensions.contains(where: { name.hasSuffix($0) }) else { return false }
        let bytes: [UInt8]
        do {
            bytes = try reader.read(relativePath)
        } catch {
            // A file too large to check is not a template minrole could read anyway; any other
            // failure may hide one.
            if error.code != .fileTooLarge {
                diagnostics.report(
                    .warning, error.code,
                    "could not read the file to check whether it is a template: \(error.message)",
                    at: SourceLocation(file: relativePath))
            }
            return false
        }
        return Self.isOtherTemplate(bytes, displayPath: relativePath)
    }

    /// Returns the last component of a path. An ASCII path is searched by bytes, which finds
    /// the slash a search by characters finds, without breaking the path into characters.
    static func fileName(_ path: String) -> String {
        let slash = UInt8(ascii: "/")
        if path.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let index = path.utf8.lastIndex(of: slash) else { return path }
            return String(path[path.utf8.index(after: index)...])
        }
        return path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// Returns true for a YAML or JSON document whose top level has `AWSTemplateFormatVersion`, or `Resources`
    /// with at least one `Type: AWS::...`.
    static func isOtherTemplate(_ bytes: [UInt8], displayPath: String) -> Bool {
        let hasVersion = bytes.contains(subsequence: Array("AWSTemplateFormatVersion".utf8))
        guard hasVersion || bytes.contains(subsequence: Array("AWS::".utf8)) else { return false }
        guard let document = try? DocumentReader.parse(bytes: bytes, displayPath: displayPath) else {
            // A file that names the template format version is a template even when it is
            // broken; loading it reports the syntax error.
            return hasVersion
        }
        if document["AWSTemplateFormatVersion"] != nil { return true }
        let resources = document["Resources"]?.mapping ?? []
        return resources.contains { $0.value["Type"]?.scalar?.hasPrefix("AWS::") == true }
    }
}

extension [UInt8] {
    /// True when `subsequence` occurs in the bytes.
    func contains(subsequence: [UInt8]) -> Bool {
        guard let first = subsequence.first, count >= subsequence.count else { return subsequence.isEmpty }
        var index = 0
        while index + subsequence.count <= count {
            if self[index] == first, self[index..<index + subsequence.count].elementsEqual(subsequence) { return true }
            index += 1
        }
        return false
    }
}
