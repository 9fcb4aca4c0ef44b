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

    /// Classifies the name spelled by `bytes[start..<end]`. Every keyword is 2 to 8 ASCII
    /// letters, so a name of that length is packed into 64 bits, first byte lowest, and matched
    /// against each keyword's packed text. `KeywordTests` checks the table against `text`.
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Keyword {
        let length = end - start
        guard length >= 2 && length <= 8 else { return .none }
        var word: UInt64
        if start + 8 <= bytes.count {
            let loaded = UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self)
            word = UInt64(littleEndian: loaded)
            if length < 8 { word &= (1 << (8 * UInt64(length))) - 1 }
        } else {
            word = 0
            for offset in 0..<length { word |= UInt64(bytes[start + offset]) << (8 * UInt64(offset)) }
        }
        return keyword(packed: word)
    }

    private static func keyword(packed word: UInt64) -> Keyword {
        switch word {
        case 0x6669: return .if
        case 0x6e69: return .in
        case 0x726f: return .or
        case 0x7361: return .as
        case 0x7369: return .is
        case 0x0064_6e61: return .and
        case 0x0066_6564: return .def
        case 0x006c_6564: return .del
        case 0x0072_6f66: return .for
        case 0x0074_6f6e: return .not
        case 0x0079_7274: return .try
        case 0x6570_7974: return .type
        case 0x6573_6163: return .case
        case 0x6573_6c65: return .else
        case 0x6669_6c65: return .elif
        case 0x6874_6977: return .with
        case 0x6d6f_7266: return .from
        case 0x7373_6170: return .pass
        case 0x0063_6e79_7361: return .async
        case 0x0064_6c65_6979: return .yield
        case 0x0065_6c69_6877: return .while
        case 0x0065_7369_6172: return .raise
        case 0x0068_6374_616d: return .match
        case 0x006b_6165_7262: return .break
        case 0x0073_7361_6c63: return .class
        case 0x0074_6961_7761: return .await
        case 0x6164_626d_616c: return .lambda
        case 0x6c61_626f_6c67: return .global
        case 0x6e72_7574_6572: return .return
        case 0x7470_6563_7865: return .except
        case 0x7472_6573_7361: return .assert
        case 0x7472_6f70_6d69: return .import
        case 0x0079_6c6c_616e_6966: return .finally
        case 0x6575_6e69_746e_6f63: return .continue
        case 0x6c61_636f_6c6e_6f6e: return .nonlocal
        default: return .none
        }
    }
}
