/// The state of the token scan over a function body in `Parser.deferBody(firstParameter:)`.
struct BodyScan {
    enum Step { case `continue`, stop, end }

    var level = 1
    var deepestLevel = 1
    /// Set at `first.name`, where `first` is the function's first parameter, until the line ends.
    var readsFirstParameterAttribute = false
    private(set) var mayAssignFirstParameterAttribute = false
    /// The logical lines with `first.name` before a top-level `=`.
    private(set) var attributeLines: [(start: Int, level: Int)] = []
    /// False when one of `attributeLines` would not be parsed as a statement of its own.
    private(set) var attributeLinesParseAlone = true

    private var brackets = 0
    private var lineStart: Int?
    private var lineLevel = 1
    private var lineParsesAlone = true
    private var lineAssignsAttribute = false
    private var lineFollowsIndent = true
    private var lineIsDecorator = false
    /// True after a block header or decorator line, whose next line starts a block.
    private var previousLineOpensBlock = false
    private var lastKind = TokenKind.newline

    /// Scans the block from `start`, just after its `indent`. Returns the index of the
    /// `dedent` that ends it with the scan, or `nil` when the body must be parsed at once.
    static func scan(
        _ tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        firstParameter: [UInt8]?
    ) -> (end: Int, scan: BodyScan)? {
        var scan = BodyScan()
        for position in start..<tokens.count {
            let token = tokens[position]
            switch scan.step(token, at: position) {
            case .continue: break
            case .stop: return nil
            case .end: return (position, scan)
            }
            // `first.name`, or `(first).name`, which the parser reads the same way.
            if let firstParameter, token.kind == .name, position + 2 < tokens.count,
                tokens[position + 1].kind == .dot && tokens[position + 2].kind == .name
                    || tokens[position + 1].kind == .rightParenthesis,
                spells(token, firstParameter, in: bytes)
            {
                scan.readsFirstParameterAttribute = true
            }
        }
        return nil
    }

    private static func spells(_ token: Token, _ text: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(token.start)
        guard Int(token.end) - start == text.count else { return false }
        for offset in 0..<text.count where bytes[start + offset] != text[offset] { return false }
        return true
    }

    @inline(__always) mutating func step(_ token: Token, at position: Int) -> Step {
        switch token.kind {
        case .indent:
            level += 1
            deepestLevel = max(deepestLevel, level)
            lineFollowsIndent = true
            return .continue
        case .dedent:
            level -= 1
            lineFollowsIndent = false
            return level == 0 ? .end : .continue
        case .newline:
            endLine()
            return .continue
        case .endOfFile:
            return .stop
        default:
            break
        }
        if lineStart == nil && !startLine(token, at: position) { return .stop }
        switch token.kind {
        case .leftParenthesis, .leftBracket, .leftBrace:
            brackets += 1
        case .rightParenthesis, .rightBracket, .rightBrace:
            brackets = max(0, brackets - 1)
        case .equal where brackets == 0 && readsFirstParameterAttribute:
            mayAssignFirstParameterAttribute = true
            lineAssignsAttribute = true
        case .name where token.keyword == .def || token.keyword == .class:
            return .stop
        case .name where token.keyword == .global || token.keyword == .nonlocal:
            return .stop
        default:
            break
        }
        lastKind = token.kind
        return .continue
    }

    /// Records the first token of a logical line. Returns false for a `match` statement.
    private mutating func startLine(_ token: Token, at position: Int) -> Bool {
        lineStart = position
        lineLevel = level
        lineIsDecorator = token.kind == .at
        switch token.keyword {
        case .match: return false
        case .if, .while, .for, .try, .with, .async, .elif, .else, .except, .finally, .case:
            lineParsesAlone = false
        default:
            // A line right after a header without an indented block is skipped with the error.
            lineParsesAlone = !lineIsDecorator && (lineFollowsIndent || !previousLineOpensBlock)
        }
        return true
    }

    private mutating func endLine() {
        if let lineStart, lineAssignsAttribute {
            attributeLines.append((lineStart, lineLevel))
            if !lineParsesAlone { attributeLinesParseAlone = false }
        }
        previousLineOpensBlock = lastKind == .colon || lineIsDecorator
        lineStart = nil
        lineAssignsAttribute = false
        lineFollowsIndent = false
        readsFirstParameterAttribute = false
        brackets = 0
        lastKind = .newline
    }
}
