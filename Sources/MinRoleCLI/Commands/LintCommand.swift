import DeploymentModel
import Diagnostics
import Documents
import IAMCatalog
import JavaScriptAnalysis
import PolicyLint
import PolicySynthesis
import PythonAnalysis
import Rendering

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `minrole lint [PATH...]`: invalid or risky policy text in policy JSON files and templates.
enum LintCommand {
    static let spec = CommandSpec(
        name: "lint",
        summary: "Find invalid or risky IAM policy text in policy JSON files and SAM or CloudFormation templates.",
        usage:
            "minrole lint [PATH...] [--format FORMAT] [--output FILE] [--fail-on SEVERITY] [--exit-zero] [--config FILE] [--baseline FILE] [--write-baseline FILE] [--rule ID] [--disable ID] [--include-deployment-rules]",
        details: """
            PATH is a file or a folder (default: the current folder). In folders, minrole lints the
            SAM and CloudFormation templates and the *.json files that hold a policy document
            (a Statement), skipping build output such as .aws-sam and node_modules. Settings come
            from --config or from .minrole.yaml in the folder. Suppress a finding with
            '# minrole:ignore MR123 reason' on its line or the line before, or with a resource's
            Metadata: {minrole: {suppress: [{rule: MR123, reason: ...}]}}.
            Exit status: 0 no finding at or above --fail-on, 1 such findings, 2 usage or
            configuration error, 3 some input could not be read (the rest is still linted).
            """,
        options: GateOptions.specs + [
            OptionSpec(
                name: "include-deployment-rules",
                help: "Also run the Lambda deployment limit rules on bare policy files (templates always get them).")
        ],
        maximumPositionals: 1000)

    static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> MinRole.ExitStatus {
        let options = try GateOptions(arguments, command: spec.name)
        let paths = arguments.positionals.isEmpty ? ["."] : arguments.positionals
        let inputs: LintInputs
        do {
            inputs = try LintInputs(paths: paths)
        } catch {
            throw UsageError(error.message, command: spec.name)
        }
        guard let run = GateRun(options: options, root: inputs.root, io: io, command: spec.name) else {
            return .usageError
        }
        let lintOptions = LintOptions(
            enabledRules: options.onlyRules, disabledRules: run.selection.disabledRules,
            includeDeploymentRules: arguments.flag("include-deployment-rules") || run.enablesDeploymentRules)
        let linter = Linter(catalog: .shared, options: lintOptions)
        // Deployment rules do not run on every file, so their suppressions are never called unused.
        let rulesThatRan = Set(RuleRegistry.descriptors.filter { lintOptions.runs($0, isTemplate: false) }.map(\.id))
        let diagnostics = DiagnosticSink()
        var collected = GateCollection()
        for file in inputs.files(diagnostics: diagnostics) where !run.configuration.isIgnored(file.displayPath) {
            guard let text = inputs.read(file, diagnostics: diagnostics) else { continue }
            let findings =
                file.isTemplate
                ? linter.lintTemplate(
                    path: file.displayPath, fileSystemPath: file.readerRoot + "/" + file.relativePath, text: text,
                    diagnostics: diagnostics)
                : linter.lintPolicyFile(path: file.displayPath, text: text, diagnostics: diagnostics)
            collected.add(file.displayPath, text: text, findings: findings)
            collected.addInput(file.readerRoot + "/" + file.relativePath)
            if file.isTemplate, run.selection.includes(FileWriteRule.descriptor.id) {
                handlerWrites(of: file, root: inputs.root, into: &collected)
            }
        }
        return run.finish(
            collected, diagnostics: diagnostics.diagnostics, grouping: .file, suiteNames: [], rulesThatRan: rulesThatRan
        )
    }
}

extension LintCommand {
    /// Adds MR506 findings for the handler code of a template's functions: writes outside
    /// `/tmp`, which only reading the code shows.
    fileprivate static func handlerWrites(of file: LintInputFile, root: String, into collected: inout GateCollection) {
        let synthesizer = PolicySynthesizer(
            catalog: .shared, analyzers: [PythonAnalyzer(), JavaScriptAnalyzer()], platform: .bundled)
        let project = ProjectGeneration(
            root: file.readerRoot, parameterOverrides: [:], functionFilter: [],
            templatePath: file.readerRoot + "/" + file.relativePath, synthesizer: synthesizer
        ).run()
        let reader = SourceFileReader(root: file.readerRoot)
        for policy in project.functions {
            for var finding in CheckCommand.fileWriteFindings(policy) {
                let codePath = finding.location.file
                finding.location.file = FilePathText.display(file.readerRoot + "/" + codePath, root: root)
                if var end = finding.endLocation {
                    end.file = finding.location.file
                    finding.endLocation = end
                }
                collected.add(finding.location.file, text: try? reader.read(codePath), findings: [finding])
                collected.addInput(file.readerRoot + "/" + codePath)
            }
        }
    }
}

/// The options `lint` and `check` share: output, gate and rule selection.
struct GateOptions {
    static let specs = [
        OptionSpec(name: "format", valueName: "FORMAT", help: "text (default), json, sarif or junit."),
        OptionSpec(
            name: "output", valueName: "FILE",
            help: "Write the report to FILE (whole or not at all) instead of standard output."),
        OptionSpec(
            name: "fail-on", valueName: "SEVERITY",
            help: "Exit with 1 when a finding is at or above SEVERITY: error (default), warning or note."),
        OptionSpec(
            name: "exit-zero",
            help: "Exit with 0 even when findings fail the gate (usage and read errors still exit 2 or 3)."),
        OptionSpec(
            name: "config", valueName: "FILE", help: "Read settings from FILE instead of .minrole.yaml in the folder."),
        OptionSpec(
            name: "baseline", valueName: "FILE", help: "Fail only on findings that the baseline FILE does not hold."),
        OptionSpec(
            name: "write-baseline", valueName: "FILE",
            help: "Write every unsuppressed finding to the baseline FILE; the run then exits as if all were accepted."),
        OptionSpec(name: "rule", valueName: "ID", isRepeatable: true, help: "Run only this rule; repeatable."),
        OptionSpec(name: "disable", valueName: "ID", isRepeatable: true, help: "Do not run this rule; repeatable."),
    ]

    var format: FindingsFormat
    var outputPath: String?
    var failOn: Severity?
    var exitZero: Bool
    var configPath: String?
    var baselinePath: String?
    var writeBaselinePath: String?
    var onlyRules: Set<String>?
    var disabledRules: Set<String>

    init(_ arguments: ParsedArguments, command: String) throws(UsageError) {
        let formatName = arguments.value("format") ?? "text"
        guard let format = FindingsFormat(rawValue: formatName) else {
            let names = FindingsFormat.allCases.map(\.rawValue)
            var message = "unknown format '\(formatName)'; use one of: \(names.joined(separator: ", "))"
            if let close = Suggestions.closest(to: formatName, among: names) {
                message += " (did you mean '\(close)'?)"
            }
            throw UsageError(message, command: command)
        }
        self.format = format
        if let severity = arguments.value("fail-on") {
            guard let parsed = Severity(rawValue: severity) else {
                throw UsageError("--fail-on takes error, warning or note, got '\(severity)'", command: command)
            }
            failOn = parsed
        }
        for name in ["output", "config", "baseline", "write-baseline"] where arguments.value(name)?.isEmpty == true {
            throw UsageError("--\(name) needs a file name", command: command)
        }
        outputPath = arguments.value("output").flatMap { $0 == "-" ? nil : $0 }
        exitZero = arguments.flag("exit-zero")
        configPath = arguments.value("config")
        baselinePath = arguments.value("baseline")
        writeBaselinePath = arguments.value("write-baseline")
        let only = arguments.all("rule")
        onlyRules = only.isEmpty ? nil : Set(only)
        disabledRules = Set(arguments.all("disable"))
    }
}

/// Findings gathered per file before the gate settles them.
struct GateCollection {
    private(set) var files: [String] = []
    private(set) var texts: [String: [UInt8]] = [:]
    private(set) var findings: [String: [Finding]] = [:]
    /// Every file the run read, as paths on disk, so no output is written over one of them.
    private(set) var inputPaths: [String] = []

    mutating func addInput(_ path: String) { inputPaths.append(path) }

    mutating func add(_ path: String, text: [UInt8]?, findings newFindings: [Finding]) {
        if texts[path] == nil, let text {
            files.append(path)
            texts[path] = text
        }
        for finding in newFindings { findings[finding.location.file, default: []].append(finding) }
    }
}

/// The gate of one `lint` or `check` run: configuration, baseline, report and exit status.
struct GateRun {
    let options: GateOptions
    let root: String
    let io: CommandIO
    let command: String
    let configuration: LintConfiguration
    let baseline: Baseline?

    /// Reads the configuration and the baseline; returns `nil` after printing the errors when
    /// either cannot be used (exit status 2).
    init?(options: GateOptions, root: String, io: CommandIO, command: String) {
        self.options = options
        self.root = root
        self.io = io
        self.command = command
        let diagnostics = DiagnosticSink()
        let known = Set(GateRules.allDescriptors.map(\.id))
        var configuration = LintConfiguration()
        let configPath = options.configPath ?? root + "/" + LintConfiguration.fileName
        if options.configPath != nil || access(configPath, F_OK) == 0,
            let bytes = Self.read(configPath, diagnostics: diagnostics, code: .configurationUnreadable)
        {
            configuration = LintConfiguration.read(
                bytes: bytes, displayPath: FilePathText.display(configPath, root: root), knownRuleIds: known,
                diagnostics: diagnostics)
        }
        for id in (options.onlyRules ?? []).union(options.disabledRules).sorted() where !known.contains(id) {
            var message = "no rule has the id '\(id)' given to --rule or --disable; it has no effect"
            if let close = Suggestions.closest(to: id, among: known.sorted()) {
                message += " (did you mean '\(close)'?)"
            }
            diagnostics.report(.warning, .unknownRuleId, message)
        }
        var baseline: Baseline?
        if let path = options.baselinePath,
            let bytes = Self.read(path, diagnostics: diagnostics, code: .baselineUnreadable)
        {
            baseline = Baseline.read(bytes: bytes, displayPath: path, diagnostics: diagnostics)
        }
        for line in DiagnosticPrinter.lines(for: diagnostics.diagnostics) { io.writeError(line + "\n") }
        guard !diagnostics.hasErrors else { return nil }
        self.configuration = configuration
        self.baseline = baseline
    }

    private static func read(_ path: String, diagnostics: DiagnosticSink, code: DiagnosticCode) -> [UInt8]? {
        do {
            let name = String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path))
            return try SourceFileReader(root: FilePathText.folder(of: path), maximumFileSize: 16 * 1024 * 1024)
                .read(name)
        } catch {
            diagnostics.report(.error, code, error.message, at: SourceLocation(file: path))
            return nil
        }
    }

    var selection: RuleSelection {
        RuleSelection(
            onlyRules: options.onlyRules, disabledRules: options.disabledRules.union(configuration.disabledRules))
    }

    var enablesDeploymentRules: Bool {
        let deployment = Set(GateRules.allDescriptors.filter { $0.category == .deployment }.map(\.id))
        return !configuration.enabledRules.isDisjoint(with: deployment)
    }

    var failOn: Severity { options.failOn ?? configuration.failOn ?? .error }

    /// Settles, renders and writes the report, then returns the exit status.
    /// `rulesThatRan` decides which unused suppressions are reported; `nil` reports none.
    func finish(
        _ collection: GateCollection, diagnostics: [Diagnostic], grouping: JUnitReport.Grouping, suiteNames: [String],
        rulesThatRan: Set<String>? = nil
    ) -> MinRole.ExitStatus {
        let gate = LintGate(
            configuration: configuration, selection: selection, baseline: baseline, failOn: failOn,
            rulesThatRan: rulesThatRan)
        var settled: [Finding] = []
        // Files without findings are settled too, so their unused suppressions are reported.
        for path in Set(collection.files).union(collection.findings.keys).sorted() {
            let findings = collection.findings[path] ?? []
            let text = collection.texts[path] ?? []
            // Only templates carry Metadata suppressions, so handler code is not parsed.
            let isDocument = [".yaml", ".yml", ".json", ".template"].contains { path.lowercased().hasSuffix($0) }
            let root = isDocument ? try? DocumentReader.parse(bytes: text, displayPath: path) : nil
            settled += gate.settle(fileFindings: findings, text: text, root: root, displayPath: path)
        }
        var report = gate.report(
            findings: settled, sources: collection.texts, files: collection.files, diagnostics: diagnostics)
        if options.writeBaselinePath != nil {
            report.baselinedFingerprints = Set(report.findings.compactMap(\.fingerprint))
        }
        return emit(report, grouping: grouping, suiteNames: suiteNames, inputs: collection.inputPaths)
    }

    private func emit(
        _ report: LintReport, grouping: JUnitReport.Grouping, suiteNames: [String], inputs: [String]
    ) -> MinRole.ExitStatus {
        for path in [options.outputPath, options.writeBaselinePath].compactMap({ $0 })
        where OutputFile.isOneOf(path, inputs) {
            io.writeError("minrole \(command): error: \(path) is one of the files this run read; write elsewhere\n")
            return .usageError
        }
        let tool = ToolInfo(version: MinRole.version, informationUri: GateRun.informationUri)
        let output: String
        switch options.format {
        case .text: output = FindingsText.render(report, command: command)
        case .json: output = FindingsJSON.render(report, tool: tool)
        case .sarif: output = SARIFReport.render(report, tool: tool, root: root, hasBaseline: baseline != nil)
        case .junit: output = JUnitReport.render(report, grouping: grouping, suiteNames: suiteNames)
        }
        for line in DiagnosticPrinter.lines(for: report.diagnostics) { io.writeError(line + "\n") }
        do {
            if let path = options.writeBaselinePath {
                try OutputFile.write(Baseline.text(for: report.findings), to: path)
            }
            if let path = options.outputPath { try OutputFile.write(output, to: path) } else { io.writeOutput(output) }
        } catch {
            io.writeError("minrole \(command): error: \(error.message)\n")
            return .unreadableInput
        }
        if options.format != .text { io.writeError("minrole \(command): \(report.summary)\n") }
        if report.diagnostics.contains(where: { $0.severity == .error }) { return .unreadableInput }
        return report.failingCount > 0 && !options.exitZero ? .findings : .success
    }

    // NOTE: minrole has no published home page yet; this names the project for SARIF viewers
    // and must change when one exists.
    static let informationUri = "https://github.com/minrole/minrole"
}
