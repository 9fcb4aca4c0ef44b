extension Parser {
    mutating func parseStatement(into statements: inout [Statement]) throws(SyntaxError) {
        switch current.kind {
        case .indent:
            // An unexpected indent: read the block as if it were not indented.
            advance()
            statements.append(.block(headers: [], body: try parseBlockBody()))
            return
        case .at:
            statements.append(try parseDecorated())
            return
        case .name:
            if try parseCompoundStatement(into: &statements) { return }
        default:
            break
        }
        try parseSimpleStatements(into: &statements)
    }

    /// Statements up to the `dedent` that closes the block, which is consumed.
    mutating func parseBlockBody() throws(SyntaxError) -> [Statement] {
        try enterNesting()
        defer { depth -= 1 }
        var statements: [Statement] = []
        statements.reserveCapacity(4)
        while current.kind != .dedent && current.kind != .endOfFile {
            parseStatementRecovering(into: &statements)
        }
        if current.kind == .dedent { advance() }
        return statements
    }

    /// Parses the body after a compound statement's colon, an indented block or simple statements.
    mutating func parseSuite() throws(SyntaxError) -> [Statement] {
        try expect(.colon, "':'")
        guard current.kind == .newline else { return try parseSimpleStatements() }
        advance()
        guard current.kind == .indent else { throw SyntaxError(token: current, message: "expected an indented block") }
        advance()
        return try parseBlockBody()
    }

    mutating func parseSimpleStatements() throws(SyntaxError) -> [Statement] {
        var statements: [Statement] = []
        try parseSimpleStatements(into: &statements)
        return statements
    }

    /// Appends the simple statements of one logical line to `statements`.
    mutating func parseSimpleStatements(into statements: inout [Statement]) throws(SyntaxError) {
        statements.append(try parseSimpleStatement())
        while current.kind == .semicolon {
            advance()
            if current.kind == .newline || current.kind == .endOfFile { break }
            statements.append(try parseSimpleStatement())
        }
        if current.kind == .newline {
            advance()
        } else if current.kind != .endOfFile && current.kind != .dedent {
            throw SyntaxError(token: current, message: "unexpected '\(text(current))'")
        }
    }

    private mutating func parseSimpleStatement() throws(SyntaxError) -> Statement {
        if current.kind == .name {
            switch current.keyword {
            case .return:
                advance()
                return .returnValue(isEndOfSimpleStatement ? nil : try parseExpressionList())
            case .import: return try parseImport()
            case .from: return try parseFromImport()
            case .global, .nonlocal:
                let isGlobal = isKeyword(.global)
                advance()
                var names = [try expectName()]
                while current.kind == .comma {
                    advance()
                    names.append(try expectName())
                }
                return isGlobal ? .global(names) : .other([])
            case .pass, .break, .continue:
                advance()
                return .other([])
            case .del, .assert, .raise:
                advance()
                return .other(try parseExpressionsUntilEnd())
            case .type
            where peekToken().kind == .name && (peekToken(2).kind == .equal || peekToken(2).kind == .leftBracket):
                while !isEndOfSimpleStatement { advance() }
                return .other([])
            default: break
            }
        }
        return try parseExpressionStatement()
    }

    var isEndOfSimpleStatement: Bool {
        switch current.kind {
        case .newline, .semicolon, .endOfFile, .dedent: return true
        default: return false
        }
    }

    /// `raise x from y`, `assert a, b`, `del a, b`: the expressions, for the calls in them.
    private mutating func parseExpressionsUntilEnd() throws(SyntaxError) -> [Expression] {
        var expressions: [Expression] = []
        while !isEndOfSimpleStatement {
            if current.kind == .comma || isKeyword(.from) {
                advance()
                continue
            }
            expressions.append(try parseExpression())
        }
        return expressions
    }

    private mutating func parseExpressionStatement() throws(SyntaxError) -> Statement {
        let first = try parseExpressionList(allowsYield: true)
        switch current.kind {
        case .equal:
            var targets: [Expression] = []
            var value = first
            while current.kind == .equal {
                advance()
                targets.append(consume value)
                value = try parseExpressionList(allowsYield: true)
            }
            return .assignment(targets: targets, value: value)
        case .augmentedAssignment:
            advance()
            return .augmentedAssignment(target: first, value: try parseExpressionList(allowsYield: true))
        case .colon:
            advance()
            let annotation = try parseExpression()
            var value: Expression?
            if current.kind == .equal {
                advance()
                value = try parseExpressionList(allowsYield: true)
            }
            return .annotatedAssignment(target: first, annotation: annotation, value: value)
        default:
            return .expression(first)
        }
    }

    // MARK: Imports

    private mutating func parseImport() throws(SyntaxError) -> Statement {
        advance()
        var names: [ImportedName] = []
        repeat {
            if current.kind == .comma { advance() }
            let module = try parseDottedName()
            names.append(ImportedName(name: module, alias: try parseAlias()))
        } while current.kind == .comma
        return .importModules(names)
    }

    private mutating func parseFromImport() throws(SyntaxError) -> Statement {
        let position = position(of: current)
        advance()
        var level = 0
        while current.kind == .dot || current.kind == .ellipsis {
            level += current.kind == .dot ? 1 : 3
            advance()
        }
        if level == 0 && isKeyword(.import) {
            throw SyntaxError(token: current, message: "expected a module name after 'from'")
        }
        let module = isKeyword(.import) ? "" : try parseDottedName()
        try expectKeyword(.import)
        if current.kind == .star {
            advance()
            return .importFrom(level: level, module: module, names: [], position: position)
        }
        let isParenthesized = current.kind == .leftParenthesis
        if isParenthesized { advance() }
        var names: [ImportedName] = []
        while current.kind == .name {
            let name = try expectName()
            names.append(ImportedName(name: name, alias: try parseAlias()))
            guard current.kind == .comma else { break }
            advance()
        }
        if isParenthesized { try expect(.rightParenthesis, "')'") }
        guard !names.isEmpty else { throw SyntaxError(token: current, message: "expected a name to import") }
        return .importFrom(level: level, module: module, names: names, position: position)
    }

    private mutating func parseDottedName() throws(SyntaxError) -> String {
        var name = try expectName()
        while current.kind == .dot {
            advance()
            name += "." + (try expectName())
        }
        return name
    }

    private mutating func parseAlias() throws(SyntaxError) -> String? {
        guard isKeyword(.as) else { return nil }
        advance()
        return try expectName()
    }
}
