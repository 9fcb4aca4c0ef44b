import Synchronization

/// Collects diagnostics from any thread. Identical diagnostics are kept once.
package final class DiagnosticSink: Sendable {
    private let state = Mutex<(list: [Diagnostic], seen: Set<Diagnostic>)>(([], []))

    package init() {}

    package func report(_ diagnostic: Diagnostic) {
        state.withLock { state in
            if state.seen.insert(diagnostic).inserted { state.list.append(diagnostic) }
        }
    }

    package func report(
        _ severity: Severity,
        _ code: DiagnosticCode,
        _ message: String,
        at location: SourceLocation? = nil,
        notes: [String] = []
    ) {
        report(Diagnostic(severity, code, message, at: location, notes: notes))
    }

    /// The diagnostics in the order they were first reported.
    package var diagnostics: [Diagnostic] { state.withLock { $0.list } }

    package var hasErrors: Bool { state.withLock { $0.list.contains { $0.severity == .error } } }
}
