extension Parser {
    /// Comma-separated expressions; more than one (or a trailing comma) makes a tuple.
    mutating func parseExpressionList(allowsYield: Bool = false) throws(SyntaxError) -> Expression {
        if allowsYield && isKeyword(.yield) { return try parseYield() }
        let first = try parseStarredOrNamed()
        guard current.kind == .comma else { return first }
        var items = list(startingWith: first, closing: .equal)
        while current.kind == .comma {
            advance()
            if !startsExpression { break }
            items.append(try parseStarredOrNamed())
        }
        return .tuple(items)
    }

    /// True when the current token can begin an expression (used after a trailing comma).
    var startsExpression: Bool {
        switch current.kind {
        case .name:
            switch current.keyword {
            case .in, .if, .else, .for, .as, .from, .import: return false
            default: return true
            }
        case .number, .string, .leftParenthesis, .leftBracket, .leftBrace, .minus, .plus, .star, .doubleStar,
            .ellipsis:
            return true
        case .otherOperator: return isTilde
        default: return false
        }
    }

    @inline(__always)
    mutating func parseStarredOrNamed() throws(SyntaxError) -> Expression {
        if current.kind == .star {
            advance()
            return .starred(try parseBitwiseOr())
        }
        return try parseNamedExpression()
    }

    mutating func parseYield() throws(SyntaxError) -> Expression {
        advance()
        if isKeyword(.from) {
            advance()
            return .yield(try parseExpression())
        }
        return .yield(isEndOfSimpleStatement || current.kind == .rightParenthesis ? nil : try parseExpressionList())
    }

    /// `name := value` or an expression.
    @inline(__always)
    mutating func parseNamedExpression() throws(SyntaxError) -> Expression {
        if current.kind == .name && peekToken().kind == .walrus {
            let name = text(current)
            advance()
            advance()
            return .namedAssignment(name, try parseExpression())
        }
        return try parseExpression()
    }

    mutating func parseExpression() throws(SyntaxError) -> Expression {
        try enterNesting()
        defer { depth -= 1 }
        if isKeyword(.lambda) {
            advance()
            let parameters = try parseParameters(closing: .colon)
            try expect(.colon, "':' after the lambda parameters")
            return .lambda(parameters, try parseExpression())
        }
        let value = try parseDisjunction()
        guard isKeyword(.if) else { return value }
        advance()
        let condition = try parseDisjunction()
        try expectKeyword(.else)
        return .conditional(value, condition: condition, otherwise: try parseExpression())
    }

    /// Parses `or` and every tighter level.
    @inline(__always)
    private mutating func parseDisjunction() throws(SyntaxError) -> Expression {
        try continueBoolean(.or, from: try parseConjunction())
    }

    /// Parses `and` and every tighter level. An operand that no operator follows is returned at once,
    /// because each level it skips would return it unchanged.
    private mutating func parseConjunction() throws(SyntaxError) -> Expression {
        if isKeyword(.not) { return try continueBoolean(.and, from: try parseNot()) }
        let first = try parseFactor()
        guard continuesOperand else { return first }
        let comparison = try continueComparison(from: try continueBinary(level: 0, from: first))
        return try continueBoolean(.and, from: comparison)
    }

    /// True when the current token is an operator that some level from `if` down to the
    /// binary operators continues an operand with.
    private var continuesOperand: Bool {
        switch current.kind {
        case .plus, .minus, .star, .slash, .percent, .at, .otherOperator: return true
        case .name:
            switch current.keyword {
            case .and, .or, .not, .in, .is, .if: return true
            default: return false
            }
        default: return false
        }
    }

    /// Parses the rest of a `word` chain (`and` or `or`) after its first operand, `first`.
    @inline(__always)
    private mutating func continueBoolean(_ word: Keyword, from first: consuming Expression) throws(SyntaxError)
        -> Expression
    {
        guard isKeyword(word) else { return first }
        return try parseBooleanChain(word, from: first)
    }

    /// Parses a `word` chain whose first operand is `first`, at a token that spells `word`.
    private mutating func parseBooleanChain(_ word: Keyword, from first: consuming Expression) throws(SyntaxError)
        -> Expression
    {
        var operands: [Expression] = []
        operands.reserveCapacity(2)
        operands.append(first)
        while isKeyword(word) {
            advance()
            operands.append(word == .or ? try parseConjunction() : try parseNot())
        }
        return .boolean(word.text, operands)
    }

    private mutating func parseNot() throws(SyntaxError) -> Expression {
        guard isKeyword(.not) else { return try parseComparison() }
        advance()
        try enterNesting()
        defer { depth -= 1 }
        return .unary("not", try parseNot())
    }

    mutating func parseComparison() throws(SyntaxError) -> Expression {
        try continueComparison(from: try parseBitwiseOr())
    }

    /// Parses the rest of a comparison chain after its first operand, `first`.
    private mutating func continueComparison(from first: consuming Expression) throws(SyntaxError) -> Expression {
        guard let comparison = comparisonOperator() else { return first }
        var rest: [(String, Expression)] = [(comparison, try parseBitwiseOr())]
        while let comparison = comparisonOperator() {
            rest.append((comparison, try parseBitwiseOr()))
        }
        return .binary(first, rest)
    }

    /// Consumes and returns a comparison operator, if the current token starts one.
    private mutating func comparisonOperator() -> String? {
        if current.kind == .otherOperator {
            guard let symbol = comparisonSymbol(current) else { return nil }
            advance()
            return symbol
        }
        if isKeyword(.in) {
            advance()
            return "in"
        }
        if isKeyword(.not) && isKeyword(.in, peekToken()) {
            advance()
            advance()
            return "not in"
        }
        if isKeyword(.is) {
            advance()
            if isKeyword(.not) {
                advance()
                return "is not"
            }
            return "is"
        }
        return nil
    }

    /// Returns `<`, `>`, `==`, `>=`, `<=` or `!=` when the token's bytes spell one of them.
    private func comparisonSymbol(_ token: Token) -> String? {
        let start = Int(token.start)
        switch token.end - token.start {
        case 1:
            switch file.bytes[start] {
            case UInt8(ascii: "<"): return "<"
            case UInt8(ascii: ">"): return ">"
            default: return nil
            }
        case 2:
            guard file.bytes[start + 1] == UInt8(ascii: "=") else { return nil }
            switch file.bytes[start] {
            case UInt8(ascii: "="): return "=="
            case UInt8(ascii: ">"): return ">="
            case UInt8(ascii: "<"): return "<="
            case UInt8(ascii: "!"): return "!="
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Binary operator levels from the loosest: `|`, `^`, `&`, shifts, `+ -`, then `* / // % @`.
    private static let binaryLevelCount = 6

    mutating func parseBitwiseOr() throws(SyntaxError) -> Expression {
        try parseBinary(level: 0)
    }

    /// Operators at `level` and tighter. After the first operand, each operator found starts a
    /// chain at its level, whose operands take every tighter operator, so the next operator
    /// found is looser. The tree is the one a function per level would build.
    private mutating func parseBinary(level: Int) throws(SyntaxError) -> Expression {
        guard level < Self.binaryLevelCount else { return try parseFactor() }
        return try continueBinary(level: level, from: try parseFactor())
    }

    /// Parses the operators at `level` and tighter that follow the first operand, `first`.
    private mutating func continueBinary(level: Int, from first: consuming Expression) throws(SyntaxError) -> Expression
    {
        var expression = first
        while let operatorLevel = binaryOperatorLevel(), operatorLevel >= level {
            var rest: [(String, Expression)] = []
            while binaryOperatorLevel() == operatorLevel, let symbol = binaryOperatorText() {
                advance()
                rest.append((symbol, try parseBinary(level: operatorLevel + 1)))
            }
            expression = .binary(expression, rest)
        }
        return expression
    }

    /// The level of the binary operator at the current token, or `nil` when there is none.
    private func binaryOperatorLevel() -> Int? {
        switch current.kind {
        case .plus, .minus: return 4
        case .star, .slash, .percent, .at: return 5
        case .otherOperator: break
        default: return nil
        }
        let start = Int(current.start)
        let first = file.bytes[start]
        switch current.end - current.start {
        case 1:
            switch first {
            case UInt8(ascii: "|"): return 0
            case UInt8(ascii: "^"): return 1
            case UInt8(ascii: "&"): return 2
            default: return nil
            }
        case 2:
            let second = file.bytes[start + 1]
            guard first == second else { return nil }
            switch first {
            case UInt8(ascii: "<"), UInt8(ascii: ">"): return 3
            case UInt8(ascii: "/"): return 5
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Returns the text of the binary operator at the current token, which
    /// `binaryOperatorLevel()` has found.
    private func binaryOperatorText() -> String? {
        switch current.kind {
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .percent: return "%"
        case .at: return "@"
        case .otherOperator: break
        default: return nil
        }
        switch file.bytes[Int(current.start)] {
        case UInt8(ascii: "|"): return "|"
        case UInt8(ascii: "^"): return "^"
        case UInt8(ascii: "&"): return "&"
        case UInt8(ascii: "<"): return "<<"
        case UInt8(ascii: ">"): return ">>"
        case UInt8(ascii: "/"): return "//"
        default: return text(current)
        }
    }

    /// True when the current token is `~`.
    var isTilde: Bool {
        current.kind == .otherOperator && current.end - current.start == 1
            && file.bytes[Int(current.start)] == UInt8(ascii: "~")
    }

    /// Parses a unary operation or a power. Only a token that can be a unary operator leaves
    /// the inlined path.
    @inline(__always)
    private mutating func parseFactor() throws(SyntaxError) -> Expression {
        switch current.kind {
        case .minus, .plus, .otherOperator: return try parseUnary()
        default: return try parsePower()
        }
    }

    private mutating func parseUnary() throws(SyntaxError) -> Expression {
        let symbol: String
        switch current.kind {
        case .minus: symbol = "-"
        case .plus: symbol = "+"
        case .otherOperator where isTilde: symbol = "~"
        default: return try parsePower()
        }
        advance()
        try enterNesting()
        defer { depth -= 1 }
        return .unary(symbol, try parseFactor())
    }

    @inline(__always)
    private mutating func parsePower() throws(SyntaxError) -> Expression {
        var base: Expression
        if isKeyword(.await) {
            advance()
            try enterNesting()
            defer { depth -= 1 }
            base = .await(try parsePrimary())
        } else {
            base = try parsePrimary()
        }
        if current.kind == .doubleStar {
            advance()
            try enterNesting()
            defer { depth -= 1 }
            base = .binary(base, [("**", try parseFactor())])
        }
        return base
    }

    /// An atom followed by attribute, call and subscript trailers. Each trailer counts as a
    /// nesting level, because it deepens the tree the analysis walks.
    mutating func parsePrimary() throws(SyntaxError) -> Expression {
        var expression: Expression
        let token = current
        if token.kind == .name && !token.keyword.isReserved {
            // The most common atom, a name, is read here, the same way `parseAtom()` reads it.
            advance()
            let name = text(token)
            expression = isConstant(token) ? .constant(name) : .name(name, position(of: token))
        } else {
            expression = try parseAtom()
        }
        let startingDepth = depth
        defer { depth = startingDepth }
        while true {
            switch current.kind {
            case .dot:
                advance()
                let position = position(of: current)
                let name = try expectName()
                expression = .attribute(consume expression, name, position)
            case .leftParenthesis:
                let position = position(of: current)
                advance()
                let arguments = try parseArguments()
                expression = .call(consume expression, arguments, position)
            case .leftBracket:
                advance()
                let subscripts = try parseSubscripts()
                expression = .subscript(consume expression, subscripts)
            default:
                return expression
            }
            try enterNesting()
        }
    }
}
