extension Tokenizer {
    /// True when `<` at an expression start opens a JSX element or fragment (`<div`, `<>`).
    /// A type parameter list of a TSX generic arrow (`<T,>(x: T) => x`, `<T extends U>(...)`)
    /// is not JSX.
    func startsJSX(at offset: Int) -> Bool {
        guard offset + 1 < bytes.count else { return false }
        let following = bytes[offset + 1]
        if following == UInt8(ascii: ">") { return true }
        guard
            ByteClass.isIdentifierStart(following) && following != UInt8(ascii: "#") && following != UInt8(ascii: "\\")
        else { return false }
        var end = offset + 1
        while end < bytes.count && ByteClass.isIdentifierContinuation(bytes[end]) { end += 1 }
        while end < bytes.count && (bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t")) { end += 1 }
        guard end < bytes.count else { return true }
        if bytes[end] == UInt8(ascii: ",") { return false }
        let extends = Array("extends ".utf8)
        return !(end + extends.count <= bytes.count && Array(bytes[end..<(end + extends.count)]) == extends)
    }

    /// Reads a JSX element with its children as one token: tags raise and lower the depth,
    /// and embedded `{...}` expressions are stepped over with their strings.
    mutating func scanJSX() {
        let start = position
        let startLine = line
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "<") {
                let isClosing = position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "/")
                let selfClosing = scanTag()
                if isClosing {
                    depth -= 1
                } else if !selfClosing {
                    depth += 1
                }
                if depth <= 0 { return }
            } else if byte == UInt8(ascii: "{") {
                skipEmbeddedExpression()
            } else {
                if byte == UInt8(ascii: "\n") { newLine(at: position) }
                position += 1
            }
        }
        report(.unterminatedJSX, at: start, line: startLine)
    }

    /// Reads one tag from `<` through `>`; returns true when it ends with `/>`.
    private mutating func scanTag() -> Bool {
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: ">"):
                position += 1
                return bytes[position - 2] == UInt8(ascii: "/")
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                skipQuoted(byte)
            case UInt8(ascii: "{"):
                skipEmbeddedExpression()
            default:
                if byte == UInt8(ascii: "\n") { newLine(at: position) }
                position += 1
            }
        }
        return false
    }

    private mutating func skipEmbeddedExpression() {
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"):
                depth += 1
                position += 1
            case UInt8(ascii: "}"):
                depth -= 1
                position += 1
                if depth == 0 { return }
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
                skipQuoted(byte)
            default:
                if byte == UInt8(ascii: "\n") { newLine(at: position) }
                position += 1
            }
        }
    }

    private mutating func skipQuoted(_ quote: UInt8) {
        position += 1
        while position < bytes.count && bytes[position] != quote {
            if bytes[position] == UInt8(ascii: "\n") { newLine(at: position) }
            position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
        }
        position = min(position + 1, bytes.count)
    }
}
