import FoundationEssentials
import Testing

@testable import IAMCatalog

/// The embedded copy must match `Policies/` and `Templates/` on disk; regenerate it with
/// `python3 scripts/embed-data.py .` after changing either folder.
@Suite struct EmbeddedDataTests {
    static let regenerate = "run `python3 scripts/embed-data.py .` from the repository root"

    static var repositoryRoot: String {
        var path = #filePath
        for _ in 0..<3 {
            guard let slash = path.lastIndex(of: "/") else { break }
            path = String(path[..<slash])
        }
        return path
    }

    static func filesOnDisk() throws -> [String] {
        let root = repositoryRoot
        var paths: [String] = []
        for folder in ["Policies", "Templates"] {
            for relative in try FileManager.default.subpathsOfDirectory(atPath: root + "/" + folder) {
                var isDirectory = false
                let full = root + "/" + folder + "/" + relative
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory {
                    paths.append(folder + "/" + relative)
                }
            }
        }
        return paths.sorted()
    }

    @Test func pathsMatchDisk() throws {
        let onDisk = try Self.filesOnDisk()
        #expect(!onDisk.isEmpty, "no Policies/ or Templates/ files under \(Self.repositoryRoot)")
        let missing = Set(onDisk).subtracting(EmbeddedData.paths).sorted()
        let extra = Set(EmbeddedData.paths).subtracting(onDisk).sorted()
        #expect(missing.isEmpty, "not embedded: \(missing.prefix(5)); \(Self.regenerate)")
        #expect(extra.isEmpty, "embedded but gone from disk: \(extra.prefix(5)); \(Self.regenerate)")
    }

    @Test func contentsMatchDisk() throws {
        var stale: [String] = []
        for path in try Self.filesOnDisk() {
            let disk = try Data(contentsOf: URL(fileURLWithPath: Self.repositoryRoot + "/" + path))
            guard let embedded = EmbeddedData.bytes(of: path) else {
                stale.append(path)
                continue
            }
            if path.hasSuffix(".json") {
                let diskValue = try JSONParser.parse(Array(disk))
                let embeddedValue = try JSONParser.parse(embedded)
                if diskValue != embeddedValue { stale.append(path) }
            } else if Array(disk) != embedded {
                stale.append(path)
            }
        }
        #expect(stale.isEmpty, "embedded copy differs from disk for \(stale.prefix(5)); \(Self.regenerate)")
    }

    @Test func embeddedJSONIsMinified() throws {
        let text = try #require(EmbeddedData.text(of: "Policies/services/s3.json"))
        #expect(!text.contains("\n"))
        #expect(text.hasPrefix("{\""))
    }

    @Test func unknownPathHasNoContents() {
        #expect(EmbeddedData.contents(of: "Policies/services/no-such-service.json") == nil)
        #expect(EmbeddedData.bytes(of: "") == nil)
    }
}
