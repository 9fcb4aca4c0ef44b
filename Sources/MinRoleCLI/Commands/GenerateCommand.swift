import Diagnostics
import IAMCatalog
import PolicySynthesis
import PythonAnalysis
import Rendering
import SourceAnalysis

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `minrole generate [PATH]`: one least-privilege policy per function.
enum GenerateCommand {
    static let spec = CommandSpec(
        name: "generate",
        summary: "Write the least-privilege execution role policy of each Lambda function in a project.",
        usage: "minrole generate [PATH] [--function ID] [--format FORMAT] [--explain] [--output FILE]",
        details: """
            PATH is the project folder (default: the current folder). minrole finds its SAM and
            CloudFormation templates, reads each function's handler code, and resolves every
            resource through the environment and the template. Values known only at deploy time
            stay as ${AWS::Region}-style placeholders; --region, --account and --partition fill
            them in --format policy.
            """,
        options: [
            OptionSpec(
                name: "function", valueName: "ID", isRepeatable: true,
                help: "Only this function (logical id); repeatable."),
            OptionSpec(
                name: "format", valueName: "FORMAT", help: "text (default), json, policy, sam or cloudformation."),
            OptionSpec(
                name: "explain",
                help:
                    "Add the reason for each statement (comments in sam and cloudformation, standard error with policy)."
            ),
            OptionSpec(
                name: "parameter", valueName: "KEY=VALUE", isRepeatable: true,
                help: "Set a template parameter; repeatable."),
            OptionSpec(name: "region", valueName: "REGION", help: "Region for ${AWS::Region} in --format policy."),
            OptionSpec(
                name: "account", valueName: "ACCOUNT_ID", help: "Account id for ${AWS::AccountId} in --format policy."),
            OptionSpec(
                name: "partition", valueName: "PARTITION",
                help: "Partition for ${AWS::Partition} in --format policy (aws, aws-cn, aws-us-gov)."),
            OptionSpec(
                name: "output", valueName: "FILE",
                help: "Write the output to FILE (whole or not at all) instead of standard output."),
        ],
        maximumPositionals: 1)

    static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> MinRole.ExitStatus {
        let options = try GenerateOptions(arguments)
        let synthesizer = PolicySynthesizer(
            catalog: .shared, analyzers: [PythonAnalyzer()], platform: .bundled)
        let generation = ProjectGeneration(
            root: options.root, parameterOverrides: options.parameters,
            functionFilter: Set(options.functions), synthesizer: synthesizer)
        let project = generation.run()
        try checkFunctionFilter(options, project: project)
        var diagnostics = project.diagnostics + project.functions.flatMap(\.diagnostics)
        let output = try render(project, options: options, diagnostics: &diagnostics, io: io)
        for diagnostic in Diagnostic.sortedForOutput(diagnostics) { io.writeError(diagnostic.description + "\n") }
        if let path = options.outputPath {
            do {
                try OutputFile.write(output, to: path)
            } catch {
                io.writeError("minrole generate: error: \(error.message)\n")
                return .unreadableInput
            }
        } else {
            io.writeOutput(output)
        }
        io.writeError(summary(project, diagnostics: diagnostics))
        return project.hadUnreadableInput ? .unreadableInput : .success
    }

    private static func render(
        _ project: ProjectPolicies, options: GenerateOptions, diagnostics: inout [Diagnostic], io: CommandIO
    ) throws(UsageError) -> String {
        switch options.format {
        case .text: return TextReport.render(project)
        case .json: return JSONReport.render(project)
        case .sam: return SAMRendering.render(project, explain: options.explain, version: MinRole.version)
        case .cloudformation:
            return CloudFormationRendering.render(project, explain: options.explain, version: MinRole.version)
        case .policy:
            guard project.functions.count == 1, let policy = project.functions.first else {
                let ids = project.functions.map(\.function.logicalId).joined(separator: ", ")
                throw UsageError(
                    "--format policy writes one function's policy; pass --function ID (functions: \(ids.isEmpty ? "none" : ids))",
                    command: spec.name)
            }
            let (text, warnings) = PolicyRendering.render(policy, values: options.placeholders)
            diagnostics += warnings
            if options.explain { io.writeError(TextReport.render(project)) }
            return text
        }
    }

    private static func checkFunctionFilter(_ options: GenerateOptions, project: ProjectPolicies) throws(UsageError) {
        let found = Set(project.functions.map(\.function.logicalId))
        for id in options.functions where !found.contains(id) {
            throw UsageError("no function '\(id)' in \(options.root)", command: spec.name)
        }
    }

    private static func summary(_ project: ProjectPolicies, diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let statements = project.functions.reduce(0) { $0 + $1.statements.count }
        return
            "minrole: \(project.functions.count) functions, \(statements) statements, \(errors) errors, \(warnings) warnings\n"
    }
}

/// The validated options of `generate`.
struct GenerateOptions {
    var root: String
    var functions: [String]
    var format: OutputFormat
    var explain: Bool
    var parameters: [String: String]
    var placeholders: PlaceholderValues
    var outputPath: String?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        let path = arguments.positionals.first ?? "."
        guard let resolved = realpath(path, nil) else {
            throw UsageError(
                "cannot open project folder '\(path)': \(String(cString: strerror(errno)))", command: "generate")
        }
        root = String(cString: resolved)
        free(resolved)
        functions = arguments.all("function")
        let formatName = arguments.value("format") ?? "text"
        guard let format = OutputFormat(rawValue: formatName) else {
            var message =
                "unknown format '\(formatName)'; use one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
            if let suggestion = Suggestions.closest(to: formatName, among: OutputFormat.allCases.map(\.rawValue)) {
                message += " (did you mean '\(suggestion)'?)"
            }
            throw UsageError(message, command: "generate")
        }
        self.format = format
        explain = arguments.flag("explain")
        parameters = [:]
        for assignment in arguments.all("parameter") {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw UsageError("--parameter takes KEY=VALUE, got '\(assignment)'", command: "generate")
            }
            parameters[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        placeholders = PlaceholderValues(
            region: arguments.value("region"), account: arguments.value("account"),
            partition: arguments.value("partition"))
        if let account = placeholders.account, account.count != 12 || !account.allSatisfy(\.isNumber) {
            throw UsageError("--account takes a 12-digit account id, got '\(account)'", command: "generate")
        }
        outputPath = arguments.value("output").flatMap { $0 == "-" ? nil : $0 }
    }
}
