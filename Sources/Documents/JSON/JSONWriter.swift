/// Writes JSON canonically: members in the order the object keeps them, strings escaped the
/// same way every time, and no trailing white space, so equal values give identical bytes.
package struct JSONWriter: Sendable {
    package enum Style: Sendable {
        /// No white space at all.
        case compact
        /// Two-space indentation, one member or item per line, `": "` after keys; empty
        /// arrays and objects are written as `[]` and `{}`.
        case pretty
    }

    package var style: Style

    package init(style: Style = .pretty) {
        self.style = style
    }

    /// Returns the JSON text of `value`, without a final line break.
    package func string(for value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, to: &output)
        return output
    }

    private func write(_ value: JSONValue, indent: Int, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let number): output += String(number)
        case .number(let number): output += Self.text(for: number)
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let items):
            writeContainer(items, open: "[", close: "]", indent: indent, to: &output) { item, output in
                write(item, indent: indent + 1, to: &output)
            }
        case .object(let object):
            writeContainer(Array(object), open: "{", close: "}", indent: indent, to: &output) { member, output in
                Self.writeString(member.key, to: &output)
                output += style == .pretty ? ": " : ":"
                write(member.value, indent: indent + 1, to: &output)
            }
        }
    }

    private func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, indent: Int, to output: inout String,
        writeElement: (Element, inout String) -> Void
    ) {
        output += open
        guard !elements.isEmpty else {
            output += close
            return
        }
        for (index, element) in elements.enumerated() {
            if index > 0 { output += "," }
            if style == .pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
            writeElement(element, &output)
        }
        if style == .pretty { output += "\n" + String(repeating: "  ", count: indent) }
        output += close
    }

    /// Returns the shortest text that reads back as the same `Double`; JSON has no infinities or NaN,
    /// so those are written as `null`.
    private static func text(for number: Double) -> String {
        guard number.isFinite else { return "null" }
        return number.description
    }

    /// Writes a string literal: `"` and `\` escaped, control characters as `\n`-style or
    /// `\u00XX` escapes, and everything else, `/` and non-ASCII included, as is.
    package static func writeString(_ text: String, to output: inout String) {
        output += "\""
        let needsEscaping =
            text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isEscaped) }
            ?? text.utf8.contains(where: isEscaped)
        output += needsEscaping ? escaped(text) : text
        output += "\""
    }

    /// Writes a string literal as UTF-8 bytes, escaped as `writeString(_:to:)` escapes it.
    package static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let needsEscaping =
            text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isEscaped) }
            ?? text.utf8.contains(where: isEscaped)
        output.append(contentsOf: needsEscaping ? escaped(text).utf8 : text.utf8)
        output.append(UInt8(ascii: "\""))
    }

    /// True for the bytes a JSON string writes escaped: quotes, backslashes, control characters and DEL.
    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
    }

    /// Returns the text with each escaped byte written as its escape. Every escaped byte is
    /// ASCII, so the other bytes, multi-byte characters included, are copied as they are.
    private static func escaped(_ text: String) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            guard isEscaped(byte) else {
                bytes.append(byte)
                continue
            }
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default:
                bytes += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                bytes += [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension JSONValue {
    /// Returns the canonical JSON text of this value (see `JSONWriter`).
    package func jsonText(_ style: JSONWriter.Style = .pretty) -> String {
        JSONWriter(style: style).string(for: self)
    }
}
