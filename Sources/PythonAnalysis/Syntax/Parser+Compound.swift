extension Parser {
    /// Appends the compound statement starting at the current name to `statements`. Returns
    /// false, and appends nothing, when the name starts a simple statement.
    mutating func parseCompoundStatement(into statements: inout [Statement]) throws(SyntaxError) -> Bool {
        switch current.keyword {
        case .def: statements.append(.function(try parseFunction(decorators: [])))
        case .class: statements.append(.classDefinition(try parseClass(decorators: [])))
        case .if, .while: statements.append(try parseConditional())
        case .for: statements.append(try parseFor())
        case .try: try parseTry(into: &statements)
        case .with: statements.append(try parseWith())
        case .async:
            let next = peekToken()
            guard next.kind == .name else { return false }
            advance()
            return try parseCompoundStatement(into: &statements)
        case .match where isSoftKeywordHeader():
            statements.append(try parseGenericBlock())
        default:
            return false
        }
        return true
    }

    mutating func parseDecorated() throws(SyntaxError) -> Statement {
        var decorators: [Expression] = []
        while current.kind == .at {
            advance()
            decorators.append(try parseNamedExpression())
            try expect(.newline, "a line break after the decorator")
        }
        if isKeyword(.async) { advance() }
        if isKeyword(.def) { return .function(try parseFunction(decorators: decorators)) }
        if isKeyword(.class) { return .classDefinition(try parseClass(decorators: decorators)) }
        throw SyntaxError(token: current, message: "expected 'def' or 'class' after a decorator")
    }

    private mutating func parseFunction(decorators: [Expression]) throws(SyntaxError) -> FunctionDefinition {
        let position = position(of: current)
        advance()
        let name = try expectName()
        try skipTypeParameters()
        try expect(.leftParenthesis, "'('")
        let parameters = try parseParameters(closing: .rightParenthesis)
        try expect(.rightParenthesis, "')'")
        var returnAnnotation: Expression?
        if current.kind == .arrow {
            advance()
            returnAnnotation = try parseExpression()
        }
        let deferred = defersFunctionBodies ? deferBody(firstParameter: parameters.first?.name) : nil
        let body = deferred == nil ? try parseSuite() : []
        return FunctionDefinition(
            name: name, parameters: parameters, decorators: decorators, returnAnnotation: returnAnnotation,
            body: body, position: position, deferredBody: deferred)
    }

    private mutating func parseClass(decorators: [Expression]) throws(SyntaxError) -> ClassDefinition {
        let position = position(of: current)
        advance()
        let name = try expectName()
        try skipTypeParameters()
        var bases: [Argument] = []
        if current.kind == .leftParenthesis {
            advance()
            bases = try parseArguments()
        }
        let body = try parseSuite()
        return ClassDefinition(name: name, bases: bases, decorators: decorators, body: body, position: position)
    }

    private mutating func skipTypeParameters() throws(SyntaxError) {
        guard current.kind == .leftBracket else { return }
        var open = 0
        repeat {
            if current.kind == .leftBracket { open += 1 }
            if current.kind == .rightBracket { open -= 1 }
            if current.kind == .newline || current.kind == .endOfFile {
                throw SyntaxError(token: current, message: "unclosed type parameter list")
            }
            advance()
        } while open > 0
    }

    /// Parameters of a `def` (up to `)`) or a `lambda` (up to `:`).
    mutating func parseParameters(closing: TokenKind) throws(SyntaxError) -> [Parameter] {
        var parameters: [Parameter] = []
        parameters.reserveCapacity(estimatedItemCount(closing: closing))
        while current.kind != closing {
            var kind = Parameter.Kind.normal
            if current.kind == .star || current.kind == .doubleStar {
                kind = current.kind == .star ? .variadicPositional : .variadicKeyword
                advance()
            } else if current.kind == .slash {
                advance()
                if current.kind == .comma { advance() }
                continue
            }
            if current.kind == .name {
                let name = try expectName()
                var annotation: Expression?
                if closing == .rightParenthesis && current.kind == .colon {
                    advance()
                    annotation = try parseExpression()
                }
                var defaultValue: Expression?
                if current.kind == .equal {
                    advance()
                    defaultValue = try parseExpression()
                }
                parameters.append(
                    Parameter(name: name, kind: kind, defaultValue: defaultValue, annotation: annotation))
            } else if kind != .variadicPositional {
                throw SyntaxError(token: current, message: "expected a parameter name")
            }
            guard current.kind == .comma else { break }
            advance()
        }
        return parameters
    }

    private mutating func parseConditional() throws(SyntaxError) -> Statement {
        var headers: [Expression] = []
        var body: [Statement] = []
        repeat {
            advance()
            headers.append(try parseNamedExpression())
            body += try parseSuite()
        } while isKeyword(.elif)
        if isKeyword(.else) {
            advance()
            body += try parseSuite()
        }
        return .block(headers: headers, body: body)
    }

    private mutating func parseFor() throws(SyntaxError) -> Statement {
        advance()
        let target = try parseTargetList()
        try expectKeyword(.in)
        let iterable = try parseExpressionList()
        var body = try parseSuite()
        if isKeyword(.else) {
            advance()
            body += try parseSuite()
        }
        return .forLoop(target: target, iterable: iterable, body: body)
    }

    /// Appends the `try` block, then each handler and each `else` or `finally` block.
    private mutating func parseTry(into statements: inout [Statement]) throws(SyntaxError) {
        advance()
        statements.append(.block(headers: [], body: try parseSuite()))
        while isKeyword(.except) {
            advance()
            if current.kind == .star { advance() }
            var type: Expression?
            var name: String?
            if current.kind != .colon {
                type = try parseExpressionList()
                if isKeyword(.as) {
                    advance()
                    name = try expectName()
                }
            }
            statements.append(.exceptHandler(type: type, name: name, body: try parseSuite()))
        }
        while isKeyword(.else) || isKeyword(.finally) {
            advance()
            statements.append(.block(headers: [], body: try parseSuite()))
        }
    }

    private mutating func parseWith() throws(SyntaxError) -> Statement {
        advance()
        let isParenthesized = current.kind == .leftParenthesis && parenthesesHoldWithItems()
        if isParenthesized { advance() }
        var items: [(Expression, Expression?)] = []
        while true {
            let context = try parseExpression()
            var target: Expression?
            if isKeyword(.as) {
                advance()
                target = try parseTarget()
            }
            items.append((context, target))
            guard current.kind == .comma else { break }
            advance()
            if isParenthesized && current.kind == .rightParenthesis { break }
        }
        if isParenthesized { try expect(.rightParenthesis, "')'") }
        return .with(items: items, body: try parseSuite())
    }

    /// True when the parenthesis after `with` encloses the items (`with (a as b, c):`), not
    /// the first context expression (`with (a or b) as c:`).
    private func parenthesesHoldWithItems() -> Bool {
        var open = 0
        var distance = 0
        while true {
            let token = peekToken(distance)
            switch token.kind {
            case .leftParenthesis, .leftBracket, .leftBrace: open += 1
            case .rightParenthesis, .rightBracket, .rightBrace:
                open -= 1
                if open == 0 { return peekToken(distance + 1).kind == .colon }
            case .newline, .endOfFile: return false
            default: break
            }
            distance += 1
        }
    }

    private func isSoftKeywordHeader() -> Bool {
        var distance = 1
        var open = 0
        var lastKind = current.kind
        while true {
            let token = peekToken(distance)
            switch token.kind {
            case .leftParenthesis, .leftBracket, .leftBrace: open += 1
            case .rightParenthesis, .rightBracket, .rightBrace: open -= 1
            case .newline, .endOfFile: return lastKind == .colon && distance > 2 && open == 0
            default: break
            }
            lastKind = token.kind
            distance += 1
        }
    }

    /// `match subject:` with `case pattern:` blocks. Patterns are skipped; bodies are read.
    private mutating func parseGenericBlock() throws(SyntaxError) -> Statement {
        advance()
        let subject = try parseExpressionList()
        try expect(.colon, "':'")
        try expect(.newline, "a line break")
        try expect(.indent, "an indented block")
        try enterNesting()
        defer { depth -= 1 }
        var body: [Statement] = []
        while current.kind != .dedent && current.kind != .endOfFile {
            guard isKeyword(.case) else {
                parseStatementRecovering(into: &body)
                continue
            }
            var open = 0
            while current.kind != .colon || open > 0 {
                switch current.kind {
                case .leftParenthesis, .leftBracket, .leftBrace: open += 1
                case .rightParenthesis, .rightBracket, .rightBrace: open -= 1
                case .newline, .endOfFile:
                    throw SyntaxError(token: current, message: "expected ':' after the case pattern")
                default: break
                }
                advance()
            }
            body += try parseSuite()
        }
        if current.kind == .dedent { advance() }
        return .block(headers: [subject], body: body)
    }
}
