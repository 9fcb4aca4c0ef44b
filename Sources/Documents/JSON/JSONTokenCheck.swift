/// Checks the tokens of JSON text where json-c is more lenient than RFC 8259: json-c 0.16 in
/// strict mode still accepts `NaN`, `Infinity`, `1.`, single-quoted keys and raw control
/// characters in strings, and clamps integers outside 64 bits. The structure is left to json-c.
enum JSONTokenCheck {
    struct Problem: Error {
        var offset: Int
        var message: String
    }

    /// Returns the first token that is not valid JSON, or that this reader cannot represent.
    static func firstProblem(in text: UnsafeBufferPointer<UInt8>) -> Problem? {
        var index = 0
        while index < text.count {
            let byte = text[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ":"):
                index += 1
            case UInt8(ascii: "\""):
                switch scanString(in: text, from: index) {
                case .closed(let end):
                    index = end
                case .controlCharacter(let offset):
                    return Problem(
                        offset: offset,
                        message: "invalid JSON: raw control character in a string; escape it as \\n, \\t or \\u00XX")
                case .unterminated:
                    return Problem(
                        offset: index,
                        message: "invalid JSON: the string does not end before the text does; the file may be truncated"
                    )
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let end = endOfToken(in: text, from: index)
                if let message = numberProblem(text[index..<end]) { return Problem(offset: index, message: message) }
                index = end
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                let end = endOfToken(in: text, from: index)
                let word = String(decoding: text[index..<end], as: UTF8.self)
                guard word == "true" || word == "false" || word == "null" else {
                    return Problem(
                        offset: index,
                        message: "invalid JSON: '\(word)' is not a JSON value; quote it or use true, false or null")
                }
                index = end
            default:
                return Problem(offset: index, message: unexpectedByteMessage(byte))
            }
        }
        return nil
    }

    private static func unexpectedByteMessage(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "'"): return "invalid JSON: single quote outside a string; JSON strings use double quotes"
        case UInt8(ascii: "/"), UInt8(ascii: "#"): return "invalid JSON: JSON has no comments; remove the comment"
        case 0x80...: return "invalid JSON: unquoted text outside a string; quote it"
        default: return "invalid JSON: unexpected '\(Character(Unicode.Scalar(byte)))'; remove it"
        }
    }

    private enum StringEnd {
        /// The index after the closing quote.
        case closed(Int)
        case controlCharacter(Int)
        case unterminated
    }

    /// Finds the end of the string that starts at `start`. Escapes are checked by json-c.
    private static func scanString(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> StringEnd {
        var index = start + 1
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "\""): return .closed(index + 1)
            case UInt8(ascii: "\\"): index += 2
            case 0x00..<0x20: return .controlCharacter(index)
            default: index += 1
            }
        }
        return .unterminated
    }

    private static func endOfToken(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
                index += 1
            default: return index
            }
        }
        return index
    }

    /// Checks `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, and that an integer fits
    /// in 64 bits.
    private static func numberProblem(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        let text = String(decoding: token, as: UTF8.self)
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let integerDigits = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(integerDigits.count)
        var isInteger = true
        let isValid: Bool = {
            guard !integerDigits.isEmpty, integerDigits == "0" || integerDigits.first != "0" else { return false }
            if rest.first == "." {
                isInteger = false
                let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty else { return false }
                rest = rest.dropFirst(1 + digits.count)
            }
            if rest.first == "e" || rest.first == "E" {
                isInteger = false
                rest = rest.dropFirst()
                if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty else { return false }
                rest = rest.dropFirst(digits.count)
            }
            return rest.isEmpty
        }()
        guard isValid else { return "invalid JSON: '\(text)' is not a valid JSON number" }
        if isInteger && Int64(text) == nil {
            return
                "unsupported JSON: integer \(text) is outside the 64-bit range this reader supports; write it as a string"
        }
        return nil
    }
}
