import Testing

@testable import Documents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The walk lists paths in UTF-8 byte order, where `-` (2D) sorts before `/` (2F) and
/// uppercase letters before lowercase ones.
@Suite struct SourceTreeOrderTests {
    @Test func walkListsInByteOrder() throws {
        let root = try temporaryFolder()
        for folder in ["a", "a/b", "A"] { mkdir(root + "/" + folder, 0o700) }
        for file in ["a-c.yaml", "a.yaml", "a/b.yaml", "a/b/c.yaml", "A/z.yaml", "a0.yaml"] {
            try writeFile(root + "/" + file, [])
        }
        let listing = try SourceTree.walk(root: root)
        #expect(listing.files == ["A/z.yaml", "a-c.yaml", "a.yaml", "a/b.yaml", "a/b/c.yaml", "a0.yaml"])
    }

    @Test func nonASCIIPathsSortByBytes() throws {
        let root = try temporaryFolder()
        // U+00E9 is two bytes in UTF-8 (C3 A9), and `e` plus U+0301 starts with `e` (65).
        for file in ["caf\u{E9}.yaml", "cafe\u{301}.yaml", "cafz.yaml"] { try writeFile(root + "/" + file, []) }
        let listing = try SourceTree.walk(root: root)
        #expect(listing.files == ["cafe\u{301}.yaml", "cafz.yaml", "caf\u{E9}.yaml"])
    }
}
