#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cheap test that a record may belong to the role: it must contain, byte for byte, every text
/// the selector requires. Records that fail are skipped without being parsed.
// NOTE: a name written with JSON escapes (`\u0041` for `A`) or in another letter case than the
// selector's is not found, so such a record is skipped. CloudTrail writes these names plainly.
struct RecordFilter: Sendable {
    let requiredTexts: [[UInt8]]

    init(selector: RoleSelector) {
        requiredTexts = selector.requiredTexts
    }

    func mayMatch(_ record: [UInt8]) -> Bool {
        requiredTexts.allSatisfy { Self.contains(record, $0) }
    }

    /// Returns whether `text` occurs in `bytes`, finding candidates for its first byte with
    /// `memchr`.
    static func contains(_ bytes: [UInt8], _ text: [UInt8]) -> Bool {
        guard let first = text.first else { return true }
        guard bytes.count >= text.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            text.withUnsafeBufferPointer { needle in
                let base = haystack.baseAddress!
                let lastStart = haystack.count - needle.count
                var start = 0
                while start <= lastStart {
                    guard let found = memchr(base + start, Int32(first), lastStart - start + 1) else { return false }
                    let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, needle.baseAddress!, needle.count) == 0 { return true }
                    start = position + 1
                }
                return false
            }
        }
    }
}
