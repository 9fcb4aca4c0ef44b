import DeploymentModel
import Diagnostics
import Documents
import IAMCatalog
import JavaScriptAnalysis
import PolicyLint
import PolicySynthesis
import PythonAnalysis
import Rendering
import SourceAnalysis

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `minrole check [PATH]`: generate, lint and compare in one CI gate.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "Fail when a function's role grants more or less than its code needs, or its policies are risky.",
        usage:
            "minrole check [PATH] [--tolerance N] [--function ID] [--parameter KEY=VALUE] [--format FORMAT] [--output FILE] [--fail-on SEVERITY] [--exit-zero] [--config FILE] [--baseline FILE] [--write-baseline FILE] [--rule ID] [--disable ID]",
        details: """
            PATH is the project folder (default: the current folder) or one template file. minrole
            writes the policy each function's code needs, as 'minrole generate' does, lints the
            templates, and compares each function's existing role with the generated policy:
            MR401 for a grant the code does not need (an unused action, or a resource broader
            than the one used) and MR402 for a permission the code needs that the role lacks.
            --tolerance (or 'check: {tolerance: N}' in .minrole.yaml) accepts up to N excess
            grants per role, reported as notes; missing permissions always count. MR506 reports
            code that writes a file at a known path outside /tmp and the function's EFS mounts.
            Exit status: 0 every role matches its code, 1 findings at or above --fail-on, 2 usage
            or configuration error, 3 some input could not be read (the rest is still checked).
            """,
        options: GateOptions.specs + [
            OptionSpec(
                name: "tolerance", valueName: "N",
                help: "Excess grants each role may have before MR401 counts (default 0, or the config value)."),
            OptionSpec(
                name: "function", valueName: "ID", isRepeatable: true,
                help: "Only this function (logical id); repeatable."
            ),
            OptionSpec(
                name: "parameter", valueName: "KEY=VALUE", isRepeatable: true,
                help: "Set a template parameter; repeatable."),
        ],
        maximumPositionals: 1)

    static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> MinRole.ExitStatus {
        let options = try GateOptions(arguments, command: spec.name)
        // `--format` and `--output` mean the findings report here, not a generated policy.
        var generateArguments = arguments
        generateArguments.values["format"] = nil
        generateArguments.values["output"] = nil
        let generateOptions = try GenerateOptions(generateArguments)
        let tolerance = try toleranceValue(arguments)
        guard let gate = GateRun(options: options, root: generateOptions.root, io: io, command: spec.name) else {
            return .usageError
        }

        let synthesizer = PolicySynthesizer(
            catalog: .shared, analyzers: [PythonAnalyzer(), JavaScriptAnalyzer()], platform: .bundled)
        let project = ProjectGeneration(
            root: generateOptions.root, parameterOverrides: generateOptions.parameters,
            functionFilter: Set(generateOptions.functions), templatePath: generateOptions.templatePath,
            synthesizer: synthesizer
        ).run()
        if project.templatePaths.isEmpty && !project.hadUnreadableInput {
            throw UsageError(
                "no SAM or CloudFormation template found under \(generateOptions.root); pass the folder that contains template.yaml",
                command: spec.name)
        }

        let diagnostics = DiagnosticSink()
        for diagnostic in project.diagnostics + project.functions.flatMap(\.diagnostics) {
            diagnostics.report(diagnostic)
        }
        var collection = GateCollection()
        let templates = lintTemplates(
            project, options: generateOptions, gate: gate, into: &collection, diagnostics: diagnostics)

        let comparison = LeastPrivilegeComparison(
            catalog: .shared, tolerance: tolerance ?? gate.configuration.checkTolerance ?? 0)
        let reader = SourceFileReader(root: generateOptions.root)
        for path in project.templatePaths + project.functions.flatMap({ $0.analysis?.filesRead ?? [] }) {
            collection.addInput(generateOptions.root + "/" + path)
        }
        for policy in project.functions {
            guard let template = templates[policy.templateDisplayPath] else { continue }
            let findings =
                compare(policy, template: template, comparison: comparison, diagnostics: diagnostics)
                + fileWriteFindings(policy)
            for file in Set(findings.map(\.location.file)).sorted() where collection.texts[file] == nil {
                collection.add(file, text: try? reader.read(file), findings: [])
            }
            collection.add(policy.templateDisplayPath, text: nil, findings: findings)
        }

        let status = gate.finish(
            collection, diagnostics: diagnostics.diagnostics, grouping: .subject,
            suiteNames: project.functions.map(\.function.logicalId),
            rulesThatRan: generateOptions.functions.isEmpty ? rulesThatRan(gate) : nil)
        return project.hadUnreadableInput ? .unreadableInput : status
    }

    /// The rules a run over every function applies to templates: the lint rules and the role
    /// comparison. With `--function`, other functions are not compared, so no set is given.
    private static func rulesThatRan(_ gate: GateRun) -> Set<String> {
        let options = templateLintOptions(gate)
        let lintRules = RuleRegistry.descriptors.filter { options.runs($0, isTemplate: true) }
        let comparison = [GateRules.excessPermission, GateRules.missingPermission].filter {
            gate.selection.includes($0.id)
        }
        return Set((lintRules + comparison).map(\.id))
    }

    private static func templateLintOptions(_ gate: GateRun) -> LintOptions {
        LintOptions(
            enabledRules: gate.options.onlyRules, disabledRules: gate.selection.disabledRules,
            includeDeploymentRules: true)
    }

    /// Lints each template the project has, unless the configuration ignores it, and returns
    /// the templates by display path for the role comparison.
    private static func lintTemplates(
        _ project: ProjectPolicies, options: GenerateOptions, gate: GateRun, into collection: inout GateCollection,
        diagnostics: DiagnosticSink
    ) -> [String: Template] {
        let linter = Linter(catalog: .shared, options: templateLintOptions(gate))
        let reader = SourceFileReader(root: options.root)
        let loader = DeploymentLoader(root: options.root, parameterOverrides: options.parameters)
        var templates: [String: Template] = [:]
        for path in project.templatePaths where !gate.configuration.isIgnored(path) {
            guard let text = try? reader.read(path) else { continue }
            collection.add(
                path, text: text,
                findings: linter.lintTemplate(
                    path: path, fileSystemPath: options.root + "/" + path, text: text, diagnostics: diagnostics))
            // The generation above already reported this template's problems.
            templates[path] = loader.loadTemplate(at: path, diagnostics: DiagnosticSink())
        }
        return templates
    }

    /// Compares one function's existing role with its generated policy.
    private static func compare(
        _ policy: FunctionPolicy, template: Template, comparison: LeastPrivilegeComparison, diagnostics: DiagnosticSink
    ) -> [Finding] {
        let role = ExistingRoleReader(catalog: .shared, template: template).role(of: policy.function)
        for note in role.notes { diagnostics.report(note) }
        let needed = policy.requirements.map { requirement in
            let reason = requirement.reason
            let location = reason.line > 0 ? SourceLocation(file: reason.file, line: reason.line) : nil
            let isPlatform = if case .platform = requirement.origin { true } else { false }
            return NeededPermission(
                action: requirement.action.description, resource: requirement.resource, location: location,
                why: reason.why, isPlatform: isPlatform)
        }
        return comparison.findings(
            functionId: policy.function.logicalId, functionLocation: policy.function.location, role: role,
            needed: needed)
    }

    /// Returns an MR506 finding for each write the function's code makes to a known path outside
    /// /tmp and its EFS mount paths.
    static func fileWriteFindings(_ policy: FunctionPolicy) -> [Finding] {
        let rule = FileWriteRule(mountPaths: policy.function.fileSystems.compactMap(\.localMountPath))
        return (policy.analysis?.fileWrites ?? []).compactMap { write in
            guard let knownPath = write.knownPrefix else { return nil }
            return rule.finding(
                forWriteTo: knownPath, isWholePath: write.path.literalValue != nil, operation: write.operation,
                at: write.location, functionId: policy.function.logicalId)
        }
    }

    private static func toleranceValue(_ arguments: ParsedArguments) throws(UsageError) -> Int? {
        guard let text = arguments.value("tolerance") else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw UsageError(
                "--tolerance takes a whole number of excess grants (0 or more), got '\(text)'", command: "check")
        }
        return value
    }
}
