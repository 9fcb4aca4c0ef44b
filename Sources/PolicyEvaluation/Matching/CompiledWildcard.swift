/// A wildcard pattern split at its `*`s into segments, ready to match many texts.
///
/// Matching anchors the first segment at the start and the last at the end, then finds each
/// middle segment at its leftmost place after the previous one. Taking the leftmost place is
/// always safe because a later segment can only gain room from it, so no backtracking is
/// needed. Short segments are found by direct comparison (at most `shortSegmentLimit` byte
/// comparisons per text position); longer ones by a bit-parallel shift-and search over their
/// precomputed byte masks, which takes one pass per 64 pattern bytes. Both keep the total work
/// linear in the length of the text for a given pattern.
package struct CompiledWildcard: Sendable, Hashable {
    struct Segment: Sendable, Hashable {
        var bytes: [UInt8]
        /// Positions that hold `?`; empty when the segment has none.
        var anyPositions: [Bool]
        /// Shift-and masks, 256 entries of `wordCount` words each; only for long segments.
        var masks: [UInt64]

        var count: Int { bytes.count }
        var wordCount: Int { (bytes.count + 63) / 64 }
    }

    static let shortSegmentLimit = 32

    private(set) var segments: [Segment]
    /// True when the pattern has at least one `*`, so the segments are not one exact string.
    private(set) var hasAnyRun: Bool
    let foldsCase: Bool

    /// Compiles `elements`; with `foldsCase`, ASCII letters are lowercased here and in every text.
    package init(elements: [PatternElement], foldsCase: Bool) {
        self.foldsCase = foldsCase
        var segments: [Segment] = []
        var current = Segment(bytes: [], anyPositions: [], masks: [])
        var sawAnyRun = false
        for element in elements {
            switch element {
            case .anyRun:
                sawAnyRun = true
                segments.append(current)
                current = Segment(bytes: [], anyPositions: [], masks: [])
            case .anyByte:
                current.append(0, isAny: true)
            case .byte(let byte):
                current.append(foldsCase ? byte.foldedASCII : byte, isAny: false)
            }
        }
        segments.append(current)
        self.hasAnyRun = sawAnyRun
        if sawAnyRun {
            for index in 1..<segments.count - 1 where segments[index].count > Self.shortSegmentLimit {
                segments[index].buildMasks()
            }
        }
        self.segments = segments
    }

    /// True when the pattern is a single `*` (or only `*`s) and so matches every text.
    var matchesEverything: Bool { hasAnyRun && segments.allSatisfy { $0.count == 0 } }

    package func matches(_ text: some StringProtocol) -> Bool {
        var copy = String(text)
        return copy.withUTF8 { matches(bytes: $0) }
    }

    func matches(bytes text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard hasAnyRun else {
            return segments[0].count == text.count && matchesSegment(segments[0], in: text, at: 0)
        }
        let first = segments[0]
        let last = segments[segments.count - 1]
        guard first.count + last.count <= text.count else { return false }
        guard matchesSegment(first, in: text, at: 0) else { return false }
        let end = text.count - last.count
        guard matchesSegment(last, in: text, at: end) else { return false }
        var position = first.count
        for index in 1..<segments.count - 1 {
            let segment = segments[index]
            guard let found = find(segment, in: text, from: position, end: end) else { return false }
            position = found + segment.count
        }
        return true
    }

    @inline(__always)
    private func matchesSegment(_ segment: Segment, in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let hasAny = !segment.anyPositions.isEmpty
        for offset in 0..<segment.count {
            if hasAny && segment.anyPositions[offset] { continue }
            let byte = foldsCase ? text[start + offset].foldedASCII : text[start + offset]
            if byte != segment.bytes[offset] { return false }
        }
        return true
    }

    /// The leftmost start of `segment` within `text[from..<end]`, where it must end by `end`.
    private func find(_ segment: Segment, in text: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        guard segment.count > 0 else { return from }
        guard from + segment.count <= end else { return nil }
        if segment.masks.isEmpty {
            for start in from...(end - segment.count) where matchesSegment(segment, in: text, at: start) {
                return start
            }
            return nil
        }
        return shiftAndFind(segment, in: text, from: from, end: end)
    }

    /// Bit-parallel search: bit `i` of the state is set when the last `i + 1` text bytes match
    /// the first `i + 1` bytes of the segment.
    private func shiftAndFind(_ segment: Segment, in text: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        let words = segment.wordCount
        let lastBit = UInt64(1) << UInt64((segment.count - 1) % 64)
        var state = [UInt64](repeating: 0, count: words)
        for position in from..<end {
            let byte = foldsCase ? text[position].foldedASCII : text[position]
            let maskBase = Int(byte) * words
            var carry: UInt64 = 1
            for word in 0..<words {
                let next = state[word] >> 63
                state[word] = ((state[word] << 1) | carry) & segment.masks[maskBase + word]
                carry = next
            }
            if state[words - 1] & lastBit != 0 { return position - segment.count + 1 }
        }
        return nil
    }
}

extension CompiledWildcard.Segment {
    fileprivate mutating func append(_ byte: UInt8, isAny: Bool) {
        if isAny && anyPositions.isEmpty { anyPositions = Array(repeating: false, count: bytes.count) }
        bytes.append(byte)
        if !anyPositions.isEmpty { anyPositions.append(isAny) }
    }

    fileprivate mutating func buildMasks() {
        let words = wordCount
        masks = Array(repeating: 0, count: 256 * words)
        for (offset, byte) in bytes.enumerated() {
            let bit = UInt64(1) << UInt64(offset % 64)
            let isAny = !anyPositions.isEmpty && anyPositions[offset]
            for value in 0..<256 where isAny || value == Int(byte) {
                masks[value * words + offset / 64] |= bit
            }
        }
    }
}
