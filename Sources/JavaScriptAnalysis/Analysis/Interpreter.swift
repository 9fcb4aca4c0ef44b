import Diagnostics
import Documents
import IAMCatalog
import SourceAnalysis

/// Runs a handler's code abstractly: it executes each module's top level once, then the
/// handler with the event, following local functions, classes and modules, and records every
/// AWS SDK call it meets. Both branches of every condition run, loops run once, and a work
/// budget and a call depth limit bound the run on any input.
final class Interpreter {
    let catalog: Catalog
    let diagnostics: DiagnosticSink
    let codeRoot: String
    let rootForDisplay: String
    let reader: SourceFileReader
    var modules: [ModuleRecord] = []
    var modulesByPath: [String: Int] = [:]
    private(set) var calls: [SDKCall] = []
    private var recordedCalls: Set<SDKCall> = []
    var filesRead: [String] = []
    var bytesRead = 0
    var usesXRaySampling = false
    var fileWrites: Set<FileWrite> = []
    /// Evaluation steps left; at zero the analysis stops following values and calls.
    var budget = Interpreter.maximumSteps
    var hitLimit = false
    var callStack: [ObjectIdentifier] = []
    /// The results of each function's runs by argument fingerprint, in the order they ran.
    var invocationResults: [ObjectIdentifier: [(key: String, result: Value)]] = [:]
    /// Functions handed to code the analysis does not model, run with unknown arguments at
    /// the end unless they ran before.
    var escapedFunctions: [Closure] = []
    var reportedLocations: Set<String> = []
    /// Every scope made, so `releaseScopes` can break the cycles between scopes and the
    /// closures bound in them once the analysis ends.
    private var scopes: [Scope] = []

    static let maximumFileSize = 16 * 1024 * 1024
    static let maximumSteps = 2_000_000
    static let maximumCallDepth = 24
    static let maximumInvocationsPerFunction = 48

    init(catalog: Catalog, diagnostics: DiagnosticSink, codeRoot: String, rootForDisplay: String) {
        self.catalog = catalog
        self.diagnostics = diagnostics
        var root = codeRoot
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.codeRoot = root
        self.rootForDisplay = rootForDisplay
        self.reader = SourceFileReader(root: root, maximumFileSize: Self.maximumFileSize)
    }

    func record(_ call: SDKCall) {
        if recordedCalls.insert(call).inserted { calls.append(call) }
    }

    func displayPath(_ path: String) -> String {
        var root = rootForDisplay
        if root.hasSuffix("/") { root.removeLast() }
        if !root.isEmpty && path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        return path
    }

    func location(_ position: Position, in scope: Scope) -> SourceLocation {
        SourceLocation(file: modules[scope.module].displayPath, line: position.line, column: position.column)
    }

    /// Reports a warning once per place, since a function may run several times.
    func warn(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [String] = []) {
        guard reportedLocations.insert("\(code.rawValue) \(location)").inserted else { return }
        diagnostics.report(.warning, code, message, at: location, notes: notes)
    }

    /// Takes one step of the work budget; returns false once the budget is spent.
    func spend() -> Bool {
        guard budget > 0 else {
            hitLimit = true
            return false
        }
        budget -= 1
        return true
    }

    func makeScope(parent: Scope?, module: Int) -> Scope {
        let scope = Scope(parent: parent, module: module)
        scopes.append(scope)
        return scope
    }

    /// Empties every scope, which frees the syntax trees and values the analysis kept.
    func releaseScopes() {
        for scope in scopes { scope.bindings.removeAll() }
        scopes.removeAll()
        escapedFunctions.removeAll()
        invocationResults.removeAll()
    }

    /// Runs the functions that escaped into unmodeled code and never ran.
    func runEscapedFunctions() {
        var next = 0
        while next < escapedFunctions.count && next < 1000 {
            let closure = escapedFunctions[next]
            next += 1
            if invocationResults[ObjectIdentifier(closure.node)] == nil {
                _ = invoke(closure, arguments: closure.node.parameters.map { _ in .notFollowed })
            }
        }
    }
}
