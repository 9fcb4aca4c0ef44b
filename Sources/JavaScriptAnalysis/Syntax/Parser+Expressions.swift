extension Parser {
    mutating func parseExpression() -> Expression {
        let first = parseAssignment()
        guard check(",") else { return first }
        var items = [first]
        while eat(",") {
            if check(")") || check("]") || check("}") { break }
            items.append(parseAssignment())
        }
        return .sequence(items)
    }

    private static let assignmentOperators: Set<String> = [
        "=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??=",
    ]

    mutating func parseAssignment() -> Expression {
        guard depth < Self.maximumDepth else {
            report(
                "expression nested too deeply to analyze; the parser stops at \(Self.maximumDepth) nested statements and expressions and skips the code inside"
            )
            skipTokenOrGroup()
            return .opaque
        }
        depth += 1
        defer { depth -= 1 }
        if let arrow = parseArrowFunctionIfPresent() { return .function(arrow) }
        if check("yield") && !token(at: 1).followsLineBreak {
            index += 1
            _ = eat("*")
            if check(")") || check("]") || check("}") || check(",") || check(";") || current.followsLineBreak {
                return .opaque
            }
        }
        let condition = parseBinary(minimumPrecedence: 0)
        if eat("?") {
            let whenTrue = parseAssignment()
            expect(":")
            return .conditional(condition, whenTrue, parseAssignment())
        }
        if current.kind == .punctuator, endsWithEqualsSign(current),
            Self.assignmentOperators.contains(file.text(of: current))
        {
            let operation = file.text(of: current)
            index += 1
            return .assignment(operation, Self.pattern(from: condition), parseAssignment())
        }
        return condition
    }

    static func pattern(from expression: Expression) -> Pattern {
        switch expression {
        case .identifier(let name, _): return .identifier(name)
        case .object(let properties):
            var entries: [(key: PropertyKey, value: Pattern)] = []
            var rest: String?
            for property in properties {
                switch property {
                case .value(let key, let value): entries.append((key, pattern(from: value)))
                case .spread(.identifier(let name, _)): rest = name
                case .spread: continue
                }
            }
            return .object(entries, rest: rest)
        case .assignment("=", let target, let value): return .defaulted(target, value)
        default: return .expression(expression)
        }
    }

    private static let precedences: [String: Int] = [
        "??": 1, "||": 2, "&&": 3, "|": 4, "^": 5, "&": 6, "==": 7, "!=": 7, "===": 7, "!==": 7, "<": 8, ">": 8,
        "<=": 8, ">=": 8, "instanceof": 8, "in": 8, "<<": 9, ">>": 9, ">>>": 9, "+": 10, "-": 10, "*": 11, "/": 11,
        "%": 11, "**": 12,
    ]

    mutating func parseBinary(minimumPrecedence: Int) -> Expression {
        var left = parseUnary()
        while !atEnd {
            if isTypeScript && (check("as") || check("satisfies")) && !current.followsLineBreak {
                index += 1
                if !eat("const") { skipType() }
                continue
            }
            guard
                (current.kind == .punctuator && Self.mayStartBinaryOperator(firstByte(of: current)))
                    || check("instanceof") || check("in")
            else { break }
            let operation = file.text(of: current)
            guard let precedence = Self.precedences[operation], precedence > minimumPrecedence else { break }
            index += 1
            let right = parseBinary(minimumPrecedence: operation == "**" ? precedence - 1 : precedence)
            left = .binary(operation, left, right)
        }
        return left
    }

    private static let prefixOperators: Set<String> = ["!", "-", "+", "~", "++", "--", "typeof", "void", "delete"]

    mutating func parseUnary() -> Expression {
        guard depth < Self.maximumDepth else {
            report(
                "expression nested too deeply to analyze; the parser stops at \(Self.maximumDepth) nested statements and expressions and skips the code inside"
            )
            skipTokenOrGroup()
            return .opaque
        }
        depth += 1
        defer { depth -= 1 }
        if check("await") && !Self.endsOperand(self, offset: 1) {
            index += 1
            return .unary("await", parseUnary())
        }
        if mayBePrefixOperator(current) && !Self.endsOperand(self, offset: 1),
            Self.prefixOperators.contains(file.text(of: current))
        {
            let operation = file.text(of: current)
            index += 1
            return .unary(operation, parseUnary())
        }
        if isTypeScript && check("<") {
            skipTypeArguments()
            return parseUnary()
        }
        let operand = parseLeftHandSide(allowsCalls: true)
        if (check("++") || check("--")) && !current.followsLineBreak { index += 1 }
        return operand
    }

    /// True when the token at `offset` cannot start an operand, so a word before it is a
    /// plain name (`const await = 1` in a script, `x.typeof`).
    private static func endsOperand(_ parser: Parser, offset: Int) -> Bool {
        let token = parser.token(at: offset)
        guard token.kind == .punctuator else { return token.kind == .endOfFile }
        for text in [")", "]", "}", ",", ";", ":", "=", "=>", "?."] as [StaticString]
        where parser.file.token(token, is: text) {
            return true
        }
        return false
    }
}

// Cheap tests on a token's bytes that rule out most tokens before a string is made for a
// table lookup.
extension Parser {
    func firstByte(of token: Token) -> UInt8 { file.bytes[Int(token.start)] }

    func endsWithEqualsSign(_ token: Token) -> Bool {
        token.end > token.start && file.bytes[Int(token.end) - 1] == UInt8(ascii: "=")
    }

    /// True for the first bytes of binary operators: `? | & ^ = ! < > + - * / %`.
    static func mayStartBinaryOperator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "?"), UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: "^"), UInt8(ascii: "="),
            UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// True when the token can be a prefix operator: `! - + ~ ++ --`, `typeof`, `void`, `delete`.
    func mayBePrefixOperator(_ token: Token) -> Bool {
        let length = token.end - token.start
        switch token.kind {
        case .punctuator:
            let byte = firstByte(of: token)
            return length <= 2
                && (byte == UInt8(ascii: "!") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "~"))
        case .identifier:
            return length == 4 || length == 6
        default:
            return false
        }
    }
}
