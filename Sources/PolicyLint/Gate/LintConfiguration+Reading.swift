import Diagnostics
import Documents

extension LintConfiguration {
    static let topLevelKeys = ["rules", "ignore", "fail-on", "check"]
    static let checkKeys = ["tolerance"]

    /// Reads a configuration file and reports every problem with its position and what to do.
    /// A key or value that cannot be used is left out of the result, so the caller should stop
    /// when `diagnostics` has errors.
    package static func read(
        bytes: [UInt8], displayPath: String, knownRuleIds: Set<String>, diagnostics: DiagnosticSink
    ) -> LintConfiguration {
        let root: Node
        do {
            let document = try DocumentReader.read(bytes: bytes, displayPath: displayPath)
            for warning in document.warnings { diagnostics.report(warning) }
            root = document.root
        } catch {
            // A file of only comments sets nothing, like an empty mapping.
            if error.code == .emptyDocument { return LintConfiguration() }
            diagnostics.report(
                .error, .configurationUnreadable, "configuration is not valid YAML: \(error.message)",
                at: error.location)
            return LintConfiguration()
        }
        if root.isNull { return LintConfiguration() }
        guard let pairs = root.mapping else {
            diagnostics.report(
                .error, .configurationUnreadable,
                "configuration must be a mapping with the keys \(topLevelKeys.joined(separator: ", "))",
                at: root.location)
            return LintConfiguration()
        }
        var reader = ConfigurationReader(knownRuleIds: knownRuleIds, diagnostics: diagnostics)
        for pair in pairs { reader.read(pair) }
        return reader.configuration
    }
}

/// Reads the sections of a configuration mapping one pair at a time.
private struct ConfigurationReader {
    let knownRuleIds: Set<String>
    let diagnostics: DiagnosticSink
    var configuration = LintConfiguration()

    mutating func read(_ pair: Node.Pair) {
        let key = pair.key.scalar ?? ""
        switch key {
        case "rules": readRules(pair.value)
        case "ignore": readIgnore(pair.value)
        case "fail-on": configuration.failOn = severity(pair.value, key: "fail-on")
        case "check": readCheck(pair.value)
        default: reportUnknownKey(pair.key, among: LintConfiguration.topLevelKeys)
        }
    }

    private mutating func readRules(_ node: Node) {
        guard let pairs = node.mapping else {
            invalid(node, "'rules' must map rule ids to off, on, error, warning or note, such as 'MR101: off'")
            return
        }
        for pair in pairs {
            guard let id = pair.key.scalar, !id.isEmpty else {
                invalid(pair.key, "a rule id must be text such as MR101")
                continue
            }
            if !knownRuleIds.contains(id) {
                var message = "no rule has the id '\(id)'; the setting has no effect"
                if let close = ClosestName.closest(to: id, among: knownRuleIds.sorted()) {
                    message += " (did you mean '\(close)'?)"
                }
                diagnostics.report(.warning, .unknownRuleId, message, at: pair.key.location)
            }
            switch pair.value.scalar?.lowercased() {
            case "off", "false", "disabled": configuration.rules[id] = .off
            case "on", "true", "enabled": configuration.rules[id] = .on
            case let text? where Severity(rawValue: text) != nil:
                configuration.rules[id] = .severity(Severity(rawValue: text)!)
            default:
                invalid(pair.value, "the setting of \(id) must be off, on, error, warning or note")
            }
        }
    }

    private mutating func readIgnore(_ node: Node) {
        let items = node.sequence ?? (node.scalar != nil ? [node] : nil)
        guard let items else {
            invalid(node, "'ignore' must be a list of path globs such as \"generated/**\"")
            return
        }
        for item in items {
            guard let glob = item.scalar, !glob.isEmpty, !item.isNull else {
                invalid(item, "each 'ignore' entry must be a non-empty path glob such as \"generated/**\"")
                continue
            }
            configuration.ignoredPaths.append(glob)
        }
    }

    private mutating func readCheck(_ node: Node) {
        guard let pairs = node.mapping else {
            invalid(node, "'check' must be a mapping such as 'tolerance: 2'")
            return
        }
        for pair in pairs {
            guard pair.key.scalar == "tolerance" else {
                reportUnknownKey(pair.key, among: LintConfiguration.checkKeys, section: "check")
                continue
            }
            guard case .scalar(let text, .plain) = pair.value.content, let count = Int(text), count >= 0,
                count <= 1_000_000
            else {
                invalid(pair.value, "'tolerance' must be a whole number of excess actions from 0 to 1000000")
                continue
            }
            configuration.checkTolerance = count
        }
    }

    private func severity(_ node: Node, key: String) -> Severity? {
        guard let text = node.scalar, let severity = Severity(rawValue: text.lowercased()) else {
            invalid(node, "'\(key)' must be error, warning or note")
            return nil
        }
        return severity
    }

    private func reportUnknownKey(_ key: Node, among known: [String], section: String? = nil) {
        let name = key.scalar ?? "(not text)"
        let place = section.map { " in '\($0)'" } ?? ""
        var message = "unknown key '\(name)'\(place); the keys are \(known.joined(separator: ", "))"
        if let close = ClosestName.closest(to: name, among: known) { message += " (did you mean '\(close)'?)" }
        diagnostics.report(.error, .unknownConfigurationKey, message, at: key.location)
    }

    private func invalid(_ node: Node, _ message: String) {
        diagnostics.report(.error, .invalidConfigurationValue, message, at: node.location)
    }
}

/// "Did you mean" by edit distance, for rule ids and keys.
enum ClosestName {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        let scored = candidates.map { ($0, distance(Array(word.lowercased().utf8), Array($0.lowercased().utf8))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit else { return nil }
        return best.0
    }

    /// Levenshtein distance over bytes; texts longer than 64 bytes are not compared.
    private static func distance(_ left: [UInt8], _ right: [UInt8]) -> Int {
        guard left.count <= 64, right.count <= 64 else { return Int.max }
        var previous = Array(0...right.count)
        for (i, leftByte) in left.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: right.count)
            for (j, rightByte) in right.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (leftByte == rightByte ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
