import Diagnostics
import Documents

/// Reads one CloudTrail file, plain or gzip, record by record in constant memory, and passes the
/// role's calls to a `FileOutput`.
struct CloudTrailFileReader {
    let converter: EventConverter
    let filter: RecordFilter
    let limits: InvocationReader.Limits

    func read(path: String, displayPath: String, into output: inout FileOutput) {
        let stream: ChunkStream
        do {
            stream = try ChunkStream(path: path, displayPath: displayPath, limits: limits)
        } catch {
            output.report(error.diagnostic)
            output.summary.filesFailed += 1
            return
        }
        output.summary.filesRead += 1
        do {
            let first = try stream.next(into: &output)
            guard let layout = CloudTrailLayout.detect(first) else {
                let what = first.isEmpty ? "the file is empty" : "the file is not JSON"
                output.report(
                    .error, .notRecordedCalls, "\(what), so it holds no CloudTrail events", notes: [Self.forms])
                return
            }
            switch layout {
            case .digest:
                output.summary.filesSkippedAsDigest += 1
                output.report(.note, .digestFileSkipped, "skipped a CloudTrail digest file, which holds no events")
            case .eventLines:
                try readLines(stream, first: first, into: &output)
            case .records, .lookupEvents, .eventArray:
                try readArray(stream, layout: layout, first: first, into: &output)
            }
        } catch {
            output.report(error.diagnostic)
            output.summary.filesFailed += 1
        }
    }

    static let forms =
        "minrole reads CloudTrail log files ({\"Records\": [...]}, plain or gzip), the output of "
        + "aws cloudtrail lookup-events, a JSON array of events, and files of one event per line"

    private func readArray(
        _ stream: ChunkStream, layout: CloudTrailLayout, first: [UInt8], into output: inout FileOutput
    ) throws(DocumentError) {
        let target: JSONArraySplitter.Target =
            switch layout {
            case .lookupEvents: .member("Events")
            case .eventArray: .topLevelArray
            default: .member("Records")
            }
        var splitter = JSONArraySplitter(
            target: target, displayPath: stream.displayPath, maximumElementSize: limits.maximumRecordSize,
            skipsOversizedElements: true)
        var number = 0
        var chunk = first
        while !chunk.isEmpty {
            for piece in try splitter.pieces(of: chunk) {
                number += 1
                let origin = SourceLocation(file: "\(stream.displayPath) record \(number)")
                switch piece {
                case .element(let bytes):
                    handle(bytes, origin: origin, isLookupEvent: layout == .lookupEvents, into: &output)
                case .oversizedElement(let size):
                    reportTooLarge(size, origin: origin, into: &output)
                }
            }
            chunk = try stream.next(into: &output)
        }
        do {
            try splitter.finish()
        } catch {
            output.summary.recordsInvalid += 1
            output.report(
                Diagnostic(
                    error.diagnostic.severity, error.code, error.message, at: error.location, notes: [Self.forms]))
        }
    }

    private func readLines(_ stream: ChunkStream, first: [UInt8], into output: inout FileOutput) throws(DocumentError) {
        var splitter = LineSplitter(maximumLineLength: limits.maximumRecordSize)
        func handleLine(_ line: LineSplitter.Line) {
            switch line {
            case .text(let bytes, let number):
                guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
                let origin = SourceLocation(file: stream.displayPath, line: number)
                handle(bytes, origin: origin, isLookupEvent: false, into: &output)
            case .tooLong(let size, let number):
                reportTooLarge(size, origin: SourceLocation(file: stream.displayPath, line: number), into: &output)
            }
        }
        var chunk = first
        while !chunk.isEmpty {
            splitter.split(chunk, handleLine)
            chunk = try stream.next(into: &output)
        }
        splitter.finish(handleLine)
    }

    private func reportTooLarge(_ size: Int, origin: SourceLocation, into output: inout FileOutput) {
        output.summary.recordsSeen += 1
        output.summary.recordsTooLarge += 1
        output.report(
            .error, .recordTooLarge,
            "record of \(size) bytes is larger than the record size limit of \(limits.maximumRecordSize) bytes, "
                + "so it was skipped unread",
            at: origin)
    }

    /// Filters, parses and converts one record.
    private func handle(_ bytes: [UInt8], origin: SourceLocation, isLookupEvent: Bool, into output: inout FileOutput) {
        output.summary.recordsSeen += 1
        guard filter.mayMatch(bytes) else {
            output.summary.recordsSkippedAsOtherPrincipal += 1
            return
        }
        var event: JSONValue
        do throws(DocumentError) {
            event = try JSONParser.parse(bytes: bytes, displayPath: origin.description)
            if isLookupEvent {
                guard let text = event["CloudTrailEvent"]?.string else {
                    throw DocumentError(
                        "the lookup-events entry has no CloudTrailEvent text", at: origin, code: .invalidRecord)
                }
                event = try JSONParser.parse(bytes: Array(text.utf8), displayPath: origin.description)
            }
        } catch {
            output.summary.recordsInvalid += 1
            output.report(.error, .invalidRecord, "invalid record skipped: \(error.message)", at: origin)
            return
        }
        switch converter.convert(event, origin: origin) {
        case .calls(let calls):
            for call in calls { output.deliver(call) }
        case .otherPrincipal:
            output.summary.recordsSkippedAsOtherPrincipal += 1
        case .invalid(let reason):
            output.summary.recordsInvalid += 1
            output.report(.error, .invalidRecord, "invalid record skipped: \(reason)", at: origin)
        case .unmapped(let reason):
            output.summary.recordsUnmapped += 1
            output.reportOnce(
                key: reason,
                Diagnostic(
                    .warning, .unmappedCall, "recorded call not simulated: \(reason)", at: origin,
                    notes: ["later records of this call in the file are counted in the summary, not listed"]))
        }
    }
}

/// A file read in chunks through `GzipReader`, which passes plain files through unchanged.
final class ChunkStream {
    static let chunkSize = 1024 * 1024
    let displayPath: String
    private let reader: GzipReader

    init(path: String, displayPath: String, limits: InvocationReader.Limits) throws(DocumentError) {
        self.displayPath = displayPath
        reader = try GzipReader(path: path, displayPath: displayPath, limits: limits.gzip)
    }

    /// Returns the next chunk and counts its bytes; an empty chunk means the end of the file.
    func next(into output: inout FileOutput) throws(DocumentError) -> [UInt8] {
        let chunk = try reader.read(upTo: Self.chunkSize)
        output.summary.bytesRead += chunk.count
        return chunk
    }
}
