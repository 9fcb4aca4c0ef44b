extension Tokenizer {
    mutating func scanString(quote: UInt8) {
        let start = position
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote {
                position += 1
                return
            }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\") && position + 1 < bytes.count {
                if bytes[position + 1] == UInt8(ascii: "\n") { newLine(at: position + 1) }
                position += 2
            } else {
                position += 1
            }
        }
        report(.unterminatedString, at: start)
    }

    /// Reads template text up to `${` (pushing the substitution) or the closing backquote.
    mutating func scanTemplateChunk(opening: Bool) -> TokenKind {
        let start = position
        let startLine = line
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "`") {
                position += 1
                return opening ? .template : .templateTail
            }
            if byte == UInt8(ascii: "$") && position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "{") {
                position += 2
                braces.append(true)
                return opening ? .templateHead : .templateMiddle
            }
            if byte == UInt8(ascii: "\n") { newLine(at: position) }
            position += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        position = bytes.count
        report(.unterminatedTemplate, at: max(start - 1, 0), line: startLine)
        return opening ? .template : .templateTail
    }

    mutating func scanRegex() {
        let start = position
        position += 1
        var inClass = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            position += 1
            if byte == UInt8(ascii: "[") {
                inClass = true
            } else if byte == UInt8(ascii: "]") {
                inClass = false
            } else if byte == UInt8(ascii: "/") && !inClass {
                while position < bytes.count && ByteClass.isIdentifierContinuation(bytes[position]) { position += 1 }
                return
            }
        }
        position = min(position, bytes.count)
        report(.unterminatedRegex, at: start)
    }

    private static let punctuators: [[UInt8]] = [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
        "^=", "**", "<<", ">>",
    ].map { Array($0.utf8) }

    /// For each first byte, the multi-byte punctuators that start with it, longest first.
    private static let punctuatorsByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for candidate in punctuators { table[Int(candidate[0])].append(candidate) }
        return table
    }()

    /// Masks of the bytes that start a multi-byte punctuator (`> . = ! * < & | ? + - / % ^`),
    /// for bytes 0-63 and 64-127.
    private static let multiByteStartLow: UInt64 = 0xf000_ec62_0000_0000
    private static let multiByteStartHigh: UInt64 = 0x1000_0000_4000_0000

    mutating func scanPunctuator() -> TokenKind {
        let byte = bytes[position]
        if byte == UInt8(ascii: "{") { braces.append(false) }
        let startsMultiByte =
            byte < 64
            ? Self.multiByteStartLow & (1 << UInt64(byte)) != 0
            : byte < 128 && Self.multiByteStartHigh & (1 << UInt64(byte - 64)) != 0
        guard startsMultiByte else {
            position += 1
            return .punctuator
        }
        for candidate in Self.punctuatorsByFirstByte[Int(byte)] where position + candidate.count <= bytes.count {
            var matches = true
            for index in 1..<candidate.count where bytes[position + index] != candidate[index] {
                matches = false
                break
            }
            // `a?.5:b` is a conditional, not optional chaining.
            if matches && candidate.count == 2 && candidate[1] == UInt8(ascii: ".") && position + 2 < bytes.count
                && ByteClass.isDigit(bytes[position + 2])
            {
                matches = false
            }
            if matches {
                position += candidate.count
                return .punctuator
            }
        }
        position += 1
        return .punctuator
    }
}
