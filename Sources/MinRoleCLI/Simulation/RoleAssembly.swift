import DeploymentModel
import Diagnostics
import Documents
import IAMCatalog
import Invocations
import JavaScriptAnalysis
import PolicyEvaluation
import PolicyModel
import PolicySynthesis
import PythonAnalysis
import Rendering

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The role a simulation decides calls against, with what was assumed to build it.
struct AssembledRole {
    var policies: PolicySet
    /// Placeholders that stood for values unknown before deploy and now match anything.
    var widenedPlaceholders: Set<String> = []
    /// The function's name when the template sets it, to pick its calls out of CloudTrail.
    var functionName: String?
    /// The calls Lambda makes with the role when it creates the function or its event source
    /// mappings, with `--deploy-checks`.
    var deployChecks: [RecordedCall] = []
}

/// Builds the policy set of `simulate` from policy files, a template or a generated role.
enum RoleAssembly {
    static func build(_ options: SimulateOptions, diagnostics: DiagnosticSink) throws(UsageError) -> AssembledRole {
        var role: AssembledRole
        switch options.role {
        case .files:
            role = AssembledRole(
                policies: PolicySet(identity: try policies(options.identityFiles, .identity, diagnostics)))
        case .template(let path, let function):
            role = try fromTemplate(path, function: function, options: options, diagnostics: diagnostics)
        case .generated(let path, let function):
            role = try generated(path, function: function, options: options, diagnostics: diagnostics)
        }
        if let boundary = options.boundaryFile {
            role.policies.permissionsBoundary = try policies([boundary], .permissionsBoundary, diagnostics).first
        }
        if !options.sessionPolicyFiles.isEmpty {
            role.policies.sessionPolicies = try policies(options.sessionPolicyFiles, .session, diagnostics)
        }
        role.policies.resourcePolicies += try policies(options.resourcePolicyFiles, .resource, diagnostics)
        for file in options.serviceControlFiles {
            role.policies.serviceControlLevels.append(try policies([file], .serviceControl, diagnostics))
        }
        for file in options.resourceControlFiles {
            role.policies.resourceControlLevels.append(try policies([file], .resourceControl, diagnostics))
        }
        return role
    }

    /// Reads policy files; a file may hold one policy or a list. Unreadable files are reported
    /// and left out, so the run goes on and ends with exit status 3.
    static func policies(_ paths: [String], _ kind: PolicyKind, _ diagnostics: DiagnosticSink) throws(UsageError)
        -> [NamedPolicy]
    {
        var result: [NamedPolicy] = []
        for path in paths {
            let root: Node
            do {
                root = try DocumentReader.parse(contentsOf: path)
            } catch {
                if error.code == .fileUnreadable || error.code == .notRegularFile {
                    throw UsageError("cannot read policy file '\(path)': \(error.message)", command: "simulate")
                }
                diagnostics.report(error.diagnostic)
                continue
            }
            let documents = PolicyReader(diagnostics: diagnostics).policies(inFile: root)
            for (index, document) in documents.enumerated() {
                let name = documents.count == 1 ? path : "\(path)[\(index)]"
                result.append(NamedPolicy(name: name, kind: kind, document: document))
            }
        }
        return result
    }

    private static func fromTemplate(
        _ path: String, function logicalId: String, options: SimulateOptions, diagnostics: DiagnosticSink
    ) throws(UsageError) -> AssembledRole {
        guard let resolved = realpath(path, nil) else {
            throw UsageError("cannot open template '\(path)': \(String(cString: strerror(errno)))", command: "simulate")
        }
        let absolute = String(cString: resolved)
        free(resolved)
        let folder = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.startIndex)])
        let loader = DeploymentLoader(root: folder.isEmpty ? "/" : folder, parameterOverrides: options.parameters)
        guard let template = loader.loadTemplate(at: absolute, diagnostics: diagnostics) else {
            throw UsageError("cannot read template '\(path)'; see the errors above", command: "simulate")
        }
        let functions = loader.functions(in: template, diagnostics: diagnostics)
        guard let function = functions.first(where: { $0.logicalId == logicalId }) else {
            var message = "no function '\(logicalId)' in \(path)"
            if let suggestion = Suggestions.closest(to: logicalId, among: functions.map(\.logicalId)) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw UsageError(message, command: "simulate")
        }
        var filler = PlaceholderFiller(
            values: template.parameterDefaults.merging(options.parameters) { $1 }
                .merging(options.placeholders.substitutions) { $1 })
        var identity: [NamedPolicy] = []
        for policy in template.rolePolicies(of: function, catalog: .shared, diagnostics: diagnostics) {
            guard let document = policy.document else {
                diagnostics.report(
                    .warning, .roleDocumentUnknown,
                    "\(logicalId): the document of \(policy.name) is not known; calls only it allows show as denied",
                    at: policy.location, notes: ["pass the policy JSON with --policy to simulate the whole role"])
                continue
            }
            identity.append(NamedPolicy(name: policy.name, kind: .identity, document: filler.fill(document)))
        }
        // The template's role trust policies decide the other side of an sts:AssumeRole.
        let trust = template.trustPolicies(diagnostics: diagnostics).map { role, document in
            NamedPolicy(
                name: "trust policy of \(role)", kind: .resource, document: filler.fill(document),
                attachedTo: filler.fill(role).description)
        }
        let functionName = function.functionName.flatMap { template.literalText(of: $0) }
        var role = AssembledRole(
            policies: PolicySet(identity: identity, resourcePolicies: trust), widenedPlaceholders: filler.widened,
            functionName: functionName)
        if options.deployChecks {
            let project = generation(root: loader.root, templatePath: absolute, function: logicalId, options: options)
            if let policy = project.functions.first {
                role.deployChecks = DeployChecks.calls(for: policy, filler: &filler)
                role.widenedPlaceholders.formUnion(filler.widened)
            }
        }
        return role
    }

    private static func generation(
        root: String, templatePath: String?, function: String?, options: SimulateOptions
    ) -> ProjectPolicies {
        let synthesizer = PolicySynthesizer(
            catalog: .shared, analyzers: [PythonAnalyzer(), JavaScriptAnalyzer()], platform: .bundled)
        return ProjectGeneration(
            root: root, parameterOverrides: options.parameters, functionFilter: Set(function.map { [$0] } ?? []),
            templatePath: templatePath, synthesizer: synthesizer
        ).run()
    }

    private static func generated(
        _ path: String, function: String?, options: SimulateOptions, diagnostics: DiagnosticSink
    ) throws(UsageError) -> AssembledRole {
        guard let resolved = realpath(path, nil) else {
            throw UsageError("cannot open project '\(path)': \(String(cString: strerror(errno)))", command: "simulate")
        }
        let root = String(cString: resolved)
        free(resolved)
        let project = generation(root: root, templatePath: nil, function: function, options: options)
        for diagnostic in project.diagnostics + project.functions.flatMap(\.diagnostics) {
            diagnostics.report(diagnostic)
        }
        guard project.functions.count == 1, let policy = project.functions.first else {
            let ids = project.allFunctionIds.joined(separator: ", ")
            throw UsageError(
                function == nil
                    ? "--generated simulates one function's role; pass --function ID (functions: \(ids.isEmpty ? "none" : ids))"
                    : "no function '\(function!)' in \(path) (functions: \(ids.isEmpty ? "none" : ids))",
                command: "simulate")
        }
        var filler = PlaceholderFiller(
            values: policy.parameterDefaults.merging(options.placeholders.substitutions) { $1 })
        let document = filler.fill(policy.document)
        let named = NamedPolicy(
            name: "generated role of \(policy.function.logicalId)", kind: .identity, document: document)
        let checks = options.deployChecks ? DeployChecks.calls(for: policy, filler: &filler) : []
        return AssembledRole(
            policies: PolicySet(identity: [named]), widenedPlaceholders: filler.widened, deployChecks: checks)
    }
}

/// Puts known values in the placeholders of a policy and `*` in the others, remembering which.
struct PlaceholderFiller {
    var values: [String: String]
    var widened: Set<String> = []

    mutating func fill(_ document: PolicyDocument) -> PolicyDocument {
        var result = document
        for index in result.statements.indices {
            result.statements[index].resources = result.statements[index].resources.map { fill($0) }
            result.statements[index].conditions = result.statements[index].conditions.map { condition in
                Condition(
                    conditionOperator: condition.conditionOperator, key: condition.key,
                    values: condition.values.map { fill($0) })
            }
        }
        return result
    }

    mutating func fill(_ pattern: PatternString) -> PatternString {
        guard !pattern.isLiteral else { return pattern }
        let (text, names) = pattern.substituting(values)
        widened.formUnion(names)
        return PatternString(literal: text)
    }
}
