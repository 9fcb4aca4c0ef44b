/// An IPv4 or IPv6 address range in CIDR form, as `IpAddress` and `NotIpAddress` take it. An
/// address without a prefix length is a single address (`/32` or `/128`). Addresses of one
/// family never match ranges of the other.
struct IPNetwork: Hashable, Sendable {
    let isIPv6: Bool
    /// The address bits, left-aligned in 128 bits; IPv4 uses the top 32.
    let high: UInt64
    let low: UInt64
    let prefixLength: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let address = String(parts[0])
        let parsed: (UInt64, UInt64, Bool)?
        if address.contains(":") {
            parsed = Self.parseIPv6(address).map { ($0.0, $0.1, true) }
        } else {
            parsed = Self.parseIPv4(address).map { (UInt64($0) << 32, 0, false) }
        }
        guard let (high, low, isIPv6) = parsed else { return nil }
        let maximum = isIPv6 ? 128 : 32
        var length = maximum
        if parts.count == 2 {
            guard let value = Int(parts[1]), parts[1].utf8.allSatisfy(\.isDigit), (0...maximum).contains(value)
            else { return nil }
            length = value
        }
        self.isIPv6 = isIPv6
        self.prefixLength = length
        self.high = high & Self.mask(bits: min(length, 64))
        self.low = low & Self.mask(bits: max(length - 64, 0))
    }

    /// True when `address` (a single address) lies in this range.
    func contains(_ address: IPNetwork) -> Bool {
        guard address.isIPv6 == isIPv6 else { return false }
        return address.high & Self.mask(bits: min(prefixLength, 64)) == high
            && address.low & Self.mask(bits: max(prefixLength - 64, 0)) == low
    }

    private static func mask(bits: Int) -> UInt64 {
        bits == 0 ? 0 : ~UInt64(0) << UInt64(64 - bits)
    }

    private static func parseIPv4(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard (1...3).contains(octet.utf8.count), octet.utf8.allSatisfy(\.isDigit), let number = UInt32(octet),
                number <= 255
            else { return nil }
            value = value << 8 | number
        }
        return value
    }

    /// Reads eight 16-bit groups, with at most one `::` for a run of zero groups and an
    /// optional dotted IPv4 address in the last 32 bits.
    private static func parseIPv6(_ text: String) -> (UInt64, UInt64)? {
        guard text.utf8.count <= 45 else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        guard let head = groups(halves[0]) else { return nil }
        var words = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count <= 7 else { return nil }
            words += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard words.count == 8 else { return nil }
        let high = words[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = words[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    private static func groups(_ text: String) -> [UInt16]? {
        if text.isEmpty { return [] }
        var result: [UInt16] = []
        let items = text.split(separator: ":", omittingEmptySubsequences: false)
        for (position, item) in items.enumerated() {
            if position == items.count - 1, item.contains("."), let v4 = parseIPv4(String(item)) {
                result += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
                continue
            }
            guard (1...4).contains(item.utf8.count), item.utf8.allSatisfy(\.isHexDigit),
                let word = UInt16(item, radix: 16)
            else { return nil }
            result.append(word)
        }
        return result
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool { isDigit || (self | 0x20) &- 97 < 6 }
}

extension String {
    /// Splits at every occurrence of `separator`, keeping empty pieces.
    fileprivate func components(separatedBy separator: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            pieces.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        pieces.append(String(rest))
        return pieces
    }
}
