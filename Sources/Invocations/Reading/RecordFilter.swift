#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cheap test that a record may belong to the role: it must contain every text the selector
/// requires, ignoring ASCII letter case because IAM role names are case-insensitive. Records that
/// fail are skipped without being parsed.
// NOTE: a name written with JSON escapes (`\u0041` for `A`) is not found, so such a record is
// skipped. CloudTrail writes these names plainly.
struct RecordFilter: Sendable {
    /// A text to search for, prepared once: its bytes (lowercased when case is ignored) and the
    /// bytes a match can start with.
    struct Needle: Sendable {
        var text: [UInt8]
        var starts: [UInt8]
        var ignoresCase: Bool

        init(_ text: [UInt8], ignoringCase: Bool) {
            self.text = ignoringCase ? text.map(RecordFilter.lowercased) : text
            let first = text.first ?? 0
            let cases = [RecordFilter.lowercased(first), RecordFilter.uppercased(first)]
            starts = ignoringCase && cases[0] != cases[1] ? cases : [first]
            ignoresCase = ignoringCase
        }
    }

    let requiredTexts: [[UInt8]]
    private let needles: [Needle]

    init(selector: RoleSelector) {
        requiredTexts = selector.requiredTexts
        needles = requiredTexts.map { Needle($0, ignoringCase: true) }
    }

    func mayMatch(_ record: [UInt8]) -> Bool {
        needles.allSatisfy { Self.contains(record, $0) }
    }

    static func contains(_ bytes: [UInt8], _ text: [UInt8], ignoringCase: Bool = false) -> Bool {
        contains(bytes, Needle(text, ignoringCase: ignoringCase))
    }

    /// Returns whether the needle occurs in `bytes`, finding candidates for its first byte with
    /// `memchr`. When case is ignored, each case of the first letter has its own `memchr`.
    static func contains(_ bytes: [UInt8], _ needle: Needle) -> Bool {
        let text = needle.text
        guard !text.isEmpty else { return true }
        guard bytes.count >= text.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            let lastStart = haystack.count - text.count
            var next = needle.starts.map { firstIndex(of: $0, in: haystack, from: 0, through: lastStart) }
            while true {
                var position = Int.max
                for candidate in next {
                    if let candidate, candidate < position { position = candidate }
                }
                guard position != Int.max else { return false }
                if matches(text, in: haystack, at: position, ignoringCase: needle.ignoresCase) { return true }
                for index in next.indices where next[index] == position {
                    next[index] = firstIndex(
                        of: haystack[position], in: haystack, from: position + 1, through: lastStart)
                }
            }
        }
    }

    private static func firstIndex(
        of byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, from start: Int, through lastStart: Int
    ) -> Int? {
        guard start <= lastStart else { return nil }
        let base = haystack.baseAddress!
        guard let found = memchr(base + start, Int32(byte), lastStart - start + 1) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func matches(
        _ text: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, at position: Int, ignoringCase: Bool
    ) -> Bool {
        for offset in text.indices {
            let byte = haystack[position + offset]
            guard (ignoringCase ? lowercased(byte) : byte) == text[offset] else { return false }
        }
        return true
    }

    fileprivate static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    fileprivate static func uppercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
    }
}
