/// Checks for the value formats of condition operators.
enum ValueFormats {
    /// ISO 8601 dates (`2030-01-31`, `2030-01-31T10:00:00Z`, with fractions or an offset) or
    /// epoch seconds.
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        if !bytes.isEmpty, bytes.count <= 12, bytes.allSatisfy(isDigit) { return true }
        guard bytes.count >= 10, bytes.count <= 40, digits(bytes, 0..<4), bytes[4] == dash, digits(bytes, 5..<7),
            bytes[7] == dash, digits(bytes, 8..<10)
        else { return false }
        let month = Int(bytes[5] - 48) * 10 + Int(bytes[6] - 48)
        let day = Int(bytes[8] - 48) * 10 + Int(bytes[9] - 48)
        guard (1...12).contains(month), (1...31).contains(day) else { return false }
        if bytes.count == 10 { return true }
        guard bytes[10] == UInt8(ascii: "T"), bytes.count >= 16, digits(bytes, 11..<13), bytes[13] == colon,
            digits(bytes, 14..<16)
        else { return false }
        let rest = bytes[16...]
        return rest.allSatisfy {
            isDigit($0) || [colon, dash, UInt8(ascii: "."), UInt8(ascii: "Z"), UInt8(ascii: "+")].contains($0)
        }
    }

    /// IPv4 or IPv6 address with an optional `/prefix`.
    static func isCIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        let address = parts[0]
        let isV6 = address.contains(":")
        if parts.count == 2 {
            guard let length = Int(parts[1]), length >= 0, length <= (isV6 ? 128 : 32) else { return false }
        }
        if isV6 {
            return !address.isEmpty && address.count <= 45
                && address.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let octets = address.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4
            && octets.allSatisfy { octet in
                guard let value = Int(octet), octet.count <= 3 else { return false }
                return value >= 0 && value <= 255
            }
    }

    static func isBase64(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count % 4 == 0 else { return false }
        let body = bytes.prefix { $0 != UInt8(ascii: "=") }
        guard bytes.count - body.count <= 2, bytes[body.count...].allSatisfy({ $0 == UInt8(ascii: "=") }) else {
            return false
        }
        return body.allSatisfy { isDigit($0) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) || $0 == 43 || $0 == 47 }
    }

    private static func digits(_ bytes: [UInt8], _ range: Range<Int>) -> Bool { bytes[range].allSatisfy(isDigit) }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static let dash = UInt8(ascii: "-")
    private static let colon = UInt8(ascii: ":")
}
