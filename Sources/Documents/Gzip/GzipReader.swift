import CZlib
import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a gzip file in chunks with zlib's `gzread`, so memory stays flat for any file size.
/// A file that is not gzip is read unchanged. Output is bounded by a ratio to the compressed
/// bytes read (which stops decompression bombs early) and by a total.
package final class GzipReader {
    package struct Limits: Sendable {
        /// Most decompressed bytes per compressed byte read, checked once the output passes
        /// `ratioAllowance`. Deflate itself cannot exceed about 1032:1.
        // NOTE: 200 is an estimate of the headroom that repetitive JSON logs need, not a measured
        // maximum.
        package var maximumRatio: Int = 200
        /// Output below this size is never rejected by the ratio, so small, highly repetitive
        /// files still read.
        package var ratioAllowance: Int = 1024 * 1024
        /// Most decompressed bytes in total.
        package var maximumOutput: Int = 4 * 1024 * 1024 * 1024

        package init() {}
        package static let `default` = Limits()
    }

    package let displayPath: String
    package let limits: Limits
    /// Decompressed bytes returned so far.
    package private(set) var outputCount = 0
    private let file: gzFile
    /// A stream error found while returning the last bytes before it, thrown by the next `read`.
    private var pendingError: DocumentError?

    /// Opens `path` for reading. With `followsLinks` false, a path whose last component is a
    /// symbolic link is rejected.
    package init(
        path: String, displayPath: String? = nil, limits: Limits = .default, followsLinks: Bool = true
    ) throws(DocumentError) {
        let shownPath = displayPath ?? path
        let (descriptor, _) = try FileSystem.openRegularFile(
            atPath: path, displayPath: shownPath, followsLinks: followsLinks)
        guard let file = gzdopen(descriptor, "rb") else {
            close(descriptor)
            throw DocumentError(
                "could not start reading the file: zlib is out of memory", at: SourceLocation(file: shownPath),
                code: .fileUnreadable)
        }
        gzbuffer(file, 128 * 1024)
        self.file = file
        self.displayPath = shownPath
        self.limits = limits
    }

    deinit {
        gzclose_r(file)
    }

    /// True when the file is gzip, false when it is read unchanged. Reading the first bytes
    /// decides it, so call this after the first `read`.
    package var isCompressed: Bool { gzdirect(file) == 0 }

    /// Bytes of the file read so far, compressed, including read-ahead of up to 128 KiB.
    package var compressedOffset: Int { Int(gzoffset(file)) }

    /// Returns up to `maximumCount` decompressed bytes; an empty array means the end. When the
    /// stream fails after some bytes were decompressed, those bytes are returned and the error is
    /// thrown by the next call, so a caller keeps everything before a truncation.
    package func read(upTo maximumCount: Int = 1024 * 1024) throws(DocumentError) -> [UInt8] {
        if let pendingError { throw pendingError }
        let capacity = max(1, min(maximumCount, Int(Int32.max)))
        var failure: DocumentError?
        let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            let result = gzread(file, buffer.baseAddress, UInt32(capacity))
            count = max(0, Int(result))
            failure = streamError()
        }
        if let failure {
            guard !chunk.isEmpty else { throw failure }
            pendingError = failure
        }
        outputCount += chunk.count
        try checkLimits()
        return chunk
    }

    /// Returns the rest of the decompressed bytes.
    package func readAll() throws(DocumentError) -> [UInt8] {
        var output: [UInt8] = []
        while true {
            let chunk = try read()
            if chunk.isEmpty { return output }
            output.append(contentsOf: chunk)
        }
    }

    /// Returns the error zlib reports, if any. A stream that ends early is reported as truncated only
    /// at the end of the input, when `gzread` returns what it could.
    private func streamError() -> DocumentError? {
        var number: Int32 = 0
        let text = gzerror(file, &number).map { String(cString: $0) } ?? ""
        guard number != Z_OK else { return nil }
        let position = "at compressed byte \(compressedOffset), after \(outputCount) decompressed bytes"
        let message: String
        switch number {
        case Z_BUF_ERROR:
            message = "gzip stream is truncated (\(position)); download or copy the file again"
        case Z_ERRNO:
            message = "could not read the file (\(position)): \(FileSystem.errorText(errno))"
        case Z_DATA_ERROR:
            message = "gzip data is corrupt (\(text), \(position)); download or copy the file again"
        default:
            message = "could not decompress the file (\(text), \(position))"
        }
        return DocumentError(message, at: SourceLocation(file: displayPath), code: .gzipCorrupt)
    }

    private func checkLimits() throws(DocumentError) {
        let location = SourceLocation(file: displayPath)
        if outputCount > limits.maximumOutput {
            throw DocumentError(
                "gzip file expands to more than the output limit of \(limits.maximumOutput) bytes; split the file",
                at: location, code: .gzipLimitExceeded)
        }
        let compressed = max(1, compressedOffset)
        if isCompressed && outputCount > limits.ratioAllowance && outputCount / compressed > limits.maximumRatio {
            throw DocumentError(
                "gzip file expands more than the ratio limit of \(limits.maximumRatio):1 (\(outputCount) bytes "
                    + "from \(compressed) compressed bytes), so it looks like a decompression bomb; "
                    + "decompress it yourself if it is genuine",
                at: location, code: .gzipLimitExceeded)
        }
    }
}
