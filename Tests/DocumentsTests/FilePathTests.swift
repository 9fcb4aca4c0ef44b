import Testing

@testable import Documents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct FilePathTests {
    @Test(arguments: [
        ("/a", "b", "/a/b"),
        ("/a", "/x//y/./z/", "/x/y/z"),
        ("/", ".", "/"),
        ("/a/..", "b", "/a/../b"),
        ("/a", "b/.", "/a/b"),
        ("/a", "./b/.c", "/a/b/.c"),
        ("relative", "x", "/relative/x"),
        ("/caf\u{E9}", "./x", "/caf\u{E9}/x"),
        ("/", "", "/"),
    ])
    func joinNormalizes(folder: String, path: String, expected: String) {
        #expect(FilePath.join(folder, path) == expected)
    }

    @Test(arguments: [
        ("/", true), ("/a/b.py", true), ("/a/../b", true), ("/a/.b", true), ("/a/b..", true),
        ("", false), ("a/b", false), ("//a", false), ("/a//b", false), ("/a/./b", false), ("/a/.", false),
        ("/.", false), ("/a/", false), ("/caf\u{E9}", false),
    ])
    func normalizedPathIsReturnedAsIs(path: String, isNormalized: Bool) {
        #expect(FilePath.isNormalizedASCII(path) == isNormalized)
    }

    @Test(
        arguments: [
            ("/a/b", "/a", "b"), ("/a", "/a", "."), ("/a/", "/a/", "."), ("/a/", "/a", ""), ("/a", "/a/", nil),
            ("/ab", "/a", nil), ("/x", "/", "x"), ("/", "/", "."), ("/x", "", "x"), ("x", "", nil),
            ("/caf\u{E9}/x", "/caf\u{E9}", "x"), ("/cafe\u{301}/x", "/caf\u{E9}", "x"), ("/b/x", "/a", nil),
        ] as [(String, String, String?)])
    func relativePathInsideFolder(path: String, folder: String, expected: String?) {
        #expect(FilePath.relative(path, to: folder) == expected)
    }
}

@Suite struct FileReadingTests {
    @Test(arguments: [0, 1, 4_095, 4_096, 100_000])
    func readsWholeFile(size: Int) throws {
        let root = try temporaryFolder()
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try writeFile(root + "/file.bin", bytes)
        let read = try FileSystem.readRegularFile(
            atPath: root + "/file.bin", displayPath: "file.bin", maximumSize: size)
        #expect(read == bytes)
    }

    @Test func fileOneByteOverLimitIsRejected() throws {
        let root = try temporaryFolder()
        try writeFile(root + "/file.bin", [UInt8](repeating: 1, count: 101))
        #expect(throws: DocumentError.self) {
            try FileSystem.readRegularFile(atPath: root + "/file.bin", displayPath: "file.bin", maximumSize: 100)
        }
    }

    #if os(Linux)
        /// Files under /proc report a size of 0 and still have content, as a file that grows
        /// after `fstat` would.
        @Test func fileLargerThanItsStatSizeIsReadWhole() throws {
            let bytes = try FileSystem.readRegularFile(
                atPath: "/proc/self/status", displayPath: "status", maximumSize: 1_000_000)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.hasPrefix("Name:"))
            #expect(text.hasSuffix("\n"))
        }

        @Test func fileGrownPastLimitIsRejected() throws {
            #expect(throws: DocumentError.self) {
                try FileSystem.readRegularFile(atPath: "/proc/self/status", displayPath: "status", maximumSize: 10)
            }
        }
    #endif
}
