import Diagnostics
import Testing

@testable import Documents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct SourceTreeTests {
    private func makeProject() throws -> String {
        let root = try temporaryFolder()
        for folder in ["src", "src/lib", "node_modules", "node_modules/x", ".aws-sam", "env", "env/lib", "cdk.out"] {
            mkdir(root + "/" + folder, 0o700)
        }
        for file in [
            "template.yaml", "src/b.py", "src/a.py", "src/lib/util.py", "node_modules/x/index.js",
            ".aws-sam/build.toml", "env/pyvenv.cfg", "env/lib/site.py", "cdk.out/manifest.json", "Z.md",
        ] {
            try writeFile(root + "/" + file, Array("x".utf8))
        }
        return root
    }

    @Test func listsFilesInByteOrder() throws {
        let root = try makeProject()
        let listing = try SourceTree.walk(root: root)
        #expect(listing.files == ["Z.md", "src/a.py", "src/b.py", "src/lib/util.py", "template.yaml"])
        #expect(listing.warnings.isEmpty)
        #expect(listing.root == root)
    }

    @Test func customSkipList() throws {
        let root = try makeProject()
        let listing = try SourceTree.walk(root: root, skipping: ["src", "node_modules", ".aws-sam", "cdk.out"])
        #expect(listing.files == ["Z.md", "template.yaml"])
    }

    @Test func linkedFolderNotFollowed() throws {
        let root = try makeProject()
        let outside = try temporaryFolder()
        try writeFile(outside + "/other.py", Array("x".utf8))
        symlink(outside, root + "/src/linked")
        symlink(root, root + "/src/loop")
        symlink("a.py", root + "/src/same.py")
        symlink("x", root + "/src/loop1")
        symlink("loop1", root + "/src/x")
        let listing = try SourceTree.walk(root: root)
        #expect(listing.files == ["Z.md", "src/a.py", "src/b.py", "src/lib/util.py", "src/same.py", "template.yaml"])
    }

    @Test func fileLimitStopsWithError() throws {
        let root = try makeProject()
        let listing = try SourceTree.walk(root: root, maximumFiles: 4)
        #expect(listing.files.count == 4)
        #expect(listing.files.contains("template.yaml"))
        let error = try #require(listing.warnings.first { $0.code == .tooManyFiles })
        #expect(error.severity == .error)
        #expect(error.message.contains("limit of 4 files"))
    }

    @Test func folderLimitStopsWithError() throws {
        let root = try temporaryFolder()
        for index in 0..<5 { mkdir(root + "/empty\(index)", 0o700) }
        let listing = try SourceTree.walk(root: root, maximumFiles: 4)
        let error = try #require(listing.warnings.first { $0.code == .tooManyFiles })
        #expect(error.message.contains("limit of 4 folders"))
    }

    @Test func missingRootRejected() throws {
        let root = try temporaryFolder() + "/absent"
        #expect(throws: DocumentError.self) { try SourceTree.walk(root: root) }
    }

    @Test func deepFoldersWalked() throws {
        let root = try temporaryFolder()
        var path = root
        for _ in 0..<40 {
            path += "/d"
            mkdir(path, 0o700)
        }
        try writeFile(path + "/deep.txt", Array("x".utf8))
        let listing = try SourceTree.walk(root: root)
        #expect(listing.files == [String(repeating: "d/", count: 40) + "deep.txt"])
    }
}
