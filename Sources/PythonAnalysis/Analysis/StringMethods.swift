import SourceAnalysis

/// The `str` methods the analysis evaluates: `format`, `join` and case and white-space changes.
enum StringMethods {
    static func result(of name: String, on text: SymbolicValue, arguments: [Value], named: [String: SymbolicValue])
        -> Value
    {
        switch name {
        case "format":
            return .data(format(text, arguments: arguments.map(\.symbolic), named: named))
        case "join":
            guard case .data(.list(let items))? = arguments.first else { return .unknown("a join of run-time values") }
            var parts: [SymbolicValue] = []
            for (index, item) in items.enumerated() {
                if index > 0 { parts.append(text) }
                parts.append(item)
            }
            return .data(Concatenation.make(parts))
        case "upper", "lower", "strip", "lstrip", "rstrip":
            guard arguments.isEmpty, let literal = text.literalValue else { return .unknown("a changed string") }
            return .data(.literal(transform(literal, name)))
        default:
            return .unknown("the result of str.\(name)")
        }
    }

    private static func transform(_ text: String, _ name: String) -> String {
        switch name {
        case "upper": return text.uppercased()
        case "lower": return text.lowercased()
        case "strip": return String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        case "lstrip": return String(text.drop { $0.isWhitespace })
        default: return String(text.reversed().drop { $0.isWhitespace }.reversed())
        }
    }

    /// `"{}-{}".format(a, b)`, `"{0}"` and `"{name}"` fields; specifications are ignored.
    private static func format(
        _ text: SymbolicValue, arguments: [SymbolicValue], named: [String: SymbolicValue]
    ) -> SymbolicValue {
        guard let template = text.literalValue else { return .unknown(reason: "a format string computed at run time") }
        var parts: [SymbolicValue] = []
        var literal = ""
        var automaticIndex = 0
        var characters = template[...]
        while let character = characters.popFirst() {
            if (character == "{" || character == "}") && characters.first == character {
                characters.removeFirst()
                literal.append(character)
                continue
            }
            guard character == "{", let close = characters.firstIndex(of: "}") else {
                literal.append(character)
                continue
            }
            let field = characters[..<close].prefix { $0 != ":" && $0 != "!" }
            characters = characters[characters.index(after: close)...]
            parts.append(.literal(literal))
            literal = ""
            let index = field.isEmpty ? automaticIndex : Int(field)
            if field.isEmpty { automaticIndex += 1 }
            if let index, index < arguments.count {
                parts.append(arguments[index])
            } else if let value = named[String(field)] {
                parts.append(value)
            } else {
                parts.append(.unknown(reason: "format field '{\(field)}' is not known"))
            }
        }
        parts.append(.literal(literal))
        return Concatenation.make(parts)
    }
}
