import DeploymentModel
import Diagnostics
import IAMCatalog
import PolicyModel
import SourceAnalysis

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The policy written for one function, with the evidence and the diagnostics.
package struct FunctionPolicy: Sendable {
    package var function: FunctionModel
    package var templateDisplayPath: String
    /// Template parameter defaults, for formats that must replace `${Parameter}` placeholders.
    package var parameterDefaults: [String: String]
    /// The template's resource types by logical id, for formats that must replace a
    /// `${LogicalId}` placeholder that stands for a whole ARN.
    package var resourceTypes: [String: String]
    package var statements: [ExplainedStatement]
    /// The requirements the statements were merged from, for formats that leave some out.
    package var requirements: [Requirement]
    package var analysis: AnalysisResult?
    package var diagnostics: [Diagnostic]

    package var document: PolicyDocument { PolicyDocument(statements: statements.map(\.statement)) }
}

/// Writes the least-privilege policy of one function: the code's SDK calls resolved through
/// the template, plus the permissions its configuration implies.
package struct PolicySynthesizer: Sendable {
    package var catalog: Catalog
    package var analyzers: [any HandlerAnalyzer]
    package var platform: PlatformTemplates

    package init(catalog: Catalog, analyzers: [any HandlerAnalyzer], platform: PlatformTemplates) {
        self.catalog = catalog
        self.analyzers = analyzers
        self.platform = platform
    }

    /// Writes one function's policy. `namedResources` is the template's index when the caller
    /// builds it once for many functions.
    package func synthesize(
        _ function: FunctionModel, template: Template?, displayRoot: String, namedResources: NamedResourceIndex? = nil
    ) -> FunctionPolicy {
        let diagnostics = DiagnosticSink()
        let resolver = ValueResolver(function: function, template: template, namedResources: namedResources)
        let analysis = analyze(function, displayRoot: displayRoot, diagnostics: diagnostics)
        var requirements: [Requirement] = []
        let calls = CallRequirements(catalog: catalog, resolver: resolver, diagnostics: diagnostics)
        for call in analysis?.calls ?? [] { requirements += calls.requirements(for: call) }
        requirements += PlatformRequirements(
            templates: platform, function: function, resolver: resolver,
            usesXRaySampling: analysis?.usesXRaySampling ?? false, diagnostics: diagnostics
        ).requirements()
        requirements = requirements.map { canonical($0, template: template) }
        let statements = StatementMerger.merge(requirements)
        let policy = FunctionPolicy(
            function: function, templateDisplayPath: template?.displayPath ?? function.templatePath,
            parameterDefaults: template?.parameterDefaults ?? [:],
            resourceTypes: Self.placeholderTypes(statements, template: template),
            statements: statements, requirements: requirements, analysis: analysis, diagnostics: diagnostics.diagnostics
        )
        return checkingSize(policy)
    }

    /// Maps the logical ids the statements' placeholders name to their resource types. Only
    /// those are kept, so a policy's size does not grow with the template's resources.
    static func placeholderTypes(_ statements: [ExplainedStatement], template: Template?) -> [String: String] {
        guard let template else { return [:] }
        var types: [String: String] = [:]
        for statement in statements {
            for name in statement.statement.resources.flatMap(\.placeholders) {
                let dot = name.utf8.firstIndex(of: UInt8(ascii: ".")) ?? name.utf8.endIndex
                let logicalId = String(decoding: name.utf8[..<dot], as: UTF8.self)
                if let type = template.resources[logicalId]?.type { types[logicalId] = type }
            }
        }
        return types
    }

    /// The path with symbolic links resolved, when it exists and lies inside `root` (itself
    /// resolved); `nil` otherwise. Code outside the scanned folder is never read.
    static func containedPath(_ path: String, in root: String) -> String? {
        guard let resolvedPath = realpath(path, nil) else { return nil }
        defer { free(resolvedPath) }
        let resolved = String(cString: resolvedPath)
        guard let resolvedRootPointer = realpath(root, nil) else { return nil }
        defer { free(resolvedRootPointer) }
        let resolvedRoot = String(cString: resolvedRootPointer)
        let prefix = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
        return resolved == resolvedRoot || resolved.hasPrefix(prefix) ? resolved : nil
    }

    /// Writes `${Key.Arn}` as the ARN the template builds for the resource
    /// (`arn:...:key/${Key}`), so one resource is never granted under two spellings.
    private func canonical(_ requirement: Requirement, template: Template?) -> Requirement {
        guard let template, requirement.resource.segments.count == 1,
            case .placeholder(let name) = requirement.resource.segments[0], name.hasSuffix(".Arn")
        else { return requirement }
        let logicalId = String(name.dropLast(".Arn".count))
        guard let arn = template.arn(of: logicalId), !arn.containsWildcard, arn.placeholders != [name] else {
            return requirement
        }
        var result = requirement
        result.resource = arn
        return result
    }

    private func analyze(_ function: FunctionModel, displayRoot: String, diagnostics: DiagnosticSink) -> AnalysisResult?
    {
        guard function.packageType != "Image" else {
            diagnostics.report(
                .warning, .functionNotAnalyzed,
                "\(function.logicalId) is a container image function; its code was not analyzed, so the policy holds only the permissions its configuration needs",
                at: function.location)
            return nil
        }
        guard let codeRoot = function.codeRoot, let handler = function.handler else {
            diagnostics.report(
                .warning, .functionNotAnalyzed,
                "\(function.logicalId) has no local code folder or no Handler; its code was not analyzed",
                at: function.location, notes: ["point CodeUri at the function's source folder"])
            return nil
        }
        guard PolicySynthesizer.containedPath(codeRoot, in: displayRoot) != nil else {
            diagnostics.report(
                .error, .codeOutsideRoot,
                "\(function.logicalId): CodeUri resolves to \(codeRoot), which is missing or outside the scanned folder \(displayRoot); its code was not analyzed",
                at: function.location,
                notes: ["scan the folder that contains both the template and the code, or fix CodeUri"])
            return nil
        }
        let runtime = function.runtime ?? ""
        guard let analyzer = analyzers.first(where: { $0.supports(runtime: runtime) }) else {
            diagnostics.report(
                .warning, .functionNotAnalyzed,
                "\(function.logicalId) uses runtime '\(runtime)', which minrole does not analyze yet; the policy holds only the permissions its configuration needs",
                at: function.location)
            return nil
        }
        let entry = HandlerEntry(
            codeRoot: codeRoot, handler: handler, runtime: function.runtime, declaredAt: function.location)
        return analyzer.analyze(entry, rootForDisplay: displayRoot, diagnostics: diagnostics)
    }

    private func checkingSize(_ policy: FunctionPolicy) -> FunctionPolicy {
        var result = policy
        let document = policy.document
        // Most policies are far below both limits, which the bound shows without writing them.
        guard document.sizeForLimitsUpperBound > PolicySizeLimit.managed.rawValue else { return policy }
        let size = document.sizeForLimits()
        if size > PolicySizeLimit.inline.rawValue {
            result.diagnostics.append(
                Diagnostic(
                    .warning, .policyTooLarge,
                    "the policy of \(policy.function.logicalId) has \(size) characters without white space, over the \(PolicySizeLimit.inline.rawValue) limit of an inline policy; the CloudFormation output splits it into several policies",
                    at: policy.function.location))
        } else if size > PolicySizeLimit.managed.rawValue {
            result.diagnostics.append(
                Diagnostic(
                    .note, .policyTooLarge,
                    "the policy of \(policy.function.logicalId) has \(size) characters without white space: it fits an inline policy but not a managed policy (\(PolicySizeLimit.managed.rawValue))",
                    at: policy.function.location))
        }
        return result
    }
}
