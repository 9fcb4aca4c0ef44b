extension Parser {
    mutating func parsePrimary() -> Expression {
        let token = current
        switch token.kind {
        case .string:
            index += 1
            return .string(file.literalValue(of: token))
        case .number:
            index += 1
            return .number(file.text(of: token))
        case .template, .templateHead:
            return parseTemplate()
        case .regex, .jsx:
            index += 1
            return .opaque
        case .identifier:
            return parseWordPrimary()
        case .punctuator:
            if check("(") {
                index += 1
                let inner = check(")") ? Expression.opaque : parseExpression()
                expect(")")
                return inner
            }
            if check("[") { return parseArrayLiteral() }
            if check("{") { return parseObjectLiteral() }
            if check("@") {
                skipDecorators()
                return parsePrimary()
            }
            report("unexpected '\(file.text(of: token))'")
            index += 1
            return .opaque
        case .templateMiddle, .templateTail, .endOfFile:
            report("unexpected end of an expression")
            if token.kind != .endOfFile { index += 1 }
            return .opaque
        }
    }

    private mutating func parseWordPrimary() -> Expression {
        let word = current
        let start = position
        if check("function") || (check("async") && check("function", at: 1) && !token(at: 1).followsLineBreak) {
            _ = eat("async")
            return .function(parseFunction())
        }
        if check("class") { return .classExpression(parseClass()) }
        if check("this") {
            index += 1
            return .this
        }
        if check("import") && check("(", at: 1) {
            index += 1
            let arguments = parseArguments()
            return .dynamicImport(arguments.first?.value ?? .opaque, start)
        }
        if check("import") && check(".", at: 1) {
            index += 3
            return .opaque
        }
        index += 1
        return .identifier(file.text(of: word), start)
    }

    /// Reads a template literal into its texts and substitutions.
    mutating func parseTemplate() -> Expression {
        var texts = [file.literalValue(of: current)]
        var substitutions: [Expression] = []
        guard current.kind == .templateHead else {
            index += 1
            return .template(texts: texts, substitutions: [])
        }
        index += 1
        while !atEnd {
            substitutions.append(parseExpression())
            guard current.kind == .templateMiddle || current.kind == .templateTail else {
                report("expected '}' to close the template substitution")
                while !atEnd && current.kind != .templateMiddle && current.kind != .templateTail { skipTokenOrGroup() }
                if atEnd { break }
                continue
            }
            texts.append(file.literalValue(of: current))
            let isEnd = current.kind == .templateTail
            index += 1
            if isEnd { break }
        }
        while texts.count < substitutions.count + 1 { texts.append("") }
        return .template(texts: texts, substitutions: substitutions)
    }

    private mutating func parseArrayLiteral() -> Expression {
        let closing = Int(matching[index])
        index += 1
        var elements: [Element?] = []
        while index < closing && !atEnd && !check("]") {
            if eat(",") {
                elements.append(nil)
                continue
            }
            let isSpread = eat("...")
            elements.append(Element(value: parseAssignment(), isSpread: isSpread))
            if eat(",") || check("]") { continue }
            report("expected ',' or ']' in the array before '\(file.text(of: current))'")
            index = closing
        }
        expect("]")
        return .array(elements)
    }

    private mutating func parseObjectLiteral() -> Expression {
        let closing = Int(matching[index])
        index += 1
        var properties: [Property] = []
        while index < closing && !atEnd && !check("}") {
            if eat("...") {
                properties.append(.spread(parseAssignment()))
            } else if let property = parseProperty() {
                properties.append(property)
            }
            if eat(",") || check("}") { continue }
            report("expected ',' or '}' in the object before '\(file.text(of: current))'")
            index = closing
        }
        expect("}")
        return .object(properties)
    }

    private mutating func parseProperty() -> Property? {
        var isGetter = false
        var isSetter = false
        while let word = identifierText, ["async", "get", "set"].contains(word),
            !(check(",", at: 1) || check(":", at: 1) || check("(", at: 1) || check("}", at: 1) || check("=", at: 1))
        {
            isGetter = isGetter || word == "get"
            isSetter = isSetter || word == "set"
            index += 1
        }
        _ = eat("*")
        let start = position
        let keyToken = current
        let key = parsePropertyKey()
        if check("(") || check("<") {
            if check("<") { skipTypeArguments() }
            let name: String? = if case .name(let text) = key { text } else { nil }
            guard let parameterIndex = deferParameters() else {
                report("expected '(' before '\(file.text(of: current))'")
                return nil
            }
            if eat(":") { skipType() }
            let method = FunctionNode(
                name: name, parameterIndex: parameterIndex, in: unit, body: deferBlock(), position: start,
                isGetter: isGetter)
            // A setter runs on assignment, which the analysis does not model; it would hide the getter.
            return isSetter ? nil : .value(key, .function(method))
        }
        if eat(":") { return .value(key, parseAssignment()) }
        guard case .name(let name) = key, keyToken.kind == .identifier else { return nil }
        let reference = Expression.identifier(name, start)
        if eat("=") { return .value(key, .assignment("=", .identifier(name), parseAssignment())) }
        return .value(key, reference)
    }

    mutating func parsePropertyKey() -> PropertyKey {
        let token = current
        switch token.kind {
        case .string:
            index += 1
            return .name(file.literalValue(of: token))
        case .identifier, .number:
            index += 1
            return .name(file.text(of: token))
        default:
            if check("[") {
                index += 1
                let key = parseAssignment()
                expect("]")
                return .computed(key)
            }
            report("expected a property name before '\(file.text(of: token))'")
            return .computed(.opaque)
        }
    }
}
