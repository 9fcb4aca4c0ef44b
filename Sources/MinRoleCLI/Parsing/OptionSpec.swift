/// One option a command accepts.
struct OptionSpec: Sendable {
    var name: String
    /// The value's placeholder in help (`FILE`), or `nil` for a flag.
    var valueName: String?
    var isRepeatable = false
    var help: String

    var takesValue: Bool { valueName != nil }
}

/// A command's name, help and options.
struct CommandSpec: Sendable {
    var name: String
    var summary: String
    var usage: String
    var details: String
    var options: [OptionSpec]
    /// The most positional arguments the command takes.
    var maximumPositionals: Int

    var help: String {
        var text = "\(summary)\n\nUsage: \(usage)\n"
        if !details.isEmpty { text += "\n\(details)\n" }
        text += "\nOptions:\n"
        let all = options + [OptionSpec(name: "help", help: "Show this help.")]
        let labels = all.map { option in
            "--\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
        }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, option) in zip(labels, all) {
            text += "  " + label + String(repeating: " ", count: width - label.count) + option.help + "\n"
        }
        return text
    }
}

/// The parsed command line of one command.
struct ParsedArguments: Sendable {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}

/// A command line that cannot be run: exit status 2, with the message and what to do.
struct UsageError: Error, Sendable {
    var message: String
    var command: String?

    init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }
}
