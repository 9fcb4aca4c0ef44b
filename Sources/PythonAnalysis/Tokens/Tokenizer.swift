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

    private var bracketDepth = 0
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

    // MARK: Operators

    private mutating func scanOperator() -> Token {
        let start = position
        let byte = bytes[position]
        let second = peek(1)
        position += 1
        switch byte {
        case UInt8(ascii: "("): return bracket(.leftParenthesis, opening: true, from: start)
        case UInt8(ascii: "["): return bracket(.leftBracket, opening: true, from: start)
        case UInt8(ascii: "{"): return bracket(.leftBrace, opening: true, from: start)
        case UInt8(ascii: ")"): return bracket(.rightParenthesis, opening: false, from: start)
        case UInt8(ascii: "]"): return bracket(.rightBracket, opening: false, from: start)
        case UInt8(ascii: "}"): return bracket(.rightBrace, opening: false, from: start)
        case UInt8(ascii: ","): return make(.comma, from: start)
        case UInt8(ascii: ";"): return make(.semicolon, from: start)
        case UInt8(ascii: "."):
            if second == UInt8(ascii: "."), peek(1) == UInt8(ascii: ".") {
                position += 2
                return make(.ellipsis, from: start)
            }
            return make(.dot, from: start)
        default:
            return scanSymbolOperator(byte, second: second, from: start)
        }
    }

    private mutating func bracket(_ kind: TokenKind, opening: Bool, from start: Int) -> Token {
        if opening {
            bracketDepth += 1
        } else if bracketDepth > 0 {
            bracketDepth -= 1
        }
        return make(kind, from: start)
    }

    private mutating func scanSymbolOperator(_ byte: UInt8, second: UInt8, from start: Int) -> Token {
        let isEqualNext = second == UInt8(ascii: "=")
        switch byte {
        case UInt8(ascii: ":"):
            if isEqualNext { return take(1, .walrus, from: start) }
            return make(.colon, from: start)
        case UInt8(ascii: "="):
            return isEqualNext ? take(1, .otherOperator, from: start) : make(.equal, from: start)
        case UInt8(ascii: "-"):
            if second == UInt8(ascii: ">") { return take(1, .arrow, from: start) }
            return isEqualNext ? take(1, .augmentedAssignment, from: start) : make(.minus, from: start)
        case UInt8(ascii: "+"), UInt8(ascii: "%"), UInt8(ascii: "@"):
            if isEqualNext { return take(1, .augmentedAssignment, from: start) }
            if byte == UInt8(ascii: "+") { return make(.plus, from: start) }
            return make(byte == UInt8(ascii: "%") ? .percent : .at, from: start)
        case UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return scanDoubledOperator(byte, second: second, from: start)
        case UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"):
            return isEqualNext ? take(1, .augmentedAssignment, from: start) : make(.otherOperator, from: start)
        case UInt8(ascii: "!"):
            return isEqualNext ? take(1, .otherOperator, from: start) : invalidToken(from: start)
        case UInt8(ascii: "~"):
            return make(.otherOperator, from: start)
        default:
            return invalidToken(from: start)
        }
    }

    /// `*`, `**`, `/`, `//`, `<`, `<<`, `>`, `>>`, each optionally followed by `=`.
    private mutating func scanDoubledOperator(_ byte: UInt8, second: UInt8, from start: Int) -> Token {
        let isDoubled = second == byte
        if isDoubled { position += 1 }
        let isComparison = byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        if peek(0) == UInt8(ascii: "=") {
            position += 1
            return make(isComparison && !isDoubled ? .otherOperator : .augmentedAssignment, from: start)
        }
        switch (byte, isDoubled) {
        case (UInt8(ascii: "*"), false): return make(.star, from: start)
        case (UInt8(ascii: "*"), true): return make(.doubleStar, from: start)
        case (UInt8(ascii: "/"), false): return make(.slash, from: start)
        default: return make(.otherOperator, from: start)
        }
    }

    private mutating func take(_ extra: Int, _ kind: TokenKind, from start: Int) -> Token {
        position += extra
        return make(kind, from: start)
    }

    private mutating func invalidToken(from start: Int) -> Token {
        record(bytes[start] == 0 ? .nullByte : .invalidCharacter, at: start)
        return make(.invalid, from: start)
    }
}
