import Diagnostics

/// The `minrole` command line: one entry point that takes the arguments and the output
/// streams and returns the exit status, so tests run it in-process.
package enum MinRole {
    package static let version = "0.1.0"

    /// Exit statuses, the same for every command.
    package enum ExitStatus: Int32, Sendable {
        case success = 0
        /// Findings or denied calls at or above `--fail-on`.
        case findings = 1
        case usageError = 2
        /// Some input could not be read or parsed; everything else was still processed.
        case unreadableInput = 3
    }

    static let commands: [Command] = [
        Command(spec: GenerateCommand.spec, run: GenerateCommand.run),
        Command(spec: SimulateCommand.spec, run: SimulateCommand.run),
        Command(spec: ExplainCommand.spec, run: ExplainCommand.run),
        Command(spec: LintCommand.spec, run: LintCommand.run),
        Command(spec: CheckCommand.spec, run: CheckCommand.run),
    ]

    package static func main(arguments: [String]) -> Int32 {
        run(arguments: arguments, io: .standard)
    }

    package static func run(arguments: [String], io: CommandIO) -> Int32 {
        guard let first = arguments.first else {
            io.writeError(overview)
            return ExitStatus.usageError.rawValue
        }
        switch first {
        case "--help", "-h", "help":
            if arguments.count > 1, let command = commands.first(where: { $0.spec.name == arguments[1] }) {
                io.writeOutput(command.spec.help)
            } else {
                io.writeOutput(overview)
            }
            return ExitStatus.success.rawValue
        case "--version":
            io.writeOutput("minrole \(version)\n")
            return ExitStatus.success.rawValue
        default:
            break
        }
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            var message = "minrole: error: unknown command '\(first)'"
            if let suggestion = Suggestions.closest(to: first, among: commands.map(\.spec.name)) {
                message += "; did you mean '\(suggestion)'?"
            }
            io.writeError(message + "\nRun 'minrole --help' for the list of commands.\n")
            return ExitStatus.usageError.rawValue
        }
        do {
            let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), for: command.spec)
            if parsed.flag("help") {
                io.writeOutput(command.spec.help)
                return ExitStatus.success.rawValue
            }
            let status = try command.run(parsed, io)
            if let failure = io.outputFailure() {
                io.writeError(
                    "minrole \(command.spec.name): error: the output could not be written in full: \(failure)\n")
                return ExitStatus.unreadableInput.rawValue
            }
            return status.rawValue
        } catch let error as UsageError {
            io.writeError(
                "minrole \(command.spec.name): error: \(error.message)\nRun 'minrole \(command.spec.name) --help' for usage.\n"
            )
            return ExitStatus.usageError.rawValue
        } catch {
            io.writeError("minrole \(command.spec.name): error: \(error)\n")
            return ExitStatus.usageError.rawValue
        }
    }

    static var overview: String {
        var text = """
            minrole \(version): the smallest IAM execution role each AWS Lambda function needs.

            Usage: minrole COMMAND [OPTIONS]

            Commands:

            """
        for command in commands { text += "  \(command.spec.name.padding(to: 10))\(command.spec.summary)\n" }
        text += """

            Run 'minrole COMMAND --help' for a command's options.
            Exit status: 0 success, 1 findings (lint, check) or denied calls (simulate), 2 usage error,
            3 some input could not be read (the rest is still written).

            """
        return text
    }
}

/// A subcommand: its help and options, and the function that runs it.
struct Command: Sendable {
    var spec: CommandSpec
    var run: @Sendable (ParsedArguments, CommandIO) throws -> MinRole.ExitStatus
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
