import PolicyModel

/// Policy text that may hold policy variables (`${aws:username}`), read once so a request only
/// fills the variables in.
///
/// Variables follow the IAM User Guide ("IAM policy elements: Variables and tags"). They work
/// only under `Version: 2012-10-17`. `${*}`, `${?}` and `${$}` are those characters taken
/// literally, and `${key, 'default'}` gives a default in which `''` is one quote. A resolved
/// value is inserted literally, so a `*` in a tag value is not a wildcard. Text that starts
/// like a variable but is not one (`${`, `${a${b}}`) is kept as written.
struct PolicyTemplate: Hashable, Sendable {
    enum Piece: Hashable, Sendable {
        case elements([PatternElement])
        case variable(ContextKeyName, defaultValue: String?)
    }

    private(set) var pieces: [Piece] = []
    /// Names of CloudFormation placeholders (`${AWS::Region}`) that were read as `*`.
    private(set) var widenedPlaceholders: [String] = []

    var hasVariables: Bool {
        pieces.contains { if case .variable = $0 { true } else { false } }
    }

    /// The elements of a template without variables.
    var fixedElements: [PatternElement] {
        pieces.flatMap { piece -> [PatternElement] in
            if case .elements(let elements) = piece { return elements }
            return []
        }
    }

    /// Reads a pattern from a policy. Literal parts are scanned for policy variables when
    /// `allowsVariables`; placeholders and unresolved parts become `*`.
    init(_ pattern: PatternString, allowsVariables: Bool) {
        for segment in pattern.segments {
            switch segment {
            case .literal(let text):
                if allowsVariables {
                    appendScanningVariables(Array(text.utf8))
                } else {
                    append(PatternElement.parse(text.utf8))
                }
            case .placeholder(let name):
                widenedPlaceholders.append(name)
                append([.anyRun])
            case .wildcard:
                append([.anyRun])
            }
        }
    }

    private mutating func append(_ elements: [PatternElement]) {
        guard !elements.isEmpty else { return }
        if case .elements(let previous)? = pieces.last {
            pieces[pieces.count - 1] = .elements(previous + elements)
        } else {
            pieces.append(.elements(elements))
        }
    }

    private mutating func appendScanningVariables(_ bytes: [UInt8]) {
        var pending: [PatternElement] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                let parsed = VariableSyntax.parse(bytes, openingAt: index)
            {
                switch parsed.token {
                case .literal(let byte): pending.append(.byte(byte))
                case .variable(let key, let defaultValue):
                    append(pending)
                    pending = []
                    pieces.append(.variable(key, defaultValue: defaultValue))
                }
                index = parsed.end
                continue
            }
            pending.append(contentsOf: PatternElement.parse(CollectionOfOne(bytes[index])))
            index += 1
        }
        append(pending)
    }
}

/// A condition key or variable name as written and in the lowercase form that lookups use;
/// IAM compares key names case-insensitively.
struct ContextKeyName: Hashable, Sendable {
    let spelled: String
    let lowercased: String

    init(_ spelled: String) {
        self.spelled = spelled
        self.lowercased = spelled.lowercased()
    }
}

/// The grammar of one `${...}`.
private enum VariableSyntax {
    enum Token {
        case literal(UInt8)
        case variable(ContextKeyName, defaultValue: String?)
    }

    /// Parses the variable whose `${` starts at `start`; `nil` when the text is not a variable.
    /// Every scan stops at the first `$`, `{`, `}` or unpaired quote, so the text is read in
    /// linear time however the braces nest.
    static func parse(_ bytes: [UInt8], openingAt start: Int) -> (token: Token, end: Int)? {
        let bodyStart = start + 2
        if bodyStart + 1 < bytes.count, bytes[bodyStart + 1] == UInt8(ascii: "}") {
            let special = bytes[bodyStart]
            if special == UInt8(ascii: "*") || special == UInt8(ascii: "?") || special == UInt8(ascii: "$") {
                return (.literal(special), bodyStart + 2)
            }
        }
        var index = bodyStart
        while index < bytes.count, !isKeyTerminator(bytes[index]) { index += 1 }
        guard index < bytes.count else { return nil }
        let key = trimmed(bytes[bodyStart..<index])
        guard !key.isEmpty else { return nil }
        let name = ContextKeyName(String(decoding: key, as: UTF8.self))
        if bytes[index] == UInt8(ascii: "}") { return (.variable(name, defaultValue: nil), index + 1) }
        guard bytes[index] == UInt8(ascii: ",") else { return nil }
        guard let (defaultValue, end) = parseDefault(bytes, from: index + 1) else { return nil }
        return (.variable(name, defaultValue: defaultValue), end)
    }

    private static func isKeyTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "}") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "$")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "'")
    }

    /// Reads ` 'text'}` after the comma; `''` inside the quotes stands for one quote.
    private static func parseDefault(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "'") else { return nil }
        index += 1
        var value: [UInt8] = []
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "'") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                    value.append(UInt8(ascii: "'"))
                    index += 2
                    continue
                }
                index += 1
                while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
                return (String(decoding: value, as: UTF8.self), index + 1)
            }
            value.append(bytes[index])
            index += 1
        }
        return nil
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == UInt8(ascii: " ") { slice = slice.dropFirst() }
        while let last = slice.last, last == UInt8(ascii: " ") { slice = slice.dropLast() }
        return slice
    }
}
