extension Parser {
    /// Reads a binding: a name, `{ a, b: c, d = 1, ...rest }` or `[a, , b, ...rest]`.
    mutating func parseBindingPattern() -> Pattern {
        guard depth < Self.maximumDepth else {
            report(
                "pattern nested too deeply to analyze; the parser stops at \(Self.maximumDepth) nested statements and expressions and skips the code inside"
            )
            skipTokenOrGroup()
            return .identifier("")
        }
        depth += 1
        defer { depth -= 1 }
        if check("{") { return parseObjectPattern() }
        if check("[") { return parseArrayPattern() }
        guard let name = identifierText else {
            report("expected a name before '\(file.text(of: current))'")
            return .identifier("")
        }
        index += 1
        return .identifier(name)
    }

    private mutating func parseObjectPattern() -> Pattern {
        let closing = Int(matching[index])
        index += 1
        var entries: [(key: PropertyKey, value: Pattern)] = []
        var rest: String?
        while index < closing && !atEnd && !check("}") {
            if eat("...") {
                rest = identifierText
                index += 1
            } else {
                let keyToken = current
                let key = parsePropertyKey()
                var value: Pattern
                if eat(":") {
                    value = parseBindingPattern()
                } else if case .name(let name) = key, keyToken.kind == .identifier {
                    value = .identifier(name)
                } else {
                    value = .identifier("")
                }
                if eat("=") { value = .defaulted(value, parseAssignment()) }
                entries.append((key, value))
            }
            if eat(",") || check("}") { continue }
            report("expected ',' or '}' in the pattern before '\(file.text(of: current))'")
            index = closing
        }
        expect("}")
        return .object(entries, rest: rest)
    }

    private mutating func parseArrayPattern() -> Pattern {
        let closing = Int(matching[index])
        index += 1
        var items: [Pattern?] = []
        var rest: String?
        while index < closing && !atEnd && !check("]") {
            if eat(",") {
                items.append(nil)
                continue
            }
            if eat("...") {
                rest = identifierText
                index += 1
            } else {
                var item = parseBindingPattern()
                if eat("=") { item = .defaulted(item, parseAssignment()) }
                items.append(item)
            }
            if eat(",") || check("]") { continue }
            report("expected ',' or ']' in the pattern before '\(file.text(of: current))'")
            index = closing
        }
        expect("]")
        return .array(items, rest: rest)
    }
}
