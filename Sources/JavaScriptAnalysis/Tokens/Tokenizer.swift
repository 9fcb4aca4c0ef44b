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
    var sawLineBreak = false
    /// The token before the current one, which decides whether a slash starts a regular
    /// expression; `nil` at the start of the file, where one does.
    var previous: Token?
    /// For each open `(`, whether it follows `if`, `while`, `for` or `with`: after its `)` a
    /// slash starts a regular expression (`if (x) /re/.test(y)`).
    var parentheses: [Bool] = []
    /// Whether the last `)` closed the head of `if`, `while`, `for` or `with`.
    var closedControlHead = false

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
        case UInt8(ascii: "/") where allowsRegex:
            scanRegex()
            kind = .regex
        case UInt8(ascii: "<") where allowsJSX && allowsRegex && startsJSX(at: position):
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
        if kind == .punctuator && position - start == 1 { trackParenthesis(bytes[start]) }
        previous = result
        return result
    }

    /// True when a slash here starts a regular expression rather than a division, which the
    /// token before it decides. It is worked out only at a slash or `<`, not for every token.
    private var allowsRegex: Bool {
        guard let previous else { return true }
        if previous.kind == .punctuator && previous.end - previous.start == 1
            && bytes[Int(previous.start)] == UInt8(ascii: ")")
        {
            return closedControlHead
        }
        return Self.allowsRegex(after: previous, in: bytes)
    }

    private mutating func trackParenthesis(_ byte: UInt8) {
        if byte == UInt8(ascii: "(") {
            let followsControlKeyword =
                previous.map { $0.kind == .identifier && Self.isControlKeyword($0, in: bytes) } ?? false
            parentheses.append(followsControlKeyword)
        } else if byte == UInt8(ascii: ")") {
            closedControlHead = parentheses.popLast() ?? false
        }
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

    /// Returns true when the identifier is `if`, `while`, `for` or `with`, after whose
    /// parenthesized head a slash starts a regular expression.
    private static func isControlKeyword(_ token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(token.start)
        switch token.end - token.start {
        case 2: return matches(bytes, start, "if")
        case 3: return matches(bytes, start, "for")
        case 4: return matches(bytes, start, "with")
        case 5: return matches(bytes, start, "while")
        default: return false
        }
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
            return isRegexKeyword(bytes, start, length)
        default: return false
        }
    }

    /// Returns true for the keywords after which a slash starts a regular expression, not a
    /// division: `return`, `typeof`, `instanceof`, `in`, `of`, `new`, `delete`, `void`,
    /// `throw`, `case`, `do`, `else`, `yield`, `await`, `extends`.
    private static func isRegexKeyword(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        switch length {
        case 2: return matches(bytes, start, "in") || matches(bytes, start, "of") || matches(bytes, start, "do")
        case 3: return matches(bytes, start, "new")
        case 4:
            return matches(bytes, start, "void") || matches(bytes, start, "case") || matches(bytes, start, "else")
        case 5:
            return matches(bytes, start, "throw") || matches(bytes, start, "yield") || matches(bytes, start, "await")
        case 6:
            return matches(bytes, start, "return") || matches(bytes, start, "typeof") || matches(bytes, start, "delete")
        case 7: return matches(bytes, start, "extends")
        case 10: return matches(bytes, start, "instanceof")
        default: return false
        }
    }

    /// Returns true when the bytes at `start` are the keyword; the caller checks the length.
    @inline(__always)
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ keyword: StaticString) -> Bool {
        keyword.withUTF8Buffer { expected in
            for index in 0..<expected.count where bytes[start + index] != expected[index] { return false }
            return true
        }
    }
}

/// Byte classes of JavaScript source. Bytes above ASCII belong to identifiers, so names in
/// any script pass through whole. A stray byte above ASCII yields at most a wrong name.
enum ByteClass {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Letters, `_`, `$`, `#` (private names), `\\` (escapes) and every byte above ASCII.
    @inline(__always)
    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        isMember(byte, low: identifierStartLow, high: identifierStartHigh)
    }

    @inline(__always)
    static func isIdentifierContinuation(_ byte: UInt8) -> Bool {
        isMember(byte, low: identifierContinuationLow, high: identifierContinuationHigh)
    }

    /// Tests a byte against a set of ASCII bytes given as two 64-bit masks (bytes 0-63 and
    /// 64-127); every byte above ASCII is a member.
    @inline(__always)
    private static func isMember(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
        return true
    }

    // Masks of `a`-`z`, `A`-`Z`, `_`, `$`, `#` and `\\`, and of those and `0`-`9`.
    private static let identifierStartLow: UInt64 = 0x18_0000_0000
    private static let identifierStartHigh: UInt64 = 0x7ff_fffe_97ff_fffe
    private static let identifierContinuationLow: UInt64 = 0x3ff_0018_0000_0000
    private static let identifierContinuationHigh: UInt64 = 0x7ff_fffe_97ff_fffe
}
