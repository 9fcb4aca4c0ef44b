import Diagnostics

/// Reads a text file of one record a line, plain or gzip, in constant memory. Blank lines and
/// lines starting with `#` are skipped; a line longer than the record size limit is skipped with
/// an error.
struct LineFileReader {
    let limits: InvocationReader.Limits

    func read(
        path: String, displayPath: String, into output: inout FileOutput,
        handle: ([UInt8], SourceLocation, inout FileOutput) -> Void
    ) {
        let stream: ChunkStream
        do {
            stream = try ChunkStream(path: path, displayPath: displayPath, limits: limits)
        } catch {
            output.report(error.diagnostic)
            output.summary.filesFailed += 1
            return
        }
        output.summary.filesRead += 1
        var splitter = LineSplitter(maximumLineLength: limits.maximumRecordSize)
        func handleLine(_ line: LineSplitter.Line) {
            switch line {
            case .text(let bytes, let number):
                guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }), first != UInt8(ascii: "#") else {
                    return
                }
                handle(bytes, SourceLocation(file: displayPath, line: number), &output)
            case .tooLong(let size, let number):
                output.summary.recordsSeen += 1
                output.summary.recordsTooLarge += 1
                output.report(
                    .error, .recordTooLarge,
                    "line of \(size) bytes is longer than the record size limit of \(limits.maximumRecordSize) "
                        + "bytes, so it was skipped unread",
                    at: SourceLocation(file: displayPath, line: number))
            }
        }
        do {
            while true {
                let chunk = try stream.next(into: &output)
                if chunk.isEmpty { break }
                splitter.split(chunk, handleLine)
            }
        } catch {
            output.report(error.diagnostic)
            output.summary.filesFailed += 1
        }
        splitter.finish(handleLine)
    }
}
