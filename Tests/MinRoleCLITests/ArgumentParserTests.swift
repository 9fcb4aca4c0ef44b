import Synchronization
import Testing

@testable import MinRoleCLI

/// Runs the command line in-process and collects what it writes.
func runMinRole(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
    let output = Mutex("")
    let error = Mutex("")
    let io = CommandIO(
        writeOutput: { text in output.withLock { $0 += text } },
        writeError: { text in error.withLock { $0 += text } })
    let status = MinRole.run(arguments: arguments, io: io)
    return (status, output.withLock { $0 }, error.withLock { $0 })
}

@Suite struct ArgumentParserTests {
    let spec = CommandSpec(
        name: "demo", summary: "Demo.", usage: "minrole demo [PATH]", details: "",
        options: [
            OptionSpec(name: "format", valueName: "FORMAT", help: "Format."),
            OptionSpec(name: "function", valueName: "ID", isRepeatable: true, help: "Function."),
            OptionSpec(name: "explain", help: "Explain."),
        ],
        maximumPositionals: 1)

    @Test func parsesValuesFlagsAndPositionals() throws {
        let parsed = try ArgumentParser.parse(
            ["app", "--format=json", "--function", "A", "--function", "B", "--explain"], for: spec)
        #expect(parsed.positionals == ["app"])
        #expect(parsed.value("format") == "json")
        #expect(parsed.all("function") == ["A", "B"])
        #expect(parsed.flag("explain"))
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try ArgumentParser.parse(["--", "--format"], for: spec)
        #expect(parsed.positionals == ["--format"])
    }

    @Test(arguments: [
        (["--formt", "json"], "did you mean '--format'?"),
        (["--format"], "--format needs a value"),
        (["--format", "a", "--format", "b"], "--format is given twice"),
        (["--explain=yes"], "--explain takes no value"),
        (["a", "b"], "unexpected argument 'b'"),
        (["-x"], "unknown option '-x'"),
    ])
    func rejectsBadCommandLines(arguments: [String], message: String) {
        #expect(throws: UsageError.self) { try ArgumentParser.parse(arguments, for: spec) }
        do {
            _ = try ArgumentParser.parse(arguments, for: spec)
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func suggestionsNeedCloseWords() {
        #expect(Suggestions.closest(to: "generat", among: ["generate", "explain"]) == "generate")
        #expect(Suggestions.closest(to: "zzzzzz", among: ["generate", "explain"]) == nil)
        #expect(Suggestions.distance("kitten", "sitting") == 3)
    }
}

@Suite struct CommandLineTests {
    @Test func versionPrintsName() {
        let result = runMinRole(["--version"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("minrole "))
    }

    @Test func noArgumentsIsUsageError() {
        let result = runMinRole([])
        #expect(result.status == 2)
        #expect(result.error.contains("Usage: minrole COMMAND"))
    }

    @Test func unknownCommandSuggests() {
        let result = runMinRole(["genrate"])
        #expect(result.status == 2)
        #expect(result.error.contains("did you mean 'generate'?"))
    }

    @Test func commandHelpListsOptions() {
        let result = runMinRole(["generate", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("--format FORMAT"))
        #expect(result.output.contains("--parameter KEY=VALUE"))
    }

    @Test func missingProjectFolderIsUsageError() {
        let result = runMinRole(["generate", "/nonexistent/minrole-project"])
        #expect(result.status == 2)
        #expect(result.error.contains("cannot open project folder '/nonexistent/minrole-project'"))
    }

    @Test func unknownFormatIsUsageError() {
        let result = runMinRole(["generate", ".", "--format", "jsn"])
        #expect(result.status == 2)
        #expect(result.error.contains("did you mean 'json'?"))
    }

    @Test func badAccountIsUsageError() {
        let result = runMinRole(["generate", ".", "--account", "12ab"])
        #expect(result.status == 2)
        #expect(result.error.contains("12-digit account id"))
    }
}
