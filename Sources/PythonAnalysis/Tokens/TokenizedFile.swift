/// A source file's bytes with its tokens and line table.
package struct TokenizedFile: Sendable {
    package var bytes: [UInt8]
    package var tokens: [Token]
    package var lineStarts: [Int32]
    package var problems: [TokenProblem]
    package var problemCount: Int

    package init(bytes: [UInt8]) {
        self.bytes = bytes
        var tokens: [Token] = []
        var lineStarts: [Int32] = []
        var problems: [TokenProblem] = []
        var problemCount = 0
        bytes.withUnsafeBufferPointer { buffer in
            // Room for one token per four bytes, which typical source stays well under. A file
            // with more tokens is tokenized a second time, with room for all of them.
            var capacity = buffer.count / 4 + 16
            while true {
                var needed = 0
                tokens = Array(unsafeUninitializedCapacity: capacity) { storage, initialized in
                    var tokenizer = Tokenizer(bytes: buffer, tokenStorage: storage)
                    tokenizer.run()
                    initialized = tokenizer.tokens.writtenCount
                    needed = tokenizer.tokens.count
                    lineStarts = tokenizer.lineStarts
                    problems = tokenizer.problems
                    problemCount = tokenizer.problemCount
                }
                if needed <= capacity { break }
                capacity = needed
            }
            if let offset = UTF8Check.firstInvalidOffset(in: buffer) {
                problemCount += 1
                problems.append(
                    TokenProblem(kind: .invalidUTF8, offset: offset, line: Self.line(of: offset, in: lineStarts)))
            }
        }
        self.tokens = tokens
        self.lineStarts = lineStarts
        self.problems = problems
        self.problemCount = problemCount
    }

    /// Returns the byte column, from 1, of an offset on its line.
    package func column(of offset: Int32, line: Int32) -> Int {
        let index = Int(line) - 1
        guard index >= 0 && index < lineStarts.count else { return 1 }
        return Int(offset - lineStarts[index]) + 1
    }

    package func column(of token: Token) -> Int { column(of: token.start, line: token.line) }

    package func text(of token: Token) -> String {
        String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
    }

    static func line(of offset: Int, in lineStarts: [Int32]) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(lineStarts[middle]) <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }
}

/// UTF-8 validation with ASCII fast paths of 32 and 8 bytes at a time.
enum UTF8Check {
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 32 <= count && isASCII(bytes, from: index, words: 4) {
                index += 32
                continue
            }
            if index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            guard let length = sequenceLength(bytes, at: index) else { return index }
            index += length
        }
        return nil
    }

    @inline(__always) private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, words: Int)
        -> Bool
    {
        let raw = UnsafeRawPointer(bytes.baseAddress! + index)
        var combined: UInt64 = 0
        for word in 0..<words { combined |= raw.loadUnaligned(fromByteOffset: 8 * word, as: UInt64.self) }
        return combined & 0x8080_8080_8080_8080 == 0
    }

    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        let minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(continuation & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
        return length
    }
}
