/// A byte-level Python tokenizer. It produces logical-line tokens: `newline` ends a statement,
/// `indent` and `dedent` bracket blocks, and line breaks inside brackets or after a backslash
/// are skipped. It never fails: problems are collected in `problems` and scanning goes on, so
/// every input ends in `endOfFile` after time linear in its size.
package struct Tokenizer {
    package static let maximumReportedProblems = 20

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var line: Int32 = 1
    /// The offset each line starts at; `lineStarts[n - 1]` is line `n`.
    package private(set) var lineStarts: [Int32] = [0]
    package private(set) var problems: [TokenProblem] = []
    /// Problems found, including those past `maximumReportedProblems`.
    package private(set) var problemCount = 0

    var bracketDepth = 0
    private var isAtLineStart = true
    private var isLogicalLineEmpty = true
    private var indentStack: [Int] = [0]
    private var pendingDedents = 0

    package init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    package mutating func next() -> Token {
        if pendingDedents > 0 {
            pendingDedents -= 1
            return make(.dedent, from: position)
        }
        while true {
            if isAtLineStart && bracketDepth == 0 {
                isAtLineStart = false
                if let token = indentationToken() { return token }
            }
            skipBlanks()
            guard position < bytes.count else { return endOfFileToken() }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "#"):
                skipComment()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                let start = position
                consumeLineBreak()
                if bracketDepth > 0 { continue }
                isAtLineStart = true
                if isLogicalLineEmpty { continue }
                isLogicalLineEmpty = true
                return Token(kind: .newline, start: Int32(start), end: Int32(start), line: line - 1)
            case UInt8(ascii: "\\"):
                if let token = lineContinuation() { return token }
            default:
                isLogicalLineEmpty = false
                return scanToken(startingWith: byte)
            }
        }
    }

    private mutating func scanToken(startingWith byte: UInt8) -> Token {
        let start = position
        if ByteClass.isIdentifierStart(byte) { return scanNameOrPrefixedString() }
        if ByteClass.isDigit(byte) || (byte == UInt8(ascii: ".") && ByteClass.isDigit(peek(1))) {
            return scanNumber()
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            scanString(prefixStart: start, isFormatted: false)
            return make(.string, from: start)
        }
        return scanOperator()
    }

    private mutating func scanNameOrPrefixedString() -> Token {
        let start = position
        while position < bytes.count && ByteClass.isIdentifierContinuation(bytes[position]) { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'"),
            let prefix = StringPrefix(bytes: bytes, start: start, end: position)
        {
            scanString(prefixStart: start, isFormatted: prefix.isFormatted)
            return make(.string, from: start)
        }
        return make(.name, from: start)
    }

    private mutating func scanNumber() -> Token {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if ByteClass.isIdentifierContinuation(byte) || byte == UInt8(ascii: ".") {
                position += 1
            } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"),
                bytes[position - 1] | 0x20 == UInt8(ascii: "e"), !isHexadecimal(from: start)
            {
                position += 1
            } else {
                break
            }
        }
        return make(.number, from: start)
    }

    private func isHexadecimal(from start: Int) -> Bool {
        start + 1 < bytes.count && bytes[start] == UInt8(ascii: "0") && bytes[start + 1] | 0x20 == UInt8(ascii: "x")
    }

    private mutating func lineContinuation() -> Token? {
        let next = peek(1)
        if next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") {
            position += 1
            consumeLineBreak()
            return nil
        }
        isLogicalLineEmpty = false
        let start = position
        position += 1
        record(.invalidCharacter, at: start)
        return make(.invalid, from: start)
    }

    mutating func consumeLineBreak() {
        if bytes[position] == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { position += 1 }
        position += 1
        startLine()
    }

    mutating func startLine() {
        line += 1
        lineStarts.append(Int32(position))
    }

    private mutating func skipBlanks() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0C else { return }
            position += 1
        }
    }

    private mutating func skipComment() {
        while position < bytes.count && bytes[position] != UInt8(ascii: "\n") && bytes[position] != UInt8(ascii: "\r") {
            position += 1
        }
    }

    func peek(_ distance: Int) -> UInt8 {
        position + distance < bytes.count ? bytes[position + distance] : 0
    }

    func make(_ kind: TokenKind, from start: Int) -> Token {
        Token(kind: kind, start: Int32(start), end: Int32(position), line: line)
    }

    mutating func record(_ kind: TokenProblem.Kind, at offset: Int, line problemLine: Int32? = nil) {
        problemCount += 1
        guard problems.count < Self.maximumReportedProblems else { return }
        problems.append(TokenProblem(kind: kind, offset: offset, line: Int(problemLine ?? line)))
    }

    // MARK: Indentation

    private mutating func indentationToken() -> Token? {
        var width = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: " ") {
                width += 1
            } else if byte == UInt8(ascii: "\t") {
                width = (width / 8 + 1) * 8
            } else if byte == 0x0C {
                width = 0
            } else {
                break
            }
            position += 1
        }
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return nil }
        return changeIndentation(to: width)
    }

    private mutating func changeIndentation(to width: Int) -> Token? {
        let current = indentStack[indentStack.count - 1]
        if width > current {
            indentStack.append(width)
            return make(.indent, from: position)
        }
        guard width < current else { return nil }
        var dedents = 0
        while indentStack.count > 1 && indentStack[indentStack.count - 1] > width {
            indentStack.removeLast()
            dedents += 1
        }
        if indentStack[indentStack.count - 1] != width { record(.inconsistentDedent, at: position) }
        pendingDedents = dedents - 1
        return make(.dedent, from: position)
    }

    private mutating func endOfFileToken() -> Token {
        if !isLogicalLineEmpty {
            isLogicalLineEmpty = true
            return make(.newline, from: position)
        }
        if indentStack.count > 1 {
            indentStack.removeLast()
            return make(.dedent, from: position)
        }
        return make(.endOfFile, from: position)
    }
}
