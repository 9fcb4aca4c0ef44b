/// Splits JavaScript or TypeScript source bytes into tokens in one pass. It decides between a
/// regular expression and a division by the token before the slash, keeps a stack of open
/// braces to find where a template substitution ends, and reads a JSX element as one token.
/// Problems are recorded and stepped over, so every input ends in linear time.
struct Tokenizer {
    let bytes: UnsafeBufferPointer<UInt8>
    let allowsJSX: Bool
    var position = 0
    var line: Int32 = 1
    var lineStarts: [Int32] = [0]
    var problems: [TokenProblem] = []
    var problemCount = 0
    /// Open `{` (false) and template substitutions `${` (true), innermost last.
    var braces: [Bool] = []
    var regexAllowed = true
    var sawLineBreak = false
    /// For each open `(`, whether it follows `if`, `while`, `for` or `with`: after its `)` a
    /// slash starts a regular expression (`if (x) /re/.test(y)`).
    var parentheses: [Bool] = []
    var followsControlKeyword = false

    static let maximumListedProblems = 20

    init(bytes: UnsafeBufferPointer<UInt8>, allowsJSX: Bool = true) {
        self.bytes = bytes
        self.allowsJSX = allowsJSX
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
        if position + 1 < bytes.count && bytes[position] == UInt8(ascii: "#")
            && bytes[position + 1] == UInt8(ascii: "!")
        {
            while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
        }
    }

    mutating func next() -> Token {
        sawLineBreak = false
        skipTrivia()
        guard position < bytes.count else { return token(.endOfFile, from: position) }

        let start = position
        let byte = bytes[position]
        let kind: TokenKind
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            scanString(quote: byte)
            kind = .string
        case UInt8(ascii: "`"):
            position += 1
            kind = scanTemplateChunk(opening: true)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            scanNumber()
            kind = .number
        case UInt8(ascii: "."):
            if position + 1 < bytes.count, ByteClass.isDigit(bytes[position + 1]) {
                scanNumber()
                kind = .number
            } else {
                kind = scanPunctuator()
            }
        case UInt8(ascii: "/") where regexAllowed:
            scanRegex()
            kind = .regex
        case UInt8(ascii: "<") where regexAllowed && allowsJSX && startsJSX(at: position):
            scanJSX()
            kind = .jsx
        case UInt8(ascii: "}"):
            kind = closeBrace()
        default:
            if ByteClass.isIdentifierStart(byte) {
                scanIdentifier()
                kind = .identifier
            } else {
                kind = scanPunctuator()
            }
        }
        let result = token(kind, from: start)
        updateRegexContext(after: result)
        return result
    }

    /// Decides whether a slash after this token starts a regular expression.
    private mutating func updateRegexContext(after token: Token) {
        regexAllowed = Self.allowsRegex(after: token, in: bytes)
        if token.kind == .punctuator && token.end - token.start == 1 {
            let byte = bytes[Int(token.start)]
            if byte == UInt8(ascii: "(") {
                parentheses.append(followsControlKeyword)
            } else if byte == UInt8(ascii: ")") {
                regexAllowed = parentheses.popLast() ?? false
            }
        }
        followsControlKeyword = token.kind == .identifier && Self.isControlKeyword(token, in: bytes)
    }

    private func token(_ kind: TokenKind, from start: Int) -> Token {
        Token(kind: kind, start: Int32(start), end: Int32(position), line: line, followsLineBreak: sawLineBreak)
    }

    /// Records a problem at `offset`, on `startLine` when the problem spans lines.
    mutating func report(_ kind: TokenProblem.Kind, at offset: Int, line startLine: Int32? = nil) {
        problemCount += 1
        if problems.count < Self.maximumListedProblems {
            problems.append(TokenProblem(kind: kind, offset: offset, line: Int(startLine ?? line)))
        }
    }

    mutating func newLine(at offset: Int) {
        line += 1
        lineStarts.append(Int32(offset + 1))
        sawLineBreak = true
    }

    private mutating func skipTrivia() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                newLine(at: position)
                position += 1
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
                || byte == 0x0B || byte == 0x0C
            {
                position += 1
            } else if byte == 0 {
                report(.nullByte, at: position)
                position += 1
            } else if byte == UInt8(ascii: "/") && position + 1 < bytes.count {
                let following = bytes[position + 1]
                if following == UInt8(ascii: "/") {
                    while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
                } else if following == UInt8(ascii: "*") {
                    skipBlockComment()
                } else {
                    return
                }
            } else {
                return
            }
        }
    }

    private mutating func skipBlockComment() {
        let start = position
        let startLine = line
        position += 2
        while position + 1 < bytes.count {
            if bytes[position] == UInt8(ascii: "*") && bytes[position + 1] == UInt8(ascii: "/") {
                position += 2
                return
            }
            if bytes[position] == UInt8(ascii: "\n") { newLine(at: position) }
            position += 1
        }
        position = bytes.count
        report(.unterminatedComment, at: start, line: startLine)
    }

    private mutating func closeBrace() -> TokenKind {
        guard let isSubstitution = braces.popLast() else {
            report(.unmatchedBrace, at: position)
            position += 1
            return .punctuator
        }
        position += 1
        return isSubstitution ? scanTemplateChunk(opening: false) : .punctuator
    }

    private mutating func scanIdentifier() {
        position += 1
        while position < bytes.count && ByteClass.isIdentifierContinuation(bytes[position]) { position += 1 }
    }

    private mutating func scanNumber() {
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if ByteClass.isIdentifierContinuation(byte) || byte == UInt8(ascii: ".") {
                let isExponent = byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                position += 1
                if isExponent && position < bytes.count
                    && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"))
                {
                    position += 1
                }
            } else {
                return
            }
        }
    }

    /// Keywords after which a slash starts a regular expression, not a division.
    private static let regexKeywords: [[UInt8]] = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
        "yield", "await", "extends",
    ].map { Array($0.utf8) }

    private static let controlKeywords: [[UInt8]] = ["if", "while", "for", "with"].map { Array($0.utf8) }

    private static func isControlKeyword(_ token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(token.start)
        let length = Int(token.end - token.start)
        guard length >= 2 && length <= 5 else { return false }
        let first = bytes[start]
        guard first == UInt8(ascii: "i") || first == UInt8(ascii: "w") || first == UInt8(ascii: "f") else {
            return false
        }
        for keyword in controlKeywords where keyword.count == length && keyword[0] == first {
            var matches = true
            for offset in 1..<length where bytes[start + offset] != keyword[offset] {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }

    private static func allowsRegex(after token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(token.start)
        let length = Int(token.end - token.start)
        switch token.kind {
        case .templateHead, .templateMiddle: return true
        case .punctuator:
            let byte = bytes[start]
            if length == 1 { return byte != UInt8(ascii: ")") && byte != UInt8(ascii: "]") }
            return
                !(length == 2 && (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) && bytes[start + 1] == byte)
        case .identifier:
            guard length >= 2 && length <= 10 else { return false }
            for keyword in regexKeywords where keyword.count == length && keyword[0] == bytes[start] {
                var matches = true
                for offset in 1..<length where bytes[start + offset] != keyword[offset] {
                    matches = false
                    break
                }
                if matches { return true }
            }
            return false
        default: return false
        }
    }
}

/// Byte classes of JavaScript source. Bytes above ASCII belong to identifiers, so names in
/// any script pass through whole. A stray byte above ASCII yields at most a wrong name.
enum ByteClass {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "#")
            || byte == UInt8(ascii: "\\") || byte >= 0x80
    }

    static func isIdentifierContinuation(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
}
