extension Parser {
    mutating func parseFunctionDeclaration() -> Statement {
        let function = parseFunction()
        return .function(function.name ?? "default", function)
    }

    /// Reads `function name<T>(parameters): Type { body }` from the `function` keyword.
    mutating func parseFunction() -> FunctionNode {
        let start = position
        index += 1
        _ = eat("*")
        var name: String?
        if let word = identifierText, !check("(") {
            name = word
            index += 1
        }
        if check("<") { skipTypeArguments() }
        guard let parameterIndex = deferParameters() else {
            let parameters = parseParameters()
            endStatement()
            return FunctionNode(name: name, parameters: parameters, body: [], position: start)
        }
        if eat(":") { skipType() }
        let body = deferBlock()
        if body == nil { endStatement() }
        return FunctionNode(name: name, parameterIndex: parameterIndex, in: unit, body: body, position: start)
    }

    mutating func parseParameters() -> [Pattern] {
        var properties: [String] = []
        return parseParameters(properties: &properties)
    }

    /// Reads a parameter list. `properties` receives the names of TypeScript parameter
    /// properties (`private readonly client: Client`), which the constructor assigns to `this`.
    mutating func parseParameters(properties: inout [String]) -> [Pattern] {
        guard check("(") else {
            report("expected '(' before '\(file.text(of: current))'")
            return []
        }
        let closing = Int(matching[index])
        index += 1
        var parameters: [Pattern] = []
        while index < closing && !atEnd && !check(")") {
            let before = index
            skipDecorators()
            var isProperty = false
            while let word = identifierText, Self.parameterModifiers.contains(word), token(at: 1).kind == .identifier {
                isProperty = true
                index += 1
            }
            let isRest = eat("...")
            var pattern = parseBindingPattern()
            if isProperty, case .identifier(let name) = pattern { properties.append(name) }
            _ = eat("?")
            if eat(":") { skipType() }
            if eat("=") { pattern = .defaulted(pattern, parseAssignment()) }
            if isRest, case .identifier(let name) = pattern { pattern = .array([], rest: name) }
            parameters.append(pattern)
            if !eat(",") && index == before { index += 1 }
        }
        index = max(index, min(closing, file.tokens.count - 1))
        expect(")")
        return parameters
    }

    private static let parameterModifiers: Set<String> = ["public", "private", "protected", "readonly", "override"]

    mutating func parseClassDeclaration() -> Statement {
        let node = parseClass()
        return .classDeclaration(node.name ?? "default", node)
    }

    /// Reads a class from the `class` keyword: methods by name, and field initializers.
    mutating func parseClass() -> ClassNode {
        index += 1
        var name: String?
        if let word = identifierText, !check("extends"), !check("implements"), !check("{") {
            name = word
            index += 1
        }
        if check("<") { skipTypeArguments() }
        var superclass: Expression?
        if eat("extends") { superclass = parseLeftHandSide(allowsCalls: false) }
        if check("<") { skipTypeArguments() }
        if eat("implements") {
            while !atEnd && !check("{") { skipTokenOrGroup() }
        }
        guard check("{") else {
            report("expected '{' to start the class body")
            return ClassNode(name: name, superclass: superclass, methods: [:], fields: [])
        }
        let closing = Int(matching[index])
        index += 1
        var methods: [String: FunctionNode] = [:]
        var fields: [(String, Expression)] = []
        while index < closing && !atEnd && !check("}") {
            let before = index
            parseClassMember(methods: &methods, fields: &fields)
            if index == before { index += 1 }
        }
        _ = eat("}")
        return ClassNode(name: name, superclass: superclass, methods: methods, fields: fields)
    }

    private static let memberModifiers: Set<String> = [
        "public", "private", "protected", "readonly", "static", "override", "abstract", "declare", "async", "get",
        "set", "accessor",
    ]

    private mutating func parseClassMember(methods: inout [String: FunctionNode], fields: inout [(String, Expression)])
    {
        skipDecorators()
        if eat(";") { return }
        var isGetter = false
        var isSetter = false
        while current.kind == .identifier,
            !(check("(", at: 1) || check("=", at: 1) || check(":", at: 1) || check(";", at: 1) || check("<", at: 1)),
            let word = identifierText, Self.memberModifiers.contains(word)
        {
            isGetter = isGetter || word == "get"
            isSetter = isSetter || word == "set"
            index += 1
        }
        _ = eat("*")
        let start = position
        let key = parsePropertyKey()
        _ = eat("?") || eat("!")
        if check("(") || check("<") {
            if check("<") { skipTypeArguments() }
            if case .name("constructor") = key {
                methods["constructor"] = parseConstructor(at: start)
                return
            }
            let parameterIndex = deferParameters()
            if parameterIndex == nil { report("expected '(' before '\(file.text(of: current))'") }
            if eat(":") { skipType() }
            let body = deferBlock()
            // A setter runs on assignment, which the analysis does not model; it would hide the getter.
            if case .name(let name) = key, !isSetter, let parameterIndex {
                methods[name] = FunctionNode(
                    name: name, parameterIndex: parameterIndex, in: unit, body: body, position: start,
                    isGetter: isGetter)
            }
            return
        }
        if eat(":") { skipType() }
        if eat("=") {
            let value = parseAssignment()
            if case .name(let name) = key { fields.append((name, value)) }
        }
        endStatement()
    }

    /// Reads a constructor from its parameter list. TypeScript parameter properties
    /// (`private readonly client: Client`) become assignments to `this` before the body.
    private mutating func parseConstructor(at start: Position) -> FunctionNode {
        var properties: [String] = []
        let parameters = parseParameters(properties: &properties)
        if eat(":") { skipType() }
        let prelude = properties.map { name -> Statement in
            .expression(.assignment("=", .expression(.member(.this, name)), .identifier(name, start)))
        }
        if let body = deferBlock(prelude: prelude) {
            return FunctionNode(name: "constructor", parameters: parameters, body: body, position: start)
        }
        return FunctionNode(name: "constructor", parameters: parameters, body: prelude, position: start)
    }

    mutating func skipDecorators() {
        while eat("@") {
            _ = parseLeftHandSide(allowsCalls: true)
        }
    }

    /// Reads `enum Name { A = "a", B }` from the `enum` keyword as a constant object, so
    /// `Name.A` has its value. Members without a string or number value are left unknown.
    mutating func parseEnum() -> Statement {
        index += 1
        let name = identifierText ?? ""
        index += 1
        guard check("{") else { return skipTypeDeclaration() }
        let closing = Int(matching[index])
        index += 1
        var properties: [Property] = []
        var next = 0
        while index < closing && !atEnd && !check("}") {
            let key = parsePropertyKey()
            if eat("=") {
                let value = parseAssignment()
                if case .number(let text) = value, let number = Int(text) { next = number + 1 }
                properties.append(.value(key, value))
            } else {
                properties.append(.value(key, .number(String(next))))
                next += 1
            }
            if eat(",") || check("}") { continue }
            report("expected ',' or '}' in the enum before '\(file.text(of: current))'")
            index = closing
        }
        expect("}")
        return .variables([(.identifier(name), .object(properties))])
    }

    /// Skips `type`, `interface`, `declare`, `namespace` and `module` declarations.
    mutating func skipTypeDeclaration() -> Statement {
        index += 1
        while !atEnd {
            if check("<") {
                skipTypeArguments()
                continue
            }
            if check("{") {
                skipTokenOrGroup()
                _ = eat(";")
                return .empty
            }
            if check("=") {
                index += 1
                skipType()
                endStatement()
                return .empty
            }
            if check(";") || (current.followsLineBreak && !check("|") && !check("&") && !check("extends")) {
                _ = eat(";")
                return .empty
            }
            skipTokenOrGroup()
        }
        return .empty
    }
}
