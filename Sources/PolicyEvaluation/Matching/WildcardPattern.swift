/// IAM wildcard matching: `*` matches any run of characters (the empty one included) and `?`
/// matches exactly one byte. Matching works on UTF-8 bytes and runs in time linear in the text
/// (see `CompiledWildcard`), so hostile patterns such as `*a*a*a*b` cannot blow up.
package enum WildcardPattern {
    /// Matches `text` against `pattern`. `caseInsensitive` folds ASCII letters, as IAM does for
    /// actions; resources and condition values compare case-sensitively.
    package static func matches(
        _ pattern: some StringProtocol, _ text: some StringProtocol, caseInsensitive: Bool
    ) -> Bool {
        let compiled = CompiledWildcard(elements: PatternElement.parse(pattern.utf8), foldsCase: caseInsensitive)
        return compiled.matches(text)
    }
}

/// One element of a wildcard pattern. A `*` or `?` that came from a policy variable's value or
/// from `${*}` is a literal byte, not a wildcard.
package enum PatternElement: Hashable, Sendable {
    case byte(UInt8)
    case anyByte
    case anyRun

    /// Reads `*` and `?` as wildcards and every other byte literally.
    static func parse(_ bytes: some Sequence<UInt8>) -> [PatternElement] {
        bytes.map { byte in
            switch byte {
            case UInt8(ascii: "*"): .anyRun
            case UInt8(ascii: "?"): .anyByte
            default: .byte(byte)
            }
        }
    }
}

extension UInt8 {
    /// The ASCII lowercase form of the byte; other bytes are unchanged.
    @inline(__always) var foldedASCII: UInt8 {
        self &- 65 < 26 ? self | 0x20 : self
    }
}
