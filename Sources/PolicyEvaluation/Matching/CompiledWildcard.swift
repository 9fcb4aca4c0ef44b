/// A wildcard pattern split at its `*`s into segments, ready to match many texts.
///
/// Matching anchors the first segment at the start and the last at the end, then finds each
/// middle segment at its leftmost place after the previous one. The leftmost place is always
/// safe because a later segment can only gain room from it, so no backtracking is needed (a
/// test compares every short pattern with a backtracking matcher). Short segments are found by
/// direct comparison, at most `shortSegmentLimit` byte comparisons per text position. Longer
/// ones use a bit-parallel shift-and search over precomputed byte masks, one pass per 64
/// pattern bytes. Both keep the work linear in the length of the text for a given pattern.
///
/// It is a class so that passing a compiled pattern around costs one reference count.
package final class CompiledWildcard: Sendable {
    static let shortSegmentLimit = 32

    /// The bytes of every segment, one after another; `?` positions hold 0.
    private let bytes: [UInt8]
    /// One flag per byte, true where the pattern has `?`; empty when it has none.
    private let anyByteFlags: [Bool]
    /// The start offset of each segment in `bytes`, followed by the end of the last one.
    private let bounds: [Int]
    /// Shift-and masks of the long middle segments: 256 entries of one word per 64 segment
    /// bytes, by segment index.
    private let masks: [Int: [UInt64]]
    /// True when the pattern has at least one `*`, so the segments are not one exact string.
    let hasAnyRun: Bool
    let foldsCase: Bool

    /// Compiles `elements`; with `foldsCase`, ASCII letters are lowercased here and in every text.
    package init(elements: [PatternElement], foldsCase: Bool) {
        var bytes: [UInt8] = []
        var flags: [Bool] = []
        var bounds = [0]
        var hasAnyRun = false
        for element in elements {
            var byte: UInt8 = 0
            switch element {
            case .anyRun:
                hasAnyRun = true
                bounds.append(bytes.count)
                continue
            case .anyByte:
                if flags.isEmpty { flags = Array(repeating: false, count: bytes.count) }
            case .byte(let value):
                byte = foldsCase ? value.foldedASCII : value
            }
            bytes.append(byte)
            if !flags.isEmpty || element == .anyByte { flags.append(element == .anyByte) }
        }
        bounds.append(bytes.count)
        self.bytes = bytes
        self.anyByteFlags = flags
        self.bounds = bounds
        self.hasAnyRun = hasAnyRun
        self.foldsCase = foldsCase
        self.masks = Self.buildMasks(bytes: bytes, flags: flags, bounds: bounds)
    }

    private var segmentCount: Int { bounds.count - 1 }

    private func length(of segment: Int) -> Int { bounds[segment + 1] - bounds[segment] }

    package func matches(_ text: some StringProtocol) -> Bool {
        var copy = String(text)
        return copy.withUTF8 { matches(bytes: $0) }
    }

    func matches(bytes text: UnsafeBufferPointer<UInt8>) -> Bool {
        let last = segmentCount - 1
        guard hasAnyRun else {
            return length(of: 0) == text.count && matchesSegment(0, in: text, at: 0)
        }
        let firstLength = length(of: 0)
        let lastLength = length(of: last)
        guard firstLength + lastLength <= text.count else { return false }
        guard matchesSegment(0, in: text, at: 0) else { return false }
        let end = text.count - lastLength
        guard matchesSegment(last, in: text, at: end) else { return false }
        var position = firstLength
        var segment = 1
        while segment < last {
            guard let found = find(segment, in: text, from: position, end: end) else { return false }
            position = found + length(of: segment)
            segment += 1
        }
        return true
    }

    @inline(__always)
    private func matchesSegment(_ segment: Int, in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let base = bounds[segment]
        let count = bounds[segment + 1] - base
        let hasAnyByte = !anyByteFlags.isEmpty
        for offset in 0..<count {
            if hasAnyByte && anyByteFlags[base + offset] { continue }
            let byte = foldsCase ? text[start + offset].foldedASCII : text[start + offset]
            if byte != bytes[base + offset] { return false }
        }
        return true
    }

    /// Returns the leftmost start of `segment` in `text[from..<end]`, where it must end by `end`.
    private func find(_ segment: Int, in text: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        let count = length(of: segment)
        guard count > 0 else { return from }
        guard from + count <= end else { return nil }
        if let segmentMasks = masks[segment] {
            return shiftAndFind(count: count, masks: segmentMasks, in: text, from: from, end: end)
        }
        for start in from...(end - count) where matchesSegment(segment, in: text, at: start) {
            return start
        }
        return nil
    }

    /// Bit-parallel search: bit `i` of the state is set when the last `i + 1` text bytes match
    /// the first `i + 1` bytes of the segment.
    private func shiftAndFind(
        count: Int, masks: [UInt64], in text: UnsafeBufferPointer<UInt8>, from: Int, end: Int
    ) -> Int? {
        let words = (count + 63) / 64
        let lastBit = UInt64(1) << UInt64((count - 1) % 64)
        var state = [UInt64](repeating: 0, count: words)
        for position in from..<end {
            let byte = foldsCase ? text[position].foldedASCII : text[position]
            let maskBase = Int(byte) * words
            var carry: UInt64 = 1
            for word in 0..<words {
                let next = state[word] >> 63
                state[word] = ((state[word] << 1) | carry) & masks[maskBase + word]
                carry = next
            }
            if state[words - 1] & lastBit != 0 { return position - count + 1 }
        }
        return nil
    }

    /// Builds the shift-and masks of every middle segment longer than `shortSegmentLimit`.
    private static func buildMasks(bytes: [UInt8], flags: [Bool], bounds: [Int]) -> [Int: [UInt64]] {
        var masks: [Int: [UInt64]] = [:]
        let segmentCount = bounds.count - 1
        guard segmentCount > 2 else { return masks }
        for segment in 1..<segmentCount - 1 {
            let base = bounds[segment]
            let count = bounds[segment + 1] - base
            guard count > shortSegmentLimit else { continue }
            let words = (count + 63) / 64
            var result = [UInt64](repeating: 0, count: 256 * words)
            for offset in 0..<count {
                let bit = UInt64(1) << UInt64(offset % 64)
                let isAnyByte = !flags.isEmpty && flags[base + offset]
                for value in 0..<256 where isAnyByte || value == Int(bytes[base + offset]) {
                    result[value * words + offset / 64] |= bit
                }
            }
            masks[segment] = result
        }
        return masks
    }
}
