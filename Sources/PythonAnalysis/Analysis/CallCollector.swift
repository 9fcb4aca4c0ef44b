import Diagnostics
import IAMCatalog
import SourceAnalysis

/// Walks the code a handler can run, starting from its module and function: the module-scope
/// code of every local module imported on the way, and each local function or method that
/// reachable code calls or passes as a value. Every call found there is offered to the SDK
/// recognizers. A body is walked again when new call sites change what parameters can hold, up
/// to `maximumPasses` times, and only its last walk's calls and reports count.
final class CallCollector {
    enum Body: Hashable {
        case module(Int)
        case function(Int)
    }

    static let maximumPasses = 8
    /// Rounds of walking stale bodies again after the queue drains. Each round may walk every
    /// body, so this bounds the total work to a small multiple of one walk.
    static let maximumRounds = 2
    static let maximumParameterValues = 16

    let program: Program
    let loader: ModuleLoader
    let evaluator: Evaluator
    /// The recognizer and sink of the body being walked.
    private(set) var recognizer: SDKCallRecognizer
    private(set) var diagnostics: DiagnosticSink
    private let finalDiagnostics: DiagnosticSink
    private var queue: [Body] = []
    private var queueStart = 0
    private var queued: Set<Body> = []
    private var passes: [Body: Int] = [:]
    private var callsByBody: [Body: [SDKCall]] = [:]
    private var diagnosticsByBody: [Body: [Diagnostic]] = [:]
    /// The evaluator's cache generation each body was last walked in.
    private var walkedGeneration: [Body: Int] = [:]
    /// The state that changes between passes (parameter values, the set of classes, results cut
    /// short) each body's last walk read, as `Evaluator.readLog` entries. Walking a body again
    /// finds the same calls unless some of that state changed since.
    private var bodyReads: [Body: [Int]] = [:]
    /// Set when the body being walked reads the set of classes, as `methods(named:)` does.
    var walkReadsClasses = false
    private var walkOrder: [Body] = []
    private var currentCalls: [SDKCall] = []
    /// The local modules each imported name reads, the package above it first.
    private var importedModules: [String: [Int]] = [:]
    private(set) var currentModule = 0
    private(set) var usesXRaySampling = false
    /// File writes found in every walk. Parameter values only grow between walks, so a path
    /// found in an earlier walk is still one the code can write to.
    var fileWrites: Set<FileWrite> = []

    init(program: Program, loader: ModuleLoader, evaluator: Evaluator, diagnostics: DiagnosticSink) {
        self.program = program
        self.loader = loader
        self.evaluator = evaluator
        self.diagnostics = diagnostics
        self.finalDiagnostics = diagnostics
        self.recognizer = SDKCallRecognizer(evaluator: evaluator, catalog: evaluator.catalog, diagnostics: diagnostics)
    }

    var calls: [SDKCall] {
        let unique = Set(callsByBody.values.joined())
        return unique.sorted { left, right in
            if left.location != right.location { return left.location < right.location }
            if left.client != right.client { return left.client < right.client }
            if left.operation != right.operation { return left.operation < right.operation }
            return "\(left.arguments)" < "\(right.arguments)"
        }
    }

    func enqueue(_ body: Body) {
        guard !queued.contains(body), passes[body, default: 0] < Self.maximumPasses else { return }
        queued.insert(body)
        queue.append(body)
    }

    /// Walks queued bodies until none is left, then walks again each body whose last walk read
    /// parameter values that changed after it, or other changing state, until nothing changes
    /// or the rounds run out.
    func run() {
        for round in 0...Self.maximumRounds {
            while queueStart < queue.count {
                let body = queue[queueStart]
                queueStart += 1
                queued.remove(body)
                process(body)
            }
            let stale = walkOrder.filter(isStale)
            guard !stale.isEmpty, round < Self.maximumRounds else { break }
            let before = queue.count
            for body in stale { enqueue(body) }
            if queue.count == before { break }
        }
        for body in walkOrder {
            for diagnostic in diagnosticsByBody[body] ?? [] { finalDiagnostics.report(diagnostic) }
        }
    }

    /// True when some state the body's last walk read changed after that walk started.
    private func isStale(_ body: Body) -> Bool {
        guard let walked = walkedGeneration[body], walked < evaluator.generation else { return false }
        return bodyReads[body, default: []].contains { evaluator.hasChanged($0, since: walked) }
    }

    private func process(_ body: Body) {
        passes[body, default: 0] += 1
        if walkedGeneration[body] == nil { walkOrder.append(body) }
        walkedGeneration[body] = evaluator.generation
        let sink = DiagnosticSink()
        diagnostics = sink
        recognizer = SDKCallRecognizer(evaluator: evaluator, catalog: evaluator.catalog, diagnostics: sink)
        currentCalls = []
        evaluator.readLog.removeAll(keepingCapacity: true)
        walkReadsClasses = false
        let classCount = program.classes.count
        switch body {
        case .module(let id):
            currentModule = id
            walk(program.modules[id].statements, in: program.modules[id].scope)
        case .function(let id):
            // Fields are read one by one, because copying a `FunctionInfo` retains all of them.
            currentModule = program.functions[id].module
            walk(program.functions[id].definition.body, in: program.functions[id].scope)
        }
        callsByBody[body] = currentCalls
        diagnosticsByBody[body] = sink.diagnostics
        var reads = evaluator.compactReads(from: 0)
        if walkReadsClasses { reads.append(Evaluator.classesReadEntry(classCount: classCount)) }
        bodyReads[body] = reads
    }

    /// Reads the module and the packages above it, queuing their module-scope code. The loader
    /// returns the same modules for a name every time, so each name is resolved once.
    func importModule(_ name: String) {
        if let modules = importedModules[name] {
            for id in modules { enqueue(.module(id)) }
        } else {
            var modules: [Int] = []
            let components = ModuleLoader.components(of: name).filter { !$0.isEmpty }
            for count in 1...max(1, components.count) {
                let prefix = components.prefix(count).joined(separator: ".")
                if let id = loader.module(named: prefix) {
                    modules.append(id)
                    enqueue(.module(id))
                }
            }
            importedModules[name] = modules
        }
        if name.hasPrefix("aws_xray_sdk") { usesXRaySampling = true }
    }

    func location(of position: SourcePosition) -> SourceLocation {
        SourceLocation(file: program.modules[currentModule].displayPath, line: position.line, column: position.column)
    }

    func record(_ calls: [SDKCall]) { currentCalls += calls }

    func markXRaySampling() { usesXRaySampling = true }

    // MARK: Call sites of local functions

    /// Records the values a call passes to a local function's parameters, and queues the
    /// function (again, when the values are new).
    func recordCall(to id: Int, arguments: [Argument], in scope: Int, skipsFirstParameter: Bool) {
        let function = program.functions[id]
        var parameters = function.definition.parameters
        if skipsFirstParameter && function.bindsFirstParameter && !parameters.isEmpty { parameters.removeFirst() }
        var given: [String: Value] = [:]
        var positionalIndex = 0
        for argument in arguments {
            switch argument.kind {
            case .positional:
                guard positionalIndex < parameters.count, parameters[positionalIndex].kind == .normal else { continue }
                given[parameters[positionalIndex].name] = evaluator.evaluate(argument.value, in: scope)
                positionalIndex += 1
            case .keyword(let name):
                given[name] = evaluator.evaluate(argument.value, in: scope)
            default:
                continue
            }
        }
        var changed = false
        for parameter in parameters where parameter.kind == .normal {
            var value = given[parameter.name]
            if value == nil, let defaultValue = parameter.defaultValue {
                value = evaluator.evaluate(defaultValue, in: function.definingScope)
            }
            guard let value else { continue }
            changed = addParameterValue(value, function: id, parameter: parameter.name) || changed
        }
        if changed {
            evaluator.invalidateCaches()
            evaluator.parameterChangeGeneration[id] = evaluator.generation
        }
        if changed || passes[.function(id)] == nil { enqueue(.function(id)) }
    }

    private func addParameterValue(_ value: Value, function: Int, parameter: String) -> Bool {
        var values = evaluator.parameterValues[function]?[parameter] ?? []
        var isNew = false
        for member in value.alternatives where !values.contains(member) && values.count < Self.maximumParameterValues {
            values.append(member)
            isNew = true
        }
        evaluator.parameterValues[function, default: [:]][parameter] = values
        return isNew
    }
}
