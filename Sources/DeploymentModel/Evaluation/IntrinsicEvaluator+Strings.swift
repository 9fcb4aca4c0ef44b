import Diagnostics
import Documents

extension IntrinsicEvaluator {
    func sub(_ argument: Node) -> TemplateValue {
        if IntrinsicName.call(in: argument) == nil, let format = argument.scalar {
            return substitute(format, variables: [:], at: argument)
        }
        guard let items = argument.sequence, items.count == 2, let format = items[0].scalar,
            let pairs = items[1].mapping
        else {
            return invalid("Fn::Sub", "a string, or a list [string, {Name: value, ...}]", at: argument)
        }
        var variables: [String: TemplateValue] = [:]
        for pair in pairs {
            guard let name = pair.key.scalar else { continue }
            variables[name] = evaluate(pair.value)
        }
        return substitute(format, variables: variables, at: items[0])
    }

    /// Replaces each `${Name}` of a `Fn::Sub` string; `${!Text}` stands for the literal `${Text}`.
    private func substitute(_ format: String, variables: [String: TemplateValue], at node: Node) -> TemplateValue {
        let bytes = Array(format.utf8)
        var parts: [TemplateValue] = []
        var literal: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{")
            else {
                literal.append(bytes[index])
                index += 1
                continue
            }
            if index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "!") {
                literal.append(contentsOf: "${".utf8)
                index += 3
                continue
            }
            guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
                // NOTE: a `${` with no closing brace is kept as text; CloudFormation's own
                // handling of it was not checked.
                literal.append(contentsOf: bytes[index...])
                break
            }
            let name = String(decoding: bytes[(index + 2)..<close], as: UTF8.self).trimmingSpaces
            if name.isEmpty || name.contains("$") || name.contains("{") {
                return invalid("Fn::Sub", "variables such as ${Name} or ${Resource.Attribute}", at: node)
            }
            parts.append(.literal(String(decoding: literal, as: UTF8.self)))
            literal.removeAll()
            parts.append(variable(name, variables: variables, at: node))
            index = close + 1
        }
        parts.append(.literal(String(decoding: literal, as: UTF8.self)))
        return .joined(parts)
    }

    private func variable(_ name: String, variables: [String: TemplateValue], at node: Node) -> TemplateValue {
        if let value = variables[name] { return value }
        if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
            let resource = String(name[..<dot])
            return attributeValue(resource, String(name[name.index(after: dot)...]), at: node, in: "Fn::Sub")
        }
        return named(name, at: node, in: "Fn::Sub")
    }

    func join(_ argument: Node) -> TemplateValue {
        guard let items = argument.sequence, items.count == 2, let delimiter = text(of: items[0]) else {
            return invalid("Fn::Join", "a list [delimiter, [values]]", at: argument)
        }
        guard case .list(let values) = evaluate(items[1]) else {
            return .unknown("Fn::Join of a list known only at deploy time")
        }
        var parts: [TemplateValue] = []
        for (position, value) in values.enumerated() {
            if position > 0 { parts.append(.literal(delimiter)) }
            parts.append(value)
        }
        return .joined(parts)
    }

    func select(_ argument: Node) -> TemplateValue {
        guard let items = argument.sequence, items.count == 2, let indexText = text(of: items[0]) else {
            return invalid("Fn::Select", "a list [index, [values]]", at: argument)
        }
        guard let index = Int(indexText), index >= 0 else {
            return invalid(
                "Fn::Select", "an index that is a whole number of 0 or more, not '\(indexText)'", at: items[0])
        }
        guard case .list(let values) = evaluate(items[1]) else {
            return .unknown("Fn::Select from a list known only at deploy time")
        }
        guard index < values.count else {
            return invalid("Fn::Select", "an index below the list's length \(values.count), not \(index)", at: items[0])
        }
        return values[index]
    }

    func split(_ argument: Node) -> TemplateValue {
        guard let items = argument.sequence, items.count == 2, let delimiter = text(of: items[0]),
            !delimiter.isEmpty
        else {
            return invalid("Fn::Split", "a list [delimiter, string] with a delimiter that is not empty", at: argument)
        }
        guard let source = template.literalText(of: evaluate(items[1])) else {
            return .unknown("Fn::Split of a string known only at deploy time")
        }
        return .list(source.splitting(by: delimiter).map { .literal($0) })
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// Splits the text at each occurrence of `delimiter`, keeping empty pieces as `Fn::Split` does.
    func splitting(by delimiter: String) -> [String] {
        let source = Array(utf8)
        let pattern = Array(delimiter.utf8)
        var pieces: [String] = []
        var start = 0
        var index = 0
        while index + pattern.count <= source.count {
            if source[index..<index + pattern.count].elementsEqual(pattern) {
                pieces.append(String(decoding: source[start..<index], as: UTF8.self))
                index += pattern.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(String(decoding: source[start...], as: UTF8.self))
        return pieces
    }
}
