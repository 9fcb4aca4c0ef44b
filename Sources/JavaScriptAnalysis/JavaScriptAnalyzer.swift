import Diagnostics
import IAMCatalog
import SourceAnalysis

/// Finds the AWS SDK calls a JavaScript or TypeScript handler can make, from the handler
/// function through the local modules it imports.
package struct JavaScriptAnalyzer: HandlerAnalyzer {
    package var catalog: Catalog

    package init(catalog: Catalog = .shared) { self.catalog = catalog }

    package var language: SourceLanguage { .javascript }

    package func supports(runtime: String) -> Bool { runtime.hasPrefix("nodejs") }

    package func analyze(_ entry: HandlerEntry, rootForDisplay: String, diagnostics: DiagnosticSink) -> AnalysisResult {
        let declaredAt = entry.declaredAt ?? SourceLocation(file: entry.handler)
        guard let handler = JavaScriptHandlerName(entry.handler) else {
            diagnostics.report(
                .error, .javaScriptHandlerInvalid,
                "invalid Node.js handler '\(entry.handler)'; write it as 'file.function' or 'folder/file.function'",
                at: declaredAt)
            return AnalysisResult()
        }
        let interpreter = Interpreter(
            catalog: catalog, diagnostics: diagnostics, codeRoot: entry.codeRoot, rootForDisplay: rootForDisplay)
        let base = SourceFiles.normalize(interpreter.codeRoot + "/" + handler.file)
        guard let path = SourceFiles.resolve(base) else {
            diagnostics.report(
                .error, .javaScriptHandlerFileNotFound,
                "handler file '\(interpreter.displayPath(base))' not found for handler '\(entry.handler)'",
                at: declaredAt,
                notes: [
                    "the handler is 'file.function', with the file relative to the code root and one of the extensions "
                        + SourceFiles.extensions.joined(separator: ", ")
                ])
            return AnalysisResult()
        }
        if let module = interpreter.loadModule(at: path, from: declaredAt) {
            runHandler(handler, in: module, interpreter: interpreter, declaredAt: declaredAt)
        }
        interpreter.runEscapedFunctions()
        if interpreter.hitLimit {
            diagnostics.report(
                .warning, .javaScriptAnalysisLimit,
                "some code of this function was too complex to follow in full (limits: \(Interpreter.maximumSteps) "
                    + "evaluation steps, a call depth of \(Interpreter.maximumCallDepth), \(Interpreter.maximumInvocationsPerFunction) "
                    + "runs of one function); calls in it may be missing or lack arguments",
                at: declaredAt, notes: ["split long functions or check the calls of this function by hand"])
        }
        let result = AnalysisResult(
            calls: interpreter.calls, filesRead: interpreter.filesRead, bytesRead: interpreter.bytesRead,
            usesXRaySampling: interpreter.usesXRaySampling,
            fileWrites: interpreter.fileWrites.sorted {
                ($0.location, $0.path.description) < ($1.location, $1.path.description)
            })
        interpreter.releaseScopes()
        return result
    }

    private func runHandler(
        _ handler: JavaScriptHandlerName, in module: ModuleRecord, interpreter: Interpreter, declaredAt: SourceLocation
    ) {
        let event = Value.symbolic(.event(path: []))
        let context = Value.unknown("the Lambda context")
        let name = handler.functionPath.joined(separator: ".")
        var closures = Self.functions(of: exportedHandler(handler, in: module, interpreter: interpreter))
        if closures.isEmpty, handler.functionPath.count == 1 {
            // Bundlers such as esbuild export through property getters the analysis does not
            // model, but keep the handler as a top-level function of the same name.
            closures = Self.functions(of: module.scope?.bindings[name] ?? .notFollowed)
            if !closures.isEmpty {
                interpreter.diagnostics.report(
                    .warning, .javaScriptHandlerFunctionNotFound,
                    "cannot tell whether '\(module.displayPath)' exports '\(name)'; the top-level function '\(name)' "
                        + "is analyzed as the handler",
                    at: declaredAt, notes: ["export the function if the Lambda runtime cannot find it"])
            }
        }
        guard !closures.isEmpty else {
            if interpreter.hitLimit {
                // The module's top level stopped at a limit before it defined the handler; the
                // limit warning follows.
                interpreter.diagnostics.report(
                    .error, .javaScriptHandlerFunctionNotFound,
                    "the analysis of '\(module.displayPath)' stopped at a limit before the module defined '\(name)', "
                        + "so the handler's calls are not in the policy",
                    at: declaredAt,
                    notes: ["move large data out of the module's top level, or check the handler's calls by hand"])
                return
            }
            interpreter.diagnostics.report(
                .error, .javaScriptHandlerFunctionNotFound,
                "'\(module.displayPath)' exports no function '\(name)' that the analysis can follow", at: declaredAt,
                notes: [
                    "export it with 'export const \(handler.functionPath[0]) = ...', 'export async function', "
                        + "'exports.\(handler.functionPath[0]) = ...' or 'module.exports = { \(handler.functionPath[0]) }'"
                ])
            return
        }
        for closure in closures { _ = interpreter.invoke(closure, arguments: [event, context]) }
    }

    /// Reads the handler from the module's exports, also under a CommonJS `default` export.
    private func exportedHandler(
        _ handler: JavaScriptHandlerName, in module: ModuleRecord, interpreter: Interpreter
    ) -> Value {
        var value = module.exportedValue
        for name in handler.functionPath {
            let next = interpreter.member(of: value, name)
            if case .unknown = next, name != "default", case .object(let box) = value,
                case .object(let fallback)? = box.properties["default"]
            {
                value = interpreter.member(of: .object(fallback), name)
            } else {
                value = next
            }
        }
        return value
    }

    private static func functions(of value: Value) -> [Closure] {
        switch value {
        case .function(let closure): return [closure]
        case .wrapper(let closures): return closures
        case .union(let members): return members.flatMap(functions(of:))
        default: return []
        }
    }
}

/// A Node.js handler string split into file and function: `src/index.handler` names function
/// `handler` of file `src/index` (with any JavaScript or TypeScript extension), and
/// `app.handlers.get` names `handlers.get` of `app`, as the Lambda runtime reads it.
struct JavaScriptHandlerName {
    var file: String
    var functionPath: [String]

    init?(_ handler: String) {
        var text = Substring(handler)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        let folderEnd = text.lastIndex(of: "/").map { text.index(after: $0) } ?? text.startIndex
        guard let dot = text[folderEnd...].firstIndex(of: ".") else { return nil }
        file = String(text[..<dot])
        functionPath = text[text.index(after: dot)...].split(separator: ".", omittingEmptySubsequences: false).map(
            String.init)
        let folders = file.split(separator: "/", omittingEmptySubsequences: false)
        guard !file.isEmpty, !text.hasPrefix("/"), folders.allSatisfy({ !$0.isEmpty && $0 != ".." }),
            functionPath.allSatisfy({ !$0.isEmpty })
        else { return nil }
    }
}
