#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cuts a byte stream into lines, one chunk at a time. A line longer than the limit is dropped as
/// it streams past and reported by its size, so memory stays flat for any line length.
struct LineSplitter {
    enum Line {
        /// A line's bytes without the line break (`\n` or `\r\n`).
        case text([UInt8], number: Int)
        case tooLong(byteCount: Int, number: Int)
    }

    let maximumLineLength: Int
    private var lineNumber = 0
    private var partial: [UInt8] = []
    /// Bytes of the current line when it is being dropped for its length, otherwise `nil`.
    private var droppedLength: Int? = nil

    init(maximumLineLength: Int) {
        self.maximumLineLength = maximumLineLength
    }

    /// Passes each line that ends in `chunk` to `handle`, in order.
    mutating func split(_ chunk: [UInt8], _ handle: (Line) -> Void) {
        var start = 0
        while start < chunk.count {
            let end = Self.indexOfLineBreak(in: chunk, from: start)
            guard let end else {
                append(chunk[start...])
                return
            }
            append(chunk[start..<end])
            handle(finishLine())
            start = end + 1
        }
    }

    private static func indexOfLineBreak(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let base = buffer.baseAddress!
            guard let found = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Passes the last line, when the stream does not end with a line break.
    mutating func finish(_ handle: (Line) -> Void) {
        if !partial.isEmpty || droppedLength != nil { handle(finishLine()) }
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        if let dropped = droppedLength {
            droppedLength = dropped + bytes.count
        } else if partial.count + bytes.count > maximumLineLength {
            droppedLength = partial.count + bytes.count
            partial = []
        } else {
            partial.append(contentsOf: bytes)
        }
    }

    private mutating func finishLine() -> Line {
        lineNumber += 1
        if let dropped = droppedLength {
            droppedLength = nil
            return .tooLong(byteCount: dropped, number: lineNumber)
        }
        if partial.last == 0x0D { partial.removeLast() }
        let line = partial
        partial.removeAll(keepingCapacity: true)
        return .text(line, number: lineNumber)
    }
}
