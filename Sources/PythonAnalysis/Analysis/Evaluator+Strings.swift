import SourceAnalysis

extension Evaluator {
    /// Evaluates a string literal. An f-string's fields become parts of a concatenation.
    func stringValue(_ parts: [StringPart], in scope: Int) -> Value {
        var values: [Value] = []
        for part in parts {
            switch part {
            case .text(let text): values.append(.data(.literal(text)))
            case .field(let expression): values.append(evaluate(expression, in: scope))
            }
        }
        return concatenation(of: values)
    }

    /// Joins string parts. A part that takes one of a few known values (a parameter given
    /// different literals at different call sites) gives one joined text per value, so each
    /// can still be read, up to `Value.maximumAlternatives`.
    func concatenation(of operands: [Value]) -> Value {
        var results: [[SymbolicValue]] = [[]]
        for operand in operands {
            let options = operand.alternatives
            let allData = options.allSatisfy { if case .data = $0 { true } else { false } }
            guard options.count > 1, allData, results.count * options.count <= Value.maximumAlternatives else {
                results = results.map { $0 + [operand.symbolic] }
                continue
            }
            results = results.flatMap { partial in options.map { partial + [$0.symbolic] } }
        }
        return .union(of: results.map { .data(Concatenation.make($0)) })
    }

    func binaryValue(_ first: Expression, _ rest: [(String, Expression)], in scope: Int) -> Value {
        let hasNumber = ([first] + rest.map(\.1)).contains { if case .number = $0 { true } else { false } }
        if rest.allSatisfy({ $0.0 == "+" }) && !hasNumber {
            // A sum with a string part is a concatenation whose other parts may be unknown.
            let operands = [evaluate(first, in: scope)] + rest.map { evaluate($0.1, in: scope) }
            guard operands.contains(where: { if case .data = $0 { true } else { false } }) else {
                return .unknown("a sum of values computed at run time")
            }
            return concatenation(of: operands)
        }
        if rest.count == 1, rest[0].0 == "%", case .data(let format) = evaluate(first, in: scope) {
            let arguments = evaluate(rest[0].1, in: scope)
            return .data(PercentFormat.apply(format, to: arguments.symbolic))
        }
        return .unknown("the result of an operator")
    }

    func booleanValue(_ word: String, _ operands: [Expression], in scope: Int) -> Value {
        let values = operands.map { evaluate($0, in: scope) }
        guard word == "or" else { return values.last ?? .unknown("an empty expression") }
        // `os.environ.get("X") or "default"` reads like a default value.
        if values.count == 2, case .data(.environment(let name, nil)) = values[0],
            let fallback = values[1].symbolic.literalValue
        {
            return .data(.environment(name: name, defaultValue: fallback))
        }
        return .union(of: values)
    }

    func dictionaryValue(_ entries: [(Expression?, Expression)], in scope: Int) -> Value {
        var result: [String: SymbolicValue] = [:]
        for (key, value) in entries {
            guard let key else {
                if case .dictionary(let merged) = evaluate(value, in: scope).symbolic {
                    result.merge(merged) { _, new in new }
                }
                continue
            }
            guard let name = evaluate(key, in: scope).symbolic.literalValue else { continue }
            result[name] = evaluate(value, in: scope).symbolic
        }
        return .data(.dictionary(result))
    }

    func joined(_ expressions: [Expression], separator: String, in scope: Int) -> SymbolicValue {
        var parts: [SymbolicValue] = []
        for (index, expression) in expressions.enumerated() {
            if index > 0 { parts.append(.literal(separator)) }
            parts.append(evaluate(expression, in: scope).symbolic)
        }
        return Concatenation.make(parts)
    }
}

enum Concatenation {
    /// Joins parts, merging neighbouring literals and flattening nested concatenations.
    static func make(_ values: [SymbolicValue]) -> SymbolicValue {
        var parts: [SymbolicValue] = []
        for value in values {
            let pieces: [SymbolicValue]
            if case .concatenation(let nested) = value { pieces = nested } else { pieces = [value] }
            for piece in pieces {
                if case .literal(let text) = piece, case .literal(let previous)? = parts.last {
                    parts[parts.count - 1] = .literal(previous + text)
                } else if piece != .literal("") {
                    parts.append(piece)
                }
            }
        }
        if parts.isEmpty { return .literal("") }
        return parts.count == 1 ? parts[0] : .concatenation(parts)
    }
}

/// `"%s-%s" % (a, b)` and `"%(name)s" % {...}` with `s`, `d`, `i` and `r` conversions.
enum PercentFormat {
    static func apply(_ format: SymbolicValue, to arguments: SymbolicValue) -> SymbolicValue {
        guard let text = format.literalValue else { return .unknown(reason: "a format string computed at run time") }
        var positional: [SymbolicValue] = []
        var named: [String: SymbolicValue] = [:]
        switch arguments {
        case .list(let items): positional = items
        case .dictionary(let entries): named = entries
        default: positional = [arguments]
        }
        var parts: [SymbolicValue] = []
        var literal = ""
        var characters = text[...]
        while let character = characters.popFirst() {
            guard character == "%" else {
                literal.append(character)
                continue
            }
            if characters.first == "%" {
                characters.removeFirst()
                literal.append("%")
                continue
            }
            var key: String?
            if characters.first == "(", let close = characters.firstIndex(of: ")") {
                key = String(characters[characters.index(after: characters.startIndex)..<close])
                characters = characters[characters.index(after: close)...]
            }
            while let next = characters.first, !next.isLetter { characters.removeFirst() }
            guard characters.popFirst() != nil else { break }
            parts.append(.literal(literal))
            literal = ""
            if let key {
                parts.append(named[key] ?? .unknown(reason: "format key '\(key)' is not known"))
            } else {
                parts.append(positional.isEmpty ? .unknown(reason: "a format argument") : positional.removeFirst())
            }
        }
        parts.append(.literal(literal))
        return Concatenation.make(parts)
    }
}
