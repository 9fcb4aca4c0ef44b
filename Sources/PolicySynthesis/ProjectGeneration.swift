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
    /// The text `ProjectGeneration.renderFunction` returned for each of `functions`, in the
    /// same order, or `nil` when it was not set.
    package var renderedFunctions: [String]? = nil
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
    /// Renders one function's policy as soon as it is synthesized, in the parallel loop, for an
    /// output format whose parts per function do not depend on each other.
    package var renderFunction: (@Sendable (FunctionPolicy) -> String)?

    package init(
        root: String, parameterOverrides: [String: String], functionFilter: Set<String>,
        templatePath: String? = nil, synthesizer: PolicySynthesizer,
        renderFunction: (@Sendable (FunctionPolicy) -> String)? = nil
    ) {
        self.root = root
        self.parameterOverrides = parameterOverrides
        self.functionFilter = functionFilter
        self.templatePath = templatePath
        self.synthesizer = synthesizer
        self.renderFunction = renderFunction
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
        let (policies, rendered) = synthesize(work)
        let functionErrors = policies.contains { $0.diagnostics.contains { $0.severity == .error } }
        // Sorting indices keeps each rendered text with its policy.
        let order = policies.indices.sorted {
            (policies[$0].templateDisplayPath, policies[$0].function.logicalId)
                < (policies[$1].templateDisplayPath, policies[$1].function.logicalId)
        }
        return ProjectPolicies(
            functions: order.map { policies[$0] },
            diagnostics: diagnostics.diagnostics,
            hadUnreadableInput: templateErrors || functionErrors,
            templatePaths: templatePaths, parameterNames: parameterNames, allFunctionIds: allFunctionIds,
            renderedFunctions: rendered.map { texts in order.map { texts[$0] } })
    }

    /// Synthesizes, and renders when `renderFunction` is set, each function, in parallel when
    /// more than one core is available. Returns the results in the order of `work`.
    private func synthesize(
        _ work: [(FunctionModel, Template, NamedResourceIndex)]
    ) -> (policies: [FunctionPolicy], rendered: [String]?) {
        let results = Mutex<[Int: (FunctionPolicy, String?)]>([:])
        let synthesizer = self.synthesizer
        let renderFunction = self.renderFunction
        let root = self.root
        let synthesizeOne: @Sendable (Int) -> Void = { index in
            let (function, template, namedResources) = work[index]
            let policy = synthesizer.synthesize(
                function, template: template, displayRoot: root, namedResources: namedResources)
            let text = renderFunction?(policy)
            results.withLock { $0[index] = (policy, text) }
        }
        // With one core, the functions run on this thread. A process that never starts a
        // thread keeps the C allocator on its single-threaded path, without atomic operations.
        if work.count < 2 || ProcessorCount.available < 2 {
            for index in work.indices { synthesizeOne(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: work.count, execute: synthesizeOne)
        }
        let collected = results.withLock { $0 }
        let policies = work.indices.compactMap { collected[$0]?.0 }
        guard renderFunction != nil else { return (policies, nil) }
        return (policies, work.indices.compactMap { collected[$0]?.1 })
    }
}
