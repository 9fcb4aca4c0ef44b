import Documents

/// Writes policy documents as canonical JSON: keys in IAM's usual order (`Version`,
/// `Statement`; `Sid`, `Effect`, `Action`, `Resource`, `Condition`), two-space indentation,
/// a single value written as a string and several as an array, so the same policy is always
/// the same bytes.
package struct PolicyJSONWriter: Sendable {
    /// How a pattern's placeholders are written: kept as `${AWS::Region}`, or substituted.
    package var renderPattern: @Sendable (PatternString) -> String

    package init(renderPattern: @escaping @Sendable (PatternString) -> String = { $0.description }) {
        self.renderPattern = renderPattern
    }

    package func json(_ document: PolicyDocument) -> String {
        var out = JSONTextBuilder()
        write(document, into: &out)
        return out.text
    }

    /// Writes the document as the next value of a larger JSON text.
    package func write(_ document: PolicyDocument, into out: inout JSONTextBuilder) {
        out.beginObject()
        if let version = document.version {
            out.key("Version")
            out.string(version)
        }
        out.key("Statement")
        out.beginArray()
        for statement in document.statements { write(statement, to: &out) }
        out.endArray()
        out.endObject()
    }

    private func write(_ statement: Statement, to out: inout JSONTextBuilder) {
        out.beginObject()
        if let sid = statement.sid {
            out.key("Sid")
            out.string(sid)
        }
        out.key("Effect")
        out.string(statement.effect.rawValue)
        out.key(statement.isNotAction ? "NotAction" : "Action")
        out.stringOrArray(statement.actions)
        out.key(statement.isNotResource ? "NotResource" : "Resource")
        out.stringOrArray(statement.resources.map(renderPattern))
        if !statement.conditions.isEmpty {
            out.key("Condition")
            out.beginObject()
            let byOperator = Dictionary(grouping: statement.conditions, by: \.conditionOperator)
            for conditionOperator in byOperator.keys.sorted() {
                out.key(conditionOperator)
                out.beginObject()
                for condition in byOperator[conditionOperator]!.sorted() {
                    out.key(condition.key)
                    out.stringOrArray(condition.values.map(renderPattern))
                }
                out.endObject()
            }
            out.endObject()
        }
        out.endObject()
    }
}

/// A small pretty-printing JSON text builder for documents whose key order matters. The text
/// is built as UTF-8 bytes, because appending short pieces to bytes costs far less than
/// appending them to a `String`.
package struct JSONTextBuilder: Sendable {
    private var bytes: [UInt8] = []
    private let indentUnit: [UInt8]
    private var depth: Int
    private var needsComma: [Bool] = []
    private var afterKey = false

    package init(indentUnit: String = "  ") {
        self.indentUnit = Array(indentUnit.utf8)
        self.depth = 0
    }

    /// The text written so far.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        if let last = needsComma.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            newline()
            needsComma[needsComma.count - 1] = true
        }
    }

    package mutating func key(_ name: String) {
        beginValue()
        JSONWriter.writeString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        afterKey = true
    }

    package mutating func string(_ value: String) {
        beginValue()
        JSONWriter.writeString(value, to: &bytes)
    }

    /// Writes a number, `true`, `false` or `null` as given.
    package mutating func raw(_ literal: String) {
        beginValue()
        bytes.append(contentsOf: literal.utf8)
    }

    package mutating func stringOrArray(_ values: [String]) {
        if values.count == 1 {
            string(values[0])
            return
        }
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        beginValue()
        bytes.append(bracket)
        depth += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        let hadItems = needsComma.removeLast()
        if hadItems { newline() }
        bytes.append(bracket)
    }

    /// Starts a new line indented to the current depth.
    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes.append(contentsOf: indentUnit) }
    }

    /// Returns a JSON string literal, escaped as `JSONWriter` escapes it.
    package static func quoted(_ value: String) -> String {
        var text = ""
        JSONWriter.writeString(value, to: &text)
        return text
    }
}
