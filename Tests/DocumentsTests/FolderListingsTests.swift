import Testing

@testable import Documents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct FolderListingsTests {
    /// Returns what `stat` reports for a path, in the terms `FolderListings` uses.
    private func statKind(_ path: String) -> FolderListings.Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .other
    }

    /// Creates a folder with a file, a package, links to each, a broken link, a link loop and a
    /// named pipe.
    private func makeTree() throws -> String {
        let root = try temporaryFolder()
        mkdir(root + "/pkg", 0o700)
        try writeFile(root + "/pkg/__init__.py", [])
        try writeFile(root + "/pkg/mod.py", Array("X = 1\n".utf8))
        try writeFile(root + "/app.py", [])
        symlink("pkg", root + "/linked_pkg")
        symlink("app.py", root + "/linked.py")
        symlink("missing.py", root + "/broken.py")
        symlink("loop_b.py", root + "/loop_a.py")
        symlink("loop_a.py", root + "/loop_b.py")
        mkfifo(root + "/pipe.py", 0o600)
        return root
    }

    @Test(arguments: [
        ("", "app.py"), ("", "pkg"), ("", "linked_pkg"), ("", "linked.py"), ("", "broken.py"), ("", "loop_a.py"),
        ("", "pipe.py"), ("", "absent.py"), ("pkg", "mod.py"), ("pkg", "__init__.py"), ("linked_pkg", "mod.py"),
        ("pkg", "absent.py"), ("app.py", "x.py"), ("absent", "x.py"), ("pkg/mod.py", "y"),
    ])
    func kindMatchesStat(folder: String, name: String) throws {
        let root = try makeTree()
        let listings = FolderListings(root: root)
        let components = folder.split(separator: "/")
        let path = ([root] + components.map(String.init) + [name]).joined(separator: "/")
        #expect(listings.kind(of: name, inFolder: components[...]) == statKind(path))
    }

    @Test func kindsOfTree() throws {
        let root = try makeTree()
        let listings = FolderListings(root: root)
        let top: ArraySlice<Substring> = []
        #expect(listings.kind(of: "pkg", inFolder: top) == .folder)
        #expect(listings.kind(of: "linked_pkg", inFolder: top) == .folder)
        #expect(listings.kind(of: "app.py", inFolder: top) == .other)
        #expect(listings.kind(of: "linked.py", inFolder: top) == .other)
        #expect(listings.kind(of: "pipe.py", inFolder: top) == .other)
        #expect(listings.kind(of: "broken.py", inFolder: top) == nil)
        #expect(listings.kind(of: "loop_a.py", inFolder: top) == nil)
        #expect(listings.kind(of: "mod.py", inFolder: ["linked_pkg"]) == .other)
        #expect(listings.kind(of: "x.py", inFolder: ["app.py"]) == nil)
    }

    @Test func folderIsReadOnce() throws {
        let root = try makeTree()
        let listings = FolderListings(root: root)
        #expect(listings.kind(of: "late.py", inFolder: ["pkg"]) == nil)
        try writeFile(root + "/pkg/late.py", [])
        #expect(listings.kind(of: "late.py", inFolder: ["pkg"]) == nil)
        #expect(FolderListings(root: root).kind(of: "late.py", inFolder: ["pkg"]) == .other)
    }

    @Test func largeFolderFallsBackToStat() throws {
        let root = try makeTree()
        let listings = FolderListings(root: root, maximumEntriesPerFolder: 2)
        #expect(listings.kind(of: "late.py", inFolder: []) == nil)
        try writeFile(root + "/late.py", [])
        // The root has more than two entries, so it is not kept and every lookup calls `stat`.
        #expect(listings.kind(of: "late.py", inFolder: []) == .other)
        #expect(listings.kind(of: "pkg", inFolder: []) == .folder)
        #expect(listings.kind(of: "broken.py", inFolder: []) == nil)
        #expect(listings.kind(of: "mod.py", inFolder: ["pkg"]) == .other)
    }

    @Test func nonASCIINamesMatchBytes() throws {
        let root = try temporaryFolder()
        // U+212A KELVIN SIGN is canonically equivalent to `K`, but it is a different file name.
        try writeFile(root + "/\u{212A}.py", [])
        try writeFile(root + "/caf\u{E9}.py", [])
        let listings = FolderListings(root: root)
        #expect(listings.kind(of: "K.py", inFolder: []) == nil)
        #expect(listings.kind(of: "\u{212A}.py", inFolder: []) == .other)
        #expect(listings.kind(of: "caf\u{E9}.py", inFolder: []) == .other)
        #expect(listings.kind(of: "cafe\u{301}.py", inFolder: []) == nil)
    }

    /// Lookups join `root + "/" + name`, as `stat` calls on built paths would, so an empty root
    /// is the file system root.
    @Test func emptyRootIsFileSystemRoot() {
        let listings = FolderListings(root: "")
        #expect(listings.kind(of: "tmp", inFolder: []) == statKind("/tmp"))
        #expect(listings.kind(of: "tmp", inFolder: []) == .folder)
    }

    @Test func missingRootHasNoEntries() throws {
        let root = try temporaryFolder() + "/absent"
        let listings = FolderListings(root: root)
        #expect(listings.kind(of: "app.py", inFolder: []) == nil)
        #expect(listings.kind(of: "mod.py", inFolder: ["pkg"]) == nil)
    }

    /// A link to its own folder lets a path go as deep as the lookup requests. `stat` stops such
    /// a path with `ELOOP` or `ENAMETOOLONG`, and the lookup must stop it too, without recursion.
    @Test func deepFolderPathEndsLikeStat() throws {
        let root = try makeTree()
        symlink(".", root + "/pkg/again")
        let listings = FolderListings(root: root)
        let deep = (["pkg"] + [Substring](repeating: "again", count: 100_000))[...]
        #expect(listings.kind(of: "mod.py", inFolder: deep.prefix(3)) == .other)
        #expect(listings.kind(of: "mod.py", inFolder: deep) == nil)
    }
}
