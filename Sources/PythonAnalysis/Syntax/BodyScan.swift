/// The result of the token scan over a function body in `Parser.deferBody(firstParameter:)`.
struct BodyScan {
    /// The deepest block nesting in the body, counting the body itself as 1.
    private(set) var deepestLevel = 1
    private(set) var mayAssignFirstParameterAttribute = false
    /// The logical lines with `first.name` before a top-level `=`, where `first` is the
    /// function's first parameter.
    private(set) var attributeLines: [(start: Int, level: Int)] = []
    /// False when one of `attributeLines` would not be parsed as a statement of its own.
    private(set) var attributeLinesParseAlone = true

    /// The state of the logical line being scanned.
    private struct Line {
        /// The index of the line's first token, or -1 before it.
        var start = -1
        var level = 1
        var parsesAlone = true
        var assignsAttribute = false
        /// Set at `first.name` until the line ends.
        var readsAttribute = false
        var followsIndent = true
        var isDecorator = false
        var brackets = 0
        var lastKind = TokenKind.newline
    }

    /// Scans the block from `start`, just after its `indent`. Returns the index of the
    /// `dedent` that ends it with the scan, or `nil` when the body must be parsed at once:
    /// for a nested `def` or `class`, `global`, `nonlocal`, a `match` statement, or a file
    /// that ends first.
    static func scan(
        _ tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        firstParameter: UnsafeBufferPointer<UInt8>?
    ) -> (end: Int, scan: BodyScan)? {
        var scan = BodyScan()
        var level = 1
        var line = Line()
        var previousLineOpensBlock = false
        let firstParameterLength = firstParameter.map { Int32($0.count) } ?? -1
        let plainKinds = Self.plainKinds
        var position = start - 1
        while true {
            position += 1
            if line.start >= 0 {
                position = skipPlainTokens(
                    tokens, from: position, line: &line, kinds: plainKinds, nameLength: firstParameterLength)
            }
            guard position < tokens.count else { return nil }
            let token = tokens[position]
            switch token.kind {
            case .indent:
                level += 1
                scan.deepestLevel = max(scan.deepestLevel, level)
                line.followsIndent = true
                continue
            case .dedent:
                level -= 1
                line.followsIndent = false
                if level == 0 { return (position, scan) }
                continue
            case .newline:
                scan.end(line)
                previousLineOpensBlock = line.lastKind == .colon || line.isDecorator
                line = Line(followsIndent: false)
                continue
            case .endOfFile:
                return nil
            default:
                break
            }
            if line.start < 0 {
                guard token.keyword != .match else { return nil }
                line.start = position
                line.level = level
                line.isDecorator = token.kind == .at
                line.parsesAlone = parsesAlone(token.keyword, line, previousLineOpensBlock: previousLineOpensBlock)
            }
            switch token.kind {
            case .leftParenthesis, .leftBracket, .leftBrace, .rightParenthesis, .rightBracket, .rightBrace:
                if line.readsAttribute { line.brackets = nest(line.brackets, token.kind) }
            case .equal where line.brackets == 0 && line.readsAttribute:
                scan.mayAssignFirstParameterAttribute = true
                line.assignsAttribute = true
            case .name:
                if endsScan(token.keyword) { return nil }
                // `first.name`, or `(first).name`, which the parser reads the same way.
                if token.end - token.start == firstParameterLength, let firstParameter, position + 2 < tokens.count,
                    tokens[position + 1].kind == .dot && tokens[position + 2].kind == .name
                        || tokens[position + 1].kind == .rightParenthesis,
                    spells(token, firstParameter, in: bytes), !line.readsAttribute
                {
                    // Brackets are counted only from here, so count those before.
                    line.readsAttribute = true
                    line.brackets = tokens[line.start..<position].reduce(0) { nest($0, $1.kind) }
                }
            default:
                break
            }
            line.lastKind = token.kind
        }
    }

    /// Returns the bracket depth after `kind`. A closing bracket at depth 0 is ignored.
    @inline(__always) private static func nest(_ brackets: Int, _ kind: TokenKind) -> Int {
        switch kind {
        case .leftParenthesis, .leftBracket, .leftBrace: return brackets + 1
        case .rightParenthesis, .rightBracket, .rightBrace: return max(0, brackets - 1)
        default: return brackets
        }
    }

    /// The kinds that, once a line has started, change nothing but `Line.lastKind` unless
    /// they are names, which may be keywords or the first parameter. Brackets and `=` count
    /// too until the line reads an attribute of the first parameter.
    private static let plainKinds: (beforeAttribute: UInt64, afterAttribute: UInt64) = {
        let block: [TokenKind] = [.indent, .dedent, .newline, .endOfFile]
        let brackets: [TokenKind] = [
            .leftParenthesis, .rightParenthesis, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .equal,
        ]
        let before = block.reduce(~UInt64(0)) { $0 & ~(1 << UInt64($1.rawValue)) }
        return (before, brackets.reduce(before) { $0 & ~(1 << UInt64($1.rawValue)) })
    }()

    /// Steps over the tokens from `position` that change nothing but `line.lastKind`: plain
    /// kinds but names, and names that do not end the scan and are not `nameLength` bytes long. Returns the
    /// index of the first other token, or `tokens.count`.
    @inline(__always) private static func skipPlainTokens(
        _ tokens: UnsafeBufferPointer<Token>, from start: Int, line: inout Line,
        kinds: (beforeAttribute: UInt64, afterAttribute: UInt64), nameLength: Int32
    ) -> Int {
        let plainKinds = line.readsAttribute ? kinds.afterAttribute : kinds.beforeAttribute
        var position = start
        while position < tokens.count {
            let token = tokens[position]
            guard plainKinds & (1 &<< UInt64(token.kind.rawValue)) != 0 else { break }
            if token.kind == .name && (endsScan(token.keyword) || token.end - token.start == nameLength) { break }
            position += 1
        }
        if position > start { line.lastKind = tokens[position - 1].kind }
        return position
    }

    /// Returns whether `keyword` ends the scan wherever it appears in a line.
    @inline(__always) private static func endsScan(_ keyword: Keyword) -> Bool {
        keyword == .def || keyword == .class || keyword == .global || keyword == .nonlocal
    }

    /// Returns whether a line starting with `keyword` parses as a statement of its own.
    private static func parsesAlone(_ keyword: Keyword, _ line: Line, previousLineOpensBlock: Bool) -> Bool {
        switch keyword {
        case .if, .while, .for, .try, .with, .async, .elif, .else, .except, .finally, .case:
            return false
        default:
            // A line right after a header without an indented block is skipped with the error.
            return !line.isDecorator && (line.followsIndent || !previousLineOpensBlock)
        }
    }

    private static func spells(
        _ token: Token, _ text: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let start = Int(token.start)
        guard Int(token.end) - start == text.count else { return false }
        for offset in 0..<text.count where bytes[start + offset] != text[offset] { return false }
        return true
    }

    private mutating func end(_ line: Line) {
        guard line.start >= 0, line.assignsAttribute else { return }
        attributeLines.append((line.start, line.level))
        if !line.parsesAlone { attributeLinesParseAlone = false }
    }
}
