extension Tokenizer {
    mutating func scanOperator() -> Token {
        let start = position
        let byte = bytes[position]
        let second = peek(1)
        position += 1
        switch byte {
        case UInt8(ascii: "("): return bracket(.leftParenthesis, opening: true, from: start)
        case UInt8(ascii: "["): return bracket(.leftBracket, opening: true, from: start)
        case UInt8(ascii: "{"): return bracket(.leftBrace, opening: true, from: start)
        case UInt8(ascii: ")"): return bracket(.rightParenthesis, opening: false, from: start)
        case UInt8(ascii: "]"): return bracket(.rightBracket, opening: false, from: start)
        case UInt8(ascii: "}"): return bracket(.rightBrace, opening: false, from: start)
        case UInt8(ascii: ","): return make(.comma, from: start)
        case UInt8(ascii: ";"): return make(.semicolon, from: start)
        case UInt8(ascii: "."):
            if second == UInt8(ascii: "."), peek(1) == UInt8(ascii: ".") {
                position += 2
                return make(.ellipsis, from: start)
            }
            return make(.dot, from: start)
        default:
            return scanSymbolOperator(byte, second: second, from: start)
        }
    }

    mutating func bracket(_ kind: TokenKind, opening: Bool, from start: Int) -> Token {
        if opening {
            bracketDepth += 1
        } else if bracketDepth > 0 {
            bracketDepth -= 1
        }
        return make(kind, from: start)
    }

    mutating func scanSymbolOperator(_ byte: UInt8, second: UInt8, from start: Int) -> Token {
        let isEqualNext = second == UInt8(ascii: "=")
        switch byte {
        case UInt8(ascii: ":"):
            if isEqualNext { return take(1, .walrus, from: start) }
            return make(.colon, from: start)
        case UInt8(ascii: "="):
            return isEqualNext ? take(1, .otherOperator, from: start) : make(.equal, from: start)
        case UInt8(ascii: "-"):
            if second == UInt8(ascii: ">") { return take(1, .arrow, from: start) }
            return isEqualNext ? take(1, .augmentedAssignment, from: start) : make(.minus, from: start)
        case UInt8(ascii: "+"), UInt8(ascii: "%"), UInt8(ascii: "@"):
            if isEqualNext { return take(1, .augmentedAssignment, from: start) }
            if byte == UInt8(ascii: "+") { return make(.plus, from: start) }
            return make(byte == UInt8(ascii: "%") ? .percent : .at, from: start)
        case UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return scanDoubledOperator(byte, second: second, from: start)
        case UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"):
            return isEqualNext ? take(1, .augmentedAssignment, from: start) : make(.otherOperator, from: start)
        case UInt8(ascii: "!"):
            return isEqualNext ? take(1, .otherOperator, from: start) : invalidToken(from: start)
        case UInt8(ascii: "~"):
            return make(.otherOperator, from: start)
        default:
            return invalidToken(from: start)
        }
    }

    /// `*`, `**`, `/`, `//`, `<`, `<<`, `>`, `>>`, each optionally followed by `=`.
    mutating func scanDoubledOperator(_ byte: UInt8, second: UInt8, from start: Int) -> Token {
        let isDoubled = second == byte
        if isDoubled { position += 1 }
        let isComparison = byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        if peek(0) == UInt8(ascii: "=") {
            position += 1
            return make(isComparison && !isDoubled ? .otherOperator : .augmentedAssignment, from: start)
        }
        switch (byte, isDoubled) {
        case (UInt8(ascii: "*"), false): return make(.star, from: start)
        case (UInt8(ascii: "*"), true): return make(.doubleStar, from: start)
        case (UInt8(ascii: "/"), false): return make(.slash, from: start)
        default: return make(.otherOperator, from: start)
        }
    }

    mutating func take(_ extra: Int, _ kind: TokenKind, from start: Int) -> Token {
        position += extra
        return make(kind, from: start)
    }

    mutating func invalidToken(from start: Int) -> Token {
        record(bytes[start] == 0 ? .nullByte : .invalidCharacter, at: start)
        return make(.invalid, from: start)
    }
}
