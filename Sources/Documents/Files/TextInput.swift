import Diagnostics

/// Checks that file bytes are text that libyaml can read, and normalizes what it would reject
/// for no good reason. Errors point at the first offending byte.
enum TextInput {
    /// Returns the text as UTF-8, converting UTF-16 that starts with a byte-order mark, after
    /// checking that it is non-empty text: no NUL byte and no invalid UTF-8.
    static func decode(_ bytes: [UInt8], displayPath: String) throws(DocumentError) -> [UInt8] {
        let text = isUTF16(bytes) ? try transcodeUTF16(bytes, displayPath: displayPath) : bytes
        if let offset = text.firstIndex(of: 0) {
            throw DocumentError(
                "file contains a NUL byte, so it is binary, not text; remove it from the scanned folder",
                at: location(ofByteOffset: offset, in: text, displayPath: displayPath), code: .binaryFile)
        }
        if let offset = firstInvalidUTF8Offset(text) {
            let byte = String(text[offset], radix: 16, uppercase: true)
            throw DocumentError(
                "invalid UTF-8 (byte 0x\(byte) at offset \(offset)); save the file as UTF-8",
                at: location(ofByteOffset: offset, in: text, displayPath: displayPath), code: .invalidEncoding)
        }
        let start = hasUTF8ByteOrderMark(text) ? 3 : 0
        guard text[start...].contains(where: { !isWhiteSpace($0) }) else {
            throw DocumentError(
                "file is empty; write a YAML or JSON document in it or remove it",
                at: SourceLocation(file: displayPath), code: .emptyDocument)
        }
        return text
    }

    /// Returns decoded text ready for libyaml: JSON text is rewritten where libyaml would reject
    /// valid JSON (see `normalizeJSON`), and other text is returned unchanged.
    static func preparedForLibYAML(_ text: [UInt8]) -> [UInt8] {
        let start = hasUTF8ByteOrderMark(text) ? 3 : 0
        return startsLikeJSON(text[start...]) ? normalizeJSON(text, from: start) : text
    }

    /// Returns the 1-based line and character column of a byte, counted the way libyaml counts them:
    /// columns in characters, a CR LF pair as one line break, the byte-order mark not counted.
    static func location(ofByteOffset offset: Int, in bytes: [UInt8], displayPath: String) -> SourceLocation {
        var line = 1
        var column = 1
        var index = hasUTF8ByteOrderMark(bytes) ? 3 : 0
        while index < min(offset, bytes.count) {
            let byte = bytes[index]
            let isBreak = byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A))
            if isBreak {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: displayPath, line: line, column: column)
    }

    /// Returns true when the first byte other than white space is `{` or `[`.
    static func startsLikeJSON(_ text: ArraySlice<UInt8>) -> Bool {
        guard let first = text.first(where: { !isWhiteSpace($0) }) else { return false }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    static func hasUTF8ByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isUTF16(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        return (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
    }

    /// Converts UTF-16 with a byte-order mark to UTF-8 with a UTF-8 byte-order mark.
    private static func transcodeUTF16(_ bytes: [UInt8], displayPath: String) throws(DocumentError) -> [UInt8] {
        let isLittleEndian = bytes[0] == 0xFF
        guard bytes.count % 2 == 0 else {
            throw DocumentError(
                "invalid UTF-16: odd number of bytes; save the file as UTF-8",
                at: SourceLocation(file: displayPath), code: .invalidEncoding)
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        for index in stride(from: 2, to: bytes.count, by: 2) {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(isLittleEndian ? first | second << 8 : first << 8 | second)
        }
        var output: [UInt8] = [0xEF, 0xBB, 0xBF]
        output.reserveCapacity(units.count + 3)
        let failed = transcode(
            units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true
        ) { output.append($0) }
        guard !failed else {
            throw DocumentError(
                "invalid UTF-16: unpaired surrogate; save the file as UTF-8",
                at: SourceLocation(file: displayPath), code: .invalidEncoding)
        }
        return output
    }

    /// Returns the offset of the first byte that does not start a valid UTF-8 sequence, or `nil`.
    /// Overlong forms, surrogates and values above U+10FFFF are invalid, as in RFC 3629.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, lower) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, upper) = (3, 0x9F)
            case 0xF0: (length, lower) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, upper) = (4, 0x8F)
            default: return index
            }
            guard index + length <= count, (lower...upper).contains(bytes[index + 1]) else { return index }
            for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    /// Rewrites what libyaml rejects in JSON text: a tab outside strings becomes a space, and a
    /// UTF-16 surrogate pair escape (`\ud83d\ude00`) becomes the YAML escape `\U0001f600`. Only
    /// called for text that starts with `{` or `[`, where a tab can only be white space or part
    /// of a string.
    // NOTE: each rewritten surrogate pair is 2 characters shorter, so columns of later nodes on
    // the same line are 2 less than in the file.
    private static func normalizeJSON(_ text: [UInt8], from start: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var quote: UInt8? = nil
        var index = 0
        while index < text.count {
            let byte = text[index]
            if index < start {
                output.append(byte)
            } else if let open = quote {
                if byte == UInt8(ascii: "\\") && open == UInt8(ascii: "\"") && index + 1 < text.count {
                    if let scalar = surrogatePair(in: text, at: index) {
                        output.append(contentsOf: Array("\\U".utf8) + hexDigits(scalar, width: 8))
                        index += 12
                        continue
                    }
                    output.append(contentsOf: [byte, text[index + 1]])
                    index += 2
                    continue
                }
                if byte == open { quote = nil }
                output.append(byte)
            } else {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte }
                output.append(byte == 0x09 ? 0x20 : byte)
            }
            index += 1
        }
        return output
    }

    /// Returns the scalar of a `\uD8xx\uDCxx` escape pair starting at `index`, or `nil`.
    private static func surrogatePair(in text: [UInt8], at index: Int) -> UInt32? {
        guard index + 12 <= text.count, text[index + 1] == UInt8(ascii: "u"), text[index + 6] == UInt8(ascii: "\\"),
            text[index + 7] == UInt8(ascii: "u"),
            let high = hexValue(text[(index + 2)..<(index + 6)]), (0xD800...0xDBFF).contains(high),
            let low = hexValue(text[(index + 8)..<(index + 12)]), (0xDC00...0xDFFF).contains(low)
        else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    private static func hexValue(_ digits: ArraySlice<UInt8>) -> UInt32? {
        UInt32(String(decoding: digits, as: UTF8.self), radix: 16)
    }

    private static func hexDigits(_ value: UInt32, width: Int) -> [UInt8] {
        let digits = String(value, radix: 16)
        return Array((String(repeating: "0", count: width - digits.count) + digits).utf8)
    }
}
