/// Parses `--name value`, `--name=value`, flags, and positionals; `--` ends the options.
enum ArgumentParser {
    static func parse(_ arguments: [String], for command: CommandSpec) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                result.flags.insert("help")
                continue
            }
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option '\(argument)'; options start with two dashes", command: command.name)
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = command.options.first(where: { $0.name == name }) else {
                throw unknownOption(name, command: command)
            }
            guard option.takesValue else {
                if inlineValue != nil {
                    throw UsageError("--\(name) takes no value", command: command.name)
                }
                result.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError("--\(name) needs a value (\(option.valueName ?? "VALUE"))", command: command.name)
            }
            if !option.isRepeatable, result.values[name] != nil {
                throw UsageError("--\(name) is given twice; give it once", command: command.name)
            }
            result.values[name, default: []].append(value)
        }
        if result.positionals.count > command.maximumPositionals, !result.flags.contains("help") {
            let extra = result.positionals[command.maximumPositionals]
            throw UsageError("unexpected argument '\(extra)'; usage: \(command.usage)", command: command.name)
        }
        return result
    }

    private static func unknownOption(_ name: String, command: CommandSpec) -> UsageError {
        var message = "unknown option '--\(name)' for '\(command.name)'"
        if let suggestion = Suggestions.closest(to: name, among: command.options.map(\.name)) {
            message += "; did you mean '--\(suggestion)'?"
        }
        return UsageError(message, command: command.name)
    }
}

/// "Did you mean" suggestions by edit distance.
enum Suggestions {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let allowed = max(2, word.count / 3)
        return best.1 <= allowed ? best.0 : nil
    }

    /// Levenshtein distance.
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs.unicodeScalars)
        let right = Array(rhs.unicodeScalars)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
