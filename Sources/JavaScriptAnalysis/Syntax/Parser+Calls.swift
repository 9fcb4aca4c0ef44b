extension Parser {
    /// Reads a primary expression followed by member accesses, calls and non-null assertions.
    /// Without `allowsCalls` it stops before call arguments, as after `new` and `extends`.
    mutating func parseLeftHandSide(allowsCalls: Bool) -> Expression {
        // Calls are located where their whole expression starts, as `client.send(...)` is.
        let expressionStart = position
        var expression: Expression
        if check("new") && !check(".", at: 1) {
            let start = position
            index += 1
            let constructor = parseLeftHandSide(allowsCalls: false)
            if isTypeScript && check("<") { _ = skipTypeArgumentsBeforeCall() }
            let arguments = check("(") ? parseArguments() : []
            expression = .new(constructor, arguments, start)
        } else {
            expression = parsePrimary()
        }
        while !atEnd {
            if eat(".") || (check("?.") && !check("(", at: 1) && !check("[", at: 1) && eat("?.")) {
                if current.kind == .identifier {
                    expression = .member(expression, file.text(of: current))
                    index += 1
                } else {
                    report("expected a property name after '.'")
                }
            } else if check("?.") {
                index += 1
            } else if check("[") {
                index += 1
                let key = check("]") ? Expression.opaque : parseExpression()
                expect("]")
                expression = .index(expression, key)
            } else if check("(") && allowsCalls {
                expression = .call(expression, parseArguments(), expressionStart)
            } else if check("!") && !current.followsLineBreak && isTypeScript {
                index += 1
            } else if current.kind == .template || current.kind == .templateHead {
                _ = parseTemplate()
                expression = .opaque
            } else if isTypeScript && check("<") && allowsCalls && skipTypeArgumentsBeforeCall() {
                continue
            } else {
                break
            }
        }
        return expression
    }

    mutating func parseArguments() -> [Element] {
        let closing = Int(matching[index])
        index += 1
        var arguments: [Element] = []
        while index < closing && !atEnd && !check(")") {
            let isSpread = eat("...")
            arguments.append(Element(value: parseAssignment(), isSpread: isSpread))
            if eat(",") || check(")") { continue }
            report("expected ',' or ')' in the argument list before '\(file.text(of: current))'")
            index = closing
        }
        index = max(index, min(closing, file.tokens.count - 1))
        expect(")")
        return arguments
    }

    /// Skips `<T, U>` when a call's `(` follows it, for `fetch<Result>(url)`; otherwise leaves
    /// the position unchanged, because the `<` was a comparison.
    mutating func skipTypeArgumentsBeforeCall() -> Bool {
        let start = index
        skipTypeArguments()
        if index > start && (check("(") || current.kind == .template || current.kind == .templateHead) { return true }
        index = start
        return false
    }

    /// Returns an arrow function when one starts here: `x =>`, `async x =>`, `(a, b) =>`,
    /// `async (a): Type =>`, `<T>(a: T) =>`. Looks ahead through the bracket table only.
    mutating func parseArrowFunctionIfPresent() -> FunctionNode? {
        let start = index
        let startPosition = position
        if check("async") && !token(at: 1).followsLineBreak && (check("(", at: 1) || token(at: 1).kind == .identifier)
            && !check("=>", at: 1)
        {
            index += 1
        }
        if current.kind == .identifier && check("=>", at: 1) {
            let name = file.text(of: current)
            index += 2
            return arrowFunction(parameters: [.identifier(name)], position: startPosition)
        }
        if isTypeScript && check("<") {
            skipTypeArguments()
        }
        guard check("("), isArrowAfterParameters(closing: Int(matching[index])) else {
            index = start
            return nil
        }
        let parameters = parseParameters()
        if eat(":") { skipType() }
        expect("=>")
        return arrowFunction(parameters: parameters, position: startPosition)
    }

    private mutating func isArrowAfterParameters(closing: Int) -> Bool {
        guard closing > index && closing + 1 < file.tokens.count else { return false }
        let after = file.tokens[closing + 1]
        if file.token(after, is: "=>") && after.kind == .punctuator { return true }
        guard isTypeScript, file.token(after, is: ":") else { return false }
        let saved = index
        index = closing + 2
        skipType(limit: 256)
        let isArrow = check("=>")
        index = saved
        return isArrow
    }

    /// Reads an arrow function's body after `=>`: a block, parsed on first use, or an expression.
    private mutating func arrowFunction(parameters: [Pattern], position: Position) -> FunctionNode {
        if let body = deferBlock() {
            return FunctionNode(name: nil, parameters: parameters, body: body, position: position)
        }
        return FunctionNode(
            name: nil, parameters: parameters, body: [.returnValue(parseAssignment())], position: position)
    }
}
