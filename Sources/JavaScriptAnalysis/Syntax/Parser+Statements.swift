extension Parser {
    mutating func parseStatement() -> Statement {
        guard depth < Self.maximumDepth else {
            report(
                "statements nested too deeply to analyze; the parser stops at \(Self.maximumDepth) nested statements and expressions and skips the code inside"
            )
            skipTokenOrGroup()
            return .empty
        }
        depth += 1
        defer { depth -= 1 }
        if eat(";") { return .empty }
        if check("{") { return .block(parseBlock()) }
        if check("@") {
            skipDecorators()
            return parseStatement()
        }
        if current.kind == .identifier, let statement = parseKeywordStatement() { return statement }
        if current.kind == .identifier && check(":", at: 1) {
            index += 2
            return parseStatement()
        }
        let expression = parseExpression()
        endStatement()
        return .expression(expression)
    }

    mutating func parseBlock() -> [Statement] {
        guard check("{") else {
            report("expected '{' before '\(file.text(of: current))'")
            return [parseStatement()]
        }
        let closing = Int(matching[index])
        index += 1
        var statements: [Statement] = []
        while !atEnd && !check("}") {
            let before = index
            statements.append(parseStatement())
            if index == before {
                report("unexpected '\(file.text(of: current))'")
                index += 1
            }
            if index > closing && closing > 0 { break }
        }
        _ = eat("}")
        return statements
    }

    /// Reads a statement body: a block, or a single statement as a one-element list.
    mutating func parseBody() -> [Statement] {
        check("{") ? parseBlock() : [parseStatement()]
    }

    private mutating func parseKeywordStatement() -> Statement? {
        // Statement keywords are 2 to 9 lowercase letters, so most names need no string.
        let length = current.end - current.start
        guard length >= 2 && length <= 9, file.bytes[Int(current.start)] >= UInt8(ascii: "a"),
            let word = identifierText
        else { return nil }
        switch word {
        case "var", "let", "const":
            if word == "let" && !(token(at: 1).kind == .identifier || check("[", at: 1) || check("{", at: 1)) {
                return nil
            }
            if word == "const" && check("enum", at: 1) && isTypeScript {
                index += 1
                return parseEnum()
            }
            index += 1
            let declarations = parseVariableList()
            endStatement()
            return .variables(declarations)
        case "function": return parseFunctionDeclaration()
        case "async" where check("function", at: 1) && !token(at: 1).followsLineBreak:
            index += 1
            return parseFunctionDeclaration()
        case "class": return parseClassDeclaration()
        case "abstract" where check("class", at: 1):
            index += 1
            return parseClassDeclaration()
        case "if": return parseIf()
        case "for": return parseFor()
        case "while":
            index += 1
            let condition = parseParenthesized()
            return .loop(head: [.expression(condition)], body: parseBody())
        case "do": return parseDoWhile()
        case "return":
            index += 1
            let value = check(";") || check("}") || atEnd || current.followsLineBreak ? nil : parseExpression()
            endStatement()
            return .returnValue(value)
        case "throw":
            index += 1
            let value = parseExpression()
            endStatement()
            return .throwValue(value)
        case "break", "continue", "debugger":
            index += 1
            if current.kind == .identifier && !current.followsLineBreak { index += 1 }
            endStatement()
            return .empty
        case "try": return parseTry()
        case "switch": return parseSwitch()
        case "import" where !check("(", at: 1) && !check(".", at: 1): return parseImport()
        case "export": return parseExport()
        case "enum" where isTypeScript && token(at: 1).kind == .identifier && check("{", at: 2):
            return parseEnum()
        case "type", "interface", "declare", "namespace", "module", "abstract":
            return isTypeScript && token(at: 1).kind == .identifier && !token(at: 1).followsLineBreak
                ? skipTypeDeclaration() : nil
        default: return nil
        }
    }

    mutating func parseVariableList() -> [(Pattern, Expression?)] {
        var declarations: [(Pattern, Expression?)] = []
        repeat {
            let before = index
            let pattern = parseBindingPattern()
            _ = eat("!")
            if eat(":") { skipType() }
            let value = eat("=") ? parseAssignment() : nil
            declarations.append((pattern, value))
            if index == before { break }
        } while eat(",")
        return declarations
    }

    private mutating func parseIf() -> Statement {
        index += 1
        let condition = parseParenthesized()
        let thenBody = parseBody()
        let elseBody = eat("else") ? parseBody() : []
        return .ifElse(condition, thenBody, elseBody)
    }

    mutating func parseParenthesized() -> Expression {
        guard eat("(") else {
            report("expected '(' before '\(file.text(of: current))'")
            return .opaque
        }
        let expression = check(")") ? Expression.opaque : parseExpression()
        expect(")")
        return expression
    }

    private mutating func parseFor() -> Statement {
        index += 1
        _ = eat("await")
        guard check("(") else {
            report("expected '(' after 'for'")
            return .empty
        }
        let closing = Int(matching[index])
        index += 1
        let isDeclaration = check("const") || check("let") || check("var")
        if isDeclaration { index += 1 }
        let headStart = index
        if current.kind == .identifier || check("[") || check("{") {
            let pattern = parseBindingPattern()
            if eat("of") {
                let iterable = parseAssignment()
                expect(")")
                return .forOf(pattern, iterable, parseBody())
            }
            if eat("in") {
                let object = parseExpression()
                expect(")")
                return .forIn(pattern, object, parseBody())
            }
        }
        index = headStart
        var head: [Statement] = []
        while index < closing && !atEnd {
            if eat(";") || eat("in") { continue }
            let before = index
            if isDeclaration && head.isEmpty {
                head.append(.variables(parseVariableList()))
            } else {
                head.append(.expression(parseExpression()))
            }
            if index == before { index += 1 }
        }
        index = max(index, closing)
        expect(")")
        return .loop(head: head, body: parseBody())
    }

    private mutating func parseDoWhile() -> Statement {
        index += 1
        let body = parseBody()
        var head: [Statement] = []
        if eat("while") { head.append(.expression(parseParenthesized())) }
        _ = eat(";")
        return .loop(head: head, body: body)
    }

    private mutating func parseTry() -> Statement {
        index += 1
        let body = parseBlock()
        var binding: Pattern?
        var handler: [Statement] = []
        if eat("catch") {
            if eat("(") {
                binding = parseBindingPattern()
                if eat(":") { skipType() }
                expect(")")
            }
            handler = parseBlock()
        }
        let finalizer = eat("finally") ? parseBlock() : []
        return .tryCatch(body, binding, handler, finalizer)
    }

    private mutating func parseSwitch() -> Statement {
        index += 1
        let subject = parseParenthesized()
        guard eat("{") else { return .expression(subject) }
        var cases: [[Statement]] = []
        while !atEnd && !check("}") {
            if eat("case") {
                cases.append([.expression(parseExpression())])
                expect(":")
            } else if eat("default") {
                cases.append([])
                expect(":")
            } else {
                let before = index
                let statement = parseStatement()
                if cases.isEmpty { cases.append([]) }
                cases[cases.count - 1].append(statement)
                if index == before { index += 1 }
            }
        }
        expect("}")
        return .switchCases(subject, cases)
    }
}
