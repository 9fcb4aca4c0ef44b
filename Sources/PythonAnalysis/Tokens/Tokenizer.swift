/// A byte-level Python tokenizer. It produces logical-line tokens: `newline` ends a statement,
/// `indent` and `dedent` bracket blocks, and line breaks inside brackets or after a backslash
/// are skipped. It never fails: problems are collected in `problems` and scanning goes on, so
/// every input ends in `endOfFile` after time linear in its size.
package struct Tokenizer: ~Copyable {
    package static let maximumReportedProblems = 20

    let bytes: UnsafeBufferPointer<UInt8>
    let classes = TokenizerTables()
    var position = 0
    var line: Int32 = 1
    /// The offset each line starts at; `lineStarts[n - 1]` is line `n`.
    package private(set) var lineStarts: [Int32] = [0]
    package private(set) var problems: [TokenProblem] = []
    /// Problems found, including those past `maximumReportedProblems`.
    package private(set) var problemCount = 0
    /// The tokens written so far, which `run()` ends with `endOfFile`.
    var tokens: TokenBuffer

    var bracketDepth = 0
    private var indentStack: [Int] = [0]

    /// Prepares to tokenize `bytes` into `tokenStorage`, which `run()` fills from its start.
    init(bytes: UnsafeBufferPointer<UInt8>, tokenStorage: UnsafeMutableBufferPointer<Token>) {
        // Offsets are stored in 32 bits, and source readers reject files long before 2 GB.
        precondition(bytes.count < Int32.max, "source of \(bytes.count) bytes is too large to tokenize")
        self.bytes = bytes
        tokens = TokenBuffer(storage: tokenStorage)
        // Typical source has a line per 30 to 40 bytes, and the array grows when it has more.
        lineStarts.reserveCapacity(bytes.count / 32 + 1)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// Tokenizes the whole input into `tokens`. Each pass of the outer loop starts a physical
    /// line outside brackets, where indentation counts. The inner loop scans to the line break
    /// that ends the logical line.
    package mutating func run() {
        var isLogicalLineEmpty = true
        while true {
            scanIndentation()
            scanning: while true {
                guard position < bytes.count else {
                    finish(isLogicalLineEmpty: isLogicalLineEmpty)
                    return
                }
                let byte = bytes[position]
                // Most blanks are single spaces between tokens, so they skip the table.
                if byte == UInt8(ascii: " ") {
                    position += 1
                    continue
                }
                switch classes.lead(byte) {
                case TokenizerTables.Lead.blank:
                    position += 1
                case TokenizerTables.Lead.name:
                    isLogicalLineEmpty = false
                    scanNameOrPrefixedString()
                case TokenizerTables.Lead.opening, TokenizerTables.Lead.closing, TokenizerTables.Lead.separator:
                    isLogicalLineEmpty = false
                    scanPunctuation(byte)
                case TokenizerTables.Lead.lineBreak:
                    let start = position
                    consumeLineBreak()
                    if bracketDepth > 0 { continue }
                    if !isLogicalLineEmpty {
                        tokens.append(Token(kind: .newline, start: offset(start), end: offset(start), line: line - 1))
                        isLogicalLineEmpty = true
                    }
                    break scanning
                case TokenizerTables.Lead.comment:
                    skipComment()
                case TokenizerTables.Lead.backslash:
                    if lineContinuation() { isLogicalLineEmpty = false }
                default:
                    isLogicalLineEmpty = false
                    scanOtherToken(startingWith: byte)
                }
            }
        }
    }

    /// Writes the one-byte token of a bracket, `,` or `;`.
    @inline(__always) private mutating func scanPunctuation(_ byte: UInt8) {
        let kind: TokenKind
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            bracketDepth += 1
            kind = byte == UInt8(ascii: "(") ? .leftParenthesis : byte == UInt8(ascii: "[") ? .leftBracket : .leftBrace
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            if bracketDepth > 0 { bracketDepth -= 1 }
            kind =
                byte == UInt8(ascii: ")") ? .rightParenthesis : byte == UInt8(ascii: "]") ? .rightBracket : .rightBrace
        default:
            kind = byte == UInt8(ascii: ",") ? .comma : .semicolon
        }
        position += 1
        emit(kind, from: position - 1)
    }

    private mutating func scanOtherToken(startingWith byte: UInt8) {
        let start = position
        let lead = classes.lead(byte)
        if lead == TokenizerTables.Lead.digit || (lead == TokenizerTables.Lead.dot && ByteClass.isDigit(peek(1))) {
            scanNumber()
            emit(.number, from: start)
        } else if lead == TokenizerTables.Lead.quote {
            scanString(prefixStart: start, isFormatted: false)
            emit(.string, from: start)
        } else {
            let kind = scanOperator()
            emit(kind, from: start)
        }
    }

    private mutating func scanNameOrPrefixedString() {
        let start = position
        // A local index stays in a register, where `position` would be stored at every step.
        // Testing the byte in the body, not with `&&` in the condition, compiled to a loop
        // without a saved flag and saved about 7 M instructions on the 5 MB benchmark project.
        var end = start &+ 1
        let count = bytes.count
        while end < count {
            if !classes.continuesName(bytes[end]) { break }
            end &+= 1
        }
        position = end
        if end &- start <= 2, end < count, classes.lead(bytes[end]) == TokenizerTables.Lead.quote,
            let prefix = StringPrefix(bytes: bytes, start: start, end: position)
        {
            scanString(prefixStart: start, isFormatted: prefix.isFormatted)
            emit(.string, from: start)
            return
        }
        let keyword = classes.keyword(bytes, start: start, end: position)
        tokens.append(Token(kind: .name, start: offset(start), end: offset(position), line: line, keyword: keyword))
    }

    private mutating func scanNumber() {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if classes.continuesName(byte) || byte == UInt8(ascii: ".") {
                position += 1
            } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"),
                bytes[position - 1] | 0x20 == UInt8(ascii: "e"), !isHexadecimal(from: start)
            {
                position += 1
            } else {
                break
            }
        }
    }

    private func isHexadecimal(from start: Int) -> Bool {
        start + 1 < bytes.count && bytes[start] == UInt8(ascii: "0") && bytes[start + 1] | 0x20 == UInt8(ascii: "x")
    }

    /// Steps over a backslash and the line break after it. Returns true when the backslash is
    /// not followed by a line break, so it was written as an `invalid` token.
    private mutating func lineContinuation() -> Bool {
        let next = peek(1)
        if next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") {
            position += 1
            consumeLineBreak()
            return false
        }
        let start = position
        position += 1
        record(.invalidCharacter, at: start)
        emit(.invalid, from: start)
        return true
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

    private mutating func skipComment() {
        while position < bytes.count && classes.lead(bytes[position]) != TokenizerTables.Lead.lineBreak {
            position += 1
        }
    }

    func peek(_ distance: Int) -> UInt8 {
        position + distance < bytes.count ? bytes[position + distance] : 0
    }

    /// Converts an offset into the source, which `init` checked fits in 32 bits.
    @inline(__always) func offset(_ offset: Int) -> Int32 { Int32(truncatingIfNeeded: offset) }

    /// Writes a token of `kind` from `start` to the current position.
    @inline(__always) mutating func emit(_ kind: TokenKind, from start: Int) {
        tokens.append(Token(kind: kind, start: offset(start), end: offset(position), line: line))
    }

    mutating func record(_ kind: TokenProblem.Kind, at offset: Int, line problemLine: Int32? = nil) {
        problemCount += 1
        guard problems.count < Self.maximumReportedProblems else { return }
        problems.append(TokenProblem(kind: kind, offset: offset, line: Int(problemLine ?? line)))
    }

    // MARK: Indentation

    /// Measures the indentation of the physical line at `position` and writes the `indent` or
    /// `dedent` tokens it implies. Blank and comment-only lines change nothing.
    private mutating func scanIndentation() {
        var width = skipSpaces()
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
        guard position < bytes.count else { return }
        let byte = bytes[position]
        if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return }
        changeIndentation(to: width)
    }

    /// Steps over spaces eight at a time while eight bytes remain, and returns how many.
    private mutating func skipSpaces() -> Int {
        let start = position
        while position + 8 <= bytes.count {
            let word = UInt64(
                littleEndian: UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self))
            let differing = word ^ 0x2020_2020_2020_2020
            if differing != 0 {
                // The first byte of the word is its lowest, so trailing zero bytes are spaces.
                position += differing.trailingZeroBitCount / 8
                break
            }
            position += 8
        }
        return position - start
    }

    private mutating func changeIndentation(to width: Int) {
        let current = indentStack[indentStack.count - 1]
        if width > current {
            indentStack.append(width)
            emit(.indent, from: position)
            return
        }
        guard width < current else { return }
        while indentStack.count > 1 && indentStack[indentStack.count - 1] > width {
            indentStack.removeLast()
            emit(.dedent, from: position)
        }
        if indentStack[indentStack.count - 1] != width { record(.inconsistentDedent, at: position) }
    }

    /// Ends the open logical line and every open block, then writes `endOfFile`.
    private mutating func finish(isLogicalLineEmpty: Bool) {
        if !isLogicalLineEmpty { emit(.newline, from: position) }
        for _ in 1..<indentStack.count { emit(.dedent, from: position) }
        emit(.endOfFile, from: position)
    }
}
