/// Decodes string literal tokens into text and f-string replacement fields.
enum StringLiteral {
    /// Decodes `token` into its parts. An f-string's fields are parsed at nesting depth `depth`
    /// and placed at `fixedPosition`, or at the token when that is `nil`.
    static func parts(
        of token: Token, in file: TokenizedFile, depth: Int, fixedPosition: SourcePosition?
    ) throws(SyntaxError) -> [StringPart] {
        let bytes = file.bytes
        var index = Int(token.start)
        let end = Int(token.end)
        var isRaw = false
        var isFormatted = false
        while index < end && bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "'") {
            switch bytes[index] | 0x20 {
            case UInt8(ascii: "r"): isRaw = true
            case UInt8(ascii: "f"), UInt8(ascii: "t"): isFormatted = true
            default: break
            }
            index += 1
        }
        guard index < end else { return [] }
        let quote = bytes[index]
        let isTriple = index + 2 < end && bytes[index + 1] == quote && bytes[index + 2] == quote
        let quoteLength = isTriple ? 3 : 1
        let contentStart = index + quoteLength
        var contentEnd = end
        if end - contentStart >= quoteLength && bytes[(end - quoteLength)..<end].allSatisfy({ $0 == quote }) {
            contentEnd = end - quoteLength
        }
        let content = contentStart..<max(contentStart, contentEnd)
        if !isFormatted { return [.text(decode(bytes, content, isRaw: isRaw))] }
        var splitter = FormattedStringSplitter(bytes: bytes, range: content, isRaw: isRaw)
        let position = fixedPosition ?? SourcePosition(line: Int(token.line), column: file.column(of: token))
        return splitter.split(depth: depth, position: position)
    }

    static func decode(_ bytes: [UInt8], _ range: Range<Int>, isRaw: Bool) -> String {
        if isRaw || !bytes[range].contains(UInt8(ascii: "\\")) {
            return String(decoding: bytes[range], as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "\\") && index + 1 < range.upperBound {
                index = appendEscape(bytes, at: index + 1, limit: range.upperBound, to: &output)
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the character an escape sequence stands for; `index` is just after the
    /// backslash. Returns the index after the sequence. Unknown escapes keep the backslash,
    /// as Python does.
    static func appendEscape(_ bytes: [UInt8], at index: Int, limit: Int, to output: inout [UInt8]) -> Int {
        let byte = bytes[index]
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "n"): 10, UInt8(ascii: "t"): 9, UInt8(ascii: "r"): 13, UInt8(ascii: "0"): 0,
            UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "v"): 11,
            UInt8(ascii: "\\"): 92, UInt8(ascii: "'"): 39, UInt8(ascii: "\""): 34,
        ]
        if byte == UInt8(ascii: "\n") { return index + 1 }
        if byte == UInt8(ascii: "\r") {
            return index + 1 < limit && bytes[index + 1] == UInt8(ascii: "\n") ? index + 2 : index + 1
        }
        if let replacement = simple[byte] {
            output.append(replacement)
            return index + 1
        }
        let hexLength: Int? =
            switch byte {
            case UInt8(ascii: "x"): 2
            case UInt8(ascii: "u"): 4
            case UInt8(ascii: "U"): 8
            default: nil
            }
        if let hexLength, index + hexLength < limit,
            let value = UInt32(String(decoding: bytes[(index + 1)...(index + hexLength)], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(value)
        {
            output += Array(String(Character(scalar)).utf8)
            return index + 1 + hexLength
        }
        output.append(UInt8(ascii: "\\"))
        return index
    }
}

/// Splits an f-string's content into literal text and replacement fields. The field's
/// expression is parsed from a copy of its text in parentheses, so line breaks inside it are
/// ignored as they are inside brackets.
struct FormattedStringSplitter {
    let bytes: [UInt8]
    let range: Range<Int>
    let isRaw: Bool
    private var parts: [StringPart] = []
    private var text: [UInt8] = []

    init(bytes: [UInt8], range: Range<Int>, isRaw: Bool) {
        self.bytes = bytes
        self.range = range
        self.isRaw = isRaw
    }

    mutating func split(depth: Int, position: SourcePosition) -> [StringPart] {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            let next = index + 1 < range.upperBound ? bytes[index + 1] : 0
            if (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")) && next == byte {
                text.append(byte)
                index += 2
            } else if byte == UInt8(ascii: "{") {
                flushText()
                let field = fieldBounds(from: index + 1)
                parts.append(.field(parseField(field.expression, depth: depth, position: position)))
                index = field.end
            } else if byte == UInt8(ascii: "\\") && !isRaw && index + 1 < range.upperBound {
                index = StringLiteral.appendEscape(bytes, at: index + 1, limit: range.upperBound, to: &text)
            } else {
                text.append(byte)
                index += 1
            }
        }
        flushText()
        return parts
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        parts.append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll()
    }

    /// The field's expression bytes and the index after its closing brace.
    private func fieldBounds(from start: Int) -> (expression: Range<Int>, end: Int) {
        var depth = 0
        var expressionEnd: Int?
        var index = start
        while index < range.upperBound {
            let byte = bytes[index]
            let next = index + 1 < range.upperBound ? bytes[index + 1] : 0
            if expressionEnd == nil && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) {
                index = skipQuoted(from: index)
                continue
            }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
            case UInt8(ascii: "}"):
                if depth == 0 { return (start..<(expressionEnd ?? index), index + 1) }
                depth -= 1
            case UInt8(ascii: "!") where depth == 0 && expressionEnd == nil && next != UInt8(ascii: "="):
                expressionEnd = index
            case UInt8(ascii: ":") where depth == 0 && expressionEnd == nil:
                expressionEnd = index
            case UInt8(ascii: "=") where depth == 0 && expressionEnd == nil && isSelfDocumenting(at: index):
                expressionEnd = index
            default: break
            }
            index += 1
        }
        return (start..<(expressionEnd ?? range.upperBound), range.upperBound)
    }

    private func isSelfDocumenting(at index: Int) -> Bool {
        let previous = bytes[index - 1]
        let next = index + 1 < range.upperBound ? bytes[index + 1] : 0
        let comparisonBytes: [UInt8] = Array("=!<>".utf8)
        return next != UInt8(ascii: "=") && !comparisonBytes.contains(previous)
    }

    private func skipQuoted(from start: Int) -> Int {
        let quote = bytes[start]
        let isTriple = start + 2 < range.upperBound && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (isTriple ? 3 : 1)
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == quote {
                if !isTriple { return index + 1 }
                if index + 2 < range.upperBound && bytes[index + 1] == quote && bytes[index + 2] == quote {
                    return index + 3
                }
            }
            index += 1
        }
        return range.upperBound
    }

    private func parseField(_ expression: Range<Int>, depth: Int, position: SourcePosition) -> Expression {
        var source: [UInt8] = [UInt8(ascii: "(")]
        source += bytes[expression]
        source += [UInt8(ascii: "\n"), UInt8(ascii: ")")]
        var fieldParser = Parser(file: TokenizedFile(bytes: source), depth: depth + 1, fixedPosition: position)
        do {
            return try fieldParser.parseExpressionList()
        } catch {
            return .unparsed
        }
    }
}
