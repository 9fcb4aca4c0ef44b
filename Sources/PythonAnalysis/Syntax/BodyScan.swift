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

    mutating func step(_ token: Token, at position: Int) -> Step {
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
