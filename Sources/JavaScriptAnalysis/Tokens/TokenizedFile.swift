/// A source file's bytes with all its tokens, the line starts for columns, and the problems
/// the tokenizer found.
struct TokenizedFile {
    let bytes: [UInt8]
    private(set) var tokens: [Token] = []
    private(set) var lineStarts: [Int32] = []
    private(set) var problems: [TokenProblem] = []
    private(set) var problemCount = 0

    init(bytes: [UInt8], allowsJSX: Bool = true) {
        self.bytes = bytes
        var collected: [Token] = []
        // Code averages about one token per four bytes, so this rarely needs to grow.
        collected.reserveCapacity(bytes.count / 3 + 64)
        bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = Tokenizer(bytes: buffer, allowsJSX: allowsJSX)
            while true {
                let token = tokenizer.next()
                collected.append(token)
                if token.kind == .endOfFile { break }
            }
            lineStarts = tokenizer.lineStarts
            problems = tokenizer.problems
            problemCount = tokenizer.problemCount
            if !Self.isValidUTF8(buffer) {
                problemCount += 1
                problems.append(TokenProblem(kind: .invalidUTF8, offset: 0, line: 1))
            }
        }
        tokens = collected
    }

    /// Checks UTF-8 without making a string: ASCII eight bytes at a time, and the rest from
    /// the first byte above ASCII through the standard library's decoder.
    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count
                && base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
        }
        while index < bytes.count && bytes[index] < 0x80 { index += 1 }
        guard index < bytes.count else { return true }
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    func text(of token: Token) -> String {
        String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
    }

    /// True when the token's bytes are exactly `text`, without making a string.
    @inline(__always)
    func token(_ token: Token, is text: StaticString) -> Bool {
        let length = Int(token.end - token.start)
        guard length == text.utf8CodeUnitCount else { return false }
        guard length > 0 else { return true }
        let start = Int(token.start)
        guard text.hasPointerRepresentation else {
            return text.withUTF8Buffer { $0.elementsEqual(bytes[start..<(start + length)]) }
        }
        let expected = text.utf8Start
        for index in 0..<length where bytes[start + index] != expected[index] { return false }
        return true
    }

    /// Returns the column of a byte offset on its line, counting from 1.
    func column(of offset: Int, line: Int) -> Int {
        guard line >= 1 && line <= lineStarts.count else { return 1 }
        return offset - Int(lineStarts[line - 1]) + 1
    }

    /// Returns the value of a string token, or of a template chunk's text, with escapes decoded.
    func literalValue(of token: Token) -> String {
        var start = Int(token.start)
        var end = Int(token.end)
        switch token.kind {
        case .string:
            start += 1
            if end - start >= 1 && bytes[end - 1] == bytes[Int(token.start)] { end -= 1 }
        case .template, .templateHead, .templateMiddle, .templateTail:
            start += 1
            if token.kind == .templateHead || token.kind == .templateMiddle {
                end -= 2
            } else if end > start && bytes[end - 1] == UInt8(ascii: "`") {
                end -= 1
            }
        default: break
        }
        guard start < end else { return "" }
        return StringEscapes.decode(bytes[start..<end])
    }
}

/// Decodes the escapes of JavaScript string and template text.
enum StringEscapes {
    static func decode(_ text: ArraySlice<UInt8>) -> String {
        guard text.contains(UInt8(ascii: "\\")) else { return String(decoding: text, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < text.endIndex else {
                output.append(byte)
                continue
            }
            let escaped = text[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): output.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "t"): output.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "r"): output.append(UInt8(ascii: "\r"))
            case UInt8(ascii: "0"): output.append(0)
            case UInt8(ascii: "\n"): continue
            case UInt8(ascii: "u"), UInt8(ascii: "x"):
                index = decodeCodePoint(text, from: index, isUnicode: escaped == UInt8(ascii: "u"), into: &output)
            default: output.append(escaped)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `\xHH`, `\uHHHH` or `\u{H...}` starting after the letter; returns the next index.
    private static func decodeCodePoint(
        _ text: ArraySlice<UInt8>, from start: Int, isUnicode: Bool, into output: inout [UInt8]
    ) -> Int {
        var index = start
        var digits: ArraySlice<UInt8>
        if isUnicode && index < text.endIndex && text[index] == UInt8(ascii: "{") {
            guard let close = text[index...].firstIndex(of: UInt8(ascii: "}")) else { return index }
            digits = text[(index + 1)..<close]
            index = close + 1
        } else {
            let count = isUnicode ? 4 : 2
            let end = min(index + count, text.endIndex)
            digits = text[index..<end]
            index = end
        }
        if let value = UInt32(String(decoding: digits, as: UTF8.self), radix: 16), let scalar = Unicode.Scalar(value) {
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        return index
    }
}
