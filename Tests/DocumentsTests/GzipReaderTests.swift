import CZlib
import Diagnostics
import Testing

@testable import Documents

/// Compresses `bytes` into a gzip file with zlib.
private func writeGzip(_ path: String, _ bytes: [UInt8], level: Int32 = 6) throws {
    let file = try #require(gzopen(path, "wb\(level)"))
    var offset = 0
    while offset < bytes.count {
        let count = min(1 << 20, bytes.count - offset)
        let written = bytes[offset..<(offset + count)].withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32(count)) }
        try #require(written == Int32(count))
        offset += count
    }
    try #require(gzclose(file) == Z_OK)
}

private func readError(_ reader: GzipReader) -> DocumentError? {
    do {
        _ = try reader.readAll()
        return nil
    } catch {
        return error
    }
}

@Suite struct GzipReaderTests {
    private static let records: [UInt8] = Array(
        (0..<20_000).map { #"{"eventName":"GetObject","n":\#($0)}"# + "\n" }.joined().utf8)

    @Test func readsCompressedFile() throws {
        let path = try temporaryFolder() + "/trail.json.gz"
        try writeGzip(path, Self.records)
        let reader = try GzipReader(path: path, displayPath: "trail.json.gz")
        #expect(try reader.readAll() == Self.records)
        #expect(reader.isCompressed)
        #expect(reader.outputCount == Self.records.count)
    }

    @Test func readsInChunks() throws {
        let path = try temporaryFolder() + "/trail.json.gz"
        try writeGzip(path, Self.records)
        let reader = try GzipReader(path: path)
        var output: [UInt8] = []
        var chunkCount = 0
        while true {
            let chunk = try reader.read(upTo: 4096)
            if chunk.isEmpty { break }
            #expect(chunk.count <= 4096)
            output += chunk
            chunkCount += 1
        }
        #expect(output == Self.records)
        #expect(chunkCount > 100)
    }

    @Test func readsPlainFileUnchanged() throws {
        let path = try temporaryFolder() + "/trail.json"
        try writeFile(path, Self.records)
        let reader = try GzipReader(path: path)
        #expect(try reader.readAll() == Self.records)
        #expect(!reader.isCompressed)
    }

    @Test func readsConcatenatedMembers() throws {
        let folder = try temporaryFolder()
        try writeGzip(folder + "/a.gz", Array("first\n".utf8))
        try writeGzip(folder + "/b.gz", Array("second\n".utf8))
        let joined =
            try FileSystem.readRegularFile(atPath: folder + "/a.gz", displayPath: "a", maximumSize: 1 << 20)
            + FileSystem.readRegularFile(atPath: folder + "/b.gz", displayPath: "b", maximumSize: 1 << 20)
        try writeFile(folder + "/both.gz", joined)
        #expect(try GzipReader(path: folder + "/both.gz").readAll() == Array("first\nsecond\n".utf8))
    }

    @Test func truncatedStreamReported() throws {
        let folder = try temporaryFolder()
        try writeGzip(folder + "/full.gz", Self.records)
        let full = try FileSystem.readRegularFile(
            atPath: folder + "/full.gz", displayPath: "full", maximumSize: 1 << 24)
        try writeFile(folder + "/cut.gz", Array(full[..<(full.count / 2)]))
        let reader = try GzipReader(path: folder + "/cut.gz", displayPath: "cut.gz")
        let error = try #require(readError(reader))
        #expect(error.code == .gzipCorrupt)
        #expect(error.location == SourceLocation(file: "cut.gz"))
        #expect(error.message.contains("truncated"))
        #expect(error.message.contains("at compressed byte \(full.count / 2)"))
    }

    @Test func corruptDataReported() throws {
        let folder = try temporaryFolder()
        try writeGzip(folder + "/full.gz", Self.records)
        var bytes = try FileSystem.readRegularFile(
            atPath: folder + "/full.gz", displayPath: "full", maximumSize: 1 << 24)
        for index in 20..<60 { bytes[index] ^= 0xFF }
        try writeFile(folder + "/bad.gz", bytes)
        let error = try #require(readError(try GzipReader(path: folder + "/bad.gz")))
        #expect(error.code == .gzipCorrupt)
    }

    @Test func bombRejectedByRatio() throws {
        let path = try temporaryFolder() + "/bomb.gz"
        try writeGzip(path, [UInt8](repeating: 0, count: 64 * 1024 * 1024), level: 9)
        let reader = try GzipReader(path: path, displayPath: "bomb.gz")
        let clock = ContinuousClock()
        var error: DocumentError?
        let elapsed = clock.measure { error = readError(reader) }
        let rejection = try #require(error)
        #expect(rejection.code == .gzipLimitExceeded)
        #expect(rejection.message.contains("ratio limit of 200:1"))
        #expect(reader.outputCount < 32 * 1024 * 1024)
        #expect(elapsed < .seconds(2))
    }

    @Test func outputLimitApplied() throws {
        let path = try temporaryFolder() + "/trail.json.gz"
        try writeGzip(path, Self.records)
        var limits = GzipReader.Limits()
        limits.maximumOutput = 10_000
        let error = try #require(readError(try GzipReader(path: path, limits: limits)))
        #expect(error.code == .gzipLimitExceeded)
        #expect(error.message.contains("output limit of 10000 bytes"))
    }

    @Test func smallRepetitiveFileAccepted() throws {
        let path = try temporaryFolder() + "/small.gz"
        let bytes = [UInt8](repeating: 0x61, count: 512 * 1024)
        try writeGzip(path, bytes, level: 9)
        #expect(try GzipReader(path: path).readAll() == bytes)
    }

    @Test func readerInsideRoot() throws {
        let root = try temporaryFolder()
        let outside = try temporaryFolder()
        try writeGzip(root + "/in.gz", Array("inside".utf8))
        try writeGzip(outside + "/out.gz", Array("outside".utf8))
        symlink(outside + "/out.gz", root + "/link.gz")
        let files = SourceFileReader(root: root)
        let reader = try files.gzipReader(for: "in.gz")
        #expect(try reader.readAll() == Array("inside".utf8))
        #expect(reader.displayPath == "in.gz")
        do {
            _ = try files.gzipReader(for: "link.gz")
            Issue.record("a link out of the root was opened")
        } catch {
            #expect(error.code == .pathOutsideRoot)
        }
    }

    @Test func missingFileRejected() throws {
        let path = try temporaryFolder() + "/absent.gz"
        #expect(throws: DocumentError.self) { try GzipReader(path: path) }
    }
}
