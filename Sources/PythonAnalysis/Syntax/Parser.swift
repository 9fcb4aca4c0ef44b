/// A syntax problem: where and what. The analysis reports these as warnings, because the
/// statement is skipped but the rest of the file is still read.
package struct SyntaxProblem: Sendable, Hashable {
    package var position: SourcePosition
    package var message: String
}

struct SyntaxError: Error {
    var token: Token
    var message: String
}

/// A recursive-descent parser for the parts of Python the analysis reads. A statement it
/// cannot parse is recorded as a problem and skipped up to the end of its logical line.
/// Nesting deeper than `maximumDepth` is a problem too, so hostile input cannot exhaust the stack.
package struct Parser {
    package static let maximumDepth = 100
    static let maximumReportedProblems = 20

    let file: TokenizedFile
    var index = 0
    var depth: Int
    /// Set when parsing an f-string field, whose tokens come from a copy of the field's text.
    let fixedPosition: SourcePosition?
    package private(set) var problems: [SyntaxProblem] = []
    /// When set, a function's indented body is parsed only when it is first read. See
    /// `deferBody(firstParameter:)` for the bodies that are still parsed at once.
    let defersFunctionBodies: Bool

    package init(file: TokenizedFile, defersFunctionBodies: Bool = false) {
        self.init(file: file, depth: 0, fixedPosition: nil, defersFunctionBodies: defersFunctionBodies)
    }

    init(file: TokenizedFile, depth: Int, fixedPosition: SourcePosition?, defersFunctionBodies: Bool = false) {
        self.file = file
        self.depth = depth
        self.fixedPosition = fixedPosition
        self.defersFunctionBodies = defersFunctionBodies
    }

    package mutating func parseModule() -> [Statement] {
        var statements: [Statement] = []
        statements.reserveCapacity(32)
        while current.kind != .endOfFile {
            if current.kind == .dedent {
                advance()
                continue
            }
            parseStatementRecovering(into: &statements)
        }
        return statements
    }

    // MARK: Tokens

    var current: Token { file.tokens[index] }

    func peekToken(_ distance: Int = 1) -> Token {
        file.tokens[min(index + distance, file.tokens.count - 1)]
    }

    mutating func advance() {
        if index < file.tokens.count - 1 { index += 1 }
    }

    func text(_ token: Token) -> String { file.text(of: token) }

    func position(of token: Token) -> SourcePosition {
        if let fixedPosition { return fixedPosition }
        return SourcePosition(line: Int(token.line), column: file.column(of: token))
    }

    func isKeyword(_ keyword: Keyword, _ token: Token? = nil) -> Bool {
        (token ?? current).keyword == keyword
    }

    mutating func expect(_ kind: TokenKind, _ what: String) throws(SyntaxError) {
        guard current.kind == kind else { throw SyntaxError(token: current, message: "expected \(what)") }
        advance()
    }

    mutating func expectKeyword(_ keyword: Keyword) throws(SyntaxError) {
        guard isKeyword(keyword) else { throw SyntaxError(token: current, message: "expected '\(keyword.text)'") }
        advance()
    }

    mutating func expectName() throws(SyntaxError) -> String {
        guard current.kind == .name else { throw SyntaxError(token: current, message: "expected a name") }
        let name = text(current)
        advance()
        return name
    }

    @inline(__always)
    mutating func enterNesting() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw nestingError() }
    }

    func nestingError() -> SyntaxError {
        SyntaxError(
            token: current,
            message: "nesting is deeper than \(Self.maximumDepth) levels; this statement is not analyzed")
    }

    // MARK: Lists

    /// Estimates the number of items in the list at the current token: one more than its
    /// top-level commas before `closing`, or 0 for an empty list. It reads at most 64 tokens,
    /// so nested lists cost linear time, and a longer list grows as it is parsed.
    func estimatedItemCount(closing: TokenKind) -> Int {
        let tokens = file.tokens
        guard tokens[index].kind != closing else { return 0 }
        var count = 1
        var open = 0
        for token in tokens[index..<min(index + 64, tokens.count)] {
            switch token.kind {
            case .leftParenthesis, .leftBracket, .leftBrace: open += 1
            case .rightParenthesis, .rightBracket, .rightBrace:
                if open == 0 { return count }
                open -= 1
            case .comma where open == 0: count += 1
            case .newline, .endOfFile: return count
            case closing where open == 0: return count
            default: break
            }
        }
        return count
    }

    /// Returns a list that contains `first`, with room for the rest of the list it starts
    /// as `estimatedItemCount(closing:)` finds it.
    func list<Element>(startingWith first: consuming Element, closing: TokenKind) -> [Element] {
        var items: [Element] = []
        items.reserveCapacity(estimatedItemCount(closing: closing))
        items.append(first)
        return items
    }

    // MARK: Recovery

    /// Appends the statements at the current token to `statements`, or none when they cannot
    /// be parsed.
    mutating func parseStatementRecovering(into statements: inout [Statement]) {
        let savedDepth = depth
        let savedCount = statements.count
        let start = index
        do {
            try parseStatement(into: &statements)
        } catch {
            statements.removeSubrange(savedCount...)
            depth = savedDepth
            record(error)
            skipToEndOfLogicalLine()
            if index == start { advance() }
        }
    }

    mutating func record(_ error: SyntaxError) {
        guard problems.count < Self.maximumReportedProblems else { return }
        problems.append(SyntaxProblem(position: position(of: error.token), message: error.message))
    }

    /// Skips the rest of a logical line. It stops before an `indent` or `dedent`, which only
    /// start a line, so blocks stay paired and an indented body ends where its `dedent` is.
    mutating func skipToEndOfLogicalLine() {
        while true {
            switch current.kind {
            case .newline: advance()
            case .endOfFile, .indent, .dedent: return
            default:
                advance()
                continue
            }
            return
        }
    }
}
