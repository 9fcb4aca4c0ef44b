/// Byte classes for identifiers and numbers. Bytes of 0x80 and above are taken as parts of
/// identifiers, because Python allows non-ASCII letters in names.
enum ByteClass {
    @inline(__always) static func isIdentifierStart(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// True for a letter, digit, `_` or a byte of 0x80 and above. ASCII bytes are looked up in
    /// two 64-bit masks, one bit per byte value, because names make up most of the source.
    @inline(__always) static func isIdentifierContinuation(_ byte: UInt8) -> Bool {
        guard byte < 0x80 else { return true }
        // Below 64, bits 48-57 are `0`-`9`. From 64, bits 1-26 are `A`-`Z`, 31 is `_` and 33-58
        // are `a`-`z`.
        let mask: UInt64 = byte < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
        return (mask >> UInt64(byte & 63)) & 1 != 0
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}

/// The lookup tables of one tokenizer, copied into allocations of their own so that reads
/// are plain loads: the role of each byte value and the keyword hash slots. In a byte's
/// entry, the low four bits are the `Lead` of a token starting with the byte, and the high
/// bits are the flags below.
struct TokenizerTables: ~Copyable {
    /// The kind of token a byte starts, where a token may start.
    enum Lead {
        static let other: UInt8 = 0
        static let name: UInt8 = 1
        static let digit: UInt8 = 2
        static let quote: UInt8 = 3
        static let dot: UInt8 = 4
        static let blank: UInt8 = 5
        static let lineBreak: UInt8 = 6
        static let comment: UInt8 = 7
        static let backslash: UInt8 = 8
        /// `(`, `[` or `{`.
        static let opening: UInt8 = 9
        /// `)`, `]` or `}`.
        static let closing: UInt8 = 10
        /// `,` or `;`.
        static let separator: UInt8 = 11
    }

    private static let leadMask: UInt8 = 0x0F
    /// A letter, digit, `_` or a byte of 0x80 and above.
    private static let continuesName: UInt8 = 0x10
    /// A quote, backslash or line break, where a string body scan must look closer.
    private static let endsStringRun: UInt8 = 0x20
    /// The same bytes as `endsStringRun` and `{`, for the literal text of an f-string.
    private static let endsFormattedRun: UInt8 = 0x40

    private static let entries: [UInt8] = (0...255).map { entry(for: UInt8($0)) }

    /// 256 entries, so any `UInt8` indexes it in bounds.
    private let table: UnsafeMutablePointer<UInt8>
    /// `Keyword.slotCount` entries each, which `Keyword.slot(of:)` stays below.
    private let keywordWords: UnsafeMutablePointer<UInt64>
    private let keywords: UnsafeMutablePointer<Keyword>

    init() {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(from: Self.entries, count: 256)
        self.table = table
        let slots = Keyword.slots
        keywordWords = UnsafeMutablePointer<UInt64>.allocate(capacity: Keyword.slotCount)
        keywordWords.initialize(from: slots.words, count: Keyword.slotCount)
        keywords = UnsafeMutablePointer<Keyword>.allocate(capacity: Keyword.slotCount)
        keywords.initialize(from: slots.keywords, count: Keyword.slotCount)
    }

    deinit {
        table.deallocate()
        keywordWords.deallocate()
        keywords.deallocate()
    }

    /// The keyword spelled by `bytes[start..<end]`, a name, or `none`.
    @inline(__always) func keyword(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Keyword {
        guard let word = Keyword.packed(bytes, start: start, end: end) else { return .none }
        let slot = Keyword.slot(of: word)
        return keywordWords[slot] == word ? keywords[slot] : .none
    }

    @inline(__always) func lead(_ byte: UInt8) -> UInt8 { table[Int(byte)] & Self.leadMask }

    @inline(__always) func continuesName(_ byte: UInt8) -> Bool { table[Int(byte)] & Self.continuesName != 0 }

    @inline(__always) func endsStringRun(_ byte: UInt8) -> Bool { table[Int(byte)] & Self.endsStringRun != 0 }

    @inline(__always) func endsFormattedRun(_ byte: UInt8) -> Bool { table[Int(byte)] & Self.endsFormattedRun != 0 }

    private static func entry(for byte: UInt8) -> UInt8 {
        var entry: UInt8
        switch byte {
        case _ where ByteClass.isIdentifierStart(byte): entry = Lead.name
        case _ where ByteClass.isDigit(byte): entry = Lead.digit
        case UInt8(ascii: "\""), UInt8(ascii: "'"): entry = Lead.quote
        case UInt8(ascii: "."): entry = Lead.dot
        case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C: entry = Lead.blank
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): entry = Lead.lineBreak
        case UInt8(ascii: "#"): entry = Lead.comment
        case UInt8(ascii: "\\"): entry = Lead.backslash
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): entry = Lead.opening
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): entry = Lead.closing
        case UInt8(ascii: ","), UInt8(ascii: ";"): entry = Lead.separator
        default: entry = Lead.other
        }
        if ByteClass.isIdentifierContinuation(byte) { entry |= continuesName }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            entry |= endsStringRun | endsFormattedRun
        case UInt8(ascii: "{"):
            entry |= endsFormattedRun
        default:
            break
        }
        return entry
    }
}
