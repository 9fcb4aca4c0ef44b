extension Parser {
    /// Call arguments after `(`, through the closing `)`.
    mutating func parseArguments() throws(SyntaxError) -> [Argument] {
        try enterNesting()
        defer { depth -= 1 }
        var arguments: [Argument] = []
        arguments.reserveCapacity(estimatedItemCount(closing: .rightParenthesis))
        while current.kind != .rightParenthesis {
            arguments.append(try parseArgument())
            guard current.kind == .comma else { break }
            advance()
        }
        try expect(.rightParenthesis, "')' to close the call")
        return arguments
    }

    private mutating func parseArgument() throws(SyntaxError) -> Argument {
        switch current.kind {
        case .star:
            advance()
            return Argument(kind: .unpackedIterable, value: try parseExpression())
        case .doubleStar:
            advance()
            return Argument(kind: .unpackedMapping, value: try parseExpression())
        case .name where peekToken().kind == .equal:
            let name = text(current)
            advance()
            advance()
            return Argument(kind: .keyword(name), value: try parseExpression())
        default:
            let value = try parseNamedExpression()
            guard startsComprehension else { return Argument(kind: .positional, value: value) }
            return Argument(kind: .positional, value: try parseComprehension(element: value))
        }
    }

    /// Subscripts after `[`, through the closing `]`: indexes, slices and tuples of them.
    mutating func parseSubscripts() throws(SyntaxError) -> [Expression] {
        try enterNesting()
        defer { depth -= 1 }
        var items: [Expression] = []
        while current.kind != .rightBracket {
            items.append(try parseSliceOrExpression())
            guard current.kind == .comma else { break }
            advance()
        }
        try expect(.rightBracket, "']'")
        return items
    }

    private mutating func parseSliceOrExpression() throws(SyntaxError) -> Expression {
        var parts: [Expression] = []
        var isSlice = false
        if current.kind != .colon { parts.append(try parseStarredOrNamed()) }
        while current.kind == .colon {
            isSlice = true
            advance()
            if current.kind != .colon && current.kind != .comma && current.kind != .rightBracket {
                parts.append(try parseExpression())
            }
        }
        return isSlice ? .slice(parts) : parts[0]
    }
}
