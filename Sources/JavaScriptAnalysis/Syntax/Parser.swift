/// A statement or expression the parser could not read, with where it starts.
struct SyntaxProblem: Sendable, Hashable {
    var message: String
    var position: Position
}

/// A tolerant recursive-descent parser for JavaScript and TypeScript that keeps what the
/// analysis needs (bindings, calls, object literals, functions, modules) and skips type
/// annotations. It records a problem and moves on where it cannot read, limits nesting, and
/// looks ahead through a table of matching brackets, so it ends in linear time on any input.
struct Parser {
    let unit: SourceUnit
    let file: TokenizedFile
    let isTypeScript: Bool
    var index = 0
    var depth = 0
    private(set) var problems: [SyntaxProblem] = []
    private(set) var problemCount = 0
    /// For each opening bracket token, the index of its closing token (or the end of file).
    let matching: [Int32]

    static let maximumDepth = 200
    static let maximumListedProblems = 20

    init(file: TokenizedFile, isTypeScript: Bool) {
        self.init(unit: SourceUnit(file: file, isTypeScript: isTypeScript), index: 0)
    }

    /// Creates a parser that starts at token `index` of the unit's file.
    init(unit: SourceUnit, index: Int) {
        self.unit = unit
        self.file = unit.file
        self.isTypeScript = unit.isTypeScript
        self.matching = unit.matching
        self.index = index
    }

    mutating func parseProgram() -> [Statement] {
        var statements: [Statement] = []
        while !atEnd {
            let before = index
            statements.append(parseStatement())
            if index == before {
                report("unexpected '\(file.text(of: current))'")
                index += 1
            }
        }
        return statements
    }

    // MARK: Tokens

    /// The token at the position, or the end-of-file token once the position has passed it.
    var current: Token { file.tokens[min(index, file.tokens.count - 1)] }
    var atEnd: Bool { current.kind == .endOfFile }

    func token(at offset: Int) -> Token { file.tokens[min(index + offset, file.tokens.count - 1)] }

    @inline(__always)
    func check(_ text: StaticString) -> Bool {
        let token = current
        return (token.kind == .punctuator || token.kind == .identifier) && file.token(token, is: text)
    }

    func check(_ text: StaticString, at offset: Int) -> Bool {
        let token = token(at: offset)
        return (token.kind == .punctuator || token.kind == .identifier) && file.token(token, is: text)
    }

    mutating func eat(_ text: StaticString) -> Bool {
        guard check(text) else { return false }
        index += 1
        return true
    }

    mutating func expect(_ text: StaticString) {
        if !eat(text) { report("expected '\(text)' before '\(file.text(of: current))'") }
    }

    var position: Position { position(of: current) }

    func position(of token: Token) -> Position {
        Position(line: Int(token.line), column: file.column(of: Int(token.start), line: Int(token.line)))
    }

    var identifierText: String? { current.kind == .identifier ? file.text(of: current) : nil }

    mutating func report(_ message: String) {
        problemCount += 1
        if problems.count < Self.maximumListedProblems {
            problems.append(SyntaxProblem(message: message, position: position))
        }
    }

    /// Moves past the current token, or past its whole bracketed group when it opens one.
    mutating func skipTokenOrGroup() {
        index = min(index, file.tokens.count - 1)
        let closing = matching[index]
        index = closing >= 0 ? min(Int(closing) + 1, file.tokens.count - 1) : min(index + 1, file.tokens.count - 1)
    }

    /// Skips to the end of a statement after a problem: a `;`, a line break or a closing brace.
    mutating func skipStatementRest() {
        while !atEnd && !check("}") {
            if eat(";") { return }
            skipTokenOrGroup()
            if current.followsLineBreak { return }
        }
    }

    /// Skips a parameter list, to be parsed when the function first runs, and returns the
    /// index of its `(`. Returns `nil` without moving when no `(` is here.
    mutating func deferParameters() -> Int? {
        guard check("(") else { return nil }
        let start = index
        skipTokenOrGroup()
        return start
    }

    /// Skips a function's block body, to be parsed when the function first runs. Returns `nil`
    /// when no block follows.
    mutating func deferBlock(prelude: [Statement] = []) -> DeferredBody? {
        guard check("{") else { return nil }
        let body = DeferredBody(unit: unit, braceIndex: index, prelude: prelude)
        skipTokenOrGroup()
        return body
    }

    /// Ends a statement: a `;`, or a line break, `}` or the end of the file before the next token.
    mutating func endStatement() {
        if eat(";") || atEnd || check("}") || current.followsLineBreak { return }
        report("expected ';' or a line break before '\(file.text(of: current))'")
        skipStatementRest()
    }

    static func matchBrackets(_ file: TokenizedFile) -> [Int32] {
        let tokens = file.tokens
        var matching = [Int32](repeating: -1, count: tokens.count)
        var open: [(index: Int, closer: UInt8)] = []
        for (position, token) in tokens.enumerated() where token.kind == .punctuator && token.end - token.start == 1 {
            let byte = file.bytes[Int(token.start)]
            switch byte {
            case UInt8(ascii: "("): open.append((position, UInt8(ascii: ")")))
            case UInt8(ascii: "["): open.append((position, UInt8(ascii: "]")))
            case UInt8(ascii: "{"): open.append((position, UInt8(ascii: "}")))
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                var probe = open.count - 1
                while probe >= 0 && open.count - probe <= 64 && open[probe].closer != byte { probe -= 1 }
                guard probe >= 0 && open.count - probe <= 64 else { continue }
                let match = probe
                while open.count > match + 1 { matching[open.removeLast().index] = Int32(position) }
                matching[open.removeLast().index] = Int32(position)
            default: continue
            }
        }
        for unclosed in open { matching[unclosed.index] = Int32(tokens.count - 1) }
        return matching
    }
}
