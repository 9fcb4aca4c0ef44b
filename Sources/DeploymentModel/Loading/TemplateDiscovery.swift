import Diagnostics
import Documents
import FoundationEssentials

/// Walks a project folder for deployment templates. Symbolic links are not followed, entries
/// are visited in byte order of their names, and the walk stops at limits that name themselves.
struct TemplateDiscovery {
    /// Folders that hold build output, dependencies or tool state, never the project's templates.
    static let skippedFolders: Set<String> = [
        ".aws-sam", "node_modules", ".git", "cdk.out", "__pycache__", ".serverless", ".terraform", ".venv",
        "venv", ".tox", ".mypy_cache", ".pytest_cache", "site-packages",
    ]
    static let templateNames: Set<String> = ["template.yaml", "template.yml", "template.json"]
    static let templateExtensions = [".yaml", ".yml", ".json", ".template"]
    static let maximumEntries = 200_000
    static let maximumDepth = 64
    /// Larger files are not opened to check whether they are templates (a named
    /// `template.yaml` is always loaded).
    static let maximumCandidateSize = 16 * 1024 * 1024

    let root: String
    let diagnostics: DiagnosticSink
    private(set) var found: [String] = []
    private var entriesSeen = 0

    init(root: String, diagnostics: DiagnosticSink) {
        self.root = root
        self.diagnostics = diagnostics
    }

    mutating func walk() -> [String] {
        visit(folder: root, depth: 0)
        return found
    }

    private mutating func visit(folder: String, depth: Int) {
        guard depth <= Self.maximumDepth else {
            diagnostics.report(
                .warning, .discoveryLimit,
                "folders nested deeper than \(Self.maximumDepth) levels were not searched for templates",
                at: SourceLocation(file: folder))
            return
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            entriesSeen += 1
            if entriesSeen == Self.maximumEntries + 1 {
                diagnostics.report(
                    .warning, .discoveryLimit,
                    "stopped searching for templates after \(Self.maximumEntries) files and folders",
                    at: SourceLocation(file: root), notes: ["pass the folder that holds the template"])
            }
            if entriesSeen > Self.maximumEntries { return }
            visit(entry: name, in: folder, depth: depth)
        }
    }

    private mutating func visit(entry name: String, in folder: String, depth: Int) {
        let path = folder == "/" ? "/" + name : folder + "/" + name
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let type = attributes[.type] as? FileAttributeType
        else { return }
        if type == .typeDirectory {
            if Self.skippedFolders.contains(name) || isVirtualEnvironment(path) { return }
            visit(folder: path, depth: depth + 1)
        } else if type == .typeRegular {
            let size = (attributes[.size] as? Int) ?? (attributes[.size] as? UInt64).map { Int(clamping: $0) } ?? 0
            if Self.templateNames.contains(name) || isOtherTemplate(path, name: name, size: size) {
                found.append(path)
            }
        }
    }

    /// A Python virtual environment has `pyvenv.cfg` at its top, whatever its name.
    private func isVirtualEnvironment(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/pyvenv.cfg")
    }

    /// A YAML or JSON file whose top level has `AWSTemplateFormatVersion`, or `Resources` with
    /// at least one `Type: AWS::...`.
    private func isOtherTemplate(_ path: String, name: String, size: Int) -> Bool {
        guard Self.templateExtensions.contains(where: { name.hasSuffix($0) }), size <= Self.maximumCandidateSize,
            let data = FileManager.default.contents(atPath: path)
        else { return false }
        let bytes = [UInt8](data)
        let hasVersion = bytes.contains(subsequence: Array("AWSTemplateFormatVersion".utf8))
        guard hasVersion || bytes.contains(subsequence: Array("AWS::".utf8)) else { return false }
        guard let document = try? DocumentReader.parse(bytes: bytes, displayPath: path) else {
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
