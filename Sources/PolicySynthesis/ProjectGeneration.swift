import DeploymentModel
import Diagnostics
import Dispatch
import IAMCatalog
import SourceAnalysis
import Synchronization

/// The policies of every function of a project, with the diagnostics about its templates.
package struct ProjectPolicies: Sendable {
    package var functions: [FunctionPolicy]
    package var diagnostics: [Diagnostic]
    /// True when some input could not be read or parsed (exit status 3).
    package var hadUnreadableInput: Bool
    /// The templates found, relative to the root.
    package var templatePaths: [String]
    /// The parameters the templates declare.
    package var parameterNames: Set<String>
    /// Every function's logical id, before `--function` filtering.
    package var allFunctionIds: [String]
}

/// Runs the whole pipeline over a project folder: discovery, templates, functions, analysis,
/// resolution and synthesis. Functions are analyzed in parallel; the result is sorted by
/// template and logical id, so it does not depend on scheduling.
package struct ProjectGeneration: Sendable {
    package var root: String
    package var parameterOverrides: [String: String]
    package var functionFilter: Set<String>
    /// One template to read instead of discovering them under the root.
    package var templatePath: String?
    package var synthesizer: PolicySynthesizer

    package init(
        root: String, parameterOverrides: [String: String], functionFilter: Set<String>,
        templatePath: String? = nil, synthesizer: PolicySynthesizer
    ) {
        self.root = root
        self.parameterOverrides = parameterOverrides
        self.functionFilter = functionFilter
        self.templatePath = templatePath
        self.synthesizer = synthesizer
    }

    package func run() -> ProjectPolicies {
        let diagnostics = DiagnosticSink()
        let loader = DeploymentLoader(root: root, parameterOverrides: parameterOverrides)
        var work: [(FunctionModel, Template, NamedResourceIndex)] = []
        var templatePaths: [String] = []
        var parameterNames = Set<String>()
        var allFunctionIds: [String] = []
        for path in templatePath.map({ [$0] }) ?? loader.discoverTemplates(diagnostics: diagnostics) {
            guard let template = loader.loadTemplate(at: path, diagnostics: diagnostics) else { continue }
            templatePaths.append(template.displayPath)
            parameterNames.formUnion(template.parameterDeclarations.keys)
            var namedResources: NamedResourceIndex?
            for function in loader.functions(in: template, diagnostics: diagnostics) {
                allFunctionIds.append(function.logicalId)
                if functionFilter.isEmpty || functionFilter.contains(function.logicalId) {
                    let index = namedResources ?? NamedResourceIndex(template: template)
                    namedResources = index
                    work.append((function, template, index))
                }
            }
        }
        let templateErrors = diagnostics.hasErrors
        let jobs = work
        let results = Mutex<[Int: FunctionPolicy]>([:])
        let synthesizer = self.synthesizer
        let root = self.root
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let (function, template, namedResources) = jobs[index]
            let policy = synthesizer.synthesize(
                function, template: template, displayRoot: root, namedResources: namedResources)
            results.withLock { $0[index] = policy }
        }
        let policies = results.withLock { collected in jobs.indices.compactMap { collected[$0] } }
        let functionErrors = policies.contains { $0.diagnostics.contains { $0.severity == .error } }
        return ProjectPolicies(
            functions: policies.sorted {
                ($0.templateDisplayPath, $0.function.logicalId) < ($1.templateDisplayPath, $1.function.logicalId)
            },
            diagnostics: diagnostics.diagnostics,
            hadUnreadableInput: templateErrors || functionErrors,
            templatePaths: templatePaths, parameterNames: parameterNames, allFunctionIds: allFunctionIds)
    }
}
