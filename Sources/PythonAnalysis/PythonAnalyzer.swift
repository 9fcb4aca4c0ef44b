import Diagnostics
import IAMCatalog
import SourceAnalysis

/// Finds the AWS SDK calls a Python handler can make, from the handler function through the
/// local modules it imports.
package struct PythonAnalyzer: HandlerAnalyzer {
    package var catalog: Catalog

    package init(catalog: Catalog = .shared) { self.catalog = catalog }

    package var language: SourceLanguage { .python }

    package func supports(runtime: String) -> Bool { runtime.hasPrefix("python") }

    package func analyze(_ entry: HandlerEntry, rootForDisplay: String, diagnostics: DiagnosticSink) -> AnalysisResult {
        let declaredAt = entry.declaredAt ?? SourceLocation(file: entry.handler)
        guard let handler = HandlerName(entry.handler) else {
            diagnostics.report(
                .error, .pythonHandlerInvalid,
                "invalid Python handler '\(entry.handler)'; write it as 'module.function' or 'folder/module.function'",
                at: declaredAt)
            return AnalysisResult()
        }

        let program = Program()
        let loader = ModuleLoader(
            program: program, codeRoot: entry.codeRoot, rootForDisplay: rootForDisplay, diagnostics: diagnostics)
        let evaluator = Evaluator(program: program, loader: loader, catalog: catalog)
        let collector = CallCollector(program: program, loader: loader, evaluator: evaluator, diagnostics: diagnostics)

        collector.importModule(handler.module)
        guard let moduleID = program.moduleIDs[handler.module],
            !program.modules[moduleID].statements.isEmpty
                || loader.filesRead.contains(program.modules[moduleID].displayPath)
        else {
            // A file that exists but could not be read already has its own error.
            let expected = loader.expectedPath(of: handler.module)
            if diagnostics.diagnostics.contains(where: { $0.severity == .error && $0.location?.file == expected }) {
                return result(collector, loader)
            }
            diagnostics.report(
                .error, .pythonHandlerFileNotFound,
                "handler file '\(loader.expectedPath(of: handler.module))' not found for handler '\(entry.handler)'",
                at: declaredAt,
                notes: ["the handler is 'module.function', with the module path relative to the code root"])
            return result(collector, loader)
        }
        enqueueHandler(
            handler, moduleID: moduleID, program: program, collector: collector, declaredAt: declaredAt,
            diagnostics: diagnostics)
        collector.run()
        if evaluator.hitLimit {
            diagnostics.report(
                .warning, .pythonAnalysisLimit,
                "some values in this function's code were too complex to follow; their calls may lack arguments",
                at: declaredAt)
        }
        return result(collector, loader)
    }

    private func enqueueHandler(
        _ handler: HandlerName, moduleID: Int, program: Program, collector: CallCollector, declaredAt: SourceLocation,
        diagnostics: DiagnosticSink
    ) {
        let module = program.modules[moduleID]
        guard program.bindings(of: handler.function, in: module.scope) != nil else {
            diagnostics.report(
                .error, .pythonHandlerFunctionNotFound,
                "handler function '\(handler.function)' is not defined in '\(module.displayPath)'",
                at: declaredAt, notes: ["define the function at module level, or fix the handler name in the template"])
            return
        }
        let value = collector.evaluator.value(ofName: handler.function, in: module.scope)
        for alternative in value.alternatives {
            switch alternative {
            case .function(let id):
                collector.evaluator.handlerFunction = id
                collector.enqueue(.function(id))
            case .instance(let id):
                if let method = program.method(named: "__call__", inClass: id, bases: collector.evaluator.baseClasses) {
                    collector.enqueue(.function(method))
                }
            default: continue
            }
        }
    }

    private func result(_ collector: CallCollector, _ loader: ModuleLoader) -> AnalysisResult {
        AnalysisResult(
            calls: collector.calls, filesRead: loader.filesRead, bytesRead: loader.bytesRead,
            usesXRaySampling: collector.usesXRaySampling,
            fileWrites: collector.fileWrites.sorted {
                ($0.location, $0.path.description) < ($1.location, $1.path.description)
            })
    }
}

/// A Python handler string split into module and function: `pkg/app.lambda_handler` and
/// `pkg.app.lambda_handler` both name function `lambda_handler` of module `pkg.app`.
struct HandlerName {
    var module: String
    var function: String

    init?(_ handler: String) {
        var text = handler
        while text.hasPrefix("./") { text.removeFirst(2) }
        guard let dot = text.lastIndex(of: ".") else { return nil }
        let modulePath = text[..<dot]
        function = String(text[text.index(after: dot)...])
        module = modulePath.split(separator: "/", omittingEmptySubsequences: false).joined(separator: ".")
        let components = module.split(separator: ".", omittingEmptySubsequences: false)
        guard !function.isEmpty, !components.isEmpty, components.allSatisfy({ !$0.isEmpty && $0 != ".." }) else {
            return nil
        }
    }
}
