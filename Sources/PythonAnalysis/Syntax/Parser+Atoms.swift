extension Parser {
    mutating func parseAtom() throws(SyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .name:
            let name = text(token)
            if token.keyword.isReserved {
                throw SyntaxError(token: token, message: "unexpected '\(name)'")
            }
            advance()
            if isConstant(token) { return .constant(name) }
            return .name(name, position(of: token))
        case .number:
            advance()
            return .number(text(token))
        case .string:
            return .string(try parseStrings())
        case .ellipsis:
            advance()
            return .constant("...")
        case .leftParenthesis:
            return try parseParenthesized()
        case .leftBracket:
            advance()
            try enterNesting()
            defer { depth -= 1 }
            let items = try parseSequenceItems(closing: .rightBracket)
            return items.comprehension ?? .list(items.elements)
        case .leftBrace:
            return try parseBraces()
        default:
            throw SyntaxError(token: token, message: "unexpected '\(text(token))'")
        }
    }

    /// True when the name token spells `True`, `False` or `None`.
    func isConstant(_ token: Token) -> Bool {
        let bytes = file.bytes
        let start = Int(token.start)
        switch token.end - token.start {
        case 4:
            let rest = (bytes[start + 1], bytes[start + 2], bytes[start + 3])
            switch bytes[start] {
            case UInt8(ascii: "T"): return rest == (UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e"))
            case UInt8(ascii: "N"): return rest == (UInt8(ascii: "o"), UInt8(ascii: "n"), UInt8(ascii: "e"))
            default: return false
            }
        case 5:
            return bytes[start] == UInt8(ascii: "F") && bytes[start + 1] == UInt8(ascii: "a")
                && bytes[start + 2] == UInt8(ascii: "l") && bytes[start + 3] == UInt8(ascii: "s")
                && bytes[start + 4] == UInt8(ascii: "e")
        default:
            return false
        }
    }

    /// Adjacent string literals, which Python joins into one. The first literal's parts are
    /// kept as they are, so a lone literal costs no second array.
    private mutating func parseStrings() throws(SyntaxError) -> [StringPart] {
        var parts = try StringLiteral.parts(of: current, in: file, depth: depth, fixedPosition: fixedPosition)
        advance()
        while current.kind == .string {
            parts += try StringLiteral.parts(of: current, in: file, depth: depth, fixedPosition: fixedPosition)
            advance()
        }
        return parts
    }

    private mutating func parseParenthesized() throws(SyntaxError) -> Expression {
        advance()
        try enterNesting()
        defer { depth -= 1 }
        if current.kind == .rightParenthesis {
            advance()
            return .tuple([])
        }
        if isKeyword(.yield) {
            let value = try parseYield()
            try expect(.rightParenthesis, "')'")
            return value
        }
        let first = try parseStarredOrNamed()
        if startsComprehension {
            let comprehension = try parseComprehension(element: first)
            try expect(.rightParenthesis, "')'")
            return comprehension
        }
        guard current.kind == .comma else {
            try expect(.rightParenthesis, "')'")
            return first
        }
        var items = list(startingWith: first, closing: .rightParenthesis)
        while current.kind == .comma {
            advance()
            if current.kind == .rightParenthesis { break }
            items.append(try parseStarredOrNamed())
        }
        try expect(.rightParenthesis, "')'")
        return .tuple(items)
    }

    private mutating func parseSequenceItems(
        closing: TokenKind
    ) throws(SyntaxError) -> (elements: [Expression], comprehension: Expression?) {
        var elements: [Expression] = []
        while current.kind != closing {
            let element = try parseStarredOrNamed()
            if elements.isEmpty && startsComprehension {
                let comprehension = try parseComprehension(element: element)
                try expect(closing, "a closing bracket")
                return ([], comprehension)
            }
            if elements.isEmpty { elements.reserveCapacity(estimatedItemCount(closing: closing)) }
            elements.append(element)
            guard current.kind == .comma else { break }
            advance()
        }
        try expect(closing, "a closing bracket")
        return (elements, nil)
    }

    private mutating func parseBraces() throws(SyntaxError) -> Expression {
        advance()
        try enterNesting()
        defer { depth -= 1 }
        if current.kind == .rightBrace {
            advance()
            return .dictionary([])
        }
        if current.kind != .doubleStar {
            let first = try parseStarredOrNamed()
            if current.kind != .colon {
                if startsComprehension {
                    let comprehension = try parseComprehension(element: first)
                    try expect(.rightBrace, "'}'")
                    return comprehension
                }
                var items = list(startingWith: first, closing: .rightBrace)
                while current.kind == .comma {
                    advance()
                    if current.kind == .rightBrace { break }
                    items.append(try parseStarredOrNamed())
                }
                try expect(.rightBrace, "'}'")
                return .set(items)
            }
            advance()
            let value = try parseExpression()
            if startsComprehension {
                let comprehension = try parseComprehension(element: .tuple([first, value]))
                try expect(.rightBrace, "'}'")
                return comprehension
            }
            return try parseDictionaryEntries(startingWith: list(startingWith: (first, value), closing: .rightBrace))
        }
        var entries: [(Expression?, Expression)] = []
        entries.reserveCapacity(estimatedItemCount(closing: .rightBrace))
        return try parseDictionaryEntries(startingWith: entries)
    }

    private mutating func parseDictionaryEntries(
        startingWith entries: consuming [(Expression?, Expression)]
    ) throws(SyntaxError) -> Expression {
        var entries = entries
        if !entries.isEmpty {
            guard current.kind == .comma else {
                try expect(.rightBrace, "'}'")
                return .dictionary(entries)
            }
            advance()
        }
        while current.kind != .rightBrace {
            if current.kind == .doubleStar {
                advance()
                entries.append((nil, try parseBitwiseOr()))
            } else {
                let key = try parseExpression()
                try expect(.colon, "':' in the dictionary")
                entries.append((key, try parseExpression()))
            }
            guard current.kind == .comma else { break }
            advance()
        }
        try expect(.rightBrace, "'}'")
        return .dictionary(entries)
    }

    /// True when the current token starts a comprehension's `for` clause.
    var startsComprehension: Bool {
        isKeyword(.for) || (isKeyword(.async) && isKeyword(.for, peekToken()))
    }

    /// Parses the `for target in iterable if condition ...` clauses after a comprehension's
    /// element, where `startsComprehension` is true.
    mutating func parseComprehension(element: consuming Expression) throws(SyntaxError) -> Expression {
        var clauses: [ComprehensionClause] = []
        while isKeyword(.for) || isKeyword(.async) {
            if isKeyword(.async) { advance() }
            advance()
            let target = try parseTargetList()
            try expectKeyword(.in)
            var clause = ComprehensionClause(target: target, iterable: try parseComprehensionClause(), conditions: [])
            while isKeyword(.if) {
                advance()
                clause.conditions.append(try parseComprehensionClause())
            }
            clauses.append(clause)
        }
        return .comprehension(element, clauses)
    }

    private mutating func parseComprehensionClause() throws(SyntaxError) -> Expression {
        // A comprehension's iterable and conditions stop before `if` and `for`, so they are
        // parsed without the conditional expression form.
        let saved = index
        let value = try parseExpressionWithoutConditional()
        if index == saved { throw SyntaxError(token: current, message: "expected an expression") }
        return value
    }

    private mutating func parseExpressionWithoutConditional() throws(SyntaxError) -> Expression {
        if isKeyword(.lambda) { return try parseExpression() }
        try enterNesting()
        defer { depth -= 1 }
        var operands = [try parseAndTest()]
        while isKeyword(.or) {
            advance()
            operands.append(try parseAndTest())
        }
        return operands.count == 1 ? operands[0] : .boolean("or", operands)
    }

    private mutating func parseAndTest() throws(SyntaxError) -> Expression {
        var operands = [try parseNotTest()]
        while isKeyword(.and) {
            advance()
            operands.append(try parseNotTest())
        }
        return operands.count == 1 ? operands[0] : .boolean("and", operands)
    }

    private mutating func parseNotTest() throws(SyntaxError) -> Expression {
        guard isKeyword(.not) else { return try parseComparison() }
        advance()
        try enterNesting()
        defer { depth -= 1 }
        return .unary("not", try parseNotTest())
    }

    /// Targets of `for` and `with ... as`: names, attributes, subscripts and tuples of them.
    mutating func parseTargetList() throws(SyntaxError) -> Expression {
        let first = try parseTarget()
        guard current.kind == .comma else { return first }
        var items = list(startingWith: first, closing: .equal)
        while current.kind == .comma {
            advance()
            if isKeyword(.in) || current.kind == .equal { break }
            items.append(try parseTarget())
        }
        return .tuple(items)
    }

    mutating func parseTarget() throws(SyntaxError) -> Expression {
        if current.kind == .star {
            advance()
            return .starred(try parseTarget())
        }
        return try parsePrimary()
    }
}
