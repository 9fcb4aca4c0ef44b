/// Writes the small YAML subset the SAM and CloudFormation outputs need: block mappings and
/// sequences, comments, and scalars quoted whenever plain style could change their meaning.
struct YAMLWriter {
    private(set) var text = ""

    mutating func comment(_ line: String, indent: Int) {
        for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
            text += String(repeating: " ", count: indent) + "# " + part + "\n"
        }
    }

    mutating func line(_ content: String, indent: Int) {
        text += String(repeating: " ", count: indent) + content + "\n"
    }

    mutating func blank() { text += "\n" }

    /// Writes a scalar as YAML: plain when safe, otherwise double-quoted with escapes.
    static func scalar(_ value: String) -> String {
        if isPlainSafe(value) { return value }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += "\\x" + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static let reservedWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ]

    private static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, !reservedWords.contains(value.lowercased()) else { return false }
        if !(first.properties.isAlphabetic || first == "/" || first == "_") { return false }
        if value.contains(": ") || value.contains(" #") || value.hasSuffix(":") || value.hasSuffix(" ") { return false }
        return value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-_./:@".unicodeScalars.contains(scalar))
        }
    }
}
