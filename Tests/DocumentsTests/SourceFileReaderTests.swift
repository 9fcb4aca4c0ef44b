import Diagnostics
import Testing

@testable import Documents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct SourceFileReaderTests {
    private func readError(_ reader: SourceFileReader, _ path: String) -> DocumentError? {
        do {
            _ = try reader.read(path)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsRelativeAndAbsolutePaths() throws {
        let root = try temporaryFolder()
        mkdir(root + "/src", 0o700)
        try writeFile(root + "/src/app.py", Array("print(1)\n".utf8))
        let reader = SourceFileReader(root: root)
        #expect(try reader.read("src/app.py") == Array("print(1)\n".utf8))
        #expect(try reader.read(root + "/src/app.py") == Array("print(1)\n".utf8))
        #expect(reader.displayPath(root + "/src/app.py") == "src/app.py")
        #expect(reader.displayPath("./src//app.py") == "src/app.py")
        #expect(reader.displayPath("/elsewhere/x.py") == "/elsewhere/x.py")
    }

    @Test func linkInsideRootFollowed() throws {
        let root = try temporaryFolder()
        try writeFile(root + "/real.yaml", Array("a: 1\n".utf8))
        symlink("real.yaml", root + "/alias.yaml")
        let reader = SourceFileReader(root: root)
        let document = try reader.readDocument("alias.yaml")
        #expect(document.root["a"]?.scalar == "1")
        #expect(document.root["a"]?.location.file == "alias.yaml")
    }

    @Test func linkOutOfRootRejected() throws {
        let outside = try temporaryFolder()
        let root = try temporaryFolder()
        try writeFile(outside + "/secret.txt", Array("x".utf8))
        symlink(outside + "/secret.txt", root + "/link.txt")
        let error = try #require(readError(SourceFileReader(root: root), "link.txt"))
        #expect(error.code == .pathOutsideRoot)
        #expect(error.location.file == "link.txt")
        #expect(error.message.contains("outside the scanned folder"))
    }

    @Test func dotDotOutOfRootRejected() throws {
        let root = try temporaryFolder()
        mkdir(root + "/inner", 0o700)
        try writeFile(root + "/top.txt", Array("x".utf8))
        let error = try #require(readError(SourceFileReader(root: root + "/inner"), "../top.txt"))
        #expect(error.code == .pathOutsideRoot)
    }

    @Test func symbolicLinkLoopRejected() throws {
        let root = try temporaryFolder()
        symlink("b", root + "/a")
        symlink("a", root + "/b")
        let error = try #require(readError(SourceFileReader(root: root), "a"))
        #expect(error.code == .symbolicLinkLoop)
        #expect(error.location.file == "a")
        #expect(error.message.contains("loop"))
    }

    @Test func danglingLinkRejected() throws {
        let root = try temporaryFolder()
        symlink("missing.txt", root + "/link.txt")
        let error = try #require(readError(SourceFileReader(root: root), "link.txt"))
        #expect(error.code == .fileUnreadable)
        #expect(error.message.contains("missing file"))
    }

    @Test func missingFileRejected() throws {
        let root = try temporaryFolder()
        let error = try #require(readError(SourceFileReader(root: root), "nope.txt"))
        #expect(error.code == .fileUnreadable)
        #expect(error.description == "nope.txt: error: file not found; check the path [MR1001]")
    }

    @Test func folderAndPipeRejected() throws {
        let root = try temporaryFolder()
        mkdir(root + "/dir", 0o700)
        mkfifo(root + "/pipe", 0o600)
        let reader = SourceFileReader(root: root)
        #expect(readError(reader, "dir")?.code == .notRegularFile)
        let pipeError = try #require(readError(reader, "pipe"))
        #expect(pipeError.code == .notRegularFile)
        #expect(pipeError.message.contains("named pipe"))
    }

    @Test func sizeLimitApplied() throws {
        let root = try temporaryFolder()
        try writeFile(root + "/big.txt", Array(repeating: 0x61, count: 2_000))
        let error = try #require(readError(SourceFileReader(root: root, maximumFileSize: 1_000), "big.txt"))
        #expect(error.code == .fileTooLarge)
        #expect(error.message.contains("limit of 1000 bytes"))
    }
}
