/// The Python keywords and soft keywords the parser looks for. The tokenizer classifies each
/// name token once, so the parser compares small integers instead of text.
package enum Keyword: UInt8, Sendable, CaseIterable {
    /// A name that is not a keyword.
    case none
    case and, `as`, assert, async, await, `break`, `case`, `class`, `continue`, def, del, elif, `else`, except
    case finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda, match, nonlocal, not, or, pass
    case raise, `return`, `try`, type, `while`, with, yield

    /// The keyword's text, as written in source code.
    package var text: String { Self.texts[Int(rawValue)] }

    /// True for the reserved words the parser rejects where an expression is expected.
    package var isReserved: Bool {
        switch self {
        case .none, .async, .await, .case, .lambda, .match, .type: return false
        default: return true
        }
    }

    /// The texts in case order. Deriving them with `"\(keyword)"` reads type metadata, which
    /// costs about 60,000 instructions per keyword on first use.
    private static let texts: [String] = [
        "none", "and", "as", "assert", "async", "await", "break", "case", "class", "continue", "def", "del", "elif",
        "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "match", "nonlocal", "not",
        "or", "pass", "raise", "return", "try", "type", "while", "with", "yield",
    ]

    /// Classifies the name spelled by `bytes[start..<end]`.
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Keyword {
        guard let word = packed(bytes, start: start, end: end) else { return .none }
        let slot = slot(of: word)
        return slots.words[slot] == word ? slots.keywords[slot] : .none
    }

    /// Packs the name spelled by `bytes[start..<end]` into 64 bits, first byte lowest, or
    /// returns `nil` when its length is outside 2...8, the lengths of the keywords.
    @inline(__always) static func packed(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> UInt64? {
        let length = end - start
        guard length >= 2 && length <= 8 else { return nil }
        var word: UInt64
        if start + 8 <= bytes.count {
            let loaded = UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self)
            word = UInt64(littleEndian: loaded)
            if length < 8 { word &= (1 << (8 * UInt64(length))) - 1 }
        } else {
            word = 0
            for offset in 0..<length { word |= UInt64(bytes[start + offset]) << (8 * UInt64(offset)) }
        }
        return word
    }

    /// The number of hash slots; `slot(of:)` takes the top six bits of a product.
    static let slotCount = 64

    /// Maps a packed name to one of 64 slots. The multiplier was searched for so that every
    /// keyword gets a slot of its own, which building `slots` checks.
    @inline(__always) static func slot(of word: UInt64) -> Int {
        Int(truncatingIfNeeded: (word &* 0xC977_2B8A_4A5D_930F) >> 58)
    }

    /// Each slot's packed keyword text, 0 for an empty slot, and its keyword. A name's packed
    /// text is never 0, because name bytes are never 0.
    static let slots: (words: [UInt64], keywords: [Keyword]) = {
        var words = [UInt64](repeating: 0, count: slotCount)
        var keywords = [Keyword](repeating: .none, count: slotCount)
        for keyword in allCases where keyword != .none {
            let text = Array(keyword.text.utf8)
            let word = text.withUnsafeBufferPointer { packed($0, start: 0, end: text.count) }!
            let slot = slot(of: word)
            precondition(words[slot] == 0, "keywords \(keyword) and \(keywords[slot]) share a hash slot")
            words[slot] = word
            keywords[slot] = keyword
        }
        return (words, keywords)
    }()
}
