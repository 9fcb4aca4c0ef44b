import Diagnostics
import IAMCatalog
import JavaScriptAnalysis
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
        usage:
            "minrole generate [PATH] [--function ID] [--format FORMAT] [--explain] [--parameter KEY=VALUE] [--region R --account A --partition P] [--output FILE]",
        details: """
            PATH is the project folder (default: the current folder) or one template file. minrole finds its SAM and
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
            catalog: .shared, analyzers: [PythonAnalyzer(), JavaScriptAnalyzer()], platform: .bundled)
        let generation = ProjectGeneration(
            root: options.root, parameterOverrides: options.parameters,
            functionFilter: Set(options.functions), templatePath: options.templatePath, synthesizer: synthesizer,
            renderFunction: functionRenderer(options.format))
        let project = generation.run()
        try checkProject(options, project: project)
        var diagnostics =
            project.diagnostics + project.functions.flatMap(\.diagnostics) + ignoredOptions(options, project: project)
        let output = try render(project, options: options, diagnostics: &diagnostics, io: io)
        for line in DiagnosticPrinter.lines(for: diagnostics) { io.writeError(line + "\n") }
        if let path = options.outputPath {
            if writesOverInput(path, project: project, root: options.root) {
                io.writeError(
                    "minrole generate: error: --output \(path) is one of the project's templates or handler files; write elsewhere\n"
                )
                return .usageError
            }
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

    /// Returns the renderer of one function's part of the output, which runs in the parallel
    /// loop, for the formats that have one.
    private static func functionRenderer(_ format: OutputFormat) -> (@Sendable (FunctionPolicy) -> String)? {
        guard format == .json else { return nil }
        return { policy in JSONReport.renderFunction(policy) }
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
            if options.explain { io.writeError(TextReport.reasons(for: policy)) }
            return text
        }
    }

    /// Rejects a project with no templates and `--function` ids that match no function.
    private static func checkProject(_ options: GenerateOptions, project: ProjectPolicies) throws(UsageError) {
        if project.templatePaths.isEmpty && !project.hadUnreadableInput {
            throw UsageError(
                "no SAM or CloudFormation template found under \(options.root); pass the folder that contains template.yaml, or the template file",
                command: spec.name)
        }
        let found = Set(project.allFunctionIds)
        for id in options.functions where !found.contains(id) {
            var message = "no function '\(id)' in \(options.root)"
            if let suggestion = Suggestions.closest(to: id, among: project.allFunctionIds) {
                message += "; did you mean '\(suggestion)'?"
            } else if !found.isEmpty {
                message += " (functions: \(project.allFunctionIds.joined(separator: ", ")))"
            }
            throw UsageError(message, command: spec.name)
        }
    }

    /// True when `path` is a file the run read: a template or a handler's source file.
    private static func writesOverInput(_ path: String, project: ProjectPolicies, root: String) -> Bool {
        guard let resolved = realpath(path, nil) else { return false }
        defer { free(resolved) }
        let target = String(cString: resolved)
        let inputs = project.templatePaths + project.functions.flatMap { $0.analysis?.filesRead ?? [] }
        return inputs.contains { root + "/" + $0 == target }
    }

    /// Warnings for options that have no effect on this run.
    private static func ignoredOptions(_ options: GenerateOptions, project: ProjectPolicies) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        if options.format != .policy, !options.placeholders.substitutions.isEmpty {
            warnings.append(
                Diagnostic(
                    .warning, .ignoredOption,
                    "--region, --account and --partition fill placeholders only in --format policy; they were ignored"))
        }
        if options.explain, options.format == .text || options.format == .json {
            warnings.append(
                Diagnostic(
                    .warning, .ignoredOption,
                    "--explain has no effect with --format \(options.format.rawValue), which always includes the reasons"
                ))
        }
        for name in options.parameters.keys.sorted() where !project.parameterNames.contains(name) {
            var message = "--parameter \(name): no template declares a parameter '\(name)'; it was ignored"
            if let suggestion = Suggestions.closest(to: name, among: Array(project.parameterNames)) {
                message += " (did you mean '\(suggestion)'?)"
            }
            warnings.append(Diagnostic(.warning, .ignoredOption, message))
        }
        return warnings
    }

    private static func summary(_ project: ProjectPolicies, diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let statements = project.functions.reduce(0) { $0 + $1.statements.count }
        let counts = [
            counted(project.functions.count, "function"), counted(statements, "statement"), counted(errors, "error"),
            counted(warnings, "warning"),
        ]
        return "minrole: " + counts.joined(separator: ", ") + "\n"
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

/// The validated options of `generate`.
struct GenerateOptions {
    var root: String
    var templatePath: String?
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
        let absolute = String(cString: resolved)
        free(resolved)
        var info = stat()
        if stat(absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            // A template file: its folder is the root, so CodeUri paths resolve as SAM resolves them.
            let folder = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.startIndex)])
            root = folder.isEmpty ? "/" : folder
            templatePath = absolute
        } else {
            root = absolute
            templatePath = nil
        }
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
        if let partition = placeholders.partition, !GenerateOptions.partitions.contains(partition) {
            throw UsageError(
                "unknown partition '\(partition)'; use one of: \(GenerateOptions.partitions.joined(separator: ", "))",
                command: "generate")
        }
        if let region = placeholders.region, !GenerateOptions.isRegionName(region) {
            throw UsageError("'\(region)' is not a region name such as us-east-1 or eu-west-2", command: "generate")
        }
        if arguments.value("output")?.isEmpty == true {
            throw UsageError("--output needs a file name (or - for standard output)", command: "generate")
        }
        outputPath = arguments.value("output").flatMap { $0 == "-" ? nil : $0 }
    }
}

extension GenerateOptions {
    /// The AWS partitions, as ARNs spell them.
    static let partitions = [
        "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
    ]

    /// True for names shaped like `us-east-1`, `ap-southeast-4` or `us-gov-west-1`.
    static func isRegionName(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }
}
