extension Tokenizer {
    /// Steps over the operator or invalid byte at `position` and returns its kind.
    mutating func scanOperator() -> TokenKind {
        let start = position
        let byte = bytes[position]
        let second = peek(1)
        position += 1
        switch byte {
        case UInt8(ascii: "("): return bracket(.leftParenthesis, opening: true)
        case UInt8(ascii: "["): return bracket(.leftBracket, opening: true)
        case UInt8(ascii: "{"): return bracket(.leftBrace, opening: true)
        case UInt8(ascii: ")"): return bracket(.rightParenthesis, opening: false)
        case UInt8(ascii: "]"): return bracket(.rightBracket, opening: false)
        case UInt8(ascii: "}"): return bracket(.rightBrace, opening: false)
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: ";"): return .semicolon
        case UInt8(ascii: "."):
            if second == UInt8(ascii: "."), peek(1) == UInt8(ascii: ".") {
                position += 2
                return .ellipsis
            }
            return .dot
        default:
            return scanSymbolOperator(byte, second: second, from: start)
        }
    }

    private mutating func bracket(_ kind: TokenKind, opening: Bool) -> TokenKind {
        if opening {
            bracketDepth += 1
        } else if bracketDepth > 0 {
            bracketDepth -= 1
        }
        return kind
    }

    private mutating func scanSymbolOperator(_ byte: UInt8, second: UInt8, from start: Int) -> TokenKind {
        let isEqualNext = second == UInt8(ascii: "=")
        switch byte {
        case UInt8(ascii: ":"):
            return isEqualNext ? take(1, .walrus) : .colon
        case UInt8(ascii: "="):
            return isEqualNext ? take(1, .otherOperator) : .equal
        case UInt8(ascii: "-"):
            if second == UInt8(ascii: ">") { return take(1, .arrow) }
            return isEqualNext ? take(1, .augmentedAssignment) : .minus
        case UInt8(ascii: "+"), UInt8(ascii: "%"), UInt8(ascii: "@"):
            if isEqualNext { return take(1, .augmentedAssignment) }
            if byte == UInt8(ascii: "+") { return .plus }
            return byte == UInt8(ascii: "%") ? .percent : .at
        case UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return scanDoubledOperator(byte, second: second)
        case UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"):
            return isEqualNext ? take(1, .augmentedAssignment) : .otherOperator
        case UInt8(ascii: "!"):
            return isEqualNext ? take(1, .otherOperator) : invalid(at: start)
        case UInt8(ascii: "~"):
            return .otherOperator
        default:
            return invalid(at: start)
        }
    }

    /// `*`, `**`, `/`, `//`, `<`, `<<`, `>`, `>>`, each optionally followed by `=`.
    private mutating func scanDoubledOperator(_ byte: UInt8, second: UInt8) -> TokenKind {
        let isDoubled = second == byte
        if isDoubled { position += 1 }
        let isComparison = byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        if peek(0) == UInt8(ascii: "=") {
            position += 1
            return isComparison && !isDoubled ? .otherOperator : .augmentedAssignment
        }
        switch (byte, isDoubled) {
        case (UInt8(ascii: "*"), false): return .star
        case (UInt8(ascii: "*"), true): return .doubleStar
        case (UInt8(ascii: "/"), false): return .slash
        default: return .otherOperator
        }
    }

    private mutating func take(_ extra: Int, _ kind: TokenKind) -> TokenKind {
        position += extra
        return kind
    }

    private mutating func invalid(at start: Int) -> TokenKind {
        record(bytes[start] == 0 ? .nullByte : .invalidCharacter, at: start)
        return .invalid
    }
}
