import Diagnostics
import IAMCatalog
import Invocations
import PolicyEvaluation
import Rendering

/// `minrole simulate`: decides recorded calls against a role as IAM would.
enum SimulateCommand {
    static let spec = CommandSpec(
        name: "simulate",
        summary: "Decide recorded calls against a role: which would be denied, which permissions went unused.",
        usage:
            "minrole simulate (--policy FILE... | --template FILE --function ID | --generated PATH [--function ID]) (--requests FILE | --cloudtrail PATH | --access-denied FILE | --deploy-checks)... [OPTIONS]",
        details: """
            The role comes from policy JSON files, from a template (the function's role as the
            template defines it, SAM policy templates expanded), or from the role `minrole
            generate` writes. The calls come from JSON Lines of requests, CloudTrail files or
            folders (plain or .gz), or logs with AccessDenied messages. Each call is decided as
            IAM would; the report lists the calls that would be denied with the statement that
            would allow them, the permissions no call used, and those no log can show.
            --generated needs --function when the project has more than one function. JSON Lines
            requests are objects with "principal", "action", "resource", and optionally
            "resourceAccount" and "context" (key to string, or to a list for multivalued keys).
            Exit status: 0 when every call is allowed, 1 when one would be denied, 2 for usage
            errors, 3 when some input could not be read (the rest is still reported).
            """,
        options: [
            OptionSpec(name: "policy", valueName: "FILE", isRepeatable: true, help: "An identity policy of the role."),
            OptionSpec(name: "boundary", valueName: "FILE", help: "The role's permissions boundary."),
            OptionSpec(name: "session-policy", valueName: "FILE", isRepeatable: true, help: "A session policy."),
            OptionSpec(
                name: "resource-policy", valueName: "FILE", isRepeatable: true,
                help: "A resource-based policy of the resources called (same account)."),
            OptionSpec(
                name: "scp", valueName: "FILE", isRepeatable: true,
                help: "Service control policies of one level, root first; repeat per level."),
            OptionSpec(
                name: "rcp", valueName: "FILE", isRepeatable: true,
                help: "Resource control policies of one level, root first; repeat per level."),
            OptionSpec(name: "template", valueName: "FILE", help: "A SAM or CloudFormation template."),
            OptionSpec(name: "function", valueName: "ID", help: "The function (logical id) whose role to simulate."),
            OptionSpec(
                name: "generated", valueName: "PATH", help: "A project: simulate the role minrole generate writes."),
            OptionSpec(name: "requests", valueName: "FILE", isRepeatable: true, help: "JSON Lines of requests."),
            OptionSpec(
                name: "cloudtrail", valueName: "PATH", isRepeatable: true,
                help: "CloudTrail log files or folders, plain or gzip."),
            OptionSpec(
                name: "access-denied", valueName: "FILE", isRepeatable: true,
                help: "A log with the AccessDenied messages the AWS SDKs print."),
            OptionSpec(name: "role-arn", valueName: "ARN", help: "Keep the CloudTrail calls of this role."),
            OptionSpec(name: "role-name", valueName: "NAME", help: "Keep the CloudTrail calls of this role."),
            OptionSpec(
                name: "function-name", valueName: "NAME", help: "Keep the CloudTrail calls of this function's sessions."
            ),
            OptionSpec(name: "format", valueName: "FORMAT", help: "text (default) or json."),
            OptionSpec(
                name: "parameter", valueName: "KEY=VALUE", isRepeatable: true, help: "Set a template parameter."),
            OptionSpec(name: "region", valueName: "REGION", help: "The region for ${AWS::Region} in the role."),
            OptionSpec(name: "account", valueName: "ACCOUNT_ID", help: "The account for ${AWS::AccountId}."),
            OptionSpec(name: "partition", valueName: "PARTITION", help: "The partition for ${AWS::Partition}."),
            OptionSpec(
                name: "deploy-checks",
                help:
                    "Also decide the calls Lambda makes with the role when it creates the function and its event source mappings."
            ),
            OptionSpec(name: "exit-zero", help: "Exit 0 even when a call would be denied."),
        ],
        maximumPositionals: 0)

    static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> MinRole.ExitStatus {
        let options = try SimulateOptions(arguments)
        let diagnostics = DiagnosticSink()
        let role: AssembledRole
        do {
            role = try RoleAssembly.build(options, diagnostics: diagnostics)
        } catch {
            printDiagnostics(diagnostics, io)
            throw error
        }
        // A decision against part of a role would be wrong, so a role that could not be read
        // in full stops the run before any call is decided.
        guard !diagnostics.hasErrors else {
            printDiagnostics(diagnostics, io)
            io.writeError("minrole simulate: error: the role could not be read in full, so no call was simulated\n")
            return .unreadableInput
        }
        var selector = options.selector
        // CloudTrail records every principal's calls; the other sources are the role's own.
        if selector.roleARN == nil, selector.roleName == nil, selector.functionName == nil,
            options.sources.contains(where: \.isCloudTrail)
        {
            selector.functionName = role.functionName
            if role.functionName == nil {
                diagnostics.report(
                    .warning, .noRoleSelector, "every principal's CloudTrail calls are simulated against the role",
                    notes: ["pass --function-name, --role-name or --role-arn to keep only the role's calls"])
            }
        }

        let evaluator = PolicyEvaluator(policies: role.policies)
        var tally = ReplayTally(identityPolicies: role.policies.identity, catalog: .shared)
        var text = SimulationText()
        var output = BufferedOutput(io: io)
        if options.format == .json { output.write(SimulationJSON.header) }
        var isFirst = true
        let decide = { (batch: [RecordedCall]) in
            for call in batch {
                let result = evaluator.evaluate(call.request)
                tally.record(
                    call.request, result: result, isDataEvent: call.isDataEvent, recordedError: call.recordedError)
                switch options.format {
                case .json: output.write(SimulationJSON.result(call, result, isFirst: isFirst))
                case .text: text.add(call, result)
                }
                isFirst = false
            }
        }
        decide(role.deployChecks)
        var limits = InvocationReader.Limits()
        limits.contextKeys = evaluator.decidingContextKeys
        let input = InvocationReader(catalog: .shared, selector: selector, limits: limits).read(
            options.sources, diagnostics: diagnostics, body: decide)

        let report = SimulationReport(tally: tally, input: input, widenedPlaceholders: role.widenedPlaceholders)
        switch options.format {
        case .json: output.write(SimulationJSON.footer(report))
        case .text: output.write(text.render(report))
        }
        output.flush()
        printDiagnostics(diagnostics, io)
        if diagnostics.hasErrors || input.recordsInvalid > 0 || input.recordsTooLarge > 0 { return .unreadableInput }
        if input.callsDelivered == 0, input.recordsSkippedAsOtherPrincipal > 0 {
            io.writeError(
                "minrole simulate: error: none of the \(input.recordsSkippedAsOtherPrincipal) records belongs to "
                    + "\(selectorText(selector)); pass the deployed function name, role name or role ARN\n")
            return .usageError
        }
        let deniedCount = (tally.decisionCounts[.implicitDeny] ?? 0) + (tally.decisionCounts[.explicitDeny] ?? 0)
        return deniedCount > 0 && !options.exitZero ? .findings : .success
    }
}

extension SimulateCommand {
    fileprivate static func printDiagnostics(_ diagnostics: DiagnosticSink, _ io: CommandIO) {
        for line in DiagnosticPrinter.lines(for: diagnostics.diagnostics) { io.writeError(line + "\n") }
    }

    fileprivate static func selectorText(_ selector: RoleSelector) -> String {
        var parts: [String] = []
        if let name = selector.functionName { parts.append("function name '\(name)'") }
        if let name = selector.roleName { parts.append("role name '\(name)'") }
        if let arn = selector.roleARN { parts.append("role '\(arn)'") }
        return parts.joined(separator: " and ")
    }
}

extension InvocationSource {
    var isCloudTrail: Bool {
        if case .cloudTrail = self { return true }
        return false
    }
}

/// Collects output into blocks of about 64 KB before writing, so a long stream of results
/// costs few writes.
struct BufferedOutput {
    let io: CommandIO
    private var buffer = ""

    init(io: CommandIO) { self.io = io }

    mutating func write(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 64 * 1024 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        io.writeOutput(buffer)
        buffer = ""
    }
}
