/// A string literal's prefix letters (`r`, `b`, `u`, `f`, `t` and their pairs, any case).
struct StringPrefix {
    var isRaw = false
    var isBytes = false
    var isFormatted = false

    init?(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        guard end - start <= 2 else { return nil }
        for index in start..<end {
            switch bytes[index] | 0x20 {
            case UInt8(ascii: "r"): isRaw = true
            case UInt8(ascii: "b"): isBytes = true
            case UInt8(ascii: "f"), UInt8(ascii: "t"): isFormatted = true
            case UInt8(ascii: "u"): if end - start != 1 { return nil }
            default: return nil
            }
        }
        if isBytes && isFormatted { return nil }
    }
}

extension Tokenizer {
    /// Scans a string literal whose prefix starts at `prefixStart` and whose opening quote is
    /// at `position`. An f-string's replacement fields may hold any expression, including
    /// strings with the same quotes (Python 3.12), so those are scanned with an explicit stack
    /// of open strings and fields instead of recursion.
    mutating func scanString(prefixStart: Int, isFormatted: Bool) {
        let startLine = line
        let quote = bytes[position]
        let isTriple = peek(1) == quote && peek(2) == quote
        position += isTriple ? 3 : 1
        if isFormatted {
            scanFormattedString(quote: quote, isTriple: isTriple, startLine: startLine, prefixStart: prefixStart)
        } else if !scanStringBody(quote: quote, isTriple: isTriple) {
            record(isTriple ? .unterminatedTripleQuotedString : .unterminatedString, at: prefixStart, line: startLine)
        }
    }

    /// Moves past the closing quote; returns false when the string is unterminated (then
    /// `position` is at the line break or the end of the file).
    private mutating func scanStringBody(quote: UInt8, isTriple: Bool) -> Bool {
        while position < bytes.count {
            skipStringRun()
            guard position < bytes.count else { return false }
            let byte = bytes[position]
            if byte == quote {
                if !isTriple {
                    position += 1
                    return true
                }
                if peek(1) == quote && peek(2) == quote {
                    position += 3
                    return true
                }
                position += 1
            } else if byte == UInt8(ascii: "\\") {
                position += 1
                if position < bytes.count {
                    let escaped = bytes[position]
                    if escaped == UInt8(ascii: "\n") || escaped == UInt8(ascii: "\r") {
                        consumeLineBreak()
                    } else {
                        position += 1
                    }
                }
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if !isTriple { return false }
                consumeLineBreak()
            } else {
                position += 1
            }
        }
        return false
    }

    /// Steps over bytes that are not quotes, backslashes or line breaks.
    private mutating func skipStringRun() {
        var end = position
        while end < bytes.count && !classes.endsStringRun(bytes[end]) { end += 1 }
        position = end
    }

    private enum FormatContext {
        case text(quote: UInt8, isTriple: Bool, prefixStart: Int, line: Int32)
        /// A replacement field's expression, with the bracket depth inside it.
        case field(depth: Int)
        /// A format specification after `:`, which may itself hold nested fields.
        case specification
    }

    private mutating func scanFormattedString(quote: UInt8, isTriple: Bool, startLine: Int32, prefixStart: Int) {
        var stack: [FormatContext] = [
            .text(quote: quote, isTriple: isTriple, prefixStart: prefixStart, line: startLine)
        ]
        while let context = stack.last {
            guard position < bytes.count else {
                reportUnterminated(stack)
                return
            }
            switch context {
            case .text(let quote, let isTriple, _, _):
                if !stepThroughText(quote: quote, isTriple: isTriple, stack: &stack) {
                    reportUnterminated(stack)
                    return
                }
            case .field(let depth):
                stepThroughField(depth: depth, stack: &stack)
            case .specification:
                stepThroughSpecification(stack: &stack)
            }
        }
    }

    private mutating func reportUnterminated(_ stack: [FormatContext]) {
        for context in stack.reversed() {
            guard case .text(_, let isTriple, let prefixStart, let startLine) = context else { continue }
            record(isTriple ? .unterminatedTripleQuotedString : .unterminatedString, at: prefixStart, line: startLine)
            return
        }
    }

    /// Scans one step of an f-string's literal text. Returns false when the string is unterminated.
    private mutating func stepThroughText(quote: UInt8, isTriple: Bool, stack: inout [FormatContext]) -> Bool {
        let byte = bytes[position]
        switch byte {
        case quote:
            if !isTriple || (peek(1) == quote && peek(2) == quote) {
                position += isTriple ? 3 : 1
                stack.removeLast()
            } else {
                position += 1
            }
        case UInt8(ascii: "\\"):
            position += 1
            if position < bytes.count {
                if bytes[position] == UInt8(ascii: "\n") || bytes[position] == UInt8(ascii: "\r") {
                    consumeLineBreak()
                } else {
                    position += 1
                }
            }
        case UInt8(ascii: "{"):
            if peek(1) == UInt8(ascii: "{") {
                position += 2
            } else {
                position += 1
                stack.append(.field(depth: 0))
            }
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            if !isTriple { return false }
            consumeLineBreak()
        default:
            // Any other quote byte, then the bytes up to the next one that needs a look.
            position += 1
            var end = position
            while end < bytes.count && !classes.endsFormattedRun(bytes[end]) { end += 1 }
            position = end
        }
        return true
    }

    private mutating func stepThroughField(depth: Int, stack: inout [FormatContext]) {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            position += 1
            stack[stack.count - 1] = .field(depth: depth + 1)
        case UInt8(ascii: ")"), UInt8(ascii: "]"):
            position += 1
            stack[stack.count - 1] = .field(depth: max(0, depth - 1))
        case UInt8(ascii: "}"):
            position += 1
            if depth == 0 {
                stack.removeLast()
            } else {
                stack[stack.count - 1] = .field(depth: depth - 1)
            }
        case UInt8(ascii: ":") where depth == 0 && peek(1) != UInt8(ascii: "="):
            position += 1
            stack[stack.count - 1] = .specification
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            pushNestedString(quote: byte, stack: &stack)
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            consumeLineBreak()
        default:
            if ByteClass.isIdentifierStart(byte) {
                scanIdentifierInField(stack: &stack)
            } else {
                position += 1
            }
        }
    }

    /// Scans a name inside a field, or the prefix of a nested string such as `f'{x}'` or `rb"..."`.
    private mutating func scanIdentifierInField(stack: inout [FormatContext]) {
        let start = position
        while position < bytes.count && ByteClass.isIdentifierContinuation(bytes[position]) { position += 1 }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'"),
            let prefix = StringPrefix(bytes: bytes, start: start, end: position)
        else { return }
        if prefix.isFormatted {
            let quote = bytes[position]
            let isTriple = peek(1) == quote && peek(2) == quote
            position += isTriple ? 3 : 1
            stack.append(.text(quote: quote, isTriple: isTriple, prefixStart: start, line: line))
        } else {
            pushNestedString(quote: bytes[position], stack: &stack)
        }
    }

    private mutating func pushNestedString(quote: UInt8, stack: inout [FormatContext]) {
        let start = position
        let startLine = line
        let isTriple = peek(1) == quote && peek(2) == quote
        position += isTriple ? 3 : 1
        if !scanStringBody(quote: quote, isTriple: isTriple) {
            record(isTriple ? .unterminatedTripleQuotedString : .unterminatedString, at: start, line: startLine)
            // The enclosing f-string cannot end cleanly either; close every open context.
            position = max(position, start + 1)
            stack.removeAll()
        }
    }

    private mutating func stepThroughSpecification(stack: inout [FormatContext]) {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "{"):
            position += 1
            stack.append(.field(depth: 0))
        case UInt8(ascii: "}"):
            position += 1
            stack.removeLast()
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            consumeLineBreak()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            // A quote in a specification ends the enclosing string when it matches; let the
            // text context decide.
            stack.removeLast()
        default:
            position += 1
        }
    }
}
