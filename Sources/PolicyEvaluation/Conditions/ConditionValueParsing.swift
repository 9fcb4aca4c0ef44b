/// Readers for the typed values of condition operators. Each returns `nil` for text that is
/// not a valid value of its type, so a condition with such a value can fail without a crash.
enum ConditionValueParsing {
    /// Parses a decimal number: an optional sign, digits, and an optional fraction (`-12`,
    /// `0.5`). Exponents, `inf`, `nan` and hexadecimal forms are rejected.
    static func number(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let digitsStart = index
        while index < bytes.count, bytes[index].isDigit { index += 1 }
        var digitCount = index - digitsStart
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, bytes[index].isDigit { index += 1 }
            digitCount += index - fractionStart
        }
        guard digitCount > 0, index == bytes.count, bytes.count <= 64 else { return nil }
        return Double(text)
    }

    /// `true` or `false`, in any letter case.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// Decodes standard base-64 text with its `=` padding.
    static func base64(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard bytes.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3)
        var index = 0
        while index < bytes.count {
            var quad: [Int] = []
            var padding = 0
            for offset in 0..<4 {
                let byte = bytes[index + offset]
                if byte == UInt8(ascii: "=") {
                    guard index + 4 == bytes.count, offset >= 2 else { return nil }
                    padding += 1
                    quad.append(0)
                } else {
                    guard padding == 0, let value = base64Digit(byte) else { return nil }
                    quad.append(value)
                }
            }
            let combined = quad[0] << 18 | quad[1] << 12 | quad[2] << 6 | quad[3]
            output.append(UInt8(combined >> 16 & 0xFF))
            if padding < 2 { output.append(UInt8(combined >> 8 & 0xFF)) }
            if padding < 1 { output.append(UInt8(combined & 0xFF)) }
            index += 4
        }
        return output
    }

    private static func base64Digit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}

extension UInt8 {
    var isDigit: Bool { self &- 48 < 10 }
}
