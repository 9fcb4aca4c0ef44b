extension Parser {
    /// Comma-separated expressions; more than one (or a trailing comma) makes a tuple.
    mutating func parseExpressionList(allowsYield: Bool = false) throws(SyntaxError) -> Expression {
        if allowsYield && isKeyword(.yield) { return try parseYield() }
        let first = try parseStarredOrNamed()
        guard current.kind == .comma else { return first }
        var items = [first]
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
        case .otherOperator: return text(current) == "~"
        default: return false
        }
    }

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
        let value = try parseBoolean(.or)
        guard isKeyword(.if) else { return value }
        advance()
        let condition = try parseBoolean(.or)
        try expectKeyword(.else)
        return .conditional(value, condition: condition, otherwise: try parseExpression())
    }

    private mutating func parseBoolean(_ word: Keyword) throws(SyntaxError) -> Expression {
        let first = word == .or ? try parseBoolean(.and) : try parseNot()
        guard isKeyword(word) else { return first }
        var operands = [first]
        while isKeyword(word) {
            advance()
            operands.append(word == .or ? try parseBoolean(.and) : try parseNot())
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
        let first = try parseBitwiseOr()
        var rest: [(String, Expression)] = []
        while let comparison = comparisonOperator() {
            rest.append((comparison, try parseBitwiseOr()))
        }
        return rest.isEmpty ? first : .binary(first, rest)
    }

    /// Consumes and returns a comparison operator, if the current token starts one.
    private mutating func comparisonOperator() -> String? {
        if current.kind == .otherOperator {
            guard isComparisonSymbol(current) else { return nil }
            let symbol = text(current)
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

    /// `<`, `>`, `==`, `>=`, `<=` or `!=`, read from the token's bytes.
    private func isComparisonSymbol(_ token: Token) -> Bool {
        let start = Int(token.start)
        switch token.end - token.start {
        case 1:
            let byte = file.bytes[start]
            return byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        case 2:
            let first = file.bytes[start]
            guard file.bytes[start + 1] == UInt8(ascii: "=") else { return false }
            return first == UInt8(ascii: "=") || first == UInt8(ascii: ">") || first == UInt8(ascii: "<")
                || first == UInt8(ascii: "!")
        default:
            return false
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
        var expression = try parseFactor()
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

    private func binaryOperatorText() -> String? {
        switch current.kind {
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .percent: return "%"
        case .at: return "@"
        case .otherOperator: return text(current)
        default: return nil
        }
    }

    private mutating func parseFactor() throws(SyntaxError) -> Expression {
        let symbol: String
        switch current.kind {
        case .minus: symbol = "-"
        case .plus: symbol = "+"
        case .otherOperator where text(current) == "~": symbol = "~"
        default: return try parsePower()
        }
        advance()
        try enterNesting()
        defer { depth -= 1 }
        return .unary(symbol, try parseFactor())
    }

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
        var expression = try parseAtom()
        let startingDepth = depth
        defer { depth = startingDepth }
        while true {
            switch current.kind {
            case .dot:
                advance()
                let position = position(of: current)
                expression = .attribute(expression, try expectName(), position)
            case .leftParenthesis:
                let position = position(of: current)
                advance()
                expression = .call(expression, try parseArguments(), position)
            case .leftBracket:
                advance()
                expression = .subscript(expression, try parseSubscripts())
            default:
                return expression
            }
            try enterNesting()
        }
    }
}
