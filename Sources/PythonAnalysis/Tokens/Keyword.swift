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

    private static let texts: [String] = allCases.map { "\($0)" }

    /// The keywords by length of their text, for classifying a name by its bytes.
    private static let byLength: [[(bytes: [UInt8], keyword: Keyword)]] = {
        var table = Array(repeating: [(bytes: [UInt8], keyword: Keyword)](), count: 9)
        for keyword in allCases where keyword != .none {
            let bytes = Array(keyword.text.utf8)
            table[bytes.count].append((bytes, keyword))
        }
        return table
    }()

    /// Classifies the name spelled by `bytes[start..<end]`.
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Keyword {
        let length = end - start
        guard length >= 2 && length < byLength.count else { return .none }
        let first = bytes[start]
        guard first >= UInt8(ascii: "a") && first <= UInt8(ascii: "y") else { return .none }
        for candidate in byLength[length] where candidate.bytes[0] == first {
            var offset = 1
            while offset < length && bytes[start + offset] == candidate.bytes[offset] { offset += 1 }
            if offset == length { return candidate.keyword }
        }
        return .none
    }
}
